"""A département with known content, and the figures it must give for 2025."""

import datetime

from hub.indicators.models import ActivityRecord, IndicatorTarget
from tests.builders import add_news, build_network

Kind = ActivityRecord.Kind


def record(section, kind, date, title, participants=0, structures=0):
    return ActivityRecord.objects.create(
        section=section,
        kind=kind,
        date=date,
        title=title,
        participants=participants,
        structures=structures,
    )


def build_known_departement():
    """Nord has known 2025 and 2024 content; Gironde has content that must never count for Nord."""
    net = build_network()
    nord, gironde = net["nord"], net["gironde"]
    d = datetime.date
    net["news"] = [
        add_news(nord, "Semaine de la parentalité", date=d(2025, 1, 15)),
        add_news(nord, "Appel à projets REAAP", date=d(2025, 3, 2)),
        add_news(nord, "Nouveaux Promeneurs du Net", date=d(2025, 3, 28)),
    ]
    add_news(nord, "Actualité de l'an passé", date=d(2024, 6, 1))
    add_news(nord, "Brouillon jamais publié", live=False, date=d(2025, 5, 5))
    add_news(gironde, "Ciné-débat à Mérignac", date=d(2025, 3, 10))
    net["records"] = {
        "reseau_lille": record(
            nord, Kind.NETWORK_MEETING, d(2025, 2, 4), "Réunion du réseau de Lille", 12, 5
        ),
        "reseau_roubaix": record(
            nord, Kind.NETWORK_MEETING, d(2025, 2, 20), "Réunion du réseau de Roubaix", 8, 4
        ),
        "formation": record(
            nord, Kind.TRAINING, d(2025, 6, 10), "Formation des nouveaux promeneurs", 10, 7
        ),
        "partenaire": record(
            nord, Kind.PARTNER_MEETING, d(2025, 12, 31), "Rencontre avec la PMI", 3, 2
        ),
        "lettre": record(nord, Kind.PROMOTION, d(2025, 1, 1), "Lettre d'information n° 12"),
        "reseau_2024": record(
            nord, Kind.NETWORK_MEETING, d(2024, 11, 5), "Réunion du réseau 2024", 20, 9
        ),
        "gironde": record(
            gironde, Kind.NETWORK_MEETING, d(2025, 2, 6), "Réunion du réseau girondin", 30, 15
        ),
    }
    IndicatorTarget.objects.create(
        section=nord, year=2025, indicator_key="reunions_reseau", target=8
    )
    IndicatorTarget.objects.create(section=nord, year=2025, indicator_key="formations", target=2)
    IndicatorTarget.objects.create(
        section=gironde, year=2025, indicator_key="formations", target=99
    )
    return net


def months(**values):
    """12 monthly numbers from keyword arguments such as jan=1, mar=2."""
    names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    return [values.get(name, 0) for name in names]


# Expected figures of Nord for 2025: (value, by month).
EXPECTED_2025 = {
    "reunions_reseau": (2, months(feb=2)),
    "analyses_pratique": (0, months()),
    "journees_echanges": (0, months()),
    "rencontres_partenaires": (1, months(dec=1)),
    "autres_activites": (0, months()),
    "participants": (33, months(feb=20, jun=10, dec=3)),
    "structures_representees": (18, months(feb=9, jun=7, dec=2)),
    "formations": (1, months(jun=1)),
    "actualites_publiees": (3, months(jan=1, mar=2)),
    "actions_promotion": (1, months(jan=1)),
    # The library's provider: no resource in this département.
    "outils_produits": (0, months()),
    "ressources_publiees": (0, months()),
    "telechargements_outils": (0, months()),
    # The directory's provider: an empty directory, no communes loaded (state figures: no months).
    "actions_referencees": (0, None),
    "lieux_ressources": (0, None),
    # No call for projects in this département: every bilan figure is 0.
    **dict.fromkeys(
        [
            "actions_financees",
            "bilans_transmis",
            "actions_nouvelles",
            "actions_renouvelees",
            "seances_actions",
            "participants_adultes",
            "parents_touches",
            "enfants_touches",
            "familles_touchees",
            "animateurs_salaries",
            "animateurs_benevoles",
        ],
        (0, None),
    ),
    "fiches_anciennes": (0, None),
    "epci_sans_action": (0, None),
    "communes_sans_action": (0, None),
    "promeneurs_actifs": (0, None),
    "promeneurs_labellises": (0, months()),
}
MONTHLY_2025 = {key: figure for key, figure in EXPECTED_2025.items() if figure[1] is not None}
