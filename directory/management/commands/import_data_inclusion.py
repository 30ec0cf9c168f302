from directory.data_inclusion import import_payload
from directory.management.importing import DirectoryImportCommand


class Command(DirectoryImportCommand):
    help = (
        "Import data·inclusion v1 structures and services (JSON object with 'structures' and "
        "'services') into a département's directory. All or nothing; re-import updates in place."
    )

    def import_text(self, text, index):
        return import_payload(text, index)
