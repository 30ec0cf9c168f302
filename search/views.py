from django.core.exceptions import BadRequest
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from hub.pagination import paginate

from . import registry
from .api import SORTS, SearchRequest, autocomplete, search

PER_PAGE = 20


class ResultWindow:
    """One page of hits posing as the whole result list, for Django's paginator."""

    def __init__(self, results, offset):
        self.results = results
        self.offset = offset

    def __len__(self):
        return self.results.total

    def __getitem__(self, window):
        start = window.start - self.offset
        return self.results.hits[start : start + (window.stop - window.start)]


def _page_number(request):
    raw = request.GET.get("page", "1")
    try:
        number = int(raw)
    except ValueError:
        raise BadRequest(
            _("Le numéro de page « %(value)s » n'est pas un nombre entier.") % {"value": raw[:20]}
        ) from None
    if number < 1:
        raise BadRequest(_("Le numéro de page doit être supérieur ou égal à 1."))
    return number


def _point(request):
    lat, lon = request.GET.get("lat", ""), request.GET.get("lon", "")
    if not lat and not lon:
        return None
    try:
        point = (float(lat), float(lon))
    except ValueError:
        raise BadRequest(_("La position doit être donnée par deux nombres : lat et lon.")) from None
    if not (-90 <= point[0] <= 90 and -180 <= point[1] <= 180):
        raise BadRequest(_("La position donnée est hors des limites de la Terre."))
    return point


def search_request_from(request, per_page=PER_PAGE):
    """A SearchRequest from the query string; malformed values are a 400 in French."""
    sort = request.GET.get("tri", "relevance")
    if sort not in SORTS:
        raise BadRequest(_("Le tri « %(value)s » n'existe pas.") % {"value": sort[:20]})
    filters = {
        name: [value[:120] for value in request.GET.getlist(name) if value][:20]
        for name in registry.facet_labels()
        if request.GET.getlist(name)
    }
    radius = request.GET.get("rayon", "")
    try:
        radius_km = float(radius) if radius else None
    except ValueError:
        raise BadRequest(_("Le rayon doit être un nombre de kilomètres.")) from None
    return SearchRequest(
        text=request.GET.get("q", "").strip()[:200],
        filters=filters,
        point=_point(request),
        radius_km=radius_km,
        sort=sort,
        page=_page_number(request),
        per_page=per_page,
    )


@require_GET
def search_view(request):
    """The site-wide search page: words, facets, snippets and "did you mean"."""
    search_request = search_request_from(request)
    results = None
    page_obj = None
    if search_request.text or search_request.filters:
        results = search(search_request)
        page_obj = paginate(request, ResultWindow(results, search_request.offset), PER_PAGE)
    elif search_request.page != 1:
        raise BadRequest(
            _("Il n'y a pas de page %(number)s sans recherche.") % {"number": search_request.page}
        )
    labels = registry.facet_labels()
    facets = [
        {"name": name, "label": labels.get(name, name), "values": values}
        for name, values in (results.facets.items() if results else [])
        if values
    ]
    return render(
        request,
        "search/search.html",
        {
            "query": search_request.text,
            "results": results,
            "page_obj": page_obj,
            "facets": facets,
            "sort": search_request.sort,
        },
    )


@require_GET
def autocomplete_view(request):
    """Suggestions for the search box: titles of content, then communes."""
    return JsonResponse({"suggestions": autocomplete(request.GET.get("q", ""))})
