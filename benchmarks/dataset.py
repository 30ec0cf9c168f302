"""The national data set of the benchmarks: 50,000 REAAP actions and 5,000 events.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hub_bench \
        .venv/bin/python benchmarks/dataset.py [--actions 50000] [--events 5000]

From Python (Django set up first): `from benchmarks.dataset import build; build()`.

On top of the demo content (Nord and Gironde, the demo accounts), it opens a section for every
département of metropolitan France and overseas (101) and spreads the records over their
communes by population, as a national network would be: structures (one for ten actions), lieux
ressources (one for twenty), Promeneurs du Net (one for twenty-five), actions (half of them with
sessions, some weekly) and events (one in five recurring) in every département's agenda. Pages are
bulk-inserted (benchmarks/bulk_pages.py), live, without revisions; then the search index is
rebuilt and the calendar version bumped, as after a publication.

Tops up: run again with the same figures, it adds nothing; with larger ones, it adds the
difference. Deterministic for a given --seed.
"""

import argparse
import datetime
import itertools
import os
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

ACTIONS_PER_STRUCTURE = 10
ACTIONS_PER_LIEU = 20
ACTIONS_PER_PROMENEUR = 25
RECURRING_EVENT_SHARE = 5  # one event in five recurs

ACTION_TITLES = [
    ("cafe-des-parents", "Café des parents", ["adolescence", "communication-parents-enfants"]),
    ("groupe-de-parole", "Groupe de parole : les écrans à la maison", ["ecrans-et-numerique"]),
    ("atelier-parents-enfants", "Atelier parents-enfants", ["developpement-de-l-enfant"]),
    ("atelier-parents", "Atelier « Poser des limites sans crier »", ["education-et-autorite"]),
    ("conference", "Ciné-débat sur l'adolescence", ["adolescence", "sante"]),
    ("universite-populaire", "Université populaire de parents", ["ecole-et-scolarite"]),
    (
        "accompagnement-individuel",
        "Permanence d'écoute pour parents",
        ["epuisement-parental-et-repit"],
    ),
    ("mediation-familiale", "Médiation familiale", ["separation"]),
    ("laep", "Lieu d'accueil enfants-parents", ["naissance-et-1000-premiers-jours"]),
    ("groupe-entraide", "Groupe d'entraide entre parents", ["handicap", "vie-quotidienne"]),
    ("ecoute-distance", "Écoute téléphonique des parents", ["communication-parents-enfants"]),
    ("parents-incarceres", "Soutien aux parents incarcérés", ["separation"]),
    ("autre", "Sortie familiale", ["loisirs-et-temps-en-famille"]),
]
DESCRIPTIONS = [
    "Un temps d'échange entre parents, animé par une professionnelle, autour d'un café.",
    "Des ateliers pour partager ses questions sur le quotidien avec les enfants et les ados.",
    "Un accompagnement gratuit et confidentiel pour traverser une période difficile en famille.",
    "Jeux, motricité et éveil pour les tout-petits accompagnés d'un parent ou d'un grand-parent.",
]
HOURS = [
    "",
    "",
    "Mo-Fr 09:00-12:00,14:00-17:30; PH off",
    "Tu-Fr 14:00-19:00; Sa 10:00-12:30; PH off",
    "Mo 14:00-17:00; We 09:00-12:00,14:00-17:00; Fr 09:00-12:00; PH off",
]
STRUCTURE_NAMES = [
    ("Centre social {town}", "centre-social"),
    ("Association Parents et enfants de {town}", "association"),
    ("CCAS de {town}", "collectivite"),
    ("Espace de vie sociale de {town}", "evs"),
]
LIEU_NAMES = [
    ("Maison des familles de {town}", "maison-des-familles"),
    ("Espace parents – {town}", "espace-parents"),
    ("Point écoute parents-ados – {town}", "point-ecoute"),
]
EVENT_TITLES = [
    "Rencontre du réseau parentalité",
    "Journée départementale des acteurs",
    "Analyse de la pratique des animateurs",
    "Formation : accueillir les pères",
    "Comité de pilotage REAAP",
    "Semaine de la parentalité",
]


def log(message, verbosity):
    if verbosity:
        print(message, flush=True)


def build(actions=50_000, events=5_000, seed=2026, verbosity=1):
    """Bring the database (Django set up, DATABASE_URL) to `actions` actions and `events`
    events; returns the counts of each kind of record."""
    from django.core.management import call_command

    from directory.models import ActionPage
    from events.models import EventPage
    from search.models import SearchEntry
    from territories.models import Commune, Departement

    began = time.perf_counter()
    rng = random.Random(seed)
    call_command("migrate", verbosity=0)
    if not Departement.objects.exists():
        call_command("load_departements", verbosity=0)
    if not Commune.objects.exists():
        call_command("load_communes", verbosity=0)
    call_command("load_demo_content", verbosity=0)
    sections = _sections(verbosity)
    towns = _towns(sections)
    added = _add_directory(sections, towns, actions - ActionPage.objects.count(), rng)
    added += _add_events(sections, towns, events - EventPage.objects.count(), rng)
    counts = _counts()
    indexed = SearchEntry.objects.count()
    if added or indexed != counts["indexable"]:
        log("Rebuilding the search index…", verbosity)
        call_command("search_index", "rebuild", "--engine", "database", verbosity=0)
    if added:
        from events.models import CalendarVersion

        CalendarVersion.bump()
    counts.pop("indexable")
    log(
        f"Data set ready in {time.perf_counter() - began:.0f} s: "
        + ", ".join(f"{count} {name}" for name, count in counts.items()),
        verbosity,
    )
    return counts


def _counts():
    from directory.models import ActionPage, LieuRessourcePage, PromeneurPage, StructurePage
    from events.models import EventPage
    from search import registry

    counts = {
        "actions": ActionPage.objects.count(),
        "structures": StructurePage.objects.count(),
        "lieux": LieuRessourcePage.objects.count(),
        "promeneurs": PromeneurPage.objects.count(),
        "events": EventPage.objects.count(),
    }
    counts["indexable"] = sum(searchable.queryset().count() for searchable in registry.all_types())
    return counts


def _sections(verbosity):
    """{département code: (section, directory index, agenda)} for every département of
    metropolitan France and overseas."""
    from directory.models import DirectoryIndexPage
    from events.models import EventIndexPage
    from hub.models import DepartementPage
    from hub.sections import create_section
    from search import indexing
    from territories.models import Departement

    wanted = Departement.objects.filter(
        zone__in=[Departement.Zone.METROPOLE, Departement.Zone.DROM]
    ).exclude(section__isnull=False)
    missing = list(wanted)
    if missing:
        log(f"Opening {len(missing)} sections…", verbosity)
        with indexing.suspended():
            for departement in missing:
                create_section(departement)
    sections = {}
    for section in DepartementPage.objects.select_related("departement"):
        directory = DirectoryIndexPage.objects.child_of(section).first()
        agenda = EventIndexPage.objects.child_of(section).first()
        sections[section.departement.code] = (section, directory, agenda)
    return sections


def _towns(sections):
    """Communes with a point in the sections' départements, with cumulative population weights."""
    from territories.models import Commune

    rows = list(
        Commune.objects.filter(departement_code__in=sections, latitude__isnull=False)
        .order_by("code")
        .values_list(
            "pk", "nom", "codes_postaux", "departement_code", "latitude", "longitude", "population"
        )
    )
    weights = list(itertools.accumulate(row[6] + 100 for row in rows))
    by_departement = defaultdict(list)
    for row in rows:
        by_departement[row[3]].append(row)
    return {"all": rows, "weights": weights, "by_departement": by_departement}


def _pick_towns(towns, count, rng):
    return rng.choices(towns["all"], cum_weights=towns["weights"], k=count)


def _jitter(value, rng):
    return value + rng.uniform(-0.01, 0.01)


def _opening_flags():
    from directory.models import ActionPage

    flags = {}
    for hours in HOURS:
        page = ActionPage(opening_hours=hours)
        page.compute_opening_flags()
        flags[hours] = (page.open_saturday, page.open_evening)
    return flags


def _add_directory(sections, towns, missing, rng):
    """Add `missing` actions with their share of structures, lieux and Promeneurs."""
    if missing <= 0:
        return 0
    from django.utils import timezone

    from benchmarks.bulk_pages import bulk_pages
    from directory.models import (
        ActionPage,
        ActionSession,
        LieuRessourcePage,
        PromeneurPage,
        StructurePage,
    )

    now = timezone.now()
    today = timezone.localdate()
    flags = _opening_flags()
    placed = defaultdict(list)
    for town in _pick_towns(towns, missing, rng):
        placed[town[3]].append(town)
    for code, action_towns in sorted(placed.items()):
        directory = sections[code][1]

        def common(town, title):
            days = rng.randint(0, 700)
            published = now - datetime.timedelta(days=days)
            return {
                "title": title,
                "first_published_at": published,
                "last_published_at": published,
                "commune_id": town[0],
                "latitude": _jitter(town[4], rng),
                "longitude": _jitter(town[5], rng),
                "point_placed": True,
                "address": f"{rng.randint(1, 120)} rue de la République",
            }

        count = len(action_towns)
        structures = bulk_pages(
            directory,
            [
                StructurePage(
                    kind=kind,
                    description="Une structure du réseau de soutien à la parentalité.",
                    phone="03 20 00 00 00",
                    **common(town, name.format(town=town[1])),
                )
                for town in rng.choices(action_towns, k=max(1, count // ACTIONS_PER_STRUCTURE))
                for name, kind in [rng.choice(STRUCTURE_NAMES)]
            ],
            slug_prefix="structure",
        )
        lieux = bulk_pages(
            directory,
            [
                LieuRessourcePage(
                    kind=kind,
                    structure_id=rng.choice(structures).pk,
                    description="Un lieu ouvert aux parents, avec ou sans rendez-vous.",
                    opening_hours=HOURS[2],
                    open_saturday=flags[HOURS[2]][0],
                    open_evening=flags[HOURS[2]][1],
                    services=rng.sample(["laep", "mediation-familiale", "groupes-de-parole"], 2),
                    **common(town, name.format(town=town[1])),
                )
                for town in rng.choices(action_towns, k=max(1, count // ACTIONS_PER_LIEU))
                for name, kind in [rng.choice(LIEU_NAMES)]
            ],
            slug_prefix="lieu",
        )
        bulk_pages(
            directory,
            [
                PromeneurPage(
                    function="Animateur jeunesse",
                    structure_id=rng.choice(structures).pk,
                    presence_hours="Mercredi 14 h – 18 h, vendredi 17 h – 19 h",
                    audience=["parents", "jeunes"],
                    **common(town, f"Promeneur du Net – {town[1]} {number}"),
                )
                for number, town in enumerate(
                    rng.choices(action_towns, k=max(1, count // ACTIONS_PER_PROMENEUR))
                )
            ],
            slug_prefix="promeneur",
        )
        pages = []
        for number, town in enumerate(action_towns):
            action_type, title, themes = rng.choice(ACTION_TITLES)
            age_min = rng.randint(0, 15)
            hours = rng.choice(HOURS)
            cost = rng.choice(["gratuit", "gratuit", "symbolique", "payant"])
            lieu = rng.choice(lieux) if rng.random() < 0.3 else None
            fields = common(town, f"{title} – {town[1]} ({number + 1})")
            if lieu is not None:
                fields.update(
                    commune_id=lieu.commune_id, latitude=lieu.latitude, longitude=lieu.longitude
                )
            pages.append(
                ActionPage(
                    action_type=action_type,
                    structure_id=rng.choice(structures).pk if rng.random() < 0.8 else None,
                    lieu_id=lieu.pk if lieu else None,
                    description=rng.choice(DESCRIPTIONS),
                    themes=themes
                    + rng.sample(["sante", "vie-quotidienne", "loisirs-et-temps-en-famille"], 1),
                    publics=rng.sample(
                        ["futurs-parents", "grands-parents", "familles-monoparentales"],
                        rng.randint(0, 2),
                    ),
                    age_min=age_min,
                    age_max=rng.randint(age_min, 21),
                    format=rng.choice(["collectif", "collectif", "individuel"]),
                    mode=rng.choice(["presentiel", "presentiel", "presentiel", "distance"]),
                    cost=cost,
                    cost_amount=5 if cost == "payant" else None,
                    registration=rng.choice(["libre", "inscription"]),
                    phone="03 20 00 00 00",
                    opening_hours=hours,
                    open_saturday=flags[hours][0],
                    open_evening=flags[hours][1],
                    **fields,
                )
            )
        bulk_pages(directory, pages, slug_prefix="action")
        sessions = []
        for page in pages:
            if rng.random() < 0.5:
                start = today + datetime.timedelta(days=rng.randint(-60, 120))
                weekly = rng.random() < 0.5
                sessions.append(
                    ActionSession(
                        action_id=page.pk,
                        sort_order=0,
                        start_date=start,
                        start_time=datetime.time(rng.choice([9, 10, 14, 18])),
                        end_time=datetime.time(rng.choice([9, 10, 14, 18]) + 2),
                        recurrence="weekly" if weekly else "",
                        recurrence_count=12 if weekly else None,
                    )
                )
        ActionSession.objects.bulk_create(sessions, batch_size=1000)
    return missing


def _add_events(sections, towns, missing, rng):
    """Add `missing` events, one in five recurring, over the past and the coming year."""
    if missing <= 0:
        return 0
    from django.utils import timezone

    from benchmarks.bulk_pages import bulk_pages
    from events.models import EventExceptionDate, EventPage

    now = timezone.now()
    today = timezone.localdate()
    kinds = EventPage.Kind.values
    audiences = EventPage.Audience.values
    placed = defaultdict(list)
    for town in _pick_towns(towns, missing, rng):
        placed[town[3]].append(town)
    number = itertools.count(1)
    for code, event_towns in sorted(placed.items()):
        section, _directory, agenda = sections[code]
        pages, exceptions = [], []
        for town in event_towns:
            serial = next(number)
            start = today + datetime.timedelta(days=rng.randint(-365, 365))
            hour = rng.randint(8, 18)
            all_day = rng.random() < 0.1
            page = EventPage(
                title=f"{rng.choice(EVENT_TITLES)} – {town[1]} n° {serial}",
                first_published_at=now,
                last_published_at=now,
                sequence=1,
                departement_id=section.departement_id,
                kind=rng.choice(kinds),
                audience=rng.choice(audiences),
                status="cancelled" if rng.random() < 0.03 else "confirmed",
                start_date=start,
                start_time=None if all_day else datetime.time(hour),
                end_date=start + datetime.timedelta(days=1) if rng.random() < 0.05 else None,
                end_time=None if all_day else datetime.time(hour + 2),
                venue_name="Centre social",
                address="12 rue de la République",
                postcode=(town[2].split(",")[0] if town[2] else "")[:5],
                commune=town[1],
                latitude=round(town[4], 6),
                longitude=round(town[5], 6),
                description="<p>Échanges entre les acteurs du réseau, témoignages et ateliers.</p>",
                organiser=f"Coordination {section.title}",
            )
            if serial % RECURRING_EVENT_SHARE == 0:
                page.recurrence = rng.choice(["weekly", "monthly_day", "monthly_weekday"])
                page.recurrence_count = rng.randint(4, 12)
                exceptions.append((page, start + datetime.timedelta(days=14)))
            page.last_date = page._last_date()
            pages.append(page)
        bulk_pages(agenda, pages, slug_prefix="evenement")
        EventExceptionDate.objects.bulk_create(
            [
                EventExceptionDate(event_id=page.pk, date=day, sort_order=0)
                for page, day in exceptions
                if page.recurrence == "weekly"
            ]
        )
    return missing


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--actions", type=int, default=50_000)
    parser.add_argument("--events", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=2026)
    options = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.test")
    import django

    django.setup()
    build(actions=options.actions, events=options.events, seed=options.seed)


if __name__ == "__main__":
    main()
