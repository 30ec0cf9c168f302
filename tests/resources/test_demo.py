import random

from django.test import TestCase

from hub.taxonomies import Theme
from resources import demo
from resources.models import MonthlyDownloads, ResourceFile, ResourceKind, ResourcePage
from tests.builders import build_network


class DemoLibraryTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        net = build_network()
        rng = random.Random(2026)
        for section in (net["nord"], net["gironde"]):
            demo.populate(section, rng)

    def test_demo_has_forty_resources_across_kinds_themes_and_tags(self):
        resources = ResourcePage.objects.live()
        self.assertGreaterEqual(resources.count(), 40)
        self.assertEqual({r.kind for r in resources}, set(ResourceKind.values))
        themes = {theme for r in resources for theme in r.themes}
        self.assertGreaterEqual(len(themes), len(Theme.values) - 1)
        self.assertGreaterEqual(resources.filter(tagged_items__isnull=False).distinct().count(), 40)
        self.assertTrue(resources.filter(produced_by_coordination=True).exists())

    def test_demo_files_are_real_pdf_and_odt_with_their_text(self):
        files = ResourceFile.objects.all()
        self.assertEqual({f.format for f in files}, {"pdf", "odt"})
        for resource_file in (
            files.filter(format="pdf").first(),
            files.filter(format="odt").first(),
        ):
            with resource_file.file.open("rb") as handle:
                head = handle.read(4)
            self.assertIn(head, {b"%PDF", b"PK\x03\x04"})
            self.assertTrue(resource_file.extracted_text)
        self.assertFalse(files.filter(format="pdf", thumbnail="").exists())
        self.assertTrue(MonthlyDownloads.objects.exists())

    def test_demo_library_pages_render(self):
        for url in (
            "/nord/ressources/",
            "/ressources/?tri=telechargements",
            "/gironde/ressources/flux/",
        ):
            self.assertEqual(self.client.get(url).status_code, 200, url)
