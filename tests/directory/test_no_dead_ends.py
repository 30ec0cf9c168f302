"""After a search the results come first, and a search never ends on an empty page."""

import io
import re

from django.core.management import call_command
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from directory import choices
from tests.builders import build_network
from tests.directory.builders import add_action, load_communes
from tests.resources.builders import add_resource


def results_heading(response):
    return re.search(r'<h2 id="results-title">\s*(.*?)\s*</h2>', response.content.decode(), re.S)


def way_out(response, label):
    """(href, count text) of the way out named `label`."""
    html = response.content.decode()
    match = re.search(
        r'<li>(?:<a href="([^"]*)">)?' + re.escape(label) + r"(?:</a>)?\s*"
        r'<span class="ways-out__count">\(([^)]*)\)</span>',
        html,
    )
    if match is None:
        return None
    return ((match.group(1) or "").replace("&amp;", "&") or None, match.group(2))


class ResultsFirstTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        load_communes()
        add_action(cls.net["nord"], "Café des parents de Roubaix", age_min=10, age_max=18)

    def test_the_search_folds_into_a_one_line_summary_before_the_results(self):
        response = self.client.get(
            "/annuaire/", {"lieu": "Roubaix", "rayon": 10, "age": 14, "gratuit": "on"}
        )
        html = response.content.decode()
        self.assertInHTML(
            '<span class="listing-filters__summary">'
            "Près de Roubaix · 10 km · 14 ans · Gratuit uniquement</span>",
            html,
        )
        self.assertIn('<details class="listing-filters">', html)  # folded
        self.assertLess(html.index("listing-filters__summary"), html.index("results-title"))
        self.assertLess(html.index("results-title"), html.index("Café des parents de Roubaix"))
        # "Plus de filtres" opens only because one of them is set.
        self.assertIn('<details class="directory-search__more" open>', html)

    def test_extra_filters_stay_closed_when_none_is_set(self):
        html = self.client.get("/annuaire/", {"lieu": "Roubaix", "age": 14}).content.decode()
        self.assertIn('<details class="directory-search__more">', html)

    def test_before_any_search_the_form_is_open(self):
        html = self.client.get("/annuaire/").content.decode()
        self.assertIn('<details class="listing-filters" open>', html)
        self.assertIn('<details class="directory-search__more">', html)

    def test_an_invalid_filter_keeps_the_form_open_with_its_error(self):
        response = self.client.get("/annuaire/", {"lieu": "Roubaix", "soir": "x", "age": "zz"})
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, '<details class="listing-filters" open>', status_code=400)


class ZeroResultTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        load_communes()
        nord = cls.net["nord"]
        add_action(nord, "Café des parents de Lille", town="Lille", age_min=0, age_max=21)
        add_action(nord, "Groupe de parole à Croix", town="Croix", age_min=0, age_max=6)
        add_action(
            nord,
            "Écoute téléphonique des parents",
            town="Dunkerque",
            age_min=0,
            age_max=18,
            mode=choices.Mode.DISTANCE,
        )
        add_action(cls.net["gironde"], "Café des parents de Bordeaux", town="Bordeaux")

    def test_why_and_ways_out_each_with_its_count(self):
        response = self.client.get("/nord/annuaire/", {"lieu": "Roubaix", "rayon": 5, "age": 14})
        self.assertEqual(response.status_code, 200)
        self.assertIn("0 résultat", results_heading(response).group(1))
        self.assertContains(
            response,
            "Aucune fiche ne répond à tous ces critères à la fois : "
            "Près de Roubaix · 5 km · 14 ans.",
        )
        # Lille is about 10.4 km from Roubaix: 20 km is the first radius that finds it.
        self.assertEqual(
            way_out(response, "Élargir à 20 km"),
            ("?lieu=Roubaix&rayon=20&age=14", "1 résultat"),
        )
        self.assertEqual(
            way_out(response, "Partout, sans « Près de Roubaix »"), ("?age=14", "2 résultats")
        )
        self.assertEqual(
            way_out(response, "Sans « 14 ans »"),
            ("?lieu=Roubaix&rayon=5", "1 résultat"),
        )
        self.assertEqual(
            way_out(response, "Les actions à distance (téléphone, en ligne)"),
            ("?age=14&mode=distance", "1 résultat"),
        )
        self.assertEqual(
            way_out(response, "Dans toute la France"),
            (None, "aucun résultat"),
        )
        self.assertContains(response, "Les plus proches, au-delà de 5 km")
        self.assertContains(response, "Café des parents de Lille</a> – Lille – <strong>")

    def test_every_way_out_leads_to_what_it_counted(self):
        response = self.client.get("/nord/annuaire/", {"lieu": "Roubaix", "rayon": 5, "age": 14})
        href, counted = way_out(response, "Partout, sans « Près de Roubaix »")
        followed = self.client.get("/nord/annuaire/" + href)
        self.assertIn(counted, results_heading(followed).group(1))

    def test_words_found_nowhere(self):
        response = self.client.get("/annuaire/", {"q": "zzzz"})
        self.assertIn("0 résultat", results_heading(response).group(1))
        self.assertContains(response, "Aucune fiche ne répond à tous ces critères à la fois")
        self.assertEqual(way_out(response, "Sans les mots « zzzz »"), ("?", "4 résultats"))

    def test_queries_stay_bounded_whatever_the_records(self):
        params = {"lieu": "Roubaix", "rayon": 5, "age": 14, "gratuit": "on", "theme": ""}
        self.client.get("/nord/annuaire/", params)  # warm caches
        with CaptureQueriesContext(connection) as before:
            self.client.get("/nord/annuaire/", params)
        for number in range(10):
            add_action(self.net["nord"], f"Atelier à Lille {number}", town="Lille")
        with CaptureQueriesContext(connection) as after:
            self.client.get("/nord/annuaire/", params)
        self.assertEqual(len(before.captured_queries), len(after.captured_queries))


class DepartementWithoutSectionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        load_communes()
        call_command("load_communes", departements=["69", "01"], stdout=io.StringIO())
        add_action(
            cls.net["nord"],
            "Écoute téléphonique des parents",
            town="Dunkerque",
            mode=choices.Mode.DISTANCE,
        )
        add_resource(cls.net["home"], "Guide national des premiers mois")

    def test_lyon_says_the_rhone_has_no_section_and_what_can_help(self):
        response = self.client.get("/annuaire/", {"lieu": "Lyon", "rayon": 10, "age": 14})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Le Rhône n'a pas encore de coordination sur ce site.")
        self.assertContains(response, "Les actions proposées dans le Rhône")
        self.assertContains(response, 'href="/ressources/"')
        self.assertContains(response, "(1 ressource)")
        self.assertEqual(
            way_out(response, "Les actions à distance (téléphone, en ligne)"),
            ("?age=14&mode=distance", "1 résultat"),
        )
        self.assertIn("0 résultat", results_heading(response).group(1))
        # The Dunkerque action is 600 km away: no help to a parent in Lyon, not "the nearest".
        self.assertNotContains(response, "Les plus proches")

    def test_a_section_s_directory_points_to_the_national_one(self):
        response = self.client.get("/nord/annuaire/", {"lieu": "Lyon", "rayon": 10})
        self.assertContains(response, "Le Rhône n'a pas encore de coordination")
        self.assertEqual(
            way_out(response, "Dans toute la France"),
            (None, "aucun résultat"),
        )
