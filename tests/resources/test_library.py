"""The library as a visitor uses it: filters in shareable URLs, tag pages, clear 400s, feed."""

import datetime
import xml.etree.ElementTree as ET

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from resources.models import ResourceFile, ResourcePage, record_download
from tests.builders import build_network
from tests.mail_server import run_queued_tasks

from . import samples
from .builders import add_resource

ATOM = "{http://www.w3.org/2005/Atom}"


def titles(response):
    return [resource.title for resource in response.context["page_obj"]]


class LibraryFilterTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        nord, gironde = cls.net["nord"], cls.net["gironde"]
        cls.ecrans = add_resource(
            nord,
            "Les écrans en famille",
            kind="guide",
            themes=["ecrans-et-numerique"],
            audiences=["parents", "professionnels"],
            tags=["écrans", "numérique"],
            publication_date=datetime.date(2025, 3, 1),
        )
        cls.cafe = add_resource(
            nord,
            "Organiser un café des parents",
            files=[("cafe.odt", samples.odt("Charte d'accueil du café des parents."))],
            kind="fiche-pratique",
            themes=["communication-parents-enfants"],
            audiences=["professionnels"],
            tags=["animation"],
            publication_date=datetime.date(2026, 2, 1),
        )
        cls.podcast = add_resource(
            nord,
            "Podcast sur le répit",
            files=[],
            external_url="https://example.org/podcast",
            kind="podcast",
            themes=["epuisement-parental-et-repit"],
            audiences=["parents"],
            publication_date=datetime.date(2026, 5, 1),
        )
        cls.gironde_guide = add_resource(
            gironde,
            "Guide girondin des écrans",
            themes=["ecrans-et-numerique"],
            tags=["écrans"],
            publication_date=datetime.date(2026, 1, 1),
        )
        cls.national = add_resource(cls.net["home"], "Référentiel national", kind="etude-rapport")
        cls.draft = add_resource(nord, "Brouillon du Nord", live=False)
        for _i in range(3):
            record_download(ResourceFile.objects.get(page=cls.cafe).pk)
        record_download(ResourceFile.objects.get(page=cls.ecrans).pk)
        run_queued_tasks()  # Wagtail's search index follows in the task worker

    def test_departement_library_lists_its_published_resources_newest_first(self):
        response = self.client.get("/nord/ressources/")
        self.assertEqual(
            titles(response),
            ["Podcast sur le répit", "Organiser un café des parents", "Les écrans en famille"],
        )
        self.assertContains(response, "3 ressources")

    def test_national_library_lists_every_departement_and_names_it(self):
        response = self.client.get("/ressources/")
        self.assertEqual(len(titles(response)), 5)
        self.assertContains(response, "Guide girondin des écrans")
        self.assertContains(response, "– Gironde")
        self.assertNotContains(response, "Brouillon du Nord")

    def test_each_filter_narrows_the_list(self):
        cases = {
            "type=fiche-pratique": ["Organiser un café des parents"],
            "theme=ecrans-et-numerique": ["Les écrans en famille"],
            "public=professionnels": ["Organiser un café des parents", "Les écrans en famille"],
            "etiquette=ecrans": ["Les écrans en famille"],
            "annee=2026": ["Podcast sur le répit", "Organiser un café des parents"],
            "format=pdf": ["Les écrans en famille"],
            "format=texte": ["Organiser un café des parents"],
            "format=lien": ["Podcast sur le répit"],
            "public=parents&annee=2025": ["Les écrans en famille"],
        }
        for query, expected in cases.items():
            with self.subTest(query):
                self.assertEqual(titles(self.client.get(f"/nord/ressources/?{query}")), expected)

    def test_sort_by_downloads(self):
        response = self.client.get("/nord/ressources/?tri=telechargements")
        self.assertEqual(
            titles(response),
            ["Organiser un café des parents", "Les écrans en famille", "Podcast sur le répit"],
        )
        self.assertContains(response, "3 téléchargements")

    def test_filter_form_keeps_the_choices_so_the_url_can_be_shared(self):
        response = self.client.get(
            "/nord/ressources/?theme=ecrans-et-numerique&tri=telechargements"
        )
        self.assertContains(response, 'method="get"')
        self.assertContains(response, '<option value="ecrans-et-numerique" selected>')
        self.assertContains(response, '<option value="telechargements" selected>')
        self.assertContains(response, "effacer les filtres")

    def test_invalid_values_are_a_readable_400(self):
        cases = {
            "type=roman": "« roman » n&#x27;est pas une valeur possible du filtre « Type »",
            "annee=deux-mille": "filtre « Année »",
            "etiquette=inconnue": "filtre « Étiquette »",
            "format=exe": "filtre « Format »",
            "tri=hasard": "filtre « Trier par »",
            "theme=cuisine&public=tous": "filtre « Public »",
        }
        for query, message in cases.items():
            with self.subTest(query):
                response = self.client.get(f"/nord/ressources/?{query}")
                self.assertContains(response, message, status_code=400)

    def test_tag_page_lists_the_resources_of_a_tag(self):
        response = self.client.get("/nord/ressources/etiquettes/ecrans/")
        self.assertContains(response, "Ressources avec l'étiquette « écrans »")
        self.assertEqual(titles(response), ["Les écrans en famille"])
        response = self.client.get("/ressources/etiquettes/ecrans/")
        self.assertEqual(titles(response), ["Guide girondin des écrans", "Les écrans en famille"])
        self.assertEqual(self.client.get("/ressources/etiquettes/inconnue/").status_code, 404)

    def test_tag_page_refuses_another_tag_filter(self):
        response = self.client.get(
            "/nord/ressources/etiquettes/ecrans/", {"etiquette": "animation"}
        )
        self.assertContains(
            response, "Cette page ne montre que l&#x27;étiquette « écrans »", status_code=400
        )

    def test_resource_page_links_its_tags_and_files(self):
        response = self.client.get(self.ecrans.url)
        self.assertContains(response, 'href="/nord/ressources/etiquettes/ecrans/"')
        file_id = ResourceFile.objects.get(page=self.ecrans).pk
        self.assertContains(response, f'href="{self.ecrans.url}telecharger/{file_id}/"')
        self.assertContains(response, "1 téléchargement")
        self.assertContains(response, f'src="{self.ecrans.url}vignette/{file_id}/"')

    def test_list_query_count_does_not_grow_with_the_number_of_resources(self):
        def count_queries():
            with CaptureQueriesContext(connection) as queries:
                self.assertEqual(self.client.get("/ressources/").status_code, 200)
            return len(queries)

        count_queries()  # the first request also looks up the site, which is then cached
        before = count_queries()
        for number in range(6):
            add_resource(self.net["gironde"], f"Fiche {number}", tags=[f"tag-{number}"])
        run_queued_tasks()
        self.assertEqual(count_queries(), before)

    def test_search_finds_a_resource_by_a_phrase_inside_its_file(self):
        resource = ResourcePage.objects.get(pk=self.cafe.pk)
        self.assertIn("Charte d'accueil du café des parents.", resource.document_text)
        results = Page.objects.live().search("Charte accueil")
        self.assertIn(self.cafe.pk, [page.pk for page in results])


class LibraryFeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        add_resource(cls.net["nord"], "Guide des écrans", themes=["ecrans-et-numerique"])
        add_resource(cls.net["nord"], "Fiche sommeil", themes=["sante"])
        add_resource(cls.net["gironde"], "Guide girondin")

    def entries(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("application/atom+xml", response["Content-Type"])
        feed = ET.fromstring(response.content)
        return feed, [entry.find(f"{ATOM}title").text for entry in feed.iter(f"{ATOM}entry")]

    def test_feed_lists_new_resources_of_the_departement(self):
        feed, entries = self.entries("/nord/ressources/flux/")
        self.assertEqual(feed.find(f"{ATOM}title").text, "Ressources – Nord – Hub Parentalité")
        self.assertEqual(entries, ["Fiche sommeil", "Guide des écrans"])
        entry = next(feed.iter(f"{ATOM}entry"))
        self.assertEqual(entry.find(f"{ATOM}summary").text, "À propos de Fiche sommeil")
        self.assertTrue(entry.find(f"{ATOM}link").get("href").startswith("http://testserver/"))

    def test_feed_follows_the_filters_of_the_library(self):
        _feed, entries = self.entries("/nord/ressources/flux/?theme=ecrans-et-numerique")
        self.assertEqual(entries, ["Guide des écrans"])
        response = self.client.get("/nord/ressources/flux/?theme=cuisine")
        self.assertEqual(response.status_code, 400)

    def test_national_feed_covers_every_departement(self):
        _feed, entries = self.entries("/ressources/flux/")
        self.assertEqual(len(entries), 3)

    def test_library_page_advertises_its_feed(self):
        response = self.client.get("/nord/ressources/?theme=sante")
        self.assertContains(response, 'type="application/atom+xml"')
        self.assertContains(response, 'href="/nord/ressources/flux/?theme=sante"')
