"""Counts kept in the cache (facets, totals of listings without words or place) follow the
content: a publication or an unpublication shows in the next request's counts."""

import re

from django.test import TestCase

from tests.builders import build_network
from tests.directory.builders import add_action, load_communes


def facet_count(response, label):
    """The count shown beside a facet value of the search page, or None."""
    found = re.search(
        rf"{re.escape(label)} <span class=\"meta\">\((\d+)\)</span>", response.content.decode()
    )
    return int(found.group(1)) if found else None


def results_count(response):
    return int(re.search(r"(\d+) résultats?", response.content.decode()).group(1))


class CachedCountsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        load_communes()
        cls.first = add_action(cls.net["nord"], "Atelier des parents")

    def test_facet_counts_follow_a_publication_and_an_unpublication(self):
        search = {"q": "atelier"}
        self.assertEqual(facet_count(self.client.get("/recherche/", search), "Nord (59)"), 1)
        self.assertEqual(facet_count(self.client.get("/recherche/", search), "Nord (59)"), 1)
        second = add_action(self.net["nord"], "Atelier du samedi")
        self.assertEqual(facet_count(self.client.get("/recherche/", search), "Nord (59)"), 2)
        second.unpublish()
        self.assertEqual(facet_count(self.client.get("/recherche/", search), "Nord (59)"), 1)

    def test_the_national_total_follows_a_publication_and_an_unpublication(self):
        self.assertEqual(results_count(self.client.get("/annuaire/")), 1)
        self.assertEqual(results_count(self.client.get("/annuaire/")), 1)
        second = add_action(self.net["gironde"], "Atelier à Bordeaux", town="Bordeaux")
        self.assertEqual(results_count(self.client.get("/annuaire/")), 2)
        second.unpublish()
        self.assertEqual(results_count(self.client.get("/annuaire/")), 1)
