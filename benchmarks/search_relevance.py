"""Search relevance on queries typed as parents type them: MRR and recall@10 per engine.

    .venv/bin/python benchmarks/search_relevance.py [--engine database|elasticsearch]

The fixture and the queries are those of `tests/search/relevance.py`. The database engine runs
on DATABASE_URL (a throwaway SQLite file by default; a PostgreSQL URL for PostgreSQL); the
Elasticsearch engine on ELASTICSEARCH_URL, or on an osmem-server started for the run. Prints
the figures, then the queries whose first right answer is not first or that miss one.
"""

import argparse
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.test")
if not os.environ.get("DATABASE_URL"):
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/relevance.sqlite3"


def main():
    parser = argparse.ArgumentParser()
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
    logging.getLogger("elastic_transport").setLevel(logging.WARNING)
    settings.SEARCH_ENGINE = args.engine
    settings.ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
    settings.SEARCH_ELASTICSEARCH_PLAIN_JSON = os.environ.get("ELASTICSEARCH_PLAIN_JSON") == "1"
    settings.SEARCH_ELASTICSEARCH_REFRESH = True
    settings.SEARCH_INDEX_PREFIX = f"relevance-{time.time_ns()}"
    call_command("migrate", verbosity=0)

    from search.api import engines
    from tests.search.relevance import QUERIES, evaluate, index_fixture, mean

    engine = engines.primary()
    engine.clear()
    if engine is not engines.database:
        engines.database.clear()
    index_fixture(engine, engines.database)
    scores = evaluate()
    vendor = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    label = args.engine if args.engine != "database" else f"database ({vendor})"
    mrr = mean(item.reciprocal_rank for item in scores)
    recall = mean(item.recall for item in scores)
    print(f"{label}: {len(QUERIES)} queries, MRR {mrr:.3f}, recall@10 {recall:.3f}")
    for item in sorted(scores, key=lambda item: (item.reciprocal_rank, item.recall)):
        if item.reciprocal_rank < 1 or item.recall < 1:
            print(
                f"  {item.text!r}: reciprocal rank {item.reciprocal_rank:.2f}, "
                f"recall {item.recall:.2f}, found {item.found[:5]}"
            )
    if server:
        server.close()


if __name__ == "__main__":
    main()
