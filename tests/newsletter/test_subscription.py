"""Subscribing to a letter: double opt-in (nothing stored or sent but the confirmation before
the link is followed; expired or tampered links refused), and unsubscribing by the page's button
or by a mail client's one-click POST (RFC 8058)."""

from datetime import timedelta
from unittest import mock

from django.test import TestCase
from django.utils import timezone

from hub.models import OutgoingEmail
from newsletter.models import Subscription
from tests.builders import build_network
from tests.mail_server import run_queued_tasks

from .helpers import MailServerMixin, links_in, text_of


class DoubleOptInTests(MailServerMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.network = build_network()

    def subscribe(self, email="parent@exemple.fr", lettre="59", publics=("parents",)):
        page = self.client.get("/lettre-d-information/")
        self.assertContains(page, 'name="email"')
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                "/lettre-d-information/",
                {"email": email, "lettre": lettre, "publics": list(publics)},
            )
        run_queued_tasks()
        return response

    def test_only_the_confirmation_leaves_before_the_link_is_followed(self):
        response = self.subscribe(email="Parent@Exemple.fr")
        self.assertContains(response, "parent@exemple.fr")
        self.assertEqual(Subscription.objects.count(), 0)
        self.assertEqual(len(self.mailbox.messages), 1)
        confirmation = self.mailbox.messages[0]
        self.assertEqual(confirmation["To"], "parent@exemple.fr")
        self.assertIn("Nord", text_of(confirmation))
        (link,) = links_in(confirmation, "/confirmer/")

        page = self.client.get(link)
        self.assertContains(page, "Confirmer mon inscription")
        self.assertEqual(Subscription.objects.count(), 0, "a GET (mail scanner) confirms nothing")

        self.assertContains(self.client.post(link), "Inscription confirmée")
        subscription = Subscription.objects.get()
        self.assertEqual(subscription.email, "parent@exemple.fr")
        self.assertEqual(subscription.departement.code, "59")
        self.assertEqual((subscription.parents, subscription.professionals), (True, False))
        self.client.post(link)
        self.assertEqual(Subscription.objects.count(), 1)
        self.assertEqual(len(self.mailbox.messages), 1, "confirming sends nothing more")

    def test_submitting_twice_the_same_day_sends_one_confirmation(self):
        self.subscribe()
        self.subscribe()
        self.assertEqual(OutgoingEmail.objects.count(), 1)
        self.assertEqual(len(self.mailbox.messages), 1)

    def test_a_tampered_link_is_refused_in_french(self):
        self.subscribe()
        (link,) = links_in(self.mailbox.messages[0], "/confirmer/")
        tampered = link.replace("/confirmer/", "/confirmer/x")
        for method in (self.client.get, self.client.post):
            response = method(tampered)
            self.assertEqual(response.status_code, 400)
            self.assertContains(
                response, "est pas valide : il a peut-être été coupé", status_code=400
            )
        self.assertEqual(Subscription.objects.count(), 0)

    def test_an_expired_link_is_refused_in_french(self):
        self.subscribe()
        (link,) = links_in(self.mailbox.messages[0], "/confirmer/")
        later = timezone.now() + timedelta(days=8)
        with mock.patch("time.time", return_value=later.timestamp()):
            response = self.client.post(link)
        self.assertContains(response, "a expiré", status_code=400)
        self.assertEqual(Subscription.objects.count(), 0)

    def test_a_bad_form_says_what_is_missing(self):
        response = self.client.post(
            "/lettre-d-information/", {"email": "pas-une-adresse", "lettre": "59"}
        )
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "Cochez au moins un public", status_code=400)
        self.assertContains(response, 'role="alert"', status_code=400)
        self.assertEqual(OutgoingEmail.objects.count(), 0)


class UnsubscribeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_network()

    def setUp(self):
        self.subscription = Subscription.objects.create(
            email="parent@exemple.fr",
            parents=True,
            token="jeton-de-test",
            confirmed_at=timezone.now(),
        )
        self.url = "/lettre-d-information/desabonnement/jeton-de-test/"

    def test_the_page_has_one_button_and_its_post_unsubscribes(self):
        page = self.client.get(self.url)
        self.assertContains(page, "Me désabonner")
        self.assertContains(page, 'method="post"')
        self.assertTrue(Subscription.objects.exists(), "a GET unsubscribes nobody")
        response = self.client.post(self.url)
        self.assertContains(response, "Désabonnement enregistré")
        self.assertFalse(Subscription.objects.exists())
        self.assertEqual(self.client.get(self.url).status_code, 404)

    def test_a_mail_clients_one_click_post_unsubscribes_without_a_csrf_token(self):
        client = self.client_class(enforce_csrf_checks=True)
        response = client.post(
            self.url,
            "List-Unsubscribe=One-Click",
            content_type="application/x-www-form-urlencoded",
        )
        self.assertEqual(response.status_code, 200)
        self.assertFalse(Subscription.objects.exists())

    def test_an_unknown_token_names_nothing(self):
        response = self.client.get("/lettre-d-information/desabonnement/inconnu/")
        self.assertContains(response, "Inscription introuvable", status_code=404)
