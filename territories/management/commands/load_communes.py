from django.core.management.base import BaseCommand
from django.db import transaction

from territories import reference
from territories.models import Commune, Epci


class Command(BaseCommand):
    help = "Load (or update in place) communes and EPCI from the npm reference data, offline."

    def add_arguments(self, parser):
        parser.add_argument(
            "--departements", nargs="*", help="Only these départements (codes), e.g. 59 33."
        )
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing when communes are already loaded."
        )

    @transaction.atomic
    def handle(self, *args, **options):
        if options["if_empty"] and Commune.objects.exists():
            self.stdout.write("Communes already loaded: nothing to do.")
            return
        departements = set(options["departements"]) if options["departements"] else None
        rows = reference.communes(departements)
        wanted = {row["code"] for row in rows}
        epci_of = {}
        epci_rows = []
        for epci in reference.epcis():
            members = [member["code"] for member in epci["membres"] if member["code"] in wanted]
            if members:
                epci_rows.append(Epci(code=epci["code"], nom=epci["nom"]))
                for member in members:
                    epci_of[member] = epci["code"]
        Epci.objects.bulk_create(
            epci_rows, update_conflicts=True, unique_fields=["code"], update_fields=["nom"]
        )
        epci_ids = dict(Epci.objects.values_list("code", "id"))
        fields = [
            "nom",
            "search_name",
            "codes_postaux",
            "departement_code",
            "population",
            "latitude",
            "longitude",
            "point_source",
            "epci",
        ]
        Commune.objects.bulk_create(
            [Commune(epci_id=epci_ids.get(epci_of.get(row["code"])), **row) for row in rows],
            batch_size=2000,
            update_conflicts=True,
            unique_fields=["code"],
            update_fields=fields,
        )
        located = sum(1 for row in rows if row["latitude"] is not None)
        self.stdout.write(
            f"{len(rows)} communes loaded, {located} with a point, {len(epci_rows)} EPCI."
        )
