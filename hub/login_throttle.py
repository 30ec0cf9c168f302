"""Slow down password guessing on the login pages (Wagtail admin, Django admin, porteurs' and
members' spaces).

Failed attempts are counted per username and client IP (`client_ip`) in the Django cache; after
`LOGIN_FAILURE_LIMIT` failures within `LOGIN_LOCKOUT_SECONDS`, further attempts for that pair
are refused with HTTP 429 and a French message until the window ends. A successful login resets
the count. Counting per pair means an attacker cannot lock a coordinator out from elsewhere.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.urls import reverse

LOGIN_URL_NAMES = ["wagtailadmin_login", "admin:login", "porteurs:login", "members:login"]


def failure_limit():
    return getattr(settings, "LOGIN_FAILURE_LIMIT", 5)


def lockout_seconds():
    return getattr(settings, "LOGIN_LOCKOUT_SECONDS", 15 * 60)


def client_ip(request):
    """The visitor's address: REMOTE_ADDR, or the one the outermost trusted proxy saw.

    Behind `TRUSTED_PROXY_COUNT` proxies, each appending the address it received from to
    X-Forwarded-For, the client is that many entries from the right; entries further left are
    written by the client itself and never trusted.
    """
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _cache_key(username, request):
    ip = client_ip(request)
    digest = hashlib.sha256(f"{username.strip().lower()}|{ip}".encode()).hexdigest()
    return f"login-failures:{digest}"


def count_failure(username, request):
    """One more failed attempt for `username` from this client (see `hub.signals`)."""
    key = _cache_key(username, request)
    cache.add(key, 0, lockout_seconds())
    cache.incr(key)


def is_locked(username, request):
    """True once `username` has failed too often from this client (password or 2FA code)."""
    return cache.get(_cache_key(username, request), 0) >= failure_limit()


def reset_failures(username, request):
    cache.delete(_cache_key(username, request))


class LoginThrottleMiddleware:
    """Refuse a login attempt once its username and IP have failed too often."""

    def __init__(self, get_response):
        self.get_response = get_response
        self._login_paths = None

    def login_paths(self):
        if self._login_paths is None:
            self._login_paths = {reverse(name) for name in LOGIN_URL_NAMES}
        return self._login_paths

    def __call__(self, request):
        if (
            request.method == "POST"
            and request.path in self.login_paths()
            and is_locked(request.POST.get("username", ""), request)
        ):
            minutes = max(1, lockout_seconds() // 60)
            return render(request, "429.html", {"minutes": minutes}, status=429)
        return self.get_response(request)
