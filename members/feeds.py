"""A member's private calendar: the public and restricted events of their département, at an
address carrying their secret (`Membership.feed_secret_hash`). Written by the agenda's feed
writer (`events.ical`), never cached by a shared cache."""

from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from events.ical import EventCalendarFeed
from events.models import EventPage
from events.models.index import feed_rows

from .accounts import membership_of_feed


class MemberCalendarFeed(EventCalendarFeed):
    def __init__(self, departement):
        super().__init__()
        self.departement = departement

    def items(self, scope):
        events = EventPage.objects.live().order_by("start_date", "pk")
        section = getattr(self.departement, "section", None)
        return feed_rows(events.descendant_of(section)) if section else []

    def title(self, scope):
        return _("Agenda des membres – %(departement)s – Hub Parentalité") % {
            "departement": self.departement.nom
        }


@require_GET
def private_feed(request, secret):
    membership = membership_of_feed(secret)
    if membership is None:
        raise Http404
    feed = MemberCalendarFeed(membership.departement)
    response = HttpResponse(
        feed.calendar(None, feed.page_url_builder(request)),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'inline; filename="agenda-membres.ics"'
    response["Cache-Control"] = "private, no-store"
    return response
