"""The coordination instructs its département's dossiers: statuses in order, a comment e-mailed
to the porteurs (real SMTP server, worker run), a retained dossier makes a draft action in the
directory; another département's dossier is refused, a porteur's draft is not shown."""

from django.test import TestCase
from django.urls import reverse

from directory.models import ActionPage
from porteurs.calls import Dossier, DossierStatus
from tests.mail_server import SmtpServer, run_queued_tasks
from tests.porteurs.builders import build_structures, porteur
from tests.porteurs.call_builders import complete_dossier, open_call, paris


class InstructionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.data = build_structures()
        cls.person = porteur("animatrice-pile", cls.data["pile"], email="pile@exemple.fr")
        cls.call = open_call(cls.data["nord"])
        cls.dossier = complete_dossier(cls.call, cls.data["pile"])
        cls.gironde_call = open_call(cls.data["gironde"])
        cls.gironde_dossier = complete_dossier(
            cls.gironde_call,
            cls.data["chartrons"],
            town="Bordeaux",
            action_title="Atelier Chartrons",
        )

    def decide(self, status, comment=""):
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(
                reverse("porteurs_calls:dossier", args=[self.dossier.pk]),
                {"status": status, "comment": comment},
            )

    def test_statuses_follow_in_order_and_the_porteur_gets_the_comment(self):
        self.client.force_login(self.data["coord_nord"])
        server = SmtpServer()
        with server as mailbox, server.settings():
            response = self.decide(DossierStatus.RETENU)
            self.assertEqual(response.status_code, 400, "déposé must go through instruction")
            self.assertRedirects(
                self.decide(DossierStatus.INSTRUCTION), response.request["PATH_INFO"]
            )
            response = self.decide(DossierStatus.REFUSE)
            self.assertContains(response, "Expliquez au porteur", status_code=400)
            self.decide(DossierStatus.RETENU, "Dossier retenu : 1 500 € accordés.")
            run_queued_tasks()
        self.dossier.refresh_from_db()
        self.assertEqual(self.dossier.status, DossierStatus.RETENU)
        subjects = [message["Subject"] for message in mailbox.messages]
        self.assertIn(f"Votre dossier {self.dossier.reference} : Retenu", subjects)
        retained = next(m for m in mailbox.messages if m["Subject"].endswith("Retenu"))
        self.assertEqual(retained["To"], "pile@exemple.fr")
        self.assertIn("1 500 € accordés", retained.get_body(("plain",)).get_content())
        self.assertIn("1 500 € accordés", retained.get_body(("html",)).get_content())

    def test_the_dossier_tells_when_it_was_submitted_in_french_hours(self):
        Dossier.objects.filter(pk=self.dossier.pk).update(submitted_at=paris(2027, 2, 1, 14, 5))
        self.client.force_login(self.data["coord_nord"])
        response = self.client.get(reverse("porteurs_calls:dossier", args=[self.dossier.pk]))
        self.assertContains(response, "déposé le 1er février 2027 à 14\u00a0h\u00a005")

    def test_a_retained_dossier_creates_a_draft_action_with_its_answers(self):
        self.client.force_login(self.data["coord_nord"])
        self.decide(DossierStatus.INSTRUCTION)
        self.decide(DossierStatus.RETENU, "Bravo")
        self.dossier.refresh_from_db()
        action = ActionPage.objects.get(pk=self.dossier.action_id)
        self.assertFalse(action.live)
        self.assertTrue(action.get_parent().get_parent().pk == self.data["nord"].pk)
        draft = action.get_latest_revision_as_object()
        self.assertEqual(draft.title, "Café des parents du mardi")
        self.assertEqual(draft.action_type, "cafe-des-parents")
        self.assertEqual(draft.themes, ["adolescence", "ecrans-et-numerique"])
        self.assertEqual(draft.publics, ["familles-monoparentales"])
        self.assertEqual(draft.commune.nom, "Roubaix")
        self.assertEqual((draft.age_min, draft.age_max), (6, 16))
        self.assertEqual(draft.structure_id, self.data["pile"].pk)

    def test_a_renewal_updates_the_existing_action_as_a_draft_revision(self):
        cafe = self.data["cafe_pile"]
        self.dossier.renewed_action = cafe
        self.dossier.action_title = "Café des parents du Pile, saison 2"
        self.dossier.save()
        self.client.force_login(self.data["coord_nord"])
        self.decide(DossierStatus.INSTRUCTION)
        self.decide(DossierStatus.RETENU, "Renouvelé")
        cafe.refresh_from_db()
        self.assertEqual(cafe.title, "Café des parents du Pile", "live version untouched")
        self.assertTrue(cafe.has_unpublished_changes)
        self.assertEqual(
            cafe.get_latest_revision_as_object().title, "Café des parents du Pile, saison 2"
        )

    def test_another_departement_and_drafts_are_refused(self):
        self.client.force_login(self.data["coord_nord"])
        for name, args in [
            ("porteurs_calls:dossier", [self.gironde_dossier.pk]),
            ("porteurs_calls:call", [self.gironde_call.pk]),
            ("porteurs_calls:call_edit", [self.gironde_call.pk]),
            ("porteurs_calls:call_export_xlsx", [self.gironde_call.pk]),
            ("porteurs_calls:call_bilans", [self.gironde_call.pk]),
        ]:
            self.assertEqual(self.client.get(reverse(name, args=args)).status_code, 403, name)
        response = self.client.post(
            reverse("porteurs_calls:dossier", args=[self.gironde_dossier.pk]),
            {"status": DossierStatus.INSTRUCTION},
        )
        self.assertEqual(response.status_code, 403)
        self.gironde_dossier.refresh_from_db()
        self.assertEqual(self.gironde_dossier.status, DossierStatus.DEPOSE)
        draft = complete_dossier(self.call, self.data["alma"], status=DossierStatus.BROUILLON)
        self.assertEqual(
            self.client.get(reverse("porteurs_calls:dossier", args=[draft.pk])).status_code, 404
        )
        listing = self.client.get(reverse("porteurs_calls:call", args=[self.call.pk]))
        self.assertNotContains(listing, "Association de l'Alma")
        self.assertContains(listing, "Centre social du Pile")

    def test_a_porteur_never_reaches_another_structures_dossier(self):
        alma = porteur("tresorier-alma", self.data["alma"])
        self.client.force_login(alma)
        url = reverse("porteurs:dossier", args=[self.dossier.pk])
        self.assertEqual(self.client.get(url).status_code, 404)
        self.assertEqual(
            self.client.post(url, {"action_title": "Piraté", "brouillon": ""}).status_code, 404
        )
        self.assertEqual(
            self.client.post(
                reverse("porteurs:attachment_add", args=[self.dossier.pk])
            ).status_code,
            404,
        )
        response = self.client.post(
            reverse("porteurs:dossier_create", args=[self.call.pk]),
            {"structure": self.data["pile"].pk},
        )
        self.assertRedirects(response, reverse("porteurs:calls"))
        self.assertEqual(self.data["pile"].dossiers.count(), 1)
        # Another département's call is not offered to a Nord porteur.
        response = self.client.post(
            reverse("porteurs:dossier_create", args=[self.gironde_call.pk]),
            {"structure": self.data["alma"].pk},
        )
        self.assertEqual(response.status_code, 404)
        self.dossier.refresh_from_db()
        self.assertNotEqual(self.dossier.action_title, "Piraté")
        self.assertEqual(self.client.get(reverse("porteurs_calls:call_list")).status_code, 302)
