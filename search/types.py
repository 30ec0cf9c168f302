"""The values the search interface speaks in: a request, hits, facet counts, results.

Engines, the API and the listings share them; this module imports nothing else of the project.
"""

from dataclasses import dataclass, field

SORTS = ("relevance", "date", "distance", "listing")


@dataclass
class SearchRequest:
    """What to look for: words, facet filters, an optional point and radius, a window of hits.

    `sort`: "relevance" (newest first when there are no words), "date" (newest first),
    "distance" (needs a point) or "listing" (each type's own listing order). `page` and
    `per_page` choose the window of hits returned; `facets` and `snippets` can be turned off
    when a listing shows neither, and `facet_names` limits the counts to the facets a page
    shows (None: every facet). `approximate`: when no hit has every word, answer with the
    hits that have some of them, those with the most first (for pages that say so).
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
    facet_names: tuple[str, ...] | None = None
    snippets: bool = True
    approximate: bool = False

    @property
    def offset(self):
        return (self.page - 1) * self.per_page


@dataclass
class SearchHit:
    """One object found: enough to show it without loading it (title, URL, snippet…)."""

    type_key: str
    object_id: int
    title: str
    url: str
    snippet: str = ""
    departement: str = ""
    date: object = None
    distance_km: float | None = None
    type_label: str = ""


@dataclass
class EngineResults:
    """What an engine answers: one window of hits, the total, and raw facet counts."""

    hits: list[SearchHit]
    total: int
    facet_counts: dict[str, dict[str, int]] = field(default_factory=dict)
    suggestion: str = ""
    engine: str = "database"


@dataclass
class FacetCount:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class SearchResults:
    """The answer to one request: its window of hits, the total, labelled facets.

    `approximate`: the hits do not have every word (the request allowed it); `unmatched`: the
    words, as typed, that no hit has.
    """

    hits: list[SearchHit]
    total: int
    facets: dict[str, list[FacetCount]]
    suggestion: str = ""
    engine: str = "database"
    approximate: bool = False
    unmatched: list[str] = field(default_factory=list)
