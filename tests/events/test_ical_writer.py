"""The feeds are written line by line (`events.rfc5545`): parsed back with `icalendar`, every
event reads exactly as the same event built with `icalendar`'s own components, and every line
respects the 75-octet folding of RFC 5545 whatever the accents and symbols."""

import datetime

import icalendar
from django.test import TestCase
from django.utils.html import strip_tags

from events import rfc5545
from events.ical import event_uid
from events.models import EventPage
from hub import recurrence
from tests.builders import build_network
from tests.events.builders import add_event


def reference_event(page, url):
    """The VEVENT of `page` built with icalendar's components, as the feeds once were."""
    component = icalendar.Event()
    component.add("UID", event_uid(page))
    summary = page.title
    if page.status == EventPage.Status.CANCELLED:
        summary = f"[Annulé] {page.title}"
    component.add("SUMMARY", summary)
    component.add("DTSTAMP", page.last_published_at)
    component.add("LAST-MODIFIED", page.last_published_at)
    component.add("CREATED", page.first_published_at)
    component.add("SEQUENCE", page.sequence)
    component.add(
        "STATUS", "CANCELLED" if page.status == EventPage.Status.CANCELLED else "CONFIRMED"
    )
    start, end = recurrence.first_start_end(page)
    component.add("DTSTART", start)
    component.add("DTEND", end)
    rule = recurrence.rule_parts(page)
    if rule:
        component.add("RRULE", icalendar.vRecur(rule))
        days = sorted(item.date for item in page.exception_dates.all())
        if days:
            if page.all_day:
                component.add("EXDATE", days)
            else:
                component.add(
                    "EXDATE",
                    [datetime.datetime.combine(d, page.start_time, recurrence.PARIS) for d in days],
                )
    component.add("URL", url)
    if page.place_label or page.online_url:
        component.add("LOCATION", page.place_label or page.online_url)
    if page.latitude is not None:
        component.add("GEO", (float(page.latitude), float(page.longitude)))
    parts = [strip_tags(page.description).strip(), f"Organisé par : {page.organiser}"]
    if page.online_url:
        parts.append(f"En ligne : {page.online_url}")
    parts.append(url)
    component.add("DESCRIPTION", "\n\n".join(parts))
    component.add("CATEGORIES", [str(EventPage.Kind(page.kind).label)])
    component.add("TRANSP", "TRANSPARENT" if page.all_day else "OPAQUE")
    return icalendar.Calendar.from_ical(
        b"BEGIN:VCALENDAR\r\n" + component.to_ical() + b"END:VCALENDAR\r\n"
    ).walk("VEVENT")[0]


def decoded(component):
    """{property: its value decoded by icalendar}, comparable across writers."""
    values = {}
    for name in component:
        value = component[name]
        if name == "EXDATE":
            values[name] = [item.dt for item in value.dts]
        elif name == "RRULE":
            values[name] = dict(value)
        elif name == "CATEGORIES":
            values[name] = [str(item) for item in value.cats]
        elif name == "GEO":
            values[name] = (value.latitude, value.longitude)
        else:
            values[name] = component.decoded(name)
    return values


class WriterTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        net = build_network()
        cls.events = [
            add_event(
                net["nord"],
                "Analyse de la pratique ; échanges, « retours » et \\ barres",
                recurrence="weekly",
                recurrence_count=6,
                exception_dates=[datetime.date(2026, 3, 24), datetime.date(2026, 3, 31)],
                latitude="50.631100",
                longitude="3.052700",
                venue_name="Maison de la Caf, salle « Les Tilleuls »",
                description="<p>Première ligne.</p><p>Deuxième ligne – avec des accents : "
                + "éèàçœ€ " * 30
                + "</p>",
            ),
            add_event(
                net["gironde"],
                "Comité technique",
                start_date=datetime.date(2026, 9, 8),
                start_time=datetime.time(9, 30),
                end_time=datetime.time(12),
                recurrence="monthly_weekday",
                recurrence_interval=2,
                recurrence_until=datetime.date(2027, 1, 31),
                commune="Bordeaux",
            ),
            add_event(
                net["gironde"],
                "Semaine des parents",
                kind=EventPage.Kind.TEMPS_FORT_PARENTS,
                start_date=datetime.date(2026, 10, 20),
                end_date=datetime.date(2026, 10, 22),
                start_time=None,
                end_time=None,
                recurrence="weekly",
                recurrence_interval=2,
                recurrence_count=3,
                exception_dates=[datetime.date(2026, 11, 3)],
            ),
            add_event(
                net["nord"],
                "Journée au mois",
                start_date=datetime.date(2026, 5, 15),
                start_time=None,
                end_time=None,
                recurrence="monthly_day",
                recurrence_until=datetime.date(2026, 12, 31),
            ),
            add_event(
                net["nord"],
                "Rencontre annulée",
                kind=EventPage.Kind.RENCONTRE_RESEAU,
                status=EventPage.Status.CANCELLED,
                commune="",
                online_url="https://visio.example.fr/reseau?salle=1,2",
            ),
        ]

    def test_each_event_reads_as_icalendar_built_it(self):
        response = self.client.get("/agenda/ical/")
        calendar = icalendar.Calendar.from_ical(response.content)
        written = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
        self.assertEqual(len(written), len(self.events))
        for page in self.events:
            with self.subTest(page=page.title):
                expected = reference_event(page, f"http://testserver{page.url}")
                self.assertEqual(decoded(written[event_uid(page)]), decoded(expected))

    def test_lines_are_folded_at_75_octets_and_unfold_to_the_value(self):
        response = self.client.get("/agenda/ical/")
        lines = response.content.split(b"\r\n")
        self.assertEqual(lines[-1], b"")
        self.assertTrue(all(len(line) <= 75 for line in lines))
        self.assertTrue(any(line.startswith(b" ") for line in lines))
        for line in lines:
            line.decode()  # never cut inside a UTF-8 character
        value = "Deuxième ligne – " + "éèàçœ€ " * 40
        folded = rfc5545.fold(f"DESCRIPTION:{rfc5545.text(value)}")
        self.assertEqual(folded.replace(b"\r\n ", b"").decode(), f"DESCRIPTION:{value}")

    def test_text_values_are_escaped(self):
        self.assertEqual(rfc5545.text("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne")
