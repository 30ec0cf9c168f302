"""A coordinator types a commune by name in the admin; it is never a list of every commune."""

from django.test import TestCase
from django.urls import reverse

from directory.models import LieuRessourcePage
from tests.admin_forms import edit_form_data
from tests.builders import build_network
from tests.directory.builders import add_lieu, commune, load_communes


class CommuneFieldTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        load_communes()
        cls.lieu = add_lieu(cls.net["nord"], "Maison des familles", town="Roubaix")

    def setUp(self):
        self.client.force_login(self.net["coord_nord"])

    def edit(self, **changes):
        data = edit_form_data(self.lieu, self.net["coord_nord"], **changes)
        url = reverse("wagtailadmin_pages:edit", args=[self.lieu.pk])
        return self.client.post(url, {**data, "action-publish": "1"})

    def test_edit_form_shows_the_commune_by_name_without_a_list_of_communes(self):
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.lieu.pk]))
        self.assertContains(response, 'value="Roubaix (59100)"')
        self.assertContains(response, "data-commune-autocomplete")
        self.assertNotContains(response, ">Mérignac (33)<")

    def test_typed_name_is_read_back_and_the_point_follows_the_commune(self):
        self.assertEqual(self.edit(commune="Tourcoing", latitude="", longitude="").status_code, 302)
        lieu = LieuRessourcePage.objects.get(pk=self.lieu.pk)
        self.assertEqual(lieu.commune, commune("Tourcoing"))
        self.assertEqual(lieu.latitude, commune("Tourcoing").latitude)

    def test_unknown_commune_is_a_french_form_error(self):
        response = self.edit(commune="Xyzville")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Sélectionnez un choix valide")
        self.assertEqual(LieuRessourcePage.objects.get(pk=self.lieu.pk).commune, commune("Roubaix"))

    def test_suggestions_put_the_departement_first(self):
        url = reverse("admin_communes")
        results = self.client.get(url, {"q": "saint", "departement": "33"}).json()["results"]
        self.assertTrue(results)
        self.assertEqual(commune(results[0]["nom"]).departement_code, "33")
        results = self.client.get(url, {"q": "saint", "departement": "59"}).json()["results"]
        self.assertEqual(commune(results[0]["nom"]).departement_code, "59")
