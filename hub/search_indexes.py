"""Hub content in the site-wide search: news items, the départements' names, commune suggestions."""

from django.utils.translation import gettext_lazy as _

from search.registry import (
    SearchableType,
    register,
    register_suggestions,
    register_value_labels,
)

from .communes import communes_starting_with
from .models import Departement, NewsPage
from .sections import departement_code_of


def departement_labels(codes):
    """ "Nord (59)" for each code, in one query."""
    names = dict(Departement.objects.filter(code__in=list(codes)).values_list("code", "nom"))
    return {code: f"{names[code]} ({code})" for code in names}


register_value_labels("departement", departement_labels)
register_suggestions(communes_starting_with)

register(
    SearchableType(
        key="news",
        model=NewsPage,
        label=_("Actualité"),
        body=lambda page: f"{page.intro} {page.body}",
        departement=departement_code_of,
        date=lambda page: page.date,
        queryset=lambda: NewsPage.objects.live().public(),
    )
)
