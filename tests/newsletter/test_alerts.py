"""Parents' alerts: "Prévenez-moi" on an agenda or directory search saves it after double
opt-in, and the weekly task sends only the new matching offers, nothing when nothing is new,
each message with its unsubscribe link."""

import io
from datetime import timedelta

from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone
from wagtail.models import Page

from newsletter import alerts
from newsletter.models import SavedAlert
from tests.builders import build_network
from tests.directory.builders import add_action, directory_index, load_communes
from tests.events.builders import add_event, agenda
from tests.mail_server import run_queued_tasks

from .helpers import MailServerMixin, links_in, text_of

SOON = timezone.localdate() + timedelta(days=20)


class AgendaAlertTests(MailServerMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.network = build_network()
        cls.agenda = agenda(cls.network["nord"])
        cls.old = add_event(
            cls.network["nord"], "Ancien atelier parents", audience="parents", start_date=SOON
        )
        Page.objects.filter(pk=cls.old.pk).update(
            first_published_at=timezone.now() - timedelta(days=10)
        )

    def save_alert(self, query="public=parents"):
        url = f"/alertes/{self.agenda.pk}/?{query}&page=2"
        form = self.client.get(url)
        self.assertContains(form, "Parents")
        self.assertContains(form, 'type="email"')
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(url, {"email": "parent@exemple.fr"})
        run_queued_tasks()
        self.assertFalse(SavedAlert.objects.exists(), "nothing saved before confirmation")
        (confirmation,) = self.mailbox.messages
        (link,) = links_in(confirmation, "/alertes/confirmer/")
        self.assertContains(self.client.get(link), "Confirmer l")
        self.client.post(link)
        self.mailbox.messages.clear()
        alert = SavedAlert.objects.get()
        self.assertEqual((alert.email, alert.query), ("parent@exemple.fr", "public=parents"))
        return alert

    def run_weekly(self):
        with self.captureOnCommitCallbacks(execute=True):
            call_command("send_alerts", stdout=io.StringIO())
        run_queued_tasks()

    def a_week_passes(self, alert):
        SavedAlert.objects.filter(pk=alert.pk).update(
            checked_until=timezone.now() - timedelta(days=8)
        )

    def test_only_new_matching_offers_are_sent_once_and_nothing_when_nothing_is_new(self):
        alert = self.save_alert()
        self.a_week_passes(alert)
        add_event(
            self.network["nord"], "Nouvel atelier parents", audience="parents", start_date=SOON
        )
        add_event(self.network["nord"], "Formation des professionnels", start_date=SOON)
        add_event(
            self.network["gironde"],
            "Atelier parents en Gironde",
            audience="parents",
            start_date=SOON,
        )

        self.run_weekly()
        (message,) = self.mailbox.messages
        text = text_of(message)
        self.assertIn("Nouvel atelier parents", text)
        for other in ("Ancien atelier", "Formation des professionnels", "Gironde"):
            self.assertNotIn(other, text)
        unsubscribe = f"http://testserver/alertes/desabonnement/{alert.token}/"
        self.assertEqual(message["List-Unsubscribe"].strip(), f"<{unsubscribe}>")
        self.assertEqual(message["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click")
        self.assertIn(unsubscribe, text)

        self.run_weekly()
        self.assertEqual(len(self.mailbox.messages), 1, "not due again within the week")
        # A week later, with nothing published since the last message.
        Page.objects.update(first_published_at=timezone.now() - timedelta(days=9))
        self.a_week_passes(alert)
        self.run_weekly()
        self.assertEqual(len(self.mailbox.messages), 1, "nothing new, nothing sent")

        response = self.client.post(unsubscribe)
        self.assertContains(response, "Désabonnement enregistré")
        self.assertFalse(SavedAlert.objects.exists())

    def test_a_search_the_listing_refuses_is_refused_here_too(self):
        response = self.client.get(f"/alertes/{self.agenda.pk}/?public=zzz")
        self.assertContains(response, "Le public « zzz » n", status_code=400)

    def test_a_page_that_is_not_a_listing_has_no_alert(self):
        section = self.network["nord"]
        self.assertEqual(self.client.get(f"/alertes/{section.pk}/").status_code, 404)

    def test_the_listing_links_to_its_alert_form_with_its_search(self):
        response = self.client.get(self.agenda.url + "?public=parents")
        self.assertContains(response, f'href="/alertes/{self.agenda.pk}/?public=parents"')
        self.assertNotIn("csrftoken", response.cookies)


class DirectoryAlertTests(TestCase):
    """The directory's alert runs the directory's own search (words, place, filters)."""

    @classmethod
    def setUpTestData(cls):
        load_communes()
        cls.network = build_network()
        nord = cls.network["nord"]
        cls.directory = directory_index(nord)
        old = add_action(nord, "Ancien café des parents", town="Roubaix")
        Page.objects.filter(pk=old.pk).update(
            first_published_at=timezone.now() - timedelta(days=10)
        )

    def test_only_new_records_matching_the_search_are_found(self):
        nord = self.network["nord"]
        since = timezone.now() - timedelta(days=8)
        add_action(nord, "Nouveau café des parents", town="Roubaix")
        add_action(nord, "Atelier cuisine", town="Roubaix", action_type="atelier-parents")
        form, filters = alerts.read_search(
            self.directory, "lieu=Roubaix&rayon=10&type=cafe-des-parents"
        )
        found = alerts.new_offers(self.directory, filters, since, timezone.now())
        self.assertEqual([page.title for page in found], ["Nouveau café des parents"])
        self.assertIn("Près de Roubaix", alerts.describe_search(self.directory, form))
