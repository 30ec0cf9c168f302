"""The searchable content types. Each app declares its own in `<app>/search_indexes.py`.

How an app plugs its content in (loaded automatically when the app is installed)::

    # directory/search_indexes.py
    from django.utils.translation import gettext_lazy as _

    from search.registry import Facet, SearchableType, register

    from .models import ActionPage

    register(
        SearchableType(
            key="action",                      # stable, short, used in URLs and index names
            model=ActionPage,                  # a Wagtail page model or a plain Django model
            label=_("Action"),
            body=lambda page: f"{page.summary} {page.description}",
            facets=[
                Facet("thematique", _("Thématique"), lambda page: page.thematique_codes()),
                Facet("public", _("Public"), lambda page: page.public_codes()),
            ],
            location=lambda page: (page.latitude, page.longitude) if page.latitude else None,
            communes=lambda page: [page.commune_nom],
            queryset=lambda: ActionPage.objects.live().select_related("commune"),
        )
    )

Pages are then kept in the index on publish, unpublish, move and delete; plain models on save
and delete (see `search.signals`). Bulk imports call `search.indexing.update_objects(objs)` once
at the end. Listings follow `search.listing.SearchListing`; the site search page is one of them.

The apps also name what they own: `register_value_labels` (the départements' names of the
"departement" facet), `register_suggestions` (communes in the search box) and
`register_listings` (the listing pages a search that found nothing points to).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, PageViewRestriction

from .text import fold, plain_text

_registry = {}
_value_labels = {}
_suggesters = []
_listing_providers = []


@dataclass(frozen=True)
class Facet:
    """A filter with counts: `values(obj)` gives the codes an object carries (several allowed).

    `display(code)` turns a code into the label shown to visitors (the code itself by default).
    Types whose facets mean the same thing share its name (events' and resources' "public"),
    so that the search page offers one group.
    A facet that is not `listed` filters (listings use it) without being offered on the search
    page, for values such as ages that only make sense with the listing's own form.
    """

    name: str
    label: Any
    values: Callable[[Any], Iterable[str]]
    display: Callable[[str], str] = str
    listed: bool = True


def _url(obj):
    if isinstance(obj, Page):
        return obj.get_url() or ""
    return obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else ""


def _default_queryset(model):
    if issubclass(model, Page):
        return model.objects.live().public()
    return model._default_manager.all()


@dataclass
class SearchableType:
    """How one content type is indexed: text, facets, point, communes, département and URL.

    Every callable receives one object of `model`. Defaults suit a Wagtail page with a `title`.
    `is_indexable(obj)` says whether an object belongs in the index at all (live pages only by
    default); `queryset()` lists every indexable object for rebuilds and drift reports.
    `listing_order(obj)` is the string a listing sorts on when no words or place decide (sort
    "listing"): the folded title by default. `prefetch(objects)` is called on each batch before
    its documents are made, to load in a few queries what the callables would read one object
    at a time (the départements of pages, for instance).
    """

    key: str
    model: type[models.Model]
    label: Any
    body: Callable[[Any], str] = lambda obj: ""
    title: Callable[[Any], str] = lambda obj: obj.title
    facets: list[Facet] = field(default_factory=list)
    location: Callable[[Any], tuple[float, float] | None] = lambda obj: None
    communes: Callable[[Any], Iterable[str]] = lambda obj: ()
    departement: Callable[[Any], str] = lambda obj: ""
    date: Callable[[Any], Any] = lambda obj: None
    url: Callable[[Any], str] = _url
    queryset: Callable[[], models.QuerySet] | None = None
    is_indexable: Callable[[Any], bool] | None = None
    listing_order: Callable[[Any], str] = lambda obj: fold(obj.title)
    prefetch: Callable[[list], None] = lambda objects: None

    def __post_init__(self):
        if self.queryset is None:
            self.queryset = lambda: _default_queryset(self.model)
        if self.is_indexable is None:
            self.is_indexable = self._default_is_indexable

    @property
    def is_page(self):
        return issubclass(self.model, Page)

    def _default_is_indexable(self, obj, restricted_paths=None):
        if not self.is_page:
            return True
        if restricted_paths is None:
            return obj.live and not obj.get_view_restrictions().exists()
        return obj.live and not obj.path.startswith(restricted_paths)

    def documents(self, objects):
        """(documents of the indexable `objects`, primary keys of the others), in a few queries
        for the whole batch."""
        objects = list(objects)
        if self.is_indexable == self._default_is_indexable and self.is_page:
            restricted = tuple(PageViewRestriction.objects.values_list("page__path", flat=True))
            indexable = [obj for obj in objects if self._default_is_indexable(obj, restricted)]
        else:
            indexable = [obj for obj in objects if self.is_indexable(obj)]
        self.prefetch(indexable)
        kept = {id(obj) for obj in indexable}
        gone = [obj.pk for obj in objects if id(obj) not in kept]
        return [self.document(obj) for obj in indexable], gone

    def document(self, obj):
        """The engine-neutral record of `obj`: what both engines store."""
        point = self.location(obj)
        date = self.date(obj)
        facets = {"type": [self.key]}
        departement = self.departement(obj) or ""
        if departement:
            facets["departement"] = [departement]
        for facet in self.facets:
            facets[facet.name] = sorted({str(value) for value in facet.values(obj) if value})
        return {
            "type": self.key,
            "object_id": obj.pk,
            "title": self.title(obj)[:255],
            "body": plain_text(self.body(obj))[:20000],
            "url": self.url(obj),
            "departement": departement,
            "date": date.isoformat() if date else None,
            "sort_key": self.listing_order(obj)[:255],
            "latitude": point[0] if point else None,
            "longitude": point[1] if point else None,
            "communes": [commune for commune in self.communes(obj) if commune],
            "facets": facets,
        }


def register(searchable):
    """Add a content type to the index; its key must be unique."""
    if searchable.key in _registry and _registry[searchable.key].model is not searchable.model:
        raise ValueError(f"Search type {searchable.key!r} is already registered.")
    _registry[searchable.key] = searchable
    return searchable


def unregister(key):
    """Remove a content type (tests register throwaway types)."""
    _registry.pop(key, None)


def get(key):
    return _registry[key]


def all_types():
    return list(_registry.values())


def types_for_model(model):
    """The registered types an object of `model` belongs to (most specific class first)."""
    return [item for item in _registry.values() if issubclass(model, item.model)]


def facet_labels():
    """Label of every facet name, the built-in ones included."""
    labels = {"type": _("Type de contenu"), "departement": _("Département")}
    for item in _registry.values():
        labels.update({facet.name: facet.label for facet in item.facets})
    return labels


def listed_facets():
    """Names of the facets the search page offers."""
    names = {"type", "departement"}
    for item in _registry.values():
        names.update(facet.name for facet in item.facets if facet.listed)
    return names


def register_value_labels(name, labels):
    """Name the values of a built-in facet: `labels(values)` answers {value: label} at once.

    The app that owns what a facet counts says how its values read (the départements' names
    come from `territories`), so that one query labels a whole list of counts.
    """
    _value_labels[name] = labels


def register_suggestions(provider):
    """Add suggestions to the search box: `provider(prefix, limit)` returns a list of dicts
    with `label`, `value` and `kind` (communes come from `territories`)."""
    if provider not in _suggesters:
        _suggesters.append(provider)


def suggesters():
    return list(_suggesters)


def register_listings(provider):
    """Name the listing pages of the site: `provider()` returns a list of dicts with `label`,
    `url` and `types` (the type keys the listing shows), for the ways out of a search."""
    if provider not in _listing_providers:
        _listing_providers.append(provider)


def listings():
    return [listing for provider in _listing_providers for listing in provider()]


def value_labels(name, values):
    """{value: visitor-facing label} of facet values, in one call per facet."""
    values = list(values)
    if name in _value_labels:
        found = _value_labels[name](values)
        return {value: found.get(value, value) for value in values}
    if name == "type":
        return {v: str(_registry[v].label) if v in _registry else v for v in values}
    labels = {}
    for item in _registry.values():
        for facet in item.facets:
            if facet.name == name:
                for value in values:
                    if labels.get(value, value) == value:
                        labels[value] = facet.display(value)
    return {value: labels.get(value, value) for value in values}
