import io
import os
import subprocess
import sys

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase, override_settings

from hub.models import DepartementPage, NewsPage


class DemoContentTests(TestCase):
    """One demo load for the class (it takes seconds), with a password of the test's own."""

    @classmethod
    def setUpTestData(cls):
        with override_settings(DEMO_PASSWORD="un-autre-secret"):
            call_command("load_demo_content", stdout=io.StringIO())

    def test_demo_fills_two_departements_and_creates_accounts(self):
        self.assertEqual(
            set(DepartementPage.objects.values_list("departement__code", flat=True)), {"59", "33"}
        )
        self.assertGreaterEqual(NewsPage.objects.live().count(), 12)
        self.assertFalse(NewsPage.objects.filter(live_revision=None).exists())
        User = get_user_model()
        self.assertTrue(User.objects.get(username="admin-national").is_superuser)
        coordinator = User.objects.get(username="coord-nord")
        self.assertEqual([g.name for g in coordinator.groups.all()], ["Coordination Nord"])
        self.assertTrue(self.client.login(username="coord-nord", password="un-autre-secret"))

    def test_demo_porteurs_sign_in_and_find_a_change_pending_and_one_sent_back(self):
        from wagtail.models import WorkflowState

        self.assertTrue(self.client.login(username="porteur-nord", password="un-autre-secret"))
        home = self.client.get("/espace-porteurs/")
        self.assertEqual(home.status_code, 200)
        self.assertEqual(
            sorted(WorkflowState.objects.values_list("status", flat=True)),
            ["in_progress", "in_progress", "needs_changes", "needs_changes"],
        )
        sent_back = WorkflowState.objects.filter(
            status="needs_changes", requested_by__username="porteur-nord"
        ).get()
        record = self.client.get(f"/espace-porteurs/fiches/{sent_back.object_id}/")
        self.assertContains(record, "Modifications demandées par la coordination")

    def test_demo_password_comes_from_the_settings(self):
        User = get_user_model()
        self.assertTrue(
            User.objects.get(username="coord-gironde").check_password("un-autre-secret")
        )
        self.assertFalse(
            User.objects.get(username="coord-gironde").check_password(settings.DEMO_PASSWORD)
        )

    def test_demo_loads_once(self):
        call_command("load_demo_content", stdout=io.StringIO())
        self.assertEqual(DepartementPage.objects.count(), 2)

    def test_rhone_stays_without_a_section_to_show_that_path(self):
        self.assertTrue(DepartementPage.objects.exists())
        self.assertFalse(DepartementPage.objects.filter(departement__code="69").exists())


def demo_password_under_dev_settings(**env):
    environment = {"PATH": os.environ.get("PATH", ""), "DJANGO_SETTINGS_MODULE": "hub.settings.dev"}
    result = subprocess.run(
        [sys.executable, "-c", "from django.conf import settings; print(settings.DEMO_PASSWORD)"],
        capture_output=True,
        text=True,
        env={**environment, **env},
        cwd=settings.BASE_DIR,
        check=True,
    )
    return result.stdout.strip()


def test_make_run_takes_the_demo_password_from_the_environment():
    assert demo_password_under_dev_settings(DEMO_PASSWORD="un-autre-secret") == "un-autre-secret"
    assert demo_password_under_dev_settings() == settings.DEMO_PASSWORD_DEFAULT
