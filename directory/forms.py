"""The parent-facing filters of the directory (query string), shared by its listing and its
JSON API; `directory.search` turns them into a search request."""

from django import forms
from django.utils.translation import gettext_lazy as _

from directory import choices
from hub.taxonomies import Theme
from search.listing import ListingForm, WordsField
from territories.communes import find_commune

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
