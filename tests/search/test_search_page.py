"""The site-wide search page, its autocomplete and what happens when the cluster is down."""

from django.test import TestCase, override_settings
from django.urls import reverse

from search.api import engines
from tests.builders import build_network
from tests.events.builders import add_event
from tests.resources.builders import add_resource

from .content import add_articles, reindex_everything


class SearchPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.network = build_network()
        cls.pages = add_articles(cls.network)
        reindex_everything()

    def test_results_with_snippets_facets_and_suggestion(self):
        response = self.client.get(reverse("search"), {"q": "mediation familliale"})
        self.assertContains(response, self.pages["mediation"].title)
        self.assertContains(response, "<mark>médiation</mark>", html=False)
        self.assertContains(response, "Vouliez-vous dire")
        self.assertContains(response, 'name="departement" value="33"')

    def test_facet_filter_without_javascript(self):
        response = self.client.get(reverse("search"), {"q": "parents", "departement": "33"})
        self.assertContains(response, self.pages["mediation"].title)
        self.assertNotContains(response, self.pages["laep"].title)

    def test_malformed_query_strings_are_a_french_400(self):
        for params in (
            {"q": "x", "page": "deux"},
            {"q": "x", "tri": "hasard"},
            {"q": "x", "lat": "nord", "lon": "3"},
            {"q": "parents", "page": "9"},
        ):
            response = self.client.get(reverse("search"), params)
            self.assertEqual(response.status_code, 400, params)

    def test_autocomplete_answers_json(self):
        response = self.client.get(reverse("search_autocomplete"), {"q": "ecra"})
        labels = [item["label"] for item in response.json()["suggestions"]]
        self.assertIn(self.pages["ecrans"].title, labels)

    @override_settings(
        SEARCH_ENGINE="elasticsearch",
        ELASTICSEARCH_URL="http://127.0.0.1:9",
        SEARCH_ELASTICSEARCH_TIMEOUT=0.5,
    )
    def test_unreachable_cluster_answers_from_the_database_and_logs(self):
        engines.reset()
        self.addCleanup(engines.reset)
        with self.assertLogs("search.api", level="ERROR") as logs:
            response = self.client.get(reverse("search"), {"q": "parentalite"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, self.pages["parentalite"].title)
        self.assertIn("unavailable", logs.output[0])


class OneFilterGroupPerMeaningTests(TestCase):
    """Events and resources both have a public: the search page offers one "Public" group."""

    @classmethod
    def setUpTestData(cls):
        cls.network = build_network()
        cls.event = add_event(
            cls.network["nord"], "Atelier écrans pour parents", audience="parents"
        )
        cls.resource = add_resource(
            cls.network["nord"], "Guide écrans pour parents", audiences=["parents"]
        )
        reindex_everything()

    def test_public_is_one_group_counting_both_types_and_filtering_both(self):
        response = self.client.get(reverse("search"), {"q": "écrans"})
        self.assertContains(response, "<legend>Public</legend>", count=1, html=False)
        self.assertContains(response, 'name="public" value="parents"', count=1)
        self.assertContains(response, 'Parents <span class="meta">(2)</span>', html=False)
        response = self.client.get(reverse("search"), {"q": "écrans", "public": "parents"})
        self.assertContains(response, self.event.title)
        self.assertContains(response, self.resource.title)


class WordsThatCannotAllMatchTests(TestCase):
    """The closest results, the words that match nothing named, ways out with their counts."""

    @classmethod
    def setUpTestData(cls):
        cls.network = build_network()
        cls.pages = add_articles(cls.network)
        reindex_everything()

    def test_some_words_matching_show_approximate_results_and_name_the_others(self):
        response = self.client.get(reverse("search"), {"q": "écrans zzzz"})
        self.assertContains(response, "Résultats approchants")
        self.assertContains(response, "Aucun résultat pour « zzzz ».")
        self.assertContains(response, "Écrans et adolescents")
        self.assertContains(
            response, '<a href="?q=%C3%A9crans">Chercher seulement « écrans »</a>', html=False
        )
        self.assertContains(response, "(1 résultat)")

    def test_every_word_matching_shows_no_approximate_notice(self):
        response = self.client.get(reverse("search"), {"q": "écrans adolescents"})
        self.assertNotContains(response, "Résultats approchants")
        self.assertContains(response, "Écrans et adolescents")

    def test_no_result_says_why_and_offers_each_listing_with_its_count(self):
        response = self.client.get(reverse("search"), {"q": "trottinette"})
        self.assertContains(response, "0 résultat")
        self.assertContains(
            response, "Aucun résultat pour « trottinette » : aucun contenu du site ne contient"
        )
        self.assertContains(response, "Essayez plutôt")
        self.assertContains(response, "Parcourir « Actualités »</a>", html=False)
        self.assertContains(response, "(5 résultats)")
        self.assertContains(response, "Parcourir « Agenda »\n")
        self.assertContains(response, "(aucun résultat)")

    def test_no_result_within_a_filter_offers_the_search_without_it(self):
        response = self.client.get(reverse("search"), {"q": "LAEP", "departement": "33"})
        self.assertContains(response, "avec les filtres choisis")
        self.assertContains(
            response, '<a href="?q=LAEP">Sans le filtre « Gironde (33) »</a>', html=False
        )
        self.assertContains(response, "(1 résultat)")
