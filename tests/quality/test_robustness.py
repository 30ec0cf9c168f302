"""Malformed query strings and form values sent to every discovered public endpoint: never a
server error; a malformed page number or other parameter is a readable 400, not a crash.

Endpoints come from `discovery.py` over the demo content (every live page type, their routes,
the argument-less Django URLs, feeds, downloads and the forms found on those pages)."""

import io
import os

from django.core.management import call_command
from django.test import Client, TestCase
from hypothesis import HealthCheck, given, settings

from tests.quality.discovery import discover_in_process
from tests.quality.malformed_input import form_data, query_strings

settings.register_profile(
    "ci",
    max_examples=15,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "thorough", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Discovered paths whose pages read no query parameter (detail pages, feeds, downloads).
PARAMETERLESS_EXAMPLES = 4
ACCEPTABLE = {200, 301, 302, 304, 400, 404, 405}
HUGE = "99999999999999999999"
MALFORMED_PAGES = ("abc", "-1", "0", "99999", HUGE, f"-{HUGE}", "1.5", "1e3", "", "9" * 5000, "%00")
# Values given to every parameter of an endpoint at once; several values repeat the parameter.
OUT_OF_RANGE = (
    (HUGE,),
    (f"-{HUGE}",),
    ("1.5e308",),
    ("",),
    ("x" * 5000,),
    ("1", "", HUGE),
    ("9999-99-99", "0000-00-00"),
)


class MalformedInputTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo_content", verbosity=0, stdout=io.StringIO())
        cls.site = discover_in_process(Client())

    def assert_handled(self, response, request):
        self.assertIn(response.status_code, ACCEPTABLE, request)
        if response.status_code == 400 and "html" in response.get("Content-Type", ""):
            # Either the site's 400 page or the form shown again with its errors announced.
            body = response.content.decode()
            self.assertTrue("Demande incorrecte" in body or 'role="alert"' in body, request)

    def test_discovery_found_the_public_endpoints(self):
        endpoints = self.site.endpoints()
        for path in (
            "/",
            "/nord/",
            "/recherche/",
            "/departements/aller/",
            "/nord/actualites/flux/",
        ):
            self.assertIn(path, endpoints)

    def test_every_public_page_sends_a_strict_content_security_policy(self):
        for url in self.site.sample_urls():
            with self.subTest(url=url):
                csp = self.client.get(url)["Content-Security-Policy"]
                self.assertIn("default-src 'self'", csp)
                self.assertIn("script-src 'self'", csp)
                self.assertNotIn("unsafe-inline", csp)
                self.assertNotIn("unsafe-eval", csp)

    def fuzz_query_string(self, path):
        names = self.site.params.get(path, set())

        @given(query=query_strings(names | {"page"}))
        def check(query):
            url = f"{path}?{query}"
            self.assert_handled(self.client.get(url), url)

        if not names:
            # A page that reads no parameter: a few strings show that it ignores them.
            check = settings(max_examples=PARAMETERLESS_EXAMPLES)(check)
        check()

    def fuzz_form(self, form):
        send = self.client.post if form.method == "post" else self.client.get

        @given(data=form_data([name for name in form.fields if name != "csrfmiddlewaretoken"]))
        def check(data):
            self.assert_handled(send(form.action, data), (form.action, data))

        check()

    def test_query_strings_never_cause_a_server_error(self):
        for path in self.site.endpoints():
            with self.subTest(path=path):
                self.fuzz_query_string(path)

    def test_form_values_never_cause_a_server_error(self):
        for form in self.site.forms:
            with self.subTest(action=form.action, method=form.method):
                self.fuzz_form(form)

    def test_malformed_page_numbers_are_a_readable_400(self):
        paginated = [path for path, names in self.site.params.items() if "page" in names]
        self.assertTrue(paginated, "no paginated listing found")
        for path in paginated:
            for value in MALFORMED_PAGES:
                response = self.client.get(f"{path}?page={value}")
                self.assertEqual(response.status_code, 400, (path, value))
                self.assertContains(response, "Demande incorrecte", status_code=400)
            # Repeated: the last value counts, as everywhere in Django.
            response = self.client.get(f"{path}?page=2&page={HUGE}")
            self.assertEqual(response.status_code, 400, path)

    def test_every_parameter_out_of_range_is_handled(self):
        """Each discovered endpoint with all its parameters at once huge, negative, float, empty,
        repeated or very long: a page or a readable 400, never a server error."""
        with_params = {path: names for path, names in self.site.params.items() if names}
        self.assertGreater(len(with_params), 5)
        for path, names in with_params.items():
            for values in OUT_OF_RANGE:
                query = "&".join(f"{name}={value}" for name in sorted(names) for value in values)
                url = f"{path}?{query}"
                self.assert_handled(self.client.get(url), url[:200])
