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

    def active_filters(self):
        """The filters a visitor set, in the form's order: [(field name, short French text)].

        What the folded summary reads ("Près de Roubaix · 10 km · 14 ans") and what the ways
        out of an empty result drop one at a time. The radius goes with the place.
        """
        if not self.is_bound or not self.is_valid():
            return []
        data = self.cleaned_data
        shown = []
        for name, field in self.fields.items():
            value = data.get(name)
            if name in ("contenu", "rayon") or value is None or value == "" or value is False:
                continue
            if name == "q":
                text = _("« %(words)s »") % {"words": value}
            elif name == "lieu":
                text = _("Près de %(nom)s") % {"nom": value.nom}
            elif name == "age":
                text = ngettext("%(age)s an", "%(age)s ans", value) % {"age": value}
            elif isinstance(field, forms.BooleanField):
                text = field.label
            else:
                text = dict(field.choices).get(value, value)
            shown.append((name, str(text)))
        return shown

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
