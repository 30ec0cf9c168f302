"""Signing in to the members' space: French pages, throttled like the admin's, a password reset
e-mailed to members only; a restricted page opens after signing in."""

import re

from django.core.cache import cache
from django.test import TestCase, override_settings

from tests.builders import add_news
from tests.mail_server import SmtpServer, run_queued_tasks
from tests.members.builders import build_members, restrict
from tests.porteurs.builders import porteur

LOGIN = "/espace-membres/connexion/"


class SignInTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_members()
        cls.minutes = add_news(cls.net["nord"], "Compte rendu de la rencontre départementale")
        restrict(cls.minutes)

    def setUp(self):
        cache.clear()

    def test_a_restricted_page_opens_after_signing_in(self):
        redirect = self.client.get(self.minutes.url)
        self.assertRedirects(
            redirect, f"{LOGIN}?next={self.minutes.url}", fetch_redirect_response=False
        )
        login = self.client.get(redirect["Location"])
        self.assertContains(login, "réservée aux membres")
        self.assertContains(login, '<label for="id_username"')
        response = self.client.post(
            LOGIN, {"username": "membre-nord", "password": "pw", "next": self.minutes.url}
        )
        self.assertRedirects(response, self.minutes.url, fetch_redirect_response=False)
        self.assertContains(self.client.get(self.minutes.url), "Compte rendu")

    @override_settings(LOGIN_FAILURE_LIMIT=3)
    def test_the_login_page_is_throttled_like_the_admins(self):
        for _ in range(3):
            self.client.post(LOGIN, {"username": "membre-nord", "password": "non"})
        response = self.client.post(LOGIN, {"username": "membre-nord", "password": "pw"})
        self.assertContains(response, "Trop de tentatives de connexion", status_code=429)
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_a_password_reset_goes_to_members_only(self):
        porteur("porteur-nord")
        server = SmtpServer()
        with server as mailbox, server.settings():
            for email in ("membre-nord@exemple.fr", "porteur-nord@exemple.fr"):
                with self.captureOnCommitCallbacks(execute=True):
                    self.client.post("/espace-membres/mot-de-passe/", {"email": email})
            run_queued_tasks()
        [received] = mailbox.messages
        self.assertEqual(received["To"], "membre-nord@exemple.fr")
        text = received.get_body(("plain",)).get_content()
        self.assertIn("espace des membres", text)
        link = re.search(r"http://testserver(/espace-membres/mot-de-passe/\S+/)", text).group(1)
        self.assertEqual(self.client.get(link).status_code, 302)

    def test_each_space_keeps_its_own_password_pages(self):
        for space, name in [
            ("espace-membres", "espace des membres"),
            ("espace-porteurs", "espace porteurs"),
        ]:
            with self.subTest(space=space):
                form = self.client.get(f"/{space}/mot-de-passe/")
                self.assertContains(form, f'href="/{space}/connexion/"')
                self.assertContains(form, "Adresse électronique")
                done = self.client.post(
                    f"/{space}/mot-de-passe/", {"email": "personne@exemple.fr"}, follow=True
                )
                self.assertEqual(done.redirect_chain[-1][0], f"/{space}/mot-de-passe/envoye/")
                self.assertContains(done, f"{name} correspond à cette adresse")
                self.assertContains(done, f'href="/{space}/connexion/"')
