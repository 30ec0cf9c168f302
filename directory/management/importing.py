"""What every directory import command shares: arguments, reading the file, reporting errors."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from directory.importing import ImportFailed
from directory.sections import directory_of


class DirectoryImportCommand(BaseCommand):
    """Imports a file into a département's directory, all or nothing, every error reported."""

    summary = gettext_lazy("%(created)s fiche(s) créée(s), %(updated)s mise(s) à jour.")

    def import_text(self, text, index):
        """Import `text` under the directory `index`; return a report with created/updated."""
        raise NotImplementedError

    def add_arguments(self, parser):
        parser.add_argument("departement", help="Code or slug of the département, e.g. 59 or nord.")
        parser.add_argument("path", type=Path)

    def handle(self, *args, **options):
        try:
            index = directory_of(options["departement"])
            report = self.import_text(options["path"].read_text(encoding="utf-8"), index)
        except LookupError as error:
            raise CommandError(str(error)) from error
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(_("Fichier illisible : %(error)s") % {"error": error}) from error
        except ImportFailed as failure:
            for message in failure.errors:
                self.stderr.write(message)
            raise CommandError(
                _("%(count)s erreur(s) : rien n'a été importé.") % {"count": len(failure.errors)}
            ) from failure
        self.stdout.write(
            str(self.summary) % {"created": report.created, "updated": report.updated}
        )
