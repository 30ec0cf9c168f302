"""The demo shows a campaign under way in the Nord and records verified at varied dates."""

import io

from django.core.management import call_command
from django.test import TestCase

from directory.models import ActionPage
from porteurs.campaigns import follow_up
from porteurs.freshness import due_records
from porteurs.models import UpdateCampaign


class FreshnessDemoTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo_content", stdout=io.StringIO())

    def test_a_campaign_under_way_in_the_nord_with_every_status(self):
        campaign = UpdateCampaign.objects.get()
        self.assertEqual(campaign.section.departement.code, "59")
        _rows, counts = follow_up(campaign)
        for name in ("confirmed", "changed", "no_answer", "reminded"):
            self.assertGreater(counts[name], 0, name)

    def test_verification_dates_vary_and_some_records_are_overdue(self):
        dates = {action.verified_at.date() for action in ActionPage.objects.live()}
        self.assertGreater(len(dates), 10)
        self.assertTrue(ActionPage.objects.filter(confirmed_at__isnull=False).exists())
        self.assertGreaterEqual(len(due_records()), 2)
