"""Parents' alerts: a directory or agenda search, saved with an address once confirmed, and
sent weekly with what was published since the last look (nothing new, nothing sent).

The search is the listing's own query string, read by the listing's own form, and run by the
listing's own code (the site's search interface for the directory, the agenda's events): an alert
finds exactly what the page would show, restricted to what is new.
"""

from dataclasses import replace
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import Http404, QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from directory.models import DirectoryIndexPage
from events.models import EventIndexPage
from hub import mail
from search.api import ResultList

from . import tokens
from .models import SavedAlert
from .sending import digest, unsubscribe_headers

LISTING_TYPES = (DirectoryIndexPage, EventIndexPage)
MAX_OFFERS = 30


def listing_or_404(pk):
    page = Page.objects.live().filter(pk=pk).specific().first()
    if not isinstance(page, LISTING_TYPES):
        raise Http404
    return page


def clean_query(params):
    """The query string of a search, without its page number, in a stable order."""
    query = QueryDict(mutable=True)
    for name in sorted(params):
        if name != "page":
            query.setlist(name, params.getlist(name))
    return query.urlencode()


MAX_QUERY_LENGTH = 1000


def read_search(listing, query):
    """(form, filters) of `query` read by the listing's form; BadRequest naming the problems."""
    if len(query) > MAX_QUERY_LENGTH:
        raise BadRequest(_("Cette recherche est trop longue pour être enregistrée en alerte."))
    form = listing.form_class(QueryDict(query), **listing.form_kwargs(None))
    if not form.is_valid():
        raise BadRequest(" ".join(form.problems()))
    return form, form.cleaned_data


def describe_search(listing, form):
    return form.summary() or _("Toutes les fiches de « %(liste)s »") % {"liste": listing.title}


def new_offers(listing, filters, since, until):
    """The live pages matching the search first published in (since, until]."""
    published = {"first_published_at__gt": since, "first_published_at__lte": until}
    if isinstance(listing, EventIndexPage):
        events = listing.events(filters["event_filters"]).filter(
            last_date__gte=timezone.localdate(), **published
        )
        return list(events.order_by("start_date", "pk")[:MAX_OFFERS])
    search_request = replace(listing.search_request(filters), approximate=False)
    ids = ResultList(search_request).ids()
    records = listing.display_queryset(filters).filter(pk__in=ids, **published)
    return list(records.order_by("title", "pk")[:MAX_OFFERS])


def request_alert(email, listing, query):
    """The one message before confirmation: the signed link that saves the alert."""
    token = tokens.make({"e": email, "l": listing.pk, "q": query}, tokens.ALERT_SALT)
    form, _filters = read_search(listing, query)
    return mail.send(
        "newsletter/email/confirm_alert",
        {
            "confirm_url": mail.absolute_url(reverse("newsletter:alert_confirm", args=[token])),
            "search": describe_search(listing, form),
            "listing": listing,
            "days": settings.NEWSLETTER_CONFIRMATION_DAYS,
        },
        to=email,
        key=f"alerte-confirmation:{digest(email, listing.pk, query, timezone.localdate())}",
    )


def due_alerts(now=None):
    now = now or timezone.now()
    return SavedAlert.objects.filter(
        checked_until__lte=now - timedelta(days=settings.ALERT_INTERVAL_DAYS)
    )


def check_alert(alert, now=None):
    """Send `alert` what is new since it was last looked at; 1 if a message was written.

    An alert not due (looked at less than `ALERT_INTERVAL_DAYS` ago) is left alone: running the
    weekly task twice sends nothing twice.
    """
    now = now or timezone.now()
    if alert.checked_until > now - timedelta(days=settings.ALERT_INTERVAL_DAYS):
        return 0
    listing = Page.objects.filter(pk=alert.listing_id).specific().first()
    try:
        form, filters = read_search(listing, alert.query)
    except BadRequest:
        return 0
    offers = new_offers(listing, filters, alert.checked_until, now)
    sent = 0
    if offers:
        url = mail.absolute_url(reverse("newsletter:alert_unsubscribe", args=[alert.token]))
        mail.send(
            "newsletter/email/alert",
            {
                "offers": [(offer, mail.absolute_url(offer.url)) for offer in offers],
                "search": describe_search(listing, form),
                "search_url": mail.absolute_url(
                    listing.url + (f"?{alert.query}" if alert.query else "")
                ),
                "unsubscribe_url": url,
            },
            to=alert.email,
            key=f"alerte:{alert.pk}:{digest(alert.checked_until.isoformat())}",
            headers=unsubscribe_headers(url),
        )
        sent = 1
    alert.checked_until = now
    alert.save(update_fields=["checked_until"])
    return sent
