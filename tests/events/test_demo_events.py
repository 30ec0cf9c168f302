"""The demo agenda is rich enough to show every feature."""

import io

from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone

from events.models import EventAttendance, EventPage


class DemoEventsTests(TestCase):
    def test_demo_agenda_covers_past_and_coming_months(self):
        call_command("load_demo_content", stdout=io.StringIO())
        events = EventPage.objects.live()
        self.assertGreaterEqual(events.count(), 40)
        self.assertEqual(set(events.values_list("departement__code", flat=True)), {"59", "33"})
        today = timezone.localdate()
        self.assertTrue(events.filter(start_date__lt=today - timezone.timedelta(days=150)).exists())
        self.assertTrue(events.filter(start_date__gt=today + timezone.timedelta(days=140)).exists())
        self.assertGreaterEqual(events.exclude(recurrence="").count(), 4)
        self.assertTrue(events.filter(status=EventPage.Status.CANCELLED).exists())
        self.assertTrue(EventAttendance.objects.filter(date__lt=today).exists())
        self.assertFalse(EventAttendance.objects.filter(date__gte=today).exists())
        for url in ("/agenda/", "/nord/agenda/archives/", "/gironde/agenda/ical/"):
            self.assertEqual(self.client.get(url).status_code, 200, url)
