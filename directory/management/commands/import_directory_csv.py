from django.utils.translation import gettext_lazy as _

from directory.csv_io import import_actions
from directory.management.importing import DirectoryImportCommand


class Command(DirectoryImportCommand):
    help = (
        "Import actions from a CSV file (columns in the README) into a département's directory. "
        "All or nothing: one bad row and nothing is written."
    )

    summary = _("%(created)s action(s) créée(s), %(updated)s mise(s) à jour.")

    def import_text(self, text, index):
        return import_actions(text, index)
