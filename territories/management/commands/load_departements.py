from django.core.management.base import BaseCommand
from django.db import transaction

from territories import reference
from territories.models import Departement


class Command(BaseCommand):
    help = "Load or update every French département from the official reference data."

    @transaction.atomic
    def handle(self, *args, **options):
        created = updated = 0
        for row in reference.departements():
            _obj, was_created = Departement.objects.update_or_create(
                code=row.pop("code"), defaults=row
            )
            created += was_created
            updated += not was_created
        self.stdout.write(f"Départements: {created} created, {updated} updated.")
