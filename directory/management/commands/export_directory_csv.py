from django.core.management.base import BaseCommand, CommandError

from directory.csv_io import export_actions
from directory.models import ActionPage
from directory.sections import directory_of


class Command(BaseCommand):
    help = "Export a département's actions (or every action) as CSV on standard output."

    def add_arguments(self, parser):
        parser.add_argument("departement", nargs="?", help="Code or slug; all when omitted.")

    def handle(self, *args, **options):
        queryset = ActionPage.objects.all()
        if options["departement"]:
            try:
                queryset = queryset.descendant_of(directory_of(options["departement"]))
            except LookupError as error:
                raise CommandError(str(error)) from error
        self.stdout.write(export_actions(queryset), ending="")
