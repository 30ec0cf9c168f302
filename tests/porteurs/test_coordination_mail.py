"""The coordination of the département is e-mailed when a porteur submits a change of a record
to moderation, a dossier to a call for projects or a bilan: once per submission, with the link
to act on it, through a real SMTP server and the task worker."""

from django.core.cache import cache
from django.test import TestCase
from django.urls import reverse
from wagtail.models import WorkflowState

from porteurs import coordination
from porteurs.bilans import ActionBilan
from porteurs.calls import DossierStatus
from tests.mail_server import SmtpServer, run_queued_tasks
from tests.porteurs.builders import build_structures, porteur
from tests.porteurs.call_builders import complete_dossier, open_call
from tests.porteurs.test_bilans import FULL as FULL_BILAN
from tests.porteurs.test_moderation import action_fields


class CoordinationMailTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.data = build_structures()
        cls.person = porteur("animatrice-pile", cls.data["pile"], email="pile@exemple.fr")
        cls.person.first_name, cls.person.last_name = "Nadia", "Benali"
        cls.person.save()
        for name, address in (("coord_nord", "nord@caf.fr"), ("coord_gironde", "gironde@caf.fr")):
            cls.data[name].email = address
            cls.data[name].save()
        cls.cafe = cls.data["cafe_pile"]

    def setUp(self):
        cache.clear()
        server = SmtpServer()
        self.mailbox = server.__enter__()
        self.addCleanup(server.__exit__)
        smtp = server.settings()
        smtp.enable()
        self.addCleanup(smtp.disable)

    def received(self):
        run_queued_tasks()
        return list(self.mailbox.messages)

    def submit_change(self, title):
        self.client.force_login(self.person)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                reverse("porteurs:record", args=[self.cafe.pk]),
                action_fields(self.cafe, title=title),
            )
        self.assertEqual(response.status_code, 302)

    def test_a_submitted_change_reaches_the_nord_coordination_with_the_differences(self):
        self.submit_change("Café des parents du Pile, le mardi")
        [message] = self.received()
        self.assertEqual(message["To"], "nord@caf.fr")
        self.assertEqual(
            message["Subject"].strip(), "Modification à valider : « Café des parents du Pile »"
        )
        text = message.get_body(("plain",)).get_content()
        self.assertIn("Nadia Benali (Centre social du Pile) propose une modification", text)
        html = message.get_body(("html",)).get_content()
        self.assertIn("Voir les différences avec la version en ligne", html)
        compare = next(line for line in text.splitlines() if "/revisions/compare/" in line)
        self.assertTrue(compare.startswith("http://testserver/admin/pages/"))
        self.client.force_login(self.data["coord_nord"])
        diff = self.client.get(compare.removeprefix("http://testserver"))
        self.assertContains(diff, "le mardi")
        self.assertIn("http://testserver/admin/", text)

    def test_each_revision_submitted_is_announced_once(self):
        self.submit_change("Première version")
        self.submit_change("Version complétée")
        self.assertEqual(len(self.received()), 2)
        # Announcing the same revision again (a retried request) sends nothing more.
        state = WorkflowState.objects.get(status=WorkflowState.STATUS_IN_PROGRESS)
        with self.captureOnCommitCallbacks(execute=True):
            coordination.change_submitted(self.cafe, state.current_task_state.revision, self.person)
        self.assertEqual(len(self.received()), 2)

    def test_without_a_coordinator_address_the_sections_address_is_used(self):
        self.data["coord_nord"].email = ""
        self.data["coord_nord"].save()
        nord = self.data["nord"]
        nord.coordination_email = "parentalite@caf-nord.fr"
        nord.save_revision().publish()
        self.submit_change("Café du mardi")
        self.assertEqual([m["To"] for m in self.received()], ["parentalite@caf-nord.fr"])

    def test_an_inactive_or_other_departements_coordinator_is_not_told(self):
        self.data["coord_nord"].is_active = False
        self.data["coord_nord"].save()
        self.submit_change("Café du mardi")
        self.assertEqual(self.received(), [])

    def test_a_submitted_dossier_reaches_the_coordination_with_its_admin_page(self):
        call = open_call(self.data["nord"])
        dossier = complete_dossier(call, self.data["pile"], status=DossierStatus.BROUILLON)
        self.client.force_login(self.person)
        form = {
            "action_title": dossier.action_title,
            "action_type": dossier.action_type,
            "description": dossier.description,
            "themes": dossier.themes,
            "commune": dossier.commune_id,
            f"question_{call.questions.get(position=1).pk}": "Rompre l'isolement.",
            "deposer": "",
        }
        url = reverse("porteurs:dossier", args=[dossier.pk])
        with self.captureOnCommitCallbacks(execute=True):
            self.assertRedirects(self.client.post(url, form), url)
        dossier.refresh_from_db()
        self.assertEqual(dossier.status, DossierStatus.DEPOSE)
        [message] = self.received()
        self.assertEqual(message["To"], "nord@caf.fr")
        self.assertEqual(
            message["Subject"].strip(),
            f"Dossier {dossier.reference} déposé (Appel à projets REAAP 2027)",
        )
        text = message.get_body(("plain",)).get_content()
        self.assertIn("Centre social du Pile a déposé le dossier", text)
        link = f"http://testserver{reverse('porteurs_calls:dossier', args=[dossier.pk])}"
        self.assertIn(link, text)
        self.client.force_login(self.data["coord_nord"])
        self.assertContains(
            self.client.get(link.removeprefix("http://testserver")), dossier.action_title
        )

    def test_a_submitted_bilan_reaches_the_coordination_once(self):
        call = open_call(self.data["nord"], year=2026)
        dossier = complete_dossier(call, self.data["pile"], status=DossierStatus.RETENU)
        self.client.force_login(self.person)
        url = reverse("porteurs:bilan", args=[dossier.pk])
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(url, {**FULL_BILAN, "brouillon": ""})
        self.assertEqual(self.received(), [], "a draft tells nobody")
        with self.captureOnCommitCallbacks(execute=True):
            self.assertRedirects(
                self.client.post(url, {**FULL_BILAN, "transmettre": ""}),
                reverse("porteurs:bilans"),
            )
        self.assertTrue(ActionBilan.objects.get(dossier=dossier).is_submitted)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(url, {**FULL_BILAN, "transmettre": ""})  # already submitted
        [message] = self.received()
        self.assertEqual(message["To"], "nord@caf.fr")
        self.assertEqual(message["Subject"].strip(), f"Bilan transmis : « {dossier.action_title} »")
        text = message.get_body(("plain",)).get_content()
        bilan_link = reverse("porteurs_calls:bilan", args=[call.pk, dossier.pk])
        self.assertIn(f"http://testserver{bilan_link}", text)
        self.client.force_login(self.data["coord_nord"])
        self.assertContains(self.client.get(bilan_link), "PMI, médiathèque")
