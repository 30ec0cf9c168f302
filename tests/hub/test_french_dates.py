"""Dates shown to the public write the first of a month "1er": "1er janvier", never "1 janvier"."""

import datetime

from django.template import engines
from django.test import SimpleTestCase
from django.utils import translation

from hub.dates import format_date


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
            render('{{ d|date:"l j F Y à H\\hi" }}', d=datetime.datetime(2026, 5, 1, 9, 30)),
            "vendredi 1er mai 2026 à 09h30",
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
