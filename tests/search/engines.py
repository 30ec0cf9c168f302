"""Running the same search tests on the database engine and on an OpenSearch-compatible server.

The Elasticsearch-engine tests start `osmem-server` (PyPI package osmem-server, an in-memory
server speaking the OpenSearch REST API) once per test process.
"""

import atexit
import itertools
import shutil

from django.test import override_settings

from search.api import engines

_server = None
_prefixes = itertools.count()


def osmem_url():
    """URL of the in-memory OpenSearch-compatible server, started on first use."""
    global _server
    if _server is None:
        from osmem_server import OsmemServer

        _server = OsmemServer.start(japanese=False)
        atexit.register(_server.close)
    return _server.url


def osmem_available():
    try:
        from osmem_server import resolve_binary

        return bool(shutil.which(resolve_binary()) or resolve_binary())
    except (ImportError, RuntimeError):
        return False


def elastic_settings():
    """Settings that point the site at a fresh set of indices on the test server."""
    return override_settings(
        SEARCH_ENGINE="elasticsearch",
        ELASTICSEARCH_URL=osmem_url(),
        SEARCH_ELASTICSEARCH_PLAIN_JSON=True,
        SEARCH_ELASTICSEARCH_REFRESH=True,
        SEARCH_INDEX_PREFIX=f"hub-test-{next(_prefixes)}",
    )


class EngineSwitchMixin:
    """Applies `engine_settings()` around each test class and resets the cached engines."""

    @classmethod
    def engine_settings(cls):
        return None

    @classmethod
    def setUpClass(cls):
        cls._engine_override = cls.engine_settings()
        if cls._engine_override is not None:
            cls._engine_override.enable()
        engines.reset()
        super().setUpClass()

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        if cls._engine_override is not None:
            cls._engine_override.disable()
        engines.reset()
