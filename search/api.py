"""The one search interface of the site: every listing and the search page go through it.

    from search.api import SearchRequest, search

    results = search(SearchRequest(text="mediation familiale", filters={"departement": ["59"]},
                                   point=(50.63, 3.06), radius_km=20, types=["action"]))
    results.total, results.hits, results.facets, results.suggestion

Listings use `ResultList(request)`, which runs the search only when Django's paginator asks
for the count or a slice, and `load_objects(hits, queryset)` to show the objects of a page.

The engine comes from settings (`SEARCH_ENGINE`: "database" or "elasticsearch"). When the
cluster cannot answer, the database engine answers instead and the failure is logged.
"""

import logging
from dataclasses import replace

from django.conf import settings
from django.utils.functional import cached_property

from . import registry
from .query import parse
from .types import SORTS, FacetCount, SearchHit, SearchRequest, SearchResults

__all__ = [
    "SORTS",
    "ResultList",
    "SearchHit",
    "SearchRequest",
    "SearchResults",
    "autocomplete",
    "load_objects",
    "search",
]

logger = logging.getLogger(__name__)

ID_BATCH = 1000


class Engines:
    """The configured engine and the database engine it falls back on."""

    @cached_property
    def database(self):
        from .backends.database import DatabaseEngine

        return DatabaseEngine()

    @cached_property
    def elastic(self):
        from .backends.elastic import ElasticEngine

        return ElasticEngine.from_settings()

    def primary(self):
        if getattr(settings, "SEARCH_ENGINE", "database") == "elasticsearch":
            return self.elastic
        return self.database

    def reset(self):
        self.__dict__.pop("elastic", None)
        self.__dict__.pop("database", None)


engines = Engines()


def _label_facets(counts, request):
    """{name: {value: count}} as labelled FacetCounts, most frequent first; one lookup a facet."""
    facets = {}
    for name, by_value in counts.items():
        selected = set(request.filters.get(name, []))
        labels = registry.value_labels(name, by_value)
        items = [
            FacetCount(value, labels[value], count, value in selected)
            for value, count in by_value.items()
        ]
        facets[name] = sorted(items, key=lambda item: (-item.count, item.label))
    return facets


def _ask(request, parsed, some_groups=False):
    """The configured engine's answer, or the database's when the cluster cannot answer."""
    engine = engines.primary()
    if engine is not engines.database:
        try:
            return engine.search(request, parsed, some_groups)
        except engine.unavailable_errors:
            logger.exception("Search cluster unavailable, answering from the database")
    return engines.database.search(request, parsed, some_groups)


def _closest(request, parsed):
    """(answer, words that match nothing) when no hit has every word of an approximate
    request: the hits matching the most of the other words, best first; None otherwise."""
    if len(parsed.groups) == 1:
        return None, parsed.typed
    counting = replace(request, page=1, per_page=1, facets=False, snippets=False)
    groups = range(len(parsed.groups))
    found = [index for index in groups if _ask(counting, parsed.only([index])).total]
    unmatched = [parsed.typed[index] for index in groups if index not in found]
    if not found:
        return None, unmatched
    return _ask(request, parsed.only(found), some_groups=True), unmatched


def search(request):
    """Hits, total, facet counts, snippets and a "did you mean" for `request`.

    An `approximate` request that no hit fully matches gets the hits matching some of its
    words (`approximate=True`) and the words matching nothing (`unmatched`).
    """
    parsed = parse(request.text)
    answer = _ask(request, parsed)
    approximate, unmatched = False, []
    if answer.total == 0 and parsed and request.approximate:
        closest, unmatched = _closest(request, parsed)
        if closest is not None:
            answer, approximate = closest, True
    type_labels = registry.value_labels("type", {hit.type_key for hit in answer.hits})
    for hit in answer.hits:
        hit.type_label = type_labels[hit.type_key]
    return SearchResults(
        hits=answer.hits,
        total=answer.total,
        facets=_label_facets(answer.facet_counts, request) if request.facets else {},
        suggestion=answer.suggestion,
        engine=answer.engine,
        approximate=approximate,
        unmatched=unmatched,
    )


class ResultList:
    """The hits of a request as a lazy sequence: counting or slicing it runs the search.

    Django's `Paginator` takes it like a queryset: the count and the page it slices come from
    one engine call for the window `request.page` describes; another slice runs another call.
    `facets`, `suggestion` and `engine` are those of that first call.
    """

    def __init__(self, request):
        self.request = request
        self._windows = {}

    def _window(self, offset, limit):
        key = (offset, limit)
        if key not in self._windows:
            if offset % limit == 0:
                wanted = replace(self.request, page=offset // limit + 1, per_page=limit)
            else:  # an unaligned slice: fetch from the start, then cut
                wanted = replace(self.request, page=1, per_page=offset + limit)
            self._windows[key] = (wanted.offset, search(wanted))
        return self._windows[key]

    @property
    def first(self):
        """The results of the request's own window."""
        return self._window(self.request.offset, self.request.per_page)[1]

    def count(self):
        return self.first.total

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        if not isinstance(window, slice):
            return self[window : window + 1][0]
        start = window.start or 0
        stop = self.count() if window.stop is None else window.stop
        if stop <= start:
            return []
        start_of_window = self.request.offset
        if start_of_window <= start and stop <= start_of_window + self.request.per_page:
            hits = self.first.hits
        else:
            start_of_window, results = self._window(start, stop - start)
            hits = results.hits
        return hits[start - start_of_window : stop - start_of_window]

    @property
    def hits(self):
        return self.first.hits

    @property
    def total(self):
        return self.first.total

    @property
    def facets(self):
        return self.first.facets

    @property
    def suggestion(self):
        return self.first.suggestion

    @property
    def engine(self):
        return self.first.engine

    @property
    def approximate(self):
        return self.first.approximate

    @property
    def unmatched(self):
        return self.first.unmatched

    def ids(self):
        """Every matching object id, in the request's order, fetched batch by batch.

        For listings whose order the engine cannot know (the occurrences of events, the
        downloads of resources): they filter their own queryset with these ids.
        """
        request = replace(self.request, facets=False, snippets=False, per_page=ID_BATCH)
        ids, page = [], 1
        while True:
            results = search(replace(request, page=page))
            ids += [hit.object_id for hit in results.hits]
            if len(results.hits) < ID_BATCH or len(ids) >= results.total:
                return ids
            page += 1


def load_objects(hits, queryset):
    """The objects of `hits` taken from `queryset` (one query), in hit order.

    Each object carries its hit as `search_hit` (distance, snippet). Hits whose object the
    queryset does not hold (deleted since indexing, another type) are skipped.
    """
    hits = list(hits)
    found = queryset.in_bulk([hit.object_id for hit in hits])
    objects = []
    for hit in hits:
        obj = found.get(hit.object_id)
        if obj is not None:
            obj.search_hit = hit
            objects.append(obj)
    return objects


def autocomplete(prefix, limit=8):
    """Titles, then what the apps suggest (communes), starting with what was typed."""
    prefix = prefix.strip()[:100]
    if len(prefix) < 2:
        return []
    engine = engines.primary()
    titles = None
    if engine is not engines.database:
        try:
            titles = engine.autocomplete(prefix, limit)
        except engine.unavailable_errors:
            logger.exception("Search cluster unavailable, completing from the database")
    if titles is None:
        titles = engines.database.autocomplete(prefix, limit)
    others = []
    for provider in registry.suggesters():
        others += provider(prefix, limit=max(2, limit - len(titles)))
    return titles + others
