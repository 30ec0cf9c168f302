"""Search that understands how parents type, measured the same way on every engine.

The records and queries are those of `tests/search/relevance.py` (and of
`benchmarks/search_relevance.py`): SQLite or PostgreSQL (DATABASE_URL) for the database engine,
osmem-server for the Elasticsearch engine.
"""

from unittest import skipUnless

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.urls import reverse

from search.api import SearchRequest, engines, search
from search.models import Synonym
from tests.builders import sign_in_with_second_factor

from .engines import EngineSwitchMixin, elastic_settings, osmem_available
from .relevance import PRISON, QUERIES, evaluate, index_fixture, mean, score

MIN_MRR = 0.95
MIN_RECALL = 0.95


class RelevanceBehaviour(EngineSwitchMixin):
    """Assertions every engine must satisfy; subclasses pick the engine."""

    @classmethod
    def setUpTestData(cls):
        index_fixture(engines.primary(), engines.database)

    def first_keys(self, text, count=3):
        hits = search(SearchRequest(text=text, approximate=True)).hits
        return [hit.url.strip("/") for hit in hits[:count]]

    def test_the_issue_s_queries_find_the_right_actions_first(self):
        for text, expected in QUERIES[:3]:
            with self.subTest(text):
                result = score(text, expected)
                self.assertEqual(result.reciprocal_rank, 1, result.found)
                self.assertEqual(result.recall, 1, result.found)

    def test_mean_reciprocal_rank_and_recall_reach_the_targets(self):
        scores = evaluate()
        self.assertGreaterEqual(len(scores), 80)
        lowest = [(s.text, s.reciprocal_rank, s.recall) for s in scores if s.recall < 1]
        self.assertGreaterEqual(mean(s.reciprocal_rank for s in scores), MIN_MRR, lowest)
        self.assertGreaterEqual(mean(s.recall for s in scores), MIN_RECALL, lowest)

    def test_synonyms_edited_in_the_admin_count_at_once_without_reindexing(self):
        admin = get_user_model().objects.create_superuser("admin-synonymes", password="pw")
        sign_in_with_second_factor(self.client, admin)
        self.assertEqual(search(SearchRequest(text="zonzon")).total, 0)
        response = self.client.post(
            reverse("wagtailsnippets_search_synonym:add"), {"terms": "zonzon => prison"}
        )
        self.assertEqual(response.status_code, 302)
        self.assertIn(self.first_keys("zonzon", 1)[0], PRISON)

        papa = Synonym.objects.get(terms__startswith="papa")
        self.assertGreater(search(SearchRequest(text="papa en prison")).total, 0)
        response = self.client.post(
            reverse("wagtailsnippets_search_synonym:edit", args=[papa.pk]),
            {"terms": "papa, papas => paternité"},
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(search(SearchRequest(text="papa en prison")).total, 0)

    def test_the_admin_refuses_a_synonym_with_two_arrows(self):
        admin = get_user_model().objects.create_superuser("admin-synonymes", password="pw")
        sign_in_with_second_factor(self.client, admin)
        response = self.client.post(
            reverse("wagtailsnippets_search_synonym:add"), {"terms": "papa => père => parent"}
        )
        self.assertContains(response, "Un seul « =&gt; », avec au moins un mot de chaque côté")
        self.assertFalse(Synonym.objects.filter(terms__contains="père => parent").exists())

    def test_words_that_cannot_all_match_give_the_closest_records(self):
        results = search(SearchRequest(text="écrans ado zzzz", approximate=True))
        self.assertTrue(results.approximate)
        self.assertEqual(results.unmatched, ["zzzz"])
        self.assertIn(results.hits[0].url, ["/ecrans-ados/", "/guide-ecrans/", "/jeux-video/"])

    def test_records_matching_more_words_come_first(self):
        # No record has the three: those with screens and teenagers come before Dunkerque's.
        results = search(SearchRequest(text="ecrans ado dunkerque", approximate=True))
        keys = [hit.url.strip("/") for hit in results.hits]
        self.assertTrue(results.approximate)
        self.assertEqual(results.unmatched, [])
        self.assertEqual(set(keys[:3]), {"ecrans-ados", "guide-ecrans", "jeux-video"})
        self.assertGreater(keys.index("laep-dunkerque"), 2)

    def test_words_matching_nothing_are_named_and_find_nothing(self):
        results = search(SearchRequest(text="trottinette zzzz", approximate=True))
        self.assertEqual((results.total, results.approximate), (0, False))
        self.assertEqual(results.unmatched, ["trottinette", "zzzz"])

    def test_listings_that_do_not_ask_for_approximate_results_stay_strict(self):
        results = search(SearchRequest(text="écrans ado zzzz"))
        self.assertEqual((results.total, results.approximate, results.unmatched), (0, False, []))


class SqlDatabaseRelevanceTests(RelevanceBehaviour, TestCase):
    """The database engine on the test database (SQLite, or PostgreSQL with DATABASE_URL)."""


@skipUnless(osmem_available(), "osmem-server (OpenSearch-compatible test server) is not installed")
class OpenSearchCompatibleRelevanceTests(RelevanceBehaviour, TestCase):
    """The Elasticsearch engine against osmem-server."""

    @classmethod
    def engine_settings(cls):
        return elastic_settings()

    def test_answers_come_from_the_cluster(self):
        self.assertEqual(search(SearchRequest(text="divorce")).engine, "elasticsearch")
