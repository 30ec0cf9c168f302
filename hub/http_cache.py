"""HTTP caching of the public site: what a shared cache (the reverse proxy) may keep, and for how
long; validators on every public answer; personal answers kept out of every cache.

`SharedCacheMiddleware` decides once for the whole site, after every view has answered:

- **personal** (private, no-store): the admin and the health check (`HTTP_CACHE_PRIVATE_PREFIXES`),
  any request that carries a session cookie (a signed-in user, a login in progress, the
  second-factor screens), any answer that sets a cookie (a form's CSRF token, a message), every
  method but GET and HEAD;
- **public** (`HTTP_CACHE_PUBLIC` policy, `public, max-age=0, s-maxage=…,
  stale-while-revalidate=…`): an anonymous GET answered 200, 301 or 404. The proxy keeps it and
  is purged on publication (`hub.frontend_cache`); browsers revalidate every time (a 304 from the
  proxy). `Vary: Cookie` is dropped (an anonymous answer depends on no cookie: requests with a
  session are personal) and so is `Vary: Accept-Language` while the site speaks one language;
- anything else anonymous (400, 403, 429, 5xx, temporary redirects): no-store.

A view that sets its own Cache-Control keeps it (downloads that must be counted, thumbnails).
Validators: a view's own ETag (and Last-Modified) is kept (the calendar feeds'); otherwise the
ETag is a digest of the body and Last-Modified the moment this URL first answered that body,
remembered in the Django cache (a view's Last-Modified without ETag, such as the newest entry of an
Atom feed, would go back in time when an entry is unpublished). Conditional GETs are then answered
304 here, and by the proxy from its copy.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe

PUBLIC_STATUSES = {200, 301, 404}
LAST_MODIFIED_SECONDS = 30 * 24 * 60 * 60


def personal(response):
    response["Cache-Control"] = "private, no-store"
    return response


def _drop_vary(response, *headers):
    if not response.has_header("Vary"):
        return
    dropped = {header.lower() for header in headers}
    kept = [
        value.strip()
        for value in response["Vary"].split(",")
        if value.strip() and value.strip().lower() not in dropped
    ]
    del response["Vary"]
    if kept:
        patch_vary_headers(response, kept)


def _first_seen(request, etag):
    """When this URL first answered the body whose digest is `etag` (now, if it just did)."""
    key = "http-cache:last-modified:" + hashlib.sha256(request.get_full_path().encode()).hexdigest()
    seen = cache.get(key)
    if seen is not None and seen[0] == etag:
        return seen[1]
    now = int(time.time())
    cache.set(key, (etag, now), LAST_MODIFIED_SECONDS)
    return now


def _add_validators(request, response):
    """Give `response` its validators unless its view did; return them (ETag, timestamp)."""
    if not response.has_header("ETag") and not response.streaming:
        etag = f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
        response["ETag"] = etag
        response["Last-Modified"] = http_date(_first_seen(request, etag))
    return response.get("ETag"), parse_http_date_safe(response.get("Last-Modified", ""))


class SharedCacheMiddleware:
    """Cache-Control, Vary and validators of every answer (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            return response if response.has_header("Cache-Control") else personal(response)
        if (
            request.path.startswith(tuple(settings.HTTP_CACHE_PRIVATE_PREFIXES))
            or settings.SESSION_COOKIE_NAME in request.COOKIES
            or response.cookies
        ):
            return personal(response)
        if response.has_header("Cache-Control"):
            if "private" not in response["Cache-Control"]:
                self._shareable(response)
            return response
        if response.status_code == 304:
            # Answered before any view (unchanged calendar feed): same policy as its 200.
            response["Cache-Control"] = settings.HTTP_CACHE_PUBLIC
            return response
        if response.status_code not in PUBLIC_STATUSES:
            response["Cache-Control"] = "no-store"
            return response
        self._shareable(response)
        response["Cache-Control"] = settings.HTTP_CACHE_PUBLIC
        etag, last_modified = _add_validators(request, response)
        return get_conditional_response(
            request, etag=etag, last_modified=last_modified, response=response
        )

    @staticmethod
    def _shareable(response):
        vary = ["Cookie"]
        if len(settings.LANGUAGES) == 1:
            vary.append("Accept-Language")
        _drop_vary(response, *vary)
