"""The directory's filters, turned into a request to the site's one search interface.

The directory's listing (`DirectoryIndexPage`) and its JSON API both call `search_request`.

Words, the place and every filter of the form go to `search.api`: the engine (database or
Elasticsearch) finds, filters, measures distances and sorts; only the records of the page shown
are then loaded from the database.
"""

from directory.forms import Kind
from search.api import SearchRequest

TYPE_KEYS = {Kind.ACTIONS: "action", Kind.LIEUX: "lieu", Kind.PROMENEURS: "promeneur"}
DEFAULT_RADIUS_KM = 10

# Form field -> facet, for the filters that keep their value as it is.
CHOICE_FACETS = {"theme": "thematique", "type": "type_action", "format": "format", "mode": "mode"}
# Form checkbox -> (facet, value) it requires.
FLAG_FACETS = {
    "gratuit": ("cout", "gratuit"),
    "samedi": ("ouvert_samedi", "oui"),
    "soir": ("ouvert_soir", "oui"),
}
FILTERS_OF_KIND = {
    Kind.ACTIONS: {"age", "theme", "type", "format", "mode", "gratuit", "samedi", "soir"},
    Kind.LIEUX: {"gratuit", "samedi", "soir"},
    Kind.PROMENEURS: set(),
}


def search_request(filters, departement_code=None):
    """The SearchRequest of validated `filters` (a `DirectorySearchForm.cleaned_data`).

    With a place, records within the radius come nearest first; with words, best match first;
    otherwise actions with the soonest session first, lieux and promeneurs by name.
    """
    kind = filters.get("contenu") or Kind.ACTIONS
    accepted = FILTERS_OF_KIND[kind]
    facets = {}
    if departement_code:
        facets["departement"] = [departement_code]
    if "age" in accepted and filters.get("age") is not None:
        facets["age"] = [str(filters["age"])]
    for field, facet in CHOICE_FACETS.items():
        if field in accepted and filters.get(field):
            facets[facet] = [filters[field]]
    for field, (facet, value) in FLAG_FACETS.items():
        if field in accepted and filters.get(field):
            facets[facet] = [value]
    text = (filters.get("q") or "").strip()
    origin = filters.get("lieu")
    request = SearchRequest(
        text=text,
        filters=facets,
        types=[TYPE_KEYS[kind]],
        facets=False,
        snippets=False,
        sort="relevance" if text else "listing",
    )
    if origin is not None:
        request.point = (origin.latitude, origin.longitude)
        request.radius_km = filters.get("rayon") or DEFAULT_RADIUS_KM
        request.sort = "distance"
    return request


def with_distances(records):
    """`records` loaded from hits, each with `.distance` (km from the place searched, or None)."""
    for record in records:
        record.distance = record.search_hit.distance_km
    return records
