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
