"""A coordinator launches the year's update campaign of their département (sent by a task), follows
it (sent, confirmed, changed, no answer, reminded) and reminds only those without an answer;
another département's coordinator is refused."""

from django.test import TestCase

from porteurs.freshness import token
from porteurs.models import CampaignRecord, UpdateCampaign
from tests.builders import sign_in_with_second_factor
from tests.mail_server import SmtpServer, run_queued_tasks
from tests.porteurs.builders import build_structures, porteur
from tests.porteurs.freshness_builders import by_recipient, plain

CAMPAIGNS = "/admin/campagnes/"


class CampaignTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.pages = build_structures()
        cls.animatrice = porteur("animatrice-pile", cls.pages["pile"])
        alma = cls.pages["alma"]
        alma.email = "contact@alma.exemple.fr"
        alma.save(update_fields=["email"])

    def setUp(self):
        server = SmtpServer()
        self.mailbox = server.__enter__()
        self.addCleanup(server.__exit__)
        settings = server.settings()
        settings.enable()
        self.addCleanup(settings.disable)

    def launch(self):
        self.client.force_login(self.pages["coord_nord"])
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(CAMPAIGNS, {"section": self.pages["nord"].pk})
        campaign = UpdateCampaign.objects.get()
        self.assertRedirects(response, f"{CAMPAIGNS}{campaign.pk}/", fetch_redirect_response=False)
        self.assertEqual(self.mailbox.messages, [], "nothing is sent inside the request")
        run_queued_tasks()
        return campaign

    def count(self, response, name):
        marker = f'data-count="{name}">'
        text = response.content.decode()
        return int(text.split(marker, 1)[1].split("<", 1)[0])

    def test_launch_sends_one_message_per_person_listing_all_their_records(self):
        campaign = self.launch()
        self.assertEqual(campaign.records.count(), 6)
        messages = by_recipient(self.mailbox)
        self.assertEqual(
            sorted(messages), ["animatrice-pile@exemple.fr", "contact@alma.exemple.fr"]
        )
        pile = plain(messages["animatrice-pile@exemple.fr"][0])
        for name in ("pile", "cafe_pile", "lieu_pile", "promeneur_pile"):
            self.assertIn(self.pages[name].title, pile)
        self.assertNotIn("Atelier des Chartrons", pile)
        self.assertIn("Mise à jour", messages["contact@alma.exemple.fr"][0]["Subject"])

    def test_follow_up_shows_confirmed_changed_no_answer_then_reminds_only_the_silent(self):
        campaign = self.launch()
        self.client.post(f"/espace-porteurs/verifier/{token(self.pages['cafe_pile'])}/")
        lieu = self.pages["lieu_pile"]
        lieu.description = "Nouveaux horaires à la rentrée"
        lieu.save_revision(user=self.animatrice)

        page = self.client.get(f"{CAMPAIGNS}{campaign.pk}/")
        self.assertEqual(page.status_code, 200)
        expected = {"records": 6, "sent": 6, "confirmed": 1, "changed": 1, "no_answer": 4}
        for name, value in expected.items():
            self.assertEqual(self.count(page, name), value, name)
        self.assertEqual(self.count(page, "reminded"), 0)

        before = len(self.mailbox.messages)
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(f"{CAMPAIGNS}{campaign.pk}/relancer/")
        run_queued_tasks()
        reminders = self.mailbox.messages[before:]
        self.assertEqual(
            sorted(message["To"] for message in reminders),
            ["animatrice-pile@exemple.fr", "contact@alma.exemple.fr"],
        )
        pile = plain(next(m for m in reminders if m["To"] == "animatrice-pile@exemple.fr"))
        self.assertIn("Samia, animatrice jeunesse", pile)
        self.assertNotIn("Café des parents du Pile", pile)
        self.assertNotIn("Maison des familles du Pile", pile)
        self.assertIn("Relance", reminders[0]["Subject"])
        page = self.client.get(f"{CAMPAIGNS}{campaign.pk}/")
        self.assertEqual(self.count(page, "reminded"), 4)
        self.assertContains(page, 'data-status="changed"')

        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(f"{CAMPAIGNS}{campaign.pk}/relancer/")
        run_queued_tasks()
        self.assertEqual(len(self.mailbox.messages), before + 2, "one reminder a day at most")
        self.assertEqual(
            CampaignRecord.objects.filter(reminder_count=1).count(), 4, "counted once a day"
        )

    def test_launching_twice_the_same_year_is_a_form_error(self):
        self.launch()
        response = self.client.post(CAMPAIGNS, {"section": self.pages["nord"].pk})
        self.assertContains(response, "déjà lancée", status_code=400)

    def test_another_departements_coordinator_is_refused(self):
        campaign = self.launch()
        self.client.force_login(self.pages["coord_gironde"])
        self.assertEqual(self.client.get(f"{CAMPAIGNS}{campaign.pk}/").status_code, 403)
        self.assertEqual(self.client.post(f"{CAMPAIGNS}{campaign.pk}/relancer/").status_code, 403)
        launch = self.client.post(CAMPAIGNS, {"section": self.pages["nord"].pk})
        self.assertEqual(launch.status_code, 403)
        listing = self.client.get(CAMPAIGNS)
        self.assertNotContains(listing, f"{CAMPAIGNS}{campaign.pk}/")
        self.assertEqual(UpdateCampaign.objects.count(), 1)

    def test_a_national_administrator_sees_every_departement(self):
        campaign = self.launch()
        sign_in_with_second_factor(self.client, self.pages["admin"])
        listing = self.client.get(CAMPAIGNS)
        self.assertContains(listing, f"{CAMPAIGNS}{campaign.pk}/")
        self.assertContains(listing, "Gironde")
        self.assertEqual(self.client.get(f"{CAMPAIGNS}{campaign.pk}/").status_code, 200)
