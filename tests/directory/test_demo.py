"""The demo directory is big enough and answers the parent journey of the issue."""

import datetime
import io
import re

from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone

from directory import sessions
from directory.models import ActionPage, LieuRessourcePage, PromeneurPage, StructurePage


class DemoDirectoryTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo_content", stdout=io.StringIO())

    def test_demo_has_enough_records_in_both_departements(self):
        self.assertGreaterEqual(ActionPage.objects.live().count(), 150)
        self.assertGreaterEqual(LieuRessourcePage.objects.live().count(), 20)
        self.assertGreaterEqual(PromeneurPage.objects.live().count(), 15)
        for slug in ("nord", "gironde"):
            self.assertTrue(ActionPage.objects.filter(url_path__contains=f"/{slug}/").exists())

    def test_roubaix_10_km_age_14_lists_matching_actions_by_distance(self):
        response = self.client.get("/nord/annuaire/", {"lieu": "Roubaix", "rayon": 10, "age": 14})
        html = response.content.decode()
        distances = [
            float(value.replace(",", "."))
            for value in re.findall(r"<strong>([\d,]+)\xa0?\s?km</strong>", html)
        ]
        self.assertGreaterEqual(len(distances), 5)
        self.assertEqual(distances, sorted(distances))
        self.assertLessEqual(distances[-1], 10)

    def test_records_are_published_through_revisions_some_over_a_year_ago(self):
        records = ActionPage.objects.live()
        self.assertFalse(records.filter(live_revision=None).exists())
        a_year_ago = timezone.now() - datetime.timedelta(days=365)
        stale = records.filter(last_published_at__lt=a_year_ago).select_related("live_revision")
        self.assertTrue(stale.exists())
        for record in stale:
            self.assertEqual(record.first_published_at, record.last_published_at)
            self.assertEqual(record.live_revision.created_at, record.last_published_at)

    def test_every_record_has_a_street_address_and_every_action_a_contact(self):
        for model in (ActionPage, LieuRessourcePage, StructurePage):
            with self.subTest(model=model.__name__):
                # Live records: an action drafted from a retained dossier awaits its address.
                self.assertFalse(model.objects.live().filter(address="").exists())
        for action in ActionPage.objects.select_related("structure"):
            owner = action.structure
            self.assertTrue(
                action.phone or action.email or (owner and (owner.phone or owner.email)),
                action.title,
            )

    def test_titles_are_unique_and_age_ranges_consistent(self):
        for model in (ActionPage, LieuRessourcePage, StructurePage, PromeneurPage):
            titles = list(model.objects.values_list("title", flat=True))
            self.assertEqual(len(titles), len(set(titles)), model.__name__)
        for action in ActionPage.objects.all():
            self.assertLessEqual(action.age_min, action.age_max, action.title)

    def test_demo_schedules_agree_with_their_text_and_registration(self):
        actions = ActionPage.objects.live().prefetch_related("sessions", "cancelled_dates")
        for action in actions.select_related("structure"):
            days = {item.start_date for item in sessions.occurrences(action.sessions.all())}
            self.assertEqual(
                sessions.contradictions(
                    action.schedule, action.registration, action.registration_url, days
                ),
                {},
                action.title,
            )
            if action.registration == "inscription":
                self.assertTrue(action.registration_url or action.contact.phone, action.title)
            if action.sessions.all():
                self.assertTrue(action.upcoming_sessions, action.title)
