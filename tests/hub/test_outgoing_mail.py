"""E-mails go out through the task queue to a real SMTP server: once, in French, text and HTML,
again later after a temporary failure, never after a permanent one."""

import io
from datetime import timedelta

from django.core.management import call_command
from django.test import TestCase, TransactionTestCase, override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from hub import mail
from hub.models import OutgoingEmail
from tests.mail_server import SmtpServer, run_queued_tasks


def message(key, to="parent@exemple.fr"):
    return mail.Message(
        key=key,
        to=to,
        subject="Votre invitation à l'espace porteurs",
        body_text="Bonjour,\nvoici votre lien.\n",
        body_html="<p>Bonjour,</p><p>voici votre lien.</p>",
        headers={"List-Unsubscribe": "<https://hub.exemple.fr/desabonnement/abc/>"},
    )


class DeliveryTests(TestCase):
    def setUp(self):
        self.server = SmtpServer()
        self.mailbox = self.server.__enter__()
        self.addCleanup(self.server.__exit__)
        settings = self.server.settings()
        settings.enable()
        self.addCleanup(settings.disable)

    def queue(self, *messages):
        with self.captureOnCommitCallbacks(execute=True):
            return mail.queue(messages)

    def test_nothing_leaves_before_the_worker_runs_then_each_message_once(self):
        rows = self.queue(message("essai:1"), message("essai:2", to="autre@exemple.fr"))
        self.assertEqual(self.mailbox.messages, [])
        self.assertEqual({row.status for row in rows}, {OutgoingEmail.Status.QUEUED})

        run_queued_tasks()

        self.assertEqual(
            sorted(received["To"] for received in self.mailbox.messages),
            ["autre@exemple.fr", "parent@exemple.fr"],
        )
        received = self.mailbox.messages[0]
        self.assertEqual(received["Subject"], "Votre invitation à l'espace porteurs")
        self.assertIn("ne-pas-repondre@hub-parentalite.fr", received["From"])
        self.assertEqual(
            received["List-Unsubscribe"], "<https://hub.exemple.fr/desabonnement/abc/>"
        )
        plain = received.get_body(("plain",)).get_content()
        self.assertEqual(plain.splitlines(), ["Bonjour,", "voici votre lien."])
        self.assertIn("<p>Bonjour,</p>", received.get_body(("html",)).get_content())
        self.assertEqual(
            set(OutgoingEmail.objects.values_list("status", flat=True)),
            {OutgoingEmail.Status.SENT},
        )

    def test_the_same_key_queued_twice_and_a_task_run_twice_send_one_message(self):
        first = self.queue(message("invitation:7"))[0]
        again = self.queue(message("invitation:7", to="quelquun@exemple.fr"))[0]
        self.assertEqual(first.pk, again.pk)
        self.assertEqual(DBTaskResult.objects.count(), 1)

        from hub.tasks import deliver_emails

        with self.captureOnCommitCallbacks(execute=True):
            deliver_emails.enqueue([first.pk])
        run_queued_tasks()

        self.assertEqual([r["To"] for r in self.mailbox.messages], ["parent@exemple.fr"])

    def test_a_batch_goes_over_one_connection_per_task(self):
        with override_settings(EMAIL_BATCH_SIZE=2):
            self.queue(*(message(f"lot:{n}", to=f"p{n}@exemple.fr") for n in range(5)))
        self.assertEqual(DBTaskResult.objects.count(), 3)
        run_queued_tasks()
        self.assertEqual(len(self.mailbox.messages), 5)

    def test_a_permanent_refusal_is_not_tried_again(self):
        self.mailbox.refuse["inconnu@exemple.fr"] = "550 No such user"
        row = self.queue(message("refus:1", to="inconnu@exemple.fr"))[0]
        run_queued_tasks()
        row.refresh_from_db()
        self.assertEqual(row.status, OutgoingEmail.Status.REFUSED)
        self.assertIn("No such user", row.last_error)
        self.assertEqual(DBTaskResult.objects.ready().count(), 0)

    @override_settings(EMAIL_RETRY_DELAYS=[600, 600])
    def test_a_temporary_failure_comes_back_later_and_the_last_one_fails_the_message(self):
        self.mailbox.refuse["plein@exemple.fr"] = "452 Mailbox full, try later"
        row = self.queue(message("plein:1", to="plein@exemple.fr"))[0]
        run_queued_tasks()
        row.refresh_from_db()
        self.assertEqual((row.status, row.attempts), (OutgoingEmail.Status.QUEUED, 1))
        retry = DBTaskResult.objects.get(status="READY")
        self.assertGreater(retry.run_after, timezone.now() + timedelta(seconds=590))
        self.assertEqual(run_queued_tasks(), 0, "the retry waits for its time")

        for _ in range(2):
            DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
            run_queued_tasks()
        row.refresh_from_db()
        self.assertEqual((row.status, row.attempts), (OutgoingEmail.Status.FAILED, 3))
        self.assertEqual(self.mailbox.messages, [])


class ServerDownTests(TestCase):
    def test_a_server_that_does_not_answer_keeps_the_message_for_later(self):
        server = SmtpServer()
        with server.settings():
            with self.captureOnCommitCallbacks(execute=True):
                row = mail.queue([message("panne:1")])[0]
            run_queued_tasks()
            row.refresh_from_db()
            self.assertEqual(row.status, OutgoingEmail.Status.QUEUED)
            self.assertTrue(row.last_error)

            DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
            with server as mailbox:
                run_queued_tasks()
            row.refresh_from_db()
            self.assertEqual(row.status, OutgoingEmail.Status.SENT)
            self.assertEqual(len(mailbox.messages), 1)


class WorkerCommandTests(TransactionTestCase):
    """`manage.py db_worker`, the command `make run` starts, delivers what a request queued."""

    # Leaves the migrated database as it found it for the transactional tests after it.
    serialized_rollback = True

    def test_the_worker_command_delivers_the_queue(self):
        server = SmtpServer()
        with server as mailbox, server.settings():
            mail.queue([message("commande:1"), message("commande:2", to="b@exemple.fr")])
            call_command("db_worker", batch=True, startup_delay=False, stdout=io.StringIO())
        self.assertEqual(len(mailbox.messages), 2)
        self.assertEqual(OutgoingEmail.objects.filter(status="sent").count(), 2)
