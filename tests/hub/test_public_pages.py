"""What a visitor sees: French pages, navigation, news and their feed, clear errors."""

import xml.etree.ElementTree as ET

from django.test import TestCase

from hub.models import NewsPage
from tests.builders import add_news, build_network

ATOM = "{http://www.w3.org/2005/Atom}"


class PublicPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        cls.nord_news = add_news(cls.net["nord"], "Café des parents à Roubaix")
        cls.gironde_news = add_news(cls.net["gironde"], "Ciné-débat à Mérignac")
        cls.draft = add_news(cls.net["nord"], "Brouillon du Nord", live=False)

    def test_home_page_is_french_and_lists_departements(self):
        response = self.client.get("/")
        self.assertContains(response, '<html lang="fr">')
        self.assertContains(response, "Choisissez votre département")
        self.assertContains(response, 'href="/nord/"')
        self.assertContains(response, 'href="/gironde/"')
        self.assertContains(response, "Aller au contenu")

    def test_section_page_has_navigation_of_its_departement(self):
        response = self.client.get("/nord/")
        self.assertContains(response, "La parentalité dans le Nord")
        for url in ("/nord/annuaire/", "/nord/agenda/", "/nord/ressources/", "/nord/actualites/"):
            self.assertContains(response, f'href="{url}"')
        self.assertContains(response, "Trouver une action près de chez moi")

    def test_news_listing_is_scoped_to_its_departement(self):
        response = self.client.get("/nord/actualites/")
        self.assertContains(response, "Café des parents à Roubaix")
        self.assertNotContains(response, "Ciné-débat à Mérignac")
        self.assertNotContains(response, "Brouillon du Nord")

    def test_national_news_listing_shows_every_departement(self):
        response = self.client.get("/actualites/")
        self.assertContains(response, "Café des parents à Roubaix")
        self.assertContains(response, "Ciné-débat à Mérignac")

    def test_news_dates_are_in_french(self):
        NewsPage.objects.filter(pk=self.nord_news.pk).update(date="2026-03-29")
        response = self.client.get("/nord/actualites/")
        self.assertContains(response, "29 mars 2026")

    def test_news_atom_feed_parses_and_is_scoped(self):
        response = self.client.get("/nord/actualites/flux/")
        self.assertEqual(response.status_code, 200)
        self.assertIn("application/atom+xml", response["Content-Type"])
        feed = ET.fromstring(response.content)
        self.assertEqual(feed.find(f"{ATOM}title").text, "Actualités – Nord – Hub Parentalité")
        titles = [entry.find(f"{ATOM}title").text for entry in feed.iter(f"{ATOM}entry")]
        self.assertEqual(titles, ["Café des parents à Roubaix"])

    def test_malformed_page_number_is_a_readable_400(self):
        response = self.client.get("/nord/actualites/?page=abc")
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "pas un nombre entier", status_code=400)
        response = self.client.get("/nord/actualites/?page=99")
        self.assertContains(response, "La page 99 n&#x27;existe pas", status_code=400)

    def test_departement_switcher_works_without_javascript(self):
        response = self.client.get("/departements/aller/", {"departement": "33"})
        self.assertRedirects(response, "/gironde/")
        response = self.client.get("/departements/aller/", {"departement": "zz"})
        self.assertContains(response, "Choisissez un département", status_code=400)

    def test_departement_switcher_offers_every_departement_the_current_one_chosen(self):
        response = self.client.get("/nord/annuaire/")
        self.assertContains(response, '<option value="59" selected>59 – Nord</option>', html=True)
        self.assertContains(response, '<option value="33">33 – Gironde</option>', html=True)
        home = self.client.get("/")
        self.assertNotContains(home, "selected>59")

    def test_unknown_page_is_a_french_404(self):
        response = self.client.get("/nord/nulle-part/")
        self.assertContains(response, "Page introuvable", status_code=404)

    def test_site_search_finds_published_pages_only(self):
        response = self.client.get("/recherche/", {"q": "Roubaix"})
        self.assertContains(response, "Café des parents à Roubaix")
        response = self.client.get("/recherche/", {"q": "Brouillon"})
        self.assertNotContains(response, "Brouillon du Nord")

    def test_public_pages_load_nothing_from_another_host(self):
        for url in ("/", "/nord/", "/nord/actualites/", self.nord_news.url):
            html = self.client.get(url).content.decode()
            for attribute in ('src="http', 'src="//', 'href="//', 'stylesheet" href="http'):
                self.assertNotIn(attribute, html, url)
