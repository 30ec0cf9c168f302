"""Hand the due parents' alerts to the task queue, in batches; meant for a daily timer."""

from functools import partial

from django.core.management.base import BaseCommand
from django.db import transaction

from newsletter.alerts import due_alerts
from newsletter.tasks import check_alerts

BATCH = 100


class Command(BaseCommand):
    help = "Envoie (par la file des tâches) les alertes dues : nouveautés de la semaine."

    def handle(self, *args, **options):
        ids = list(due_alerts().order_by("pk").values_list("pk", flat=True))
        with transaction.atomic():
            for start in range(0, len(ids), BATCH):
                transaction.on_commit(partial(check_alerts.enqueue, ids[start : start + BATCH]))
        self.stdout.write(f"{len(ids)} alerte(s) à vérifier confiée(s) à la file des tâches.")
