import random

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from hub import demo
from hub.sections import ensure_home_page
from search import indexing
from territories.models import Departement


class Command(BaseCommand):
    help = "Fill two départements with realistic demo content and create the demo accounts."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Load even if the demo content is already there."
        )
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, **options):
        User = get_user_model()
        if not options["force"] and User.objects.filter(username=demo.NATIONAL_ADMIN["username"]):
            self.stdout.write("Demo content already loaded: nothing to do.")
            return
        if not Departement.objects.exists():
            call_command("load_departements", stdout=self.stdout)
        rng = random.Random(options["seed"])
        with transaction.atomic(), indexing.suspended():
            ensure_home_page()
            sections = demo.create_sections()
            demo.create_accounts(sections)
            for app, populate in demo.populators():
                for section in sections:
                    populate(section, rng)
                self.stdout.write(f"Demo content of {app} loaded.")
        # Pages are published without indexing them one by one: index the demo in one pass.
        call_command("search_index", "rebuild", stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
