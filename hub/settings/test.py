"""Test runs: fast hashing, media in a throwaway folder, any DATABASE_URL (SQLite by default)."""

import tempfile

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="hub-test-media-")
WAGTAILADMIN_BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
SEARCH_ENGINE = "database"
SEARCH_INDEX_PREFIX = "hub-test"
