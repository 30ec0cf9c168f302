"""A change of places (registration, cancellation, a registration deleted in the admin) bans the
event page and the form page from the proxy after the commit, and nothing else; deleting a
confirmed registration in the admin moves the waiting list up, with the e-mail to the person
moved up (real SMTP server); a deletion after the event (the retention period) moves nobody."""

import datetime
import http.server
import re
import threading
from unittest import mock

from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone

from tests.builders import build_network
from tests.events.builders import add_event
from tests.hub.test_frontend_cache import RecordingProxy
from tests.mail_server import SmtpServer, run_queued_tasks
from webforms.models import FormAnswer

from .builders import add_registration_form, registration_data

Status = FormAnswer.Status


class RegistrationChangesTests(TestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.proxy = http.server.ThreadingHTTPServer(("127.0.0.1", 0), RecordingProxy)
        threading.Thread(target=cls.proxy.serve_forever, daemon=True).start()
        cls.proxy_settings = override_settings(
            FRONTEND_CACHE_URLS=[f"http://127.0.0.1:{cls.proxy.server_port}"]
        )
        cls.proxy_settings.enable()

    @classmethod
    def tearDownClass(cls):
        cls.proxy_settings.disable()
        cls.proxy.shutdown()
        super().tearDownClass()

    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        cls.form_page = add_registration_form(cls.net["nord"], capacity=2)
        cls.event = cls.form_page.event
        cls.other = add_registration_form(
            cls.net["nord"],
            event=add_event(
                cls.net["nord"],
                "Autre formation",
                start_date=timezone.localdate() + datetime.timedelta(days=40),
                capacity=5,
            ),
        )

    def setUp(self):
        server = SmtpServer()
        self.mailbox = server.__enter__()
        self.addCleanup(server.__exit__)
        smtp = server.settings()
        smtp.enable()
        self.addCleanup(smtp.disable)
        RecordingProxy.bans.clear()

    def register(self, index, page=None):
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post((page or self.form_page).url, registration_data(index))
        self.assertEqual(response.status_code, 200)

    def banned(self, url):
        return any(re.compile(pattern).match(url) for pattern in RecordingProxy.bans)

    def assert_only_places_banned(self):
        self.assertTrue(RecordingProxy.bans, "no ban reached the proxy")
        for url in (self.event.url, f"{self.event.url}?utm=lettre", self.form_page.url):
            self.assertTrue(self.banned(url), url)
        for url in ("/nord/agenda/", "/nord/", "/", "/nord/annuaire/", self.other.event.url):
            self.assertFalse(self.banned(url), url)

    def statuses(self):
        return list(
            FormAnswer.objects.filter(page=self.form_page).order_by("pk").values_list("status")
        )

    def messages_to(self, index):
        return [m for m in self.mailbox.messages if m["To"] == f"personne{index}@exemple.fr"]

    def delete_in_admin(self, *answers, page=None):
        page = page or self.form_page
        self.client.force_login(self.net["coord_nord"])
        url = (
            reverse("wagtailforms:delete_submissions", args=[page.pk])
            + "?"
            + "&".join(f"selected-submissions={answer.pk}" for answer in answers)
        )
        self.assertContains(self.client.get(url), "Supprimer")
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(url)
        self.assertEqual(response.status_code, 302)

    def test_a_registration_bans_the_event_and_form_pages_only(self):
        self.register(1)
        self.assertEqual(len(RecordingProxy.bans), 1, "one ban per registration")
        self.assert_only_places_banned()

    def test_a_cancellation_bans_the_event_and_form_pages(self):
        self.register(1)
        with self.captureOnCommitCallbacks(execute=True):
            run_queued_tasks()
        body = self.messages_to(1)[0].get_body(("plain",)).get_content()
        cancel = re.search(r"http://testserver(/inscriptions/annuler/[^/\s]+/)", body).group(1)
        RecordingProxy.bans.clear()
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(cancel)
        self.assert_only_places_banned()

    def test_deleting_a_confirmed_registration_in_the_admin_moves_the_waiting_list_up(self):
        for index in range(1, 5):
            self.register(index)
        with self.captureOnCommitCallbacks(execute=True):
            run_queued_tasks()
        first = FormAnswer.objects.get(email="personne1@exemple.fr")
        RecordingProxy.bans.clear()
        self.delete_in_admin(first)
        self.assertEqual(
            self.statuses(), [(Status.CONFIRMED,), (Status.CONFIRMED,), (Status.WAITING,)]
        )
        self.assert_only_places_banned()
        with self.captureOnCommitCallbacks(execute=True):
            run_queued_tasks()
        promoted = self.messages_to(3)[-1]
        self.assertIn("Une place s'est libérée", promoted["Subject"])
        self.assertEqual(len(self.messages_to(4)), 1, "the second in line is still waiting")
        event_page = self.client.get(self.event.url)
        self.assertContains(event_page, "Complet (2 places). Liste d'attente : 1 personne.")

    def test_deleting_two_confirmed_registrations_moves_two_people_up(self):
        for index in range(1, 5):
            self.register(index)
        self.delete_in_admin(*FormAnswer.objects.filter(page=self.form_page, status="confirmed"))
        self.assertEqual(self.statuses(), [(Status.CONFIRMED,), (Status.CONFIRMED,)])

    def test_deleting_someone_waiting_moves_nobody(self):
        for index in range(1, 5):
            self.register(index)
        self.delete_in_admin(FormAnswer.objects.get(email="personne3@exemple.fr"))
        self.assertEqual(
            self.statuses(), [(Status.CONFIRMED,), (Status.CONFIRMED,), (Status.WAITING,)]
        )

    def test_a_deletion_once_the_event_is_over_moves_nobody_up(self):
        for index in range(1, 4):
            self.register(index)
        with self.captureOnCommitCallbacks(execute=True):
            run_queued_tasks()
        sent = len(self.mailbox.messages)
        later = timezone.now() + datetime.timedelta(days=400)
        first = FormAnswer.objects.get(email="personne1@exemple.fr")
        with (
            self.captureOnCommitCallbacks(execute=True),
            mock.patch("django.utils.timezone.now", return_value=later),
        ):
            first.delete()
        self.assertEqual(self.statuses(), [(Status.CONFIRMED,), (Status.WAITING,)])
        with self.captureOnCommitCallbacks(execute=True):
            run_queued_tasks()
        self.assertEqual(len(self.mailbox.messages), sent)
