"""Coordinators type opening hours in a weekly grid (or, as an advanced option, in OSM syntax or
simple French) through the real admin forms; closures are an inline; every message is French."""

import datetime

from django.test import TestCase
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from directory.models import ActionPage, LieuRessourcePage
from tests.builders import build_network
from tests.directory.builders import add_action, add_lieu, commune, load_communes

DAYS = ["mo", "tu", "we", "th", "fr", "sa", "su"]


def grid(**days):
    """Grid fields: days given as lists of (start, end); the others ticked "fermé"."""
    data = {}
    for day in DAYS:
        ranges = days.get(day, [])
        if not ranges:
            data[f"opening_hours-{day}-closed"] = "1"
        for slot in range(3):
            start, end = ranges[slot] if slot < len(ranges) else ("", "")
            data[f"opening_hours-{day}-{slot}-start"] = start
            data[f"opening_hours-{day}-{slot}-end"] = end
    return data


def lieu_form(page, hours, closures=()):
    return {
        **nested_form_data(
            {
                "title": page.title,
                "slug": page.slug,
                "kind": page.kind,
                "commune": commune("Roubaix").pk,
                "participation": "gratuit",
                "stops": inline_formset([]),
                "closures": inline_formset(list(closures)),
                "review_every_months": "12",
                "action-publish": "1",
            }
        ),
        **hours,
    }


def action_form(page, hours):
    return {
        **nested_form_data(
            {
                "title": page.title,
                "slug": page.slug,
                "action_type": page.action_type,
                "description": page.description,
                "age_min": 0,
                "age_max": 21,
                "format": page.format,
                "mode": page.mode,
                "cost": "gratuit",
                "registration": page.registration,
                "commune": "Roubaix (59100)",
                "phone": "03 20 00 00 00",
                "closures": inline_formset([]),
                "sessions": inline_formset([]),
                "cancelled_dates": inline_formset([]),
                "review_every_months": "12",
                "action-publish": "1",
            }
        ),
        **hours,
    }


MORNINGS_AND_AFTERNOONS = [("09:00", "12:00"), ("14:00", "17:30")]


class OpeningHoursAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        load_communes()
        cls.lieu = add_lieu(cls.net["nord"], "Maison des familles", opening_hours="Mo 14:00-17:00")
        cls.action = add_action(cls.net["nord"], "Atelier du mercredi")

    def setUp(self):
        self.client.force_login(self.net["coord_nord"])

    def edit(self, page, data):
        return self.client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)

    def test_grid_is_stored_as_osm_for_a_lieu(self):
        hours = grid(**dict.fromkeys(DAYS[:5], MORNINGS_AND_AFTERNOONS), sa=[("09:00", "12:00")])
        response = self.edit(self.lieu, lieu_form(self.lieu, hours))
        self.assertEqual(response.status_code, 302)
        lieu = LieuRessourcePage.objects.get(pk=self.lieu.pk)
        self.assertEqual(
            lieu.opening_hours, "Mo-Fr 09:00-12:00,14:00-17:30; Sa 09:00-12:00; PH off"
        )
        self.assertTrue(lieu.open_saturday)
        self.assertTrue(lieu.live)

    def test_grid_is_stored_as_osm_for_an_action(self):
        hours = grid(we=[("14:00", "16:00")], sa=[("10:00", "12:00")])
        response = self.edit(self.action, action_form(self.action, hours))
        self.assertEqual(response.status_code, 302)
        action = ActionPage.objects.get(pk=self.action.pk)
        self.assertEqual(action.opening_hours, "We 14:00-16:00; Sa 10:00-12:00; PH off")

    def test_edit_page_shows_the_stored_hours_in_the_grid_and_the_warning(self):
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.lieu.pk]))
        self.assertContains(response, 'name="opening_hours-mo-0-start" value="14:00"')
        self.assertContains(response, 'name="opening_hours-tu-closed" value="1" checked')
        # The server's check, before anything is published.
        self.assertContains(
            response, "ouvert 1 demi-journée par semaine : la Caf demande au moins 5"
        )
        self.assertContains(response, "directory/js/opening-hours-widget.js")

    def test_a_crossed_range_is_a_french_error_naming_the_day(self):
        response = self.edit(self.lieu, lieu_form(self.lieu, grid(tu=[("12:00", "09:00")])))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Mardi, plage 1 : l&#x27;heure de fin doit être après")
        self.assertEqual(
            LieuRessourcePage.objects.get(pk=self.lieu.pk).opening_hours, "Mo 14:00-17:00"
        )

    def test_advanced_mode_accepts_osm_and_simple_french(self):
        for typed, stored in (
            ("week 1-53/2 We 14:00-16:00", "week 1-53/2 We 14:00-16:00"),
            ("lundi 9h-12h", "Mo 09:00-12:00"),
        ):
            with self.subTest(typed):
                data = {
                    **lieu_form(self.lieu, grid()),
                    "opening_hours-mode": "raw",
                    "opening_hours": typed,
                }
                self.assertEqual(self.edit(self.lieu, data).status_code, 302)
                self.assertEqual(
                    LieuRessourcePage.objects.get(pk=self.lieu.pk).opening_hours, stored
                )

    def test_advanced_mode_error_is_french_with_an_example(self):
        data = {
            **lieu_form(self.lieu, grid()),
            "opening_hours-mode": "raw",
            "opening_hours": "le lundi matin",
        }
        response = self.edit(self.lieu, data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Horaires illisibles")
        self.assertContains(response, "du lundi au vendredi 9h-12h")
        self.assertNotContains(response, "Failed to parse")

    def test_expressions_the_grid_cannot_show_open_in_advanced_mode(self):
        lieu = add_lieu(self.net["nord"], "Relais", opening_hours="week 1-53/2 We 14:00-16:00")
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[lieu.pk]))
        self.assertContains(
            response, 'name="opening_hours-mode" value="raw" data-advanced-toggle checked'
        )
        self.assertContains(response, "ne tiennent pas dans la grille")

    def test_closures_are_an_inline_shown_to_parents(self):
        closure = {"start": "2099-12-21", "end": "2100-01-04", "reason": "congés"}
        response = self.edit(
            self.lieu, lieu_form(self.lieu, grid(mo=MORNINGS_AND_AFTERNOONS), closures=[closure])
        )
        self.assertEqual(response.status_code, 302)
        lieu = LieuRessourcePage.objects.get(pk=self.lieu.pk)
        self.assertEqual(lieu.closures.get().start, datetime.date(2099, 12, 21))
        page = self.client.get(Page.objects.get(pk=lieu.pk).url)
        self.assertContains(page, "Fermé du 21 décembre au 4 janvier : congés")

    def test_a_closure_ending_before_it_starts_is_refused(self):
        closure = {"start": "2099-12-21", "end": "2099-12-01", "reason": ""}
        response = self.edit(self.lieu, lieu_form(self.lieu, grid(), closures=[closure]))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "La fin de la fermeture doit suivre son début.")
