"""Porteur A never sees nor changes porteur B's records, nor another département's, through the
space's screens or crafted requests, and gets nothing of the Wagtail admin."""

from django.core.cache import cache
from django.test import TestCase

from directory.models import ActionPage
from tests.porteurs.builders import build_structures, porteur


class PorteurRefusalTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.pages = build_structures()
        cls.pile = porteur("animatrice-pile", cls.pages["pile"])
        cls.alma = porteur("benevole-alma", cls.pages["alma"])
        cls.both = porteur("directrice", cls.pages["pile"], cls.pages["alma"])

    def setUp(self):
        cache.clear()
        self.client.force_login(self.pile)

    def others(self):
        return [
            self.pages[name] for name in ("alma", "atelier_alma", "chartrons", "atelier_chartrons")
        ] + [self.pages["nord"], self.pages["home"]]

    def test_another_structures_records_answer_404_like_a_missing_one(self):
        for page in self.others():
            url = f"/espace-porteurs/fiches/{page.pk}/"
            self.assertEqual(self.client.get(url).status_code, 404, page.title)
        self.assertEqual(self.client.get("/espace-porteurs/fiches/999999/").status_code, 404)

    def test_a_crafted_post_on_another_record_changes_nothing(self):
        atelier = self.pages["atelier_chartrons"]
        revisions = atelier.revisions.count()
        response = self.client.post(
            f"/espace-porteurs/fiches/{atelier.pk}/",
            {"title": "Piraté", "description": "x", "registration": "libre", "cost": "gratuit"},
        )
        self.assertEqual(response.status_code, 404)
        self.assertEqual(atelier.revisions.count(), revisions)
        self.assertEqual(ActionPage.objects.get(pk=atelier.pk).title, "Atelier des Chartrons")

    def test_the_home_page_lists_only_the_persons_structures(self):
        home = self.client.get("/espace-porteurs/")
        self.assertContains(home, "Centre social du Pile")
        for page in self.others()[:4]:
            self.assertNotContains(home, page.title)
        self.client.force_login(self.both)
        home = self.client.get("/espace-porteurs/")
        self.assertContains(home, "Atelier parents-ados de l&#x27;Alma")
        self.assertNotContains(home, "Chartrons")

    def test_a_post_cannot_move_a_record_to_another_structure(self):
        cafe = self.pages["cafe_pile"]
        self.client.post(
            f"/espace-porteurs/fiches/{cafe.pk}/",
            {
                "title": cafe.title,
                "description": cafe.description,
                "registration": "libre",
                "cost": "gratuit",
                "format": cafe.format,
                "mode": cafe.mode,
                "age_min": 0,
                "age_max": 21,
                "commune": "Roubaix",
                "structure": self.pages["chartrons"].pk,
                "action_type": "autre",
            },
        )
        version = ActionPage.objects.get(pk=cafe.pk).get_latest_revision_as_object()
        self.assertEqual(version.structure_id, self.pages["pile"].pk)
        self.assertEqual(version.action_type, cafe.action_type)

    def test_the_wagtail_admin_stays_closed_to_a_porteur(self):
        for url in (
            "/admin/",
            f"/admin/pages/{self.pages['cafe_pile'].pk}/edit/",
            "/admin/porteurs/",
            "/django-admin/",
        ):
            response = self.client.get(url)
            self.assertIn(response.status_code, (302, 403), url)
            if response.status_code == 302:
                self.assertIn("login", response["Location"], url)
        self.assertFalse(self.pile.has_perm("wagtailadmin.access_admin"))


class CoordinatorScopeTests(TestCase):
    """The coordination's accounts screen shows and revokes only its own département's."""

    @classmethod
    def setUpTestData(cls):
        cls.pages = build_structures()
        cls.pile = porteur("animatrice-pile", cls.pages["pile"])
        cls.chartrons = porteur("evs-chartrons", cls.pages["chartrons"])

    def test_a_coordinator_sees_and_revokes_only_their_departements_porteurs(self):
        self.client.force_login(self.pages["coord_nord"])
        screen = self.client.get("/admin/porteurs/")
        self.assertContains(screen, "animatrice-pile@exemple.fr")
        self.assertNotContains(screen, "evs-chartrons")
        self.assertNotContains(screen, "EVS des Chartrons")
        other = self.chartrons.porteur_accesses.get()
        self.assertEqual(
            self.client.post(f"/admin/porteurs/acces/{other.pk}/retirer/").status_code, 403
        )
        other.refresh_from_db()
        self.assertIsNone(other.revoked_at)
        refused = self.client.post(
            "/admin/porteurs/",
            {"structure": self.pages["chartrons"].pk, "email": "pirate@exemple.fr"},
        )
        self.assertContains(refused, "Sélectionnez un choix valide", status_code=400)
