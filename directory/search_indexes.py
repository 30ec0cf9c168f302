"""Directory content in the site-wide search: actions, lieux ressources, Promeneurs du Net."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from search.registry import Facet, SearchableType, register

from . import choices
from .models import ActionPage, LieuRessourcePage, PromeneurPage


def _point(page):
    return (page.latitude, page.longitude) if page.latitude is not None else None


def _communes(page):
    return [page.commune.nom] if page.commune_id else []


def _updated_on(page):
    return timezone.localdate(page.last_published_at) if page.last_published_at else None


def _labels(choice_class):
    return lambda code: str(dict(choice_class.choices).get(code, code))


register(
    SearchableType(
        key="action",
        model=ActionPage,
        label=_("Action"),
        body=lambda page: " ".join(
            [
                page.get_action_type_display(),
                page.description,
                " ".join(str(label) for label in page.theme_labels()),
                " ".join(str(label) for label in page.public_labels()),
                page.schedule,
                page.address,
                page.commune.nom if page.commune_id else "",
            ]
        ),
        facets=[
            Facet("thematique", _("Thème"), lambda page: page.themes, _labels(choices.Theme)),
            Facet(
                "type_action",
                _("Type d'action"),
                lambda page: [page.action_type],
                _labels(choices.ActionType),
            ),
        ],
        location=_point,
        communes=_communes,
        date=_updated_on,
        queryset=lambda: ActionPage.objects.live().public().select_related("commune"),
    )
)

register(
    SearchableType(
        key="lieu",
        model=LieuRessourcePage,
        label=_("Lieu ressource"),
        body=lambda page: " ".join(
            [
                page.get_kind_display(),
                page.description,
                " ".join(
                    str(label)
                    for label in page._meta.get_field("services").get_choices_display(page.services)
                ),
                page.address,
                page.commune.nom if page.commune_id else "",
            ]
        ),
        facets=[
            Facet(
                "type_lieu", _("Type de lieu"), lambda page: [page.kind], _labels(choices.LieuKind)
            )
        ],
        location=_point,
        communes=_communes,
        date=_updated_on,
        queryset=lambda: LieuRessourcePage.objects.live().public().select_related("commune"),
    )
)

register(
    SearchableType(
        key="promeneur",
        model=PromeneurPage,
        label=_("Promeneur du Net"),
        body=lambda page: f"Promeneur du Net {page.function} {page.presence_hours}",
        location=_point,
        communes=_communes,
        date=lambda page: page.labelled_on,
        queryset=lambda: PromeneurPage.objects.live().public().select_related("commune"),
    )
)
