"""Test runs: fast hashing, media in a throwaway folder, any DATABASE_URL (SQLite by default)."""

import tempfile

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="hub-test-media-")
WAGTAILADMIN_BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
RESOURCES_FILES_ROOT = tempfile.mkdtemp(prefix="hub-test-resources-")
UPLOAD_QUARANTINE_ROOT = tempfile.mkdtemp(prefix="hub-test-quarantine-")
# Tests of concurrent writes (download counters) need threads with their own connections: an
# in-memory SQLite database locks them out, a database file lets them wait for each other.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": f"{MEDIA_ROOT}/test-db.sqlite3"}  # noqa: F405
SEARCH_ENGINE = "database"
SEARCH_INDEX_PREFIX = "hub-test"
# Static files straight from the apps (no collectstatic before a test run or a benchmark).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
