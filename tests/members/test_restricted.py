"""What is kept to a département's members reaches nobody else: not an anonymous visitor, not a
member of another département, not a porteur; not through the page, the site search, the
listings, the public feeds, the file's address, nor the proxy's cache. A member reads it, and
subscribes to it through a private calendar address that dies when renewed."""

import datetime

import icalendar
from django.core.cache import cache
from django.test import TestCase
from wagtail.models import PageViewRestriction

from resources.models import ResourceFile
from tests.builders import add_news, news_index
from tests.events.builders import add_event, agenda
from tests.members.builders import build_members, feed_path, restrict
from tests.porteurs.builders import porteur
from tests.resources.builders import add_resource, library

NEXT_WEEK = datetime.date.today() + datetime.timedelta(days=7)
MINUTES = "Compte rendu de la rencontre départementale"
SESSION = "Séance d'analyse de la pratique des Promeneurs du Net"
WORKING_PAPER = "Document de travail sur l'accueil des pères"


class RestrictedContentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_members()
        nord = cls.net["nord"]
        cls.minutes = add_news(nord, MINUTES, intro="Rencontre des professionnels du Nord")
        cls.session = add_event(nord, SESSION, start_date=NEXT_WEEK)
        cls.public_event = add_event(nord, "Café des parents à Roubaix", start_date=NEXT_WEEK)
        cls.paper = add_resource(nord, WORKING_PAPER, summary="Rencontre des professionnels")
        cls.paper_file = ResourceFile.objects.get(page=cls.paper)
        for page in (cls.minutes, cls.session, cls.paper):
            restrict(page)
        cls.porteur = porteur("porteur-nord")

    def setUp(self):
        cache.clear()

    def outsiders(self):
        """An anonymous visitor, a member of Gironde and a porteur, one after the other."""
        yield "anonyme"
        for user in (self.net["membre_gironde"].user, self.porteur):
            self.client.force_login(user)
            yield user.username
        self.client.logout()

    def file_url(self):
        return f"{self.paper.url}telecharger/{self.paper_file.pk}/"

    def test_outsiders_get_no_restricted_page_nor_file(self):
        for who in self.outsiders():
            for url in (
                self.minutes.url,
                self.session.url,
                self.session.url + "ical/",
                self.paper.url,
                self.file_url(),
            ):
                with self.subTest(who=who, url=url):
                    response = self.client.get(url)
                    self.assertEqual(response.status_code, 302)
                    self.assertTrue(response["Location"].startswith("/espace-membres/connexion/"))
                    self.assertIn("no-store", response["Cache-Control"])
                    self.assertNotIn("public", response["Cache-Control"])

    def test_outsiders_find_nothing_restricted_in_search_listings_and_feeds(self):
        nord = self.net["nord"]
        addresses = [
            "/recherche/?q=rencontre+professionnels",
            "/recherche/?q=analyse+pratique",
            "/recherche/?q=document+travail",
            news_index(nord).url,
            news_index(nord).url + "flux/",
            agenda(nord).url,
            agenda(nord).url + "ical/",
            agenda(self.net["home"]).url + "ical/",
            library(nord).url,
            library(nord).url + "flux/",
            "/",
            nord.url,
        ]
        for who in self.outsiders():
            for url in addresses:
                with self.subTest(who=who, url=url):
                    response = self.client.get(url)
                    self.assertEqual(response.status_code, 200)
                    body = response.content.decode()
                    for title in (MINUTES, "analyse de la pratique", "accueil des pères"):
                        self.assertNotIn(title, body.replace("&#x27;", "'"))
        self.assertIn(
            "Café des parents à Roubaix", self.client.get(agenda(nord).url).content.decode()
        )

    def test_the_sitemap_lists_public_pages_only(self):
        for who in self.outsiders():
            with self.subTest(who=who):
                sitemap = self.client.get("/sitemap.xml").content.decode()
                self.assertIn(self.public_event.url, sitemap)
                for page in (self.minutes, self.session, self.paper):
                    self.assertNotIn(page.url, sitemap)

    def test_the_member_reads_it_and_nothing_of_it_is_shared_by_the_proxy(self):
        self.client.force_login(self.net["membre_nord"].user)
        home = self.client.get("/espace-membres/")
        for title in (MINUTES, "analyse de la pratique", "accueil des pères"):
            self.assertContains(home, title)
        for url in (self.minutes.url, self.session.url, self.paper.url, "/espace-membres/"):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(response["Cache-Control"], "private, no-store")
        download = self.client.get(self.file_url())
        self.assertEqual(download["Content-Type"], "application/pdf")
        self.assertIn("private", download["Cache-Control"])

    def test_a_restriction_lifted_puts_the_page_back_in_the_search(self):
        self.assertNotContains(self.client.get("/recherche/?q=rencontre+professionnels"), MINUTES)
        PageViewRestriction.objects.filter(page=self.minutes).delete()
        self.assertContains(self.client.get("/recherche/?q=rencontre+professionnels"), MINUTES)


class PrivateFeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_members()
        cls.session = add_event(cls.net["nord"], SESSION, start_date=NEXT_WEEK)
        restrict(cls.session)
        add_event(cls.net["nord"], "Café des parents à Roubaix", start_date=NEXT_WEEK)
        add_event(cls.net["gironde"], "Forum des familles à Bordeaux", start_date=NEXT_WEEK)

    def summaries(self, response):
        calendar = icalendar.Calendar.from_ical(response.content)
        return sorted(str(event["SUMMARY"]) for event in calendar.walk("VEVENT"))

    def test_the_feed_holds_the_departements_public_and_restricted_events(self):
        response = self.client.get(feed_path(self.net["membre_nord"]))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Cache-Control"], "private, no-store")
        self.assertEqual(self.summaries(response), ["Café des parents à Roubaix", SESSION])
        gironde = self.client.get(feed_path(self.net["membre_gironde"]))
        self.assertEqual(self.summaries(gironde), ["Forum des familles à Bordeaux"])

    def test_renewing_the_address_kills_the_old_one_at_once(self):
        member = self.net["membre_nord"]
        old = feed_path(member)
        self.assertEqual(self.client.get(old).status_code, 200)
        self.client.force_login(member.user)
        renewed = self.client.post(f"/espace-membres/flux/renouveler/{member.pk}/")
        self.assertContains(renewed, "Votre nouvelle adresse")
        new = renewed.context["new_feed_url"].removeprefix("http://testserver")
        self.client.logout()
        self.assertEqual(self.client.get(old).status_code, 404)
        self.assertEqual(
            self.summaries(self.client.get(new)), ["Café des parents à Roubaix", SESSION]
        )

    def test_a_revoked_member_feed_answers_404(self):
        member = self.net["membre_nord"]
        path = feed_path(member)
        coordinator = self.client_class()
        coordinator.force_login(self.net["coord_nord"])
        coordinator.post(f"/admin/membres/{member.pk}/retirer/")
        self.assertEqual(self.client.get(path).status_code, 404)

    def test_a_member_cannot_renew_someone_elses_address(self):
        self.client.force_login(self.net["membre_gironde"].user)
        response = self.client.post(
            f"/espace-membres/flux/renouveler/{self.net['membre_nord'].pk}/"
        )
        self.assertEqual(response.status_code, 403)
