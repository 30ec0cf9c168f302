import dataclasses
import datetime
from collections import defaultdict

from django.core.exceptions import BadRequest
from django.db.models import Exists, F, OuterRef
from django.db.models.functions import Length, Substr
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import PageViewRestriction

from events import choices
from events.calendar_month import month_grid
from events.filters import AgendaFilterForm, EventFilters
from events.ical import FEED_FIELDS, EventCalendarFeed, FeedEvent
from hub import recurrence
from hub.models import DepartementPage
from hub.models.pages import SectionIndexPage
from search.api import ResultList
from search.listing import WayOut

from .calendar_version import CalendarVersion
from .event import EventExceptionDate, EventPage

TEMPLATES = {
    "archive": "events/event_archive_page.html",
    "month": "events/event_month_page.html",
}


def unrestricted():
    """Pages under no view restriction (Wagtail's `public()`, in the same query rather than
    one more for the restrictions: a feed costs its two queries whatever the content)."""
    restrictions = PageViewRestriction.objects.annotate(length=Length("page__path"))
    return ~Exists(restrictions.filter(page__path=Substr(OuterRef("path"), 1, F("length"))))


def feed_rows(events):
    """`events` (a queryset of event pages, in order) as the feeds read them (`FeedEvent`): two
    queries (the events' rows, their exception dates), whatever their number."""
    exception_days = defaultdict(list)
    exceptions = EventExceptionDate.objects.filter(event__in=events.values("pk"))
    for event_id, day in exceptions.order_by("date").values_list("event_id", "date"):
        exception_days[event_id].append(day)
    return [
        FeedEvent(*row, exception_days.get(row[0], [])) for row in events.values_list(*FEED_FIELDS)
    ]


def with_event_pages(occurrences):
    """`occurrences` of plain rows, each with its event's page instead (one query)."""
    ids = {item.event.pk for item in occurrences}
    pages = (
        EventPage.objects.select_related("departement")
        .prefetch_related("exception_dates")
        .in_bulk(ids)
    )
    return [
        dataclasses.replace(item, event=pages[item.event.pk])
        for item in occurrences
        if item.event.pk in pages
    ]


class EventIndexPage(RoutablePageMixin, SectionIndexPage):
    """The "Agenda" of a département, or of the whole network: upcoming events, month grid,
    archive and iCalendar feeds, all filterable by kind, audience and département.

    Its listing items are occurrences of events, which the search engine does not know: the
    engine finds the events matching the words, the agenda lays out their occurrences.
    """

    subpage_types = ["events.EventPage"]
    form_class = AgendaFilterForm
    per_page = 20
    folds_before_search = True
    # Which of the agenda's views is served ("upcoming", "archive", "month"): set by the route.
    agenda_view = "upcoming"

    class Meta:
        verbose_name = gettext_lazy("agenda")
        verbose_name_plural = gettext_lazy("agendas")

    # -- the listing hooks ---------------------------------------------------------------

    def form_kwargs(self, request):
        return {"section": self.section, "sections": [] if self.section else self._sections()}

    def search_request(self, filters):
        return filters["event_filters"].search_request(self.scope_filters())

    def listing_items(self, filters, search_request):
        return self.occurrences(filters["event_filters"], past=self.agenda_view == "archive")

    def listing_context(self, request, form, page_obj):
        filters = form.filters() if form.is_valid() else EventFilters()
        feed_url = self.reverse_subpage("feed") + filters.querystring
        absolute_feed_url = request.build_absolute_uri(self.url + feed_url)
        context = {
            "view": self.agenda_view,
            "section": self.section,
            "filters": filters,
            "kinds": choices.Kind.choices,
            "audiences": choices.Audience.choices,
            "departements": (
                None if self.section else [page.departement for page in self._sections()]
            ),
            "feed_https_url": absolute_feed_url,
            "feed_webcal_url": "webcal://" + absolute_feed_url.split("://", 1)[1],
        }
        if page_obj is not None and not page_obj.paginator.count and form.is_filtered():
            context["ways_out"] = [*self.ways_out(request, form), self.other_view_way(filters)]
        return context

    def other_view_way(self, filters):
        """The way out of an empty list towards the same filters in the past (from the
        upcoming events) or in the future (from the past ones), with its count."""
        past = self.agenda_view != "archive"
        if past:
            label = _("Les événements passés avec ces critères")
        else:
            label = _("Les événements à venir avec ces critères")
        url = self.url + self.reverse_subpage("archive" if past else "upcoming")
        count = len(self.occurrences(filters, past=past))
        return WayOut(label, filters.querystring, count, url=url)

    def render_listing(self, request, context, status=200):
        view = self.agenda_view
        template = TEMPLATES.get(view) if status == 200 else None
        response = self.render(request, context_overrides=context, template=template)
        response.status_code = status
        return response

    # -- what the agenda shows -------------------------------------------------------------

    def page_of(self, request, filters):
        """The page of occurrences asked for, each with its whole event page (one query)."""
        page_obj = super().page_of(request, filters)
        page_obj.object_list = with_event_pages(page_obj.object_list)
        return page_obj

    def occurrences(self, filters, past=False):
        """The occurrences of the events matching `filters`: those to come in date order, or
        (`past`) those ended, the most recent first. Laid out from the events' plain rows
        (`feed_rows`, two queries): a national agenda holds thousands of events, and only the
        page shown needs their pages (`page_of`)."""
        now = timezone.now()
        events = self.matching_events(filters)
        if past:
            events = events.filter(start_date__lte=timezone.localdate())
            rows = feed_rows(events)
            ended = [item for item in recurrence.occurrences(rows) if item.ends_at <= now]
            ended.reverse()
            return ended
        events = events.filter(last_date__gte=timezone.localdate())
        return recurrence.occurrences(feed_rows(events), after=now)

    def events(self, filters):
        """The live events of this agenda matching `filters`, ready for occurrence lists."""
        return (
            self.matching_events(filters)
            .select_related("departement")
            .prefetch_related("exception_dates")
        )

    def feed_events(self, filters):
        """The events of `events(filters)` as the feeds read them (`FeedEvent`), in the same
        order: two queries (the events' rows, their exception dates), whatever their number."""
        return feed_rows(self.matching_events(filters))

    def matching_events(self, filters):
        """The live public events of this agenda matching `filters`, by start date (events
        restricted to members are only in the members' private feed)."""
        queryset = self.scoped(EventPage.objects.live().filter(unrestricted()))
        if filters.departement is not None:
            queryset = queryset.descendant_of(filters.departement.section)
        if filters.text:
            found = ResultList(filters.search_request(self.scope_filters())).ids()
            queryset = queryset.filter(pk__in=found)
        if filters.kind:
            queryset = queryset.filter(kind=filters.kind)
        if filters.audience:
            queryset = queryset.filter(audience=filters.audience)
        return queryset.order_by("start_date", "pk")

    def _sections(self):
        if not hasattr(self, "_live_sections"):
            self._live_sections = list(
                DepartementPage.objects.live()
                .select_related("departement")
                .order_by("departement__code")
            )
        return self._live_sections

    @path("", name="upcoming")
    def upcoming(self, request):
        self.agenda_view = "upcoming"
        return self.serve_listing(request)

    @path("archives/", name="archive")
    def archive(self, request):
        self.agenda_view = "archive"
        return self.serve_listing(request)

    @re_path(r"^mois/(?P<year>\d{4})-(?P<month>\d{2})/$", name="month")
    def month(self, request, year, month):
        self.agenda_view = "month"
        try:
            first_day = datetime.date(int(year), int(month), 1)
        except ValueError:
            raise BadRequest(
                _("Le mois « %(value)s » n'existe pas.") % {"value": f"{year}-{month}"}
            ) from None
        form, cleaned = self.valid_filters(request)
        if cleaned is None:
            return self.invalid_listing(request, form)
        filters = cleaned["event_filters"]
        grid = month_grid(first_day)
        events = self.events(filters).filter(
            start_date__lte=grid.last_day, last_date__gte=grid.first_day
        )
        grid.fill(recurrence.occurrences(events, *grid.bounds()))
        context = {
            "form": form,
            "grid": grid,
            "previous_url": self._month_url(grid.previous_month, filters),
            "next_url": self._month_url(grid.next_month, filters),
            **self.folding_context(form),
            **self.listing_context(request, form, None),
        }
        return self.render_listing(request, context)

    def _month_url(self, day, filters):
        return (
            self.url
            + self.reverse_subpage("month", args=(f"{day:%Y}", f"{day:%m}"))
            + filters.querystring
        )

    @path("ical/", name="feed")
    def feed(self, request):
        return EventCalendarFeed(index_page=self, version=CalendarVersion.current())(request)
