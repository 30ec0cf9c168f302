"""Agenda feeds: time to build an iCalendar feed of 5,000 events, and conditional GETs per second.

    .venv/bin/python benchmarks/events_feed.py [--events 5000] [--requests 2000]

Runs on a throwaway SQLite database (or DATABASE_URL if set), through Django's test client:
the figures leave out the network and the WSGI server, they measure the application.
"""

import argparse
import datetime
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.test")
if not os.environ.get("DATABASE_URL"):
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from django.test import Client, RequestFactory  # noqa: E402
from django.utils import timezone  # noqa: E402

from events.ical import EventCalendarFeed  # noqa: E402
from events.models import CalendarVersion, EventExceptionDate, EventPage  # noqa: E402
from hub.models import HomePage  # noqa: E402
from tests.builders import build_network  # noqa: E402
from tests.events.builders import agenda  # noqa: E402

KINDS = EventPage.Kind.values
AUDIENCES = EventPage.Audience.values


@transaction.atomic
def create_events(count):
    """`count` live events over two years in two départements; one in five recurs weekly."""
    net = build_network()
    agendas = [agenda(net["nord"]), agenda(net["gironde"])]
    now = timezone.now()
    start = datetime.date(2026, 1, 5)
    for number in range(count):
        page = EventPage(
            title=f"Rencontre du réseau n° {number}",
            slug=f"rencontre-{number}",
            kind=KINDS[number % len(KINDS)],
            audience=AUDIENCES[number % len(AUDIENCES)],
            start_date=start + datetime.timedelta(days=number % 700),
            start_time=datetime.time(9 + number % 9),
            end_time=datetime.time(10 + number % 9),
            venue_name="Centre social",
            address="12 rue de la République",
            postcode="59000",
            commune="Lille",
            latitude="50.631100",
            longitude="3.052700",
            description="<p>Échanges entre les acteurs du réseau, témoignages et ateliers.</p>",
            organiser="Coordination départementale",
            live=True,
            first_published_at=now,
            last_published_at=now,
        )
        if number % 5 == 0:
            page.recurrence = "weekly"
            page.recurrence_count = 10
            page.exception_dates = [
                EventExceptionDate(date=page.start_date + datetime.timedelta(days=14))
            ]
        # Setup only: skip the admin's validation (sibling slug checks) to create pages faster.
        page.full_clean = lambda *args, **kwargs: None
        agendas[number % 2].add_child(instance=page)
    CalendarVersion.bump()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--requests", type=int, default=2000)
    options = parser.parse_args()

    call_command("migrate", verbosity=0)
    began = time.perf_counter()
    create_events(options.events)
    print(f"{options.events} événements créés en {time.perf_counter() - began:.1f} s")

    national = agenda(HomePage.objects.get())
    request = RequestFactory().get("/agenda/ical/")
    feed = EventCalendarFeed(index_page=national)
    scope = feed.get_object(request)
    timings = []
    for _attempt in range(3):
        began = time.perf_counter()
        body = feed.build(request, scope)
        timings.append(time.perf_counter() - began)
    print(
        f"construction du flux national ({body.count(b'BEGIN:VEVENT')} VEVENT, "
        f"{len(body) / 1e6:.1f} Mo) : meilleur de 3 = {min(timings):.2f} s"
    )

    client = Client()
    cache.clear()
    began = time.perf_counter()
    response = client.get("/agenda/ical/")
    print(f"premier GET (construction + mise en cache) : {time.perf_counter() - began:.2f} s")
    began = time.perf_counter()
    client.get("/agenda/ical/")
    print(f"GET suivant (servi depuis le cache) : {(time.perf_counter() - began) * 1000:.0f} ms")

    etag = response["ETag"]
    for url in ("/agenda/ical/", "/nord/agenda/ical/?type=formation&public=professionnels"):
        etag = client.get(url)["ETag"]
        began = time.perf_counter()
        for _request in range(options.requests):
            assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
        elapsed = time.perf_counter() - began
        print(f"GET conditionnels 304 sur {url} : {options.requests / elapsed:.0f} requêtes/s")


if __name__ == "__main__":
    main()
