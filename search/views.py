from django.core.exceptions import BadRequest
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from . import registry
from .api import SORTS, SearchRequest, autocomplete
from .listing import page_number, search_page

PER_PAGE = 20


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
        per_page=per_page,
    )


@require_GET
def search_view(request):
    """The site-wide search page: words, facets, snippets and "did you mean"."""
    search_request = search_request_from(request)
    results = None
    page_obj = None
    if search_request.text or search_request.filters:
        results, page_obj = search_page(request, search_request)
    elif page_number(request) != 1:
        raise BadRequest(
            _("Il n'y a pas de page %(number)s sans recherche.") % {"number": page_number(request)}
        )
    labels = registry.facet_labels()
    listed = registry.listed_facets()
    facets = [
        {"name": name, "label": labels.get(name, name), "values": values}
        for name, values in (results.facets.items() if results else [])
        if values and name in listed
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
