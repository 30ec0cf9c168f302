"""Background work of the agenda: rebuilding a feed after a publication, out of any request."""

import io

from django.core.handlers.wsgi import WSGIRequest
from django_tasks import task
from wagtail.models import Page

from events.ical import EventCalendarFeed, store_feed
from events.models import CalendarVersion, EventPage


@task()
def refresh_feed(page_id, path, query_string, host, scheme):
    """Build the feed at this address for the current calendar version and keep it, so that
    pollers move from the previous version to this one. Returns the version built, or None
    when the agenda or event is gone (its feed then answers 404 on the next poll)."""
    page = Page.objects.live().filter(pk=page_id).specific().first()
    if page is None:
        return None
    server, _colon, port = host.partition(":")
    request = WSGIRequest(
        {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "QUERY_STRING": query_string,
            "HTTP_HOST": host,
            "SERVER_NAME": server,
            "SERVER_PORT": port or ("443" if scheme == "https" else "80"),
            "wsgi.url_scheme": scheme,
            "wsgi.input": io.BytesIO(),
        }
    )
    version = CalendarVersion.current()
    if isinstance(page, EventPage):
        feed = EventCalendarFeed(event=page, version=version)
    else:
        feed = EventCalendarFeed(index_page=page, version=version)
    store_feed(request, version, feed.build(request, feed.get_object(request)))
    return version.version
