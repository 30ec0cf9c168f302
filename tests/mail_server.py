"""A real SMTP server for the tests (aiosmtpd), and the task worker run inside a test."""

import socket
from email import message_from_bytes, policy

from aiosmtpd.controller import Controller
from django.test import TestCase, override_settings
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Mailbox:
    """Messages the server accepted; `refuse` maps a recipient to the reply its RCPT gets."""

    def __init__(self):
        self.messages = []
        self.refuse = {}

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"


class SmtpServer:
    """Context manager: an SMTP server on a free port, with the SMTP backend pointed at it."""

    def __init__(self, port=None):
        self.port = port or free_port()
        self.mailbox = Mailbox()

    def settings(self):
        return override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=self.port,
            EMAIL_TIMEOUT=5,
        )

    def __enter__(self):
        self.controller = Controller(self.mailbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()
        return self.mailbox

    def __exit__(self, *exc):
        self.controller.stop()


def run_queued_tasks():
    """Run every task that is due with django-tasks-db's own worker, in the test's transaction.

    (`manage.py db_worker` itself closes the database connection between tasks, which a test
    case's transaction cannot survive; tests/hub/test_outgoing_mail.py runs the command too.)
    Returns the number of tasks run.
    """
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    count = 0
    while (result := DBTaskResult.objects.ready().get_locked()) is not None:
        result.claim(worker.worker_id)
        # What the task queues "after commit" follows at once, as it would outside a test.
        with TestCase.captureOnCommitCallbacks(execute=True):
            worker.run_task(result)
        count += 1
    return count
