"""Answer unchanged calendar feeds with 304 before Wagtail routes the request.

Calendar applications poll feeds every few minutes with the ETag they were given. When it
still matches (same address, no publication since), one indexed query and one cache read are
all it costs. After a publication, the feed view answers from the previous version and asks
for the rebuild (`events.ical`).
Anything else (first download, changed feed, If-Modified-Since alone) goes to the feed view.
"""

from django.utils.cache import get_conditional_response

from events.ical import feed_etag, served_version, with_validators
from events.models import CalendarVersion

FEED_SUFFIX = "/ical/"


class FeedNotModifiedMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method in ("GET", "HEAD")
            and request.path.endswith(FEED_SUFFIX)
            and request.headers.get("If-None-Match")
        ):
            version = CalendarVersion.current()
            served = served_version(request)
            if served is None or served[0] == version.version:
                etag = feed_etag(request, version.version)
                response = get_conditional_response(request, etag=etag)
                if response is not None and response.status_code == 304:
                    return with_validators(response, etag, version.changed_at)
        return self.get_response(request)
