"""Opening hours: parsed with opening-hours-py, Saturday/evening flags stable across DST."""

import datetime

from django.core.exceptions import ValidationError
from django.test import SimpleTestCase, TestCase

from directory import opening_hours
from directory.models import LieuRessourcePage
from tests.builders import build_network
from tests.directory.builders import add_lieu, load_communes

# Clocks go forward in Europe/Paris on Sunday 29 March 2026 and back on Sunday 25 October 2026.
WEEK_OF_SPRING_CHANGE = datetime.date(2026, 3, 26)
WEEK_OF_AUTUMN_CHANGE = datetime.date(2026, 10, 22)
WINTER_WEEK = datetime.date(2026, 2, 5)


class SummaryTests(SimpleTestCase):
    def test_evening_and_saturday_do_not_move_with_clock_changes(self):
        cases = {
            "Tu-Fr 14:00-19:00; Sa 10:00-12:30": (True, True),
            "Mo-Fr 09:00-12:00,14:00-17:30": (False, False),
            "Mo-Fr 09:00-12:00,14:00-18:00": (False, False),
            "Su 16:00-18:30": (False, True),
            "Sa 17:00-17:59": (True, False),
        }
        for expression, expected in cases.items():
            for week in (WINTER_WEEK, WEEK_OF_SPRING_CHANGE, WEEK_OF_AUTUMN_CHANGE):
                summary = opening_hours.summarize(expression, week)
                self.assertEqual(
                    (summary.open_saturday, summary.open_evening), expected, (expression, week)
                )

    def test_half_days_are_counted(self):
        self.assertEqual(opening_hours.summarize("Mo-Fr 09:00-12:00,14:00-17:00").half_days, 10)
        self.assertEqual(opening_hours.summarize("Mo 14:00-17:00; We 09:00-12:00").half_days, 2)
        self.assertEqual(opening_hours.summarize("Tu 09:00-17:00").half_days, 2)

    def test_invalid_syntax_is_a_french_validation_error(self):
        with self.assertRaises(ValidationError) as raised:
            opening_hours.parse("lundi 9h-12h")
        self.assertIn("Horaires illisibles", raised.exception.messages[0])


class LieuOpeningHoursTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        load_communes()

    def test_flags_are_stored_at_save_and_filterable(self):
        lieu = add_lieu(self.net["nord"], "Maison", opening_hours="Sa 09:00-12:00")
        self.assertTrue(LieuRessourcePage.objects.get(pk=lieu.pk).open_saturday)
        self.assertFalse(LieuRessourcePage.objects.get(pk=lieu.pk).open_evening)
        lieu.opening_hours = "We 17:00-19:00"
        lieu.save()
        self.assertEqual(
            list(LieuRessourcePage.objects.filter(open_evening=True, open_saturday=False)), [lieu]
        )

    def test_clean_rejects_bad_syntax_on_the_field(self):
        lieu = LieuRessourcePage(title="Maison", kind="autre", opening_hours="tous les jours")
        with self.assertRaises(ValidationError) as raised:
            lieu.clean()
        self.assertIn("opening_hours", raised.exception.message_dict)

    def test_warning_under_five_half_days(self):
        lieu = LieuRessourcePage(title="Maison", kind="autre", opening_hours="Mo 14:00-17:00")
        self.assertIn("ouvert 1 demi-journée par semaine", lieu.opening_warning)
        lieu.opening_hours = "Mo-Fr 09:00-12:00"
        self.assertIsNone(lieu.opening_warning)
