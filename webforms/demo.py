"""Demo forms of a section: a needs survey with answers (Nord) and a training whose places are
all taken, with a waiting list. Answers are written directly: no e-mail leaves for them."""

import datetime

from django.utils import timezone

from events.models import EventIndexPage, EventPage
from hub.demo import populator
from hub.sections import add_published_child

from .models import FormAnswer, FormField, NeedsSurveyPage, RegistrationFormPage

FIRST_NAMES = ["Camille", "Nadia", "Julien", "Sophie", "Karim", "Élodie", "Thomas", "Fatou"]
LAST_NAMES = ["Martin", "Benali", "Lefebvre", "Dubois", "Haddad", "Moreau", "Petit", "Diallo"]
STRUCTURES = ["Centre social de l'Alma", "CCAS de Tourcoing", "EVS Les Marelles", "Caf du Nord"]
NEEDS = [
    "Accompagner les parents face aux écrans",
    "Parentalité et séparation",
    "Animer un groupe de parole",
    "Accueillir les pères",
]
FORMATS = ["Une demi-journée", "Une journée", "En ligne, en soirée"]
CAPACITY = 6
REGISTRATIONS = 8


def create_survey(section, rng):
    survey = NeedsSurveyPage(
        title="Recueil des besoins de formation 2027",
        slug="recueil-besoins-2027",
        intro="<p>Aidez-nous à bâtir le programme de formation 2027 du réseau.</p>",
        purpose=(
            "Préparer le programme des formations et des rencontres 2027 du réseau de soutien "
            "à la parentalité du département. Les réponses sont anonymes."
        ),
        retention_months=12,
        thank_you_text="<p>Le programme sera présenté à la prochaine rencontre du réseau.</p>",
    )
    survey.form_fields = [
        FormField(
            label="Type de structure",
            field_type="dropdown",
            required=True,
            choices="Association\nCentre social\nCCAS\nEVS\nAutre",
            sort_order=0,
        ),
        FormField(
            label="Thèmes souhaités",
            field_type="checkboxes",
            required=True,
            choices="\n".join(NEEDS),
            sort_order=1,
        ),
        FormField(
            label="Format préféré",
            field_type="radio",
            required=False,
            choices="\n".join(FORMATS),
            sort_order=2,
        ),
        FormField(
            label="Vos autres besoins",
            field_type="multiline",
            required=False,
            help_text="N'y indiquez ni noms ni situations de familles.",
            sort_order=3,
        ),
    ]
    add_published_child(section, survey)
    now = timezone.now()
    answers = [
        FormAnswer(
            page=survey,
            form_data={
                "type_de_structure": rng.choice(["Association", "Centre social", "CCAS", "EVS"]),
                "themes_souhaites": rng.sample(NEEDS, rng.randint(1, 3)),
                "format_prefere": rng.choice(FORMATS),
                "vos_autres_besoins": rng.choice(
                    ["", "Des outils pour les familles allophones.", "Rencontrer d'autres LAEP."]
                ),
            },
        )
        for _index in range(14)
    ]
    FormAnswer.objects.bulk_create(answers)
    for index, answer in enumerate(answers):
        FormAnswer.objects.filter(pk=answer.pk).update(
            submit_time=now - datetime.timedelta(days=3 * index + 1)
        )


def create_registrations(section, rng):
    agenda = section.get_children().type(EventIndexPage).first().specific
    start = timezone.localdate() + datetime.timedelta(days=24)
    event = add_published_child(
        agenda,
        EventPage(
            title="Formation : accueillir la parole des parents",
            slug="formation-accueillir-parole-parents",
            kind=EventPage.Kind.FORMATION,
            audience=EventPage.Audience.PROFESSIONNELS,
            start_date=start,
            start_time=datetime.time(9, 30),
            end_time=datetime.time(16, 30),
            venue_name="Maison de la Caf" if section.departement.code == "59" else "Caf",
            commune="Lille" if section.departement.code == "59" else "Bordeaux",
            description="<p>Une journée pour les professionnels qui reçoivent des parents.</p>",
            organiser=section.coordination_name or f"Coordination {section.title}",
            capacity=CAPACITY,
        ),
    )
    form_page = RegistrationFormPage(
        title="S'inscrire : accueillir la parole des parents",
        slug="inscription-accueillir-parole-parents",
        event=event,
        purpose="Organiser la formation : accueil, repas et attestations de présence.",
        retention_months=6,
    )
    form_page.form_fields = [
        FormField(label="Structure", field_type="singleline", required=True, sort_order=0),
        FormField(
            label="Repas du midi",
            field_type="radio",
            required=True,
            choices="Je déjeune sur place\nJe ne déjeune pas sur place",
            sort_order=1,
        ),
    ]
    add_published_child(section, form_page)
    now = timezone.now()
    for index in range(REGISTRATIONS):
        first, last = FIRST_NAMES[index], LAST_NAMES[index]
        email = f"{first.lower()}.{last.lower()}@exemple.fr".replace("é", "e")
        answer = FormAnswer.objects.create(
            page=form_page,
            email=email,
            status=FormAnswer.Status.CONFIRMED if index < CAPACITY else FormAnswer.Status.WAITING,
            form_data={
                "registrant_name": f"{first} {last}",
                "registrant_email": email,
                "structure": rng.choice(STRUCTURES),
                "repas_du_midi": "Je déjeune sur place",
            },
        )
        submitted = now - datetime.timedelta(hours=5 * (REGISTRATIONS - index))
        FormAnswer.objects.filter(pk=answer.pk).update(
            submit_time=submitted, status_changed_at=submitted
        )


@populator
def populate(section, rng):
    if section.departement.code == "59":
        create_survey(section, rng)
    create_registrations(section, rng)
