"""The one search interface of the site: every listing and the search page go through it.

    from search.api import SearchRequest, search

    results = search(SearchRequest(text="mediation familiale", filters={"departement": ["59"]},
                                   point=(50.63, 3.06), radius_km=20, types=["action"]))
    results.total, results.hits, results.facets, results.suggestion

The engine comes from settings (`SEARCH_ENGINE`: "database" or "elasticsearch"). When the
cluster cannot answer, the database engine answers instead and the failure is logged.
"""

import logging
import math
from dataclasses import dataclass, field, replace

from django.conf import settings
from django.utils.functional import cached_property

from . import registry
from .query import parse

logger = logging.getLogger(__name__)

SORTS = ("relevance", "date", "distance", "listing")
MATCHING_IDS_LIMIT = 5000


@dataclass
class SearchRequest:
    """What to look for: words, facet filters, an optional point and radius, a page.

    `sort`: "relevance" (newest first when there are no words), "date" (newest first),
    "distance" (needs a point) or "listing" (each type's own listing order). `facets` and
    `snippets` can be turned off when a listing shows neither.
    """

    text: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    types: list[str] = field(default_factory=list)
    point: tuple[float, float] | None = None
    radius_km: float | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = 20
    facets: bool = True
    snippets: bool = True

    @property
    def offset(self):
        return (self.page - 1) * self.per_page


@dataclass
class SearchHit:
    type_key: str
    object_id: int
    title: str
    url: str
    snippet: str = ""
    departement: str = ""
    date: object = None
    distance_km: float | None = None

    @property
    def type_label(self):
        return registry.facet_display("type", self.type_key)


@dataclass
class FacetCount:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class SearchResults:
    hits: list[SearchHit]
    total: int
    facets: dict[str, list[FacetCount]]
    suggestion: str = ""
    engine: str = "database"

    def objects(self):
        """The hits' objects, in hit order, with one query per content type."""
        by_type = {}
        for hit in self.hits:
            by_type.setdefault(hit.type_key, []).append(hit.object_id)
        loaded = {}
        for key, ids in by_type.items():
            queryset = registry.get(key).queryset().filter(pk__in=ids)
            loaded.update({(key, obj.pk): obj for obj in queryset})
        return [
            loaded[(h.type_key, h.object_id)]
            for h in self.hits
            if (h.type_key, h.object_id) in loaded
        ]


def distance_km(a, b):
    """Great-circle distance between two (lat, lon) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def label_facets(raw, request):
    """Turn {name: {value: count}} into labelled, sorted FacetCounts."""
    facets = {}
    for name, counts in raw.items():
        selected = set(request.filters.get(name, []))
        labels = registry.value_labels(name, counts)
        items = [
            FacetCount(value, labels[value], count, value in selected)
            for value, count in counts.items()
        ]
        facets[name] = sorted(items, key=lambda item: (-item.count, item.label))
    return facets


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


def search(request):
    """Hits, total, facet counts, snippets and a "did you mean" for `request`."""
    parsed = parse(request.text)
    engine = engines.primary()
    if engine is not engines.database:
        try:
            return engine.search(request, parsed)
        except engine.unavailable_errors:
            logger.exception("Search cluster unavailable, answering from the database")
    return engines.database.search(request, parsed)


def matching_ids(request, limit=MATCHING_IDS_LIMIT):
    """Ids of the objects matching `request` (at most `limit`), in the request's order.

    For listings whose order the engine cannot know: the agenda lists occurrences of events,
    the library can sort by downloads. They then order these ids with the database.
    """
    results = search(replace(request, page=1, per_page=limit, facets=False, snippets=False))
    return [hit.object_id for hit in results.hits]


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
