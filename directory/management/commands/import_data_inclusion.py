from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from directory.csv_io import ImportFailed
from directory.data_inclusion import import_payload
from directory.sections import directory_of


class Command(BaseCommand):
    help = (
        "Import data·inclusion v1 structures and services (JSON object with 'structures' and "
        "'services') into a département's directory. All or nothing; re-import updates in place."
    )

    def add_arguments(self, parser):
        parser.add_argument("departement", help="Code or slug of the département, e.g. 33.")
        parser.add_argument("path", type=Path)

    def handle(self, *args, **options):
        try:
            index = directory_of(options["departement"])
            report = import_payload(options["path"].read_text(encoding="utf-8"), index)
        except LookupError as error:
            raise CommandError(str(error)) from error
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Fichier illisible : {error}") from error
        except ImportFailed as failure:
            for message in failure.errors:
                self.stderr.write(message)
            raise CommandError(
                f"{len(failure.errors)} erreur(s) : rien n'a été importé."
            ) from failure
        self.stdout.write(f"{report.created} fiche(s) créée(s), {report.updated} mise(s) à jour.")
