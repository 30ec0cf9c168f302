from django.test import TestCase

from territories.communes import find_commune, search_key
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
