"""Search speed with 50,000 documents: index build time, search p95 and autocomplete p95.

    .venv/bin/python benchmarks/search_speed.py [--documents N] [--engine database|elasticsearch]

The database engine runs on DATABASE_URL (a throwaway SQLite file by default); the
Elasticsearch engine on ELASTICSEARCH_URL, or on an osmem-server started for the run.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.test")
if not os.environ.get("DATABASE_URL"):
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

SUBJECTS = [
    "café des parents",
    "médiation familiale",
    "lieu d'accueil enfants-parents",
    "écrans et adolescents",
    "soutien à la parentalité",
    "relais petite enfance",
    "groupe de parole",
    "accompagnement à la scolarité",
    "sortie familiale",
    "atelier cuisine",
    "protection maternelle et infantile",
    "Promeneurs du Net",
    "séparation des parents",
]
PLACES = ["Lille", "Roubaix", "Tourcoing", "Bordeaux", "Mérignac", "Pessac", "Cambrai", "Douai"]
QUERIES = [
    "parentalite",
    "ecrans ados",
    "mediation familliale",
    "LAEP",
    "cafe parents lille",
    "groupe de parole",
    "atelier",
    "relais petite enfance bordeaux",
]
PREFIXES = ["med", "cafe", "lieu d", "ecr", "prom", "atel", "roub", "bord"]


def documents(count, rng):
    for pk in range(1, count + 1):
        subject, place = rng.choice(SUBJECTS), rng.choice(PLACES)
        departement = "59" if place in PLACES[:3] + PLACES[6:] else "33"
        yield {
            "type": "news",
            "object_id": pk,
            "title": f"{subject.capitalize()} à {place} ({pk})",
            "body": f"Une action de {subject} pour les familles de {place}. "
            + " ".join(rng.choice(SUBJECTS) for _ in range(8)),
            "url": f"/actualites/{pk}/",
            "departement": departement,
            "date": f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "latitude": 50.6 + rng.random() if departement == "59" else 44.8 + rng.random(),
            "longitude": 3.0 + rng.random() if departement == "59" else -0.6 + rng.random(),
            "communes": [place],
            "sort_key": f"{subject} {place} {pk}",
            "facets": {"type": ["news"], "departement": [departement]},
        }


def p95(timings):
    return statistics.quantiles(timings, n=20)[-1] * 1000


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=50_000)
    parser.add_argument("--engine", choices=["database", "elasticsearch"], default="database")
    args = parser.parse_args()
    server = None
    if args.engine == "elasticsearch" and not os.environ.get("ELASTICSEARCH_URL"):
        from osmem_server import OsmemServer

        server = OsmemServer.start(japanese=False)
        os.environ.update(ELASTICSEARCH_URL=server.url, ELASTICSEARCH_PLAIN_JSON="1")

    import django
    from django.conf import settings
    from django.core.management import call_command

    django.setup()
    settings.SEARCH_ENGINE = args.engine
    settings.ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
    settings.SEARCH_ELASTICSEARCH_PLAIN_JSON = os.environ.get("ELASTICSEARCH_PLAIN_JSON") == "1"
    settings.SEARCH_INDEX_PREFIX = f"bench-{time.time_ns()}"
    call_command("migrate", verbosity=0)
    call_command("load_departements", verbosity=0)

    from search import registry
    from search.api import SearchRequest, autocomplete, engines, search

    rng = random.Random(59)
    engine = engines.primary()
    if engine is not engines.database:  # the vocabulary of "did you mean" lives in the database
        engines.database.index_documents(list(documents(2000, random.Random(59))))
    started = time.perf_counter()
    chunks, batch = [], []
    for doc in documents(args.documents, rng):
        batch.append(doc)
        if len(batch) == 1000:
            chunks.append(batch)
            batch = []
    chunks.append(batch)
    engine.rebuild_type(registry.get("news"), iter(chunks))
    build = time.perf_counter() - started

    search_times, complete_times = [], []
    for _ in range(5):
        for text in QUERIES:
            begin = time.perf_counter()
            search(
                SearchRequest(text=text, filters={"departement": ["59"]} if "lille" in text else {})
            )
            search_times.append(time.perf_counter() - begin)
        for prefix in PREFIXES:
            begin = time.perf_counter()
            autocomplete(prefix)
            complete_times.append(time.perf_counter() - begin)
    vendor = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    label = args.engine if args.engine != "database" else f"database ({vendor})"
    print(
        f"{label}: {args.documents} documents, index built in {build:.1f} s, "
        f"search p95 {p95(search_times):.0f} ms, autocomplete p95 {p95(complete_times):.0f} ms"
    )
    if server:
        server.close()


if __name__ == "__main__":
    main()
