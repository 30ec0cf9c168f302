"""The filters of an agenda (words, kind, audience, département), read from the query string.

The listing, the month grid and the iCalendar feed share them, so a feed's subscription link
carries exactly the filters of the page it was taken from. Words go to the site's one search
interface (`search.api`), which knows accents, typos and synonyms; the agenda then lays out the
occurrences of the events it found.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.exceptions import BadRequest
from django.utils.translation import gettext as _

from hub.models import DepartementPage
from search.api import SearchRequest, matching_ids

MAX_WORDS_LENGTH = 100


@dataclass(frozen=True)
class EventFilters:
    kind: str = ""
    audience: str = ""
    departement: object = None  # territories.Departement, only on the national agenda
    text: str = ""

    def search_request(self):
        """The events matching the words (and the other filters) in the search engine."""
        facets = {"type_evenement": self.kind, "public_evenement": self.audience}
        if self.departement is not None:
            facets["departement"] = self.departement.code
        return SearchRequest(
            text=self.text,
            types=["evenement"],
            filters={name: [value] for name, value in facets.items() if value},
        )

    def apply(self, queryset):
        if self.text:
            queryset = queryset.filter(pk__in=matching_ids(self.search_request()))
        if self.kind:
            queryset = queryset.filter(kind=self.kind)
        if self.audience:
            queryset = queryset.filter(audience=self.audience)
        if self.departement is not None:
            queryset = queryset.filter(departement=self.departement)
        return queryset

    def params(self):
        params = {}
        if self.text:
            params["q"] = self.text
        if self.kind:
            params["type"] = self.kind
        if self.audience:
            params["public"] = self.audience
        if self.departement is not None:
            params["departement"] = self.departement.code
        return params

    @property
    def querystring(self):
        """`?type=…&public=…` (empty when nothing is filtered)."""
        params = self.params()
        return f"?{urlencode(params)}" if params else ""

    @property
    def active(self):
        return bool(self.params())

    def labels(self):
        """The filter values in words, for titles (feed name, page heading)."""
        from events.models import EventPage

        labels = [f"« {self.text} »"] if self.text else []
        if self.departement is not None:
            labels.append(self.departement.nom)
        if self.kind:
            labels.append(str(EventPage.Kind(self.kind).label))
        if self.audience:
            labels.append(str(EventPage.Audience(self.audience).label))
        return labels


def _single(request, name):
    values = request.GET.getlist(name)
    if len(values) > 1:
        raise BadRequest(_("Le filtre « %(name)s » ne peut avoir qu'une valeur.") % {"name": name})
    return values[0].strip() if values else ""


def parse_filters(request, section):
    """The filters of `request`; `section` is the agenda's département section, or None.

    An unknown value is a 400 that names the filter and lists the accepted values.
    """
    from events.models import EventPage

    kind = _single(request, "type")
    if kind and kind not in EventPage.Kind.values:
        raise BadRequest(
            _("Le type d'événement « %(value)s » n'existe pas. Types possibles : %(choices)s.")
            % {"value": kind[:40], "choices": ", ".join(EventPage.Kind.values)}
        )
    audience = _single(request, "public")
    if audience and audience not in EventPage.Audience.values:
        raise BadRequest(
            _("Le public « %(value)s » n'existe pas. Publics possibles : %(choices)s.")
            % {"value": audience[:40], "choices": ", ".join(EventPage.Audience.values)}
        )
    code = _single(request, "departement")
    departement = None
    if code:
        if section is not None:
            if code != section.departement.code:
                raise BadRequest(
                    _(
                        "Cet agenda ne montre que le département %(nom)s : retirez le filtre "
                        "« departement » ou consultez l'agenda national."
                    )
                    % {"nom": section.departement.nom}
                )
        else:
            section_page = (
                DepartementPage.objects.live()
                .filter(departement__code=code)
                .select_related("departement")
                .first()
            )
            if section_page is None:
                raise BadRequest(
                    _("Le département « %(value)s » n'a pas d'agenda sur ce site.")
                    % {"value": code[:10]}
                )
            departement = section_page.departement
    text = " ".join(_single(request, "q").split())[:MAX_WORDS_LENGTH]
    return EventFilters(kind=kind, audience=audience, departement=departement, text=text)
