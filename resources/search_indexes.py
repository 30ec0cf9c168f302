"""Pedagogical resources in the site-wide search, including the words inside their files."""

from django.utils.translation import gettext_lazy as _

from hub.sections import departement_code_of, remember_departement_codes
from hub.taxonomies import Theme
from search.registry import Facet, SearchableType, register

from .choices import Audience, ResourceKind
from .formats import FAMILY_CHOICES, LINK_FAMILY
from .models import ResourcePage


def _labels(choice_class):
    return lambda code: str(dict(choice_class.choices).get(code, code))


def _families(page):
    """The library's format families of the resource: its files' and "lien" for a link."""
    families = {item.file_format.family for item in page.files.all() if item.file_format}
    if page.external_url:
        families.add(LINK_FAMILY)
    return families


register(
    SearchableType(
        key="ressource",
        model=ResourcePage,
        departement=departement_code_of,
        prefetch=remember_departement_codes,
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
            Facet("public", _("Public"), lambda page: page.audiences, _labels(Audience)),
            Facet(
                "format_ressource",
                _("Format"),
                _families,
                lambda code: str(dict(FAMILY_CHOICES).get(code, code)),
                listed=False,
            ),
            Facet(
                "etiquette",
                _("Étiquette"),
                lambda page: [tag.slug for tag in page.tags.all()],
                listed=False,
            ),
            Facet(
                "annee",
                _("Année"),
                lambda page: [str(page.publication_date.year)],
                listed=False,
            ),
        ],
        date=lambda page: page.publication_date,
        queryset=lambda: ResourcePage.objects.live().public().prefetch_related("files", "tags"),
    )
)
