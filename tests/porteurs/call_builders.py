"""A call for projects and dossiers, built as the coordination and the porteurs build them."""

import datetime

from django.utils import timezone

from porteurs.calls import CallForProjects, CallQuestion, Dossier, DossierStatus, QuestionKind
from tests.directory.builders import commune


def paris(*args):
    """An aware datetime, Paris wall-clock time."""
    return timezone.make_aware(datetime.datetime(*args))


def open_call(section, year=2027, **fields):
    """A published call open from a month ago to a month ahead."""
    now = timezone.now()
    fields.setdefault("opens_at", now - datetime.timedelta(days=30))
    fields.setdefault("closes_at", now + datetime.timedelta(days=30))
    call = CallForProjects.objects.create(
        section=section,
        year=year,
        title=f"Appel à projets REAAP {year}",
        criteria="Action collective\nOuverte à tous les parents",
        published=True,
        **fields,
    )
    CallQuestion.objects.create(
        call=call,
        position=1,
        label="Objectifs de l'action",
        kind=QuestionKind.LONG_TEXT,
        required=True,
    )
    CallQuestion.objects.create(
        call=call, position=2, label="Nombre de séances prévues", kind=QuestionKind.NUMBER
    )
    return call


def complete_dossier(call, structure, status=DossierStatus.DEPOSE, town="Roubaix", **fields):
    """A dossier with every field « Déposer » needs."""
    question = call.questions.get(position=1)
    values = {
        "action_title": "Café des parents du mardi",
        "action_type": "cafe-des-parents",
        "description": "Un café pour échanger entre parents.",
        "themes": ["adolescence", "ecrans-et-numerique"],
        "publics": ["familles-monoparentales"],
        "commune": commune(town),
        "age_min": 6,
        "age_max": 16,
        "amount_requested": "1500.00",
        "total_budget": "4000.00",
        "answers": {str(question.pk): "Rompre l'isolement des parents."},
        **fields,
    }
    submitted = None if status == DossierStatus.BROUILLON else timezone.now()
    return Dossier.objects.create(
        call=call, structure=structure, status=status, submitted_at=submitted, **values
    )
