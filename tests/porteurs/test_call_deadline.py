"""A dossier is submitted up to the call's deadline, in Paris time, whatever the season; after
it, « Déposer » is refused with a clear message and the draft stays."""

from django.test import TestCase
from django.urls import reverse

from porteurs import instruction
from porteurs.calls import Dossier, DossierStatus
from tests.porteurs.builders import build_structures, porteur
from tests.porteurs.call_builders import complete_dossier, open_call, paris


class DeadlineTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.data = build_structures()
        cls.person = porteur("animatrice-pile", cls.data["pile"])

    def test_the_deadline_is_paris_time_after_the_change_to_summer_time(self):
        # 28 March 2027: clocks go forward; the deadline is 31 March 23:59 in Paris (21:59 UTC).
        call = open_call(
            self.data["nord"],
            opens_at=paris(2027, 1, 1, 9, 0),
            closes_at=paris(2027, 3, 31, 23, 59),
        )
        dossier = complete_dossier(call, self.data["pile"], status=DossierStatus.BROUILLON)
        self.assertEqual(call.deadline_text(), "31 mars 2027 à 23\u00a0h\u00a059")
        self.assertTrue(call.is_open(paris(2027, 3, 31, 23, 59)))
        # 22:30 UTC is 23:30 in winter time, but already 00:30 on 1 April in summer time.
        self.assertFalse(call.is_open(paris(2027, 4, 1, 0, 30)))
        errors = instruction.submission_errors(dossier, at=paris(2027, 4, 1, 0, 0))
        self.assertIn(
            "La date limite de dépôt est passée (31 mars 2027 à 23\u00a0h\u00a059", errors[None]
        )
        self.assertEqual(instruction.submission_errors(dossier, at=paris(2027, 3, 31, 23, 58)), {})

    def test_the_calls_page_tells_opening_and_deadline_in_french_hours(self):
        open_call(
            self.data["nord"],
            opens_at=paris(2099, 3, 1, 9, 0),
            closes_at=paris(2099, 3, 31, 17, 30),
        )
        self.client.force_login(self.person)
        response = self.client.get(reverse("porteurs:calls"))
        self.assertContains(response, "Ouverture des dépôts le 1er mars 2099 à 9\u00a0h.")
        self.assertContains(response, "dépôt jusqu'au 31 mars 2099 à 17\u00a0h\u00a030 (heure")

    def test_after_the_deadline_the_space_refuses_and_keeps_the_draft(self):
        call = open_call(self.data["nord"])
        dossier = complete_dossier(call, self.data["pile"], status=DossierStatus.BROUILLON)
        call.closes_at = paris(2026, 1, 31, 23, 59)
        call.opens_at = paris(2026, 1, 1, 9, 0)
        call.save()
        self.client.force_login(self.person)
        url = reverse("porteurs:dossier", args=[dossier.pk])
        form = {
            "action_title": "Café des parents du mardi",
            "action_type": "cafe-des-parents",
            "description": "Un café.",
            "themes": ["adolescence"],
            "commune": dossier.commune_id,
            f"question_{call.questions.get(position=1).pk}": "Rompre l'isolement.",
            "deposer": "",
        }
        response = self.client.post(url, form)
        self.assertContains(response, "La date limite de dépôt est passée", status_code=400)
        dossier.refresh_from_db()
        self.assertEqual(dossier.status, DossierStatus.BROUILLON)
        self.assertEqual(dossier.action_title, "Café des parents du mardi")

    def test_a_draft_is_saved_then_submitted_before_the_deadline(self):
        call = open_call(self.data["nord"])
        self.client.force_login(self.person)
        response = self.client.post(
            reverse("porteurs:dossier_create", args=[call.pk]), {"structure": self.data["pile"].pk}
        )
        dossier = Dossier.objects.get()
        self.assertRedirects(response, reverse("porteurs:dossier", args=[dossier.pk]))
        url = reverse("porteurs:dossier", args=[dossier.pk])
        response = self.client.post(url, {"action_title": "Atelier écrans", "deposer": ""})
        self.assertContains(
            response, "Ce champ est obligatoire pour déposer le dossier.", status_code=400
        )
        self.assertContains(
            response, "Cette question est obligatoire pour déposer le dossier.", status_code=400
        )
        form = {
            "action_title": "Atelier écrans",
            "action_type": "atelier-parents",
            "description": "Des ateliers sur les écrans.",
            "themes": ["ecrans-et-numerique"],
            "commune": self.data["cafe_pile"].commune_id,
            f"question_{call.questions.get(position=1).pk}": "Accompagner les usages.",
            f"question_{call.questions.get(position=2).pk}": "10",
            "brouillon": "",
        }
        self.assertRedirects(self.client.post(url, form), url)
        dossier.refresh_from_db()
        self.assertEqual(dossier.status, DossierStatus.BROUILLON)
        self.assertEqual(dossier.answers[str(call.questions.get(position=2).pk)], "10")
        form.pop("brouillon")
        form["deposer"] = ""
        self.assertRedirects(self.client.post(url, form), url)
        dossier.refresh_from_db()
        self.assertEqual(dossier.status, DossierStatus.DEPOSE)
        self.assertContains(self.client.get(url), "Déposé")
