import json

from django.core.management.base import BaseCommand, CommandError

from directory.data_inclusion import export
from directory.models import ActionPage, StructurePage
from directory.sections import directory_of


class Command(BaseCommand):
    help = "Export structures and actions as data·inclusion v1 JSON on standard output."

    def add_arguments(self, parser):
        parser.add_argument("departement", nargs="?", help="Code or slug; all when omitted.")

    def handle(self, *args, **options):
        structures, actions = StructurePage.objects.live(), ActionPage.objects.live()
        if options["departement"]:
            try:
                index = directory_of(options["departement"])
            except LookupError as error:
                raise CommandError(str(error)) from error
            structures, actions = structures.descendant_of(index), actions.descendant_of(index)
        self.stdout.write(json.dumps(export(structures, actions), ensure_ascii=False, indent=2))
