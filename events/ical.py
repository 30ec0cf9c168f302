"""iCalendar (RFC 5545) feeds of the agenda, built with the `icalendar` package.

`EventCalendarFeed` follows django-ical's design: `get_object` picks the scope (one event, or
an agenda with the filters of the query string), then `items` and the `item_*` methods
describe the events. One class serves every feed: national, per département, per kind, per
audience and any combination of them.

Responses carry an ETag and a Last-Modified derived from the `CalendarVersion` the caller
passes (every publication bumps it): an unchanged feed costs one small query and answers 304.
Built feeds are kept in Django's cache under a key that includes that version, so publishing
invalidates them.
"""

import datetime
import hashlib
from dataclasses import dataclass

from django.core.cache import cache
from django.core.exceptions import BadRequest
from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.html import strip_tags
from django.utils.http import http_date
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vRecur
from wagtail.models import Site

from events.choices import Kind, Status
from events.filters import EventFilters
from hub import recurrence

# UIDs must never change, even if the site changes host name: this suffix is fixed.
UID_DOMAIN = "hub-parentalite.fr"
PRODID = "-//Hub Parentalité//Agenda//FR"
CACHE_SECONDS = 24 * 3600


def paris_vtimezone():
    """The VTIMEZONE of Europe/Paris with the EU rules in force since 1996."""
    timezone = Timezone()
    timezone.add("TZID", "Europe/Paris")
    timezone.add("X-LIC-LOCATION", "Europe/Paris")
    daylight = TimezoneDaylight()
    daylight.add("TZNAME", "CEST")
    daylight.add("TZOFFSETFROM", datetime.timedelta(hours=1))
    daylight.add("TZOFFSETTO", datetime.timedelta(hours=2))
    daylight.add("DTSTART", datetime.datetime(1970, 3, 29, 2, 0, 0))
    daylight.add("RRULE", {"FREQ": "YEARLY", "BYMONTH": 3, "BYDAY": "-1SU"})
    standard = TimezoneStandard()
    standard.add("TZNAME", "CET")
    standard.add("TZOFFSETFROM", datetime.timedelta(hours=2))
    standard.add("TZOFFSETTO", datetime.timedelta(hours=1))
    standard.add("DTSTART", datetime.datetime(1970, 10, 25, 3, 0, 0))
    standard.add("RRULE", {"FREQ": "YEARLY", "BYMONTH": 10, "BYDAY": "-1SU"})
    timezone.add_component(daylight)
    timezone.add_component(standard)
    return timezone


def event_uid(event):
    return f"{event.uid}@{UID_DOMAIN}"


def feed_etag(request, version):
    """The ETag of the feed at this address (host, path, query) for this calendar version.

    It depends on the request only, so `FeedNotModifiedMiddleware` can answer 304 before
    any page routing.
    """
    address = f"{request.get_host()}{request.path}?{sorted(request.GET.lists())}"
    return f'"{version.version}-{hashlib.sha256(address.encode()).hexdigest()[:24]}"'


def with_validators(response, etag, changed_at):
    response["ETag"] = etag
    response["Last-Modified"] = http_date(changed_at.timestamp())
    # Calendar clients poll: let them revalidate every time, a 304 is cheap.
    response["Cache-Control"] = "public, no-cache"
    return response


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
        """The events of the agenda's listing, with the same filters: one query for both."""
        if scope.event is not None:
            return [scope.event]
        return scope.index_page.events(scope.filters)

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

    def item_summary(self, item):
        if item.status == Status.CANCELLED:
            return _("[Annulé] %(title)s") % {"title": item.title}
        if item.status == Status.POSTPONED:
            return _("[Reporté] %(title)s") % {"title": item.title}
        return item.title

    def item_status(self, item):
        return {
            Status.CANCELLED: "CANCELLED",
            Status.POSTPONED: "TENTATIVE",
        }.get(item.status, "CONFIRMED")

    def item_description(self, item, url):
        parts = [strip_tags(item.description).strip()]
        parts.append(_("Organisé par : %(organiser)s") % {"organiser": item.organiser})
        if item.online_url:
            parts.append(_("En ligne : %(url)s") % {"url": item.online_url})
        if item.registration_url or item.registration_contact:
            contact = " – ".join(filter(None, [item.registration_url, item.registration_contact]))
            parts.append(_("Inscription : %(contact)s") % {"contact": contact})
        parts.append(url)
        return "\n\n".join(part for part in parts if part)

    def item_location(self, item):
        return item.place_label or item.online_url

    def build_event(self, item, url):
        component = Event()
        component.add("UID", event_uid(item))
        component.add("SUMMARY", self.item_summary(item))
        stamp = item.last_published_at or item.latest_revision_created_at
        component.add("DTSTAMP", stamp)
        component.add("LAST-MODIFIED", stamp)
        component.add("CREATED", item.first_published_at or stamp)
        component.add("SEQUENCE", item.sequence)
        component.add("STATUS", self.item_status(item))
        start, end = recurrence.first_start_end(item)
        component.add("DTSTART", start)
        component.add("DTEND", end)
        rule = recurrence.rule_parts(item)
        if rule:
            component.add("RRULE", vRecur(rule))
            exdates = sorted(exception.date for exception in item.exception_dates.all())
            if exdates:
                if item.all_day:
                    component.add("EXDATE", exdates)
                else:
                    component.add(
                        "EXDATE",
                        [
                            datetime.datetime.combine(day, item.start_time, recurrence.PARIS)
                            for day in exdates
                        ],
                    )
        component.add("URL", url)
        location = self.item_location(item)
        if location:
            component.add("LOCATION", location)
        if item.latitude is not None and item.longitude is not None:
            component.add("GEO", (float(item.latitude), float(item.longitude)))
        component.add("DESCRIPTION", self.item_description(item, url))
        component.add("CATEGORIES", [str(Kind(item.kind).label)])
        component.add("TRANSP", "TRANSPARENT" if item.all_day else "OPAQUE")
        return component

    # -- the calendar ------------------------------------------------------------------------

    def build(self, request, scope):
        return self.calendar(scope, self.page_url_builder(request))

    def calendar(self, scope, page_url):
        """The calendar of `scope` as bytes; `page_url(event)` is each event's public address."""
        calendar = Calendar()
        calendar.add("PRODID", PRODID)
        calendar.add("VERSION", "2.0")
        calendar.add("CALSCALE", "GREGORIAN")
        calendar.add("METHOD", "PUBLISH")
        calendar.add("X-WR-CALNAME", self.title(scope))
        calendar.add("X-WR-TIMEZONE", "Europe/Paris")
        calendar.add(
            "REFRESH-INTERVAL", datetime.timedelta(hours=6), parameters={"VALUE": "DURATION"}
        )
        calendar.add("X-PUBLISHED-TTL", "PT6H")
        calendar.add_component(paris_vtimezone())
        for item in self.items(scope):
            calendar.add_component(self.build_event(item, page_url(item)))
        return calendar.to_ical()

    @staticmethod
    def page_url_builder(request):
        """Absolute page URLs from `url_path`, without one reverse() per event (one site)."""
        site = Site.find_for_request(request)
        if site is None:
            return lambda item: item.get_full_url(request=request)
        base = request.build_absolute_uri("/")
        skip = len(site.root_page.url_path)
        return lambda item: base + item.url_path[skip:]

    def __call__(self, request):
        scope = self.get_object(request)
        version = self.version
        etag = feed_etag(request, version)
        not_modified = get_conditional_response(
            request, etag=etag, last_modified=int(version.changed_at.timestamp())
        )
        if not_modified is not None:
            return with_validators(not_modified, etag, version.changed_at)
        key = f"events:ical:{etag.strip(chr(34))}"
        body = cache.get(key)
        if body is None:
            body = self.build(request, scope)
            cache.set(key, body, CACHE_SECONDS)
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        disposition = "attachment" if scope.event is not None else "inline"
        response["Content-Disposition"] = f'{disposition}; filename="{self.filename(scope)}"'
        return with_validators(response, etag, version.changed_at)


def event_ics(event, url):
    """One event's `.ics` as bytes, with the same VEVENT as the feeds (e-mail attachments)."""
    return EventCalendarFeed(event=event).calendar(FeedScope(event=event), lambda item: url)
