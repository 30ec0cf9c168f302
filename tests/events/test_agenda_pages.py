"""What a visitor sees in the agenda: upcoming list, month grid, archive, filters, detail page."""

import datetime
import json
import re
from unittest import mock

from django.core.cache import cache
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.models import EventPage
from tests.builders import build_network
from tests.events.builders import add_event

# "Today" for these tests: Thursday 26 November 2026, 10:00 in Paris.
NOW = datetime.datetime(2026, 11, 26, 9, 0, tzinfo=datetime.UTC)


def frozen_now():
    return mock.patch.object(timezone, "now", return_value=NOW)


class AgendaPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        nord, gironde = cls.net["nord"], cls.net["gironde"]
        cls.past = add_event(
            nord, "Comité de pilotage de juin", start_date=datetime.date(2026, 6, 9)
        )
        cls.weekly = add_event(
            nord,
            "Analyse de la pratique",
            kind=EventPage.Kind.ANALYSE_PRATIQUE,
            start_date=datetime.date(2026, 11, 10),
            recurrence="weekly",
            recurrence_count=5,
            exception_dates=[datetime.date(2026, 12, 1)],
        )
        cls.ciné = add_event(
            gironde,
            "Ciné-débat à Mérignac",
            kind=EventPage.Kind.TEMPS_FORT_PARENTS,
            audience=EventPage.Audience.PARENTS,
            start_date=datetime.date(2026, 12, 4),
            start_time=datetime.time(19),
            end_time=datetime.time(21),
            commune="Mérignac",
            venue_name="Centre social du Burck",
            latitude="44.832200",
            longitude="-0.644200",
            registration_url="https://inscriptions.example.fr/cine",
            registration_contact="cine@merignac.example.fr ou 05 56 00 11 22",
            capacity=80,
        )
        cls.cancelled = add_event(
            gironde,
            "Journée départementale annulée",
            kind=EventPage.Kind.JOURNEE_DEPARTEMENTALE,
            start_date=datetime.date(2026, 12, 15),
            start_time=None,
            end_time=None,
            status=EventPage.Status.CANCELLED,
        )

    def test_upcoming_list_shows_each_future_session_in_french(self):
        with frozen_now():
            response = self.client.get("/nord/agenda/")
        html = response.content.decode()
        self.assertIn("Mardi 8 décembre 2026, de 14\u00a0h à 16\u00a0h", html)
        self.assertNotIn("Mardi 1er décembre 2026", html)  # an exception date
        self.assertNotIn("Comité de pilotage de juin", html)
        self.assertNotIn("Ciné-débat", html)  # another département
        # 10, 17 and 24 November are past, 1 December is an exception date: 8 December is left.
        self.assertEqual(html.count("Analyse de la pratique</a>"), 1)

    def test_national_agenda_lists_every_departement_and_filters(self):
        with frozen_now():
            response = self.client.get("/agenda/")
            self.assertContains(response, "Ciné-débat à Mérignac")
            self.assertContains(response, "Analyse de la pratique")
            filtered = self.client.get("/agenda/", {"departement": "33", "public": "parents"})
        self.assertContains(filtered, "Ciné-débat à Mérignac")
        self.assertNotContains(filtered, "Analyse de la pratique</a>")
        self.assertContains(filtered, '<option value="33" selected>')
        self.assertContains(
            filtered, "webcal://testserver/agenda/ical/?public=parents&amp;departement=33"
        )
        self.assertContains(
            filtered, "http://testserver/agenda/ical/?public=parents&amp;departement=33"
        )

    def test_subscription_box_explains_each_calendar_application(self):
        response = self.client.get("/nord/agenda/")
        self.assertContains(response, 'href="webcal://testserver/nord/agenda/ical/"')
        for application in ("Outlook", "Google Agenda", "Thunderbird", "Apple Calendrier"):
            self.assertContains(response, application)

    def test_subscription_box_is_reachable_from_the_top_of_the_agenda(self):
        for url in ("/nord/agenda/", "/nord/agenda/mois/2026-12/"):
            html = self.client.get(url).content.decode()
            link = html.index('<a href="#abonnement-titre">S\'abonner à cet agenda</a>')
            self.assertLess(link, html.index('class="agenda-filters"'))
            self.assertIn('id="abonnement-titre"', html)
        # The archive has no subscription box, so no link to it.
        self.assertNotContains(self.client.get("/nord/agenda/archives/"), "#abonnement-titre")

    def test_month_grid_days_read_as_a_list_on_phones(self):
        """Each day carries its weekday and month for the phone layout (a list of the days
        that have events); days without events are marked so that the phone layout hides them."""
        html = self.client.get("/nord/agenda/mois/2026-12/").content.decode()
        self.assertIn(
            '<td class="">\n          <span class="month-grid__day">'
            '<span class="month-grid__weekday">mardi </span>8'
            '<span class="month-grid__month"> décembre</span></span>',
            html,
        )
        self.assertIn(
            '<td class="month-grid__empty">\n          <span class="month-grid__day">'
            '<span class="month-grid__weekday">mercredi </span>9<',
            html,
        )
        self.assertIn('<td class="month-grid__other">', html)  # 30 November

    def test_cancelled_event_is_shown_as_cancelled(self):
        with frozen_now():
            response = self.client.get("/gironde/agenda/")
        self.assertContains(response, "Journée départementale annulée")
        self.assertContains(response, "status--cancelled")
        self.assertContains(response, "Mardi 15 décembre 2026, toute la journée")

    def test_archive_lists_past_sessions_most_recent_first(self):
        with frozen_now():
            response = self.client.get("/nord/agenda/archives/")
        html = response.content.decode()
        self.assertLess(html.index("Mardi 17 novembre 2026"), html.index("Mardi 10 novembre 2026"))
        self.assertLess(
            html.index("Mardi 10 novembre 2026"), html.index("Comité de pilotage de juin")
        )
        self.assertNotIn("8 décembre", html)

    def test_month_grid_places_sessions_on_their_days(self):
        response = self.client.get("/nord/agenda/mois/2026-12/")
        grid = response.content.decode()
        self.assertIn("décembre 2026 : 1 événement", grid)  # 8 December, not the 1st
        self.assertIn('href="/nord/agenda/mois/2026-11/"', grid)
        self.assertIn('href="/nord/agenda/mois/2027-01/"', grid)
        filtered = self.client.get("/agenda/mois/2026-12/", {"type": "temps-fort-parents"})
        self.assertContains(filtered, "19\u00a0h Ciné-débat à Mérignac")
        self.assertNotContains(filtered, "Analyse de la pratique</a>")
        self.assertContains(filtered, 'href="/agenda/mois/2027-01/?type=temps-fort-parents"')

    def test_malformed_month_and_filters_are_readable_400s(self):
        self.assertContains(
            self.client.get("/nord/agenda/mois/2026-13/"),
            "Le mois « 2026-13 » n&#x27;existe pas",
            status_code=400,
        )
        self.assertContains(
            self.client.get("/agenda/", {"type": "kermesse"}),
            "« kermesse » n&#x27;existe pas",
            status_code=400,
        )

    def test_detail_page_has_schema_org_json_ld(self):
        with frozen_now():
            response = self.client.get(self.ciné.url)
        self.assertContains(response, "Vendredi 4 décembre 2026, de 19\u00a0h à 21\u00a0h")
        self.assertContains(response, f'href="{self.ciné.url}ical/"')
        block = re.search(
            r'<script type="application/ld\+json">(.*?)</script>',
            response.content.decode(),
            re.S,
        )
        data = json.loads(block.group(1))
        self.assertEqual(data["@type"], "Event")
        self.assertEqual(data["startDate"], "2026-12-04T19:00:00+01:00")
        self.assertEqual(data["eventStatus"], "https://schema.org/EventScheduled")
        self.assertEqual(data["location"]["address"]["addressLocality"], "Mérignac")
        self.assertEqual(data["location"]["geo"]["latitude"], 44.8322)
        self.assertEqual(data["maximumAttendeeCapacity"], 80)

    def test_registration_contact_links_its_e_mail_and_phone(self):
        response = self.client.get(self.ciné.url)
        self.assertContains(
            response,
            '<a href="mailto:cine@merignac.example.fr">cine@merignac.example.fr</a> ou '
            '<a href="tel:+33556001122">05 56 00 11 22</a>',
        )

    def test_the_first_of_a_month_is_an_ordinal_and_times_read_the_french_way(self):
        event = add_event(
            self.net["nord"],
            "Rencontre des parents d'ados",
            start_date=datetime.date(2027, 2, 1),
            start_time=datetime.time(9, 30),
            end_time=datetime.time(12),
        )
        with frozen_now():
            response = self.client.get(event.url)
        self.assertContains(response, "Lundi 1er février 2027, de 9\u00a0h\u00a030 à 12\u00a0h")

    def test_recurring_detail_page_lists_next_dates_and_rule(self):
        with frozen_now():
            response = self.client.get(self.weekly.url)
        self.assertContains(response, "Chaque mardi, 5 séances")
        self.assertContains(response, "3 séances passées")
        self.assertNotContains(response, "Mardi 1er décembre 2026")

    def test_listing_query_count_does_not_grow_with_events(self):
        urls = ["/agenda/", "/agenda/mois/2026-12/", "/agenda/archives/", "/agenda/ical/"]
        before = {url: self._queries(url) for url in urls}
        for number in range(6):
            add_event(
                self.net["gironde"],
                f"Rencontre {number}",
                start_date=datetime.date(2026, 12, 2 + number),
                recurrence="weekly",
                recurrence_count=2,
                exception_dates=[datetime.date(2026, 12, 9 + number)],
            )
        after = {url: self._queries(url) for url in urls}
        self.assertEqual(before, after)

    def _queries(self, url):
        cache.clear()  # feeds: the count of a build, not of the previous version served
        with frozen_now(), CaptureQueriesContext(connection) as context:
            response = self.client.get(url, HTTP_IF_NONE_MATCH="")
        self.assertEqual(response.status_code, 200)
        return len(context)
