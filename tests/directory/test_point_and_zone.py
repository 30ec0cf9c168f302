"""A coordinator never types a point or codes: the point follows the commune (or is placed by
hand on a small map), and the served zone is typed as names of communes, EPCI, départements."""

from django.test import TestCase
from django.urls import reverse

from directory.models import ActionPage, LieuRessourcePage
from tests.admin_forms import edit_form_data
from tests.builders import build_network
from tests.directory.builders import add_action, add_lieu, commune, load_communes

# A street of Roubaix, off the commune's centre.
HAND_PLACED = ("50.700100", "3.170200")
BORDEAUX = ("44.837800", "-0.579200")


class PointTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        load_communes()
        cls.lieu = add_lieu(cls.net["nord"], "Maison des familles", town="Roubaix")

    def setUp(self):
        self.client.force_login(self.net["coord_nord"])

    def edit(self, **changes):
        data = edit_form_data(self.saved(), self.net["coord_nord"], **changes)
        url = reverse("wagtailadmin_pages:edit", args=[self.lieu.pk])
        return self.client.post(url, {**data, "action-publish": "1"})

    def saved(self):
        return LieuRessourcePage.objects.get(pk=self.lieu.pk)

    def place_by_hand(self, point=HAND_PLACED):
        return self.edit(latitude=point[0], longitude=point[1], point_placed="on")

    def test_the_point_is_a_map_not_numbers_to_type(self):
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.lieu.pk]))
        self.assertContains(response, 'type="hidden" name="latitude"')
        self.assertContains(response, 'type="hidden" name="longitude"')
        self.assertNotContains(response, 'type="number" name="latitude"')
        self.assertContains(response, "data-point-map")
        self.assertContains(response, "Le point suit le centre de la commune.")

    def test_a_new_commune_moves_the_point_to_its_centre(self):
        self.assertEqual(self.edit(commune="Tourcoing (59200)").status_code, 302)
        lieu = self.saved()
        tourcoing = commune("Tourcoing")
        self.assertEqual((lieu.latitude, lieu.longitude), (tourcoing.latitude, tourcoing.longitude))
        self.assertFalse(lieu.point_placed)

    def test_a_hand_placed_point_is_kept_through_later_edits(self):
        self.assertEqual(self.place_by_hand().status_code, 302)
        self.assertEqual(self.edit(title="Maison des familles de Roubaix").status_code, 302)
        lieu = self.saved()
        self.assertEqual((lieu.latitude, lieu.longitude), (50.7001, 3.1702))
        self.assertTrue(lieu.point_placed)
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.lieu.pk]))
        self.assertContains(response, "Point placé à la main sur la carte.")

    def test_a_point_placed_with_a_new_commune_is_kept(self):
        response = self.edit(
            commune="Tourcoing (59200)", latitude="50.72", longitude="3.16", point_placed="on"
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual((self.saved().latitude, self.saved().longitude), (50.72, 3.16))

    def test_without_javascript_a_placed_point_follows_a_new_commune(self):
        self.place_by_hand()
        # The map's script did not run: the hidden point is posted back unchanged.
        self.assertEqual(self.edit(commune="Tourcoing (59200)").status_code, 302)
        lieu = self.saved()
        self.assertEqual(lieu.latitude, commune("Tourcoing").latitude)
        self.assertFalse(lieu.point_placed)

    def test_a_point_far_from_the_departement_is_a_french_form_error(self):
        response = self.place_by_hand(BORDEAUX)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "km du département du Nord")
        self.assertEqual(self.saved().latitude, commune("Roubaix").latitude)

    def test_the_map_gets_the_commune_and_its_neighbours(self):
        data = self.client.get(
            reverse("admin_commune_map"), {"commune": "Roubaix (59100)", "departement": "59"}
        ).json()
        self.assertEqual(data["commune"]["nom"], "Roubaix")
        self.assertEqual(data["commune"]["latitude"], commune("Roubaix").latitude)
        self.assertIn("Tourcoing", [item["nom"] for item in data["communes"]])
        self.assertNotIn("Bordeaux", [item["nom"] for item in data["communes"]])


class ZoneTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        load_communes()
        cls.action = add_action(
            cls.net["nord"], "Café des parents", zone="59", phone="03 20 00 00 00"
        )
        cls.mel = commune("Roubaix").epci

    def setUp(self):
        self.client.force_login(self.net["coord_nord"])

    def edit(self, zone):
        action = ActionPage.objects.get(pk=self.action.pk)
        data = edit_form_data(action, self.net["coord_nord"], zone=zone)
        url = reverse("wagtailadmin_pages:edit", args=[self.action.pk])
        return self.client.post(url, {**data, "action-publish": "1"})

    def zone(self):
        return ActionPage.objects.get(pk=self.action.pk).zone

    def test_the_form_shows_names_not_codes(self):
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.action.pk]))
        self.assertContains(response, "Nord (département)</textarea>")
        self.assertContains(response, "data-zone-input")

    def test_names_picked_as_chips_are_stored_as_codes(self):
        names = f"Roubaix (59100)\n{self.mel.nom} (EPCI)\nGironde (département)"
        self.assertEqual(self.edit(names).status_code, 302)
        self.assertEqual(self.zone(), f"{commune('Roubaix').code},{self.mel.code},33")
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.action.pk]))
        self.assertContains(response, f"Roubaix (59100)\n{self.mel.nom} (EPCI)\nGironde")

    def test_bare_names_typed_without_javascript(self):
        self.assertEqual(self.edit("  tourcoing \n\nNord\n").status_code, 302)
        self.assertEqual(self.zone(), f"{commune('Tourcoing').code},59")

    def test_an_unknown_name_is_refused_in_french(self):
        response = self.edit("Roubaix (59100)\nXyzville")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Territoire inconnu : « Xyzville »")
        self.assertEqual(self.zone(), "59")

    def test_suggestions_offer_communes_epci_and_departements_own_departement_first(self):
        url = reverse("admin_communes")
        results = self.client.get(url, {"q": "lille", "zone": "1", "departement": "59"}).json()
        labels = [item["label"] for item in results["results"]]
        self.assertEqual(labels[0], "Lille (59000)")
        self.assertIn(f"{self.mel.nom} (EPCI)", labels)
        results = self.client.get(url, {"q": "giron", "zone": "1", "departement": "59"}).json()
        self.assertIn("Gironde (département)", [item["label"] for item in results["results"]])
