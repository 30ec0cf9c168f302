"""The registry of indicator providers, and the merge of their figures.

A provider is an instance of `IndicatorProvider` registered with `@register`. Its contract:

- `keys`: the catalogue keys (`catalogue.INDICATORS`) it computes;
- `figures(section, year)`: a dict {key: Figure} for every key it declares, computed for the
  `hub.DepartementPage` `section` and the calendar year `year` (Europe/Paris), in a few queries
  whatever the volume (aggregate in the database, never load every row);
- `items(key, section, year, limit=None)`: the drill-down, the `Item`s behind the figure of
  `key`, oldest first; at most `limit` of them when `limit` is given (slice the query);
- optionally `breakdowns(section, year)`: tables (`Breakdown`) splitting figures by a dimension
  (type of action, theme, territory), shown by the dashboard, the bilan and the XLSX export.

The figure of a key is the sum of the figures of every provider that computes it, its items
the concatenation of their items, sorted by date.

A view that asks for many figures and drill-downs at once (dashboard, bilan, exports) runs inside
`shared_computations()`; a provider wraps in `once(key, compute)` what several of its indicators
share (the agenda's held sessions, say), which is then computed once for the whole view.
"""

import contextlib
import contextvars
import datetime
import functools
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured

from .catalogue import CATALOGUE, FAMILIES, INDICATORS

_shared = contextvars.ContextVar("indicator_computations", default=None)


@contextlib.contextmanager
def shared_computations():
    """Within this block, `once` computes each of its keys a single time."""
    token = _shared.set({})
    try:
        yield
    finally:
        _shared.reset(token)


def sharing_computations(view):
    """Decorator: run `view` inside `shared_computations()`."""

    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        with shared_computations():
            return view(*args, **kwargs)

    return wrapper


def once(key, compute):
    """`compute()`, or the value it gave for `key` earlier in the same shared block."""
    results = _shared.get()
    if results is None:
        return compute()
    if key not in results:
        results[key] = compute()
    return results[key]


@dataclass
class Figure:
    """The value of an indicator for one section and year, and its breakdown by month (12
    numbers, January first) for monthly indicators."""

    value: int = 0
    by_month: list[int] | None = None

    def __add__(self, other):
        if self.by_month is None and other.by_month is None:
            months = None
        else:
            months = [
                a + b
                for a, b in zip(self.by_month or [0] * 12, other.by_month or [0] * 12, strict=True)
            ]
        return Figure(self.value + other.value, months)


@dataclass(frozen=True)
class Item:
    """One thing behind a figure: a news item, an activity, an event, a directory record…

    `quantity` is what the item adds to the figure (1 for a count; the participants of a meeting
    for the "participants" indicator)."""

    title: str
    date: datetime.date | None = None
    url: str = ""
    admin_url: str = ""
    detail: str = ""
    quantity: int = 1
    source: str = field(default="", compare=False)


@dataclass(frozen=True)
class Breakdown:
    """Figures split by one dimension: a row per value of the dimension (« Café des parents »),
    a column per figure (« Parents différents »). `note` says how to read the sums."""

    key: str
    title: str
    dimension: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[int, ...]], ...]
    note: str = ""


class IndicatorProvider:
    """Base class of a provider: subclasses set `keys` and implement `figures` and `items`."""

    keys: tuple[str, ...] = ()
    #: Shown in the drill-down beside each item, e.g. "Activité saisie", "Agenda".
    source_label = ""

    def figures(self, section, year):
        raise NotImplementedError

    def items(self, key, section, year, limit=None):
        raise NotImplementedError

    def breakdowns(self, section, year):
        return []


#: Drill-downs (detail page, XLSX export) list at most this many items per indicator.
DRILL_DOWN_LIMIT = 1000

_providers: list[IndicatorProvider] = []


def register(provider_class):
    """Class decorator: register one instance of an `IndicatorProvider` subclass."""
    unknown = [key for key in provider_class.keys if key not in INDICATORS]
    if unknown:
        raise ImproperlyConfigured(
            f"{provider_class.__name__} computes indicators missing from the catalogue: {unknown}"
        )
    if not any(type(p) is provider_class for p in _providers):
        _providers.append(provider_class())
    return provider_class


def unregister(provider_class):
    """Remove a provider (used by tests that register a provider of their own)."""
    _providers[:] = [p for p in _providers if type(p) is not provider_class]


def providers():
    return list(_providers)


def active_indicators():
    """The catalogue indicators computed by at least one registered provider, in catalogue
    order (families first)."""
    computed = {key for provider in _providers for key in provider.keys}
    family_order = {family: rank for rank, family in enumerate(FAMILIES)}
    indicators = [indicator for indicator in CATALOGUE if indicator.key in computed]
    return sorted(indicators, key=lambda indicator: family_order[indicator.family])


def get_indicator(key):
    """The active indicator of `key`, or None."""
    return next((i for i in active_indicators() if i.key == key), None)


def compute_figures(section, year):
    """{key: Figure} of every active indicator, the figures of all providers added up."""
    figures = {}
    for provider in _providers:
        computed = provider.figures(section, year)
        for key in provider.keys:
            indicator = INDICATORS[key]
            figure = computed.get(key) or Figure(0, [0] * 12 if indicator.monthly else None)
            figures[key] = figures[key] + figure if key in figures else figure
    return figures


def compute_items(key, section, year, limit=None):
    """The drill-down of `key`: every provider's items, oldest first (the first `limit` ones)."""
    items = []
    for provider in _providers:
        if key in provider.keys:
            source = str(provider.source_label)
            items.extend(
                Item(**{**item.__dict__, "source": source})
                for item in provider.items(key, section, year, limit)
            )
    items.sort(key=lambda item: (item.date or datetime.date.min, item.title))
    return items if limit is None else items[:limit]


def compute_breakdowns(section, year):
    """Every provider's breakdowns of `section`'s figures for `year`."""
    return [table for provider in _providers for table in provider.breakdowns(section, year)]
