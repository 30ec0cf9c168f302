"""A coordinator ties a registration form only to an event of their own département's agenda,
and never to an event for parents; the form is refused with the reason, nothing saved."""

import datetime

from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from tests.admin_forms import edit_form_data
from tests.builders import build_network
from tests.events.builders import add_event
from webforms.models import RegistrationFormPage

from .builders import add_registration_form


class RegistrationFormAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        cls.form_page = add_registration_form(cls.net["nord"])
        soon = timezone.localdate() + datetime.timedelta(days=10)
        cls.gironde_event = add_event(cls.net["gironde"], "Formation girondine", start_date=soon)
        cls.parents_event = add_event(
            cls.net["nord"], "Café des parents", start_date=soon, audience="parents"
        )

    def setUp(self):
        self.client.force_login(self.net["coord_nord"])

    def post_event(self, event):
        data = edit_form_data(self.form_page, self.net["coord_nord"], event=str(event.pk))
        return self.client.post(reverse("wagtailadmin_pages:edit", args=[self.form_page.pk]), data)

    def test_an_event_of_another_departement_is_refused(self):
        response = self.post_event(self.gironde_event)
        self.assertContains(response, "Choisissez un événement de l&#x27;agenda de ce département.")
        self.assertEqual(RegistrationFormPage.objects.get().event_id, self.form_page.event_id)

    def test_an_event_for_parents_is_refused(self):
        response = self.post_event(self.parents_event)
        self.assertContains(response, "Les parents ne donnent pas de données personnelles")
        self.assertEqual(RegistrationFormPage.objects.get().event_id, self.form_page.event_id)

    def test_the_coordinator_may_create_forms_in_their_section_only(self):
        add = "wagtailadmin_pages:add"
        own = self.client.get(
            reverse(add, args=["webforms", "registrationformpage", self.net["nord"].pk])
        )
        self.assertEqual(own.status_code, 200)
        other = self.client.get(
            reverse(add, args=["webforms", "needssurveypage", self.net["gironde"].pk])
        )
        self.assertIn(other.status_code, {403, 404})
