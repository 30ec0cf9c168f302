"""Production keeps Django's cache on Redis when REDIS_URL is set, and login throttling then
holds across workers: failures counted by one process lock the login in another."""

import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import RequestFactory, override_settings

from hub import login_throttle

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/10")


def require_redis():
    environment = dict(os.environ, REDIS_URL=REDIS_URL)
    script = settings.BASE_DIR / "scripts" / "ensure-redis"
    if subprocess.run([str(script)], env=environment, capture_output=True).returncode:
        message = f"Redis does not answer at {REDIS_URL} (scripts/ensure-redis)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


def production_python(code, **environment):
    env = {name: value for name, value in os.environ.items() if name != "REDIS_URL"}
    env.update(
        DJANGO_SETTINGS_MODULE="hub.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        **environment,
    )
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + code],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def test_production_cache_is_redis_when_redis_url_is_set():
    show = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    assert production_python(show, REDIS_URL=REDIS_URL) == (
        "django.core.cache.backends.redis.RedisCache"
    )
    assert production_python(show) == "django.core.cache.backends.filebased.FileBasedCache"


def test_login_lockout_counted_by_one_worker_holds_in_another():
    require_redis()
    prefix = f"test-{secrets.token_hex(8)}"
    caches = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    request = RequestFactory().post("/admin/login/", REMOTE_ADDR="203.0.113.7")
    with override_settings(CACHES=caches):
        for _ in range(settings.LOGIN_FAILURE_LIMIT):
            login_throttle.count_failure("coord-nord", request)
        assert login_throttle.is_locked("coord-nord", request)
    other_worker = (
        "from django.test import RequestFactory\n"
        "from hub import login_throttle\n"
        "request = RequestFactory().post('/admin/login/', REMOTE_ADDR='203.0.113.7')\n"
        "print(login_throttle.is_locked('coord-nord', request),"
        " login_throttle.is_locked('coord-gironde', request))"
    )
    assert (
        production_python(other_worker, REDIS_URL=REDIS_URL, CACHE_KEY_PREFIX=prefix)
        == "True False"
    )
