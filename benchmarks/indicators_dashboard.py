"""Time to render the indicators dashboard (and the exports) of a département with a lot of content.

    DJANGO_SETTINGS_MODULE=hub.settings.test .venv/bin/python benchmarks/indicators_dashboard.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hub_bench ... (same, on PostgreSQL)

Builds a throwaway test database (like the test suite), fills the Nord section (activity records,
news, events of the agenda, some of them recurring, and directory actions: 5,000 events and 50,000
actions is the target of issue 7), then renders each view several times and prints the median.
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

from benchmarks.bulk_pages import bulk_pages  # noqa: E402
from directory.models import ActionPage, DirectoryIndexPage  # noqa: E402
from events.models import EventIndexPage, EventPage  # noqa: E402
from hub.indicators.models import ActivityRecord  # noqa: E402
from hub.models import NewsPage  # noqa: E402
from territories.models import Commune  # noqa: E402


def add_activity_records(section, rng, count):
    kinds = ActivityRecord.Kind.values
    batch = []
    for number in range(count):
        day = datetime.date(2024, 1, 1) + datetime.timedelta(days=rng.randint(0, 730))
        batch.append(
            ActivityRecord(
                section=section,
                kind=rng.choice(kinds),
                date=day,
                title=f"Activité {number}",
                participants=rng.randint(0, 40),
                structures=rng.randint(0, 15),
            )
        )
    ActivityRecord.objects.bulk_create(batch, batch_size=2000)


def add_news(section, rng, count):
    from tests.builders import news_index

    index = news_index(section)
    for number in range(count):
        index.add_child(
            instance=NewsPage(
                title=f"Actualité {number}",
                date=datetime.date(2024, 1, 1) + datetime.timedelta(days=rng.randint(0, 730)),
                intro="Chapô",
                body="<p>Texte</p>",
            )
        )


def moment(rng):
    day = datetime.date(2023, 1, 1) + datetime.timedelta(days=rng.randint(0, 1090))
    return datetime.datetime.combine(day, datetime.time(12), datetime.UTC)


def add_events(section, rng, count):
    index = section.get_children().type(EventIndexPage).get()
    kinds = EventPage.Kind.values
    pages = []
    for number in range(count):
        start = datetime.date(2024, 1, 1) + datetime.timedelta(days=rng.randint(0, 730))
        page = EventPage(
            title=f"Rencontre {number}",
            departement_id=section.departement_id,
            kind=rng.choice(kinds),
            audience="professionnels",
            status="cancelled" if number % 20 == 0 else "confirmed",
            start_date=start,
            start_time=datetime.time(14),
            end_time=datetime.time(16),
            commune="Lille",
            organiser="Caf du Nord",
            description="<p>Rencontre</p>",
            # One event in ten meets every month, six times.
            recurrence="monthly_weekday" if number % 10 == 0 else "",
            recurrence_count=6 if number % 10 == 0 else None,
            first_published_at=moment(rng),
            last_published_at=moment(rng),
        )
        page.last_date = page._last_date()
        pages.append(page)
    bulk_pages(index, pages)


def add_actions(section, rng, count):
    call_command("load_communes", departements=[section.departement.code], verbosity=0)
    index = section.get_children().type(DirectoryIndexPage).get()
    communes = list(Commune.objects.filter(departement_code=section.departement.code))
    # A tenth of the communes has no action located in it: the zones blanches.
    located = communes[: len(communes) * 9 // 10]
    pages = []
    for number in range(count):
        published = moment(rng)
        commune = rng.choice(located)
        pages.append(
            ActionPage(
                title=f"Café des parents {number}",
                action_type="cafe-des-parents",
                description="Un temps d'échange entre parents.",
                commune_id=commune.pk,
                latitude=commune.latitude,
                longitude=commune.longitude,
                zone=commune.code if number % 5 == 0 else "",
                first_published_at=published,
                last_published_at=published + datetime.timedelta(days=rng.randint(0, 400)),
            )
        )
    bulk_pages(index, pages)


CONTENT_BUILDERS = {
    "activity_records": add_activity_records,
    "news": add_news,
    "events": add_events,
    "actions": add_actions,
}


def median_time(client, url, runs):
    timings = []
    for _run in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        timings.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(timings)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activity-records", type=int, default=55_000)
    parser.add_argument("--news", type=int, default=500)
    parser.add_argument("--events", type=int, default=5_000)
    parser.add_argument("--actions", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from tests.builders import build_network

        net = build_network()
        nord = net["nord"]
        rng = random.Random(7)
        for name in CONTENT_BUILDERS:
            count = getattr(args, name)
            start = time.perf_counter()
            CONTENT_BUILDERS[name](nord, rng, count)
            print(f"{name}: {count} created in {time.perf_counter() - start:.1f} s")
        client = Client()
        client.force_login(net["coord_nord"])
        print(f"database: {connection.vendor}")
        for name in ("dashboard", "annual_report", "export_xlsx", "export_csv"):
            url = reverse(f"indicators:{name}", args=[nord.pk]) + "?annee=2025"
            client.get(url)  # warm up
            print(f"{name}: median {median_time(client, url, args.runs) * 1000:.0f} ms")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
