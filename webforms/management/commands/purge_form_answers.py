from django.core.management.base import BaseCommand

from webforms.retention import delete_expired_answers


class Command(BaseCommand):
    help = (
        "Queue the deletion of form answers past their retention period (run daily: "
        "a systemd timer or cron, see the README)."
    )

    def handle(self, *args, **options):
        result = delete_expired_answers.enqueue()
        self.stdout.write(f"Deletion of expired answers queued (task {result.id}).")
