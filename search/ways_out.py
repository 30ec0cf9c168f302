"""What a search page offers when its words find nothing, or not all together.

Each way out is a link with the number of results it gives, counted by the same search with
one change: the words that match nothing dropped, the "did you mean" spelling, one filter
dropped, a listing of the site browsed without words. A link never leads to an empty page
without saying so.
"""

from dataclasses import dataclass, replace

from django.utils.translation import gettext as _

from . import registry
from .api import SearchRequest, search
from .listing import query_string
from .query import parse


@dataclass
class WayOut:
    label: str
    url: str
    count: int


def count(request):
    """How many results `request` finds, every word required (one small search)."""
    wanted = replace(request, page=1, per_page=1, facets=False, snippets=False, approximate=False)
    return search(wanted).total


def remaining_words(text, dropped):
    """The words of `text`, as typed, without those of `dropped`."""
    return " ".join(typed for typed in parse(text, fuzzy=False).typed if typed not in dropped)


def without_unmatched(request, results, params):
    """The search without the words that match nothing (None when no word is left)."""
    rest = remaining_words(request.text, results.unmatched)
    if not results.unmatched or not rest:
        return None
    label = _("Chercher seulement « %(mots)s »") % {"mots": rest}
    return WayOut(label, query_string(params, q=rest), count(replace(request, text=rest)))


def ways_out(request, results, params):
    """[WayOut] for a site search (`request`, its `results`, the page's `params`) that found
    nothing: the "did you mean" spelling, each filter dropped, each listing browsed."""
    ways = []
    if results.suggestion:
        label = _("Chercher « %(mots)s »") % {"mots": results.suggestion}
        found = count(replace(request, text=results.suggestion))
        ways.append(WayOut(label, query_string(params, q=results.suggestion), found))
    for name, values in request.filters.items():
        labels = registry.value_labels(name, values)
        for value in values:
            others = [other for other in values if other != value]
            filters = {**request.filters, name: others}
            label = _("Sans le filtre « %(filtre)s »") % {"filtre": labels[value]}
            found = count(replace(request, filters=filters))
            ways.append(WayOut(label, query_string(params, **{name: others or None}), found))
    for listing in registry.listings():
        found = count(SearchRequest(types=listing["types"]))
        label = _("Parcourir « %(liste)s »") % {"liste": listing["label"]}
        ways.append(WayOut(label, listing["url"], found))
    return ways
