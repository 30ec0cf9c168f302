"""Test-run plumbing: transactional tests get a marker of their own.

A transactional test empties the database when it ends (Django restores a serialized copy only at
the start of the next one), so every test case that runs after it on the same process would find
no Wagtail root page. `make test` therefore runs the "transactional" tests apart, after the
parallel run of all the others.
"""

import pytest
from django.test import TestCase, TransactionTestCase


def is_transactional(item):
    marker = item.get_closest_marker("django_db")
    if marker is not None and marker.kwargs.get("transaction"):
        return True
    test_class = getattr(item, "cls", None)
    return (
        test_class is not None
        and issubclass(test_class, TransactionTestCase)
        and not issubclass(test_class, TestCase)
    )


def pytest_collection_modifyitems(items):
    for item in items:
        if is_transactional(item):
            item.add_marker(pytest.mark.transactional)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: what a test cached (a feed built at a calendar
    version that the rollback then reuses) never answers another test."""
    from django.core.cache import cache

    cache.clear()
