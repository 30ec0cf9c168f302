"""The directory and the search page take as many queries for 3 results as for 30.

Each page is measured on its first request with an empty cache (but for the site's root
paths), so that what the cache keeps (facet counts, totals, the map's communes) is computed
again, as after a publication.
"""

from unittest import mock

from django.core.cache import cache
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from directory.models import DirectoryIndexPage
from search.views import SiteSearch
from tests.builders import build_network
from tests.directory.builders import add_action, add_lieu, load_communes

PAGES = [
    "/nord/annuaire/?lieu=Roubaix&rayon=10",
    "/nord/annuaire/?lieu=Roubaix&rayon=10&age=8&type=cafe-des-parents&samedi=on",
    "/nord/annuaire/?q=atelier",
    "/nord/annuaire/",
    "/annuaire/",
    "/annuaire/?contenu=lieux",
    "/recherche/?q=atelier",
    "/recherche/?q=atelier&departement=59",
]


class ListQueryCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        load_communes()

    def add_records(self, first, last):
        """Actions and lieux numbered first..last-1, open on Saturdays, half in a lieu."""
        for number in range(first, last):
            lieu = add_lieu(
                self.net["nord"],
                f"Maison {number:02d}",
                town="Roubaix" if number % 2 else "Tourcoing",
                opening_hours="Mo 09:00-12:00; Sa 10:00-12:00",
            )
            add_action(
                self.net["nord"],
                f"Atelier {number:02d}",
                town="Croix",
                age_min=0,
                age_max=17,
                opening_hours="Sa 10:00-12:00",
                **({"lieu": lieu} if number % 2 else {}),
            )

    def measure(self):
        """{page: (queries, results shown)}, each page's first request, cache empty."""
        measured = {}
        for url in PAGES:
            cache.clear()
            self.client.get("/")  # the site's root paths, cached once for every page
            with CaptureQueriesContext(connection) as captured:
                response = self.client.get(url)
            self.assertEqual(response.status_code, 200, url)
            measured[url] = (len(captured), len(response.context["page_obj"].object_list))
        return measured

    def test_queries_do_not_grow_with_the_results(self):
        with (
            mock.patch.object(DirectoryIndexPage, "per_page", 50),
            mock.patch.object(SiteSearch, "per_page", 50),
        ):
            self.add_records(0, 3)
            few = self.measure()
            self.add_records(3, 30)
            many = self.measure()
        for url in PAGES:
            with self.subTest(url):
                queries_few, shown_few = few[url]
                queries_many, shown_many = many[url]
                self.assertLess(shown_few, shown_many)
                self.assertGreaterEqual(shown_many, 30)
                self.assertEqual(queries_few, queries_many)
