"""An issue composed in the admin, previewed, tested, then sent in batches through the task
queue to the confirmed subscribers of its département and audience: each reader once, whatever
the double clicks and task retries; no tracking pixel, no rewritten link; counts kept; another
département's letter refused."""

import datetime
import json
import math
import re

from django.test import TestCase, override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from hub.models import OutgoingEmail
from newsletter.models import Issue, Subscription
from newsletter.tasks import send_issue
from tests.builders import add_news, build_network
from tests.mail_server import run_queued_tasks

from .helpers import MailServerMixin, html_of, text_of

DRAFTAIL_TEXT = {
    "blocks": [
        {
            "key": "a",
            "text": "Bonjour à toutes et à tous.",
            "type": "unstyled",
            "depth": 0,
            "inlineStyleRanges": [],
            "entityRanges": [],
        }
    ],
    "entityMap": {},
}


def subscribe(email, departement, parents=True, professionals=False):
    return Subscription.objects.create(
        email=email,
        departement=departement,
        parents=parents,
        professionals=professionals,
        token=f"jeton-{email.split('@')[0]}",
        confirmed_at=timezone.now(),
    )


class SendingTests(MailServerMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.network = build_network()
        cls.nord = cls.network["nord"].departement
        cls.gironde = cls.network["gironde"].departement
        cls.news = add_news(cls.network["nord"], "Café des parents de Roubaix : nouvelle saison")
        add_news(cls.network["gironde"], "Ateliers du Médoc")
        cls.coordinator = cls.network["coord_nord"]
        cls.coordinator.email = "coordination@caf59.exemple.fr"
        cls.coordinator.save()

    def setUp(self):
        super().setUp()
        self.client.force_login(self.coordinator)

    def compose(self):
        create = self.client.get("/admin/lettre/59/nouveau/")
        self.assertContains(create, "Café des parents de Roubaix")
        self.assertNotContains(create, "Ateliers du Médoc")
        response = self.client.post(
            "/admin/lettre/59/nouveau/",
            {
                "subject": "La lettre de décembre",
                "audience": "parents",
                "text": json.dumps(DRAFTAIL_TEXT),
                "pages": [self.news.pk],
            },
        )
        self.assertEqual(response.status_code, 302, response.content[:2000])
        return Issue.objects.get()

    def send(self, issue):
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(f"/admin/lettre/numeros/{issue.pk}/envoyer/")

    def test_preview_shows_what_readers_get_and_the_test_goes_to_the_coordinator(self):
        issue = self.compose()
        preview = self.client.get(f"/admin/lettre/numeros/{issue.pk}/apercu/")
        self.assertContains(preview, "Bonjour à toutes et à tous.")
        self.assertContains(preview, "Café des parents de Roubaix")
        frame = self.client.get(f"/admin/lettre/numeros/{issue.pk}/apercu.html")
        self.assertContains(frame, "http://testserver" + self.news.url)

        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(f"/admin/lettre/numeros/{issue.pk}/essai/")
            self.client.post(f"/admin/lettre/numeros/{issue.pk}/essai/")
        run_queued_tasks()
        (test,) = self.mailbox.messages
        self.assertEqual(test["To"], "coordination@caf59.exemple.fr")
        self.assertEqual(test["Subject"], "La lettre de décembre")
        self.assertIn("Bonjour à toutes et à tous.", text_of(test))
        self.assertIsNone(Issue.objects.get().sent_at, "a test sends nothing to subscribers")

    @override_settings(NEWSLETTER_BATCH_SIZE=3)
    def test_batches_reach_each_reader_of_the_letter_once(self):
        readers = [subscribe(f"parent{n}@exemple.fr", self.nord) for n in range(7)]
        subscribe("pro@exemple.fr", self.nord, parents=False, professionals=True)
        subscribe("gironde@exemple.fr", self.gironde)
        issue = self.compose()

        self.send(issue)
        self.send(issue)  # a double click
        self.assertEqual(DBTaskResult.objects.filter(task_path__endswith="send_issue").count(), 1)
        run_queued_tasks()
        batches = DBTaskResult.objects.filter(task_path__endswith="send_issue_batch").count()
        self.assertEqual(batches, math.ceil(len(readers) / 3))

        with self.captureOnCommitCallbacks(execute=True):
            send_issue.enqueue(issue.pk)  # the sending task retried
        run_queued_tasks()

        received = sorted(message["To"] for message in self.mailbox.messages)
        self.assertEqual(received, sorted(reader.email for reader in readers))
        message = self.mailbox.messages[0]
        token = Subscription.objects.get(email=message["To"]).token
        unsubscribe = f"http://testserver/lettre-d-information/desabonnement/{token}/"
        self.assertEqual(message["List-Unsubscribe"].strip(), f"<{unsubscribe}>")
        self.assertEqual(message["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click")
        self.assertIn(unsubscribe, text_of(message))
        html = html_of(message)
        self.assertIn(f'href="{unsubscribe}"', html)
        self.assertNotIn("<img", html, "no tracking pixel")
        hrefs = set(re.findall(r'href="([^"]+)"', html))
        archive = f"http://testserver/lettre-d-information/archives/nord/{issue.pk}/"
        self.assertEqual(hrefs, {"http://testserver" + self.news.url, unsubscribe, archive})

        issue.refresh_from_db()
        self.assertEqual(issue.number, 1)
        index = self.client.get("/admin/lettre/")
        self.assertContains(index, "8 abonnés confirmés : 7 parents, 1 professionnels.")
        self.assertEqual(issue.deliveries.count(), 7)

    def test_a_refused_address_counts_as_a_bounce(self):
        subscribe("parent@exemple.fr", self.nord)
        subscribe("inconnu@exemple.fr", self.nord)
        self.mailbox.refuse["inconnu@exemple.fr"] = "550 No such user"
        issue = self.compose()
        self.send(issue)
        run_queued_tasks()
        self.assertEqual(OutgoingEmail.objects.filter(status="refused").count(), 1)
        sent_at = datetime.datetime(2026, 12, 1, 8, 5, tzinfo=datetime.UTC)  # 9:05 in Paris
        Issue.objects.filter(pk=issue.pk).update(sent_at=sent_at)
        preview = self.client.get(f"/admin/lettre/numeros/{issue.pk}/apercu/")
        self.assertContains(preview, "2 courriels écrits, 1 envoyés, 1 rebonds")
        self.assertContains(preview, "Numéro 1, envoyé le 1er décembre 2026 à 9\u00a0h\u00a005.")

    def test_the_archive_shows_the_issue_as_sent_without_anyones_link(self):
        subscribe("parent@exemple.fr", self.nord)
        issue = self.compose()
        self.send(issue)
        run_queued_tasks()
        self.client.logout()
        listing = self.client.get("/lettre-d-information/archives/nord/")
        self.assertContains(listing, "La lettre de décembre")
        page = self.client.get(f"/lettre-d-information/archives/nord/{issue.pk}/")
        self.assertContains(page, "Bonjour à toutes et à tous.")
        self.assertContains(page, "Café des parents de Roubaix")
        self.assertContains(page, "Numéro 1 de la lettre de la coordination Nord")
        self.assertNotContains(page, "jeton-")
        self.assertEqual(
            self.client.get(f"/lettre-d-information/archives/gironde/{issue.pk}/").status_code,
            404,
        )


class RefusalTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.network = build_network()
        cls.issue = Issue.objects.create(
            departement=cls.network["gironde"].departement, subject="Lettre de la Gironde"
        )

    def test_another_departements_letter_and_issues_are_refused(self):
        self.client.force_login(self.network["coord_nord"])
        for url in [
            "/admin/lettre/33/nouveau/",
            "/admin/lettre/national/nouveau/",
            f"/admin/lettre/numeros/{self.issue.pk}/",
            f"/admin/lettre/numeros/{self.issue.pk}/apercu/",
            f"/admin/lettre/numeros/{self.issue.pk}/apercu.html",
        ]:
            response = self.client.get(url)
            self.assertEqual(response.status_code, 403, url)
            self.assertNotContains(response, "Lettre de la Gironde", status_code=403)
        for action in ("essai", "envoyer"):
            response = self.client.post(f"/admin/lettre/numeros/{self.issue.pk}/{action}/")
            self.assertEqual(response.status_code, 403)
        self.assertIsNone(Issue.objects.get().sent_at)
        index = self.client.get("/admin/lettre/")
        self.assertContains(index, "Nord")
        self.assertNotContains(index, "Lettre de la Gironde")
