"""Password guessing on the login pages is blocked per username and IP, with a French message."""

from django.core.cache import cache
from django.test import TestCase, override_settings

from tests.builders import build_network

ADMIN_LOGIN = "/admin/login/"


@override_settings(LOGIN_FAILURE_LIMIT=3)
class LoginThrottleTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_network()

    def setUp(self):
        cache.clear()

    def attempt(self, username, password, url=ADMIN_LOGIN, ip="203.0.113.7"):
        return self.client.post(url, {"username": username, "password": password}, REMOTE_ADDR=ip)

    def fail(self, times, username="coord-nord", **kwargs):
        for _ in range(times):
            response = self.attempt(username, "mauvais", **kwargs)
            self.assertEqual(response.status_code, 200)  # the form, with its error

    def test_right_password_is_refused_after_too_many_failures(self):
        self.fail(3)
        response = self.attempt("coord-nord", "pw")
        self.assertContains(response, "Trop de tentatives de connexion", status_code=429)
        self.assertContains(response, "réessayez dans 15 minutes", status_code=429)
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_below_the_limit_the_right_password_works(self):
        self.fail(2)
        self.assertRedirects(
            self.attempt("coord-nord", "pw"), "/admin/", fetch_redirect_response=False
        )

    def test_success_resets_the_count(self):
        self.fail(2)
        self.attempt("coord-nord", "pw")
        self.client.logout()
        self.fail(2)
        self.assertEqual(self.attempt("coord-nord", "pw").status_code, 302)

    def test_block_is_per_username_and_ip(self):
        self.fail(3)
        self.assertEqual(self.attempt("coord-gironde", "pw").status_code, 302)
        self.client.logout()
        self.assertEqual(self.attempt("coord-nord", "pw", ip="198.51.100.2").status_code, 302)

    def test_username_case_does_not_reset_the_count(self):
        self.fail(2)
        self.fail(1, username="COORD-NORD")
        self.assertEqual(self.attempt("coord-nord", "pw").status_code, 429)

    def test_django_admin_login_is_throttled_too(self):
        self.fail(3, url="/django-admin/login/")
        response = self.attempt("coord-nord", "pw", url="/django-admin/login/")
        self.assertEqual(response.status_code, 429)


@override_settings(LOGIN_FAILURE_LIMIT=3, TRUSTED_PROXY_COUNT=1)
class LoginThrottleBehindAProxyTests(TestCase):
    """Behind one reverse proxy every request comes from its address: X-Forwarded-For tells the
    visitors apart, and only its last entry (written by the proxy) is believed."""

    PROXY = "10.0.0.2"

    @classmethod
    def setUpTestData(cls):
        build_network()

    def setUp(self):
        cache.clear()

    def attempt(self, password, forwarded_for):
        return self.client.post(
            ADMIN_LOGIN,
            {"username": "coord-nord", "password": password},
            REMOTE_ADDR=self.PROXY,
            HTTP_X_FORWARDED_FOR=forwarded_for,
        )

    def test_a_guesser_behind_the_proxy_does_not_lock_out_another_visitor(self):
        for _ in range(3):
            self.attempt("mauvais", "203.0.113.7")
        self.assertEqual(self.attempt("pw", "203.0.113.7").status_code, 429)
        self.assertEqual(self.attempt("pw", "198.51.100.2").status_code, 302)

    def test_a_forged_first_entry_does_not_escape_the_block(self):
        for number in range(3):
            self.attempt("mauvais", f"192.0.2.{number}, 203.0.113.7")
        self.assertEqual(self.attempt("pw", "192.0.2.99, 203.0.113.7").status_code, 429)
