"""Every public page and feed can be kept by a shared cache and revalidated; nothing personal can.

The pages are discovered on the demo content (tests/quality/discovery.py), not listed: a new page
type, route, listing variant or feed is checked as soon as it exists.
"""

import io

from django.core.management import call_command
from django.test import Client, TestCase
from django.utils.cache import patch_vary_headers

from tests.builders import sign_in_with_second_factor
from tests.quality.discovery import discover_in_process

SHARED = "public, max-age=0, s-maxage=300, stale-while-revalidate=60"


def vary(response):
    return {value.strip().lower() for value in response.get("Vary", "").split(",") if value}


class PublicAnswersTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo_content", verbosity=0, stdout=io.StringIO())
        site = discover_in_process(Client())
        # A page carrying a POST form (Wagtail's password form of restricted pages, the forms of
        # the coordination, the newsletter's subscription, the porteurs' login) has a CSRF token:
        # personal. So is whatever sends an anonymous visitor to a login page.
        client = Client()
        cls.forms, to_login = [], []
        for url in site.sample_urls():
            response = client.get(url)
            if b"csrfmiddlewaretoken" in response.content:
                cls.forms.append(url)
            elif response.status_code == 302 and "connexion" in response.get("Location", ""):
                to_login.append(url)
        cls.pages = [url for url in site.sample_urls() if url not in cls.forms + to_login]
        cls.feeds = site.feeds
        cls.downloads = site.downloads + sorted(p for p in site.paths if "/telecharger/" in p)

    def test_discovery_found_every_kind_of_public_answer(self):
        self.assertGreaterEqual(len(self.pages), 20)
        self.assertTrue(any("/ical/" in url for url in self.feeds))
        self.assertTrue(any("/flux/" in url for url in self.feeds))

    def test_every_public_page_and_feed_is_shareable_with_validators(self):
        client = Client()
        for url in [*self.pages, *self.feeds]:
            with self.subTest(url=url):
                response = client.get(url)
                self.assertIn(response.status_code, (200, 301, 404))
                self.assertEqual(response["Cache-Control"], SHARED)
                self.assertTrue(response.has_header("ETag"))
                self.assertTrue(response.has_header("Last-Modified"))
                self.assertFalse(response.cookies, "an anonymous page sets a cookie")
                self.assertNotIn("cookie", vary(response))

    def test_pages_with_a_csrf_form_are_private(self):
        for url in self.forms:
            with self.subTest(url=url):
                response = Client().get(url)
                self.assertEqual(response["Cache-Control"], "private, no-store")

    def test_unchanged_pages_and_feeds_answer_304_to_either_validator(self):
        client = Client()
        for url in [*self.pages, *self.feeds]:
            first = client.get(url)
            if first.status_code != 200:
                continue
            with self.subTest(url=url, validator="If-None-Match"):
                response = client.get(url, headers={"If-None-Match": first["ETag"]})
                self.assertEqual(response.status_code, 304)
                self.assertEqual(response.content, b"")
                self.assertEqual(response["ETag"], first["ETag"])
                self.assertEqual(response["Cache-Control"], SHARED)
            with self.subTest(url=url, validator="If-Modified-Since"):
                response = client.get(url, headers={"If-Modified-Since": first["Last-Modified"]})
                self.assertEqual(response.status_code, 304)

    def test_a_stale_validator_gets_the_page(self):
        url = next(url for url in self.pages if "annuaire" in url)
        response = self.client.get(url, headers={"If-None-Match": '"autre-version"'})
        self.assertEqual(response.status_code, 200)
        response = self.client.get(
            url, headers={"If-Modified-Since": "Mon, 01 Jan 2024 00:00:00 GMT"}
        )
        self.assertEqual(response.status_code, 200)

    def test_an_anonymous_visitor_with_a_csrf_cookie_still_gets_the_shared_page(self):
        client = Client()
        client.cookies["csrftoken"] = "x" * 32
        response = client.get("/nord/annuaire/")
        self.assertEqual(response["Cache-Control"], SHARED)
        self.assertFalse(response.cookies)

    def test_pages_seen_by_a_signed_in_user_are_private(self):
        from django.contrib.auth import get_user_model

        client = Client()
        client.force_login(get_user_model().objects.get(username="coord-nord"))
        for url in self.pages[:10] + self.feeds[:3]:
            with self.subTest(url=url):
                response = client.get(url)
                self.assertEqual(response["Cache-Control"], "private, no-store")

    def test_downloads_are_counted_so_never_shared(self):
        self.assertTrue(self.downloads)
        for url in self.downloads[:3]:
            with self.subTest(url=url):
                response = Client().get(url)
                self.assertNotIn("public", response.get("Cache-Control", ""))
                self.assertNotIn("s-maxage", response.get("Cache-Control", ""))


class PersonalAnswersTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        from tests.builders import build_network

        cls.net = build_network()

    def test_login_and_admin_are_private(self):
        response = self.client.get("/admin/login/")
        self.assertEqual(response["Cache-Control"], "private, no-store")
        self.assertIn("csrftoken", response.cookies)
        sign_in_with_second_factor(self.client, self.net["admin"])
        for url in ("/admin/", "/admin/pages/", "/django-admin/"):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response["Cache-Control"], "private, no-store")

    def test_second_factor_screen_is_private(self):
        self.client.post(
            "/admin/login/", {"username": "admin-national", "password": "pw"}, follow=True
        )
        response = self.client.get("/admin/")
        self.assertEqual(response["Cache-Control"], "private, no-store")

    def test_bad_input_and_health_are_not_stored(self):
        response = self.client.get("/nord/actualites/", {"page": "abc"})
        self.assertEqual(response.status_code, 400)
        self.assertEqual(response["Cache-Control"], "no-store")
        self.assertEqual(self.client.get("/sante/")["Cache-Control"], "private, no-store")

    def test_a_post_is_never_stored(self):
        response = self.client.post("/recherche/", {"q": "parents"})
        self.assertIn("no-store", response["Cache-Control"])


def test_vary_on_other_headers_is_kept():
    """Only Cookie (and the single language) leave Vary: anything else a view varies on stays."""
    from django.http import HttpResponse
    from django.test import RequestFactory

    from hub.http_cache import SharedCacheMiddleware

    def view(request):
        response = HttpResponse("page")
        patch_vary_headers(response, ["Cookie", "Accept-Encoding", "Accept-Language"])
        return response

    response = SharedCacheMiddleware(view)(RequestFactory().get("/"))
    assert response["Vary"] == "Accept-Encoding"
    assert response["Cache-Control"] == SHARED
