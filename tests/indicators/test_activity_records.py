"""Coordinators enter, correct and delete the activities that are not on the site; bad input is
a French form error and saves nothing."""

from django.test import TestCase
from django.urls import reverse

from hub.indicators.models import ActivityRecord
from hub.indicators.registry import compute_figures
from tests.builders import build_network


class ActivityRecordTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        cls.nord = cls.net["nord"]

    def setUp(self):
        self.client.force_login(self.net["coord_nord"])

    def post_new(self, **overrides):
        data = {
            "kind": "rencontre_partenaire",
            "date": "2025-04-08",
            "title": "Échange téléphonique avec la PMI",
            "participants": "2",
            "structures": "2",
            "notes": "Préparation de la semaine de la parentalité.",
            **overrides,
        }
        return self.client.post(reverse("indicators:activity_create", args=[self.nord.pk]), data)

    def test_a_new_activity_counts_in_the_indicators(self):
        response = self.post_new()
        self.assertRedirects(
            response, reverse("indicators:activity_list", args=[self.nord.pk]) + "?annee=2025"
        )
        created = ActivityRecord.objects.get()
        self.assertEqual(created.section, self.nord)
        self.assertEqual(created.created_by, self.net["coord_nord"])
        figures = compute_figures(self.nord, 2025)
        self.assertEqual(figures["rencontres_partenaires"].value, 1)
        self.assertEqual(figures["rencontres_partenaires"].by_month[3], 1)
        self.assertEqual(figures["participants"].value, 2)
        listing = self.client.get(
            reverse("indicators:activity_list", args=[self.nord.pk]), {"annee": 2025}
        )
        self.assertContains(listing, "Échange téléphonique avec la PMI")
        self.assertContains(listing, "Rencontre avec un partenaire institutionnel")

    def test_bad_input_is_a_form_error_and_saves_nothing(self):
        for overrides, message in [
            ({"date": "31/02/2025"}, "Saisissez une date valide."),
            ({"participants": "-3"}, "supérieure ou égale à 0"),
            ({"kind": "pique-nique"}, "Sélectionnez un choix valide."),
            ({"title": ""}, "Champ requis."),
        ]:
            with self.subTest(overrides):
                response = self.post_new(**overrides)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, message)
        self.assertFalse(ActivityRecord.objects.exists())

    def test_edit_and_delete(self):
        self.post_new()
        record = ActivityRecord.objects.get()
        edit = reverse("indicators:activity_edit", args=[self.nord.pk, record.pk])
        self.assertContains(self.client.get(edit), "Échange téléphonique avec la PMI")
        self.client.post(
            edit,
            {
                "kind": "formation",
                "date": "2025-09-01",
                "title": "Formation à Douai",
                "participants": "14",
                "structures": "9",
            },
        )
        record.refresh_from_db()
        self.assertEqual((record.kind, record.participants), ("formation", 14))
        self.assertEqual(compute_figures(self.nord, 2025)["formations"].by_month[8], 1)
        delete = reverse("indicators:activity_delete", args=[self.nord.pk, record.pk])
        self.assertContains(self.client.get(delete), "Formation à Douai")
        self.client.post(delete)
        self.assertFalse(ActivityRecord.objects.exists())
        self.assertEqual(compute_figures(self.nord, 2025)["formations"].value, 0)

    def test_malformed_page_number_is_a_400(self):
        url = reverse("indicators:activity_list", args=[self.nord.pk])
        self.assertEqual(self.client.get(url, {"page": "deux"}).status_code, 400)
