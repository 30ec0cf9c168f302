"""Demo members: a professional and a Promeneur du Net in the Nord, a professional in the
Gironde, a request waiting for the Nord coordination; what the Nord keeps to its members: the
minutes of the departmental meeting, a practice-analysis session of the Promeneurs du Net and a
working document."""

import datetime

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import PageViewRestriction

from events.models import EventIndexPage, EventPage
from hub.demo import demo_password, populator
from hub.models import NewsIndexPage, NewsPage
from hub.sections import add_published_child
from hub.taxonomies import Theme
from resources.demo_files import pdf_document
from resources.models import Audience, ResourceFile, ResourceIndexPage, ResourceKind, ResourcePage

from .access import members_group
from .models import Membership, Role, Status

DEMO_MEMBERS = {
    "59": [
        ("membre-nord", "Nadia", "Benali", "Centre social Lazare-Garreau", Role.PROFESSIONAL),
        ("promeneur-nord", "Thomas", "Delattre", "Maison de quartier Wazemmes", Role.PROMENEUR),
    ],
    "33": [("membre-gironde", "Claire", "Dupuy", "Espace familles de Mérignac", Role.PROFESSIONAL)],
}
DEMO_REQUESTS = {
    "59": [
        (
            "Julien",
            "Vandamme",
            "julien.vandamme@exemple.fr",
            "Point information jeunesse de Tourcoing",
            Role.PROMENEUR,
            "Je deviens Promeneur du Net en janvier et souhaite rejoindre les séances d'analyse "
            "de la pratique.",
        )
    ],
}


def demo_member(section, username, first_name, last_name, structure, role):
    user, _created = get_user_model().objects.update_or_create(
        username=username,
        defaults={
            "first_name": first_name,
            "last_name": last_name,
            "email": f"{username}@hub-parentalite.example.fr",
        },
    )
    user.set_password(demo_password())
    user.save()
    Membership.objects.update_or_create(
        departement=section.departement,
        user=user,
        defaults={
            "email": user.email,
            "first_name": first_name,
            "last_name": last_name,
            "structure": structure,
            "role": role,
            "status": Status.ACTIVE,
        },
    )
    user.groups.add(members_group(section.departement))


def keep_to_members(page, section):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(members_group(section.departement))


@populator
def populate(section, rng):
    code = section.departement.code
    for username, first_name, last_name, structure, role in DEMO_MEMBERS.get(code, []):
        demo_member(section, username, first_name, last_name, structure, role)
    for first_name, last_name, email, structure, role, purpose in DEMO_REQUESTS.get(code, []):
        Membership.objects.get_or_create(
            departement=section.departement,
            email=email,
            defaults={
                "first_name": first_name,
                "last_name": last_name,
                "structure": structure,
                "role": role,
                "purpose": purpose,
                "status": Status.REQUESTED,
            },
        )
    if code == "59":
        populate_restricted(section)


def populate_restricted(section):
    today = timezone.localdate()
    organiser = section.coordination_name or section.departement.nom
    news = section.get_children().type(NewsIndexPage).first().specific
    minutes = add_published_child(
        news,
        NewsPage(
            title="Compte rendu de la rencontre départementale du réseau",
            date=today - datetime.timedelta(days=10),
            intro="Les échanges de la rencontre départementale des acteurs de la parentalité : "
            "bilan des actions, priorités de l'année et groupes de travail.",
            body="<p>Quarante-deux participants, vingt-six structures représentées.</p>"
            "<h2>Priorités retenues</h2><ul><li>Aller vers les pères et les familles "
            "monoparentales.</li><li>Mieux articuler les lieux d'accueil enfants-parents et "
            "les relais petite enfance.</li></ul><p>Prochaine rencontre au printemps.</p>",
        ),
    )
    keep_to_members(minutes, section)
    agenda = section.get_children().type(EventIndexPage).first().specific
    session = add_published_child(
        agenda,
        EventPage(
            title="Séance d'analyse de la pratique des Promeneurs du Net",
            kind=EventPage.Kind.ANALYSE_PRATIQUE,
            audience=EventPage.Audience.PROMENEURS,
            start_date=today + datetime.timedelta(days=12),
            start_time=datetime.time(9, 30),
            end_time=datetime.time(12),
            venue_name="Maison de la Caf",
            address="82 rue Brûle-Maison",
            postcode="59000",
            commune="Lille",
            organiser=organiser,
            registration_contact=section.coordination_email,
            description="<p>Séance confidentielle animée par une psychologue : chacun apporte "
            "une situation rencontrée en ligne avec un jeune ou un parent.</p>",
        ),
    )
    keep_to_members(session, section)
    library = section.get_children().type(ResourceIndexPage).first().specific
    title = "Document de travail : référentiel d'accueil des pères"
    paragraphs = [
        "Version de travail soumise au groupe départemental, à ne pas diffuser.",
        "Propositions d'horaires, de lieux et d'animations pour associer les pères.",
    ]
    paper = ResourcePage(
        title=title,
        slug=slugify(title)[:80],
        summary="Version de travail du groupe départemental, pour relecture par les membres.",
        kind=ResourceKind.ETUDE,
        themes=[Theme.EDUCATION_AUTORITE],
        audiences=[Audience.PROFESSIONNELS],
        author=organiser,
        produced_by_coordination=True,
        publication_date=today,
    )
    paper.files = [
        ResourceFile(
            sort_order=0,
            title="Version de travail (PDF)",
            file=ContentFile(
                pdf_document(title, organiser, paragraphs, (29, 79, 145)),
                name=f"{slugify(title)[:60]}.pdf",
            ),
        )
    ]
    keep_to_members(add_published_child(library, paper), section)
