"""Publishing, unpublishing, moving or deleting a page, or restricting it to members, bans exactly
what it changed from the proxy.

The bans go to a real HTTP server started by the test, which records them; each recorded
X-Ban-Url is then matched (as Varnish matches it against each cached URL) against the URLs a
visitor may have in the cache.
"""

import http.server
import re
import threading

from django.test import TestCase, override_settings
from wagtail.models import PageViewRestriction

from search.models import Synonym
from tests.builders import add_news, build_network
from tests.directory.builders import add_action, load_communes
from tests.members.builders import restrict

AFFECTED_BY_A_NORD_ACTION = [
    "/nord/annuaire/",
    "/nord/annuaire/?lieu=Roubaix&rayon=10&age=14",
    "/nord/annuaire/?page=2",
    "/annuaire/",
    "/annuaire/?q=caf%C3%A9",
    "/nord/",
    "/",
    "/recherche/?q=parents",
    "/recherche/suggestions/?q=caf",
    "/api/annuaire/actions/?departement=59",
    "/sitemap.xml",
]
UNRELATED_TO_A_NORD_ACTION = [
    "/gironde/annuaire/",
    "/gironde/annuaire/?lieu=Bordeaux",
    "/gironde/",
    "/nord/agenda/",
    "/agenda/ical/",
    "/nord/actualites/",
    "/ressources/",
]


class RecordingProxy(http.server.BaseHTTPRequestHandler):
    bans = []

    def do_BAN(self):  # noqa: N802 (the HTTP method's name)
        self.bans.append(self.headers["X-Ban-Url"])
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


class PurgeReachTests(TestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), RecordingProxy)
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()
        cls.settings = override_settings(
            FRONTEND_CACHE_URLS=[f"http://127.0.0.1:{cls.server.server_port}"]
        )
        cls.settings.enable()

    @classmethod
    def tearDownClass(cls):
        cls.settings.disable()
        cls.server.shutdown()
        super().tearDownClass()

    @classmethod
    def setUpTestData(cls):
        load_communes()
        cls.net = build_network()
        cls.neighbour = add_action(cls.net["nord"], "Atelier parents de Croix", town="Croix")

    def setUp(self):
        RecordingProxy.bans.clear()

    def banned(self):
        patterns = [re.compile(pattern) for pattern in RecordingProxy.bans]
        return lambda url: any(pattern.match(url) for pattern in patterns)

    def assert_reach(self, affected, unrelated):
        banned = self.banned()
        self.assertTrue(RecordingProxy.bans, "no ban reached the proxy")
        self.assertEqual([url for url in affected if not banned(url)], [])
        self.assertEqual([url for url in unrelated if banned(url)], [])

    def test_publishing_an_action_bans_it_its_listings_home_and_search(self):
        with self.captureOnCommitCallbacks(execute=True):
            action = add_action(self.net["nord"], "Café des parents de Roubaix")
        self.assertEqual(len(RecordingProxy.bans), 1, "one ban per publication")
        self.assert_reach(
            [action.url, f"{action.url}?utm=lettre", *AFFECTED_BY_A_NORD_ACTION],
            [self.neighbour.url, *UNRELATED_TO_A_NORD_ACTION],
        )

    def test_unpublishing_an_action_bans_the_same_reach(self):
        action = add_action(self.net["nord"], "Groupe de parole à Roubaix")
        RecordingProxy.bans.clear()
        with self.captureOnCommitCallbacks(execute=True):
            action.unpublish()
        self.assert_reach(
            [action.url, *AFFECTED_BY_A_NORD_ACTION],
            [self.neighbour.url, *UNRELATED_TO_A_NORD_ACTION],
        )

    def test_deleting_an_action_bans_its_old_places(self):
        action = add_action(self.net["nord"], "Médiation familiale à Roubaix")
        url = action.url
        RecordingProxy.bans.clear()
        with self.captureOnCommitCallbacks(execute=True):
            action.delete()
        self.assert_reach(
            [url, *AFFECTED_BY_A_NORD_ACTION], [self.neighbour.url, *UNRELATED_TO_A_NORD_ACTION]
        )

    def test_moving_an_action_bans_its_old_and_new_places(self):
        action = add_action(self.net["nord"], "Atelier des pères")
        old_url = action.url
        gironde_directory = self.net["gironde"].get_children().get(slug="annuaire")
        RecordingProxy.bans.clear()
        with self.captureOnCommitCallbacks(execute=True):
            action.move(gironde_directory, pos="last-child")
        action.refresh_from_db()
        self.assertNotEqual(action.url, old_url)
        self.assert_reach(
            [old_url, action.url, "/nord/annuaire/", "/gironde/annuaire/?page=2", "/annuaire/"]
            + ["/sitemap.xml"],
            [self.neighbour.url, "/nord/agenda/", "/gironde/agenda/", "/ressources/"],
        )

    def test_publishing_news_bans_its_listing_and_feed_not_the_directory(self):
        with self.captureOnCommitCallbacks(execute=True):
            news = add_news(self.net["gironde"], "Ciné-débat à Mérignac")
        self.assert_reach(
            [news.url, "/gironde/actualites/", "/gironde/actualites/flux/", "/actualites/flux/"]
            + ["/actualites/?page=2", "/gironde/", "/", "/sitemap.xml"],
            ["/nord/actualites/", "/nord/actualites/flux/", "/gironde/annuaire/", "/nord/"],
        )

    def test_restricting_a_page_or_lifting_it_bans_the_page_its_listings_and_the_sitemap(self):
        news = add_news(self.net["nord"], "Compte rendu de la rencontre départementale")
        affected = [news.url, "/nord/actualites/", "/actualites/", "/nord/", "/sitemap.xml"]
        unrelated = ["/gironde/actualites/", "/gironde/", self.neighbour.url]
        RecordingProxy.bans.clear()
        with self.captureOnCommitCallbacks(execute=True):
            restrict(news)
        self.assert_reach(affected, unrelated)
        RecordingProxy.bans.clear()
        with self.captureOnCommitCallbacks(execute=True):
            PageViewRestriction.objects.filter(page=news).delete()
        self.assert_reach(affected, unrelated)

    def test_changing_synonyms_bans_every_search_with_words(self):
        with self.captureOnCommitCallbacks(execute=True):
            Synonym.objects.create(terms="papa => père")
        self.assert_reach(
            ["/recherche/?q=papa", "/nord/annuaire/?q=papa", "/ressources/?q=papa"],
            ["/", "/nord/", "/nord/annuaire/", "/sitemap.xml", self.neighbour.url],
        )

    def test_no_proxy_configured_sends_nothing(self):
        with override_settings(FRONTEND_CACHE_URLS=[]), self.captureOnCommitCallbacks(execute=True):
            add_action(self.net["nord"], "Café sans proxy")
        self.assertEqual(RecordingProxy.bans, [])

    def test_a_feed_rebuilt_in_the_background_is_banned_once_ready(self):
        from events.ical import refresh_feed

        agenda = self.net["nord"].get_children().get(slug="agenda")
        with self.captureOnCommitCallbacks(execute=True):
            refresh_feed.call(
                agenda.pk, "/nord/agenda/ical/", "public=parents", "testserver", "http"
            )
        self.assert_reach(
            ["/nord/agenda/ical/", "/nord/agenda/ical/?public=parents"],
            ["/nord/agenda/", "/gironde/agenda/ical/", "/nord/annuaire/"],
        )
