"""Local development: debug on, a fixed key, the embedded SQLite database by default."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-do-not-use-in-production"
# The demo national administrator signs in with its password alone (`make run`); production and
# tests require its second factor.
TWO_FACTOR_REQUIRED_FOR_ADMINS = False
# E-mails are printed by the process that sends them: the task worker started by `make run`.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
