"""Pedagogical resources in the site-wide search, including the words inside their files."""

from django.utils.translation import gettext_lazy as _

from hub.taxonomies import Theme
from search.registry import Facet, SearchableType, register

from .models import ResourceKind, ResourcePage


def _labels(choice_class):
    return lambda code: str(dict(choice_class.choices).get(code, code))


register(
    SearchableType(
        key="ressource",
        model=ResourcePage,
        label=_("Ressource"),
        body=lambda page: " ".join(
            [page.get_kind_display(), page.summary, page.author, page.document_text]
        ),
        facets=[
            Facet("thematique", _("Thème"), lambda page: page.themes, _labels(Theme)),
            Facet(
                "type_ressource",
                _("Type de ressource"),
                lambda page: [page.kind],
                _labels(ResourceKind),
            ),
        ],
        date=lambda page: page.publication_date,
        queryset=lambda: ResourcePage.objects.live().public(),
    )
)
