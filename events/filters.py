"""The filters of an agenda (words, kind, audience, département), read from the query string.

The listing, the month grid and the iCalendar feed share them, so a feed's subscription link
carries exactly the filters of the page it was taken from. Words go to the site's one search
interface (`search.api`), which knows accents, typos and synonyms; the agenda then lays out the
occurrences of the events it found.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from events.choices import Audience, Kind
from search.api import SearchRequest
from search.listing import ListingForm, WordsField


@dataclass(frozen=True)
class EventFilters:
    kind: str = ""
    audience: str = ""
    departement: object = None  # the territories.Departement chosen on the national agenda
    text: str = ""

    def search_request(self, scope_filters=None):
        """The events matching the words and the other filters, for the search engine."""
        facets = {"type_evenement": self.kind, "public": self.audience}
        filters = {name: [value] for name, value in facets.items() if value}
        filters.update(scope_filters or {})
        if self.departement is not None:
            filters["departement"] = [self.departement.code]
        return SearchRequest(text=self.text, types=["evenement"], filters=filters, facets=False)

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
        labels = [f"« {self.text} »"] if self.text else []
        if self.departement is not None:
            labels.append(self.departement.nom)
        if self.kind:
            labels.append(str(Kind(self.kind).label))
        if self.audience:
            labels.append(str(Audience(self.audience).label))
        return labels


class AgendaFilterForm(ListingForm):
    """The agenda's filters; `section` is the agenda's département section, or None."""

    invalid_value_messages = {
        "type": gettext_lazy(
            "Le type d'événement « %(value)s » n'existe pas. Types possibles : %(choices)s."
        ),
        "public": gettext_lazy(
            "Le public « %(value)s » n'existe pas. Publics possibles : %(choices)s."
        ),
        "departement": gettext_lazy("Le département « %(value)s » n'a pas d'agenda sur ce site."),
    }

    q = WordsField(label=gettext_lazy("Mots-clés"))
    type = forms.ChoiceField(label=gettext_lazy("Type d'événement"), required=False)
    public = forms.ChoiceField(label=gettext_lazy("Public"), required=False)
    departement = forms.ChoiceField(label=gettext_lazy("Département"), required=False)

    def __init__(self, data=None, *, section=None, sections=(), **kwargs):
        super().__init__(data, **kwargs)
        self.section = section
        self.sections = {page.departement.code: page for page in sections}
        self.fields["type"].choices = [("", ""), *Kind.choices]
        self.fields["public"].choices = [("", ""), *Audience.choices]
        codes = [section.departement.code] if section else list(self.sections)
        self.fields["departement"].choices = [("", ""), *((code, code) for code in codes)]
        if section is not None:
            self.invalid_value_messages = {
                **self.invalid_value_messages,
                "departement": _(
                    "Cet agenda ne montre que le département %(nom)s : retirez le filtre "
                    "« departement » ou consultez l'agenda national."
                ).replace("%(nom)s", section.departement.nom.replace("%", "%%")),
            }

    def filter_text(self, name, field, value):
        if name == "departement":
            section = self.section or self.sections.get(value)
            return section.departement.nom
        return super().filter_text(name, field, value)

    def clean(self):
        data = super().clean()
        if not self.errors:
            chosen = self.sections.get(data["departement"]) if self.section is None else None
            data["event_filters"] = EventFilters(
                kind=data["type"],
                audience=data["public"],
                departement=chosen.departement if chosen else None,
                text=data["q"],
            )
        return data

    def filters(self):
        """The valid filters as `EventFilters`."""
        return self.cleaned_data["event_filters"]
