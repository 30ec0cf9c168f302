"""Keeping the engines in step with the content: called by signals, imports and commands.

The database engine is always written (it answers when the cluster is down); the
Elasticsearch/OpenSearch engine too when `SEARCH_ENGINE = "elasticsearch"`. A failing cluster
is logged, never raised to the editor: `manage.py search_index --drift` then reports it.
"""

import contextlib
import logging
from contextvars import ContextVar

from django.conf import settings
from django.db import transaction

from . import registry
from .api import engines

logger = logging.getLogger(__name__)

BATCH_SIZE = 500

_suspended = ContextVar("search_indexing_suspended", default=False)


@contextlib.contextmanager
def suspended():
    """Skip per-object indexing inside the block: the caller indexes everything afterwards."""
    token = _suspended.set(True)
    try:
        yield
    finally:
        _suspended.reset(token)


def _write(action, *args):
    """Write the database index now, in the caller's transaction; the cluster once committed."""
    getattr(engines.database, action)(*args)
    if getattr(settings, "SEARCH_ENGINE", "database") == "elasticsearch":
        transaction.on_commit(lambda: _write_cluster(action, *args))


def _write_cluster(action, *args):
    engine = engines.elastic
    try:
        getattr(engine, action)(*args)
    except engine.unavailable_errors:
        logger.exception("Search index %s failed on %s", action, engine.name)


def update_objects(objects):
    """Index, or remove from the index, each object according to its current state."""
    if _suspended.get():
        return
    objects = list(objects)
    for searchable in registry.all_types():
        mine = [obj for obj in objects if isinstance(obj, searchable.model)]
        if not mine:
            continue
        documents, gone = searchable.documents(mine)
        _write("index_documents", documents)
        if gone:
            _write("delete", searchable.key, gone)


def remove_ids(type_key, object_ids):
    """Take objects of one type out of the index (they were deleted)."""
    if _suspended.get():
        return
    _write("delete", type_key, list(object_ids))


def documents_of(searchable):
    """Every indexable object of a type as documents, batch by batch."""
    batch = []
    for obj in searchable.queryset().iterator(chunk_size=BATCH_SIZE):
        batch.append(obj)
        if len(batch) >= BATCH_SIZE:
            yield searchable.documents(batch)[0]
            batch = []
    if batch:
        yield searchable.documents(batch)[0]


def rebuild(engine, keys=None):
    """Rebuild `engine`'s index for the given type keys (all by default); returns the count."""
    count = 0
    for searchable in registry.all_types():
        if keys and searchable.key not in keys:
            continue
        count += engine.rebuild_type(searchable, documents_of(searchable))
    return count


def drift(engine):
    """{type key: (missing ids, extra ids)} between the database content and `engine`."""
    report = {}
    for searchable in registry.all_types():
        expected = {
            obj.pk
            for obj in searchable.queryset().iterator(chunk_size=BATCH_SIZE)
            if searchable.is_indexable(obj)
        }
        indexed = engine.indexed_ids(searchable.key)
        report[searchable.key] = (sorted(expected - indexed), sorted(indexed - expected))
    return report
