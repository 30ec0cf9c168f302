"""Demo content of the hub itself: sections, accounts and news. Every app adds its own from a
`demo` module whose `populate(section, rng)` function is declared with `@populator`;
`load_demo_content` runs them in INSTALLED_APPS order."""

import datetime

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules

from hub.models import NewsPage
from hub.sections import add_published_child, create_section
from territories.models import Departement

DEMO_SECTIONS = [
    {
        "code": "59",
        "username": "coord-nord",
        "first_name": "Camille",
        "last_name": "Lefebvre",
        "coordination_name": "Caf du Nord – coordination REAAP et Promeneurs du Net",
        "coordination_email": "parentalite@caf59.example.fr",
        "coordination_phone": "03 20 00 00 59",
        "intro": (
            "<p>Cafés des parents à Roubaix, groupes de parole à Lille, lieux d'accueil "
            "enfants-parents dans le Cambrésis : retrouvez l'offre de soutien à la parentalité "
            "du Nord.</p>"
        ),
    },
    {
        "code": "33",
        "username": "coord-gironde",
        "first_name": "Nadia",
        "last_name": "Benali",
        "coordination_name": "Caf de la Gironde – coordination départementale parentalité",
        "coordination_email": "parentalite@caf33.example.fr",
        "coordination_phone": "05 56 00 00 33",
        "intro": (
            "<p>De Bordeaux au Médoc, des actions pour accompagner les parents à chaque étape : "
            "naissance, entrée à l'école, adolescence, séparation.</p>"
        ),
    },
]
NATIONAL_ADMIN = {"username": "admin-national", "first_name": "Claire", "last_name": "Martin"}

NEWS = [
    (
        "Semaine de la parentalité : le programme est en ligne",
        "Conférences, ateliers parents-enfants et cafés des parents : une semaine pour "
        "échanger sur le quotidien avec les enfants.",
    ),
    (
        "Appel à projets REAAP : dépôt des dossiers jusqu'au 31 janvier",
        "Les associations, centres sociaux et collectivités peuvent déposer leur demande de "
        "financement d'actions de soutien à la parentalité.",
    ),
    (
        "Nouveaux Promeneurs du Net parentalité labellisés",
        "Cinq professionnels rejoignent le réseau pour répondre aux parents sur les réseaux "
        "sociaux.",
    ),
    (
        "Écrans en famille : un guide pour en parler avec ses enfants",
        "La coordination a réuni des fiches pratiques pour accompagner les usages numériques des "
        "enfants et des adolescents.",
    ),
    (
        "Journée départementale du réseau : retour en images",
        "Plus de quatre-vingts professionnels ont échangé sur l'accueil des pères et la place des "
        "familles monoparentales.",
    ),
    (
        "Un nouveau lieu d'accueil enfants-parents ouvre ses portes",
        "Un espace de jeu et de parole, gratuit et sans inscription, pour les enfants de moins de "
        "six ans accompagnés d'un adulte.",
    ),
]


_populators = {}


def populator(populate):
    """Declare the `populate(section, rng)` function of an app's `demo` module."""
    _populators[populate.__module__.removesuffix(".demo")] = populate
    return populate


def populators():
    """`(app, populate)` of every installed app's `demo` module, in INSTALLED_APPS order."""
    autodiscover_modules("demo")
    return [
        (config.name, _populators[config.name])
        for config in apps.get_app_configs()
        if config.name in _populators
    ]


def demo_password():
    return settings.DEMO_PASSWORD


def create_accounts(sections):
    User = get_user_model()
    password = demo_password()
    admin, _created = User.objects.update_or_create(
        username=NATIONAL_ADMIN["username"],
        defaults={
            "first_name": NATIONAL_ADMIN["first_name"],
            "last_name": NATIONAL_ADMIN["last_name"],
            "email": "admin-national@hub-parentalite.example.fr",
            "is_staff": True,
            "is_superuser": True,
        },
    )
    admin.set_password(password)
    admin.save()
    for spec, section in zip(DEMO_SECTIONS, sections, strict=True):
        user, _created = User.objects.update_or_create(
            username=spec["username"],
            defaults={
                "first_name": spec["first_name"],
                "last_name": spec["last_name"],
                "email": f"{spec['username']}@hub-parentalite.example.fr",
            },
        )
        user.set_password(password)
        user.save()
        user.groups.set([Group.objects.get(name=str(section.coordination_group_name))])


def create_sections():
    sections = []
    for spec in DEMO_SECTIONS:
        departement = Departement.objects.get(code=spec["code"])
        sections.append(
            create_section(
                departement,
                intro=spec["intro"],
                coordination_name=spec["coordination_name"],
                coordination_email=spec["coordination_email"],
                coordination_phone=spec["coordination_phone"],
            )
        )
    return sections


@populator
def populate(section, rng):
    """News of a section: one item a fortnight over the last three months."""
    from hub.models import NewsIndexPage

    index = section.get_children().type(NewsIndexPage).first().specific
    today = timezone.localdate()
    for number, (title, intro) in enumerate(NEWS):
        add_published_child(
            index,
            NewsPage(
                title=title,
                date=today - datetime.timedelta(days=14 * number + rng.randint(0, 6)),
                intro=intro,
                body=f"<p>{intro}</p><p>Renseignements auprès de la coordination "
                f"départementale ({section.coordination_email}).</p>",
            ),
        )
