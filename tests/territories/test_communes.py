from django.test import TestCase

from territories.communes import communes_starting_with, find_commune, search_key
from tests.directory.builders import load_communes


class CommuneLookupTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_communes()

    def test_search_key_folds_like_the_search_engines(self):
        self.assertEqual(search_key("Saint-Étienne"), "saint etienne")
        self.assertEqual(search_key("Crèvecœur-sur-l’Escaut"), "crevecoeur sur l escaut")

    def test_a_name_with_a_ligature_is_found_typed_either_way(self):
        self.assertEqual(find_commune("Annœullin").nom, "Annœullin")
        self.assertEqual(find_commune("annoeullin").nom, "Annœullin")

    def test_completion_by_name_or_any_postal_code_most_populous_first(self):
        self.assertEqual(communes_starting_with("lil")[0].nom, "Lille")
        self.assertIn("Lille", [commune.nom for commune in communes_starting_with("59160")])
        self.assertEqual(communes_starting_with("Crèvecœur")[0].nom, "Crèvecœur-sur-l'Escaut")
