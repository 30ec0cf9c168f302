"""Demo call for projects of the Nord: the 2026 call, closed, whose retained dossiers have their
bilans partly filled (some submitted, some drafts, some missing), and the 2027 call, open, with a
dossier in each status. Called by `porteurs.demo`."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from directory.models import ActionPage, StructurePage
from resources.demo_files import pdf_document

from . import directory_sync
from .bilans import ActionBilan, BilanStatus, Renewal
from .calls import (
    CallDocument,
    CallForProjects,
    CallQuestion,
    Dossier,
    DossierAttachment,
    DossierEvent,
    DossierStatus,
    QuestionKind,
)

QUESTIONS = [
    (
        "Objectifs de l'action",
        "Ce que l'action change pour les parents.",
        QuestionKind.LONG_TEXT,
        "",
        True,
    ),
    ("Public visé et mobilisation des parents", "", QuestionKind.LONG_TEXT, "", True),
    ("Nombre de séances prévues", "", QuestionKind.NUMBER, "", False),
    ("Date de la première séance", "", QuestionKind.DATE, "", False),
    ("Cofinancements", "", QuestionKind.CHOICE, "Aucun\nCommune\nDépartement\nAutre", False),
]
CRITERIA = (
    "Action collective ou individuelle de soutien à la parentalité (Fnp axe 1)\n"
    "Ouverte à tous les parents, gratuite ou à participation symbolique\n"
    "Animée par des intervenants formés, salariés ou bénévoles\n"
    "Inscrite dans le réseau départemental (REAAP)"
)
STATUSES_2027 = [
    DossierStatus.BROUILLON,
    DossierStatus.DEPOSE,
    DossierStatus.DEPOSE,
    DossierStatus.INSTRUCTION,
    DossierStatus.RETENU,
    DossierStatus.REFUSE,
]


def paris(*args):
    return timezone.make_aware(datetime.datetime(*args))


def make_call(section, year, opens_at, closes_at):
    call, _created = CallForProjects.objects.update_or_create(
        section=section,
        year=year,
        defaults={
            "title": f"Appel à projets REAAP {year} – {section.departement.nom}",
            "introduction": (
                "La Caf du Nord et ses partenaires financent les actions de soutien à la "
                "parentalité du département. Déposez un dossier par action."
            ),
            "criteria": CRITERIA,
            "opens_at": opens_at,
            "closes_at": closes_at,
            "published": True,
        },
    )
    call.questions.all().delete()
    CallDocument.objects.create(
        call=call,
        title=f"Cahier des charges {year}",
        file=ContentFile(
            pdf_document(
                f"Appel à projets REAAP {year}",
                section.coordination_name or section.departement.nom,
                [CRITERIA.replace("\n", ". ")],
            ),
            name=f"cahier-des-charges-{year}.pdf",
        ),
    )
    for position, (label, help_text, kind, options, required) in enumerate(QUESTIONS, 1):
        CallQuestion.objects.create(
            call=call,
            position=position,
            label=label,
            help_text=help_text,
            kind=kind,
            choices=options,
            required=required,
        )
    return call


def dossier_for_action(call, action, status, renewed=True):
    questions = list(call.questions.all())
    dossier = Dossier.objects.create(
        call=call,
        structure=action.structure,
        status=status,
        renewed_action=action if renewed else None,
        action_title=action.title,
        action_type=action.action_type,
        description=action.description,
        themes=action.themes,
        publics=action.publics,
        age_min=action.age_min,
        age_max=action.age_max,
        commune=action.commune,
        amount_requested=1200 + 100 * (action.pk % 10),
        total_budget=4000,
        answers={
            str(questions[0].pk): "Rompre l'isolement des parents et valoriser leurs savoirs.",
            str(questions[1].pk): "Parents du quartier, invités par l'école et le centre social.",
            str(questions[2].pk): "10",
        },
        submitted_at=None if status == DossierStatus.BROUILLON else call.opens_at,
    )
    comments = {
        DossierStatus.INSTRUCTION: "Dossier complet, présenté au comité de mars.",
        DossierStatus.RETENU: "Retenu par le comité des financeurs.",
        DossierStatus.REFUSE: "Action déjà financée par ailleurs sur ce territoire.",
    }
    DossierAttachment.objects.create(
        dossier=dossier,
        title="Budget prévisionnel",
        file=ContentFile(
            pdf_document("Budget prévisionnel", action.title, ["Total : 4 000 €."]),
            name="budget.pdf",
        ),
    )
    if status != DossierStatus.BROUILLON:
        DossierEvent.objects.create(dossier=dossier, status=DossierStatus.DEPOSE, at=call.opens_at)
    if status in comments:
        if status != DossierStatus.INSTRUCTION:
            DossierEvent.objects.create(
                dossier=dossier, status=DossierStatus.INSTRUCTION, at=call.opens_at
            )
        DossierEvent.objects.create(dossier=dossier, status=status, comment=comments[status])
    if status == DossierStatus.RETENU:
        dossier.decided_at = timezone.now()
        dossier.action = action
        dossier.save(update_fields=["decided_at", "action"])
    return dossier


def populate_calls(section, rng):
    structures = StructurePage.objects.descendant_of(section)
    actions = list(
        ActionPage.objects.live()
        .filter(structure__in=structures)
        .select_related("structure", "commune")
        .order_by("pk")[:16]
    )
    previous = make_call(section, 2026, paris(2025, 11, 3, 9, 0), paris(2026, 1, 30, 23, 59))
    for number, action in enumerate(actions[:10]):
        dossier = dossier_for_action(previous, action, DossierStatus.RETENU)
        if number < 5:  # submitted
            ActionBilan.objects.create(
                dossier=dossier,
                status=BilanStatus.TRANSMIS,
                submitted_at=paris(2026, 12, 1 + number, 10, 0),
                sessions=rng.randint(6, 30),
                adults=(adults := rng.randint(10, 40)),
                children=rng.randint(0, 30),
                distinct_parents=(parents := rng.randint(5, adults)),
                families=rng.randint(3, parents),
                average_attendance=rng.randint(4, 10),
                renewal=rng.choice([Renewal.NOUVELLE, Renewal.RENOUVELEE]),
                paid_facilitators=rng.randint(1, 3),
                volunteer_facilitators=rng.randint(0, 4),
                partners="PMI, école, médiathèque",
                appraisal="Les parents reviennent d'une séance à l'autre et proposent les thèmes.",
            )
        elif number < 8:  # drafts; the last two have not started
            ActionBilan.objects.create(dossier=dossier, sessions=rng.randint(6, 30))
    current = make_call(section, 2027, paris(2026, 11, 16, 9, 0), paris(2027, 1, 31, 23, 59))
    for action, status in zip(actions[10:], STATUSES_2027, strict=False):
        dossier = dossier_for_action(
            current, action, status, renewed=status != DossierStatus.RETENU
        )
        if status == DossierStatus.RETENU:
            dossier.action = None
            dossier.action_title = f"{action.title} – nouveau cycle"
            dossier.save(update_fields=["action", "action_title"])
            directory_sync.apply(dossier, None)
