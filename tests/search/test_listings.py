"""Every listing (directory, library, news, agenda) searches through the one interface: the same
French-aware words, filters and orders on the database engine and on an OpenSearch-compatible
server."""

import datetime
import re
from unittest import skipUnless

from django.test import TestCase, override_settings
from django.utils import timezone
from icalendar import Calendar

from directory import choices
from search.api import engines
from tests.builders import add_news, build_network
from tests.directory.builders import add_action, load_communes
from tests.events.builders import add_event
from tests.resources.builders import add_resource

from .content import reindex_everything
from .engines import EngineSwitchMixin, elastic_settings, osmem_available


def titles(response, tag):
    pattern = rf'<{tag}><a href="[^"]+">([^<]+)</a></{tag}>'
    return re.findall(pattern, response.content.decode())


def add_listing_content():
    """Actions, resources, news and events of the Nord (and one action in Gironde), indexed."""
    net = build_network()
    load_communes()
    nord, gironde = net["nord"], net["gironde"]
    soon = timezone.now() + datetime.timedelta(days=3)
    add_action(
        nord,
        "Médiation familiale à Roubaix",
        action_type=choices.ActionType.MEDIATION_FAMILIALE,
        next_session=soon + datetime.timedelta(days=20),
        age_min=0,
        age_max=17,
    )
    add_action(
        nord,
        "Les Petits Pas",
        action_type=choices.ActionType.LAEP,
        description="Lieu d'accueil enfants-parents pour les moins de six ans.",
        next_session=soon,
        age_min=0,
        age_max=5,
    )
    add_action(nord, "Atelier cuisine", description="Cuisiner ensemble.", age_min=6, age_max=12)
    add_action(gironde, "Médiation familiale à Bordeaux", town="Bordeaux")
    add_resource(nord, "Guide de la parentalité positive", summary="Repères pour les parents.")
    add_resource(nord, "Fiche pratique goûter", summary="Organiser un goûter.")
    add_news(nord, "Semaine de la parentalité", intro="Un programme pour toutes les familles.")
    add_news(nord, "Fermeture estivale", intro="Les bureaux ferment en août.")
    start = timezone.localdate() + datetime.timedelta(days=10)
    add_event(nord, "Conférence sur les écrans", start_date=start)
    add_event(nord, "Formation à l'écoute", start_date=start)
    reindex_everything()
    return net


class ListingBehaviour(EngineSwitchMixin):
    """Assertions every engine must satisfy; subclasses pick the engine."""

    @classmethod
    def setUpTestData(cls):
        cls.net = add_listing_content()

    def test_directory_words_forgive_accents_and_typos(self):
        response = self.client.get("/nord/annuaire/", {"q": "mediation familliale"})
        self.assertEqual(titles(response, "h3"), ["Médiation familiale à Roubaix"])

    def test_directory_words_expand_acronyms(self):
        response = self.client.get("/nord/annuaire/", {"q": "LAEP"})
        self.assertEqual(titles(response, "h3"), ["Les Petits Pas"])

    def test_directory_without_words_lists_the_soonest_session_first(self):
        response = self.client.get("/nord/annuaire/")
        self.assertEqual(
            titles(response, "h3"),
            ["Les Petits Pas", "Médiation familiale à Roubaix", "Atelier cuisine"],
        )

    def test_directory_age_filter_goes_through_the_engine(self):
        response = self.client.get("/nord/annuaire/", {"age": 8})
        self.assertEqual(
            titles(response, "h3"), ["Médiation familiale à Roubaix", "Atelier cuisine"]
        )

    def test_library_words(self):
        response = self.client.get("/nord/ressources/", {"q": "parentalite"})
        self.assertEqual(titles(response, "h2"), ["Guide de la parentalité positive"])
        self.assertContains(response, "1 ressource")

    def test_news_words(self):
        response = self.client.get("/nord/actualites/", {"q": "parentalite"})
        self.assertEqual(titles(response, "h2"), ["Semaine de la parentalité"])
        response = self.client.get("/nord/actualites/", {"q": "trottinette"})
        self.assertContains(response, "Aucune actualité ne correspond à « trottinette ».")

    def test_agenda_words_narrow_the_listing_and_its_feed(self):
        response = self.client.get("/nord/agenda/", {"q": "ecran"})
        html = response.content.decode()
        self.assertIn("Conférence sur les écrans", html)
        self.assertNotIn("Formation à l&#x27;écoute", html)
        feed = self.client.get("/nord/agenda/ical/", {"q": "ecran"})
        calendar = Calendar.from_ical(feed.content)
        summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
        self.assertEqual(summaries, ["Conférence sur les écrans"])

    def test_listing_only_filters_stay_off_the_search_page(self):
        response = self.client.get("/recherche/", {"q": "mediation"})
        self.assertContains(response, "Type d&#x27;action")
        self.assertNotContains(response, "Âge de l&#x27;enfant")


class DatabaseListingTests(ListingBehaviour, TestCase):
    pass


@skipUnless(osmem_available(), "osmem-server (OpenSearch-compatible test server) is not installed")
class OpenSearchCompatibleListingTests(ListingBehaviour, TestCase):
    @classmethod
    def engine_settings(cls):
        return elastic_settings()


class ListingsWhenTheClusterIsDownTests(TestCase):
    """Every listing still answers, from the database engine, and the failure is logged."""

    @classmethod
    def setUpTestData(cls):
        cls.net = add_listing_content()

    @override_settings(
        SEARCH_ENGINE="elasticsearch",
        ELASTICSEARCH_URL="http://127.0.0.1:9",
        SEARCH_ELASTICSEARCH_TIMEOUT=0.5,
    )
    def test_each_listing_answers_from_the_database(self):
        engines.reset()
        self.addCleanup(engines.reset)
        cases = {
            "/nord/annuaire/": "Médiation familiale à Roubaix",
            "/nord/ressources/": "Guide de la parentalité positive",
            "/nord/actualites/": "Semaine de la parentalité",
            "/nord/agenda/": "Conférence sur les écrans",
        }
        for url, title in cases.items():
            with self.subTest(url), self.assertLogs("search.api", level="ERROR"):
                response = self.client.get(url, {"q": title})
                self.assertContains(response, title)
