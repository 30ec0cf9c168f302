"""Registrations to an event: places, waiting list, signed cancel links and their e-mails.

Each change of places happens with the form page's row locked (`select_for_update`), so that two
people registering at once never take the same last place. The confirmation carries the
event's `.ics` (`events.ical.event_ics`, the same VEVENT as the agenda's feeds) and a cancel
link: signed, single use (a cancelled registration is not cancelled twice), opening a page
with one button, since mail scanners follow links.

Every change of places (a registration, a cancellation, a registration deleted in the admin)
bans the event page and the form page from the proxy after the commit (`hub.frontend_cache`):
the shared cache never shows places that are gone. A confirmed registration deleted while
registrations are open frees its place like a cancellation (`webforms.signals`); one deleted
by the retention period (the event is over) moves nobody up.
"""

from django.apps import apps
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.ical import event_ics
from hub import frontend_cache, mail

CANCEL_SALT = "webforms.registration.cancel"
# `webforms.models` calls this module: its models are looked up by name, not imported.
CONFIRMED, WAITING, CANCELLED = "confirmed", "waiting", "cancelled"


def answers():
    return apps.get_model("webforms", "FormAnswer").objects


class CancelRefused(Exception):
    """A cancel link that cannot be used; `message` says why, in French."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def cancel_url(answer):
    token = signing.dumps(str(answer.token), salt=CANCEL_SALT)
    return mail.absolute_url(reverse("webforms:cancel", args=[token]))


def answer_for_token(token):
    """The registration a cancel link names, still to cancel; `CancelRefused` otherwise."""
    try:
        value = signing.loads(token, salt=CANCEL_SALT)
    except signing.BadSignature as error:
        raise CancelRefused(
            _("Ce lien d'annulation n'est pas valide : copiez-le en entier depuis le courriel.")
        ) from error
    answer = answers().filter(token=value).first() if isinstance(value, str) else None
    if answer is None:
        raise CancelRefused(_("Cette inscription n'existe plus."))
    if answer.status == CANCELLED:
        raise CancelRefused(_("Ce lien a déjà servi : l'inscription est déjà annulée."))
    return answer


def locked_page(page_pk):
    pages = apps.get_model("webforms", "RegistrationFormPage").objects
    return pages.select_for_update(of=("self",)).select_related("event").get(pk=page_pk)


@transaction.atomic
def register(form_page, form):
    """Record the registration of `form`: a place if one is left, else the waiting list."""
    page = locked_page(form_page.pk)
    confirmed, _waiting = page.counts()
    capacity = page.event.capacity
    status = CONFIRMED if capacity is None or confirmed < capacity else WAITING
    answer = answers().create(
        page=page,
        form_data=form.cleaned_data,
        email=form.cleaned_data["registrant_email"],
        status=status,
        status_changed_at=timezone.now(),
    )
    notify(answer, page, "confirmed" if status == CONFIRMED else "waiting")
    places_changed(page)
    return answer


@transaction.atomic
def cancel(answer):
    """Cancel `answer` and give its place to the first people waiting, who are told by e-mail."""
    page = locked_page(answer.page_id)
    answer.refresh_from_db()
    if answer.status == CANCELLED:
        raise CancelRefused(_("Ce lien a déjà servi : l'inscription est déjà annulée."))
    answer.status = CANCELLED
    answer.status_changed_at = timezone.now()
    answer.save(update_fields=["status", "status_changed_at"])
    places_changed(page)
    return promote_waiting(page)


def deleted(answer):
    """`answer` was just deleted (in the admin…), inside the deleting transaction: a confirmed
    registration frees its place while registrations are open."""
    page = locked_page(answer.page_id)
    places_changed(page)
    if answer.status == CONFIRMED and page.is_open:
        return promote_waiting(page)
    return []


def places_changed(page):
    """Ban the form page and its event's page (which shows the places left) from the proxy."""
    frontend_cache.purge_pages_alone([page, page.event])


def promote_waiting(page):
    """Move people up from the waiting list while places are left; returns those moved up."""
    capacity = page.event.capacity if page.event is not None else None
    confirmed, _waiting = page.counts()
    waiting = answers().filter(page=page, status=WAITING).order_by("submit_time", "pk")
    if capacity is not None:
        waiting = waiting[: max(capacity - confirmed, 0)]
    promoted = list(waiting)
    for answer in promoted:
        answer.status = CONFIRMED
        answer.status_changed_at = timezone.now()
        answer.save(update_fields=["status", "status_changed_at"])
        notify(answer, page, "promoted")
    return promoted


def notify(answer, page, what):
    """E-mail `answer`'s person: "confirmed", "waiting" or "promoted" (with the `.ics`)."""
    event = page.event
    occurrences = event.occurrences()
    now = timezone.now()
    event_url = mail.absolute_url(event.get_url_parts()[2])
    context = {
        "name": answer.form_data.get("registrant_name", ""),
        "page": page,
        "event": event,
        "event_url": event_url,
        "occurrences": [item for item in occurrences if item.ends_at > now] or occurrences[-1:],
        "cancel_url": cancel_url(answer),
    }
    attachments = []
    if what != "waiting":
        attachments.append(
            mail.Attachment(
                f"{event.slug}.ics",
                event_ics(event, event_url).decode(),
                "text/calendar",
            )
        )
    mail.send(
        f"webforms/email/registration_{what}",
        context,
        to=answer.email,
        key=f"registration:{answer.token}:{what}",
        attachments=attachments,
    )
