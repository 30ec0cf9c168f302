"""A coordinator invites a structure's contact: the e-mailed link serves once, expires, dies
when withdrawn or when the access is revoked; the person sets a password (Django's validators)
and lands in the space."""

import re
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import TestCase
from django.utils import timezone

from porteurs.invitations import token_hash
from porteurs.models import PorteurAccess, PorteurInvitation
from tests.mail_server import SmtpServer, run_queued_tasks
from tests.porteurs.builders import build_structures, porteur

PASSWORD = "Un-mot-de-passe-solide"


class InvitationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.pages = build_structures()

    def setUp(self):
        cache.clear()

    def invite(self, email="marie@exemple.fr", structure="pile"):
        """The Nord coordination invites `email`; returns the link's path from the e-mail."""
        server = SmtpServer()
        with server as mailbox, server.settings():
            self.client.force_login(self.pages["coord_nord"])
            with self.captureOnCommitCallbacks(execute=True):
                response = self.client.post(
                    "/admin/porteurs/",
                    {"structure": self.pages[structure].pk, "email": email},
                )
            self.assertRedirects(response, "/admin/porteurs/", fetch_redirect_response=False)
            run_queued_tasks()
        self.client.logout()
        [received] = mailbox.messages
        self.assertEqual(received["To"], email)
        self.assertIn(self.pages[structure].title, received["Subject"])
        text = received.get_body(("plain",)).get_content()
        self.assertIn("expire dans 14 jours", text)
        return re.search(r"http://testserver(/espace-porteurs/invitation/\S+/)", text).group(1)

    def accept(self, link, password=PASSWORD):
        return self.client.post(
            link,
            {
                "first_name": "Marie",
                "last_name": "Durand",
                "password1": password,
                "password2": password,
            },
        )

    def test_the_invited_person_sets_a_password_and_lands_in_the_space(self):
        link = self.invite()
        token = link.rstrip("/").rsplit("/", 1)[1]
        invitation = PorteurInvitation.objects.get()
        self.assertEqual(invitation.token_hash, token_hash(token))
        self.assertNotIn(token, str(PorteurInvitation.objects.values().get()))

        form = self.client.get(link)
        self.assertContains(form, "Centre social du Pile")
        weak = self.accept(link, password="1234")
        self.assertContains(weak, "Ce mot de passe est trop court", status_code=400)
        self.assertFalse(get_user_model().objects.filter(email="marie@exemple.fr").exists())

        response = self.accept(link)
        self.assertRedirects(response, "/espace-porteurs/", fetch_redirect_response=False)
        self.assertContains(self.client.get("/espace-porteurs/"), "Centre social du Pile")
        user = get_user_model().objects.get(email="marie@exemple.fr")
        self.assertFalse(user.is_staff)
        self.assertFalse(user.has_perm("wagtailadmin.access_admin"))

    def test_a_link_serves_once(self):
        link = self.invite()
        self.accept(link)
        self.client.logout()
        again = self.client.get(link)
        self.assertContains(again, "a déjà servi", status_code=400)
        self.assertContains(self.accept(link), "a déjà servi", status_code=400)

    def test_an_expired_link_is_refused(self):
        link = self.invite()
        PorteurInvitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
        self.assertContains(self.client.get(link), "a expiré", status_code=400)
        self.assertContains(self.accept(link), "a expiré", status_code=400)
        self.assertFalse(PorteurAccess.objects.exists())

    def test_a_tampered_link_is_refused(self):
        link = self.invite()
        self.assertContains(self.client.get(link[:-3] + "xy/"), "pas valable", status_code=400)

    def test_a_withdrawn_invitation_is_refused(self):
        link = self.invite()
        self.client.force_login(self.pages["coord_nord"])
        invitation = PorteurInvitation.objects.get()
        self.client.post(f"/admin/porteurs/invitations/{invitation.pk}/retirer/")
        self.client.logout()
        self.assertContains(self.client.get(link), "retirée", status_code=400)

    def test_revoking_ends_the_session_access_and_the_unused_invitations(self):
        link = self.invite()
        self.accept(link)
        second_link = self.invite()
        self.client.force_login(get_user_model().objects.get(email="marie@exemple.fr"))
        self.assertEqual(self.client.get("/espace-porteurs/").status_code, 200)

        coordinator = self.client_class()
        coordinator.force_login(self.pages["coord_nord"])
        access = PorteurAccess.objects.get()
        coordinator.post(f"/admin/porteurs/acces/{access.pk}/retirer/")

        self.assertEqual(self.client.get("/espace-porteurs/").status_code, 403)
        self.assertEqual(
            self.client.get(f"/espace-porteurs/fiches/{self.pages['pile'].pk}/").status_code, 403
        )
        self.client.logout()
        self.assertContains(self.client.get(second_link), "retirée", status_code=400)

    def test_a_person_already_porteur_accepts_a_second_structure_after_signing_in(self):
        person = porteur("marie", self.pages["alma"], password=PASSWORD, email="marie@exemple.fr")
        link = self.invite()
        self.assertRedirects(
            self.client.get(link),
            f"/espace-porteurs/connexion/?next={link}",
            fetch_redirect_response=False,
        )
        self.client.force_login(person)
        self.client.post(link)
        home = self.client.get("/espace-porteurs/")
        self.assertContains(home, "Centre social du Pile")
        self.assertContains(home, "Association de l&#x27;Alma")
