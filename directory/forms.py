"""The parent-facing filters of the directory (query string), shared by its listing and its
JSON API; `directory.search` turns them into a search request."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from directory import choices
from hub.taxonomies import Theme
from search.listing import ListingForm, WordsField
from territories.communes import find_commune

# The fields always shown; the others fold under "Plus de filtres".
MAIN_FIELDS = ("contenu", "q", "lieu", "rayon", "age")
RADIUS_CHOICES = [(5, "5 km"), (10, "10 km"), (20, "20 km"), (30, "30 km"), (50, "50 km")]


class Kind:
    ACTIONS = "actions"
    LIEUX = "lieux"
    PROMENEURS = "promeneurs"
    CHOICES = [
        (ACTIONS, _("Actions")),
        (LIEUX, _("Lieux ressources")),
        (PROMENEURS, _("Promeneurs du Net")),
    ]


def optional_choice(label, options):
    return forms.ChoiceField(label=label, required=False, choices=[("", _("Tous"))] + list(options))


class DirectorySearchForm(ListingForm):
    """The filters of the directory search; every field is optional."""

    unsummarized = ("contenu", "rayon")

    contenu = forms.ChoiceField(
        label=_("Je cherche"), choices=Kind.CHOICES, required=False, initial=Kind.ACTIONS
    )
    q = WordsField(label=_("Mots-clés"))
    lieu = forms.CharField(
        label=_("Près de (commune ou code postal)"), max_length=120, required=False
    )
    rayon = forms.TypedChoiceField(
        label=_("Dans un rayon de"),
        choices=RADIUS_CHOICES,
        coerce=int,
        required=False,
        empty_value=10,
        initial=10,
    )
    age = forms.IntegerField(label=_("Âge de l'enfant"), min_value=0, max_value=21, required=False)
    theme = optional_choice(_("Thème"), Theme.choices)
    type = optional_choice(_("Type d'action"), choices.ActionType.choices)
    format = optional_choice(_("Collectif ou individuel"), choices.Format.choices)
    mode = optional_choice(_("Sur place ou à distance"), choices.Mode.choices)
    gratuit = forms.BooleanField(label=_("Gratuit uniquement"), required=False)
    samedi = forms.BooleanField(label=_("Ouvert le samedi"), required=False)
    soir = forms.BooleanField(label=_("Ouvert après 18 h"), required=False)

    def __init__(self, *args, departement_code=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.departement_code = departement_code

    def clean_contenu(self):
        return self.cleaned_data["contenu"] or Kind.ACTIONS

    def clean_lieu(self):
        text = self.cleaned_data["lieu"].strip()
        if not text:
            return None
        commune = find_commune(text, self.departement_code)
        if commune is None:
            raise forms.ValidationError(
                _("Nous ne trouvons pas la commune ou le code postal « %(value)s »."),
                params={"value": text},
            )
        return commune

    def opens_more_filters(self):
        """Whether "Plus de filtres" starts open: only when one of them is set or wrong."""
        if not self.is_bound:
            return False
        if any(name in self.fields and name not in MAIN_FIELDS for name in self.errors):
            return True
        return any(name not in MAIN_FIELDS for name, _text in self.active_filters())

    def filter_text(self, name, field, value):
        """ "Près de Roubaix", "14 ans"; the radius goes with the place in the summary."""
        if name == "lieu":
            return str(_("Près de %(nom)s") % {"nom": value.nom})
        if name == "age":
            return ngettext("%(age)s an", "%(age)s ans", value) % {"age": value}
        return super().filter_text(name, field, value)

    def summary(self):
        """ "Lieux ressources · Près de Roubaix · 10 km · 14 ans": the search in one line."""
        parts = []
        kind = self.cleaned_data.get("contenu") if self.is_valid() else None
        if kind and kind != Kind.ACTIONS:
            parts.append(str(dict(Kind.CHOICES)[kind]))
        for name, text in self.active_filters():
            parts.append(text)
            if name == "lieu":
                parts.append(str(_("%(km)s km") % {"km": self.cleaned_data["rayon"]}))
        return " · ".join(parts)
