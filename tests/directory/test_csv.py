"""CSV import and export of actions: atomic, every bad row reported, re-import updates."""

import datetime
import io
import shutil
import tempfile
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import TestCase
from django.urls import reverse

from directory.csv_io import HEADER, export_actions, import_actions
from directory.importing import ImportFailed
from directory.models import ActionPage
from search.api import SearchRequest, search
from tests.builders import build_network
from tests.directory.builders import add_lieu, directory_index, load_communes


def csv_text(*rows, header=None):
    lines = [",".join(header or HEADER)]
    for row in rows:
        values = dict.fromkeys(header or HEADER, "")
        values.update(row)
        lines.append(",".join(f'"{values[column]}"' for column in header or HEADER))
    return "\n".join(lines) + "\n"


def good_row(key="A1", **extra):
    return {
        "identifiant": key,
        "titre": f"Café des parents {key}",
        "type": "cafe-des-parents",
        "description": "Un temps d'échange.",
        "themes": "adolescence;ecrans-et-numerique",
        "age_min": "11",
        "age_max": "17",
        "code_insee": "59512",
        "prochaine_seance": "2099-03-29 18:30",
        **extra,
    }


class CsvImportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        load_communes()
        cls.index = directory_index(cls.net["nord"])
        cls.lieu = add_lieu(cls.net["nord"], "Maison", external_id="L1")

    def import_text(self, text):
        return import_actions(text, self.index)

    def test_import_creates_live_actions_then_updates_in_place(self):
        report = self.import_text(
            csv_text(good_row("A1"), good_row("A2", lieu="L1", code_insee=""))
        )
        self.assertEqual((report.created, report.updated), (2, 0))
        action = ActionPage.objects.get(external_id="A1")
        self.assertTrue(action.live)
        self.assertEqual(action.themes, ["adolescence", "ecrans-et-numerique"])
        self.assertEqual(action.commune.nom, "Roubaix")
        self.assertIsNotNone(action.latitude)
        self.assertEqual(ActionPage.objects.get(external_id="A2").lieu, self.lieu.specific)
        report = self.import_text(csv_text(good_row("A1", titre="Nouveau titre")))
        self.assertEqual((report.created, report.updated), (0, 1))
        self.assertEqual(ActionPage.objects.filter(external_id="A1").count(), 1)
        self.assertEqual(ActionPage.objects.get(external_id="A1").title, "Nouveau titre")

    def test_imported_actions_are_indexed_for_search(self):
        self.import_text(csv_text(good_row("A1"), good_row("A2", titre="Atelier A2")))
        self.import_text(csv_text(good_row("A2", titre="Café des parents A2")))
        hits = search(SearchRequest(text="café parents", types=["action"])).hits
        self.assertEqual(
            sorted(hit.title for hit in hits), ["Café des parents A1", "Café des parents A2"]
        )

    def test_every_bad_row_is_reported_and_nothing_is_written(self):
        text = csv_text(
            good_row("A1"),
            good_row("A2", age_max="30"),
            good_row("A3", type="inconnu", themes="astrologie"),
            good_row("A4", code_insee="00000"),
            good_row("A1"),
            good_row("", titre=""),
            good_row("A6", lieu="nulle-part"),
            good_row("A7", cout="payant"),
            good_row("A8", prochaine_seance="demain"),
            good_row("A9", code_insee=""),
            good_row("A10", horaires="le lundi"),
            good_row("A11", age_min="15", age_max="12"),
        )
        with self.assertRaises(ImportFailed) as raised:
            self.import_text(text)
        errors = raised.exception.errors
        expected = [
            "Ligne 3, colonne age_max",
            "Ligne 4, colonne type",
            "Ligne 4, colonne themes",
            "Ligne 5, colonne code_insee",
            "Ligne 6, colonne identifiant",
            "Ligne 7, colonne identifiant",
            "Ligne 7, colonne titre",
            "Ligne 8, colonne lieu",
            "Ligne 9, colonne montant",
            "Ligne 10, colonne prochaine_seance",
            "Ligne 11, colonne code_insee",
            "Ligne 12, colonne horaires",
            "Ligne 13, colonne age_max",
        ]
        for prefix in expected:
            self.assertTrue(any(error.startswith(prefix) for error in errors), (prefix, errors))
        self.assertFalse(any(error.startswith("Ligne 2") for error in errors))
        self.assertFalse(ActionPage.objects.exists())

    def test_bad_header_is_reported(self):
        with self.assertRaises(ImportFailed) as raised:
            self.import_text("nom,prenom\nx,y\n")
        self.assertIn("Ligne 1", raised.exception.errors[0])
        with self.assertRaises(ImportFailed) as raised:
            self.import_text(csv_text(good_row(), header=[*HEADER, "couleur"]))
        self.assertIn("couleur", raised.exception.errors[0])

    def test_export_reimports_to_the_same_actions(self):
        self.import_text(csv_text(good_row("A1"), good_row("A2", lieu="L1", code_insee="")))
        exported = export_actions(ActionPage.objects.all())
        self.assertIn("2099-03-29 18:30", exported)
        report = self.import_text(exported)
        self.assertEqual((report.created, report.updated), (0, 2))
        # The column replaces the sessions: re-importing never piles them up.
        action = ActionPage.objects.get(external_id="A1")
        self.assertEqual(
            [(item.start_date, item.start_time) for item in action.sessions.all()],
            [(datetime.date(2099, 3, 29), datetime.time(18, 30))],
        )

    def test_management_commands(self):
        path = self.tmp_file(csv_text(good_row("A1")))
        out = io.StringIO()
        call_command("import_directory_csv", "nord", path, stdout=out)
        self.assertIn("1 action(s) créée(s)", out.getvalue())
        bad = self.tmp_file(csv_text(good_row("A2", age_min="x")))
        err = io.StringIO()
        with self.assertRaises(CommandError):
            call_command("import_directory_csv", "59", bad, stdout=out, stderr=err)
        self.assertIn("Ligne 2, colonne age_min", err.getvalue())
        out = io.StringIO()
        call_command("export_directory_csv", "59", stdout=out)
        self.assertIn("Café des parents A1", out.getvalue())

    def tmp_file(self, text):
        directory = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, directory)
        path = Path(directory) / "actions.csv"
        path.write_text(text, encoding="utf-8")
        return path

    def test_admin_import_and_refusal_for_another_departement(self):
        self.client.force_login(self.net["coord_nord"])
        response = self.client.get(reverse("directory_csv"))
        self.assertContains(response, "Télécharger le modèle CSV")
        upload = SimpleUploadedFile("a.csv", csv_text(good_row("A1", age_max="99")).encode())
        response = self.client.post(
            reverse("directory_csv"), {"directory": self.index.pk, "file": upload}
        )
        self.assertContains(response, "Ligne 2, colonne age_max", status_code=400)
        upload = SimpleUploadedFile("a.csv", csv_text(good_row("A1")).encode())
        response = self.client.post(
            reverse("directory_csv"), {"directory": self.index.pk, "file": upload}
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(ActionPage.objects.filter(external_id="A1").exists())
        gironde = directory_index(self.net["gironde"])
        upload = SimpleUploadedFile("a.csv", csv_text(good_row("B1")).encode())
        response = self.client.post(
            reverse("directory_csv"), {"directory": gironde.pk, "file": upload}
        )
        self.assertEqual(response.status_code, 200)
        self.assertFalse(ActionPage.objects.filter(external_id="B1").exists())
        response = self.client.get(reverse("directory_csv_export", args=[gironde.pk]))
        self.assertEqual(response.status_code, 403)

    def test_admin_import_passes_the_upload_gate(self):
        self.client.force_login(self.net["coord_nord"])
        for name, data, message in [
            ("actions.csv", b"MZ\x90\x00" + b"\x00" * 200, "programme exécutable"),
            ("actions.csv", b"<html><script>alert(1)</script></html>", "Les pages HTML"),
            ("actions.csv", csv_text(good_row("A1")).encode("latin-1"), "encodé en UTF-8"),
        ]:
            with self.subTest(message):
                response = self.client.post(
                    reverse("directory_csv"),
                    {"directory": self.index.pk, "file": SimpleUploadedFile(name, data)},
                )
                self.assertIn(message, " ".join(response.context["form"].errors["file"]))
                self.assertFalse(ActionPage.objects.filter(external_id="A1").exists())
