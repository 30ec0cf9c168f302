"""Directory and site search at national scale: one request's SQL and time, then the throughput
and latency of each kind of page at 20 clients, gunicorn 2 workers × 4 threads, production
settings, no page cache.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hub_bench \
        .venv/bin/python benchmarks/directory_search.py [--actions 50000] [--requests 1000]

Builds the data set on DATABASE_URL first (benchmarks/dataset.py: 50,000 actions and 5,000
events over 101 départements; tops up what is there). Then, for each kind of page (directory
near a commune, directory words, national directory, action page, site search):

- in this process, through Django's test client: the SQL queries of one request, their time,
  and the whole request's time (median of 5, each page of the kind once);
- through gunicorn on --port: requests per second, p50 and p99 from --clients clients.

With --profile, instead of the load: where one request of each kind spends its time
(cProfile over 10 rounds, the functions of the project and of Django/Wagtail taking the most
time, theirs and their callees').

The figures go in the README (section "Annuaire", "Mesure de la page de recherche").
"""

import argparse
import os
import secrets
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGES = {
    "annuaire près d'une commune": [
        "/nord/annuaire/?lieu=Roubaix&rayon=10&age=14",
        "/nord/annuaire/?lieu=59000&rayon=20&theme=adolescence",
        "/gironde/annuaire/?lieu=Bordeaux&rayon=10&age=4",
        "/gironde/annuaire/?lieu=Libourne&rayon=30&gratuit=on",
        "/annuaire/?lieu=Lille&rayon=50&samedi=on",
        "/annuaire/?lieu=Lyon&rayon=20&format=individuel",
    ],
    "annuaire par mots": [
        "/nord/annuaire/?q=parents&age=8",
        "/annuaire/?q=mediation+familiale",
        "/annuaire/?q=cafe+des+parents&mode=presentiel",
        "/gironde/annuaire/?q=ecrans",
    ],
    "annuaire national": [
        "/annuaire/",
        "/annuaire/?type=cafe-des-parents&page=3",
        "/nord/annuaire/?format=individuel&mode=presentiel",
        "/annuaire/?contenu=lieux",
    ],
    "fiche action": [],  # filled from the database
    "recherche du site": [
        "/recherche/?q=parents",
        "/recherche/?q=mediation+familiale",
        "/recherche/?q=LAEP&type=action",
        "/recherche/?q=rencontre+du+reseau",
    ],
}


def action_pages(count=4):
    from directory.models import ActionPage

    return [
        page.url for page in ActionPage.objects.live().order_by("pk")[:: 50_000 // count][:count]
    ]


def one_request(urls):
    """(queries, SQL ms, request ms): the median over `urls` repeated, in this process."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    for url in urls:  # warm-up
        assert client.get(url).status_code == 200, url
    runs = []
    for _attempt in range(5):
        for url in urls:
            with CaptureQueriesContext(connection) as captured:
                began = time.perf_counter()
                response = client.get(url)
                elapsed = time.perf_counter() - began
            assert response.status_code == 200, url
            sql = sum(float(query["time"]) for query in captured.captured_queries)
            runs.append((len(captured), sql * 1000, elapsed * 1000))
    return tuple(statistics.median(run[column] for run in runs) for column in range(3))


# What the profile shows: the project's functions, the template rendering as a whole, and the
# waits for PostgreSQL.
PROFILED = (
    r"^(?!.*site-packages).*/(hub|directory|search|territories)/(?!.*middleware)"
    r"|template/response.py:105|psycopg/connection.py.*wait"
)


def profile(urls, rounds=10, shown=30):
    """Print the functions where requests to `urls` spend the most time (cumulative)."""
    import cProfile
    import pstats

    from django.test import Client

    client = Client()
    for url in urls:  # warm-up
        client.get(url)
    profiler = cProfile.Profile()
    profiler.enable()
    for _round in range(rounds):
        for url in urls:
            client.get(url)
    profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(PROFILED, shown)


def wait_for(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=5).read()
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"The server did not answer at {url}.")


def measure(base_url, urls, clients, requests):
    """(latencies in s, errors, wall time) of `requests` requests over `urls` from `clients`."""
    latencies, errors = [], []
    lock = threading.Lock()
    counter = iter(range(requests))

    def worker():
        while True:
            with lock:
                number = next(counter, None)
            if number is None:
                return
            url = base_url + urls[number % len(urls)]
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
    return sorted(latencies), errors, time.perf_counter() - started


def production_server(port, workers, threads):
    """gunicorn with the production settings (static files collected under var/bench/)."""
    out = ROOT / "var" / "bench"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hub.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(out / "static"),
        "MEDIA_ROOT": str(out / "media"),
        "CACHE_DIR": str(out / "cache"),
    }
    python = str(ROOT / ".venv" / "bin" / "python")
    subprocess.run(
        [python, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    return subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "hub.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--worker-class",
            "gthread",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--actions", type=int, default=50_000)
    parser.add_argument("--events", type=int, default=5_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=1000, help="per kind of page")
    parser.add_argument("--port", type=int, default=8820)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--only", help="measure only the kinds of page containing this text")
    parser.add_argument("--no-load", action="store_true", help="one request of each, no load")
    parser.add_argument("--profile", action="store_true", help="profile instead of the load")
    options = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.test")
    import django

    django.setup()
    from benchmarks.dataset import build

    build(actions=options.actions, events=options.events)
    PAGES["fiche action"] = action_pages()
    kinds = [kind for kind in PAGES if not options.only or options.only in kind]

    print("\nUne requête (client de test Django, médiane) :")
    print(f"{'page':30} {'requêtes SQL':>12} {'SQL (ms)':>9} {'requête (ms)':>13}")
    for kind in kinds:
        queries, sql, total = one_request(PAGES[kind])
        print(f"{kind:30} {queries:12.0f} {sql:9.1f} {total:13.1f}")
    if options.profile:
        for kind in kinds:
            print(f"\nProfil : {kind}")
            profile(PAGES[kind])
        return
    if options.no_load:
        return

    server = production_server(options.port, options.workers, options.threads)
    failed = False
    try:
        base_url = f"http://127.0.0.1:{options.port}"
        wait_for(base_url + "/sante/")
        print(
            f"\n{options.clients} clients, gunicorn {options.workers} × {options.threads}, "
            f"réglages de production, {options.requests} requêtes par sorte de page :"
        )
        print(f"{'page':30} {'req/s':>7} {'p50 (ms)':>9} {'p99 (ms)':>9} {'erreurs':>8}")
        for kind in kinds:
            for url in PAGES[kind]:  # warm-up: one of each
                urllib.request.urlopen(base_url + url, timeout=60).read()
            latencies, errors, wall = measure(
                base_url, PAGES[kind], options.clients, options.requests
            )
            p50 = statistics.median(latencies) * 1000
            p99 = latencies[max(0, int(len(latencies) * 0.99) - 1)] * 1000
            print(
                f"{kind:30} {len(latencies) / wall:7.1f} {p50:9.0f} {p99:9.0f} {len(errors):8}",
                flush=True,
            )
            if errors:
                print("  premières erreurs :", errors[:3])
                failed = True
    finally:
        server.terminate()
        server.wait(timeout=30)
    if failed:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
