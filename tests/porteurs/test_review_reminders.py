"""Records due for review e-mail their porteurs, one message per person listing all their due
records, once per due date; records not due are left alone."""

from django.test import TestCase
from django.utils import timezone

from porteurs.models import PorteurAccess
from porteurs.tasks import send_review_reminders
from tests.mail_server import SmtpServer, run_queued_tasks
from tests.porteurs.builders import build_structures, porteur
from tests.porteurs.freshness_builders import backdate, by_recipient, plain


class ReviewReminderTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.pages = build_structures()
        cls.animatrice = porteur("animatrice-pile", cls.pages["pile"])
        cls.directrice = porteur("directrice-pile", cls.pages["pile"])
        atelier = cls.pages["atelier_alma"]
        atelier.email = "atelier@alma.exemple.fr"
        atelier.save(update_fields=["email"])
        backdate(
            cls.pages["pile"],
            cls.pages["cafe_pile"],
            cls.pages["lieu_pile"],
            cls.pages["atelier_alma"],
        )
        # The coordination asked for a check every month; published 40 days ago: due too.
        promeneur = cls.pages["promeneur_pile"]
        promeneur.review_every_months = 1
        promeneur.save(update_fields=["review_every_months"])
        backdate(promeneur, days=40)
        # Published 40 days ago with the default 12 months: not due.
        backdate(cls.pages["alma"], days=40)

    def setUp(self):
        server = SmtpServer()
        self.mailbox = server.__enter__()
        self.addCleanup(server.__exit__)
        settings = server.settings()
        settings.enable()
        self.addCleanup(settings.disable)

    def run_reminders(self):
        with self.captureOnCommitCallbacks(execute=True):
            send_review_reminders.enqueue()
        run_queued_tasks()

    def test_each_porteur_gets_one_message_listing_all_their_due_records(self):
        self.run_reminders()
        messages = by_recipient(self.mailbox)
        self.assertEqual(
            sorted(messages),
            ["animatrice-pile@exemple.fr", "atelier@alma.exemple.fr", "directrice-pile@exemple.fr"],
        )
        self.assertTrue(all(len(received) == 1 for received in messages.values()))
        letter = messages["animatrice-pile@exemple.fr"][0]
        # (The parser keeps a space where the long encoded header was folded.)
        self.assertEqual(
            letter["Subject"].strip(), "Vos 4 fiches de l'annuaire sont-elles toujours à jour ?"
        )
        text = plain(letter)
        for name in ("pile", "cafe_pile", "lieu_pile", "promeneur_pile"):
            self.assertIn(self.pages[name].title, text)
        self.assertNotIn("Alma", text)
        self.assertEqual(text.count("Toujours à jour : http"), 4)
        html = letter.get_body(("html",)).get_content()
        self.assertIn("Modifier dans l'espace porteurs</a>", html)
        alma = plain(messages["atelier@alma.exemple.fr"][0])
        self.assertIn("Atelier parents-ados de l'Alma", alma)
        self.assertNotIn("Association de l'Alma (structure)", alma)

    def test_the_task_run_again_sends_nothing_for_the_same_due_date(self):
        self.run_reminders()
        count = len(self.mailbox.messages)
        self.run_reminders()
        self.assertEqual(len(self.mailbox.messages), count)

    def test_a_record_of_a_structure_without_porteur_goes_to_its_own_email_only(self):
        PorteurAccess.objects.update(revoked_at=timezone.now())
        self.run_reminders()
        # The Pile's records have no e-mail of their own: nobody to write to.
        self.assertEqual(
            [received["To"] for received in self.mailbox.messages], ["atelier@alma.exemple.fr"]
        )

    def test_the_command_queues_the_task(self):
        from io import StringIO

        from django.core.management import call_command

        with self.captureOnCommitCallbacks(execute=True):
            call_command("send_review_reminders", stdout=StringIO())
        run_queued_tasks()
        self.assertEqual(len(self.mailbox.messages), 3)
