"""What every listing shares: bad input answered the same way everywhere, pages of hits taken
lazily from the engine by Django's paginator, and the news feed following the listing's words."""

import xml.etree.ElementTree as ET
from unittest import mock

from django.core.paginator import Paginator
from django.test import TestCase

from search.api import ResultList, SearchRequest

from .test_listings import add_listing_content

LISTINGS = [
    "/nord/annuaire/",
    "/nord/agenda/",
    "/nord/ressources/",
    "/nord/actualites/",
    "/recherche/",
]
ATOM = "{http://www.w3.org/2005/Atom}"


class BadInputTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        add_listing_content()

    def test_a_huge_page_number_is_a_readable_400_on_every_listing(self):
        for url in LISTINGS:
            with self.subTest(url):
                response = self.client.get(url, {"q": "parents", "page": "9" * 20})
                self.assertContains(response, "La page 9999", status_code=400)

    def test_a_filter_given_twice_shows_the_form_again_with_the_error(self):
        for url in LISTINGS:
            with self.subTest(url):
                response = self.client.get(f"{url}?q=parents&q=ecrans")
                self.assertContains(response, 'role="alert"', status_code=400)
                self.assertContains(
                    response, "Le filtre « q » ne peut avoir qu&#x27;une valeur.", status_code=400
                )
                self.assertContains(response, 'name="q"', status_code=400)

    def test_an_unknown_choice_names_the_value_and_the_filter(self):
        response = self.client.get("/nord/annuaire/", {"theme": "cuisine"})
        self.assertContains(
            response,
            "« cuisine » n&#x27;est pas une valeur possible du filtre « Thème ».",
            status_code=400,
        )

    def test_the_feed_of_a_listing_refuses_what_the_listing_refuses(self):
        response = self.client.get("/nord/ressources/flux/", {"type": "roman"})
        self.assertContains(
            response, "« roman » n&#x27;est pas une valeur possible", status_code=400
        )


class ResultListTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        add_listing_content()

    def test_the_paginator_counts_and_slices_the_hits_of_the_engine(self):
        everything = [hit.title for hit in ResultList(SearchRequest(sort="date", per_page=50)).hits]
        self.assertGreater(len(everything), 6)
        request = SearchRequest(sort="date", page=2, per_page=3)
        page = Paginator(ResultList(request), 3).page(2)
        self.assertEqual(page.paginator.count, len(everything))
        self.assertEqual([hit.title for hit in page.object_list], everything[3:6])

    def test_ids_are_all_fetched_batch_by_batch_without_a_cap(self):
        total = ResultList(SearchRequest()).total
        with mock.patch("search.api.ID_BATCH", 2):
            ids = ResultList(SearchRequest(sort="date")).ids()
        self.assertEqual(len(set(ids)), total)


class NewsFeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        add_listing_content()

    def test_the_feed_follows_the_words_of_the_listing(self):
        response = self.client.get("/nord/actualites/flux/", {"q": "semaine parentalite"})
        feed = ET.fromstring(response.content)
        titles = [entry.find(f"{ATOM}title").text for entry in feed.iter(f"{ATOM}entry")]
        self.assertEqual(titles, ["Semaine de la parentalité"])
