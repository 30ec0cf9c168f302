from django.http import JsonResponse
from django.views.decorators.http import require_GET

from directory import maps
from directory.forms import DirectorySearchForm, Kind
from directory.search import records_of, search_request
from search.listing import search_page
from territories.communes import search_key
from territories.models import Commune

PER_PAGE = 20


def directory_search(request, index):
    """The parent-facing search of a directory (départemental or national)."""
    section = index.section
    departement_code = section.departement.code if section else None
    form = DirectorySearchForm(request.GET or None, departement_code=departement_code)
    context = {"form": form, "kind": Kind.ACTIONS, "searched": bool(request.GET)}
    if form.is_bound and not form.is_valid():
        response = index.render(request, context_overrides=context)
        response.status_code = 400
        return response
    filters = form.cleaned_data if form.is_bound else {}
    results, page_obj = search_page(
        request, search_request(filters, departement_code, per_page=PER_PAGE)
    )
    records = records_of(results)
    context.update(
        kind=filters.get("contenu") or Kind.ACTIONS,
        page_obj=page_obj,
        records=records,
        map=maps.results_map(records, departement_code),
        origin=filters.get("lieu"),
        radius=filters.get("rayon"),
    )
    return index.render(request, context_overrides=context)


def autocomplete_label(commune):
    """ "Roubaix (59100)": what the place field shows and `find_commune` reads back."""
    return f"{commune.nom} ({(commune.postal_codes or [commune.departement_code])[0]})"


@require_GET
def commune_autocomplete(request):
    """Up to 10 communes whose name or postal code starts with `q`, for the place field."""
    text = request.GET.get("q", "").strip()[:60]
    if len(text) < 2:
        return JsonResponse({"results": []})
    communes = Commune.objects.filter(latitude__isnull=False)
    if text.isdigit():
        communes = communes.filter(codes_postaux__contains=text)
    else:
        communes = communes.filter(search_name__startswith=search_key(text))
    communes = communes.order_by("-population")[:10]
    return JsonResponse(
        {
            "results": [
                {
                    "label": autocomplete_label(commune),
                    "code": commune.code,
                    "nom": commune.nom,
                    "codes_postaux": commune.postal_codes,
                }
                for commune in communes
            ]
        }
    )
