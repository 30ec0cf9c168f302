"""Territories in the site-wide search: the départements' names and commune suggestions."""

from search.registry import register_suggestions, register_value_labels

from .communes import communes_starting_with
from .models import Departement


def departement_labels(codes):
    """ "Nord (59)" for each code, in one query."""
    names = dict(Departement.objects.filter(code__in=list(codes)).values_list("code", "nom"))
    return {code: f"{names[code]} ({code})" for code in names}


def commune_suggestions(prefix, limit=5):
    """ "Roubaix (59)" for the most populous communes starting with `prefix`."""
    return [
        {
            "label": f"{commune.nom} ({commune.departement_code})",
            "value": commune.nom,
            "kind": "commune",
        }
        for commune in communes_starting_with(prefix)[:limit]
    ]


register_value_labels("departement", departement_labels)
register_suggestions(commune_suggestions)
