"""Moving a dossier through its statuses: the porteur submits, the coordination instructs and
decides. Each move is kept as a `DossierEvent`; the coordination's moves are sent to the
structure's porteurs by e-mail, with the comment; a retained dossier fills the directory."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from hub import mail

from . import coordination, directory_sync
from .calls import Dossier, DossierEvent, DossierStatus
from .models import PorteurAccess


def porteurs_of(structure):
    """The people with an active access to `structure` and an e-mail address."""
    return [
        access.user
        for access in PorteurAccess.objects.active()
        .filter(structure=structure)
        .exclude(user__email="")
        .select_related("user")
        .order_by("user__pk")
    ]


def submission_errors(dossier, at=None):
    """{field or None: French message}: why `dossier` may not be submitted at `at` (now)."""
    call = dossier.call
    at = at or timezone.now()
    if not dossier.is_draft:
        return {None: _("Ce dossier a déjà été déposé.")}
    if not call.published or at < call.opens_at:
        return {None: _("L'appel à projets n'est pas encore ouvert aux dépôts.")}
    if at > call.closes_at:
        return {
            None: _(
                "La date limite de dépôt est passée (%(deadline)s, heure de Paris) : le dossier "
                "ne peut plus être déposé. Il reste enregistré en brouillon ; contactez la "
                "coordination."
            )
            % {"deadline": call.deadline_text()}
        }
    errors = {}
    for name in Dossier.REQUIRED_TO_SUBMIT:
        if getattr(dossier, name) in (None, "", []):
            errors[name] = _("Ce champ est obligatoire pour déposer le dossier.")
    for question in call.questions.all():
        if question.required and dossier.answers.get(str(question.pk)) in (None, ""):
            errors[f"question_{question.pk}"] = _(
                "Cette question est obligatoire pour déposer le dossier."
            )
    return errors


@transaction.atomic
def submit(dossier, by, at=None):
    """« Déposer »: the draft becomes a submitted dossier, or ValidationError({field: message});
    the coordination is told by e-mail."""
    dossier = Dossier.objects.select_for_update().select_related("call").get(pk=dossier.pk)
    at = at or timezone.now()
    errors = submission_errors(dossier, at)
    if errors:
        raise ValidationError({key or "__all__": message for key, message in errors.items()})
    dossier.status = DossierStatus.DEPOSE
    dossier.submitted_at = at
    dossier.save(update_fields=["status", "submitted_at", "updated_at"])
    event = DossierEvent.objects.create(dossier=dossier, status=dossier.status, by=by, at=at)
    coordination.dossier_submitted(dossier, event)
    return dossier


@transaction.atomic
def move(dossier, status, comment, by):
    """The coordination moves `dossier` to `status`; ValidationError if that move is not one of
    its own (`COORDINATION_TRANSITIONS`), such as a draft or a stale screen."""
    dossier = (
        Dossier.objects.select_for_update().select_related("call", "structure").get(pk=dossier.pk)
    )
    if status not in dossier.coordination_transitions():
        raise ValidationError(
            _("Un dossier « %(current)s » ne peut pas passer au statut « %(status)s ».")
            % {
                "current": dossier.get_status_display(),
                "status": DossierStatus(status).label,
            }
        )
    dossier.status = status
    dossier.decided_at = (
        timezone.now() if status in (DossierStatus.RETENU, DossierStatus.REFUSE) else None
    )
    dossier.save(update_fields=["status", "decided_at", "updated_at"])
    event = DossierEvent.objects.create(dossier=dossier, status=status, comment=comment, by=by)
    if status == DossierStatus.RETENU:
        directory_sync.apply(dossier, by)
    notify(dossier, event)
    return dossier


def notify(dossier, event):
    """One e-mail per porteur of the structure: the new status and the comment."""
    link = mail.absolute_url(reverse("porteurs:dossier", args=[dossier.pk]))
    mail.queue(
        mail.render(
            "porteurs/email/dossier_status",
            {"dossier": dossier, "event": event, "person": person, "link": link},
            to=person.email,
            key=f"dossier-statut:{event.pk}:{person.pk}",
        )
        for person in porteurs_of(dossier.structure)
    )
