"""A porteur's change goes live only once the coordination of its département approves it in
the Wagtail moderation queue; sent back, the porteur gets the comment by e-mail and in the
space, amends and sends again."""

from django.core.cache import cache
from django.test import TestCase
from wagtail.models import WorkflowState

from directory.models import ActionPage
from porteurs.invitations import accept
from porteurs.models import PorteurInvitation
from tests.mail_server import SmtpServer, run_queued_tasks
from tests.porteurs.builders import build_structures, porteur


def action_fields(action, **changes):
    data = {
        "title": action.title,
        "description": action.description,
        "age_min": action.age_min,
        "age_max": action.age_max,
        "format": action.format,
        "mode": action.mode,
        "schedule": "",
        "opening_hours": "",
        "registration": "libre",
        "cost": "gratuit",
        "commune": "Roubaix (59100)",
        "themes": [],
        "publics": [],
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


class ModerationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.pages = build_structures()
        cls.person = porteur("animatrice-pile", cls.pages["pile"])
        # Accepting an invitation switches Wagtail's own notifications off for the porteur.
        invitation = PorteurInvitation.objects.create(
            email="animatrice-pile@exemple.fr",
            structure=cls.pages["pile"],
            token_hash="x" * 64,
            expires_at="2100-01-01T00:00:00Z",
        )
        accept(invitation, cls.person)
        cls.cafe = cls.pages["cafe_pile"]

    def setUp(self):
        cache.clear()
        self.server = SmtpServer()
        self.mailbox = self.server.__enter__()
        self.addCleanup(self.server.__exit__)
        smtp = self.server.settings()
        smtp.enable()
        self.addCleanup(smtp.disable)

    def record_url(self):
        return f"/espace-porteurs/fiches/{self.cafe.pk}/"

    def submit(self, **changes):
        self.client.force_login(self.person)
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(self.record_url(), action_fields(self.cafe, **changes))

    def moderate(self, user, action, comment=""):
        self.client.force_login(user)
        state = WorkflowState.objects.get(status=WorkflowState.STATUS_IN_PROGRESS)
        task_state = state.current_task_state
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(
                f"/admin/pages/workflow/action/{self.cafe.pk}/{action}/{task_state.pk}/",
                {"comment": comment},
            )

    def live_title(self):
        return ActionPage.objects.get(pk=self.cafe.pk).title

    def test_a_change_waits_for_the_coordination_then_goes_live(self):
        response = self.submit(title="Café des parents du Pile, le mardi")
        self.assertRedirects(response, self.record_url(), fetch_redirect_response=False)
        self.assertEqual(self.live_title(), "Café des parents du Pile")
        self.assertNotContains(
            self.client.get(self.cafe.url), "le mardi"
        )  # the public page is unchanged
        space = self.client.get(self.record_url())
        self.assertContains(space, "En attente de validation")
        self.assertContains(space, 'value="Café des parents du Pile, le mardi"')

        # The Nord coordination finds it in its queue, with the comparison; Gironde does not.
        self.client.force_login(self.pages["coord_gironde"])
        self.assertNotContains(self.client.get("/admin/"), "le mardi")
        self.client.force_login(self.pages["coord_nord"])
        dashboard = self.client.get("/admin/")
        self.assertContains(dashboard, "Café des parents du Pile, le mardi")
        state = WorkflowState.objects.get(status=WorkflowState.STATUS_IN_PROGRESS)
        self.assertEqual(state.workflow.name, "Validation par la coordination")
        live_revision = self.cafe.live_revision_id
        compare = self.client.get(
            f"/admin/pages/{self.cafe.pk}/revisions/compare/{live_revision}...latest/"
        )
        self.assertContains(compare, "le mardi")

        refused = self.moderate(self.pages["coord_gironde"], "approve")
        self.assertIn(refused.status_code, (403, 404))
        self.assertEqual(self.live_title(), "Café des parents du Pile")

        self.moderate(self.pages["coord_nord"], "approve", comment="Merci !")
        self.assertEqual(self.live_title(), "Café des parents du Pile, le mardi")
        run_queued_tasks()
        [received] = self.mailbox.messages
        self.assertEqual(received["To"], "animatrice-pile@exemple.fr")
        self.assertIn("est publiée", received["Subject"])
        self.assertIn("Merci !", received.get_body(("plain",)).get_content())
        self.client.force_login(self.person)
        self.assertContains(self.client.get(self.record_url()), "validée et publiée")

    def test_changes_requested_reach_the_porteur_who_amends_and_resends(self):
        self.submit(title="Café des parents", age_max=99)  # refused by the directory's rules
        self.assertEqual(WorkflowState.objects.count(), 0)
        self.submit(title="Café des parents")
        self.moderate(
            self.pages["coord_nord"], "reject", comment="Précisez le jour dans le nom, svp."
        )
        self.assertEqual(self.live_title(), "Café des parents du Pile")
        run_queued_tasks()
        [received] = self.mailbox.messages
        self.assertEqual(received["To"], "animatrice-pile@exemple.fr")
        self.assertIn("demande des modifications", received["Subject"])
        text = received.get_body(("plain",)).get_content()
        self.assertIn("Précisez le jour dans le nom, svp.", text)
        self.assertIn(f"http://testserver{self.record_url()}", text)

        self.client.force_login(self.person)
        space = self.client.get(self.record_url())
        self.assertContains(space, "Modifications demandées par la coordination")
        self.assertContains(space, "Précisez le jour dans le nom, svp.")
        self.assertContains(space, 'value="Café des parents"')

        self.submit(title="Café des parents du mardi")
        state = WorkflowState.objects.get(status=WorkflowState.STATUS_IN_PROGRESS)
        self.assertEqual(
            state.current_task_state.revision.content["title"], "Café des parents du mardi"
        )
        self.moderate(self.pages["coord_nord"], "approve")
        self.assertEqual(self.live_title(), "Café des parents du mardi")

    def test_a_pending_change_is_amended_and_the_queue_shows_the_amended_version(self):
        self.submit(title="Première version")
        self.submit(title="Version complétée")
        self.assertEqual(
            WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS).count(), 1
        )
        self.moderate(self.pages["coord_nord"], "approve")
        self.assertEqual(self.live_title(), "Version complétée")

    def test_invalid_input_is_a_french_form_error_and_nothing_is_saved(self):
        revisions = self.cafe.revisions.count()
        response = self.submit(opening_hours="n'importe quand", commune="Atlantide")
        self.assertContains(response, "Horaires illisibles", status_code=400)
        self.assertContains(response, "Commune inconnue", status_code=400)
        self.assertEqual(self.cafe.revisions.count(), revisions)
