"""The answers of a form, their CSV (`;`, UTF-8 BOM) and XLSX exports and the attendance
started from the registrations are for its département's coordination only."""

import csv
import datetime
import io

from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from events.models import EventPage
from tests.builders import build_network
from tests.events.builders import add_event
from webforms.models import FormAnswer

from .builders import add_registration_form, add_survey

REFUSED = {403, 404}


class AnswersAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        cls.survey = add_survey(cls.net["nord"])
        FormAnswer.objects.create(
            page=cls.survey, form_data={"theme_souhaite": "Écrans; ados", "format": "Soirée"}
        )
        cls.other = add_survey(cls.net["gironde"], title="Besoins Gironde")
        FormAnswer.objects.create(page=cls.other, form_data={"theme_souhaite": "Girondin"})

    def setUp(self):
        self.client.force_login(self.net["coord_nord"])

    def listing(self, page, **params):
        return self.client.get(reverse("wagtailforms:list_submissions", args=[page.pk]), params)

    def test_csv_export_round_trips_for_a_french_spreadsheet(self):
        response = self.listing(self.survey, export="csv")
        self.assertEqual(response.status_code, 200)
        body = b"".join(response.streaming_content).decode("utf-8")
        self.assertTrue(body.startswith("\ufeff"))
        rows = list(csv.reader(io.StringIO(body.removeprefix("\ufeff")), delimiter=";"))
        self.assertEqual(rows[0][1:], ["Thème souhaité", "Format"])
        self.assertEqual(rows[1][1:], ["Écrans; ados", "Soirée"])

    def test_xlsx_export_round_trips(self):
        response = self.listing(self.survey, export="xlsx")
        self.assertEqual(response.status_code, 200)
        sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual(rows[0][1:], ("Thème souhaité", "Format"))
        self.assertEqual(rows[1][1:], ("Écrans; ados", "Soirée"))

    def test_another_departement_answers_and_exports_are_refused(self):
        for params in ({}, {"export": "csv"}, {"export": "xlsx"}):
            response = self.listing(self.other, **params)
            self.assertIn(response.status_code, REFUSED, params)
            self.assertNotIn(
                b"Girondin", b"".join(getattr(response, "streaming_content", [response.content]))
            )
        forms_index = self.client.get(reverse("wagtailforms:index"))
        self.assertContains(forms_index, "Recueil des besoins")
        self.assertNotContains(forms_index, "Besoins Gironde")
        delete = self.client.post(
            reverse("wagtailforms:delete_submissions", args=[self.other.pk])
            + f"?selected-submissions={FormAnswer.objects.get(page=self.other).pk}"
        )
        self.assertIn(delete.status_code, REFUSED)
        self.assertTrue(FormAnswer.objects.filter(page=self.other).exists())

    def test_attendance_of_past_sessions_starts_from_confirmed_registrations(self):
        event = add_event(
            self.net["nord"],
            "Analyse de la pratique",
            start_date=timezone.localdate() - datetime.timedelta(days=20),
            recurrence="weekly",
            recurrence_count=4,
        )
        form_page = add_registration_form(self.net["nord"], event=event)
        for index, status in enumerate(["confirmed", "confirmed", "cancelled", "confirmed"]):
            FormAnswer.objects.create(
                page=form_page, form_data={}, email=f"p{index}@exemple.fr", status=status
            )
        url = reverse("webforms_attendance", args=[form_page.pk])
        preview = self.client.get(url)
        self.assertContains(preview, "3 inscriptions confirmées")
        self.client.post(url)
        draft = EventPage.objects.get(pk=event.pk).get_latest_revision_as_object()
        self.assertEqual([a.participants for a in draft.attendances.all()], [3, 3, 3])
        self.assertFalse(EventPage.objects.get(pk=event.pk).attendances.exists(), "a draft to edit")
        edit = self.client.get(reverse("wagtailadmin_pages:edit", args=[event.pk]))
        self.assertContains(edit, 'value="3"')

        self.client.force_login(self.net["coord_gironde"])
        self.assertIn(self.client.post(url).status_code, REFUSED)
