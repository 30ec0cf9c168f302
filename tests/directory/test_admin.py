"""Coordinators manage their own département's directory in the admin, and see what is stale."""

import datetime

from bs4 import BeautifulSoup
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from directory.models import ActionPage, LieuRessourcePage, StructurePage
from tests.builders import build_network
from tests.directory.builders import add_action, commune, directory_index, load_communes


def lieu_form(title, opening_hours, **extra):
    return nested_form_data(
        {
            "title": title,
            "slug": "maison-test",
            "review_every_months": "12",
            "kind": "maison-des-familles",
            "commune": commune("Roubaix").pk,
            "opening_hours": opening_hours,
            "participation": "gratuit",
            "stops": inline_formset([]),
            "closures": inline_formset([]),
            **extra,
        }
    )


class DirectoryAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        load_communes()
        cls.nord_index = directory_index(cls.net["nord"])
        cls.gironde_index = directory_index(cls.net["gironde"])

    def setUp(self):
        self.client.force_login(self.net["coord_nord"])

    def add_url(self, index):
        return reverse("wagtailadmin_pages:add", args=["directory", "lieuressourcepage", index.pk])

    def test_coordinator_adds_a_lieu_in_own_directory_with_a_half_day_warning(self):
        response = self.client.post(
            self.add_url(self.nord_index),
            lieu_form("Maison test", "Mo 14:00-17:00", **{"action-publish": "1"}),
            follow=True,
        )
        self.assertEqual(response.status_code, 200)
        lieu = LieuRessourcePage.objects.get(title="Maison test")
        self.assertTrue(lieu.live)
        self.assertEqual(lieu.latitude, commune("Roubaix").latitude)
        self.assertContains(response, "la Caf demande au moins 5 demi-journées")

    def test_invalid_opening_hours_is_a_form_error(self):
        response = self.client.post(
            self.add_url(self.nord_index), lieu_form("Maison test", "le lundi matin")
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Horaires illisibles")
        self.assertFalse(LieuRessourcePage.objects.exists())

    def test_coordinator_cannot_add_in_another_departement(self):
        response = self.client.post(
            self.add_url(self.gironde_index), lieu_form("Intrus", "Mo 09:00-12:00")
        )
        self.assertIn(response.status_code, {403, 404})
        self.assertFalse(LieuRessourcePage.objects.exists())

    def test_records_are_not_created_under_the_national_directory(self):
        national = Page.objects.get(url_path="/accueil/annuaire/").specific
        self.assertFalse(StructurePage.can_create_at(national))
        self.assertTrue(StructurePage.can_create_at(self.nord_index))

    def test_stale_listing_takes_the_same_queries_for_few_or_many_records(self):
        def old_actions(first, count):
            actions = [add_action(self.net["nord"], f"Action {n}") for n in range(first, count)]
            moment = timezone.now() - datetime.timedelta(days=400)
            Page.objects.filter(pk__in=[a.pk for a in actions]).update(last_published_at=moment)

        url = reverse("directory_stale")
        old_actions(0, 1)
        self.client.get(url)
        with CaptureQueriesContext(connection) as few:
            self.client.get(url)
        old_actions(1, 8)
        with self.assertNumQueries(len(few.captured_queries)):
            response = self.client.get(url)
        self.assertContains(response, "Action 7")

    def test_stale_listing_follows_each_records_frequency_and_confirmation(self):
        def aged(title, days, section="nord", **fields):
            action = add_action(
                self.net[section], title, town="Bordeaux" if section == "gironde" else "Roubaix"
            )
            moment = timezone.now() - datetime.timedelta(days=days)
            Page.objects.filter(pk=action.pk).update(last_published_at=moment)
            ActionPage.objects.filter(pk=action.pk).update(**fields)
            return action

        aged("Vieille action du Nord", 400)
        aged("Action récente du Nord", 40)
        aged("Action trimestrielle", 100, review_every_months=3)
        aged("Action biennale", 400, review_every_months=24)
        aged("Action confirmée", 400, confirmed_at=timezone.now() - datetime.timedelta(days=5))
        aged("Vieille action girondine", 400, section="gironde")
        response = self.client.get(reverse("directory_stale"))
        listed = [
            cell.get_text(strip=True)
            for cell in BeautifulSoup(response.content, "html.parser").select(
                "tbody tr td:first-child"
            )
        ]
        self.assertEqual(listed, ["Vieille action du Nord", "Action trimestrielle"])
        self.assertContains(response, "3 mois")
