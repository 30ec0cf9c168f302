"""Reading the official geographic reference data shipped by the npm package
`@etalab/decoupage-administratif` (installed by `make`, served from `node_modules`)."""

import json

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.text import slugify


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
        }
        for row in load("departements")
    ]
