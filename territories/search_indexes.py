"""Territories in the site-wide search: the départements' names."""

from search.registry import register_value_labels

from .models import Departement


def departement_labels(codes):
    """ "Nord (59)" for each code, in one query."""
    names = dict(Departement.objects.filter(code__in=list(codes)).values_list("code", "nom"))
    return {code: f"{names[code]} ({code})" for code in names}


register_value_labels("departement", departement_labels)
