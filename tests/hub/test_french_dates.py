"""Dates shown to the public write the first of a month "1er": "1er janvier", never "1 janvier";
times of day are written one way everywhere: "9 h", "9 h 05", "19 h 30", with no-break spaces."""

import datetime

from django.template import engines
from django.test import SimpleTestCase
from django.utils import translation

from hub.dates import format_date, format_datetime, format_time


def render(template, **context):
    return engines["django"].from_string(template).render(context)


class FrenchOrdinalTests(SimpleTestCase):
    def setUp(self):
        translation.activate("fr")

    def test_date_filter_writes_the_first_as_an_ordinal_in_every_template(self):
        first = datetime.date(2027, 1, 1)
        self.assertEqual(render('{{ d|date:"j F Y" }}', d=first), "1er janvier 2027")
        self.assertEqual(render("{{ d|date }}", d=first), "1er janvier 2027")
        self.assertEqual(
            render('{{ d|date:"l j \\d\\u F Y" }}', d=datetime.datetime(2026, 5, 1, 9, 30)),
            "vendredi 1er du mai 2026",
        )

    def test_other_days_and_numeric_formats_are_unchanged(self):
        self.assertEqual(render('{{ d|date:"j F" }}', d=datetime.date(2027, 1, 2)), "2 janvier")
        self.assertEqual(
            render('{{ d|date:"SHORT_DATE_FORMAT" }}', d=datetime.date(2027, 1, 1)), "01/01/2027"
        )
        self.assertEqual(render('{{ d|date:"\\j" }}', d=datetime.date(2027, 1, 1)), "j")
        self.assertEqual(render('{{ d|date:"j" }}', d=""), "")

    def test_python_formatting(self):
        self.assertEqual(format_date(datetime.date(2026, 6, 1), "l j F"), "lundi 1er juin")


class FrenchTimeTests(SimpleTestCase):
    def setUp(self):
        translation.activate("fr")

    def test_hours_without_leading_zero_minutes_on_two_digits_no_break_spaces(self):
        cases = {
            datetime.time(9, 0): "9\u00a0h",
            datetime.time(9, 5): "9\u00a0h\u00a005",
            datetime.time(19, 30): "19\u00a0h\u00a030",
            datetime.time(0, 15): "0\u00a0h\u00a015",
            datetime.time(23, 59): "23\u00a0h\u00a059",
        }
        for value, text in cases.items():
            with self.subTest(value=value):
                self.assertEqual(format_time(value), text)
                self.assertEqual(render("{{ t|french_time }}", t=value), text)

    def test_an_aware_moment_is_told_in_paris_time_whatever_the_season(self):
        winter = datetime.datetime(2027, 3, 1, 8, 0, tzinfo=datetime.UTC)
        summer = datetime.datetime(2027, 4, 1, 7, 30, tzinfo=datetime.UTC)
        self.assertEqual(format_time(winter), "9\u00a0h")
        self.assertEqual(format_datetime(winter), "1er mars 2027 à 9\u00a0h")
        self.assertEqual(
            render("{{ m|french_datetime }}", m=summer), "1er avril 2027 à 9\u00a0h\u00a030"
        )
        self.assertEqual(
            render('{{ m|french_datetime:"l j F Y" }}', m=summer),
            "jeudi 1er avril 2027 à 9\u00a0h\u00a030",
        )

    def test_no_value_writes_nothing(self):
        self.assertEqual(render("{{ m|french_datetime }}{{ m|french_time }}", m=None), "")
        self.assertEqual(render("{{ m|french_datetime }}", m=""), "")
