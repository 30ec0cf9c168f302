"""Events in the site-wide search."""

from django.utils.translation import gettext_lazy as _

from hub.sections import departement_code_of, remember_departement_codes
from search.registry import Facet, SearchableType, register

from .models import EventPage


def _labels(choice_class):
    return lambda code: str(dict(choice_class.choices).get(code, code))


register(
    SearchableType(
        key="evenement",
        model=EventPage,
        departement=departement_code_of,
        prefetch=remember_departement_codes,
        label=_("Événement"),
        body=lambda page: " ".join(
            [
                page.get_kind_display(),
                page.get_audience_display(),
                str(page.description),
                page.organiser,
                page.venue_name,
                page.commune,
            ]
        ),
        facets=[
            Facet(
                "type_evenement",
                _("Type d'événement"),
                lambda page: [page.kind],
                _labels(EventPage.Kind),
            ),
            Facet(
                "public",
                _("Public"),
                lambda page: [page.audience],
                _labels(EventPage.Audience),
            ),
        ],
        location=lambda page: (
            (float(page.latitude), float(page.longitude)) if page.latitude is not None else None
        ),
        communes=lambda page: [page.commune] if page.commune else [],
        date=lambda page: page.start_date,
        queryset=lambda: EventPage.objects.live().public(),
    )
)
