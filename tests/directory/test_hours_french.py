"""Opening hours told to parents in plain French: the week, the live state (Europe/Paris, across
clock changes), public holidays and temporary closures; simple French accepted as input."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.test import SimpleTestCase, TestCase
from django.utils import translation

from directory import hours_french, opening_hours
from directory.models import LieuClosure
from tests.builders import build_network
from tests.directory.builders import add_action, add_lieu, load_communes

UTC = datetime.UTC
NBSP = "\u00a0"
WEEKDAYS = "Mo-Fr 09:00-12:00,14:00-17:30; Sa 09:00-12:00; PH off"


def nb(text):
    """`text` with its times as the site writes them: no-break spaces in "9 h 30" and "9 h"."""
    return re.sub(r"(\d) h( (?=\d\d))?", lambda m: m[1] + NBSP + "h" + (NBSP if m[2] else ""), text)


def at(*args):
    return datetime.datetime(*args, tzinfo=UTC)


def visible(response):
    return response.content.decode().split("<main", 1)[1]


def state(expression, now, closures=(), departement_code="59"):
    found = opening_hours.live_state(expression, now, closures, departement_code)
    return hours_french.state_text(found, now)


class DescribeTests(SimpleTestCase):
    def setUp(self):
        translation.activate("fr")

    def test_expressions_read_in_plain_french(self):
        cases = {
            WEEKDAYS: "du lundi au vendredi, 9 h – 12 h et 14 h – 17 h 30 ; samedi, 9 h – 12 h ; "
            "fermé les jours fériés",
            "We 14:00-16:00": "mercredi, 14 h – 16 h ; fermé les jours fériés",
            "Mo,We,Fr 09:00-12:00": "lundi, mercredi et vendredi, 9 h – 12 h",
            "Sa,Su 10:00-12:00": "samedi et dimanche, 10 h – 12 h",
            "Mo-Su 09:00-18:00": "tous les jours, 9 h – 18 h",
            "Mo-We,Fr 08:30-12:00": "du lundi au mercredi et vendredi, 8 h 30 – 12 h",
            "Mo-Fr 09:00-17:00; We off": "lundi, mardi, jeudi et vendredi, 9 h – 17 h",
            "Mo-Fr 20:00-24:00": "du lundi au vendredi, 20 h – minuit",
            "24/7": "tous les jours, 24 h sur 24",
            "week 1-53/2 We 14:00-16:00": "les semaines impaires : mercredi, 14 h – 16 h",
            "week 2-52/2 We 14:00-16:00": "les semaines paires : mercredi, 14 h – 16 h",
            "We[1] 14:00-16:00": "le 1er mercredi du mois, 14 h – 16 h",
            "We[1,3] 14:00-16:00": "les 1er et 3e mercredis du mois, 14 h – 16 h",
            "Su[-1] 10:00-12:00": "le dernier dimanche du mois, 10 h – 12 h",
            "Mo-Fr 09:00-12:00; Jul-Aug off": "fermé en juillet et août",
            "PH 10:00-12:00; Mo-Fr 09:00-12:00": "jours fériés, 10 h – 12 h",
            'Tu 18:30-20:00 "sur inscription"': "mardi, 18 h 30 – 20 h ; sur inscription",
            # Forms not translated rule by rule are told from the coming week's hours.
            "Mo 10:00-12:00, Tu 14:00-16:00": "lundi, 10 h – 12 h ; mardi, 14 h – 16 h",
        }
        for expression, expected in cases.items():
            with self.subTest(expression):
                text = hours_french.describe(expression)
                self.assertIn(nb(expected), text)
                for english in ("Mo", "We ", "Sa", "PH", "off", ":00"):
                    self.assertNotIn(english, text)

    def test_holidays_are_closed_unless_said_otherwise(self):
        self.assertTrue(hours_french.describe("We 14:00-16:00").endswith("fermé les jours fériés"))
        self.assertNotIn(
            "fermé les jours fériés", hours_french.describe("PH 10:00-12:00; Mo 09:00-12:00")
        )

    def test_closure_text_uses_ordinals(self):
        closure = opening_hours.Closure(
            datetime.date(2026, 12, 21), datetime.date(2027, 1, 4), "congés"
        )
        self.assertEqual(
            hours_french.closure_text(closure), "Fermé du 21 décembre au 4 janvier : congés"
        )
        one_day = opening_hours.Closure(datetime.date(2026, 5, 1), datetime.date(2026, 5, 1))
        self.assertEqual(hours_french.closure_text(one_day), "Fermé le 1er mai")


class LiveStateTests(SimpleTestCase):
    def setUp(self):
        translation.activate("fr")

    def test_open_now_and_closing_time(self):
        # Friday 27 March 2026, 16:00 in Paris (UTC+1).
        self.assertEqual(
            state(WEEKDAYS, at(2026, 3, 27, 15, 0)), nb("ouvert maintenant · ferme à 17 h 30")
        )

    def test_closed_until_monday(self):
        # Saturday 28 March 2026, 13:00 in Paris.
        self.assertEqual(state(WEEKDAYS, at(2026, 3, 28, 12, 0)), nb("fermé · ouvre lundi à 9 h"))

    def test_wall_clock_follows_the_spring_clock_change(self):
        # Clocks go forward on Sunday 29 March 2026: 07:30 UTC is 8:30 the Monday before,
        # 9:30 the Monday after.
        self.assertEqual(state(WEEKDAYS, at(2026, 3, 23, 7, 30)), nb("fermé · ouvre à 9 h"))
        self.assertEqual(
            state(WEEKDAYS, at(2026, 3, 30, 7, 30)), nb("ouvert maintenant · ferme à 12 h")
        )

    def test_wall_clock_follows_the_autumn_clock_change(self):
        # Clocks go back on Sunday 25 October 2026: 07:30 UTC is 9:30 before, 8:30 after.
        self.assertEqual(
            state(WEEKDAYS, at(2026, 10, 23, 7, 30)), nb("ouvert maintenant · ferme à 12 h")
        )
        self.assertEqual(state(WEEKDAYS, at(2026, 10, 26, 7, 30)), nb("fermé · ouvre à 9 h"))
        # Sunday night, just after the change: opens on Monday.
        self.assertEqual(state(WEEKDAYS, at(2026, 10, 25, 1, 30)), nb("fermé · ouvre demain à 9 h"))

    def test_public_holidays_close_the_day(self):
        # Friday 25 December 2026, 10:00 in Paris; Thursday evening skips Christmas.
        self.assertEqual(
            state(WEEKDAYS, at(2026, 12, 25, 9, 0)),
            nb("fermé (jour férié : Noël) · ouvre demain à 9 h"),
        )
        self.assertEqual(state(WEEKDAYS, at(2026, 12, 24, 18, 0)), nb("fermé · ouvre samedi à 9 h"))
        # Ascension, 14 May 2026, although the expression says nothing about holidays.
        self.assertIn("Ascension", state("Mo-Fr 09:00-17:00", at(2026, 5, 14, 9, 0)))

    def test_holidays_of_alsace_moselle(self):
        # Saint-Étienne (26 December 2026, a Saturday) is a holiday in Moselle, not in the Nord.
        self.assertIn("jour férié", state(WEEKDAYS, at(2026, 12, 26, 9, 0), departement_code="57"))
        self.assertIn("ouvert maintenant", state(WEEKDAYS, at(2026, 12, 26, 9, 0)))

    def test_holiday_hours_when_given(self):
        self.assertEqual(
            state("PH 10:00-12:00; Mo-Fr 09:00-12:00", at(2026, 12, 25, 9, 30)),
            nb("ouvert maintenant · ferme à 12 h"),
        )

    def test_closures_close_every_day_of_the_range(self):
        closures = [
            opening_hours.Closure(datetime.date(2026, 12, 21), datetime.date(2027, 1, 4), "congés")
        ]
        self.assertEqual(
            state(WEEKDAYS, at(2026, 12, 22, 9, 0), closures),
            nb("fermé (congés) · ouvre le mardi 5 janvier à 9 h"),
        )

    def test_first_of_the_month_is_an_ordinal(self):
        closures = [
            opening_hours.Closure(datetime.date(2026, 5, 20), datetime.date(2026, 5, 31), "travaux")
        ]
        self.assertEqual(
            state(WEEKDAYS, at(2026, 5, 20, 9, 0), closures),
            nb("fermé (travaux) · ouvre le lundi 1er juin à 9 h"),
        )


class FrenchInputTests(SimpleTestCase):
    def test_simple_french_becomes_osm(self):
        cases = {
            "lundi 9h-12h": "Mo 09:00-12:00",
            "mercredi de 14h à 16h": "We 14:00-16:00",
            "du lundi au vendredi 9h-12h et 14h-17h30 ; samedi 9h-12h": (
                "Mo-Fr 09:00-12:00,14:00-17:30; Sa 09:00-12:00"
            ),
            "Lundi, mardi et jeudi : 9h à 12h": "Mo,Tu,Th 09:00-12:00",
            "lun-ven 9h-12h, 14h-17h; sam 10h-12h; jours fériés fermé": (
                "Mo-Fr 09:00-12:00,14:00-17:00; Sa 10:00-12:00; PH off"
            ),
            "Mo-Fr 09:00-12:00": "Mo-Fr 09:00-12:00",
        }
        for typed, expected in cases.items():
            with self.subTest(typed):
                self.assertEqual(opening_hours.to_expression(typed), expected)

    def test_unreadable_text_gets_a_french_error_with_an_example(self):
        with self.assertRaises(ValidationError) as raised:
            opening_hours.to_expression("le lundi matin")
        message = raised.exception.messages[0]
        self.assertIn("Horaires illisibles : « le lundi matin »", message)
        self.assertIn("du lundi au vendredi 9h-12h", message)
        self.assertNotIn("Failed", message)
        self.assertNotIn("-->", message)


class PublicPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        load_communes()
        cls.lieu = add_lieu(
            cls.net["nord"], "Maison des familles", opening_hours="Mo-Fr 09:00-12:00,14:00-17:30"
        )
        LieuClosure.objects.create(
            page=cls.lieu,
            start=datetime.date(2099, 12, 21),
            end=datetime.date(2100, 1, 4),
            reason="congés",
        )
        LieuClosure.objects.create(
            page=cls.lieu,
            start=datetime.date(2020, 1, 1),
            end=datetime.date(2020, 1, 2),
            reason="passée",
        )
        cls.action = add_action(
            cls.net["nord"], "Atelier du mercredi", opening_hours="We 14:00-16:00"
        )

    def test_lieu_page_shows_french_hours_state_and_coming_closures(self):
        response = self.client.get(self.lieu.url)
        self.assertContains(
            response,
            nb("Du lundi au vendredi, 9 h – 12 h et 14 h – 17 h 30 ; fermé les jours fériés"),
        )
        self.assertRegex(response.content.decode(), r"(Ouvert maintenant · ferme|Fermé.* · ouvre)")
        self.assertContains(response, "Fermé du 21 décembre au 4 janvier : congés")
        self.assertNotContains(response, "passée")
        # Structured data keeps the OSM expression; what parents read never does.
        self.assertNotIn("Mo-Fr 09:00", visible(response))

    def test_action_page_shows_french_hours(self):
        response = self.client.get(self.action.url)
        self.assertContains(response, nb("Mercredi, 14 h – 16 h"))
        self.assertNotIn("We 14:00", visible(response))

    def test_result_cards_show_french_hours(self):
        response = self.client.get(self.lieu.get_parent().url, {"contenu": "lieux"})
        self.assertContains(response, nb("du lundi au vendredi, 9 h – 12 h et 14 h – 17 h 30"))
        self.assertNotContains(response, "Mo-Fr 09:00")
