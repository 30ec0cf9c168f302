"""Coordinators create events through the admin's friendly recurrence form, record attendance
afterwards, and never touch another département's agenda."""

import datetime
from decimal import Decimal

from django.test import TestCase
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from events.models import EventPage
from tests.builders import build_network
from tests.directory.builders import commune, load_communes
from tests.events.builders import agenda


def event_form(**overrides):
    data = {
        "title": "Analyse de la pratique",
        "slug": "analyse-de-la-pratique",
        "kind": "analyse-pratique",
        "audience": "professionnels",
        "status": "confirmed",
        "start_date": "2026-03-10",
        "start_time": "14:00",
        "end_date": "",
        "end_time": "16:00",
        "commune": "Lille",
        "description": rich_text("<p>Avec une psychologue.</p>"),
        "organiser": "Caf du Nord",
        "recurrence": "monthly_weekday",
        "recurrence_interval": "1",
        "recurrence_until": "",
        "recurrence_count": "4",
        "exception_dates": inline_formset([{"date": "2026-04-14"}]),
        "attendances": inline_formset(
            [
                {
                    "date": "2026-03-10",
                    "participants": "14",
                    "structures_count": "6",
                    "structures": "Centre social\nPMI",
                }
            ]
        ),
        "comments": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


class EventAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        cls.nord_agenda = agenda(cls.net["nord"])
        load_communes()

    def add_url(self, parent):
        return reverse("wagtailadmin_pages:add", args=("events", "eventpage", parent.pk))

    def test_coordinator_publishes_a_monthly_event_with_attendance(self):
        self.client.force_login(self.net["coord_nord"])
        response = self.client.post(self.add_url(self.nord_agenda), event_form())
        self.assertEqual(response.status_code, 302)
        page = EventPage.objects.get(slug="analyse-de-la-pratique")
        self.assertTrue(page.live)
        self.assertEqual(page.departement.code, "59")
        self.assertEqual(page.sequence, 1)
        days = [item.start_date for item in page.occurrences()]
        # Second Tuesday of March, (not April: cancelled), May and June.
        self.assertEqual(
            days,
            [datetime.date(2026, 3, 10), datetime.date(2026, 5, 12), datetime.date(2026, 6, 9)],
        )
        attendance = page.attendances.get()
        self.assertEqual((attendance.participants, attendance.structures_count), (14, 6))
        self.assertEqual(attendance.structure_names, ["Centre social", "PMI"])

    def test_recurrence_needs_an_end_or_a_count(self):
        self.client.force_login(self.net["coord_nord"])
        response = self.client.post(self.add_url(self.nord_agenda), event_form(recurrence_count=""))
        self.assertEqual(response.status_code, 200)
        self.assertContains(
            response, "soit une date de fin de la répétition, soit un nombre de séances"
        )
        self.assertFalse(EventPage.objects.exists())

    def test_attendance_and_exceptions_must_fall_on_a_session(self):
        self.client.force_login(self.net["coord_nord"])
        form = event_form(
            exception_dates=inline_formset([{"date": "2026-04-15"}]),
            attendances=inline_formset(
                [
                    {
                        "date": "2026-03-11",
                        "participants": "3",
                        "structures_count": "1",
                        "structures": "",
                    }
                ]
            ),
        )
        response = self.client.post(self.add_url(self.nord_agenda), form)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "L&#x27;événement n&#x27;a pas lieu le 15 avril 2026.")
        self.assertContains(response, "L&#x27;événement n&#x27;a pas lieu le 11 mars 2026.")
        self.assertFalse(EventPage.objects.exists())

    def test_attendance_cannot_be_recorded_before_the_session(self):
        self.client.force_login(self.net["coord_nord"])
        form = event_form(
            start_date="2099-03-10",
            recurrence="",
            recurrence_count="",
            exception_dates=inline_formset([]),
            attendances=inline_formset(
                [
                    {
                        "date": "2099-03-10",
                        "participants": "3",
                        "structures_count": "1",
                        "structures": "",
                    }
                ]
            ),
        )
        response = self.client.post(self.add_url(self.nord_agenda), form)
        self.assertContains(response, "La participation se note après la séance.")

    def test_dates_and_place_are_checked(self):
        self.client.force_login(self.net["coord_nord"])
        form = event_form(end_date="2026-03-09", commune="", recurrence="", recurrence_count="")
        response = self.client.post(self.add_url(self.nord_agenda), form)
        self.assertContains(response, "La date de fin précède la date de début.")
        self.assertContains(
            response, "Indiquez un lieu (adresse, commune) ou un lien de connexion."
        )

    def test_coordinator_cannot_add_an_event_to_another_departement(self):
        self.client.force_login(self.net["coord_gironde"])
        response = self.client.post(self.add_url(self.nord_agenda), event_form())
        self.assertEqual(response.status_code, 403)
        self.assertFalse(EventPage.objects.exists())

    def test_the_commune_is_typed_by_name_and_gives_the_postal_code_and_the_point(self):
        self.client.force_login(self.net["coord_nord"])
        form_page = self.client.get(self.add_url(self.nord_agenda))
        self.assertContains(form_page, 'data-departement="59"')
        self.assertContains(form_page, "data-commune-autocomplete")
        self.assertContains(form_page, 'type="hidden" name="latitude"')
        self.assertNotContains(form_page, 'name="postcode"')
        response = self.client.post(
            self.add_url(self.nord_agenda), event_form(commune="Roubaix (59100)")
        )
        self.assertEqual(response.status_code, 302)
        page = EventPage.objects.get(slug="analyse-de-la-pratique")
        self.assertEqual((page.commune, page.postcode), ("Roubaix", "59100"))
        roubaix = commune("Roubaix")
        self.assertEqual(page.latitude, Decimal(str(round(roubaix.latitude, 6))))
        self.assertFalse(page.point_placed)
        edit = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        self.assertContains(edit, 'value="Roubaix (59100)"')

    def test_an_event_point_placed_by_hand_is_kept(self):
        self.client.force_login(self.net["coord_nord"])
        form = event_form(
            commune="Lille (59800)", latitude="50.637100", longitude="3.075300", point_placed="on"
        )
        self.assertEqual(self.client.post(self.add_url(self.nord_agenda), form).status_code, 302)
        page = EventPage.objects.get(slug="analyse-de-la-pratique")
        self.assertEqual((page.postcode, page.latitude), ("59800", Decimal("50.637100")))
        self.assertTrue(page.point_placed)

    def test_an_unknown_commune_is_a_french_form_error(self):
        self.client.force_login(self.net["coord_nord"])
        response = self.client.post(self.add_url(self.nord_agenda), event_form(commune="Xyzville"))
        self.assertContains(response, "Sélectionnez un choix valide")
        self.assertFalse(EventPage.objects.exists())
