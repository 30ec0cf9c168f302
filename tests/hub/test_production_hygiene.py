"""Security headers, the health endpoint, and production settings that refuse to start unsafe."""

import os
import subprocess
import sys

from django.conf import settings
from django.test import TestCase


class HeadersAndHealthTests(TestCase):
    def test_public_pages_send_security_headers(self):
        response = self.client.get("/sante/")
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        self.assertEqual(response["Referrer-Policy"], "strict-origin-when-cross-origin")
        csp = response["Content-Security-Policy"]
        self.assertIn("default-src 'self'", csp)
        self.assertNotIn("unsafe-inline", csp)

    def test_health_endpoint_checks_the_database(self):
        response = self.client.get("/sante/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json(), {"status": "ok", "database": "ok"})

    def test_language_and_time_zone(self):
        self.assertEqual(settings.LANGUAGE_CODE, "fr")
        self.assertEqual(settings.TIME_ZONE, "Europe/Paris")


def run_with_production_settings(code, **env):
    """Production settings from `env` alone: nothing the shell exports leaks in."""
    environment = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "hub.settings.production",
        **env,
    }
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        capture_output=True,
        text=True,
        env=environment,
        cwd=settings.BASE_DIR,
        check=False,
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_with_production_settings("", SECRET_KEY="")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_passes_deploy_checks():
    result = run_with_production_settings(
        "from django.core.management import call_command; "
        "call_command('check', deploy=True, fail_level='WARNING')",
        SECRET_KEY="k" * 20 + "-production-secret-key-for-tests-only-0123456789",
        ALLOWED_HOSTS="hub.example.fr",
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
