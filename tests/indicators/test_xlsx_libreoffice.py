"""The XLSX export opened by LibreOffice (headless) shows the right numbers.

LibreOffice is large: `scripts/install-libreoffice` installs it; without it this test is skipped.
"""

import csv
import shutil
import subprocess
import tempfile
from pathlib import Path
from unittest import skipUnless

from django.test import TestCase
from django.urls import reverse

from tests.indicators.known_content import build_known_departement

SOFFICE = shutil.which("soffice")
# CSV export of every sheet (last token -1): ';' separator, '"' quote, UTF-8, cells as shown.
CSV_FILTER = "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false,false,false,-1"


@skipUnless(SOFFICE, "LibreOffice absent : lancez scripts/install-libreoffice pour ce test.")
class LibreOfficeXlsxTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_known_departement()

    def test_libreoffice_reads_the_figures(self):
        self.client.force_login(self.net["coord_nord"])
        response = self.client.get(
            reverse("indicators:export_xlsx", args=[self.net["nord"].pk]), {"annee": 2025}
        )
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / "bilan.xlsx"
            source.write_bytes(response.content)
            subprocess.run(
                [
                    SOFFICE,
                    "--headless",
                    f"-env:UserInstallation=file://{tmp}/profile",
                    "--convert-to",
                    CSV_FILTER,
                    "--outdir",
                    tmp,
                    str(source),
                ],
                check=True,
                capture_output=True,
                timeout=120,
            )
            sheets = {
                path.stem.removeprefix("bilan-"): list(
                    csv.reader(path.open(encoding="utf-8"), delimiter=";")
                )
                for path in Path(tmp).glob("bilan-*.csv")
            }
        self.assertEqual(
            set(sheets),
            {
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
            },
        )
        rows = {}  # the summary row of each indicator comes before its detail rows
        for sheet in sheets.values():
            for row in sheet:
                if row:
                    rows.setdefault(row[0], row)
        self.assertEqual(rows["Réunions de réseau"][2:7], ["2", "1", "1", "8", "25"])
        self.assertEqual(rows["Participants aux rencontres"][2:4], ["33", "20"])
        self.assertEqual(rows["Structures représentées"][2], "18")
        self.assertEqual(rows["Formations réalisées"][2:7], ["1", "0", "1", "2", "50"])
        self.assertEqual(rows["Actualités publiées"][2:4], ["3", "1"])
        self.assertEqual(rows["Actualités publiées"][7:10], ["1", "0", "2"])
