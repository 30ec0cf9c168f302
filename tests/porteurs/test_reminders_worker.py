"""`manage.py send_review_reminders`, then the real `manage.py db_worker`, deliver a reminder."""

import io

from django.core.management import call_command
from django.test import TransactionTestCase

from porteurs.models import ReviewReminder
from tests.mail_server import SmtpServer
from tests.porteurs.builders import build_structures, porteur
from tests.porteurs.freshness_builders import backdate


class ReminderWorkerTests(TransactionTestCase):
    # Starts from the migrated database (root page, groups) and leaves it for the next one.
    serialized_rollback = True

    def test_the_daily_command_and_the_worker_send_the_reminder_once(self):
        pages = build_structures()
        porteur("animatrice-pile", pages["pile"])
        backdate(pages["cafe_pile"])
        server = SmtpServer()
        with server as mailbox, server.settings():
            for _day in range(2):
                call_command("send_review_reminders", stdout=io.StringIO())
                call_command("db_worker", batch=True, startup_delay=False, stdout=io.StringIO())
        self.assertEqual(
            [message["To"] for message in mailbox.messages], ["animatrice-pile@exemple.fr"]
        )
        self.assertIn(
            "Café des parents du Pile", mailbox.messages[0].get_body(("plain",)).get_content()
        )
        self.assertEqual(ReviewReminder.objects.count(), 1)
