"""Load test of the directory search page: p50/p95 latency at 20 concurrent clients with
50,000 actions.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hub_bench \
        .venv/bin/python benchmarks/directory_search.py --actions 50000 --clients 20 --requests 2000

Prepares the database given by DATABASE_URL (migrations, départements, communes, demo content,
then bulk-inserted actions up to --actions, then the search index the directory reads), starts
gunicorn on --port and measures the search page with a mix of realistic queries. The figures go
in the README (section "Annuaire").
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.test")

QUERIES = [
    "/nord/annuaire/?lieu=Roubaix&rayon=10&age=14",
    "/nord/annuaire/?lieu=59000&rayon=20&theme=adolescence",
    "/gironde/annuaire/?lieu=Bordeaux&rayon=10&age=4",
    "/gironde/annuaire/?lieu=Libourne&rayon=30&gratuit=on",
    "/nord/annuaire/?q=parents&age=8",
    "/annuaire/?type=cafe-des-parents&page=3",
    "/annuaire/?lieu=Lille&rayon=50&samedi=on",
    "/nord/annuaire/?format=individuel&mode=presentiel",
]


def prepare(total_actions, seed):
    import django

    django.setup()
    from django.core.management import call_command

    from directory.models import ActionPage
    from search.models import SearchEntry

    call_command("migrate", verbosity=0)
    call_command("load_demo_content", verbosity=0)
    existing = ActionPage.objects.count()
    missing = total_actions - existing
    print(f"{existing} actions in the database, adding {max(missing, 0)}.", flush=True)
    if missing > 0:
        add_actions(missing, seed)
    if SearchEntry.objects.filter(type_key="action").count() != ActionPage.objects.count():
        call_command("search_index", "rebuild", "--engine", "database", "--type", "action")


def add_actions(missing, seed):
    from django.utils import timezone

    from benchmarks.bulk_pages import bulk_pages
    from directory import choices
    from directory.models import ActionPage, DirectoryIndexPage
    from hub.taxonomies import Theme
    from territories.models import Commune

    rng = random.Random(seed)
    indexes = list(DirectoryIndexPage.objects.filter(depth__gt=3))
    themes = [value for value, _label in Theme.choices]
    types = [value for value, _label in choices.ActionType.choices]
    now = timezone.now()
    for index in indexes:
        code = index.get_parent().specific.departement.code
        communes = list(
            Commune.objects.filter(departement_code=code, latitude__isnull=False).values_list(
                "pk", "nom", "latitude", "longitude"
            )
        )
        pages = []
        for number in range(missing // len(indexes)):
            commune_id, nom, lat, lon = rng.choice(communes)
            age_min = rng.randint(0, 15)
            kind = rng.choice(["Café des parents", "Atelier parents", "Groupe de parole"])
            pages.append(
                ActionPage(
                    title=f"{kind} {nom} {number}",
                    first_published_at=now,
                    last_published_at=now,
                    action_type=rng.choice(types),
                    description="Un temps d'échange entre parents.",
                    themes=rng.sample(themes, 2),
                    age_min=age_min,
                    age_max=rng.randint(age_min, 21),
                    format=rng.choice(["collectif", "individuel"]),
                    mode=rng.choice(["presentiel", "presentiel", "distance"]),
                    cost=rng.choice(["gratuit", "symbolique", "payant"]),
                    cost_amount=5,
                    commune_id=commune_id,
                    latitude=lat + rng.uniform(-0.01, 0.01),
                    longitude=lon + rng.uniform(-0.01, 0.01),
                    open_saturday=rng.random() < 0.2,
                    open_evening=rng.random() < 0.3,
                )
            )
        bulk_pages(index, pages)
        print(f"{len(pages)} actions added under {index.url_path}.", flush=True)


def wait_for(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=5).read()
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"The server did not answer at {url}.")


def measure(base_url, clients, requests):
    latencies, errors = [], []
    lock = threading.Lock()
    counter = iter(range(requests))

    def worker():
        while True:
            with lock:
                number = next(counter, None)
            if number is None:
                return
            url = base_url + QUERIES[number % len(QUERIES)]
            start = time.perf_counter()
            try:
                with urllib.request.urlopen(url, timeout=60) as response:
                    response.read()
                    status = response.status
            except OSError as error:
                status = str(error)
            elapsed = time.perf_counter() - start
            with lock:
                latencies.append(elapsed)
                if status != 200:
                    errors.append((url, status))

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    return latencies, errors, wall


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--actions", type=int, default=50_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--port", type=int, default=8191)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--seed", type=int, default=2026)
    options = parser.parse_args()
    prepare(options.actions, options.seed)
    server = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "hub.wsgi",
            "--bind",
            f"127.0.0.1:{options.port}",
            "--workers",
            str(options.workers),
            "--threads",
            str(options.threads),
            "--worker-class",
            "gthread",
            "--log-level",
            "warning",
            "--env",
            f"DJANGO_SETTINGS_MODULE={os.environ['DJANGO_SETTINGS_MODULE']}",
        ],
        cwd=ROOT,
    )
    try:
        base_url = f"http://127.0.0.1:{options.port}"
        wait_for(base_url + "/sante/")
        for query in QUERIES:  # warm-up: one of each
            urllib.request.urlopen(base_url + query, timeout=60).read()
        latencies, errors, wall = measure(base_url, options.clients, options.requests)
    finally:
        server.terminate()
        server.wait(timeout=30)
    latencies.sort()
    p50 = statistics.median(latencies) * 1000
    p95 = latencies[int(len(latencies) * 0.95) - 1] * 1000
    print(
        f"{len(latencies)} requests, {options.clients} clients, {options.actions} actions: "
        f"p50 {p50:.0f} ms, p95 {p95:.0f} ms, max {latencies[-1] * 1000:.0f} ms, "
        f"{len(latencies) / wall:.1f} req/s, {len(errors)} errors"
    )
    if errors:
        print("First errors:", errors[:5])
        raise SystemExit(1)


if __name__ == "__main__":
    main()
