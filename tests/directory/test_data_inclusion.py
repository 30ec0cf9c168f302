"""Exchange with the data·inclusion schema v1: a validated export that re-imports in place,
and an atomic import that names every invalid record and field."""

import io
import json

from django.core.management import CommandError, call_command
from django.test import TestCase

from directory.data_inclusion import export, import_payload
from directory.importing import ImportFailed
from directory.models import ActionPage, StructurePage
from tests.builders import build_network
from tests.directory.builders import add_action, directory_index, load_communes, publish


def payload(**service_changes):
    service = {
        "source": "partenaire",
        "id": "S1",
        "structure_id": "ST1",
        "nom": "Groupe de parole parents d'ados",
        "description": "Un groupe de parole mensuel pour les parents d'adolescents.",
        "date_maj": "2026-01-15",
        "type": "atelier",
        "thematiques": ["famille--soutien-a-la-parentalite-et-a-leducation"],
        "frais": "payant",
        "frais_precisions": "3,50 € la séance",
        "publics": ["familles"],
        "code_insee": "33063",
        "modes_accueil": ["en-presentiel"],
        **service_changes,
    }
    return json.dumps(
        {
            "structures": [
                {
                    "source": "partenaire",
                    "id": "ST1",
                    "nom": "Centre social du Grand Parc",
                    "date_maj": "2026-01-10",
                    "siret": "73282932000074",
                    "code_insee": "33063",
                }
            ],
            "services": [service],
        }
    )


class DataInclusionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        load_communes()
        cls.index = directory_index(cls.net["gironde"])

    def test_import_creates_then_updates_in_place(self):
        report = import_payload(payload(), self.index)
        self.assertEqual((report.created, report.updated), (2, 0))
        action = ActionPage.objects.get()
        self.assertEqual(action.structure.title, "Centre social du Grand Parc")
        self.assertEqual(action.commune.nom, "Bordeaux")
        self.assertEqual((action.cost, str(action.cost_amount)), ("payant", "3.50"))
        self.assertTrue(action.live)
        report = import_payload(payload(nom="Nouveau nom du groupe"), self.index)
        self.assertEqual((report.created, report.updated), (0, 2))
        self.assertEqual(ActionPage.objects.get().title, "Nouveau nom du groupe")

    def test_invalid_records_are_all_reported_and_nothing_is_written(self):
        with self.assertRaises(ImportFailed) as raised:
            import_payload(payload(nom="x", frais="cher", code_insee="00000"), self.index)
        text = "\n".join(raised.exception.errors)
        self.assertIn("service n° 1, champ nom", text)
        self.assertIn("service n° 1, champ frais", text)
        self.assertFalse(StructurePage.objects.exists())
        with self.assertRaises(ImportFailed) as raised:
            import_payload(payload(structure_id="absente"), self.index)
        self.assertIn("champ structure_id", raised.exception.errors[0])
        with self.assertRaises(ImportFailed) as raised:
            import_payload("{pas du json", self.index)
        self.assertIn("JSON illisible, ligne 1", raised.exception.errors[0])
        self.assertFalse(ActionPage.objects.exists())

    def test_records_the_model_refuses_are_named_and_nothing_is_written(self):
        with self.assertRaises(ImportFailed) as raised:
            import_payload(payload(horaires_accueil="le lundi"), self.index)
        self.assertTrue(
            raised.exception.errors[0].startswith("service n° 1, champ horaires_accueil : "),
            raised.exception.errors,
        )
        with self.assertRaises(ImportFailed) as raised:
            import_payload(payload(latitude=44.84), self.index)
        self.assertEqual(
            raised.exception.errors,
            ["service n° 1 : Indiquez la latitude et la longitude, ou aucune des deux."],
        )
        self.assertFalse(StructurePage.objects.exists())
        self.assertEqual(import_payload(payload(), self.index).created, 2)

    def test_export_validates_against_the_schema_and_commands_round_trip(self):
        structure = publish(
            self.net["gironde"],
            StructurePage(title="Association Bordeaux Familles", kind="association"),
        )
        add_action(self.net["gironde"], "Café des parents", town="Bordeaux", structure=structure)
        data = export(StructurePage.objects.all(), ActionPage.objects.all())
        self.assertEqual(data["services"][0]["structure_id"], str(structure.pk))
        self.assertEqual(data["services"][0]["code_insee"], "33063")
        out = io.StringIO()
        call_command("export_data_inclusion", "33", stdout=out)
        self.assertEqual(json.loads(out.getvalue())["services"][0]["nom"], "Café des parents")
        err = io.StringIO()
        with self.assertRaises(CommandError):
            call_command("import_data_inclusion", "gironde", "/nonexistent.json", stderr=err)
