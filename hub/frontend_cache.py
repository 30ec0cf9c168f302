"""Purge the reverse proxy of exactly the pages a change affects.

Wagtail's own frontend cache purges the published page alone; a publication here also changes the
listings that show the page (its département's and the national one, with every filter and page
number), the section and home pages, the feeds of those listings, the site search and the pages
linked to it. This module works out that reach and sends it to the proxy as one ban per
transaction, after the commit:

    BAN / HTTP/1.1
    X-Ban-Url: ^(/nord/annuaire/(\\?|$)|/nord/annuaire/(flux/|carte/)|/annuaire/(\\?|$)|…)

`deploy/varnish/hub.vcl` bans every cached object whose URL matches: the page and its query
variants (`?lieu=Roubaix&page=3`), the routes of routable pages (feeds, calendar months, tag
pages) and, for a move, the whole subtree at its old and new places. Reach of a page change:

- the page itself, with its routes;
- each ancestor (listing, section, home), with its routes;
- the listings of the same kind as the page's own listing placed under any ancestor (the
  national directory for an action of the Nord);
- pages that link to it, or that it links to (Wagtail's reference index: the lieu of an action);
- the site search (`/recherche/`) and the paths its application declares with
  `register_dependent_paths` (the directory's JSON API);
- the sitemap (`/sitemap.xml`), which lists every live public page.

A change of search synonyms bans every URL with a query string (every search with words) and the
site search. Proxies are listed in `FRONTEND_CACHE_URLS`; a proxy that does not answer is logged,
never an error for the editor.
"""

import logging
import operator
import re
import threading
import urllib.error
import urllib.request
from functools import cache, reduce

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, ReferenceIndex

logger = logging.getLogger(__name__)

REGEX_SPECIAL = re.compile(r"[.^$*+?()\[\]{}|\\<]")
# Varnish refuses request headers longer than 8 KB (http_req_hdr_len): longer bans are split.
MAX_BAN_LENGTH = 6000
_dependent_paths = {}
_pending = threading.local()


def register_dependent_paths(models, url_names):
    """Pages that are not Wagtail pages but show these models: banned with them (URL names)."""
    for model in models:
        _dependent_paths.setdefault(model, []).extend(url_names)


def _exact(path):
    """The page at `path` and its query variants."""
    return re.escape(path) + r"(\?|$)"


def _tree(path):
    """Everything under `path`: the page, its routes, its descendants, their query variants."""
    return re.escape(path)


@cache
def _route_prefixes(model):
    """The literal start of each route of a routable page model ("flux/", "mois/")."""
    prefixes = set()
    for pattern in model.get_resolver().url_patterns:
        route = str(pattern.pattern).lstrip("^")
        prefix = REGEX_SPECIAL.split(route, maxsplit=1)[0]
        if prefix:
            prefixes.add(prefix)
    return sorted(prefixes)


def _page_rules(page):
    path = page.get_url()
    if not path:
        return []
    path = _relative(path)
    rules = [_exact(path)]
    if isinstance(page, RoutablePageMixin):
        prefixes = _route_prefixes(type(page))
        if prefixes:
            rules.append(re.escape(path) + "(" + "|".join(map(re.escape, prefixes)) + ")")
    return rules


def _relative(url):
    """Wagtail gives a full URL when several sites exist: the proxy bans by path."""
    return re.sub(r"^https?://[^/]+", "", url)


def enabled():
    return bool(settings.FRONTEND_CACHE_URLS)


def purge_page(page, subtree=False):
    """Ban what a change of `page` affects (see the module docstring), after the commit."""
    if enabled():
        ban(page_rules(page, subtree=subtree))


def purge_pages_alone(pages):
    """Ban `pages` themselves with their routes, after the commit: for a change that shows on
    these pages and on no listing (the places left of an event)."""
    if enabled():
        ban([rule for page in pages if page is not None for rule in _page_rules(page)])


def page_rules(page, subtree=False):
    """The ban rules of a change of `page` at its present place (see the module docstring)."""
    page = page.specific_deferred if type(page) is Page else page
    ancestors = list(page.get_ancestors().filter(depth__gt=1).specific())
    rules = []
    if subtree:
        path = page.get_url()
        if path:
            rules.append(_tree(_relative(path)))
    rules += _page_rules(page)
    for ancestor in ancestors:
        rules += _page_rules(ancestor)
    parent = ancestors[-1] if ancestors else None
    if isinstance(parent, _listing_models()) and len(ancestors) > 1:
        places = [Q(path__startswith=a.path, depth=a.depth + 1) for a in ancestors[:-1]]
        same_kind = type(parent).objects.filter(reduce(operator.or_, places))
        for listing in same_kind.exclude(pk=parent.pk):
            rules += _page_rules(listing)
    for linked in _linked_pages(page):
        rules += _page_rules(linked)
    rules.append(_tree(reverse("search")))
    rules.append(_exact(reverse("sitemap")))
    for model, url_names in _dependent_paths.items():
        if isinstance(page, model):
            rules += [_tree(reverse(name)) for name in url_names]
    return rules


def _listing_models():
    from hub.sections import LISTINGS

    return tuple(kind.model for kind in LISTINGS)


def _linked_pages(page):
    references = ReferenceIndex.objects.filter(
        Q(
            base_content_type_id=ReferenceIndex._get_base_content_type(page),
            object_id=str(page.pk),
            to_content_type_id=ReferenceIndex._get_base_content_type(page),
        )
        | Q(
            to_content_type_id=ReferenceIndex._get_base_content_type(page),
            to_object_id=str(page.pk),
            base_content_type_id=ReferenceIndex._get_base_content_type(page),
        )
    ).values_list("object_id", "to_object_id")
    ids = {int(pk) for pair in references for pk in pair} - {page.pk}
    return Page.objects.live().filter(pk__in=ids).specific() if ids else []


def searches_with_words():
    """Rules for a change of what words find (synonyms): the site search, every query string."""
    return [_tree(reverse("search")), r"[^?]*\?"]


def ban(rules):
    """Ban `rules` from every proxy once the current transaction commits (now, outside one)."""
    if not enabled() or not rules:
        return
    pending = _pending.__dict__.setdefault("rules", [])
    pending.extend(rule for rule in rules if rule not in pending)
    # The first callback of the transaction sends every rule gathered; a rolled-back
    # transaction's rules go with the next one (a ban too many, never one too few).
    transaction.on_commit(_flush)


def ban_address(path):
    """Ban the page at `path` and its query variants (a feed rebuilt in the background)."""
    ban([_exact(path)])


def _flush():
    rules, _pending.rules = getattr(_pending, "rules", []), []
    batch = []
    for rule in rules:
        if batch and sum(map(len, batch)) + len(rule) > MAX_BAN_LENGTH:
            send_ban("^(" + "|".join(batch) + ")")
            batch = []
        batch.append(rule)
    if batch:
        send_ban("^(" + "|".join(batch) + ")")


def send_ban(pattern):
    """Ask every proxy in FRONTEND_CACHE_URLS to drop the objects whose URL matches `pattern`."""
    for base in settings.FRONTEND_CACHE_URLS:
        request = urllib.request.Request(
            base.rstrip("/") + "/", method="BAN", headers={"X-Ban-Url": pattern}
        )
        try:
            with urllib.request.urlopen(request, timeout=settings.FRONTEND_CACHE_TIMEOUT):
                pass
        except (urllib.error.URLError, OSError) as error:
            logger.warning("Proxy %s did not take the ban %s: %s", base, pattern, error)
