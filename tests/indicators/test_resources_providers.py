"""The library's figures: tools produced by the coordination, resources published, and the
downloads of the coordination's tools, per month."""

import datetime
from zoneinfo import ZoneInfo

from django.test import TestCase
from django.urls import reverse

from hub.indicators.registry import compute_figures, compute_items, providers
from resources.indicator_providers import LibraryProvider
from resources.models import ResourceFile, record_download
from tests.builders import build_network
from tests.indicators.known_content import months
from tests.resources.builders import add_resource

d = datetime.date


def downloads(page, *moments):
    file_id = ResourceFile.objects.filter(page=page).values_list("pk", flat=True).first()
    for moment in moments:
        record_download(file_id, moment)


def paris(*args):
    return datetime.datetime(*args, tzinfo=ZoneInfo("Europe/Paris"))


class ResourceIndicatorTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        net = build_network()
        cls.nord, cls.gironde = net["nord"], net["gironde"]
        cls.kit = add_resource(
            cls.nord,
            "Kit Promeneurs du Net",
            produced_by_coordination=True,
            publication_date=d(2025, 4, 1),
        )
        cls.guide = add_resource(
            cls.nord,
            "Guide des cafés des parents",
            produced_by_coordination=True,
            kind="guide",
            publication_date=d(2025, 4, 20),
        )
        partner = add_resource(
            cls.nord, "Affiche de la PMI", kind="affiche-flyer", publication_date=d(2025, 9, 2)
        )
        old_tool = add_resource(
            cls.nord,
            "Livret 2024",
            produced_by_coordination=True,
            publication_date=d(2024, 11, 5),
        )
        add_resource(
            cls.nord,
            "Kit en brouillon",
            produced_by_coordination=True,
            live=False,
            publication_date=d(2025, 5, 5),
        )
        girondin = add_resource(
            cls.gironde,
            "Kit girondin",
            produced_by_coordination=True,
            publication_date=d(2025, 4, 1),
        )
        downloads(cls.kit, paris(2025, 4, 2, 10), paris(2025, 4, 3, 10), paris(2025, 6, 1, 9))
        # 23:30 in Paris on the last day of a month counts for that month (21:30 UTC in May).
        downloads(cls.guide, paris(2025, 5, 31, 23, 30))
        # Downloads of a tool published the year before count in the year they happen.
        downloads(old_tool, paris(2024, 12, 1, 9), paris(2025, 1, 31, 23, 30))
        downloads(partner, paris(2025, 9, 3, 10))  # not a tool of the coordination
        downloads(girondin, paris(2025, 4, 2, 10))

    def test_the_provider_is_registered(self):
        self.assertIn(LibraryProvider, [type(provider) for provider in providers()])

    def test_figures_by_month(self):
        figures = compute_figures(self.nord, 2025)
        expected = {
            "outils_produits": (2, months(apr=2)),
            "ressources_publiees": (3, months(apr=2, sep=1)),
            "telechargements_outils": (5, months(jan=1, apr=2, may=1, jun=1)),
        }
        for key, (value, by_month) in expected.items():
            with self.subTest(key):
                self.assertEqual((figures[key].value, figures[key].by_month), (value, by_month))
        previous = compute_figures(self.nord, 2024)
        self.assertEqual(previous["outils_produits"].by_month, months(nov=1))
        self.assertEqual(previous["telechargements_outils"].value, 1)

    def test_drill_downs(self):
        tools = compute_items("outils_produits", self.nord, 2025)
        self.assertEqual(
            [item.title for item in tools], ["Kit Promeneurs du Net", "Guide des cafés des parents"]
        )
        self.assertEqual(tools[0].date, d(2025, 4, 1))
        self.assertEqual(tools[0].url, self.kit.url)
        self.assertTrue(tools[0].url.startswith("/nord/ressources/"))
        self.assertEqual(tools[0].admin_url, reverse("wagtailadmin_pages:edit", args=[self.kit.pk]))
        self.assertEqual(tools[0].source, "Ressourcerie")
        published = compute_items("ressources_publiees", self.nord, 2025)
        self.assertEqual(
            (published[-1].title, published[-1].detail), ("Affiche de la PMI", "Affiche ou flyer")
        )
        downloaded = compute_items("telechargements_outils", self.nord, 2025)
        self.assertEqual(
            [(item.title, item.quantity, item.detail) for item in downloaded],
            [
                ("Livret 2024", 1, "1 téléchargement"),
                ("Kit Promeneurs du Net", 3, "3 téléchargements"),
                ("Guide des cafés des parents", 1, "1 téléchargement"),
            ],
        )

    def test_drafts_and_other_departements_never_count(self):
        titles = {
            item.title
            for key in LibraryProvider.keys
            for item in compute_items(key, self.nord, 2025)
        }
        self.assertNotIn("Kit en brouillon", titles)
        self.assertNotIn("Kit girondin", titles)

    def test_each_section_counts_its_own_tools_and_downloads(self):
        figures = compute_figures(self.gironde, 2025)
        self.assertEqual(figures["outils_produits"].by_month, months(apr=1))
        self.assertEqual(figures["telechargements_outils"].by_month, months(apr=1))
        self.assertEqual(compute_figures(self.gironde, 2024)["telechargements_outils"].value, 0)
