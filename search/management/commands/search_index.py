import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search import indexing
from search.api import engines


class Command(BaseCommand):
    help = "Rebuild the search index, or report drift between the index and the database."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "drift"])
        parser.add_argument(
            "--engine",
            choices=["database", "elasticsearch", "all"],
            default="all",
            help="Engine to work on (all = the database and, when configured, the cluster).",
        )
        parser.add_argument("--type", action="append", dest="types", help="Type keys only.")

    def handle(self, action, engine, types, **options):
        chosen = []
        if engine in ("database", "all"):
            chosen.append(engines.database)
        if engine == "elasticsearch" or (
            engine == "all" and getattr(settings, "SEARCH_ENGINE", "") == "elasticsearch"
        ):
            if not settings.ELASTICSEARCH_URL:
                raise CommandError("ELASTICSEARCH_URL is not set.")
            chosen.append(engines.elastic)
        drifted = False
        for current in chosen:
            if action == "rebuild":
                started = time.perf_counter()
                count = indexing.rebuild(current, types)
                self.stdout.write(
                    f"{current.name}: {count} documents indexed in "
                    f"{time.perf_counter() - started:.1f} s"
                )
                continue
            for key, (missing, extra) in indexing.drift(current).items():
                if missing or extra:
                    drifted = True
                self.stdout.write(
                    f"{current.name} {key}: {len(missing)} missing {missing[:10]}, "
                    f"{len(extra)} extra {extra[:10]}"
                )
        if drifted:
            raise CommandError(
                "The index has drifted from the database: run `search_index rebuild`."
            )
