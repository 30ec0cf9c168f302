"""Adding a provider (as the events, resources and directory apps will) needs no change to the
dashboard, targets, comparison, exports or permission checks."""

import csv
import datetime
import io

from django.core.exceptions import ImproperlyConfigured
from django.test import TestCase
from django.urls import reverse
from openpyxl import load_workbook

from hub.indicators.registry import (
    Figure,
    IndicatorProvider,
    Item,
    compute_figures,
    compute_items,
    register,
    unregister,
)
from tests.builders import sign_in_with_second_factor
from tests.indicators.known_content import build_known_departement

SECTION_TOOLS = {}  # section pk -> {year: [(title, date)]}


class ToolsProvider(IndicatorProvider):
    """Stands for the resources app: tools produced, and a state indicator (no months)."""

    keys = ("outils_produits", "actions_referencees")
    source_label = "Ressourcerie"

    def figures(self, section, year):
        tools = SECTION_TOOLS.get(section.pk, {}).get(year, [])
        months = [0] * 12
        for _title, day in tools:
            months[day.month - 1] += 1
        return {
            "outils_produits": Figure(len(tools), months),
            "actions_referencees": Figure(40 + year % 10, None),
        }

    def items(self, key, section, year, limit=None):
        tools = SECTION_TOOLS.get(section.pk, {}).get(year, [])
        return [
            Item(title=title, date=day, url=f"/outil/{n}/") for n, (title, day) in enumerate(tools)
        ]


class EventMeetingsProvider(IndicatorProvider):
    """Stands for the events app: meetings held, added to the activity records' count."""

    keys = ("reunions_reseau",)
    source_label = "Agenda"

    def figures(self, section, year):
        if section.departement.code == "59" and year == 2025:
            return {"reunions_reseau": Figure(1, [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0])}
        return {}

    def items(self, key, section, year, limit=None):
        if section.departement.code == "59" and year == 2025:
            return [Item(title="Réunion de réseau à Valenciennes", date=datetime.date(2025, 10, 2))]
        return []


class AddedProviderTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_known_departement()
        cls.nord, cls.gironde = cls.net["nord"], cls.net["gironde"]

    def setUp(self):
        SECTION_TOOLS.clear()
        SECTION_TOOLS[self.nord.pk] = {
            2025: [
                ("Guide des cafés des parents", datetime.date(2025, 4, 1)),
                ("Kit Promeneurs du Net", datetime.date(2025, 4, 20)),
            ]
        }
        SECTION_TOOLS[self.gironde.pk] = {2025: [("Affiche girondine", datetime.date(2025, 1, 1))]}
        register(ToolsProvider)
        register(EventMeetingsProvider)
        self.addCleanup(unregister, ToolsProvider)
        self.addCleanup(unregister, EventMeetingsProvider)
        self.client.force_login(self.net["coord_nord"])

    def url(self, name, *args):
        return reverse(f"indicators:{name}", args=[self.nord.pk, *args]) + "?annee=2025"

    def test_figures_of_several_providers_add_up(self):
        figures = compute_figures(self.nord, 2025)
        self.assertEqual(figures["reunions_reseau"].value, 3)
        self.assertEqual(figures["reunions_reseau"].by_month[1], 2)
        self.assertEqual(figures["reunions_reseau"].by_month[9], 1)
        items = compute_items("reunions_reseau", self.nord, 2025)
        self.assertEqual(
            [(item.title, item.source) for item in items],
            [
                ("Réunion du réseau de Lille", "Activité saisie"),
                ("Réunion du réseau de Roubaix", "Activité saisie"),
                ("Réunion de réseau à Valenciennes", "Agenda"),
            ],
        )

    def test_dashboard_drill_down_and_targets_show_the_new_indicators(self):
        dashboard = self.client.get(self.url("dashboard")).content.decode()
        self.assertIn('data-indicator="outils_produits">2<', dashboard)
        self.assertIn('data-indicator="actions_referencees">45<', dashboard)
        self.assertIn('id="family-outils"', dashboard)
        self.assertIn('id="family-annuaire"', dashboard)
        # A state indicator has no monthly chart; a monthly one has.
        self.assertIn('aria-label="Outils produits par la coordination par mois', dashboard)
        self.assertNotIn('aria-label="Actions référencées par mois', dashboard)
        detail = self.client.get(self.url("detail", "outils_produits"))
        self.assertContains(detail, "Kit Promeneurs du Net")
        self.assertContains(detail, 'href="/outil/1/"')
        self.assertNotContains(detail, "Affiche girondine")
        self.client.post(self.url("targets"), {"outils_produits": "4"})
        self.assertContains(
            self.client.get(self.url("dashboard")),
            '<progress max="100" value="50">50 %</progress>',
            html=True,
        )

    def test_exports_carry_the_new_families(self):
        workbook = load_workbook(io.BytesIO(self.client.get(self.url("export_xlsx")).content))
        self.assertEqual(
            workbook.sheetnames,
            [
                "Animation du réseau",
                "Formation",
                "Outils",
                "Annuaire",
                "Promeneurs du Net",
                "Communication",
                "Actions financées (bilans)",
                "Bilans par type d'action",
                "Bilans par thème",
                "Bilans par territoire",
            ],
        )
        outils = list(workbook["Outils"].iter_rows(values_only=True))
        row = next(r for r in outils if r[0] == "Outils produits par la coordination")
        self.assertEqual(row[2:4], (2, 0))
        self.assertEqual(row[7 + 3], 2)  # April
        rows = list(
            csv.reader(
                io.StringIO(self.client.get(self.url("export_csv")).content.decode("utf-8-sig")),
                delimiter=";",
            )
        )
        by_key = {r[3]: r for r in rows[1:]}
        self.assertEqual(by_key["actions_referencees"][6:8], ["45", "44"])
        self.assertEqual(by_key["actions_referencees"][11:23], [""] * 12)
        self.assertEqual(by_key["reunions_reseau"][6], "3")
        report = self.client.get(self.url("annual_report"))
        self.assertContains(report, "Outils produits par la coordination : 2</h3>")

    def test_coordinator_still_cannot_read_the_neighbour(self):
        gironde = reverse("indicators:detail", args=[self.gironde.pk, "outils_produits"])
        self.assertEqual(self.client.get(gironde).status_code, 403)

    def test_overview_of_the_national_administrator_lists_the_new_indicator(self):
        sign_in_with_second_factor(self.client, self.net["admin"])
        response = self.client.get(reverse("indicators:overview"), {"annee": 2025})
        values = {indicator.key: v for indicator, v in response.context["rows"]}
        self.assertEqual(values["outils_produits"], [1, 2])

    def test_a_provider_of_an_unknown_indicator_is_refused(self):
        class Wrong(IndicatorProvider):
            keys = ("inconnu",)

        with self.assertRaises(ImproperlyConfigured):
            register(Wrong)
