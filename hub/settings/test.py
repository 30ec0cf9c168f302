"""Test runs: fast hashing, media in a throwaway folder, any DATABASE_URL (SQLite by default),
and every other setting pinned whatever the environment holds."""

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
# Whatever the shell exports, tests see the same values (but DATABASE_URL: the Makefile sets it).
CSRF_TRUSTED_ORIGINS = []
ELASTICSEARCH_URL = ""
SEARCH_ELASTICSEARCH_PLAIN_JSON = False
SEARCH_ELASTICSEARCH_TIMEOUT = 5.0
DEMO_PASSWORD = DEMO_PASSWORD_DEFAULT  # noqa: F405
LOGIN_FAILURE_LIMIT = 5
LOGIN_LOCKOUT_SECONDS = 15 * 60
TRUSTED_PROXY_COUNT = 0
UPLOAD_MAX_SIZE = 50 * 1024 * 1024
UPLOAD_MAX_IMAGE_SIZE = 10 * 1024 * 1024
UPLOAD_MAX_EXPANDED_SIZE = 200 * 1024 * 1024
MAP_TILE_URL = ""
REDIS_URL = ""
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
FRONTEND_CACHE_URLS = []
HTTP_CACHE_SHARED_MAX_AGE = 300
HTTP_CACHE_STALE_SECONDS = 60
HTTP_CACHE_PUBLIC = "public, max-age=0, s-maxage=300, stale-while-revalidate=60"
MAP_TILE_ATTRIBUTION = ""
STATIC_ROOT = BASE_DIR / "var" / "static"  # noqa: F405
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
EMAIL_HOST = "localhost"
EMAIL_PORT = 25
EMAIL_HOST_USER = EMAIL_HOST_PASSWORD = ""
EMAIL_USE_TLS = EMAIL_USE_SSL = False
EMAIL_BATCH_SIZE = 50
SITE_URL = "http://testserver"
