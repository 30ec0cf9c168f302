"""Demo agenda of a section: about twenty-five events over the past and the coming six months,
including recurring meetings, one cancelled or postponed event and attendance on past ones."""

import datetime
from decimal import Decimal

from django.utils import timezone

from events.models import EventAttendance, EventExceptionDate, EventIndexPage, EventPage
from hub.demo import populator
from hub.sections import add_published_child

PLACES = {
    "59": [
        ("Maison de la Caf", "82 rue Brûle-Maison", "59000", "Lille", 50.6311, 3.0527),
        (
            "Centre social de l'Alma",
            "14 rue Pierre de Roubaix",
            "59100",
            "Roubaix",
            50.6979,
            3.1711,
        ),
        ("Maison des familles", "3 place de la République", "59200", "Tourcoing", 50.7239, 3.1612),
        ("Médiathèque Jean Lévy", "32-34 rue Édouard Delesalle", "59000", "Lille", 50.6341, 3.0629),
        ("Espace Jean Jaurès", "7 rue de Douai", "59400", "Cambrai", 50.1731, 3.2346),
        ("Salle des fêtes", "1 rue de la Mairie", "59140", "Dunkerque", 51.0344, 2.3768),
    ],
    "33": [
        ("Caf de la Gironde", "Rue du Docteur Gabriel Péry", "33000", "Bordeaux", 44.8378, -0.5792),
        ("Centre social du Burck", "Avenue du Burck", "33700", "Mérignac", 44.8322, -0.6442),
        ("Maison des parents", "12 cours de la Libération", "33400", "Talence", 44.8096, -0.5886),
        (
            "Espace culturel du Médoc",
            "2 place de l'Église",
            "33340",
            "Lesparre-Médoc",
            45.3070,
            -0.9379,
        ),
        ("Salle Jean Jaurès", "5 allée des Tilleuls", "33500", "Libourne", 44.9153, -0.2436),
        ("Pôle enfance", "18 rue Lamartine", "33150", "Cenon", 44.8572, -0.5318),
    ],
}

K = EventPage.Kind
A = EventPage.Audience
# (days from today, kind, audience, title, start hour or None for all-day, hours, days long)
SINGLE_EVENTS = [
    (-170, K.COMITE_PILOTAGE, A.PROFESSIONNELS, "Comité de pilotage REAAP", 9, 3, 1),
    (-150, K.FORMATION, A.PROMENEURS, "Formation des nouveaux Promeneurs du Net", None, 0, 2),
    (
        -135,
        K.RENCONTRE_RESEAU,
        A.PROFESSIONNELS,
        "Rencontre du réseau : l'accueil des pères",
        14,
        3,
        1,
    ),
    (
        -120,
        K.TEMPS_FORT_PARENTS,
        A.PARENTS,
        "Ciné-débat « Parents d'ados, mode d'emploi »",
        19,
        2,
        1,
    ),
    (
        -100,
        K.RENCONTRE_PARTENAIRES,
        A.PROFESSIONNELS,
        "Rencontre avec l'Éducation nationale",
        10,
        2,
        1,
    ),
    (
        -85,
        K.JOURNEE_DEPARTEMENTALE,
        A.PROFESSIONNELS,
        "Journée départementale de la parentalité",
        None,
        0,
        1,
    ),
    (-60, K.TEMPS_FORT_PARENTS, A.PARENTS, "Conférence : les écrans en famille", 18, 2, 1),
    (-40, K.RENCONTRE_RESEAU, A.PROMENEURS, "Rencontre des Promeneurs du Net", 9, 3, 1),
    (-20, K.FORMATION, A.PROFESSIONNELS, "Formation : animer un groupe de parole", 9, 7, 1),
    (-6, K.AUTRE, A.PARENTS, "Permanence d'information des familles", 14, 3, 1),
    (5, K.TEMPS_FORT_PARENTS, A.PARENTS, "Café des parents du quartier", 9, 2, 1),
    (
        18,
        K.COMITE_PILOTAGE,
        A.PROFESSIONNELS,
        "Comité de pilotage du schéma des familles",
        14,
        2,
        1,
    ),
    (
        30,
        K.RENCONTRE_PARTENAIRES,
        A.PROFESSIONNELS,
        "Rencontre avec les partenaires de la PMI",
        10,
        2,
        1,
    ),
    (45, K.FORMATION, A.PROMENEURS, "Formation : la présence éducative en ligne", None, 0, 2),
    (
        62,
        K.TEMPS_FORT_PARENTS,
        A.PARENTS,
        "Semaine de la parentalité : ateliers parents-enfants",
        None,
        0,
        5,
    ),
    (
        80,
        K.JOURNEE_DEPARTEMENTALE,
        A.PROFESSIONNELS,
        "Journée départementale : familles monoparentales",
        None,
        0,
        1,
    ),
    (
        110,
        K.RENCONTRE_RESEAU,
        A.PROFESSIONNELS,
        "Rencontre du réseau : parentalité et handicap",
        14,
        3,
        1,
    ),
    (150, K.TEMPS_FORT_PARENTS, A.PARENTS, "Conférence : le sommeil des tout-petits", 18, 2, 1),
]
DESCRIPTIONS = {
    K.COMITE_PILOTAGE: "Bilan des actions financées et programme de l'année.",
    K.FORMATION: "Apports théoriques, études de cas, mises en situation.",
    K.RENCONTRE_RESEAU: "Échanges entre acteurs du réseau, témoignages, ateliers.",
    K.TEMPS_FORT_PARENTS: "Gratuit, ouvert à tous les parents ; garde d'enfants sur place.",
    K.RENCONTRE_PARTENAIRES: "Articuler nos actions avec celles des partenaires institutionnels.",
    K.JOURNEE_DEPARTEMENTALE: "Conférence le matin, ateliers l'après-midi.",
    K.ANALYSE_PRATIQUE: "Prendre du recul sur les situations vécues, avec une psychologue.",
    K.AUTRE: "Information sur les aides et les lieux ressources parentalité du territoire.",
}
MEETING_KINDS = {
    K.COMITE_PILOTAGE,
    K.FORMATION,
    K.RENCONTRE_RESEAU,
    K.RENCONTRE_PARTENAIRES,
    K.JOURNEE_DEPARTEMENTALE,
    K.ANALYSE_PRATIQUE,
}
STRUCTURES = [
    "Centre social",
    "Caf",
    "PMI",
    "Association de parents d'élèves",
    "Lieu d'accueil enfants-parents",
    "Maison des adolescents",
    "Médiathèque",
    "Espace de vie sociale",
    "Service jeunesse de la mairie",
    "Collège",
]


def _nth_weekday_on_or_after(day, weekday):
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)


def _second_weekday_of_month(day, weekday):
    first = _nth_weekday_on_or_after(day.replace(day=1), weekday)
    return first + datetime.timedelta(days=7)


def _recurring_events(today, section):
    four_months_ago = (today - datetime.timedelta(days=120)).replace(day=1)
    return [
        {
            "title": "Analyse de la pratique des animateurs de groupes de parents",
            "kind": K.ANALYSE_PRATIQUE,
            "audience": A.PROFESSIONNELS,
            "start_date": _second_weekday_of_month(four_months_ago, 1),
            "start_time": datetime.time(14),
            "end_time": datetime.time(16, 30),
            "recurrence": EventPage.Recurrence.MONTHLY_WEEKDAY,
            "recurrence_count": 9,
        },
        {
            "title": "Permanence en ligne des Promeneurs du Net",
            "kind": K.AUTRE,
            "audience": A.PROMENEURS,
            "start_date": _nth_weekday_on_or_after(today - datetime.timedelta(days=28), 2),
            "start_time": datetime.time(17),
            "end_time": datetime.time(18),
            "recurrence": EventPage.Recurrence.WEEKLY,
            "recurrence_interval": 2,
            "recurrence_until": today + datetime.timedelta(days=150),
            "online": True,
            "skip": 3,
        },
        {
            "title": "Café des parents du premier samedi",
            "kind": K.TEMPS_FORT_PARENTS,
            "audience": A.PARENTS,
            "start_date": _nth_weekday_on_or_after(four_months_ago, 5),
            "start_time": datetime.time(10),
            "end_time": datetime.time(11, 30),
            "recurrence": EventPage.Recurrence.MONTHLY_WEEKDAY,
            "recurrence_until": today + datetime.timedelta(days=170),
        },
    ]


def _attendance(occurrences, rng, today):
    records = []
    for occurrence in occurrences:
        if occurrence.last_day >= today:
            continue
        structures = rng.sample(STRUCTURES, rng.randint(3, 7))
        records.append(
            EventAttendance(
                date=occurrence.start_date,
                participants=rng.randint(len(structures) + 2, 45),
                structures_count=len(structures),
                structures="\n".join(structures),
            )
        )
    return records


@populator
def populate(section, rng):
    index = section.get_children().type(EventIndexPage).first().specific
    today = timezone.localdate()
    code = section.departement.code
    places = PLACES.get(code) or PLACES["59"]
    organiser = section.coordination_name or f"Coordination parentalité – {section.departement.nom}"
    specs = []
    for offset, kind, audience, title, hour, hours, days in SINGLE_EVENTS:
        start = today + datetime.timedelta(days=offset + rng.randint(0, 3))
        spec = {"title": title, "kind": kind, "audience": audience, "start_date": start}
        if days > 1:
            spec["end_date"] = start + datetime.timedelta(days=days - 1)
        if hour is not None:
            spec["start_time"] = datetime.time(hour)
            spec["end_time"] = datetime.time(hour + hours)
        specs.append(spec)
    specs += _recurring_events(today, section)
    # One cancelled event in the Nord, one postponed in the Gironde (the 12th and 13th).
    specs[11 if code == "59" else 12]["status"] = (
        EventPage.Status.CANCELLED if code == "59" else EventPage.Status.POSTPONED
    )
    for number, spec in enumerate(specs):
        _add_event(index, section, spec, places[number % len(places)], organiser, rng, today)


def _add_event(index, section, spec, place, organiser, rng, today):
    online = spec.pop("online", False)
    skip = spec.pop("skip", None)
    venue, address, postcode, commune, latitude, longitude = place
    kind = spec["kind"]
    page = EventPage(
        **spec,
        description=f"<p>{DESCRIPTIONS[kind]}</p>",
        organiser=organiser,
        registration_contact=section.coordination_email,
        capacity=rng.choice([None, 20, 30, 60, 120]),
    )
    if online:
        page.online_url = "https://visio.example.fr/promeneurs-du-net"
    else:
        page.venue_name, page.address, page.postcode, page.commune = (
            venue,
            address,
            postcode,
            commune,
        )
        page.latitude, page.longitude = Decimal(str(latitude)), Decimal(str(longitude))
        page.point_placed = True
    if kind in {K.FORMATION, K.JOURNEE_DEPARTEMENTALE}:
        page.registration_url = "https://inscriptions.example.fr/parentalite"
    occurrences = page.occurrences()
    if skip is not None and len(occurrences) > skip:
        page.exception_dates = [EventExceptionDate(date=occurrences[skip].start_date)]
        occurrences = [item for item in occurrences if item != occurrences[skip]]
    if kind in MEETING_KINDS and page.status == EventPage.Status.CONFIRMED:
        page.attendances = _attendance(occurrences, rng, today)
    add_published_child(index, page)
