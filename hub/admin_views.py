"""Admin endpoints of the place inputs: suggestions of communes (or of any territory, for a
served zone) and the communes around one, for the small map of a page's point."""

from django.http import JsonResponse

from territories.communes import communes_around, find_commune, place_suggestions
from territories.zones import zone_suggestions

# The map asks for the communes within this distance (km) of the chosen one: its widest view.
MAP_HALF_SIDE_KM = 12


def communes(request):
    """Up to 10 communes for an admin commune field, the département being edited first; with
    `zone=1`, communes, EPCI and départements for a served zone."""
    text = request.GET.get("q", "")
    departement_code = request.GET.get("departement", "")[:3]
    if request.GET.get("zone"):
        return JsonResponse({"results": zone_suggestions(text, departement_code=departement_code)})
    return JsonResponse({"results": place_suggestions(text, departement_code=departement_code)})


def commune_map(request):
    """The commune typed in a commune field (its label, or a name) with its centre, and the
    communes around it, for the point's map: `{"commune": {...} or null, "communes": [...]}`."""
    commune = find_commune(
        request.GET.get("commune", "")[:120], request.GET.get("departement", "")[:3]
    )
    if commune is None:
        return JsonResponse({"commune": None, "communes": []})
    around = communes_around(commune.latitude, commune.longitude, MAP_HALF_SIDE_KM)
    return JsonResponse(
        {
            "commune": {
                "code": commune.code,
                "nom": commune.nom,
                "latitude": commune.latitude,
                "longitude": commune.longitude,
            },
            "communes": [
                {"nom": item.nom, "latitude": item.latitude, "longitude": item.longitude}
                for item in around
                if item.has_point
            ],
        }
    )
