from django.http import JsonResponse
from django.views.decorators.http import require_GET

from .communes import communes_starting_with


def autocomplete_label(commune):
    """ "Roubaix (59100)": what the place field shows and `find_commune` reads back."""
    return f"{commune.nom} ({(commune.postal_codes or [commune.departement_code])[0]})"


@require_GET
def commune_autocomplete(request):
    """Up to 10 located communes whose name or postal code starts with `q`, for the place field
    of the directory search."""
    text = request.GET.get("q", "").strip()[:60]
    if len(text) < 2:
        return JsonResponse({"results": []})
    communes = communes_starting_with(text).filter(latitude__isnull=False)[:10]
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
