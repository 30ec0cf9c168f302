"""The demo's members: two in the Nord (a professional, a Promeneur du Net), one in the Gironde,
a request waiting; the Nord's restricted minutes, session and working document are theirs."""

import io

from django.core.cache import cache
from django.core.management import call_command
from django.test import TestCase, override_settings

from members.models import Membership, Role, Status

RESTRICTED = (
    "Compte rendu de la rencontre départementale du réseau",
    "Séance d&#x27;analyse de la pratique des Promeneurs du Net",
    "Document de travail : référentiel d&#x27;accueil des pères",
)


@override_settings(DEMO_PASSWORD="demo-mot-de-passe")
class MembersDemoTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo_content", stdout=io.StringIO())

    def setUp(self):
        cache.clear()

    def sign_in(self, username):
        response = self.client.post(
            "/espace-membres/connexion/", {"username": username, "password": "demo-mot-de-passe"}
        )
        self.assertRedirects(response, "/espace-membres/", fetch_redirect_response=False)

    def test_the_nord_members_see_the_restricted_content(self):
        roles = dict(Membership.objects.active().values_list("user__username", "role"))
        self.assertEqual(
            roles,
            {
                "membre-nord": Role.PROFESSIONAL,
                "promeneur-nord": Role.PROMENEUR,
                "membre-gironde": Role.PROFESSIONAL,
            },
        )
        for username in ("membre-nord", "promeneur-nord"):
            with self.subTest(username=username):
                self.sign_in(username)
                home = self.client.get("/espace-membres/")
                for title in RESTRICTED:
                    self.assertContains(home, title)

    def test_others_see_none_of_it(self):
        self.assertEqual(Membership.objects.filter(status=Status.REQUESTED).count(), 1)
        for title in RESTRICTED:
            self.assertNotContains(
                self.client.get("/recherche/?q=pratique+travail+rencontre"), title
            )
        self.sign_in("membre-gironde")
        home = self.client.get("/espace-membres/")
        for title in RESTRICTED:
            self.assertNotContains(home, title)
