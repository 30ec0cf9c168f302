"""The filters and sort orders of the library, read from the query string so that every view
of the library has a URL to share. An unknown value is refused with a French message."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hub.taxonomies import Theme
from search.listing import ListingForm, WordsField

from .choices import Audience, ResourceKind
from .formats import FAMILY_CHOICES

ALL = gettext_lazy("Tous")
ALL_FEMININE = gettext_lazy("Toutes")


def _optional(choices, empty_label=ALL):
    return [("", empty_label), *choices]


class LibraryFilterForm(ListingForm):
    """Words, type, theme, audience, tag, year, format and order; on a tag's page, the tag."""

    q = WordsField(label=gettext_lazy("Mots-clés"))
    type = forms.ChoiceField(
        label=gettext_lazy("Type"), choices=_optional(ResourceKind.choices), required=False
    )
    theme = forms.ChoiceField(
        label=gettext_lazy("Thème"), choices=_optional(Theme.choices), required=False
    )
    public = forms.ChoiceField(
        label=gettext_lazy("Public"), choices=_optional(Audience.choices), required=False
    )
    etiquette = forms.ChoiceField(label=gettext_lazy("Étiquette"), required=False)
    annee = forms.ChoiceField(label=gettext_lazy("Année"), required=False)
    format = forms.ChoiceField(
        label=gettext_lazy("Format"), choices=_optional(FAMILY_CHOICES), required=False
    )
    tri = forms.ChoiceField(
        label=gettext_lazy("Trier par"),
        choices=[
            ("", gettext_lazy("les plus pertinentes")),
            ("date", gettext_lazy("les plus récentes")),
            ("telechargements", gettext_lazy("les plus téléchargées")),
        ],
        required=False,
    )

    def __init__(self, data=None, *, tags=(), years=(), tag=None, **kwargs):
        super().__init__(data, **kwargs)
        self.tag = tag
        self.fields["etiquette"].choices = _optional(
            ((item.slug, item.name) for item in tags), ALL_FEMININE
        )
        self.fields["annee"].choices = _optional(
            ((str(year), str(year)) for year in years), ALL_FEMININE
        )

    def clean(self):
        data = super().clean()
        if self.tag is not None and data.get("etiquette") not in ("", None, self.tag.slug):
            raise forms.ValidationError(
                _(
                    "Cette page ne montre que l'étiquette « %(tag)s » : retirez le filtre "
                    "« etiquette »."
                )
                % {"tag": self.tag.name}
            )
        return data
