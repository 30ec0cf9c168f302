import io

from django.core.management import call_command
from django.test import TestCase

from territories.models import Departement


class LoadDepartementsTests(TestCase):
    def test_every_departement_is_loaded_from_reference_data(self):
        call_command("load_departements", stdout=io.StringIO())
        self.assertEqual(Departement.objects.filter(zone="metro").count(), 96)
        self.assertEqual(Departement.objects.filter(zone="drom").count(), 5)
        nord = Departement.objects.get(code="59")
        self.assertEqual((nord.nom, nord.slug, nord.region_code), ("Nord", "nord", "32"))
        self.assertEqual(Departement.objects.get(code="2A").nom, "Corse-du-Sud")
        self.assertEqual(Departement.objects.get(code="974").nom, "La Réunion")

    def test_loading_twice_updates_in_place(self):
        call_command("load_departements", stdout=io.StringIO())
        Departement.objects.filter(code="59").update(nom="Ancien nom")
        call_command("load_departements", stdout=io.StringIO())
        self.assertEqual(Departement.objects.filter(code="59").get().nom, "Nord")
        self.assertEqual(Departement.objects.filter(code="59").count(), 1)


class DepartementArticleTests(TestCase):
    """The article comes from the reference data's TNCC ("type de nom en clair")."""

    @classmethod
    def setUpTestData(cls):
        call_command("load_departements", stdout=io.StringIO())

    def phrases(self, code):
        departement = Departement.objects.get(code=code)
        return departement.dans_le, departement.le, departement.du

    def test_each_kind_of_article(self):
        self.assertEqual(self.phrases("59"), ("dans le Nord", "le Nord", "du Nord"))
        self.assertEqual(self.phrases("33"), ("en Gironde", "la Gironde", "de la Gironde"))
        self.assertEqual(self.phrases("38"), ("en Isère", "l'Isère", "de l'Isère"))
        self.assertEqual(
            self.phrases("92"),
            ("dans les Hauts-de-Seine", "les Hauts-de-Seine", "des Hauts-de-Seine"),
        )
        self.assertEqual(self.phrases("69"), ("dans le Rhône", "le Rhône", "du Rhône"))

    def test_names_without_article(self):
        self.assertEqual(
            self.phrases("77"), ("en Seine-et-Marne", "Seine-et-Marne", "de Seine-et-Marne")
        )
        self.assertEqual(self.phrases("28"), ("en Eure-et-Loir", "Eure-et-Loir", "d'Eure-et-Loir"))
        self.assertEqual(self.phrases("75"), ("à Paris", "Paris", "de Paris"))
        self.assertEqual(self.phrases("974")[0], "à La Réunion")
        self.assertEqual(self.phrases("971")[0], "en Guadeloupe")
