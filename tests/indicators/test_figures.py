"""Every figure and drill-down of a département with known content, computed from the content."""

from django.test import TestCase
from django.urls import reverse

from hub.indicators.registry import active_indicators, compute_figures, compute_items
from hub.indicators.report import build_report
from tests.indicators.known_content import EXPECTED_2025, build_known_departement


class FigureTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_known_departement()
        cls.nord = cls.net["nord"]

    def test_every_indicator_of_the_branch_is_active(self):
        self.assertEqual({i.key for i in active_indicators()}, set(EXPECTED_2025))

    def test_every_figure_and_its_months(self):
        figures = compute_figures(self.nord, 2025)
        for key, (value, by_month) in EXPECTED_2025.items():
            with self.subTest(key):
                self.assertEqual(figures[key].value, value)
                self.assertEqual(figures[key].by_month, by_month)

    def test_previous_year_and_targets(self):
        report = build_report(self.nord, 2025)
        rows = {row.indicator.key: row for row in report.rows}
        self.assertEqual(rows["reunions_reseau"].previous_value, 1)
        self.assertEqual(rows["reunions_reseau"].change, 1)
        self.assertEqual(rows["reunions_reseau"].target, 8)
        self.assertEqual(rows["reunions_reseau"].progress, 25)
        self.assertEqual(rows["formations"].progress, 50)
        self.assertEqual(rows["participants"].previous_value, 20)
        self.assertEqual(rows["actualites_publiees"].previous_value, 1)
        self.assertIsNone(rows["journees_echanges"].progress)
        self.assertEqual(
            [family.label for family in report.families],
            [
                "Animation du réseau",
                "Formation",
                "Outils",
                "Annuaire",
                "Promeneurs du Net",
                "Communication",
                "Actions financées (bilans)",
            ],
        )

    def test_news_drill_down(self):
        items = compute_items("actualites_publiees", self.nord, 2025)
        self.assertEqual(
            [item.title for item in items],
            ["Semaine de la parentalité", "Appel à projets REAAP", "Nouveaux Promeneurs du Net"],
        )
        first = self.net["news"][0]
        self.assertEqual(items[0].url, first.url)
        self.assertEqual(items[0].admin_url, reverse("wagtailadmin_pages:edit", args=[first.pk]))
        self.assertEqual(items[0].source, "Actualités")

    def test_activity_drill_downs(self):
        records = self.net["records"]
        meetings = compute_items("reunions_reseau", self.nord, 2025)
        self.assertEqual(
            [item.title for item in meetings],
            ["Réunion du réseau de Lille", "Réunion du réseau de Roubaix"],
        )
        self.assertEqual(
            meetings[0].admin_url,
            reverse("indicators:activity_edit", args=[self.nord.pk, records["reseau_lille"].pk]),
        )
        self.assertIn("12 participants", meetings[0].detail)
        participants = compute_items("participants", self.nord, 2025)
        self.assertEqual([item.quantity for item in participants], [12, 8, 10, 3])
        self.assertEqual(sum(item.quantity for item in participants), 33)
        structures = compute_items("structures_representees", self.nord, 2025)
        self.assertEqual(sum(item.quantity for item in structures), 18)
        self.assertEqual(
            [item.title for item in compute_items("rencontres_partenaires", self.nord, 2025)],
            ["Rencontre avec la PMI"],
        )

    def test_drill_down_adds_up_to_each_count(self):
        figures = compute_figures(self.nord, 2025)
        for key in EXPECTED_2025:
            with self.subTest(key):
                items = compute_items(key, self.nord, 2025)
                self.assertEqual(sum(item.quantity for item in items), figures[key].value)

    def test_other_departement_sees_only_its_own(self):
        gironde = compute_figures(self.net["gironde"], 2025)
        self.assertEqual(gironde["reunions_reseau"].value, 1)
        self.assertEqual(gironde["participants"].value, 30)
        self.assertEqual(gironde["actualites_publiees"].value, 1)
