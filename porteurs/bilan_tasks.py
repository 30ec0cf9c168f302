"""Background work of the porteurs' space: the bilan reminders (never sent inside a request)."""

from django.db.models import Q
from django.urls import reverse
from django_tasks import task

from hub import mail

from .bilans import BilanStatus
from .calls import CallForProjects, DossierStatus
from .instruction import porteurs_of


def dossiers_without_bilan(call):
    """The retained dossiers of `call` whose bilan is missing or still a draft."""
    return (
        call.dossiers.filter(status=DossierStatus.RETENU)
        .filter(Q(bilan__isnull=True) | ~Q(bilan__status=BilanStatus.TRANSMIS))
        .select_related("structure", "call__section")
        .order_by("pk")
    )


@task()
def remind_bilans(call_pk, round_number):
    """E-mail the porteurs of every funded action of `call_pk` without a submitted bilan.

    `round_number` is the coordination's n-th reminder of this call: running the same round
    twice sends nothing twice (each message's key names the round). Returns the number queued.
    """
    call = CallForProjects.objects.select_related("section").get(pk=call_pk)
    messages = [
        mail.render(
            "porteurs/email/bilan_reminder",
            {
                "call": call,
                "dossier": dossier,
                "person": person,
                "link": mail.absolute_url(reverse("porteurs:bilan", args=[dossier.pk])),
            },
            to=person.email,
            key=f"bilan-relance:{call.pk}:{round_number}:{dossier.pk}:{person.pk}",
        )
        for dossier in dossiers_without_bilan(call)
        for person in porteurs_of(dossier.structure)
    ]
    mail.queue(messages)
    return len(messages)
