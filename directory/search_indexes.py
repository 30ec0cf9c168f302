"""Directory content in the site-wide search: actions, lieux ressources, Promeneurs du Net."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hub.sections import departement_code_of, remember_departement_codes
from hub.taxonomies import Theme
from search.registry import Facet, SearchableType, register
from search.text import fold

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


def _ages(page):
    """Every age (in years) the action welcomes: what the "âge de l'enfant" filter matches."""
    return [str(age) for age in range(page.age_min, page.age_max + 1)]


def _opens_saturday(page):
    lieu = getattr(page, "lieu", None)
    return ["oui"] if page.open_saturday or (lieu and lieu.open_saturday) else []


def _opens_evening(page):
    lieu = getattr(page, "lieu", None)
    return ["oui"] if page.open_evening or (lieu and lieu.open_evening) else []


def _next_session_first(page):
    """Actions with the soonest session first, those without one last, then by title."""
    upcoming = page.upcoming_sessions
    when = upcoming[0].start.astimezone(datetime.UTC).isoformat() if upcoming else "~"
    return f"{when}|{fold(page.title)}"


def _hidden(name, label, values):
    """A filter of the directory's own form, not offered on the search page."""
    return Facet(name, label, values, listed=False)


register(
    SearchableType(
        key="action",
        model=ActionPage,
        departement=departement_code_of,
        prefetch=remember_departement_codes,
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
            Facet("thematique", _("Thème"), lambda page: page.themes, _labels(Theme)),
            Facet(
                "type_action",
                _("Type d'action"),
                lambda page: [page.action_type],
                _labels(choices.ActionType),
            ),
            Facet(
                "mode",
                _("Sur place ou à distance"),
                lambda page: [page.mode],
                _labels(choices.Mode),
            ),
            _hidden("age", _("Âge de l'enfant"), _ages),
            _hidden("format", _("Collectif ou individuel"), lambda page: [page.format]),
            _hidden("cout", _("Coût"), lambda page: [page.cost]),
            _hidden("ouvert_samedi", _("Ouvert le samedi"), _opens_saturday),
            _hidden("ouvert_soir", _("Ouvert après 18 h"), _opens_evening),
        ],
        location=_point,
        communes=_communes,
        date=_updated_on,
        listing_order=_next_session_first,
        queryset=lambda: (
            ActionPage.objects.live()
            .public()
            .select_related("commune", "lieu", "structure")
            .prefetch_related("sessions", "cancelled_dates")
        ),
    )
)

register(
    SearchableType(
        key="lieu",
        model=LieuRessourcePage,
        departement=departement_code_of,
        prefetch=remember_departement_codes,
        label=_("Lieu ressource"),
        body=lambda page: " ".join(
            [
                page.get_kind_display(),
                page.description,
                " ".join(
                    str(label)
                    for label in page._meta.get_field("services").get_choices_labels(page.services)
                ),
                page.address,
                page.commune.nom if page.commune_id else "",
            ]
        ),
        facets=[
            Facet(
                "type_lieu", _("Type de lieu"), lambda page: [page.kind], _labels(choices.LieuKind)
            ),
            _hidden("cout", _("Coût"), lambda page: [page.participation]),
            _hidden("ouvert_samedi", _("Ouvert le samedi"), _opens_saturday),
            _hidden("ouvert_soir", _("Ouvert après 18 h"), _opens_evening),
        ],
        location=_point,
        communes=_communes,
        date=_updated_on,
        queryset=lambda: (
            LieuRessourcePage.objects.live().public().select_related("commune", "structure")
        ),
    )
)

register(
    SearchableType(
        key="promeneur",
        model=PromeneurPage,
        departement=departement_code_of,
        prefetch=remember_departement_codes,
        label=_("Promeneur du Net"),
        body=lambda page: f"Promeneur du Net {page.function} {page.presence_hours}",
        location=_point,
        communes=_communes,
        date=lambda page: page.labelled_on,
        queryset=lambda: (
            PromeneurPage.objects.live().public().select_related("commune", "structure")
        ),
    )
)
