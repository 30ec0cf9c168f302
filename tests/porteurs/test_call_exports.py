"""All dossiers of a call as XLSX and CSV, read back: one row per submitted dossier, the call's
questions as columns, drafts left out; CSV with `;` and a BOM."""

import csv
import io

from django.test import TestCase
from django.urls import reverse
from openpyxl import load_workbook

from porteurs.calls import DossierStatus
from tests.porteurs.builders import build_structures
from tests.porteurs.call_builders import complete_dossier, open_call


class ExportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.data = build_structures()
        cls.call = open_call(cls.data["nord"])
        complete_dossier(cls.call, cls.data["pile"])
        complete_dossier(
            cls.call, cls.data["alma"], status=DossierStatus.RETENU, action_title="Atelier ados"
        )
        complete_dossier(
            cls.call, cls.data["alma"], status=DossierStatus.BROUILLON, action_title="Secret"
        )

    def get(self, name):
        self.client.force_login(self.data["coord_nord"])
        response = self.client.get(reverse(name, args=[self.call.pk]))
        self.assertEqual(response.status_code, 200)
        return response

    def test_xlsx_round_trip(self):
        response = self.get("porteurs_calls:call_export_xlsx")
        self.assertIn("dossiers-59-2027.xlsx", response["Content-Disposition"])
        sheet = load_workbook(io.BytesIO(response.content)).active
        rows = list(sheet.iter_rows(values_only=True))
        header = rows[0]
        self.assertIn("Objectifs de l'action", header)
        self.assertIn("Nombre de séances prévues", header)
        records = [dict(zip(header, row, strict=True)) for row in rows[1:]]
        self.assertEqual(
            sorted(r["Titre de l'action"] for r in records),
            ["Atelier ados", "Café des parents du mardi"],
        )
        first = records[0]
        self.assertEqual(first["Structure"], "Centre social du Pile")
        self.assertEqual(first["Statut"], "Déposé")
        self.assertEqual(first["Thèmes"], "Adolescence, Écrans et numérique")
        self.assertEqual(first["Commune"], "Roubaix")
        self.assertEqual(float(first["Montant demandé (€)"]), 1500.0)
        self.assertEqual(first["Objectifs de l'action"], "Rompre l'isolement des parents.")

    def test_csv_round_trip(self):
        response = self.get("porteurs_calls:call_export_csv")
        text = response.content.decode("utf-8")
        self.assertTrue(text.startswith("\ufeff"))
        records = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
        self.assertEqual(len(records), 2)
        retained = next(r for r in records if r["Titre de l'action"] == "Atelier ados")
        self.assertEqual(retained["Statut"], "Retenu")
        self.assertEqual(retained["Montant demandé (€)"], "1500,00")
        self.assertEqual(retained["Structure"], "Association de l'Alma")
        self.assertNotIn("Secret", text)
