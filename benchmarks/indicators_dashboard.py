"""Time to render the indicators dashboard (and the exports) of a département with a lot of content.

    DJANGO_SETTINGS_MODULE=hub.settings.test .venv/bin/python benchmarks/indicators_dashboard.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hub_bench ... (same, on PostgreSQL)

Builds a throwaway test database (like the test suite), fills the Nord section, then renders each
view several times and prints the median. On this branch the volume is made of activity records and
news; once the events and directory apps have their providers, add their builders to
`CONTENT_BUILDERS` (5,000 events and 50,000 actions is the target of issue 7).
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

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

from hub.indicators.models import ActivityRecord  # noqa: E402
from hub.models import NewsPage  # noqa: E402


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


CONTENT_BUILDERS = {"activity_records": add_activity_records, "news": add_news}


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
        for name, count in (("activity_records", args.activity_records), ("news", args.news)):
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
