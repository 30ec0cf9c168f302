"""The members' list pages (the coordination's accounts screen, a member's home) take as many
queries for a few members and restricted pages as for many."""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from members.models import Membership, Status
from tests.builders import add_news
from tests.members.builders import build_members, member, restrict


class MembersListQueriesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_members()

    def queries(self, client, path):
        client.get(path)  # warm: the site's root paths, content types
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        self.assertEqual(response.status_code, 200)
        return len(captured)

    def grow(self, start, count):
        nord = self.net["nord"]
        for number in range(start, start + count):
            member(f"membre-{number}", nord)
            Membership.objects.create(
                departement=nord.departement,
                email=f"demande-{number}@exemple.fr",
                first_name="Demande",
                last_name=str(number),
                structure="Centre social",
                role="professionnel",
                purpose="Participer aux rencontres",
                status=Status.REQUESTED,
            )
            restrict(add_news(nord, f"Compte rendu {number}"))

    def test_accounts_screen_and_member_home_do_not_grow_with_their_lists(self):
        coordinator = self.client_class()
        coordinator.force_login(self.net["coord_nord"])
        member_client = self.client_class()
        member_client.force_login(self.net["membre_nord"].user)
        self.grow(0, 2)
        few = [
            self.queries(coordinator, "/admin/membres/"),
            self.queries(member_client, "/espace-membres/"),
        ]
        self.grow(2, 10)
        many = [
            self.queries(coordinator, "/admin/membres/"),
            self.queries(member_client, "/espace-membres/"),
        ]
        self.assertEqual(few, many)
        self.assertContains(member_client.get("/espace-membres/"), "Compte rendu 11")
        self.assertContains(coordinator.get("/admin/membres/"), "demande-11@exemple.fr")
