"""The « toujours à jour » link: a GET shows the record and one button (a mail scanner changes
nothing), the POST confirms without login and parents see the new date; a tampered or expired
link is refused with a French page, 400, nothing changed."""

import time

from django.core import signing
from django.test import TestCase
from django.utils import timezone
from wagtail.models import Revision

from directory.models import ActionPage
from hub.dates import format_date
from porteurs.freshness import TOKEN_SALT, token
from porteurs.tasks import send_review_reminders
from tests.mail_server import SmtpServer, run_queued_tasks
from tests.porteurs.builders import build_structures, porteur
from tests.porteurs.freshness_builders import CONFIRM_LINK, backdate, plain


class PastSigner(signing.TimestampSigner):
    """Signs as if 61 days ago: past the 60 days a link stays valid."""

    def timestamp(self):
        return signing.b62_encode(int(time.time()) - 61 * 24 * 3600)


class ConfirmationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.pages = build_structures()
        cls.person = porteur("animatrice-pile", cls.pages["pile"])
        backdate(cls.pages["cafe_pile"])

    def cafe(self):
        return ActionPage.objects.get(pk=self.pages["cafe_pile"].pk)

    def link(self, value):
        return f"/espace-porteurs/verifier/{value}/"

    def test_the_link_of_the_email_confirms_in_one_click_and_parents_see_the_date(self):
        server = SmtpServer()
        with server as mailbox, server.settings():
            with self.captureOnCommitCallbacks(execute=True):
                send_review_reminders.enqueue()
            run_queued_tasks()
        url = CONFIRM_LINK.search(plain(mailbox.messages[0])).group(0)
        path = url.removeprefix("http://testserver")

        page = self.client.get(path)
        self.assertContains(page, "Cette fiche est-elle toujours à jour ?")
        self.assertContains(page, "Café des parents du Pile")
        self.assertContains(page, "Oui, ces informations sont toujours à jour")
        self.assertIsNone(self.cafe().confirmed_at, "a GET (a mail scanner) confirms nothing")
        old = format_date(timezone.localdate(self.cafe().verified_at), "j F Y")
        self.assertContains(self.client.get(self.cafe().url), "Informations vérifiées le")
        self.assertContains(self.client.get(self.cafe().url), old)

        done = self.client.post(path)
        self.assertContains(done, "Merci, la fiche est confirmée à jour")
        self.assertIsNotNone(self.cafe().confirmed_at)
        today = format_date(timezone.localdate(), "j F Y")
        public = self.client.get(self.cafe().url)
        self.assertContains(public, "Informations vérifiées le <time datetime=")
        self.assertContains(public, f">{today}</time>")
        self.assertFalse(self.cafe().is_due_for_review())

    def test_a_tampered_link_is_refused_and_changes_nothing(self):
        value = token(self.cafe())
        tampered = value[:-3] + ("abc" if not value.endswith("abc") else "xyz")
        for method in (self.client.get, self.client.post):
            response = method(self.link(tampered))
            self.assertContains(response, "Ce lien n&#x27;est pas valide", status_code=400)
            self.assertContains(response, "Rien n'a été modifié", status_code=400)
        other_page = signing.dumps({"page": self.pages["atelier_chartrons"].pk}, salt="autre")
        self.assertEqual(self.client.post(self.link(other_page)).status_code, 400)
        self.assertIsNone(self.cafe().confirmed_at)

    def test_an_expired_link_is_refused_and_changes_nothing(self):
        expired = PastSigner(salt=TOKEN_SALT).sign_object({"page": self.cafe().pk})
        response = self.client.post(self.link(expired))
        self.assertContains(response, "Ce lien a expiré", status_code=400)
        self.assertIsNone(self.cafe().confirmed_at)

    def test_a_link_to_an_unpublished_record_is_refused(self):
        value = token(self.cafe())
        self.cafe().unpublish()
        response = self.client.post(self.link(value))
        self.assertContains(response, "plus publiée", status_code=400)

    def test_a_confirmation_survives_publishing_an_older_draft(self):
        cafe = self.cafe()
        draft = cafe.save_revision()
        self.client.post(self.link(token(cafe)))
        confirmed = self.cafe().confirmed_at
        Revision.objects.get(pk=draft.pk).publish()
        self.assertEqual(self.cafe().confirmed_at, confirmed)

    def test_the_porteurs_space_lists_records_to_verify_and_confirms_them(self):
        self.client.force_login(self.person)
        listing = self.client.get("/espace-porteurs/a-verifier/")
        self.assertContains(listing, "Fiches à vérifier maintenant : 1.")
        self.assertContains(listing, "Café des parents du Pile")
        self.assertNotContains(listing, "Atelier des Chartrons")
        response = self.client.post(
            f"/espace-porteurs/a-verifier/{self.cafe().pk}/confirmer/", follow=True
        )
        self.assertContains(response, "la fiche est confirmée à jour")
        self.assertContains(response, "Fiches à vérifier maintenant : 0.")
        refused = self.client.post(
            f"/espace-porteurs/a-verifier/{self.pages['atelier_chartrons'].pk}/confirmer/"
        )
        self.assertEqual(refused.status_code, 404)
