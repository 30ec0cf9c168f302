"""The porteurs' list pages and the coordination's follow-up lists take the same number of
queries whatever the number of items: the space's home (records), dossiers and bilans; the
admin's campaign follow-up, a call's dossiers and its bilans follow-up."""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from directory import choices
from directory.models import StructurePage
from porteurs.calls import DossierStatus
from porteurs.models import CampaignRecord, PorteurAccess, UpdateCampaign
from tests.directory.builders import add_action, add_lieu, publish
from tests.porteurs.builders import build_structures, porteur
from tests.porteurs.call_builders import complete_dossier, open_call
from tests.porteurs.test_bilans import submitted

MANY = 6


class ListQueriesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.data = build_structures()
        cls.person = porteur("animatrice-pile", cls.data["pile"], cls.data["alma"])
        cls.call = open_call(cls.data["nord"], year=2026)
        cls.dossier = complete_dossier(cls.call, cls.data["pile"], status=DossierStatus.RETENU)
        submitted(cls.dossier)
        cls.campaign = UpdateCampaign.objects.create(
            section=cls.data["nord"], year=2026, launched_by=cls.data["coord_nord"]
        )
        cls.track(cls.data["cafe_pile"])

    @classmethod
    def track(cls, page):
        CampaignRecord.objects.create(
            campaign=cls.campaign,
            page=page,
            structure=page.structure,
            recipients=["animatrice-pile@exemple.fr"],
            sent_at=timezone.now(),
        )

    def queries(self, url):
        with CaptureQueriesContext(connection) as context:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return len(context.captured_queries)

    def assert_same_queries(self, url, add_many, user):
        self.client.force_login(user)
        self.client.get(url)  # warm caches shared by every page (site, content types)
        few = self.queries(url)
        add_many()
        with self.assertNumQueries(few):
            response = self.client.get(url)
        return response

    def more_records(self):
        quartier = publish(
            self.data["nord"],
            StructurePage(title="Maison de quartier", kind=choices.StructureKind.ASSOCIATION),
        )
        PorteurAccess.objects.create(user=self.person, structure=quartier)
        structures = [self.data["pile"], self.data["alma"], quartier]
        for number in range(MANY):
            structure = structures[number % 3]
            add_action(self.data["nord"], f"Action {number}", structure=structure)
            add_lieu(self.data["nord"], f"Lieu {number}", structure=structure)

    def more_dossiers(self, status):
        for number in range(MANY):
            structure = self.data["pile"] if number % 2 else self.data["alma"]
            dossier = complete_dossier(
                self.call, structure, status=status, action_title=f"Action financée {number}"
            )
            if number % 3 == 0 and status == DossierStatus.RETENU:
                submitted(dossier)

    def test_space_home(self):
        response = self.assert_same_queries(
            reverse("porteurs:home"), self.more_records, self.person
        )
        self.assertContains(response, f"Lieu {MANY - 1}")
        self.assertContains(response, "Maison de quartier")

    def test_space_dossiers(self):
        response = self.assert_same_queries(
            reverse("porteurs:calls"),
            lambda: self.more_dossiers(DossierStatus.DEPOSE),
            self.person,
        )
        self.assertContains(response, f"Action financée {MANY - 1}")

    def test_space_bilans(self):
        response = self.assert_same_queries(
            reverse("porteurs:bilans"),
            lambda: self.more_dossiers(DossierStatus.RETENU),
            self.person,
        )
        self.assertContains(response, f"Action financée {MANY - 1}")

    def test_admin_dossiers_of_a_call(self):
        response = self.assert_same_queries(
            reverse("porteurs_calls:call", args=[self.call.pk]),
            lambda: self.more_dossiers(DossierStatus.DEPOSE),
            self.data["coord_nord"],
        )
        self.assertContains(response, f"Action financée {MANY - 1}")

    def test_admin_bilans_follow_up(self):
        response = self.assert_same_queries(
            reverse("porteurs_calls:call_bilans", args=[self.call.pk]),
            lambda: self.more_dossiers(DossierStatus.RETENU),
            self.data["coord_nord"],
        )
        self.assertContains(response, f"Action financée {MANY - 1}")

    def test_admin_campaign_follow_up(self):
        def more_rows():
            self.more_records()
            for page in [*self.data["pile"].get_siblings().live().specific()]:
                if getattr(page, "structure_id", None) and page.pk != self.data["cafe_pile"].pk:
                    self.track(page)
            # Rows in every status: confirmed, changed by a porteur, reminded.
            rows = list(self.campaign.records.order_by("pk"))
            CampaignRecord.objects.filter(pk=rows[1].pk).update(confirmed_at=timezone.now())
            CampaignRecord.objects.filter(pk=rows[2].pk).update(
                reminded_at=timezone.now(), reminder_count=1
            )
            rows[3].page.specific.save_revision(user=self.person)

        response = self.assert_same_queries(
            f"/admin/campagnes/{self.campaign.pk}/", more_rows, self.data["coord_nord"]
        )
        self.assertContains(response, f"Lieu {MANY - 1}")
