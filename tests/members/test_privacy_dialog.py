"""A coordinator keeps a page to their département's members from Wagtail's privacy dialog,
which offers them that group only; the page leaves the site search at once."""

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import TestCase
from wagtail.models import PageViewRestriction

from members.access import members_group
from tests.builders import add_news
from tests.members.builders import build_members

MINUTES = "Compte rendu de la rencontre départementale"


class PrivacyDialogTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_members()
        cls.minutes = add_news(cls.net["nord"], MINUTES, intro="Rencontre des professionnels")
        cls.nord_group = members_group(cls.net["nord"].departement)
        cls.gironde_group = members_group(cls.net["gironde"].departement)

    def setUp(self):
        cache.clear()
        self.client.force_login(self.net["coord_nord"])
        self.url = f"/admin/pages/{self.minutes.pk}/privacy/"

    def test_the_dialog_offers_only_the_departements_members_group(self):
        dialog = self.client.get(self.url).json()["html"]
        self.assertIn("Membres – Nord (59)", dialog)
        self.assertNotIn("Membres – Gironde (33)", dialog)
        self.assertNotIn(Group.objects.get(name="Coordination Nord").name, dialog)

    def test_restricting_takes_the_page_out_of_the_search_at_once(self):
        search = self.client_class()
        self.assertContains(search.get("/recherche/?q=rencontre+professionnels"), MINUTES)
        self.client.post(self.url, {"restriction_type": "groups", "groups": [self.nord_group.pk]})
        restriction = PageViewRestriction.objects.get(page=self.minutes)
        self.assertEqual(list(restriction.groups.all()), [self.nord_group])
        self.assertNotContains(search.get("/recherche/?q=rencontre+professionnels"), MINUTES)
        self.assertEqual(search.get(self.minutes.url).status_code, 302)

    def test_another_departements_group_is_refused(self):
        response = self.client.post(
            self.url, {"restriction_type": "groups", "groups": [self.gironde_group.pk]}
        )
        self.assertEqual(response.status_code, 200)
        self.assertFalse(PageViewRestriction.objects.exists())
