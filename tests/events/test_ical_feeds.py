"""Every kind of iCalendar feed, parsed back with `icalendar` and expanded with the independent
`recurring-ical-events`, shows exactly the occurrences the site shows."""

import datetime

import icalendar
import recurring_ical_events
from django.test import TestCase

from events.filters import EventFilters
from events.ical import event_uid
from events.models import EventPage
from hub import recurrence
from territories.models import Departement
from tests.builders import build_network
from tests.events.builders import add_event, agenda, edit_event
from tests.mail_server import run_queued_tasks

WINDOW = (datetime.date(2020, 1, 1), datetime.date(2035, 1, 1))


def parse(response):
    return icalendar.Calendar.from_ical(response.content)


def feed_occurrences(calendar):
    return {
        (str(item["UID"]), item.decoded("DTSTART"), item.decoded("DTEND"))
        for item in recurring_ical_events.of(calendar).between(*WINDOW)
    }


def site_occurrences(index_page, filters):
    return {
        (event_uid(item.event), item.start, item.end)
        for item in recurrence.occurrences(index_page.events(filters))
    }


class FeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        nord, gironde = cls.net["nord"], cls.net["gironde"]
        # Crosses the March DST change (29 March 2026), one session cancelled.
        cls.weekly = add_event(
            nord,
            "Analyse de la pratique",
            kind=EventPage.Kind.ANALYSE_PRATIQUE,
            recurrence="weekly",
            recurrence_count=6,
            exception_dates=[datetime.date(2026, 3, 24)],
            latitude="50.631100",
            longitude="3.052700",
            venue_name="Maison de la Caf",
        )
        # Second Tuesday of the month across the October DST change.
        cls.monthly = add_event(
            gironde,
            "Comité technique",
            kind=EventPage.Kind.COMITE_PILOTAGE,
            start_date=datetime.date(2026, 9, 8),
            start_time=datetime.time(9, 30),
            end_time=datetime.time(12),
            recurrence="monthly_weekday",
            recurrence_until=datetime.date(2027, 1, 31),
            commune="Bordeaux",
        )
        # All-day, several days, every two weeks.
        cls.all_day = add_event(
            gironde,
            "Semaine des parents",
            kind=EventPage.Kind.TEMPS_FORT_PARENTS,
            audience=EventPage.Audience.PARENTS,
            start_date=datetime.date(2026, 10, 20),
            end_date=datetime.date(2026, 10, 22),
            start_time=None,
            end_time=None,
            recurrence="weekly",
            recurrence_interval=2,
            recurrence_count=3,
            exception_dates=[datetime.date(2026, 11, 3)],
        )
        # Over the night of the October change, in progress across it.
        cls.overnight = add_event(
            nord,
            "Nuit de la parentalité",
            kind=EventPage.Kind.TEMPS_FORT_PARENTS,
            audience=EventPage.Audience.PARENTS,
            start_date=datetime.date(2026, 10, 24),
            start_time=datetime.time(20),
            end_date=datetime.date(2026, 10, 25),
            end_time=datetime.time(6),
        )
        cls.cancelled = add_event(
            nord,
            "Rencontre annulée",
            kind=EventPage.Kind.RENCONTRE_RESEAU,
            start_date=datetime.date(2026, 4, 2),
            status=EventPage.Status.CANCELLED,
            online_url="https://visio.example.fr/reseau",
        )

    def get_feed(self, url, **params):
        response = self.client.get(url, params)
        self.assertEqual(response.status_code, 200, response.content[:300])
        self.assertEqual(response["Content-Type"], "text/calendar; charset=utf-8")
        return parse(response)

    def test_every_feed_matches_the_site(self):
        home, nord, gironde = self.net["home"], self.net["nord"], self.net["gironde"]
        cases = [
            (home, {}, EventFilters()),
            (nord, {}, EventFilters()),
            (gironde, {}, EventFilters()),
            (home, {"type": "analyse-pratique"}, EventFilters(kind="analyse-pratique")),
            (home, {"public": "parents"}, EventFilters(audience="parents")),
            (
                home,
                {"departement": "33", "public": "parents"},
                EventFilters(audience="parents", departement=Departement.objects.get(code="33")),
            ),
            (
                nord,
                {"type": "temps-fort-parents", "public": "parents"},
                EventFilters("temps-fort-parents", "parents"),
            ),
        ]
        for parent, params, filters in cases:
            with self.subTest(parent=parent.title, params=params):
                index_page = agenda(parent)
                calendar = self.get_feed(index_page.url + "ical/", **params)
                expected = site_occurrences(index_page, filters)
                self.assertTrue(expected)
                self.assertEqual(feed_occurrences(calendar), expected)

    def test_feed_describes_itself_for_calendar_applications(self):
        calendar = self.get_feed("/nord/agenda/ical/", type="analyse-pratique")
        self.assertEqual(
            str(calendar["X-WR-CALNAME"]),
            "Agenda – Nord – Analyse de la pratique – Hub Parentalité",
        )
        (timezone,) = calendar.walk("VTIMEZONE")
        self.assertEqual(str(timezone["TZID"]), "Europe/Paris")
        (event,) = calendar.walk("VEVENT")
        self.assertEqual(str(event["UID"]), f"{self.weekly.uid}@hub-parentalite.fr")
        self.assertEqual(event["RRULE"]["FREQ"], ["WEEKLY"])
        self.assertEqual(event["RRULE"]["COUNT"], [6])
        self.assertEqual(
            event["EXDATE"].dts[0].dt,
            datetime.datetime(2026, 3, 24, 14, tzinfo=recurrence.PARIS),
        )
        self.assertEqual(str(event["URL"]), f"http://testserver{self.weekly.url}")
        self.assertIn("Maison de la Caf", str(event["LOCATION"]))
        self.assertEqual((event["GEO"].latitude, event["GEO"].longitude), (50.6311, 3.0527))
        self.assertIn("DTSTART;TZID=Europe/Paris:20260310T140000", event.to_ical().decode())

    def test_cancelled_event_stays_in_the_feed_as_cancelled(self):
        calendar = self.get_feed("/agenda/ical/")
        by_uid = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
        event = by_uid[event_uid(self.cancelled)]
        self.assertEqual(str(event["STATUS"]), "CANCELLED")
        self.assertIn("Annulé", str(event["SUMMARY"]))
        self.assertEqual(str(by_uid[event_uid(self.weekly)]["STATUS"]), "CONFIRMED")

    def test_uid_stays_and_sequence_and_last_modified_advance_on_each_edit(self):
        first = self._feed_event(self.monthly)
        edited = edit_event(self.monthly, title="Comité technique (salle 2)")
        second = self._feed_event(edited, refreshed=True)
        edit_event(edited, start_time=datetime.time(10), end_time=datetime.time(12, 30))
        third = self._feed_event(edited, refreshed=True)
        self.assertEqual(str(first["UID"]), str(second["UID"]))
        self.assertEqual(str(second["UID"]), str(third["UID"]))
        sequences = [int(item["SEQUENCE"]) for item in (first, second, third)]
        self.assertEqual(sequences, sorted(set(sequences)))
        self.assertLessEqual(first.decoded("LAST-MODIFIED"), second.decoded("LAST-MODIFIED"))
        self.assertEqual(str(third["SUMMARY"]), "Comité technique (salle 2)")
        self.assertEqual(third.decoded("DTSTART").hour, 10)

    def _feed_event(self, page, refreshed=False):
        """The VEVENT of `page` in the Gironde feed; `refreshed`: once the rebuild that the
        last publication asked for has run (pollers get the previous version until then)."""
        calendar = self.get_feed("/gironde/agenda/ical/")
        if refreshed:
            run_queued_tasks()
            calendar = self.get_feed("/gironde/agenda/ical/")
        return next(e for e in calendar.walk("VEVENT") if str(e["UID"]) == event_uid(page))

    def test_draft_changes_do_not_reach_the_feed_or_the_sequence(self):
        page = EventPage.objects.get(pk=self.cancelled.pk)
        page.title = "Brouillon"
        page.save_revision()
        calendar = self.get_feed("/nord/agenda/ical/")
        summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
        self.assertNotIn("Brouillon", summaries)
        self.assertEqual(EventPage.objects.get(pk=page.pk).sequence, self.cancelled.sequence)

    def test_unchanged_feed_answers_304_and_publishing_changes_it(self):
        url = "/nord/agenda/ical/?public=parents"
        first = self.client.get(url)
        etag, last_modified = first["ETag"], first["Last-Modified"]
        self.assertEqual(self.client.get(url, HTTP_IF_NONE_MATCH=etag).status_code, 304)
        response = self.client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified)
        self.assertEqual(response.status_code, 304)
        self.assertEqual(response.content, b"")
        with self.assertNumQueries(1):
            self.client.get(url, HTTP_IF_NONE_MATCH=etag)
        other_filters = self.client.get("/nord/agenda/ical/", HTTP_IF_NONE_MATCH=etag)
        self.assertEqual(other_filters.status_code, 200)

        edit_event(self.overnight, title="Nuit de la parentalité – programme")
        stale = self.client.get(url, HTTP_IF_NONE_MATCH=etag)
        self.assertEqual(stale.status_code, 304)  # the previous version while it is rebuilt
        run_queued_tasks()
        response = self.client.get(url, HTTP_IF_NONE_MATCH=etag)
        self.assertEqual(response.status_code, 200)
        self.assertNotEqual(response["ETag"], etag)
        self.assertIn(b"programme", response.content)

    def test_unpublishing_removes_the_event_from_the_cached_feed(self):
        self.assertIn(b"Nuit de la parentalit", self.client.get("/nord/agenda/ical/").content)
        EventPage.objects.get(pk=self.overnight.pk).unpublish()
        self.assertIn(b"Nuit de la parentalit", self.client.get("/nord/agenda/ical/").content)
        run_queued_tasks()
        self.assertNotIn(b"Nuit de la parentalit", self.client.get("/nord/agenda/ical/").content)

    def test_one_event_ics(self):
        response = self.client.get(self.weekly.url + "ical/")
        self.assertIn("attachment", response["Content-Disposition"])
        calendar = parse(response)
        self.assertEqual(len(calendar.walk("VEVENT")), 1)
        self.assertEqual(len(calendar.walk("VTIMEZONE")), 1)
        self.assertEqual(
            feed_occurrences(calendar),
            {(event_uid(item.event), item.start, item.end) for item in self.weekly.occurrences()},
        )

    def test_invalid_filters_are_a_readable_400(self):
        for url, message in [
            (
                "/agenda/ical/?type=kermesse",
                "Le type d&#x27;événement « kermesse » n&#x27;existe pas",
            ),
            ("/agenda/ical/?public=tous", "Le public « tous » n&#x27;existe pas"),
            ("/agenda/ical/?departement=75", "Le département « 75 » n&#x27;a pas d&#x27;agenda"),
            ("/nord/agenda/ical/?departement=33", "ne montre que le département Nord"),
            ("/agenda/ical/?type=formation&type=autre", "ne peut avoir qu&#x27;une valeur"),
        ]:
            with self.subTest(url=url):
                self.assertContains(self.client.get(url), message, status_code=400)
