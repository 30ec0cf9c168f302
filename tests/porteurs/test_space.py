"""The porteurs' space: its own login page (throttled), a home page listing the person's own
structures and records, a French refusal for an account without access, and a password reset
by e-mail through the outbox."""

import re

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import TestCase, override_settings
from django.utils import timezone

from hub.models import OutgoingEmail
from porteurs.models import PorteurAccess
from tests.mail_server import SmtpServer, run_queued_tasks
from tests.porteurs.builders import build_structures, porteur

HOME = "/espace-porteurs/"
LOGIN = "/espace-porteurs/connexion/"


class SpaceTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.pages = build_structures()
        cls.person = porteur("animatrice-pile", cls.pages["pile"])

    def setUp(self):
        cache.clear()

    def test_an_anonymous_visitor_is_sent_to_the_space_login_page_with_next(self):
        response = self.client.get(f"{HOME}fiches/{self.pages['cafe_pile'].pk}/")
        self.assertRedirects(
            response,
            f"{LOGIN}?next=/espace-porteurs/fiches/{self.pages['cafe_pile'].pk}/",
            fetch_redirect_response=False,
        )
        login = self.client.get(LOGIN)
        self.assertContains(login, "Connexion à l'espace porteurs")
        self.assertContains(login, 'data-page-type="porteurs:login"')

    def test_signing_in_leads_home_with_the_persons_structure_and_its_records_only(self):
        response = self.client.post(
            LOGIN, {"username": "animatrice-pile", "password": "pw"}, follow=True
        )
        self.assertEqual(response.redirect_chain, [(HOME, 302)])
        for name in ("pile", "cafe_pile", "lieu_pile", "promeneur_pile"):
            self.assertContains(response, f'href="{HOME}fiches/{self.pages[name].pk}/"')
        for name in ("alma", "atelier_alma", "chartrons", "atelier_chartrons"):
            self.assertNotContains(response, self.pages[name].title)
        self.assertContains(response, "Lieu ressource")
        self.assertContains(response, 'aria-current="page">Mes structures</a>')

    def test_signing_in_goes_back_to_next(self):
        record = f"{HOME}fiches/{self.pages['cafe_pile'].pk}/"
        response = self.client.post(
            LOGIN, {"username": "animatrice-pile", "password": "pw", "next": record}
        )
        self.assertRedirects(response, record, fetch_redirect_response=False)
        self.assertContains(self.client.get(record), "Café des parents du Pile")

    def test_a_wrong_password_is_refused_in_french(self):
        response = self.client.post(LOGIN, {"username": "animatrice-pile", "password": "non"})
        self.assertContains(response, "Saisissez un nom d’utilisateur et un mot de passe valides")
        self.assertNotIn("_auth_user_id", self.client.session)

    @override_settings(LOGIN_FAILURE_LIMIT=3)
    def test_the_login_page_is_throttled_like_the_admins(self):
        for _ in range(3):
            self.client.post(LOGIN, {"username": "animatrice-pile", "password": "non"})
        response = self.client.post(LOGIN, {"username": "animatrice-pile", "password": "pw"})
        self.assertContains(response, "Trop de tentatives de connexion", status_code=429)
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_an_account_without_access_gets_a_french_refusal(self):
        get_user_model().objects.create_user("sans-acces", password="pw")
        self.client.login(username="sans-acces", password="pw")
        response = self.client.get(HOME)
        self.assertContains(response, "n'a accès à aucune structure", status_code=403)
        self.assertNotContains(response, "Centre social du Pile", status_code=403)

    def test_revoking_the_access_closes_the_space_at_once(self):
        self.client.login(username="animatrice-pile", password="pw")
        self.assertEqual(self.client.get(HOME).status_code, 200)
        PorteurAccess.objects.filter(user=self.person).update(revoked_at=timezone.now())
        self.assertEqual(self.client.get(HOME).status_code, 403)

    def test_logging_out_ends_the_session(self):
        self.client.login(username="animatrice-pile", password="pw")
        response = self.client.post(f"{HOME}deconnexion/")
        self.assertRedirects(response, LOGIN, fetch_redirect_response=False)
        self.assertRedirects(
            self.client.get(HOME), f"{LOGIN}?next={HOME}", fetch_redirect_response=False
        )

    def test_the_space_pages_are_not_cached(self):
        self.client.login(username="animatrice-pile", password="pw")
        self.assertIn("no-store", self.client.get(HOME)["Cache-Control"])


class PasswordResetTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.pages = build_structures()
        cls.person = porteur("animatrice-pile", cls.pages["pile"], email="pile@exemple.fr")
        get_user_model().objects.create_user(
            "coord", email="coord@exemple.fr", password="pw", is_staff=True
        )

    def request_reset(self, email):
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(f"{HOME}mot-de-passe/", {"email": email})

    def test_a_porteur_resets_their_password_from_the_e_mail(self):
        server = SmtpServer()
        with server as mailbox, server.settings():
            response = self.request_reset("pile@exemple.fr")
            self.assertRedirects(
                response, f"{HOME}mot-de-passe/envoye/", fetch_redirect_response=False
            )
            run_queued_tasks()
        [received] = mailbox.messages
        self.assertEqual(received["To"], "pile@exemple.fr")
        self.assertEqual(received["Subject"], "Votre mot de passe de l'espace porteurs")
        text = received.get_body(("plain",)).get_content()
        self.assertIn("animatrice-pile", text)
        link = re.search(r"http://testserver(/espace-porteurs/mot-de-passe/\S+/)", text)
        self.assertIsNotNone(link, text)

        form = self.client.get(link.group(1), follow=True)
        self.assertContains(form, "Choisir un nouveau mot de passe")
        short = self.client.post(
            form.redirect_chain[-1][0], {"new_password1": "abc", "new_password2": "abc"}
        )
        self.assertContains(short, "Ce mot de passe est trop court")
        done = self.client.post(
            form.redirect_chain[-1][0],
            {"new_password1": "Un-mot-de-passe-solide", "new_password2": "Un-mot-de-passe-solide"},
            follow=True,
        )
        self.assertContains(done, "Mot de passe enregistré")
        self.assertTrue(
            self.client.login(username="animatrice-pile", password="Un-mot-de-passe-solide")
        )
        again = self.client.get(link.group(1), follow=True)
        self.assertContains(again, "Ce lien n'est plus valable")

    def test_no_mail_for_an_address_without_porteur_access(self):
        self.request_reset("coord@exemple.fr")
        self.request_reset("personne@exemple.fr")
        self.assertFalse(OutgoingEmail.objects.exists())
