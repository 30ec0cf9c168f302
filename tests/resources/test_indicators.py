import datetime

from django.test import TestCase

from resources.indicators import downloads_by_month, tools_produced
from resources.models import ResourceFile, record_download
from tests.builders import build_network

from .builders import add_resource


class IndicatorTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.net = build_network()
        nord, gironde = cls.net["nord"], cls.net["gironde"]
        own = add_resource(
            nord,
            "Kit maison",
            produced_by_coordination=True,
            publication_date=datetime.date(2026, 3, 1),
        )
        add_resource(nord, "Guide partenaire", publication_date=datetime.date(2026, 3, 1))
        add_resource(
            nord,
            "Ancien kit",
            produced_by_coordination=True,
            publication_date=datetime.date(2025, 3, 1),
        )
        add_resource(gironde, "Kit girondin", produced_by_coordination=True)
        add_resource(nord, "Kit en brouillon", produced_by_coordination=True, live=False)
        file_id = ResourceFile.objects.get(page=own).pk
        for day in (datetime.datetime(2026, 3, 3, 12, tzinfo=datetime.UTC),) * 2 + (
            datetime.datetime(2026, 4, 3, 12, tzinfo=datetime.UTC),
        ):
            record_download(file_id, day)

    def test_tools_produced_by_the_coordination(self):
        self.assertEqual(tools_produced(self.net["nord"]), 2)
        self.assertEqual(tools_produced(self.net["nord"], year=2026), 1)
        self.assertEqual(tools_produced(), 3)

    def test_downloads_by_month(self):
        self.assertEqual(
            downloads_by_month(self.net["nord"], year=2026),
            [(datetime.date(2026, 3, 1), 2), (datetime.date(2026, 4, 1), 1)],
        )
        self.assertEqual(downloads_by_month(self.net["gironde"]), [])
