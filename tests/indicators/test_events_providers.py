"""The agenda's figures: sessions held in the year by kind, with their attendance, per month."""

import datetime
from unittest import mock
from zoneinfo import ZoneInfo

from django.test import TestCase
from django.urls import reverse

from events.indicator_providers import EventSessionsProvider
from events.models import EventPage
from hub.indicators.registry import compute_figures, compute_items, providers
from tests.builders import build_network
from tests.events.builders import add_event
from tests.indicators.known_content import months

Kind, Status = EventPage.Kind, EventPage.Status
d = datetime.date
PARIS = ZoneInfo("Europe/Paris")


def agenda_items(key, section, year):
    return [item for item in compute_items(key, section, year) if item.source == "Agenda"]


class EventIndicatorTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        net = build_network()
        cls.nord = net["nord"]
        cls.gironde = gironde = net["gironde"]
        cls.reseau = add_event(
            cls.nord,
            "Rencontre du réseau de Lille",
            kind=Kind.RENCONTRE_RESEAU,
            start_date=d(2025, 2, 4),
            attendances=[(d(2025, 2, 4), 12, 5)],
        )
        # Second Tuesday of each month, six sessions, the April one cancelled.
        cls.analyse = add_event(
            cls.nord,
            "Groupe d'analyse de la pratique",
            kind=Kind.ANALYSE_PRATIQUE,
            start_date=d(2025, 1, 14),
            start_time=datetime.time(9, 30),
            end_time=datetime.time(12),
            recurrence=EventPage.Recurrence.MONTHLY_WEEKDAY,
            recurrence_count=6,
            exception_dates=[d(2025, 4, 8)],
            attendances=[(d(2025, 1, 14), 8, 6), (d(2025, 3, 11), 7, 5)],
        )
        # Weekly from December 2024: three sessions in 2024, one in 2025.
        add_event(
            cls.nord,
            "Formation à l'écoute active",
            kind=Kind.FORMATION,
            start_date=d(2024, 12, 17),
            recurrence=EventPage.Recurrence.WEEKLY,
            recurrence_count=4,
            attendances=[(d(2024, 12, 17), 10, 3), (d(2025, 1, 7), 9, 4)],
        )
        cls.journee = add_event(
            cls.nord,
            "Journée départementale de la parentalité",
            kind=Kind.JOURNEE_DEPARTEMENTALE,
            start_date=d(2025, 10, 18),
            start_time=None,
            end_time=None,
            attendances=[(d(2025, 10, 18), 150, 40)],
        )
        add_event(
            cls.nord,
            "Comité de pilotage REAAP",
            kind=Kind.COMITE_PILOTAGE,
            start_date=d(2025, 3, 27),
        )
        add_event(
            cls.nord,
            "Rencontre avec la PMI",
            kind=Kind.RENCONTRE_PARTENAIRES,
            start_date=d(2025, 11, 12),
        )
        add_event(
            cls.nord,
            "Semaine de la parentalité",
            kind=Kind.TEMPS_FORT_PARENTS,
            audience=EventPage.Audience.PARENTS,
            start_date=d(2025, 5, 20),
            attendances=[(d(2025, 5, 20), 60, 3)],
        )
        add_event(cls.nord, "Visite du relais", kind=Kind.AUTRE, start_date=d(2025, 9, 9))
        # Never counted: cancelled, postponed, unpublished, another département's.
        add_event(
            cls.nord,
            "Rencontre du réseau annulée",
            kind=Kind.RENCONTRE_RESEAU,
            status=Status.CANCELLED,
            start_date=d(2025, 6, 5),
            attendances=[(d(2025, 6, 5), 99, 9)],
        )
        add_event(
            cls.nord,
            "Rencontre du réseau reportée",
            kind=Kind.RENCONTRE_RESEAU,
            status=Status.POSTPONED,
            start_date=d(2025, 6, 12),
        )
        add_event(
            cls.nord, "Brouillon", kind=Kind.RENCONTRE_RESEAU, start_date=d(2025, 7, 1)
        ).unpublish()
        add_event(
            gironde,
            "Rencontre du réseau girondin",
            kind=Kind.RENCONTRE_RESEAU,
            start_date=d(2025, 2, 6),
            attendances=[(d(2025, 2, 6), 30, 15)],
        )

    def test_the_provider_is_registered(self):
        self.assertIn(EventSessionsProvider, [type(provider) for provider in providers()])

    def test_sessions_held_by_kind_and_month(self):
        figures = compute_figures(self.nord, 2025)
        expected = {
            "reunions_reseau": (1, months(feb=1)),
            "analyses_pratique": (5, months(jan=1, feb=1, mar=1, may=1, jun=1)),
            "formations": (1, months(jan=1)),
            "journees_echanges": (1, months(oct=1)),
            "rencontres_partenaires": (2, months(mar=1, nov=1)),
            "actions_promotion": (1, months(may=1)),
            "autres_activites": (1, months(sep=1)),
            "participants": (246, months(jan=17, feb=12, mar=7, may=60, oct=150)),
            "structures_representees": (63, months(jan=10, feb=5, mar=5, may=3, oct=40)),
        }
        for key, (value, by_month) in expected.items():
            with self.subTest(key):
                self.assertEqual((figures[key].value, figures[key].by_month), (value, by_month))

    def test_previous_year_counts_its_own_sessions(self):
        figures = compute_figures(self.nord, 2024)
        self.assertEqual(figures["formations"].by_month, months(dec=3))
        self.assertEqual(figures["participants"].value, 10)
        self.assertEqual(figures["structures_representees"].value, 3)
        self.assertEqual(figures["reunions_reseau"].value, 0)

    def test_sessions_to_come_do_not_count(self):
        # On 11 March 2025 at 11:00 the third practice analysis session (9:30-12:00) is not over.
        now = datetime.datetime(2025, 3, 11, 11, tzinfo=PARIS)
        with mock.patch("django.utils.timezone.now", return_value=now):
            figures = compute_figures(self.nord, 2025)
            items = agenda_items("analyses_pratique", self.nord, 2025)
        self.assertEqual(figures["analyses_pratique"].by_month, months(jan=1, feb=1))
        self.assertEqual([item.date for item in items], [d(2025, 1, 14), d(2025, 2, 11)])
        self.assertEqual(figures["participants"].value, 29)
        self.assertEqual(figures["rencontres_partenaires"].value, 0)

    def test_recurring_event_drill_down(self):
        items = agenda_items("analyses_pratique", self.nord, 2025)
        self.assertEqual(
            [item.date for item in items],
            [d(2025, 1, 14), d(2025, 2, 11), d(2025, 3, 11), d(2025, 5, 13), d(2025, 6, 10)],
        )
        first = items[0]
        self.assertEqual(first.title, "Groupe d'analyse de la pratique")
        self.assertEqual(first.url, self.analyse.url)
        self.assertTrue(first.url.startswith("/nord/agenda/"))
        self.assertEqual(
            first.admin_url, reverse("wagtailadmin_pages:edit", args=[self.analyse.pk])
        )
        self.assertEqual(first.detail, "Analyse de la pratique · 8 participants · 6 structures")
        self.assertEqual(items[1].detail, "Analyse de la pratique")

    def test_attendance_drill_downs(self):
        participants = agenda_items("participants", self.nord, 2025)
        self.assertEqual(
            [(item.date, item.title, item.quantity) for item in participants],
            [
                (d(2025, 1, 7), "Formation à l'écoute active", 9),
                (d(2025, 1, 14), "Groupe d'analyse de la pratique", 8),
                (d(2025, 2, 4), "Rencontre du réseau de Lille", 12),
                (d(2025, 3, 11), "Groupe d'analyse de la pratique", 7),
                (d(2025, 5, 20), "Semaine de la parentalité", 60),
                (d(2025, 10, 18), "Journée départementale de la parentalité", 150),
            ],
        )
        structures = agenda_items("structures_representees", self.nord, 2025)
        self.assertEqual(sum(item.quantity for item in structures), 63)
        self.assertEqual(structures[-1].url, self.journee.url)

    def test_partner_meetings_include_steering_committees(self):
        items = agenda_items("rencontres_partenaires", self.nord, 2025)
        self.assertEqual(
            [(item.title, item.detail) for item in items],
            [
                ("Comité de pilotage REAAP", "Comité de pilotage"),
                ("Rencontre avec la PMI", "Rencontre avec les partenaires"),
            ],
        )

    def test_cancelled_postponed_unpublished_and_other_departements_never_count(self):
        titles = {
            item.title
            for key in EventSessionsProvider.keys
            for item in compute_items(key, self.nord, 2025)
        }
        self.assertNotIn("Rencontre du réseau annulée", titles)
        self.assertNotIn("Rencontre du réseau reportée", titles)
        self.assertNotIn("Brouillon", titles)
        self.assertNotIn("Rencontre du réseau girondin", titles)

    def test_other_departement_has_its_own_figures(self):
        figures = compute_figures(self.gironde, 2025)
        self.assertEqual(figures["reunions_reseau"].value, 1)
        self.assertEqual(figures["participants"].value, 30)
        self.assertEqual(figures["analyses_pratique"].value, 0)

    def test_figures_take_a_fixed_number_of_queries(self):
        provider = EventSessionsProvider()
        with self.assertNumQueries(3):
            provider.figures(self.nord, 2025)
