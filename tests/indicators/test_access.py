"""A coordinator reads and edits only their own département's indicators, activity records,
targets and exports; every attempt on the neighbour is refused with 403 and changes nothing."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import TestCase
from django.urls import reverse

from hub.indicators.models import ActivityRecord, IndicatorTarget
from tests.builders import sign_in_with_second_factor
from tests.indicators.known_content import build_known_departement


class CoordinatorAccessTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_known_departement()
        cls.nord, cls.gironde = cls.net["nord"], cls.net["gironde"]
        cls.gironde_record = cls.net["records"]["gironde"]

    def setUp(self):
        self.client.force_login(self.net["coord_nord"])

    def gironde_urls(self):
        pk = self.gironde.pk
        return [
            reverse("indicators:dashboard", args=[pk]),
            reverse("indicators:detail", args=[pk, "reunions_reseau"]),
            reverse("indicators:export_xlsx", args=[pk]),
            reverse("indicators:export_csv", args=[pk]),
            reverse("indicators:annual_report", args=[pk]),
            reverse("indicators:targets", args=[pk]),
            reverse("indicators:activity_list", args=[pk]),
            reverse("indicators:activity_create", args=[pk]),
            reverse("indicators:activity_edit", args=[pk, self.gironde_record.pk]),
            reverse("indicators:activity_delete", args=[pk, self.gironde_record.pk]),
        ]

    def test_own_departement_pages_answer(self):
        pk = self.nord.pk
        for url in [
            reverse("indicators:dashboard", args=[pk]),
            reverse("indicators:detail", args=[pk, "reunions_reseau"]),
            reverse("indicators:export_xlsx", args=[pk]),
            reverse("indicators:export_csv", args=[pk]),
            reverse("indicators:annual_report", args=[pk]),
            reverse("indicators:targets", args=[pk]),
            reverse("indicators:activity_list", args=[pk]),
        ]:
            with self.subTest(url):
                self.assertEqual(self.client.get(url, {"annee": 2025}).status_code, 200)

    def test_every_page_of_the_other_departement_is_refused(self):
        for url in self.gironde_urls():
            with self.subTest(url):
                response = self.client.get(url, {"annee": 2025})
                self.assertEqual(response.status_code, 403)
                self.assertNotIn(b"R\xc3\xa9union du r\xc3\xa9seau girondin", response.content)

    def test_writes_to_the_other_departement_are_refused_and_change_nothing(self):
        pk = self.gironde.pk
        record = self.gironde_record
        data = {"kind": "formation", "date": "2025-03-03", "title": "Piraté", "participants": 1}
        for url in [
            reverse("indicators:activity_create", args=[pk]),
            reverse("indicators:activity_edit", args=[pk, record.pk]),
            reverse("indicators:activity_delete", args=[pk, record.pk]),
            reverse("indicators:targets", args=[pk]) + "?annee=2025",
        ]:
            with self.subTest(url):
                self.assertEqual(self.client.post(url, {**data, "formations": 1}).status_code, 403)
        record.refresh_from_db()
        self.assertEqual(record.title, "Réunion du réseau girondin")
        self.assertEqual(ActivityRecord.objects.filter(section=self.gironde).count(), 1)
        self.assertEqual(
            IndicatorTarget.objects.get(section=self.gironde, indicator_key="formations").target,
            99,
        )

    def test_a_record_of_the_other_departement_is_not_reachable_through_own_section(self):
        url = reverse("indicators:activity_edit", args=[self.nord.pk, self.gironde_record.pk])
        self.assertEqual(self.client.get(url).status_code, 404)
        self.assertEqual(self.client.post(url, {"title": "Piraté"}).status_code, 404)
        delete_url = reverse(
            "indicators:activity_delete", args=[self.nord.pk, self.gironde_record.pk]
        )
        self.assertEqual(self.client.post(delete_url).status_code, 404)
        self.assertTrue(ActivityRecord.objects.filter(pk=self.gironde_record.pk).exists())

    def test_overview_sends_a_coordinator_to_their_own_dashboard(self):
        response = self.client.get(reverse("indicators:overview"), {"annee": 2025})
        self.assertRedirects(
            response, reverse("indicators:dashboard", args=[self.nord.pk]) + "?annee=2025"
        )

    def test_admin_user_without_coordination_sees_no_departement(self):
        user = get_user_model().objects.create_user("benevole", password="pw")
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
        self.client.force_login(user)
        response = self.client.get(reverse("indicators:overview"))
        self.assertContains(response, "Aucun département ne vous est rattaché.")
        self.assertEqual(
            self.client.get(reverse("indicators:dashboard", args=[self.nord.pk])).status_code, 403
        )

    def test_anonymous_visitor_is_sent_to_login(self):
        self.client.logout()
        response = self.client.get(reverse("indicators:export_csv", args=[self.nord.pk]))
        self.assertEqual(response.status_code, 302)
        self.assertIn(reverse("wagtailadmin_login"), response["Location"])


class NationalAdministratorTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_known_departement()

    def setUp(self):
        sign_in_with_second_factor(self.client, self.net["admin"])

    def test_overview_shows_every_departement_side_by_side(self):
        response = self.client.get(reverse("indicators:overview"), {"annee": 2025})
        self.assertContains(response, "Nord (59)")
        self.assertContains(response, "Gironde (33)")
        by_key = {indicator.key: values for indicator, values in response.context["rows"]}
        # Columns follow the département code: Gironde (33) then Nord (59).
        self.assertEqual(by_key["reunions_reseau"], [1, 2])
        self.assertEqual(by_key["participants"], [30, 33])
        self.assertEqual(by_key["actualites_publiees"], [1, 3])

    def test_reads_any_departement(self):
        for section in (self.net["nord"], self.net["gironde"]):
            url = reverse("indicators:dashboard", args=[section.pk])
            self.assertEqual(self.client.get(url).status_code, 200)


class YearSelectionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_known_departement()

    def setUp(self):
        self.client.force_login(self.net["coord_nord"])

    def test_malformed_year_is_a_french_400(self):
        url = reverse("indicators:dashboard", args=[self.net["nord"].pk])
        for value in ["abc", "20x5", "1850", "99999", "-2025"]:
            with self.subTest(value):
                response = self.client.get(url, {"annee": value})
                self.assertEqual(response.status_code, 400)
                self.assertContains(response, f"« {value} » n&#x27;est pas valide", status_code=400)

    def test_default_year_is_the_current_year(self):
        url = reverse("indicators:dashboard", args=[self.net["nord"].pk])
        response = self.client.get(url)
        self.assertEqual(response.context["year"], datetime.date.today().year)

    def test_unknown_indicator_is_404(self):
        url = reverse("indicators:detail", args=[self.net["nord"].pk, "inconnu"])
        self.assertEqual(self.client.get(url).status_code, 404)
