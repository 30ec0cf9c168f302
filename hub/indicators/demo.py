"""Demo activity records and targets: what a coordination enters for the activities that are not
on the site, over the current and the previous year."""

import datetime

from django.utils import timezone

from hub.demo import populator

from .models import ActivityRecord, IndicatorTarget

Kind = ActivityRecord.Kind

ACTIVITIES = [
    (Kind.NETWORK_MEETING, "Réunion du réseau REAAP du territoire {territoire}", 14, 9),
    (Kind.PRACTICE_ANALYSIS, "Analyse de la pratique des Promeneurs du Net", 8, 6),
    (Kind.EXCHANGE_DAY, "Journée départementale d'échanges : l'accueil des pères", 85, 42),
    (Kind.TRAINING, "Formation des nouveaux Promeneurs du Net parentalité", 12, 10),
    (Kind.TRAINING, "Formation « Animer un groupe de parole de parents »", 15, 11),
    (Kind.PARTNER_MEETING, "Rencontre avec le conseil départemental (PMI)", 3, 2),
    (Kind.PARTNER_MEETING, "Comité départemental des services aux familles", 18, 12),
    (Kind.PROMOTION, "Lettre d'information du réseau parentalité", 0, 0),
    (Kind.OTHER, "Appui méthodologique à un porteur de projet", 2, 1),
]
TERRITOIRES = {"59": ["Lille", "Roubaix-Tourcoing", "Cambrésis", "Avesnois"]}
DEFAULT_TERRITOIRES = ["Bordeaux Métropole", "Médoc", "Libournais", "Bassin d'Arcachon"]
TARGETS = {"reunions_reseau": 10, "formations": 4, "rencontres_partenaires": 6}


@populator
def populate(section, rng):
    """About forty activities a year for the last two years, and this year's targets."""
    today = timezone.localdate()
    territoires = TERRITOIRES.get(section.departement.code, DEFAULT_TERRITOIRES)
    records = []
    for year in (today.year - 1, today.year):
        last_day = today if year == today.year else datetime.date(year, 12, 31)
        for _round in range(4 if year == today.year else 5):
            for kind, title, participants, structures in ACTIVITIES:
                day = datetime.date(year, 1, 1) + datetime.timedelta(
                    days=rng.randint(0, (last_day - datetime.date(year, 1, 1)).days)
                )
                records.append(
                    ActivityRecord(
                        section=section,
                        kind=kind,
                        date=day,
                        title=title.format(territoire=rng.choice(territoires)),
                        participants=max(0, participants + rng.randint(-3, 3))
                        if participants
                        else 0,
                        structures=max(0, structures + rng.randint(-2, 2)) if structures else 0,
                        notes="Compte rendu envoyé aux participants.",
                    )
                )
    ActivityRecord.objects.bulk_create(records)
    for key, target in TARGETS.items():
        IndicatorTarget.objects.update_or_create(
            section=section, year=today.year, indicator_key=key, defaults={"target": target}
        )
