"""A point and a radius: nearest first, farther places left out, on every engine."""

from unittest import skipUnless

from django.test import TestCase

from hub.models import NewsPage
from search import registry
from search.api import SearchRequest, search
from search.registry import SearchableType
from tests.builders import add_news, build_network

from .content import reindex_everything
from .engines import EngineSwitchMixin, elastic_settings, osmem_available

PLACES = {
    "cafe-des-parents-a-roubaix": (50.6942, 3.1746),
    "cafe-des-parents-a-lille": (50.6292, 3.0573),
    "cafe-des-parents-a-bordeaux": (44.8378, -0.5792),
}
LILLE = (50.6365, 3.0635)


class DistanceBehaviour(EngineSwitchMixin):
    @classmethod
    def setUpClass(cls):
        registry.register(
            SearchableType(
                key="place-test",
                model=NewsPage,
                label="Lieu (test)",
                location=lambda page: PLACES.get(page.slug),
            )
        )
        super().setUpClass()

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        registry.unregister("place-test")

    @classmethod
    def setUpTestData(cls):
        network = build_network()
        for slug in PLACES:
            section = network["gironde"] if "bordeaux" in slug else network["nord"]
            add_news(section, slug.replace("-", " ").capitalize(), slug=slug)
        reindex_everything()

    def test_nearest_first_with_distances(self):
        results = search(
            SearchRequest(text="cafe parents", types=["place-test"], point=LILLE, sort="distance")
        )
        self.assertEqual(
            [hit.url.rstrip("/").rsplit("/", 1)[-1] for hit in results.hits],
            [
                "cafe-des-parents-a-lille",
                "cafe-des-parents-a-roubaix",
                "cafe-des-parents-a-bordeaux",
            ],
        )
        self.assertLess(results.hits[0].distance_km, 2)
        self.assertAlmostEqual(results.hits[2].distance_km, 700, delta=30)

    def test_radius_leaves_farther_places_out(self):
        results = search(SearchRequest(types=["place-test"], point=LILLE, radius_km=30))
        self.assertEqual(results.total, 2)


class DatabaseDistanceTests(DistanceBehaviour, TestCase):
    pass


@skipUnless(osmem_available(), "osmem-server (OpenSearch-compatible test server) is not installed")
class ClusterDistanceTests(DistanceBehaviour, TestCase):
    @classmethod
    def engine_settings(cls):
        return elastic_settings()
