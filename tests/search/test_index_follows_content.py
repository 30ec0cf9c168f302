"""The index follows publishing, unpublishing, moves and deletions, and reports drift."""

import io
from unittest import skipUnless

from django.core.management import CommandError, call_command
from django.test import TestCase

from search.api import SearchRequest, engines, search
from search.models import SearchEntry
from tests.builders import add_news, build_network, news_index

from .engines import EngineSwitchMixin, elastic_settings, osmem_available


class IndexFollowsContent(EngineSwitchMixin):
    @classmethod
    def setUpTestData(cls):
        cls.network = build_network()

    def setUp(self):
        super().setUp()
        if engines.primary() is not engines.database:
            engines.primary().clear()  # the cluster is not rolled back with the database

    def publish(self, title, section="nord"):
        with self.captureOnCommitCallbacks(execute=True):
            return add_news(self.network[section], title, intro="Groupe de parole pour parents")

    def found(self, text="groupe parole"):
        return [hit.title for hit in search(SearchRequest(text=text)).hits]

    def test_publishing_adds_and_unpublishing_removes(self):
        page = self.publish("Groupe de parole à Lille")
        self.assertEqual(self.found(), ["Groupe de parole à Lille"])
        with self.captureOnCommitCallbacks(execute=True):
            page.unpublish()
        self.assertEqual(self.found(), [])

    def test_deleting_removes(self):
        page = self.publish("Groupe de parole à Douai")
        with self.captureOnCommitCallbacks(execute=True):
            page.delete()
        self.assertEqual(self.found(), [])

    def test_a_draft_is_not_indexed(self):
        with self.captureOnCommitCallbacks(execute=True):
            add_news(self.network["nord"], "Groupe de parole en projet", live=False)
        self.assertEqual(self.found(), [])

    def test_moving_to_another_section_changes_the_departement(self):
        page = self.publish("Groupe de parole itinérant")
        with self.captureOnCommitCallbacks(execute=True):
            page.move(news_index(self.network["gironde"]), pos="last-child")
        results = search(SearchRequest(text="groupe parole", filters={"departement": ["33"]}))
        self.assertEqual([hit.title for hit in results.hits], ["Groupe de parole itinérant"])


class DatabaseIndexFollowsContent(IndexFollowsContent, TestCase):
    def test_drift_is_reported_then_repaired_by_rebuild(self):
        page = self.publish("Groupe de parole à Cambrai")
        SearchEntry.objects.filter(object_id=page.pk).delete()
        with self.assertRaises(CommandError):
            call_command("search_index", "drift", stdout=io.StringIO())
        out = io.StringIO()
        call_command("search_index", "rebuild", stdout=out)
        self.assertIn("database: 1 documents indexed", out.getvalue())
        call_command("search_index", "drift", stdout=io.StringIO())
        self.assertEqual(self.found(), ["Groupe de parole à Cambrai"])


@skipUnless(osmem_available(), "osmem-server (OpenSearch-compatible test server) is not installed")
class ClusterIndexFollowsContent(IndexFollowsContent, TestCase):
    @classmethod
    def engine_settings(cls):
        return elastic_settings()

    def test_rebuild_swaps_the_alias_to_a_new_index(self):
        self.publish("Groupe de parole à Pessac", section="gironde")
        engine = engines.elastic
        before = set(engine.client.indices.get_alias(name=engine.alias("news")))
        call_command("search_index", "rebuild", stdout=io.StringIO())
        after = set(engine.client.indices.get_alias(name=engine.alias("news")))
        self.assertTrue(after and after.isdisjoint(before))
        self.assertEqual(self.found(), ["Groupe de parole à Pessac"])
