"""Settings shared by every environment; values that vary come from environment variables."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
NODE_MODULES_DIR = BASE_DIR / "node_modules"
REFERENCE_DATA_DIR = NODE_MODULES_DIR / "@etalab" / "decoupage-administratif" / "data"


def env_list(name, default=""):
    """A comma-separated environment variable as a list of non-empty strings."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "territories",
    "hub",
    "directory",
    "events",
    "resources",
    "porteurs",
    "members",
    "webforms",
    "newsletter",
    "hub.indicators",
    "search",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "hub.http_cache.SharedCacheMiddleware",
    "events.middleware.FeedNotModifiedMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "hub.middleware.RejectNulCharactersMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "hub.login_throttle.LoginThrottleMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "hub.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "hub.urls"
WSGI_APPLICATION = "hub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            # The `date` filter writes "1er janvier" (see hub/dates.py).
            "builtins": ["hub.templatetags.french_dates"],
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "csp.context_processors.nonce",
                "hub.context_processors.departement_switcher",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
# Front-end packages installed by npm (package.json, `npm ci`), served by the site itself under
# /static/<prefix>/: found there by runserver and WhiteNoise, copied by collectstatic.
STATICFILES_DIRS = [("leaflet", NODE_MODULES_DIR / "leaflet" / "dist")]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")

# Results map of the directory (directory.maps): empty, a map drawn on the server from the site's
# own data; a tile URL template ("https://tiles.example.fr/{z}/{x}/{y}.png"), an interactive
# Leaflet map over those tiles, the only other host the directory's pages then load from.
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "")
MAP_TILE_ATTRIBUTION = os.environ.get("MAP_TILE_ATTRIBUTION", "")

# Background work (hub/tasks.py): Django's Tasks API (the django-tasks backport on Django 5.2).
# Embedded default: tasks in the database, run by `manage.py db_worker` (started by `make run`).
# Production may use Redis instead (TASKS_BACKEND=redis, RQ workers: see the README).
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "database")
if TASKS_BACKEND == "redis":
    INSTALLED_APPS.append("django_rq")
    RQ_QUEUES = {"default": {"URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# E-mail (hub/mail.py): SMTP through these settings; development prints messages on the console.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "") == "true"
EMAIL_USE_SSL = os.environ.get("EMAIL_USE_SSL", "") == "true"
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "30"))
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Hub Parentalité <ne-pas-repondre@hub-parentalite.fr>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Messages per delivery task (one SMTP connection each), and the waits before each new attempt
# after a failure the server reports as temporary; after the last one, the message is failed.
EMAIL_BATCH_SIZE = int(os.environ.get("EMAIL_BATCH_SIZE", "50"))
EMAIL_RETRY_DELAYS = [60, 5 * 60, 30 * 60, 2 * 60 * 60]
# Newsletter and parents' alerts (newsletter/): how long a confirmation link stays valid, how
# many subscribers each sending task writes to the outbox, how often an alert may be sent.
NEWSLETTER_CONFIRMATION_DAYS = 7
NEWSLETTER_BATCH_SIZE = int(os.environ.get("NEWSLETTER_BATCH_SIZE", "200"))
ALERT_INTERVAL_DAYS = 7
# The public site's address, for links in e-mails.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
# How long the « toujours à jour » link of a review reminder or a campaign stays valid.
REVIEW_LINK_MAX_AGE_DAYS = int(os.environ.get("REVIEW_LINK_MAX_AGE_DAYS", "60"))

WAGTAIL_SITE_NAME = "Hub Parentalité"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# The upload gate (hub.uploads), which every file entering the site passes: resource files,
# Wagtail documents and images (single and multiple upload, choosers), CSV imports.
UPLOAD_MAX_SIZE = int(os.environ.get("UPLOAD_MAX_SIZE", 50 * 1024 * 1024))
UPLOAD_MAX_IMAGE_SIZE = int(os.environ.get("UPLOAD_MAX_IMAGE_SIZE", 10 * 1024 * 1024))
UPLOAD_MAX_EXPANDED_SIZE = int(os.environ.get("UPLOAD_MAX_EXPANDED_SIZE", 200 * 1024 * 1024))
# Where `recheck_uploads --quarantine` moves the stored files that fail the gate: not served.
UPLOAD_QUARANTINE_ROOT = Path(
    os.environ.get("UPLOAD_QUARANTINE_ROOT", BASE_DIR / "var" / "quarantaine")
)
WAGTAILDOCS_DOCUMENT_FORM_BASE = "hub.upload_forms.DocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "hub.upload_forms.ImageForm"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False

LOGIN_URL = "wagtailadmin_login"
# A page restricted to a département's members sends a visitor to the members' sign-in.
WAGTAIL_FRONTEND_LOGIN_URL = "/espace-membres/connexion/"
# Failed logins per username and IP before the login pages refuse that pair (hub.login_throttle).
LOGIN_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
LOGIN_LOCKOUT_SECONDS = int(os.environ.get("LOGIN_LOCKOUT_SECONDS", str(15 * 60)))
# Two-factor authentication (hub.two_factor): national administrators cannot reach the admin
# before enrolling. Only the development settings may switch it off.
TWO_FACTOR_REQUIRED_FOR_ADMINS = True
OTP_TOTP_ISSUER = "Hub Parentalité"
# Reverse proxies in front of the site, each appending to X-Forwarded-For (0: none, the client
# address is REMOTE_ADDR).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Security headers, on in every environment; production adds HTTPS-only settings.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"

# Public pages load nothing from another host and run no inline script or style.
# The Wagtail admin ships inline scripts of its own, so it keeps the default browser policy.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}

# HTTP caching (hub.http_cache): anonymous public answers are kept by the reverse proxy for
# HTTP_CACHE_SHARED_MAX_AGE seconds (purged on publication, see hub.frontend_cache) and served
# stale for HTTP_CACHE_STALE_SECONDS more while it refreshes them; browsers revalidate.
HTTP_CACHE_SHARED_MAX_AGE = int(os.environ.get("HTTP_CACHE_SHARED_MAX_AGE", "300"))
HTTP_CACHE_STALE_SECONDS = int(os.environ.get("HTTP_CACHE_STALE_SECONDS", "60"))
HTTP_CACHE_PUBLIC = (
    f"public, max-age=0, s-maxage={HTTP_CACHE_SHARED_MAX_AGE}, "
    f"stale-while-revalidate={HTTP_CACHE_STALE_SECONDS}"
)
HTTP_CACHE_PRIVATE_PREFIXES = ["/admin/", "/django-admin/", "/sante/", "/espace-membres/flux/"]
# Reverse proxies to purge when content changes (hub.frontend_cache): base URLs of Varnish
# instances that accept BAN (deploy/varnish/hub.vcl), comma-separated; empty, nothing to purge.
FRONTEND_CACHE_URLS = env_list("FRONTEND_CACHE_URLS")
FRONTEND_CACHE_TIMEOUT = float(os.environ.get("FRONTEND_CACHE_TIMEOUT", "2"))

# The Django cache: Redis when REDIS_URL is set (every worker of every host shares it: login
# throttling, built feeds, Last-Modified of the pages); otherwise the embedded default of each
# environment (local memory; a folder shared by the workers of one host in production).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "hub"),
        }
    }

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

DEMO_PASSWORD_DEFAULT = "parentalite-demo"
# Password of the demo accounts created by `load_demo_content` (`make run`).
DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD") or DEMO_PASSWORD_DEFAULT
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# Resource library: files live outside MEDIA_ROOT and are served by a view that counts them.
RESOURCES_FILES_ROOT = Path(os.environ.get("RESOURCES_FILES_ROOT", BASE_DIR / "var" / "ressources"))
# Porteurs' space: dossier attachments and call documents, served only to those allowed.
PORTEURS_FILES_ROOT = Path(os.environ.get("PORTEURS_FILES_ROOT", BASE_DIR / "var" / "porteurs"))
TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING = True  # tag pages get ASCII URLs: /etiquettes/ecrans/

# Site search (see the "Recherche" section of the README): "database" (embedded, default) or
# "elasticsearch" (Elasticsearch or OpenSearch at ELASTICSEARCH_URL).
SEARCH_ENGINE = os.environ.get(
    "SEARCH_ENGINE", "elasticsearch" if ELASTICSEARCH_URL else "database"
)
SEARCH_INDEX_PREFIX = os.environ.get("SEARCH_INDEX_PREFIX", "hub")
SEARCH_ELASTICSEARCH_PLAIN_JSON = os.environ.get("ELASTICSEARCH_PLAIN_JSON", "") == "1"
SEARCH_ELASTICSEARCH_TIMEOUT = float(os.environ.get("ELASTICSEARCH_TIMEOUT", "5"))
