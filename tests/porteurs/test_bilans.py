"""The bilan of a funded action: validated with French messages naming the field, saved as a
draft, submitted; the coordination sees who answered and reminds only the others (a task, real
SMTP server); the indicators and the annual export add the submitted figures up by type, theme
and territory."""

import csv
import io

from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from porteurs.bilans import ActionBilan, BilanStatus
from porteurs.calls import DossierStatus
from tests.mail_server import SmtpServer, run_queued_tasks
from tests.porteurs.builders import build_structures, porteur
from tests.porteurs.call_builders import complete_dossier, open_call

FULL = {
    "sessions": "10",
    "adults": "12",
    "children": "8",
    "distinct_parents": "9",
    "families": "7",
    "average_attendance": "6,5",
    "renewal": "nouvelle",
    "paid_facilitators": "1",
    "volunteer_facilitators": "2",
    "partners": "PMI, médiathèque",
    "appraisal": "Les parents reviennent et amènent des amis.",
}


def submitted(dossier, **figures):
    """A submitted bilan: 10 séances, 12 adults, 8 children, 9 parents… unless `figures` says."""
    values = {
        "sessions": 10,
        "adults": 12,
        "children": 8,
        "distinct_parents": 9,
        "families": 7,
        "average_attendance": 5,
        "renewal": "nouvelle",
        "paid_facilitators": 1,
        "volunteer_facilitators": 2,
        "appraisal": "Bien.",
        **figures,
    }
    return ActionBilan.objects.create(
        dossier=dossier, status=BilanStatus.TRANSMIS, submitted_at=timezone.now(), **values
    )


class BilanTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.data = build_structures()
        cls.person = porteur("animatrice-pile", cls.data["pile"], email="pile@exemple.fr")
        cls.alma_person = porteur("tresorier-alma", cls.data["alma"], email="alma@exemple.fr")
        cls.call = open_call(cls.data["nord"], year=2026)
        cls.pile_dossier = complete_dossier(cls.call, cls.data["pile"], status=DossierStatus.RETENU)
        cls.alma_dossier = complete_dossier(
            cls.call,
            cls.data["alma"],
            status=DossierStatus.RETENU,
            action_title="Atelier ados",
            action_type="atelier-parents",
            themes=["adolescence"],
        )

    def url(self, dossier):
        return reverse("porteurs:bilan", args=[dossier.pk])

    def test_contradictory_figures_are_refused_naming_the_field(self):
        self.client.force_login(self.person)
        wrong = {
            **FULL,
            "distinct_parents": "15",
            "average_attendance": "30",
            "children": "-2",
            "transmettre": "",
        }
        response = self.client.post(self.url(self.pile_dossier), wrong)
        self.assertEqual(response.status_code, 400)
        self.assertContains(
            response,
            "Participants enfants</a> : Assurez-vous que cette valeur est supérieure ou égale à 0.",
            status_code=400,
        )
        wrong["children"] = "8"
        response = self.client.post(self.url(self.pile_dossier), wrong)
        self.assertContains(
            response,
            "Parents différents</a> : Les parents différents ne peuvent pas dépasser les "
            "participants adultes (12).",
            status_code=400,
        )
        self.assertContains(
            response,
            "La présence moyenne (30,0) ne peut pas dépasser le nombre de participants, "
            "adultes et enfants (20).",
            status_code=400,
        )
        self.assertFalse(ActionBilan.objects.exists())

    def test_a_draft_then_a_submission(self):
        self.client.force_login(self.person)
        url = self.url(self.pile_dossier)
        self.assertRedirects(self.client.post(url, {"sessions": "4", "brouillon": ""}), url)
        bilan = ActionBilan.objects.get()
        self.assertEqual((bilan.status, bilan.sessions), (BilanStatus.BROUILLON, 4))
        response = self.client.post(url, {"sessions": "4", "transmettre": ""})
        self.assertContains(
            response, "Ce champ est obligatoire pour transmettre le bilan.", status_code=400
        )
        self.assertRedirects(
            self.client.post(url, {**FULL, "transmettre": ""}), reverse("porteurs:bilans")
        )
        bilan.refresh_from_db()
        self.assertEqual(bilan.status, BilanStatus.TRANSMIS)
        self.assertEqual(str(bilan.average_attendance), "6.5")
        self.assertContains(self.client.get(url), "Bilan transmis le")

    def test_a_porteur_cannot_reach_another_structures_bilan(self):
        self.client.force_login(self.alma_person)
        self.assertEqual(self.client.get(self.url(self.pile_dossier)).status_code, 404)
        self.assertEqual(
            self.client.post(self.url(self.pile_dossier), {**FULL, "transmettre": ""}).status_code,
            404,
        )
        self.assertFalse(ActionBilan.objects.filter(dossier=self.pile_dossier).exists())

    def test_reminders_go_only_to_porteurs_without_a_submitted_bilan(self):
        submitted(self.pile_dossier)
        self.client.force_login(self.data["coord_nord"])
        page = self.client.get(reverse("porteurs_calls:call_bilans", args=[self.call.pk]))
        self.assertContains(page, "1 bilans transmis sur 2 actions financées.")
        server = SmtpServer()
        with server as mailbox, server.settings():
            with self.captureOnCommitCallbacks(execute=True):
                response = self.client.post(
                    reverse("porteurs_calls:call_bilans_remind", args=[self.call.pk])
                )
            self.assertEqual(mailbox.messages, [], "nothing is sent inside the request")
            run_queued_tasks()
        self.assertRedirects(response, reverse("porteurs_calls:call_bilans", args=[self.call.pk]))
        self.assertEqual([m["To"] for m in mailbox.messages], ["alma@exemple.fr"])
        message = mailbox.messages[0]
        self.assertEqual(message["Subject"], "Bilan 2026 à transmettre : Atelier ados")
        self.assertIn(
            f"/espace-porteurs/bilans/{self.alma_dossier.pk}/",
            message.get_body(("plain",)).get_content(),
        )

    def test_another_departement_cannot_remind_or_read(self):
        self.client.force_login(self.data["coord_gironde"])
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                reverse("porteurs_calls:call_bilans_remind", args=[self.call.pk])
            )
        self.assertEqual(response.status_code, 403)
        url = reverse("porteurs_calls:bilan", args=[self.call.pk, self.pile_dossier.pk])
        self.assertEqual(self.client.get(url).status_code, 403)

    def test_indicators_and_the_annual_export_add_up_submitted_bilans(self):
        submitted(self.pile_dossier, distinct_parents=9, children=8)
        submitted(self.alma_dossier, distinct_parents=4, children=3, renewal="renouvelee")
        ActionBilan.objects.create(
            dossier=complete_dossier(self.call, self.data["pile"], status=DossierStatus.RETENU),
            distinct_parents=100,
        )
        self.client.force_login(self.data["coord_nord"])
        section = self.data["nord"].pk
        page = self.client.get(reverse("indicators:dashboard", args=[section]) + "?annee=2026")
        self.assertContains(
            page, '<td class="number" data-indicator="parents_touches">13</td>', html=True
        )
        self.assertContains(
            page, '<td class="number" data-indicator="actions_financees">3</td>', html=True
        )
        self.assertContains(
            page, '<td class="number" data-indicator="actions_renouvelees">1</td>', html=True
        )
        self.assertContains(page, "Bilans par type d&#x27;action")
        response = self.client.get(
            reverse("indicators:export_xlsx", args=[section]) + "?annee=2026"
        )
        workbook = load_workbook(io.BytesIO(response.content))
        rows = list(workbook["Bilans par thème"].iter_rows(values_only=True))
        header = rows[2]
        by_theme = {
            row[0]: dict(zip(header, row, strict=True))
            for row in rows[3:]
            if row and row[0] in ("Adolescence", "Écrans et numérique")
        }
        self.assertEqual(by_theme["Adolescence"]["Parents différents"], 13)
        self.assertEqual(by_theme["Écrans et numérique"]["Parents différents"], 9)
        types = {
            row[0]: row for row in workbook["Bilans par type d'action"].iter_rows(values_only=True)
        }
        self.assertEqual(types["Atelier parents"][1], 1)
        territory = list(workbook["Bilans par territoire"].iter_rows(values_only=True))[3]
        self.assertEqual(territory[0], "Métropole Européenne de Lille")
        self.assertEqual(territory[1], 2)
        text = self.client.get(
            reverse("indicators:export_csv", args=[section]) + "?annee=2026"
        ).content.decode()
        rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
        self.assertIn(
            [
                "59",
                "2026",
                "Bilans par type d'action",
                "bilans-par-type:Atelier parents",
                "Parents différents – Atelier parents",
                "",
                "4",
            ],
            rows,
        )
        self.assertIn("parents_touches", [row[3] for row in rows])
