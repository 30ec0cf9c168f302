import datetime

from django.core.exceptions import BadRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path

from events import recurrence
from events.calendar_month import month_grid
from events.filters import parse_filters
from hub.models import DepartementPage
from hub.models.pages import SectionIndexPage
from hub.pagination import paginate


class EventIndexPage(RoutablePageMixin, SectionIndexPage):
    """The "Agenda" of a département, or of the whole network: upcoming events, month grid,
    archive and iCalendar feeds, all filterable by kind, audience and département."""

    subpage_types = ["events.EventPage"]
    per_page = 20

    class Meta:
        verbose_name = gettext_lazy("agenda")
        verbose_name_plural = gettext_lazy("agendas")

    def events(self, filters):
        """The live events of this agenda matching `filters`, ready for occurrence lists."""
        from events.models import EventPage

        queryset = self.scoped(EventPage.objects.live())
        return (
            filters.apply(queryset)
            .select_related("departement")
            .prefetch_related("exception_dates")
            .order_by("start_date", "pk")
        )

    def listing_context(self, request):
        section = self.section
        filters = parse_filters(request, section)
        feed_url = self.reverse_subpage("feed") + filters.querystring
        absolute_feed_url = request.build_absolute_uri(self.url + feed_url)
        return filters, {
            "section": section,
            "filters": filters,
            "kinds": self._choices("Kind"),
            "audiences": self._choices("Audience"),
            "departements": None if section else self._departements(),
            "feed_https_url": absolute_feed_url,
            "feed_webcal_url": "webcal://" + absolute_feed_url.split("://", 1)[1],
        }

    @staticmethod
    def _choices(name):
        from events.models import EventPage

        return getattr(EventPage, name).choices

    @staticmethod
    def _departements():
        return [
            section.departement
            for section in DepartementPage.objects.live()
            .select_related("departement")
            .order_by("departement__code")
        ]

    @path("", name="upcoming")
    def upcoming(self, request):
        filters, context = self.listing_context(request)
        now = timezone.now()
        events = self.events(filters).filter(last_date__gte=timezone.localdate())
        page_obj = paginate(request, recurrence.occurrences(events, after=now), self.per_page)
        context.update(view="upcoming", page_obj=page_obj)
        return self.render(request, context_overrides=context)

    @path("archives/", name="archive")
    def archive(self, request):
        filters, context = self.listing_context(request)
        now = timezone.now()
        events = self.events(filters).filter(start_date__lte=timezone.localdate())
        past = [item for item in recurrence.occurrences(events) if item.ends_at <= now]
        past.reverse()
        context.update(view="archive", page_obj=paginate(request, past, self.per_page))
        return self.render(
            request, context_overrides=context, template="events/event_archive_page.html"
        )

    @re_path(r"^mois/(?P<year>\d{4})-(?P<month>\d{2})/$", name="month")
    def month(self, request, year, month):
        filters, context = self.listing_context(request)
        try:
            first_day = datetime.date(int(year), int(month), 1)
        except ValueError:
            raise BadRequest(
                _("Le mois « %(value)s » n'existe pas.") % {"value": f"{year}-{month}"}
            ) from None
        grid = month_grid(first_day)
        events = self.events(filters).filter(
            start_date__lte=grid.last_day, last_date__gte=grid.first_day
        )
        grid.fill(recurrence.occurrences(events, *grid.bounds()))
        context.update(
            view="month",
            grid=grid,
            previous_url=self._month_url(grid.previous_month, filters),
            next_url=self._month_url(grid.next_month, filters),
        )
        return self.render(
            request, context_overrides=context, template="events/event_month_page.html"
        )

    def _month_url(self, day, filters):
        return (
            self.url
            + self.reverse_subpage("month", args=(f"{day:%Y}", f"{day:%m}"))
            + filters.querystring
        )

    @path("ical/", name="feed")
    def feed(self, request):
        from events.ical import EventCalendarFeed

        return EventCalendarFeed(index_page=self)(request)
