"""Two-factor authentication: required for national administrators, optional for coordinators,
TOTP codes computed from the device key, recovery codes used once, wrong codes throttled."""

import io

from django.core.management import call_command
from django.test import TestCase, override_settings
from django.urls import reverse
from django_otp import devices_for_user
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from hub.two_factor import new_recovery_codes
from tests.builders import build_network

PASSWORD = "mot-de-passe-de-test"
REFUSED = "Ce code n&#x27;est pas valide"


def code_of(device, offset=0):
    """The six digits the person's app shows now (`offset` steps later)."""
    number = totp(device.bin_key, step=device.step, t0=device.t0, digits=6, drift=offset)
    return f"{number:06d}"


def forget_failures(user):
    """Skip django-otp's own back-off (a second or more) that follows a wrong code."""
    for device in devices_for_user(user, confirmed=None):
        device.throttle_reset()


class TwoFactorTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        for user in (cls.net["admin"], cls.net["coord_nord"]):
            user.set_password(PASSWORD)
            user.save()

    def sign_in(self, user):
        return self.client.post(
            reverse("wagtailadmin_login"),
            {"username": user.username, "password": PASSWORD, "next": reverse("wagtailadmin_home")},
        )

    def enrolled(self, user):
        device = TOTPDevice.objects.create(user=user, name="Application", confirmed=True)
        return device, new_recovery_codes(user)

    def test_superuser_without_a_device_is_sent_to_enrolment(self):
        self.sign_in(self.net["admin"])
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertRedirects(
            response,
            f"{reverse('two_factor_enrol')}?next={reverse('wagtailadmin_home')}",
            fetch_redirect_response=False,
        )
        response = self.client.get(reverse("wagtailadmin_explore_root"))
        self.assertEqual(response.status_code, 302)
        response = self.client.get("/django-admin/")
        self.assertEqual(response.status_code, 302)
        page = self.client.get(reverse("two_factor_enrol"))
        self.assertContains(page, "Double authentification")
        self.assertContains(page, "<svg")
        self.assertContains(page, "doivent utiliser la double authentification")

    def test_enrolment_with_a_right_code_shows_recovery_codes_and_lets_in(self):
        self.sign_in(self.net["admin"])
        self.client.get(reverse("two_factor_enrol"))
        device = TOTPDevice.objects.get(user=self.net["admin"])
        self.assertFalse(device.confirmed)
        response = self.client.post(reverse("two_factor_enrol"), {"code": "000000"})
        self.assertContains(response, REFUSED)
        forget_failures(self.net["admin"])
        response = self.client.post(reverse("two_factor_enrol"), {"code": code_of(device)})
        self.assertContains(response, "Codes de secours")
        self.assertEqual(StaticToken.objects.filter(device__user=self.net["admin"]).count(), 10)
        device.refresh_from_db()
        self.assertTrue(device.confirmed)
        self.assertEqual(self.client.get(reverse("wagtailadmin_home")).status_code, 200)

    def test_with_a_device_a_wrong_code_is_refused_and_a_right_one_lets_in(self):
        device, _codes = self.enrolled(self.net["admin"])
        self.sign_in(self.net["admin"])
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertRedirects(
            response,
            f"{reverse('two_factor_verify')}?next={reverse('wagtailadmin_home')}",
            fetch_redirect_response=False,
        )
        wrong = f"{(int(code_of(device)) + 1) % 1_000_000:06d}"
        response = self.client.post(reverse("two_factor_verify"), {"code": wrong})
        self.assertContains(response, REFUSED)
        self.assertEqual(self.client.get(reverse("wagtailadmin_home")).status_code, 302)
        forget_failures(self.net["admin"])
        response = self.client.post(
            reverse("two_factor_verify"),
            {"code": code_of(device), "next": reverse("wagtailadmin_home")},
        )
        self.assertRedirects(response, reverse("wagtailadmin_home"))
        self.assertEqual(self.client.get(reverse("wagtailadmin_home")).status_code, 200)

    def test_a_recovery_code_works_once(self):
        _device, codes = self.enrolled(self.net["admin"])
        self.sign_in(self.net["admin"])
        response = self.client.post(reverse("two_factor_verify"), {"code": codes[0]})
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.client.get(reverse("wagtailadmin_home")).status_code, 200)
        self.client.logout()
        self.sign_in(self.net["admin"])
        response = self.client.post(reverse("two_factor_verify"), {"code": codes[0]})
        self.assertContains(response, REFUSED)
        forget_failures(self.net["admin"])
        response = self.client.post(reverse("two_factor_verify"), {"code": codes[1]})
        self.assertEqual(response.status_code, 302)

    def test_coordinator_without_a_device_signs_in_normally_and_may_enrol(self):
        self.sign_in(self.net["coord_nord"])
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, reverse("two_factor_enrol"))
        self.assertContains(self.client.get(reverse("two_factor_enrol")), "<svg")

    def test_coordinator_with_a_device_is_asked_for_the_code(self):
        self.enrolled(self.net["coord_nord"])
        self.sign_in(self.net["coord_nord"])
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith(reverse("two_factor_verify")))

    @override_settings(LOGIN_FAILURE_LIMIT=3)
    def test_wrong_codes_are_throttled_like_passwords(self):
        device, _codes = self.enrolled(self.net["admin"])
        self.sign_in(self.net["admin"])
        for _attempt in range(3):
            self.client.post(reverse("two_factor_verify"), {"code": "12345678"})
        response = self.client.post(reverse("two_factor_verify"), {"code": code_of(device)})
        self.assertContains(response, "Trop de tentatives", status_code=429)

    @override_settings(TWO_FACTOR_REQUIRED_FOR_ADMINS=False)
    def test_development_settings_may_switch_enforcement_off(self):
        self.sign_in(self.net["admin"])
        self.assertEqual(self.client.get(reverse("wagtailadmin_home")).status_code, 200)

    def test_an_administrator_resets_a_lost_device(self):
        self.enrolled(self.net["coord_nord"])
        out = io.StringIO()
        call_command("reset_two_factor", self.net["coord_nord"].username, stdout=out)
        self.assertIn("2 dispositif(s)", out.getvalue())
        self.sign_in(self.net["coord_nord"])
        self.assertEqual(self.client.get(reverse("wagtailadmin_home")).status_code, 200)
