"""Agenda feeds: time to build the national iCalendar feed of 5,000 events, and conditional GETs
per second.

    .venv/bin/python benchmarks/events_feed.py [--events 5000] [--requests 2000]

Runs on a throwaway SQLite database (or DATABASE_URL if set) filled by benchmarks/dataset.py
(5,000 events over 101 départements, one in five recurring; --actions 0 by default), through
Django's test client: the figures leave out the network and the WSGI server, they measure the
application.
"""

import argparse
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
from django.db import connection  # noqa: E402
from django.test import Client, RequestFactory  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from benchmarks.dataset import build  # noqa: E402
from events.ical import EventCalendarFeed  # noqa: E402
from hub.models import HomePage  # noqa: E402
from tests.events.builders import agenda  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--actions", type=int, default=0)
    parser.add_argument("--requests", type=int, default=2000)
    options = parser.parse_args()

    build(actions=options.actions, events=options.events)

    national = agenda(HomePage.objects.get())
    request = RequestFactory().get("/agenda/ical/")
    feed = EventCalendarFeed(index_page=national)
    scope = feed.get_object(request)
    timings = []
    for _attempt in range(3):
        began = time.perf_counter()
        body = feed.build(request, scope)
        timings.append(time.perf_counter() - began)
    with CaptureQueriesContext(connection) as queries:
        feed.build(request, scope)
    print(
        f"construction du flux national ({body.count(b'BEGIN:VEVENT')} VEVENT, "
        f"{len(body) / 1e6:.1f} Mo, {len(queries)} requêtes SQL) : "
        f"meilleur de 3 = {min(timings):.2f} s"
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
