"""Yearly targets per indicator: set, changed, removed, and refused when malformed."""

from django.test import TestCase
from django.urls import reverse

from hub.indicators.models import IndicatorTarget
from tests.indicators.known_content import build_known_departement


class TargetTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_known_departement()
        cls.nord = cls.net["nord"]
        cls.url = reverse("indicators:targets", args=[cls.nord.pk]) + "?annee=2025"

    def setUp(self):
        self.client.force_login(self.net["coord_nord"])

    def targets(self):
        return dict(
            IndicatorTarget.objects.filter(section=self.nord, year=2025).values_list(
                "indicator_key", "target"
            )
        )

    def test_form_shows_current_targets(self):
        response = self.client.get(self.url)
        self.assertContains(response, 'name="reunions_reseau" value="8"')
        self.assertContains(response, "Réunions de réseau")

    def test_targets_are_saved_and_blank_removes_one(self):
        response = self.client.post(self.url, {"reunions_reseau": "4", "participants": "100"})
        self.assertRedirects(
            response, reverse("indicators:dashboard", args=[self.nord.pk]) + "?annee=2025"
        )
        self.assertEqual(self.targets(), {"reunions_reseau": 4, "participants": 100})
        dashboard = self.client.get(response["Location"])
        self.assertContains(dashboard, '<progress max="100" value="50">50 %</progress>', html=True)
        self.assertContains(dashboard, '<progress max="100" value="33">33 %</progress>', html=True)

    def test_malformed_targets_save_nothing(self):
        response = self.client.post(self.url, {"reunions_reseau": "3", "formations": "-1"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "supérieure ou égale à 0")
        response = self.client.post(self.url, {"reunions_reseau": "3", "formations": "beaucoup"})
        self.assertContains(response, "Saisissez un nombre entier.")
        self.assertEqual(self.targets(), {"reunions_reseau": 8, "formations": 2})

    def test_targets_are_per_year(self):
        self.client.post(
            reverse("indicators:targets", args=[self.nord.pk]) + "?annee=2026",
            {"formations": "5"},
        )
        self.assertEqual(self.targets(), {"reunions_reseau": 8, "formations": 2})
        self.assertEqual(
            IndicatorTarget.objects.get(section=self.nord, year=2026).indicator_key, "formations"
        )
