"""Feeds are built from plain rows (`EventIndexPage.feed_events`), not page instances: byte for
byte the same calendar as the page-instance builder they replaced (tests/events/feed_reference.py),
for every kind of feed; two queries whatever the number of events; and the fast tag stripping
gives exactly Django's `strip_tags`."""

import datetime
import unittest

from django.db import connection
from django.test import RequestFactory, TestCase
from django.test.utils import CaptureQueriesContext
from django.utils.html import strip_tags as django_strip_tags
from hypothesis import given, settings
from hypothesis import strategies as st

from events.ical import EventCalendarFeed, FeedScope, event_ics
from events.models import EventPage
from search.text import strip_tags
from tests.builders import build_network
from tests.events import feed_reference
from tests.events.builders import add_event, agenda
from tests.mail_server import run_queued_tasks

# Every case of the listing filters: (the agenda's parent, query string).
FEEDS = [
    ("home", {}),
    ("nord", {}),
    ("gironde", {}),
    ("home", {"type": "analyse-pratique"}),
    ("home", {"public": "parents"}),
    ("home", {"departement": "33", "public": "parents"}),
    ("home", {"departement": "59"}),
    ("nord", {"type": "temps-fort-parents", "public": "parents"}),
    ("gironde", {"type": "formation"}),
    ("home", {"q": "parentalité"}),
    ("nord", {"q": "analyse", "public": "professionnels"}),
]

HTML_FRAGMENTS = [
    "<p>",
    "</p>",
    "<br/>",
    "<br />",
    '<a href="https://example.fr/?a=1&amp;b=2">',
    '<a linktype="page" id="3">',
    "</a>",
    "<h2>",
    "</h2>",
    "<ul><li>",
    "</li></ul>",
    '<embed embedtype="image" id="1" format="left"/>',
    "<b>",
    "</i>",
    "<script>",
    "</script>",
    "<!-- note -->",
    "<div class='x'>",
    '<p\xa0class="x">',
    "< p>",
    "<>",
    "<",
    ">",
    "&amp;",
    "&nbsp;",
    "&#39;",
    "&#x27;",
    "&amp",
    "&foo bar",
    "&#39",
    "&",
    "& ",
    "a < b",
    "Échanges",
    " ",
    "\n",
    "texte",
]


class RowFeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        nord, gironde = cls.net["nord"], cls.net["gironde"]
        add_event(  # weekly across the March DST change, two sessions cancelled
            nord,
            "Analyse de la pratique ; échanges, « retours » et \\ barres",
            kind=EventPage.Kind.ANALYSE_PRATIQUE,
            recurrence="weekly",
            recurrence_count=6,
            exception_dates=[datetime.date(2026, 3, 31), datetime.date(2026, 3, 24)],
            latitude="50.631100",
            longitude="3.052700",
            venue_name="Maison de la Caf, salle « Les Tilleuls »",
            address="12 rue de la République",
            postcode="59000",
            description="<p>Première ligne.</p><p>Deuxième – accents : "
            + "éèàçœ€ " * 30
            + "&amp; fin</p>",
            registration_url="https://inscription.example.fr/analyse",
            registration_contact="accueil@caf.example.fr",
        )
        add_event(  # second Tuesday, every two months, across the October DST change
            gironde,
            "Comité technique parentalité",
            kind=EventPage.Kind.COMITE_PILOTAGE,
            start_date=datetime.date(2026, 9, 8),
            start_time=datetime.time(9, 30),
            end_time=datetime.time(12),
            recurrence="monthly_weekday",
            recurrence_interval=2,
            recurrence_until=datetime.date(2027, 1, 31),
            commune="Bordeaux",
            description='<p>Ordre du jour : <a href="https://example.fr/odj">ici</a>'
            "<!-- brouillon --> a < b</p>",
        )
        add_event(  # all-day, three days, every two weeks, one session cancelled
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
        add_event(  # all-day, monthly on the same date, until a date
            nord,
            "Journée au mois",
            start_date=datetime.date(2026, 5, 15),
            start_time=None,
            end_time=None,
            recurrence="monthly_day",
            recurrence_until=datetime.date(2026, 12, 31),
            exception_dates=[datetime.date(2026, 8, 15)],
        )
        add_event(  # over the night of the October change
            nord,
            "Nuit de la parentalité",
            kind=EventPage.Kind.TEMPS_FORT_PARENTS,
            audience=EventPage.Audience.PARENTS,
            start_date=datetime.date(2026, 10, 24),
            start_time=datetime.time(20),
            end_date=datetime.date(2026, 10, 25),
            end_time=datetime.time(6),
        )
        add_event(  # cancelled, online only: no place, no point
            nord,
            "Rencontre annulée",
            kind=EventPage.Kind.RENCONTRE_RESEAU,
            start_date=datetime.date(2026, 4, 2),
            status=EventPage.Status.CANCELLED,
            commune="",
            online_url="https://visio.example.fr/reseau?salle=1,2",
        )
        add_event(  # postponed, with a weekly exception date that is not a recurrence
            gironde,
            "Formation reportée",
            start_date=datetime.date(2026, 6, 4),
            status=EventPage.Status.POSTPONED,
            venue_name="Salle des fêtes",
            commune="",
            description="Texte sans balise ; avec, des \\ signes",
        )
        run_queued_tasks()  # the search index, for the feeds filtered by words

    def calendars(self, parent, params):
        """The feed at this address from the row builder and from the page-instance one."""
        index_page = agenda(self.net[parent])
        request = RequestFactory().get(index_page.url + "ical/", params)
        feed = EventCalendarFeed(index_page=index_page)
        scope = feed.get_object(request)
        page_url = feed.page_url_builder(request)
        pages = list(index_page.events(scope.filters))
        before = feed_reference.calendar(feed.title(scope), pages, page_url)
        return feed.build(request, scope), before, len(pages)

    def test_every_feed_is_byte_identical_to_the_page_builder(self):
        counts = []
        for parent, params in FEEDS:
            with self.subTest(parent=parent, params=params):
                built, before, count = self.calendars(parent, params)
                self.assertEqual(built.decode(), before.decode())
                self.assertEqual(built.count(b"BEGIN:VEVENT"), count)
                counts.append(count)
        # The cases are not all empty, nor all the whole agenda.
        self.assertEqual(counts[0], 7)
        self.assertTrue(all(counts[1:]))
        self.assertLess(min(counts), 7)

    def test_one_event_feed_and_attachment_are_byte_identical(self):
        for page in EventPage.objects.all():
            with self.subTest(page=page.title):
                url = f"http://testserver{page.url}"
                title = f"{page.title} – Hub Parentalité"
                expected = feed_reference.calendar(title, [page], lambda item, url=url: url)
                self.assertEqual(self.client.get(page.url + "ical/").content, expected)
                self.assertEqual(event_ics(page, url), expected)

    def test_feed_queries_do_not_depend_on_the_number_of_events(self):
        few = self.feed_queries()
        for number in range(23):
            add_event(
                self.net["nord" if number % 2 else "gironde"],
                f"Atelier {number}",
                start_date=datetime.date(2026, 11, 1) + datetime.timedelta(days=number),
                recurrence="weekly",
                recurrence_count=3,
                exception_dates=[datetime.date(2026, 11, 8) + datetime.timedelta(days=number)],
            )
        run_queued_tasks()
        self.assertEqual(EventPage.objects.live().count(), 30)
        many = self.feed_queries()
        self.assertEqual(few, many)
        # The events and their exception dates; the filtered by words, one search besides.
        self.assertEqual(few[0], 2)

    def feed_queries(self):
        counts = []
        for parent, params in FEEDS:
            index_page = agenda(self.net[parent])
            request = RequestFactory().get(index_page.url + "ical/", params)
            feed = EventCalendarFeed(index_page=index_page)
            scope = feed.get_object(request)
            page_url = feed.page_url_builder(request)
            with CaptureQueriesContext(connection) as queries:
                feed.calendar(scope, page_url)
            counts.append(len(queries))
        return counts

    def test_one_event_feed_reads_its_page_only(self):
        page = EventPage.objects.get(title="Semaine des parents")
        with self.assertNumQueries(1):  # its exception dates
            body = EventCalendarFeed(event=page).calendar(FeedScope(event=page), str)
        self.assertIn(b"EXDATE;VALUE=DATE:20261103", body)


class StripTagsTests(unittest.TestCase):
    def test_rich_text_loses_its_tags_and_keeps_its_entities(self):
        self.assertEqual(
            strip_tags('<p>Un <a href="/x?a=1&amp;b=2">lien</a> &amp; <b>gras</b></p><br/>'),
            "Un lien &amp; gras",
        )

    @settings(max_examples=2000, deadline=None)
    @given(st.lists(st.sampled_from(HTML_FRAGMENTS), max_size=12))
    def test_same_text_as_djangos_strip_tags(self, fragments):
        value = "".join(fragments)
        self.assertEqual(strip_tags(value), django_strip_tags(value))
