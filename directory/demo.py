"""Demo directory of a section: structures, lieux ressources, actions and Promeneurs du Net.

Deterministic (uses the `rng` it is given); Roubaix and its neighbours get actions for
teenagers so that the parent journey "Roubaix, 10 km, 14 ans" has answers.
"""

import datetime

from django.core.management import call_command
from django.utils import timezone

from directory import choices
from directory.models import (
    ActionCancelledDate,
    ActionPage,
    ActionSession,
    DirectoryIndexPage,
    LieuRessourcePage,
    LieuStop,
    PromeneurNetwork,
    PromeneurPage,
    StructurePage,
)
from hub.demo import populator
from hub.sections import add_published_child
from hub.taxonomies import Theme
from territories.communes import search_key
from territories.models import Commune

TOWNS = {
    "59": [
        "Roubaix",
        "Tourcoing",
        "Lille",
        "Wattrelos",
        "Croix",
        "Hem",
        "Lys-lez-Lannoy",
        "Villeneuve-d'Ascq",
        "Wasquehal",
        "Marcq-en-Barœul",
        "Dunkerque",
        "Valenciennes",
        "Cambrai",
        "Douai",
        "Maubeuge",
        "Armentières",
    ],
    "33": [
        "Bordeaux",
        "Mérignac",
        "Pessac",
        "Talence",
        "Bègles",
        "Villenave-d'Ornon",
        "Libourne",
        "Arcachon",
        "Lesparre-Médoc",
        "Langon",
        "Blaye",
        "Cenon",
        "Lormont",
        "Floirac",
        "Saint-Médard-en-Jalles",
        "Le Bouscat",
    ],
}
STRUCTURES = [
    ("Centre social {town}", choices.StructureKind.CENTRE_SOCIAL),
    ("Association Parents et enfants de {town}", choices.StructureKind.ASSOCIATION),
    ("CCAS de {town}", choices.StructureKind.COLLECTIVITE),
    ("Espace de vie sociale Les Coquelicots – {town}", choices.StructureKind.EVS),
    ("École des parents et des éducateurs – {town}", choices.StructureKind.ASSOCIATION),
]
LIEUX = [
    ("Maison des familles de {town}", choices.LieuKind.MAISON_FAMILLES),
    ("Espace parents du quartier – {town}", choices.LieuKind.ESPACE_PARENTS),
    ("Maison des 1000 premiers jours – {town}", choices.LieuKind.MAISON_1000_JOURS),
    ("Point écoute parents-ados – {town}", choices.LieuKind.POINT_ECOUTE),
    ("Centre social référent famille – {town}", choices.LieuKind.CENTRE_SOCIAL),
]
HOURS = [
    "Mo-Fr 09:00-12:00,14:00-17:30; PH off",
    "Mo,Tu,Th,Fr 09:00-12:00,13:30-17:00; Sa 09:00-12:00; PH off",
    "Tu-Fr 14:00-19:00; Sa 10:00-12:30; PH off",
    "Mo 14:00-17:00; We 09:00-12:00,14:00-17:00; Fr 09:00-12:00; PH off",
    "Mo-Th 09:00-12:00,14:00-18:30; Fr 09:00-12:00; PH off",
]
ACTIONS = [
    (
        choices.ActionType.CAFE_PARENTS,
        "Café des parents d'ados",
        [Theme.ADOLESCENCE, Theme.COMMUNICATION],
        11,
        17,
    ),
    (
        choices.ActionType.GROUPE_PAROLE,
        "Groupe de parole : les écrans à la maison",
        [Theme.ECRANS_NUMERIQUE, Theme.ADOLESCENCE],
        6,
        16,
    ),
    (
        choices.ActionType.ATELIER_PARENTS_ENFANTS,
        "Atelier parents-enfants : jeux et motricité",
        [Theme.DEVELOPPEMENT_ENFANT],
        0,
        6,
    ),
    (
        choices.ActionType.ATELIER_PARENTS,
        "Atelier « Poser des limites sans crier »",
        [Theme.EDUCATION_AUTORITE],
        3,
        12,
    ),
    (
        choices.ActionType.CONFERENCE,
        "Ciné-débat : parler d'amour et de relations avec son ado",
        [Theme.ADOLESCENCE, Theme.SANTE],
        12,
        18,
    ),
    (
        choices.ActionType.UNIVERSITE_POPULAIRE,
        "Université populaire de parents : la réussite scolaire",
        [Theme.ECOLE_SCOLARITE],
        6,
        15,
    ),
    (
        choices.ActionType.ACCOMPAGNEMENT_INDIVIDUEL,
        "Permanence d'écoute individuelle pour parents",
        [Theme.EPUISEMENT_REPIT, Theme.COMMUNICATION],
        0,
        21,
    ),
    (
        choices.ActionType.MEDIATION_FAMILIALE,
        "Médiation familiale après une séparation",
        [Theme.SEPARATION],
        0,
        21,
    ),
    (
        choices.ActionType.LAEP,
        "Lieu d'accueil enfants-parents « Les Petits Pas »",
        [Theme.NAISSANCE, Theme.DEVELOPPEMENT_ENFANT],
        0,
        6,
    ),
    (
        choices.ActionType.GROUPE_ENTRAIDE,
        "Groupe d'entraide des parents d'enfants en situation de handicap",
        [Theme.HANDICAP, Theme.EPUISEMENT_REPIT],
        0,
        21,
    ),
    (
        choices.ActionType.ECOUTE_DISTANCE,
        "Écoute téléphonique parents d'ados",
        [Theme.ADOLESCENCE],
        11,
        21,
    ),
    (
        choices.ActionType.ATELIER_PARENTS,
        "Atelier : accompagner les devoirs sans conflit",
        [Theme.ECOLE_SCOLARITE, Theme.VIE_QUOTIDIENNE],
        6,
        14,
    ),
]
FIRST_NAMES = [
    "Sarah",
    "Mehdi",
    "Julie",
    "Thomas",
    "Inès",
    "Karim",
    "Élodie",
    "Nicolas",
    "Aïcha",
    "Lucas",
]
FUNCTIONS = [
    "Animatrice jeunesse",
    "Éducateur spécialisé",
    "Conseillère en économie sociale et familiale",
    "Animateur famille",
    "Médiatrice numérique",
]
NETWORKS = [
    choices.Network.INSTAGRAM,
    choices.Network.SNAPCHAT,
    choices.Network.FACEBOOK,
    choices.Network.DISCORD,
    choices.Network.TIKTOK,
    choices.Network.WHATSAPP,
]


def served_zone(commune, action_type, code):
    """An action at a distance serves its département; the others, their commune and its EPCI."""
    if action_type == choices.ActionType.ECOUTE_DISTANCE or commune.epci is None:
        return code
    return f"{commune.code},{commune.epci.code}"


def ensure_communes(code):
    """The section's communes; `make demo` loads every commune first (`load_communes`)."""
    if not Commune.objects.filter(departement_code=code).exists():
        call_command("load_communes", departements=[code], verbosity=0)


def towns(code):
    names = {search_key(name) for name in TOWNS[code]}
    found = {
        commune.search_name: commune
        for commune in Commune.objects.select_related("epci").filter(
            departement_code=code, search_name__in=names
        )
    }
    return [found[search_key(name)] for name in TOWNS[code] if search_key(name) in found]


def phone_for(code, rng):
    prefix = "03" if code == "59" else "05"
    groups = [rng.randint(20, 69), *(rng.randint(10, 99) for _ in range(3))]
    return " ".join([prefix, *map(str, groups)])


def _after(today, weekday, weeks=0):
    """The first `weekday` (0 = Monday) strictly after `today`, `weeks` weeks later."""
    return today + datetime.timedelta(days=(weekday - today.weekday() - 1) % 7 + 1 + 7 * weeks)


def _nth_of_next_month(today, weekday, position):
    """The `position`-th `weekday` of the month after `today`'s."""
    first = (today.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    return first + datetime.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (position - 1))


def _session(day, start, end, **rule):
    return ActionSession(start_date=day, start_time=start, end_time=end, **rule)


def schedule_for(action_type, today, domain):
    """The calendar lines of a demo action: sessions that suit its type and agree with the
    "précisions" and the registration."""
    Type, time = choices.ActionType, datetime.time
    half_year = today + datetime.timedelta(days=180)
    weekly = {"recurrence": "weekly", "recurrence_until": half_year}
    monthly = {"recurrence": "monthly_weekday", "recurrence_count": 8}
    registration = choices.Registration.INSCRIPTION
    values = {"opening_hours": "", "registration_url": ""}
    if action_type == Type.CAFE_PARENTS:
        values["schedule"] = "Un mardi sur deux, autour d'un café"
        sessions = [
            _session(_after(today, 1), time(18, 30), time(20), recurrence_interval=2, **weekly)
        ]
        registration = choices.Registration.LIBRE
    elif action_type == Type.GROUPE_PAROLE:
        values["schedule"] = "Le premier jeudi du mois ; groupe ouvert, confidentiel"
        sessions = [
            _session(_nth_of_next_month(today, 3, 1), time(18, 30), time(20, 30), **monthly)
        ]
    elif action_type == Type.ATELIER_PARENTS_ENFANTS:
        values["schedule"] = "Chaque mercredi matin, hors vacances scolaires"
        first = _after(today, 2)
        sessions = [_session(first, time(10), time(11, 30), **weekly)]
        values["cancelled_dates"] = [ActionCancelledDate(date=first + datetime.timedelta(weeks=3))]
    elif action_type == Type.ATELIER_PARENTS:
        values["schedule"] = "Cycle de trois séances le jeudi soir ; venir aux trois si possible"
        sessions = [
            _session(_after(today, 3, weeks), time(18, 30), time(20, 30)) for weeks in (1, 2, 3)
        ]
    elif action_type == Type.CONFERENCE:
        values["schedule"] = "Projection suivie d'un échange avec une psychologue"
        sessions = [_session(_after(today, 4, 2), time(19), time(21, 30))]
        values["registration_url"] = f"https://www.{domain}/inscriptions"
    elif action_type == Type.UNIVERSITE_POPULAIRE:
        values["schedule"] = "Le deuxième samedi du mois, de novembre à juin"
        sessions = [_session(_nth_of_next_month(today, 5, 2), time(9, 30), time(12), **monthly)]
    elif action_type == Type.GROUPE_ENTRAIDE:
        values["schedule"] = "Le troisième samedi du mois ; les enfants sont accueillis à côté"
        sessions = [_session(_nth_of_next_month(today, 5, 3), time(10), time(12), **monthly)]
    elif action_type == Type.LAEP:
        values["schedule"] = "Le lundi matin et le mercredi après-midi ; anonyme et gratuit"
        sessions = [
            _session(_after(today, 0), time(9), time(11, 30), **weekly),
            _session(_after(today, 2), time(14), time(17), **weekly),
        ]
        registration = choices.Registration.LIBRE
    elif action_type == Type.ECOUTE_DISTANCE:
        values["schedule"] = "Hors jours fériés ; appel non surtaxé"
        values["opening_hours"] = "Mo-Fr 09:00-12:00,14:00-17:00; PH off"
        sessions = []
        registration = choices.Registration.LIBRE
    else:
        values["schedule"] = "Sur rendez-vous ; premier entretien gratuit"
        sessions = []
    return {**values, "sessions": sessions, "registration": registration}


def add(index, page, stale=False):
    """Publish `page` a month ago, or over a year ago when `stale` (due for an update)."""
    published_at = timezone.now() - datetime.timedelta(days=420 if stale else 30)
    return add_published_child(index, page, published_at=published_at)


@populator
def populate(section, rng):
    code = section.departement.code
    ensure_communes(code)
    index = section.get_children().type(DirectoryIndexPage).first().specific
    communes = towns(code)
    domain = "exemple-nord.fr" if code == "59" else "exemple-gironde.fr"
    structures = []
    for number, commune in enumerate(communes[:10]):
        name, kind = STRUCTURES[number % len(STRUCTURES)]
        structures.append(
            add(
                index,
                StructurePage(
                    title=name.format(town=commune.nom),
                    kind=kind,
                    commune=commune,
                    address=f"{rng.randint(1, 120)} rue de la République",
                    phone=phone_for(code, rng),
                    email=f"contact{number}@{domain}",
                    website=f"https://structure{number}.{domain}/",
                    description=(
                        "Structure engagée dans le réseau départemental de soutien à la "
                        "parentalité."
                    ),
                ),
            )
        )
    lieux = []
    for number in range(11):
        commune = communes[number % len(communes)]
        name, kind = LIEUX[number % len(LIEUX)]
        itinerant = number == 10
        lieu = LieuRessourcePage(
            title=(name if not itinerant else "Bus des parents – {town}").format(town=commune.nom),
            kind=kind,
            structure=structures[number % len(structures)],
            commune=commune,
            address=f"{rng.randint(1, 80)} place du Marché",
            opening_hours=HOURS[number % len(HOURS)],
            itinerant=itinerant,
            services=rng.sample([value for value, _label in choices.Service.choices], 2),
            accessibility="Accessible en fauteuil roulant ; espace poussettes.",
            participation=choices.Cost.GRATUIT if number % 4 else choices.Cost.SYMBOLIQUE,
            phone=phone_for(code, rng),
            email=f"lieu{number}@{domain}",
            description=(
                "Un lieu chaleureux pour souffler, échanger entre parents et trouver des réponses."
            ),
        )
        if itinerant:
            for stop_number, stop in enumerate(communes[1:4]):
                lieu.stops.add(
                    LieuStop(
                        commune=stop,
                        place="Parking de la mairie",
                        schedule=["Lundi 9 h-12 h", "Mercredi 14 h-17 h", "Vendredi 9 h-12 h"][
                            stop_number
                        ],
                    )
                )
        lieux.append(add(index, lieu, stale=number == 3))
    titles = set()
    today = timezone.localdate()
    for number in range(80):
        commune = communes[number % len(communes)]
        action_type, title, themes, age_min, age_max = ACTIONS[number % len(ACTIONS)]
        cost = [
            choices.Cost.GRATUIT,
            choices.Cost.GRATUIT,
            choices.Cost.SYMBOLIQUE,
            choices.Cost.PAYANT,
        ][number % 4]
        at_lieu = number % 3 == 0
        lieu = lieux[number % len(lieux)] if at_lieu else None
        if lieu is not None:
            commune = lieu.commune
        structure = structures[number % len(structures)]
        full_title = f"{title} – {commune.nom}"
        if full_title in titles:
            full_title = f"{title} – {structure.title}"
        titles.add(full_title)
        add(
            index,
            ActionPage(
                title=full_title,
                action_type=action_type,
                structure=structure,
                description=(
                    "Un temps d'échange convivial entre parents, animé par un professionnel, "
                    "pour partager ses questions et ses expériences sans jugement."
                ),
                themes=themes,
                publics=[choices.Public.MONOPARENTALES] if number % 5 == 0 else [],
                age_min=age_min,
                age_max=age_max,
                format=choices.Format.INDIVIDUEL
                if action_type
                in (
                    choices.ActionType.ACCOMPAGNEMENT_INDIVIDUEL,
                    choices.ActionType.MEDIATION_FAMILIALE,
                )
                else choices.Format.COLLECTIF,
                mode=choices.Mode.DISTANCE
                if action_type == choices.ActionType.ECOUTE_DISTANCE
                else choices.Mode.PRESENTIEL,
                **schedule_for(action_type, today, domain),
                cost=cost,
                cost_amount=5 if cost == choices.Cost.PAYANT else None,
                capacity=rng.choice([None, 8, 12, 15, 20]),
                lieu=lieu,
                commune=None if at_lieu else commune,
                address=lieu.address if at_lieu else f"{rng.randint(1, 99)} avenue Jean-Jaurès",
                zone=served_zone(commune, action_type, code),
                phone=phone_for(code, rng),
                email=f"action{number}@{domain}",
            ),
            stale=number % 17 == 0,
        )
    for number in range(8):
        commune = communes[number % len(communes)]
        first_name = FIRST_NAMES[(number + len(code)) % len(FIRST_NAMES)]
        promeneur = PromeneurPage(
            title=f"{first_name} – Promeneur du Net à {commune.nom}",
            function=FUNCTIONS[number % len(FUNCTIONS)],
            structure=structures[number % len(structures)],
            presence_hours=rng.choice(
                [
                    "Mardi et jeudi 17 h – 19 h",
                    "Du lundi au vendredi 16 h – 18 h",
                    "Mercredi 14 h – 18 h, samedi 10 h – 12 h",
                ]
            ),
            audience=[choices.Audience.PARENTS, choices.Audience.JEUNES]
            if number % 2
            else [choices.Audience.PARENTS],
            commune=commune,
            labelled_on=datetime.date(2024, 1 + number, 15),
            email=f"pdn{number}@{domain}",
        )
        for network in rng.sample(NETWORKS, 2):
            promeneur.networks.add(
                PromeneurNetwork(network=network, handle=f"@{first_name.lower()}.pdn{code}")
            )
        add(index, promeneur)
