"""Registrations to an event: within its places, then on the waiting list; a cancellation frees a
place for the first person waiting, who is told by e-mail (through a real SMTP server); the
confirmation carries the event's .ics; a tampered or reused cancel link changes nothing."""

import html
import re

import icalendar
from django.test import TestCase

from events.ical import event_uid
from tests.builders import build_network
from tests.mail_server import SmtpServer, run_queued_tasks
from webforms.models import FormAnswer

from .builders import add_registration_form, registration_data

Status = FormAnswer.Status
CANCEL_LINK = re.compile(r"http://testserver(/inscriptions/annuler/[^/\s]+/)")


def text_of(response, status=200):
    assert response.status_code == status, response.status_code
    return html.unescape(response.content.decode())


class RegistrationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        cls.form_page = add_registration_form(cls.net["nord"], capacity=2)
        cls.event = cls.form_page.event

    def setUp(self):
        self.server = SmtpServer()
        self.mailbox = self.server.__enter__()
        self.addCleanup(self.server.__exit__)
        settings = self.server.settings()
        settings.enable()
        self.addCleanup(settings.disable)

    def register(self, index):
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(self.form_page.url, registration_data(index))

    def deliver(self):
        with self.captureOnCommitCallbacks(execute=True):
            run_queued_tasks()

    def messages_to(self, index):
        return [m for m in self.mailbox.messages if m["To"] == f"personne{index}@exemple.fr"]

    def cancel_path(self, index):
        body = self.messages_to(index)[0].get_body(("plain",)).get_content()
        return CANCEL_LINK.search(body).group(1)

    def statuses(self):
        return list(
            FormAnswer.objects.filter(page=self.form_page)
            .order_by("pk")
            .values_list("email", "status")
        )

    def test_beyond_the_places_registrations_wait_and_move_up_on_cancellation(self):
        for index in range(1, 5):
            response = self.register(index)
            self.assertEqual(response.status_code, 200)
        self.assertIn("Vous êtes sur la liste d'attente", text_of(response))
        self.assertEqual(
            [status for _email, status in self.statuses()],
            [Status.CONFIRMED, Status.CONFIRMED, Status.WAITING, Status.WAITING],
        )
        event_page = text_of(self.client.get(self.event.url))
        self.assertIn("Complet (2 places).", event_page)
        self.assertIn("Liste d'attente : 2 personnes.", event_page)
        self.deliver()
        self.assertEqual(
            self.messages_to(1)[0]["Subject"], f"Inscription confirmée : {self.event.title}"
        )
        self.assertTrue(self.messages_to(3)[0]["Subject"].startswith("Liste d'attente"))

        cancel = self.cancel_path(1)
        confirm_page = self.client.get(cancel)
        self.assertContains(
            confirm_page, '<button type="submit">Annuler mon inscription</button>', html=False
        )
        self.assertEqual(self.statuses()[0][1], Status.CONFIRMED, "a GET changes nothing")
        with self.captureOnCommitCallbacks(execute=True):
            done = self.client.post(cancel)
        self.assertContains(done, "Votre inscription est annulée")
        self.assertEqual(
            [status for _email, status in self.statuses()],
            [Status.CANCELLED, Status.CONFIRMED, Status.CONFIRMED, Status.WAITING],
        )
        self.deliver()
        promoted = self.messages_to(3)[-1]
        self.assertIn("Une place s'est libérée", promoted["Subject"])
        self.assertIn("maintenant inscrit·e", promoted.get_body(("plain",)).get_content())
        self.assertEqual(len(self.messages_to(4)), 1, "the second in line is still waiting")
        self.assertIn("Liste d'attente : 1 personne.", text_of(self.client.get(self.event.url)))

    def test_the_confirmation_carries_the_event_ics_with_its_uid(self):
        self.register(1)
        self.deliver()
        received = self.messages_to(1)[0]
        self.assertIn("Annuler", received.get_body(("html",)).get_content())
        attachments = list(received.iter_attachments())
        self.assertEqual([part.get_filename() for part in attachments], [f"{self.event.slug}.ics"])
        self.assertEqual(attachments[0].get_content_type(), "text/calendar")
        calendar = icalendar.Calendar.from_ical(attachments[0].get_content())
        (vevent,) = calendar.walk("VEVENT")
        self.assertEqual(str(vevent["UID"]), event_uid(self.event))
        self.assertEqual(str(vevent["SUMMARY"]), self.event.title)

    def test_a_tampered_cancel_link_is_refused_and_changes_nothing(self):
        self.register(1)
        self.deliver()
        cancel = self.cancel_path(1)
        tampered = cancel[:-3] + ("A" if cancel[-3] != "A" else "B") + cancel[-2:]
        for method in (self.client.get, self.client.post):
            response = method(tampered)
            self.assertIn("Ce lien d'annulation n'est pas valide", text_of(response, 400))
        self.assertEqual(self.statuses()[0][1], Status.CONFIRMED)

    def test_a_cancel_link_serves_once(self):
        self.register(1)
        self.deliver()
        cancel = self.cancel_path(1)
        self.client.post(cancel)
        for method in (self.client.get, self.client.post):
            response = method(cancel)
            self.assertContains(response, "Ce lien a déjà servi", status_code=400)
        self.assertEqual(self.statuses()[0][1], Status.CANCELLED)

    def test_malformed_answers_are_form_errors_and_record_nothing(self):
        for data in (
            {},
            {"registrant_name": "x" * 5000, "registrant_email": "pas-une-adresse"},
            {"registrant_email": ["a@exemple.fr", "b@exemple.fr"], "structure": "\x01"},
        ):
            response = self.client.post(self.form_page.url, data)
            self.assertContains(response, 'role="alert"')
            self.assertContains(response, "corrigez les champs signalés")
        self.assertFalse(FormAnswer.objects.exists())

    def test_the_same_address_registers_once(self):
        self.register(1)
        response = self.register(1)
        self.assertContains(response, "Cette adresse est déjà inscrite")
        self.assertEqual(FormAnswer.objects.filter(page=self.form_page).count(), 1)

    def test_the_form_page_states_purpose_readers_and_retention_and_is_not_cached(self):
        response = self.client.get(self.form_page.url)
        self.assertContains(response, "Organiser la formation.")
        self.assertContains(response, "La coordination départementale (Caf du Nord) seulement.")
        self.assertIn("6 mois après la fin de l'événement", text_of(response))
        self.assertEqual(response["Cache-Control"], "private, no-store")
        self.assertContains(response, "2 places restantes sur 2.")
        event_page = self.client.get(self.event.url)
        self.assertNotIn("csrfmiddlewaretoken", event_page.content.decode())
