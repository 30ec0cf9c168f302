"""iCalendar (RFC 5545) feeds of the agenda, written line by line (`events.rfc5545`).

`EventCalendarFeed` follows django-ical's design: `get_object` picks the scope (one event, or
an agenda with the filters of the query string), then `items` and the `item_*` methods
describe the events. One class serves every feed: national, per département, per kind, per
audience and any combination of them. Events are read as plain rows (`FeedEvent`, from
`EventIndexPage.feed_events`): two queries whatever their number, no page instance.

Responses carry an ETag and a Last-Modified derived from the `CalendarVersion` the feed was
built at (every publication bumps it): an unchanged feed costs one small query and answers 304.
Built feeds are kept in Django's cache by address; after a publication, pollers keep getting
the previous version while a background task (`refresh_feed`) builds the new one:
no client ever waits for a rebuild, except the very first of an address.
"""

import datetime
import hashlib
import io
from collections import namedtuple
from dataclasses import dataclass

from django.apps import apps
from django.core.cache import cache
from django.core.exceptions import BadRequest
from django.core.handlers.wsgi import WSGIRequest
from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.models import Page, Site

from events import rfc5545
from events.choices import Kind, Status
from events.filters import EventFilters
from hub import frontend_cache, recurrence
from search.text import strip_tags

# UIDs must never change, even if the site changes host name: this suffix is fixed.
UID_DOMAIN = "hub-parentalite.fr"
PRODID = "-//Hub Parentalité//Agenda//FR"
CACHE_SECONDS = 24 * 3600
# A rebuild not done by then (a worker down) is asked for again by the next poll.
PENDING_SECONDS = 600


TZID = "Europe/Paris"
# The VTIMEZONE of Europe/Paris with the EU rules in force since 1996.
PARIS_VTIMEZONE = [
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    f"X-LIC-LOCATION:{TZID}",
    "BEGIN:DAYLIGHT",
    "TZNAME:CEST",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZNAME:CET",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
]


# What a feed reads of an event: one row each (`EventIndexPage.feed_events`), never a page.
FEED_FIELDS = (
    "pk",
    "uid",
    "title",
    "slug",
    "url_path",
    "status",
    "kind",
    "sequence",
    "first_published_at",
    "last_published_at",
    "latest_revision_created_at",
    "start_date",
    "start_time",
    "end_date",
    "end_time",
    "recurrence",
    "recurrence_interval",
    "recurrence_until",
    "recurrence_count",
    "venue_name",
    "address",
    "postcode",
    "commune",
    "online_url",
    "latitude",
    "longitude",
    "description",
    "organiser",
    "registration_url",
    "registration_contact",
)


def place_label(event):
    """Venue, address, postcode and commune on one line (`EventPage.place_label`)."""
    parts = [
        event.venue_name,
        event.address,
        " ".join(filter(None, [event.postcode, event.commune])),
    ]
    return ", ".join(part for part in parts if part)


class FeedEvent(namedtuple("FeedEvent", [*FEED_FIELDS, "exception_days"])):
    """An event as the feeds write it: the values of `FEED_FIELDS` (one database row) and its
    exception dates in order. `hub.recurrence` reads it as it reads an event page."""

    __slots__ = ()

    @classmethod
    def of_page(cls, page):
        """The feed event of a page instance (one event's feed, e-mail attachments)."""
        days = sorted(item.date for item in page.exception_dates.all())
        return cls(*(getattr(page, name) for name in FEED_FIELDS), days)

    @property
    def all_day(self):
        return self.start_time is None

    place_label = property(place_label)


def event_uid(event):
    return f"{event.uid}@{UID_DOMAIN}"


def feed_address(request):
    """What names a feed, whatever its version: host, path and sorted query."""
    return f"{request.get_host()}{request.path}?{sorted(request.GET.lists())}"


def feed_etag(request, version_number):
    """The ETag of the feed at this address (host, path, query) for this calendar version.

    It depends on the request only, so `FeedNotModifiedMiddleware` can answer 304 before
    any page routing.
    """
    digest = hashlib.sha256(feed_address(request).encode()).hexdigest()[:24]
    return f'"{version_number}-{digest}"'


def _key(kind, request):
    return f"events:ical:{kind}:{hashlib.sha256(feed_address(request).encode()).hexdigest()}"


def served_version(request):
    """(version number, changed_at) of the feed pollers of this address get now, or None
    when it was never built: the previous version while a rebuild is pending."""
    return cache.get(_key("served", request))


def store_feed(request, version, body):
    """Keep `body`, built at `version`, as the feed of this address."""
    cache.set(_key("body", request), (version.version, body), CACHE_SECONDS)
    cache.set(_key("served", request), (version.version, version.changed_at), CACHE_SECONDS)


def refresh_later(request, page, version):
    """Have the feed of this address rebuilt in the background for `version` (once)."""
    if cache.add(f"{_key('pending', request)}:{version.version}", True, PENDING_SECONDS):
        refresh_feed.enqueue(
            page.pk,
            request.path,
            request.META.get("QUERY_STRING", ""),
            request.get_host(),
            request.scheme,
        )


def with_validators(response, etag, changed_at):
    response["ETag"] = etag
    response["Last-Modified"] = http_date(changed_at.timestamp())
    return response


ICAL_STATUSES = {Status.CANCELLED: "CANCELLED", Status.POSTPONED: "TENTATIVE"}


@dataclass(frozen=True)
class FeedWords:
    """The translated words of the VEVENTs, looked up once per calendar, not once per event."""

    cancelled: str
    postponed: str
    organiser: str
    online: str
    registration: str
    categories: dict  # kind -> its label, escaped

    @classmethod
    def current(cls):
        return cls(
            cancelled=_("[Annulé] %(title)s"),
            postponed=_("[Reporté] %(title)s"),
            organiser=_("Organisé par : %(organiser)s"),
            online=_("En ligne : %(url)s"),
            registration=_("Inscription : %(contact)s"),
            categories={kind.value: rfc5545.text(kind.label) for kind in Kind},
        )


@dataclass(frozen=True)
class FeedScope:
    """What a feed shows: one event, or an agenda (national when `section` is None) with filters."""

    event: object = None  # an EventPage
    index_page: object = None
    filters: EventFilters = EventFilters()

    @property
    def section(self):
        return self.index_page.section if self.index_page is not None else None


class EventCalendarFeed:
    """One iCalendar feed class for every scope (see the module docstring)."""

    def __init__(self, index_page=None, event=None, version=None):
        self.index_page = index_page
        self.event = event
        self.version = version

    # -- scope and items ---------------------------------------------------------------------

    def get_object(self, request):
        if self.event is not None:
            return FeedScope(event=self.event)
        form, filters = self.index_page.valid_filters(request)
        if filters is None:
            raise BadRequest(" ".join(form.problems()))
        return FeedScope(index_page=self.index_page, filters=filters["event_filters"])

    def items(self, scope):
        """The events of the agenda's listing, with the same filters, as plain rows."""
        if scope.event is not None:
            return [FeedEvent.of_page(scope.event)]
        return scope.index_page.feed_events(scope.filters)

    def title(self, scope):
        if scope.event is not None:
            return f"{scope.event.title} – Hub Parentalité"
        labels = [scope.section.departement.nom] if scope.section else []
        labels += scope.filters.labels()
        if not labels:
            return _("Agenda du réseau – Hub Parentalité")
        return _("Agenda – %(filters)s – Hub Parentalité") % {"filters": " – ".join(labels)}

    def filename(self, scope):
        if scope.event is not None:
            return f"{scope.event.slug}.ics"
        return "agenda.ics"

    # -- one event ---------------------------------------------------------------------------

    def item_summary(self, item, words):
        if item.status == Status.CANCELLED:
            return words.cancelled % {"title": item.title}
        if item.status == Status.POSTPONED:
            return words.postponed % {"title": item.title}
        return item.title

    def item_description(self, item, url, words):
        parts = [strip_tags(item.description).strip()]
        parts.append(words.organiser % {"organiser": item.organiser})
        if item.online_url:
            parts.append(words.online % {"url": item.online_url})
        if item.registration_url or item.registration_contact:
            contact = " – ".join(filter(None, [item.registration_url, item.registration_contact]))
            parts.append(words.registration % {"contact": contact})
        parts.append(url)
        return "\n\n".join(part for part in parts if part)

    def item_location(self, item):
        return item.place_label or item.online_url

    def build_event(self, item, url, words):
        """The VEVENT of `item` (a `FeedEvent`) as folded UTF-8 lines (see `events.rfc5545`)."""
        stamp = rfc5545.utc(item.last_published_at or item.latest_revision_created_at)
        start, end = recurrence.first_start_end(item)
        lines = [
            "BEGIN:VEVENT",
            f"UID:{event_uid(item)}",
            f"SUMMARY:{rfc5545.text(self.item_summary(item, words))}",
            f"DTSTAMP:{stamp}",
            f"LAST-MODIFIED:{stamp}",
            f"CREATED:{rfc5545.utc(item.first_published_at) if item.first_published_at else stamp}",
            f"SEQUENCE:{item.sequence}",
            f"STATUS:{ICAL_STATUSES.get(item.status, 'CONFIRMED')}",
            rfc5545.when("DTSTART", start, TZID),
            rfc5545.when("DTEND", end, TZID),
        ]
        rule = recurrence.rule_parts(item)
        if rule:
            lines.append(f"RRULE:{rfc5545.recur(rule)}")
            exdates = item.exception_days
            if exdates and not item.all_day:
                exdates = [
                    datetime.datetime.combine(day, item.start_time, recurrence.PARIS)
                    for day in exdates
                ]
            if exdates:
                lines.append(rfc5545.dates("EXDATE", exdates, TZID))
        lines.append(f"URL:{url}")
        location = self.item_location(item)
        if location:
            lines.append(f"LOCATION:{rfc5545.text(location)}")
        if item.latitude is not None and item.longitude is not None:
            lines.append(f"GEO:{float(item.latitude)};{float(item.longitude)}")
        lines += [
            f"DESCRIPTION:{rfc5545.text(self.item_description(item, url, words))}",
            f"CATEGORIES:{words.categories[item.kind]}",
            f"TRANSP:{'TRANSPARENT' if item.all_day else 'OPAQUE'}",
            "END:VEVENT",
        ]
        return rfc5545.fold_lines(lines)

    # -- the calendar ------------------------------------------------------------------------

    def build(self, request, scope):
        return self.calendar(scope, self.page_url_builder(request))

    def calendar(self, scope, page_url):
        """The calendar of `scope` as bytes; `page_url(event)` is each event's public address."""
        header = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            f"PRODID:{PRODID}",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            f"X-WR-CALNAME:{rfc5545.text(self.title(scope))}",
            f"X-WR-TIMEZONE:{TZID}",
            "REFRESH-INTERVAL;VALUE=DURATION:PT6H",
            "X-PUBLISHED-TTL:PT6H",
            *PARIS_VTIMEZONE,
        ]
        parts = [rfc5545.fold_lines(header)]
        words = FeedWords.current()
        parts += [self.build_event(item, page_url(item), words) for item in self.items(scope)]
        parts.append(b"END:VCALENDAR")
        return b"\r\n".join(parts) + b"\r\n"

    @staticmethod
    def page_url_builder(request):
        """Absolute page URLs from `url_path`, without one reverse() per event: from the
        request's site, or else from the site whose root holds the page (as Wagtail does)."""
        site = Site.find_for_request(request)
        if site is not None:
            base = request.build_absolute_uri("/")
            skip = len(site.root_page.url_path)
            return lambda item: base + item.url_path[skip:]
        roots = Site.get_site_root_paths()

        def page_url(item):
            for root in roots:
                if item.url_path.startswith(root.root_path):
                    return f"{root.root_url}/{item.url_path[len(root.root_path) :]}"
            return None

        return page_url

    def __call__(self, request):
        """The feed as built for the current calendar version; while a publication's rebuild
        is pending (`refresh_feed`), the previous version, with its validators."""
        scope = self.get_object(request)
        version = self.version
        cached = cache.get(_key("body", request))
        served = served_version(request)
        if cached is None or served is None:
            body = self.build(request, scope)
            store_feed(request, version, body)
            number, changed_at = version.version, version.changed_at
        else:
            (number, body), (_number, changed_at) = cached, served
            if number != version.version:
                refresh_later(request, scope.event or scope.index_page, version)
        etag = feed_etag(request, number)
        not_modified = get_conditional_response(
            request, etag=etag, last_modified=int(changed_at.timestamp())
        )
        if not_modified is not None:
            return with_validators(not_modified, etag, changed_at)
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        disposition = "attachment" if scope.event is not None else "inline"
        response["Content-Disposition"] = f'{disposition}; filename="{self.filename(scope)}"'
        return with_validators(response, etag, changed_at)


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
    version = apps.get_model("events", "CalendarVersion").current()
    if page._meta.model_name == "eventpage":
        feed = EventCalendarFeed(event=page, version=version)
    else:
        feed = EventCalendarFeed(index_page=page, version=version)
    store_feed(request, version, feed.build(request, feed.get_object(request)))
    # The proxy kept the previous version the view answered while this one was being built.
    frontend_cache.ban_address(path)
    return version.version


def event_ics(event, url):
    """One event's `.ics` as bytes, with the same VEVENT as the feeds (e-mail attachments)."""
    return EventCalendarFeed(event=event).calendar(FeedScope(event=event), lambda item: url)
