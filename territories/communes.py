"""Finding communes by what people type: a name, a postal code or an autocomplete label."""

import math
import re

from django.db.models import Case, Q, When

from search.geo import KM_PER_DEGREE, distance_km
from search.text import fold

from .models import Commune

POSTAL_CODE = re.compile(r"^\d{5}$")


def search_key(text):
    """`search.text.fold`, hyphens and apostrophes as spaces: "Saint-Étienne", "saint etienne"."""
    text = fold(text)
    for char in "-'’":
        text = text.replace(char, " ")
    return " ".join(text.split())


def find_commune(text, departement_code=None):
    """The commune meant by a name, a postal code or an autocomplete label "Roubaix (59100)"."""
    text = text.strip()
    match = re.match(r"^(.*?)\s*\((\d{2,5}[AB]?)\)$", text)
    hint = None
    if match:
        text, hint = match.group(1).strip(), match.group(2)
    if POSTAL_CODE.match(text):
        candidates = Commune.objects.filter(codes_postaux__contains=text)
    else:
        candidates = Commune.objects.filter(search_name=search_key(text))
        if hint and POSTAL_CODE.match(hint):
            candidates = candidates.filter(codes_postaux__contains=hint)
        elif hint:
            candidates = candidates.filter(departement_code=hint)
    candidates = list(candidates.filter(latitude__isnull=False).order_by("-population")[:20])
    if departement_code:
        local = [commune for commune in candidates if commune.departement_code == departement_code]
        candidates = local or candidates
    return candidates[0] if candidates else None


def communes_starting_with(text):
    """Communes whose name (folded) or one of whose postal codes starts with `text`, the most
    populous first: what both commune autocompletes offer."""
    text = text.strip()
    if text.isdigit():
        starts = Q(codes_postaux__startswith=text) | Q(codes_postaux__contains=f",{text}")
    else:
        starts = Q(search_name__startswith=search_key(text))
    return Commune.objects.filter(starts).order_by("-population", "nom")


def autocomplete_label(commune):
    """ "Roubaix (59100)": what the place field shows and `find_commune` reads back."""
    return f"{commune.nom} ({(commune.postal_codes or [commune.departement_code])[0]})"


def place_suggestions(text, limit=10, departement_code=None):
    """Located communes whose name or postal code starts with `text`, for a place field; those
    of `departement_code` first when it is given."""
    text = text.strip()[:60]
    if len(text) < 2:
        return []
    communes = communes_starting_with(text).filter(latitude__isnull=False)
    if departement_code:
        local = Q(departement_code=departement_code)
        communes = communes.order_by(Case(When(local, then=0), default=1), "-population", "nom")
    communes = communes[:limit]
    return [
        {
            "label": autocomplete_label(commune),
            "code": commune.code,
            "nom": commune.nom,
            "codes_postaux": commune.postal_codes,
        }
        for commune in communes
    ]


def communes_around(latitude, longitude, half_km, limit=300):
    """The located communes in the square of half-side `half_km` around a point, the most
    populous first: what the admin's small map draws."""
    half_lat = half_km / KM_PER_DEGREE
    half_lon = half_km / (KM_PER_DEGREE * max(math.cos(math.radians(latitude)), 0.1))
    return Commune.objects.filter(
        latitude__range=(latitude - half_lat, latitude + half_lat),
        longitude__range=(longitude - half_lon, longitude + half_lon),
    ).order_by("-population", "nom")[:limit]


def distance_to_departement_km(point, departement_code):
    """How far `point` (lat, lon) is from the nearest commune centre of a département, or None
    when the département has no located commune."""
    centres = Commune.objects.filter(
        departement_code=departement_code, latitude__isnull=False
    ).values_list("latitude", "longitude")
    return min((distance_km(point, centre) for centre in centres), default=None)
