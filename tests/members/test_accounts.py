"""Member accounts: the coordination invites, or approves a visitor's request; the e-mailed
link serves once, expires, dies when withdrawn; revoking ends the access at once; a coordinator
manages only their own département's members."""

import re
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import TestCase
from django.utils import timezone

from members.models import MemberInvitation, Membership, Status
from tests.builders import add_news
from tests.mail_server import SmtpServer, run_queued_tasks
from tests.members.builders import build_members, restrict

PASSWORD = "Un-mot-de-passe-solide"
PERSON = {
    "first_name": "Marie",
    "last_name": "Durand",
    "email": "marie@exemple.fr",
    "structure": "Centre social du Pile",
    "role": "promeneur",
}


class AccountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_members()
        cls.minutes = add_news(cls.net["nord"], "Compte rendu de la rencontre départementale")
        restrict(cls.minutes)

    def setUp(self):
        cache.clear()

    def mailed_link(self, action):
        """Run `action` (a coordinator's POST) and return the link path of the one e-mail."""
        server = SmtpServer()
        with server as mailbox, server.settings():
            with self.captureOnCommitCallbacks(execute=True):
                action()
            run_queued_tasks()
        [received] = mailbox.messages
        self.assertEqual(received["To"], "marie@exemple.fr")
        text = received.get_body(("plain",)).get_content()
        self.assertIn("expire dans 14 jours", text)
        return re.search(r"http://testserver(/espace-membres/invitation/\S+/)", text).group(1)

    def invite(self):
        coordinator = self.client_class()
        coordinator.force_login(self.net["coord_nord"])

        def post():
            response = coordinator.post(
                "/admin/membres/", {"departement": self.net["nord"].departement.pk, **PERSON}
            )
            self.assertRedirects(response, "/admin/membres/", fetch_redirect_response=False)

        return self.mailed_link(post)

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

    def test_an_invited_person_chooses_a_password_and_sees_the_restricted_pages(self):
        link = self.invite()
        self.assertContains(self.client.get(link), "Nord")
        self.assertContains(self.accept(link, password="1234"), "trop court", status_code=400)
        self.assertRedirects(self.accept(link), "/espace-membres/", fetch_redirect_response=False)
        home = self.client.get("/espace-membres/")
        self.assertContains(home, "Compte rendu de la rencontre départementale")
        self.assertEqual(self.client.get(self.minutes.url).status_code, 200)
        user = get_user_model().objects.get(email="marie@exemple.fr")
        self.assertFalse(user.has_perm("wagtailadmin.access_admin"))

    def test_a_link_serves_once(self):
        link = self.invite()
        self.accept(link)
        self.client.logout()
        self.assertContains(self.client.get(link), "a déjà servi", status_code=400)
        self.assertContains(self.accept(link), "a déjà servi", status_code=400)

    def test_an_expired_link_is_refused(self):
        link = self.invite()
        MemberInvitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
        self.assertContains(self.accept(link), "a expiré", status_code=400)
        self.assertFalse(get_user_model().objects.filter(email="marie@exemple.fr").exists())

    def test_a_revoked_invitation_is_refused(self):
        link = self.invite()
        coordinator = self.client_class()
        coordinator.force_login(self.net["coord_nord"])
        membership = Membership.objects.get(email="marie@exemple.fr")
        coordinator.post(f"/admin/membres/{membership.pk}/retirer/")
        self.assertContains(self.client.get(link), "retirée", status_code=400)
        self.assertContains(self.accept(link), "retirée", status_code=400)

    def test_a_request_approved_by_the_coordination_opens_the_space(self):
        form = self.client.get("/espace-membres/demande/")
        self.assertContains(form, '<label for="id_purpose"')
        self.assertContains(form, "Choisissez votre département…")
        self.assertNotContains(form, "---------")
        incomplete = self.client.post("/espace-membres/demande/", {**PERSON, "purpose": ""})
        self.assertEqual(incomplete.status_code, 400)
        self.assertFalse(Membership.objects.filter(email="marie@exemple.fr").exists())
        sent = self.client.post(
            "/espace-membres/demande/",
            {
                **PERSON,
                "departement": self.net["nord"].departement.pk,
                "purpose": "Je coanime les séances d'analyse de la pratique.",
            },
        )
        self.assertContains(sent, "Demande envoyée")
        membership = Membership.objects.get(email="marie@exemple.fr")
        self.assertEqual(membership.status, Status.REQUESTED)
        self.assertIsNone(membership.user)

        coordinator = self.client_class()
        coordinator.force_login(self.net["coord_nord"])
        self.assertContains(coordinator.get("/admin/membres/"), "analyse de la pratique")
        link = self.mailed_link(
            lambda: coordinator.post(f"/admin/membres/{membership.pk}/accepter/")
        )
        self.accept(link)
        self.assertEqual(self.client.get(self.minutes.url).status_code, 200)

    def test_a_refused_request_gives_nothing(self):
        membership = Membership.objects.create(
            departement=self.net["nord"].departement, status=Status.REQUESTED, **PERSON
        )
        coordinator = self.client_class()
        coordinator.force_login(self.net["coord_nord"])
        coordinator.post(f"/admin/membres/{membership.pk}/refuser/")
        membership.refresh_from_db()
        self.assertEqual(membership.status, Status.REFUSED)
        self.assertFalse(MemberInvitation.objects.exists())

    def test_revocation_is_effective_at_once(self):
        member = self.net["membre_nord"]
        self.client.force_login(member.user)
        self.assertEqual(self.client.get(self.minutes.url).status_code, 200)
        coordinator = self.client_class()
        coordinator.force_login(self.net["coord_nord"])
        coordinator.post(f"/admin/membres/{member.pk}/retirer/")
        self.assertEqual(self.client.get("/espace-membres/").status_code, 403)
        response = self.client.get(self.minutes.url)
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith("/espace-membres/connexion/"))

    def test_a_coordinator_cannot_manage_another_departements_members(self):
        coordinator = self.client_class()
        coordinator.force_login(self.net["coord_gironde"])
        member = self.net["membre_nord"]
        listing = coordinator.get("/admin/membres/")
        self.assertContains(listing, "membre-gironde@exemple.fr")
        self.assertNotContains(listing, "membre-nord@exemple.fr")
        for action in ("retirer", "accepter", "refuser"):
            response = coordinator.post(f"/admin/membres/{member.pk}/{action}/")
            self.assertEqual(response.status_code, 403)
        member.refresh_from_db()
        self.assertEqual(member.status, Status.ACTIVE)
        invite = coordinator.post(
            "/admin/membres/", {"departement": self.net["nord"].departement.pk, **PERSON}
        )
        self.assertEqual(invite.status_code, 400)
        self.assertFalse(Membership.objects.filter(email="marie@exemple.fr").exists())
