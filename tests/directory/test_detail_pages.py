"""Detail pages: contact links, directions, last update and schema.org JSON-LD."""

import json
import re

from django.core.exceptions import ValidationError
from django.test import SimpleTestCase, TestCase

from directory.models import ActionPage
from directory.validators import validate_siret
from tests.builders import build_network
from tests.directory.builders import add_action, load_communes


class ActionDetailTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        load_communes()
        cls.action = add_action(
            cls.net["nord"],
            "Café des parents d'ados",
            phone="03 20 12 34 56",
            email="cafe@exemple.fr",
            age_min=11,
            age_max=17,
        )

    def test_contact_links_directions_and_update_date(self):
        response = self.client.get(self.action.url)
        self.assertContains(response, 'href="tel:0320123456"')
        self.assertContains(response, 'href="mailto:cafe@exemple.fr"')
        self.assertContains(response, "openstreetmap.org/directions")
        self.assertContains(response, "Informations vérifiées le")
        self.assertContains(response, "Parents d'enfants de 11 à 17 ans")

    def test_json_ld_describes_the_service(self):
        response = self.client.get(self.action.url)
        block = re.search(
            r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
        )
        data = json.loads(block.group(1))
        self.assertEqual(data["@type"], "Service")
        self.assertEqual(data["name"], "Café des parents d'ados")
        self.assertEqual(data["telephone"], "03 20 12 34 56")
        self.assertEqual(data["address"]["addressLocality"], "Roubaix")
        self.assertEqual(data["audience"]["suggestedMinAge"], 11)

    def test_age_range_must_be_ordered_and_paid_needs_an_amount(self):
        action = ActionPage(title="x", action_type="autre", description="x", age_min=12, age_max=3)
        action.cost = "payant"
        with self.assertRaises(ValidationError) as raised:
            action.clean()
        self.assertEqual(set(raised.exception.message_dict), {"age_max", "cost_amount"})


class SiretTests(SimpleTestCase):
    def test_valid_and_invalid_sirets(self):
        validate_siret("73282932000074")
        for bad in ("73282932000075", "1234", "7328293200007A"):
            with self.assertRaises(ValidationError):
                validate_siret(bad)
