"""The same French search behaviour on SQLite, PostgreSQL and an OpenSearch-compatible server."""

from unittest import skipUnless

from django.test import TestCase

from search.api import SearchRequest, autocomplete, search
from tests.builders import build_network
from tests.directory.builders import load_communes

from .content import add_articles, reindex_everything
from .engines import EngineSwitchMixin, elastic_settings, osmem_available


class FrenchSearchBehaviour(EngineSwitchMixin):
    """Assertions every engine must satisfy; subclasses pick the engine."""

    @classmethod
    def setUpTestData(cls):
        cls.network = build_network()
        load_communes()
        cls.pages = add_articles(cls.network)
        reindex_everything()

    def titles(self, text, **options):
        results = search(SearchRequest(text=text, **options))
        return [hit.title for hit in results.hits]

    def assertFinds(self, text, key, **options):
        self.assertIn(self.pages[key].title, self.titles(text, **options))

    def test_parentalite_without_accent_finds_parentalite(self):
        self.assertFinds("parentalite", "parentalite")
        self.assertNotIn(self.pages["sport"].title, self.titles("parentalite"))

    def test_ecrans_ados_finds_screens_for_teenagers(self):
        titles = self.titles("ecrans ados")
        self.assertEqual(titles[0], self.pages["ecrans"].title)
        self.assertNotIn(self.pages["mediation"].title, titles)

    def test_typo_in_mediation_familiale_is_forgiven_and_corrected(self):
        results = search(SearchRequest(text="mediation familliale"))
        self.assertEqual(results.hits[0].title, self.pages["mediation"].title)
        self.assertEqual(results.suggestion, "mediation familiale")

    def test_laep_finds_lieux_d_accueil_enfants_parents(self):
        titles = self.titles("LAEP")
        self.assertEqual(titles, [self.pages["laep"].title])

    def test_full_form_of_an_acronym_finds_the_same_place(self):
        self.assertFinds("lieu d'accueil enfants parents", "laep")

    def test_unknown_words_find_nothing(self):
        results = search(SearchRequest(text="trottinette"))
        self.assertEqual((results.total, results.hits), (0, []))

    def test_snippet_highlights_the_matched_words(self):
        results = search(SearchRequest(text="mediation"))
        self.assertIn("<mark>médiation</mark>", results.hits[0].snippet.lower())

    def test_facets_count_types_and_departements(self):
        results = search(SearchRequest(text="parents"))
        departements = {item.value: item.count for item in results.facets["departement"]}
        self.assertEqual(departements, {"59": 2, "33": 1})
        self.assertEqual([(i.value, i.count) for i in results.facets["type"]], [("news", 3)])

    def test_filter_on_a_departement(self):
        titles = self.titles("parents", filters={"departement": ["33"]})
        self.assertEqual(titles, [self.pages["mediation"].title])

    def test_total_and_pages(self):
        results = search(SearchRequest(text="parents", per_page=2, page=2))
        self.assertEqual(results.total, 3)
        self.assertEqual(len(results.hits), 1)

    def test_autocomplete_offers_titles_and_communes(self):
        labels = [item["label"] for item in autocomplete("medi")]
        self.assertIn(self.pages["mediation"].title, labels)
        communes = [item["label"] for item in autocomplete("roubai")]
        self.assertIn("Roubaix (59)", communes)

    def suggested(self, prefix):
        return [item["label"] for item in autocomplete(prefix)]

    def test_autocomplete_completes_after_a_stop_word(self):
        self.assertIn(self.pages["sport"].title, self.suggested("forum des"))
        self.assertIn(self.pages["sport"].title, self.suggested("Forum des asso"))
        self.assertIn(self.pages["parentalite"].title, self.suggested("soutien à la p"))
        self.assertIn(self.pages["parentalite"].title, self.suggested("ateliers du"))
        self.assertNotIn(self.pages["parentalite"].title, self.suggested("forum des"))

    def test_autocomplete_expands_acronyms(self):
        self.assertIn(self.pages["laep"].title, self.suggested("LAEP"))
        self.assertIn(self.pages["laep"].title, self.suggested("laep roub"))
        self.assertIn(self.pages["laep"].title, self.suggested("lieu d'accueil enf"))


class SqlDatabaseSearchTests(FrenchSearchBehaviour, TestCase):
    """The embedded engine on the test database (SQLite FTS5, or PostgreSQL with DATABASE_URL)."""


@skipUnless(osmem_available(), "osmem-server (OpenSearch-compatible test server) is not installed")
class OpenSearchCompatibleTests(FrenchSearchBehaviour, TestCase):
    """The Elasticsearch engine against osmem-server, speaking plain application/json."""

    @classmethod
    def engine_settings(cls):
        return elastic_settings()

    def test_answers_come_from_the_cluster(self):
        self.assertEqual(search(SearchRequest(text="parentalite")).engine, "elasticsearch")
