"""The annual report of a département and a year: XLSX with one sheet per family, CSV, and the
printable bilan, all with the figures of the dashboard."""

import csv
import datetime
import io

from django.test import TestCase
from django.urls import reverse
from openpyxl import load_workbook

from hub.indicators.registry import active_indicators
from tests.indicators.known_content import EXPECTED_2025, build_known_departement

LABELS = {
    "reunions_reseau": "Réunions de réseau",
    "participants": "Participants aux rencontres",
    "formations": "Formations réalisées",
    "actualites_publiees": "Actualités publiées",
}


def summary_rows(sheet):
    """{indicator label: row values} of the summary table at the top of a sheet."""
    rows = list(sheet.iter_rows(values_only=True))
    header = rows.index(next(r for r in rows if r[0] == "Indicateur"))
    summary = {}
    for row in rows[header + 1 :]:
        if not row[0]:
            break
        summary[row[0]] = row
    return summary


class ExportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_known_departement()
        cls.nord = cls.net["nord"]

    def setUp(self):
        self.client.force_login(self.net["coord_nord"])

    def get(self, name):
        return self.client.get(reverse(f"indicators:{name}", args=[self.nord.pk]), {"annee": 2025})

    def test_xlsx_has_one_sheet_per_family_with_the_figures(self):
        response = self.get("export_xlsx")
        self.assertEqual(
            response["Content-Disposition"], 'attachment; filename="bilan-59-2025.xlsx"'
        )
        workbook = load_workbook(io.BytesIO(response.content))
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
        animation = summary_rows(workbook["Animation du réseau"])
        # label, unit, 2025, 2024, change, target, progress, then January to December
        self.assertEqual(
            animation["Réunions de réseau"],
            ("Réunions de réseau", "réunions", 2, 1, 1, 8, 25, 0, 2, *[0] * 10),
        )
        self.assertEqual(animation["Participants aux rencontres"][2:4], (33, 20))
        self.assertEqual(animation["Structures représentées"][2], 18)
        self.assertEqual(
            summary_rows(workbook["Formation"])["Formations réalisées"][2:7], (1, 0, 1, 2, 50)
        )
        news = summary_rows(workbook["Communication"])["Actualités publiées"]
        self.assertEqual(news[2], 3)
        self.assertEqual(news[7:10], (1, 0, 2))

    def test_xlsx_lists_the_items_behind_the_figures(self):
        workbook = load_workbook(io.BytesIO(self.get("export_xlsx").content))
        rows = list(workbook["Formation"].iter_rows(values_only=True))
        detail = rows[rows.index(next(r for r in rows if r[0] == "Détail des chiffres")) + 2]
        self.assertEqual(detail[0], "Formations réalisées")
        self.assertEqual(detail[1], datetime.datetime(2025, 6, 10))
        self.assertEqual(detail[2:4], ("Formation des nouveaux promeneurs", 1))

    def test_csv_has_every_indicator(self):
        response = self.get("export_csv")
        self.assertEqual(
            response["Content-Disposition"], 'attachment; filename="bilan-59-2025.csv"'
        )
        text = response.content.decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text), delimiter=";"))
        self.assertEqual(
            rows[0][:7], ["Département", "Année", "Famille", "Clé", "Indicateur", "Unité", "2025"]
        )
        by_key = {row[3]: row for row in rows[1:]}
        self.assertEqual(set(by_key), {indicator.key for indicator in active_indicators()})
        for key, (value, by_month) in EXPECTED_2025.items():
            with self.subTest(key):
                self.assertEqual(int(by_key[key][6]), value)
                months = by_key[key][11:23]
                self.assertEqual(months, [str(v) for v in by_month] if by_month else [""] * 12)
        self.assertEqual(by_key["formations"][9:11], ["2", "50"])
        self.assertEqual(by_key["journees_echanges"][9:11], ["", ""])

    def test_printable_bilan(self):
        response = self.get("annual_report")
        self.assertContains(response, "Bilan annuel d'activité 2025")
        self.assertContains(response, "Caf du Nord")
        self.assertContains(response, "1. Animation du réseau")
        self.assertContains(response, "Réunions de réseau : 2</h3>")
        self.assertContains(response, "Formations réalisées : 1</h3>")
        self.assertContains(response, "Rencontre avec la PMI")
        self.assertContains(response, "31/12/2025")
        self.assertNotContains(response, "girondin")
        self.assertNotContains(response, "Liste limitée")
        self.assertNotContains(response, "<script")
        self.assertNotContains(response, "style=")

    def test_printable_bilan_lists_a_limited_number_of_items(self):
        from hub.indicators.views import REPORT_ITEMS_PER_INDICATOR
        from tests.indicators.known_content import Kind, record

        for number in range(REPORT_ITEMS_PER_INDICATOR + 2):
            day = datetime.date(2025, 1, 1) + datetime.timedelta(days=number)
            record(self.nord, Kind.EXCHANGE_DAY, day, f"Journée {number}")
        response = self.get("annual_report")
        self.assertContains(response, "Journées d&#x27;échanges : 62</h3>")
        self.assertContains(response, "Liste limitée aux 60 premiers éléments")
        self.assertContains(response, "Journée 59<")
        self.assertNotContains(response, "Journée 61<")


class DrillDownLimitTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_known_departement()

    def test_detail_page_and_xlsx_list_a_bounded_number_of_items(self):
        from unittest import mock

        self.client.force_login(self.net["coord_nord"])
        nord = self.net["nord"]
        with (
            mock.patch("hub.indicators.views.DRILL_DOWN_LIMIT", 3),
            mock.patch("hub.indicators.exports.DRILL_DOWN_LIMIT", 3),
        ):
            detail = self.client.get(
                reverse("indicators:detail", args=[nord.pk, "participants"]), {"annee": 2025}
            )
            workbook = load_workbook(
                io.BytesIO(
                    self.client.get(
                        reverse("indicators:export_xlsx", args=[nord.pk]), {"annee": 2025}
                    ).content
                )
            )
        self.assertContains(detail, "Total : 33 personnes")
        self.assertContains(detail, "Liste limitée aux 3 premiers éléments")
        self.assertContains(detail, "Formation des nouveaux promeneurs")
        self.assertNotContains(detail, "Rencontre avec la PMI")
        rows = [r for r in workbook["Animation du réseau"].iter_rows(values_only=True) if r[0]]
        participant_rows = [r for r in rows if r[0] == "Participants aux rencontres"]
        self.assertEqual(len(participant_rows), 1 + 3 + 1)  # summary, 3 items, the note
        self.assertIn("Liste limitée aux 3 premiers éléments", participant_rows[-1][2])
