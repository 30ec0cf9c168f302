"""The filters and sort orders of the library, read from the query string so that every view
of the library has a URL to share. An unknown value is refused with a French message."""

from django import forms
from django.core.exceptions import BadRequest
from django.db.models import Exists, OuterRef, Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from taggit.models import Tag

from hub.fields import MultipleChoiceField
from hub.taxonomies import Theme

from .downloads import total_downloads_of_resource
from .formats import FAMILY_CHOICES, LINK_FAMILY, formats_of_family
from .models import Audience, ResourceFile, ResourceKind, ResourcePageTag

SORTS = {
    "date": ("-publication_date", "-pk"),
    "telechargements": ("-total_downloads", "-publication_date", "-pk"),
}


ALL = gettext_lazy("Tous")


def _optional(choices, empty_label=ALL):
    return [("", empty_label)] + list(choices)


class LibraryFilters(forms.Form):
    type = forms.ChoiceField(
        label=gettext_lazy("Type"), choices=_optional(ResourceKind.choices), required=False
    )
    theme = forms.ChoiceField(
        label=gettext_lazy("Thème"), choices=_optional(Theme.choices), required=False
    )
    public = forms.ChoiceField(
        label=gettext_lazy("Public"), choices=_optional(Audience.choices), required=False
    )
    etiquette = forms.SlugField(label=gettext_lazy("Étiquette"), required=False, max_length=100)
    annee = forms.IntegerField(
        label=gettext_lazy("Année"), required=False, min_value=1900, max_value=2100
    )
    format = forms.ChoiceField(
        label=gettext_lazy("Format"), choices=_optional(FAMILY_CHOICES), required=False
    )
    tri = forms.ChoiceField(
        label=gettext_lazy("Trier par"),
        choices=[
            ("date", gettext_lazy("les plus récentes")),
            ("telechargements", gettext_lazy("les plus téléchargées")),
        ],
        required=False,
    )

    def __init__(self, data, *, tags=(), years=()):
        super().__init__(data)
        self.fields["etiquette"].widget = forms.Select(
            choices=_optional(((tag.slug, tag.name) for tag in tags), gettext_lazy("Toutes"))
        )
        self.fields["annee"].widget = forms.Select(
            choices=_optional(((year, str(year)) for year in years), gettext_lazy("Toutes"))
        )

    def clean_etiquette(self):
        slug = self.cleaned_data["etiquette"]
        if slug and not Tag.objects.filter(slug=slug).exists():
            raise forms.ValidationError(_("étiquette inconnue"))
        return slug

    def raise_bad_request(self):
        """A 400 naming each refused parameter, its value and what is expected."""
        problems = []
        for name in self.errors:
            problems.append(
                _("« %(value)s » n'est pas une valeur possible du filtre « %(label)s » (%(name)s).")
                % {
                    "value": str(self.data.get(name, ""))[:50],
                    "label": self.fields[name].label,
                    "name": name,
                }
            )
        raise BadRequest(" ".join(problems))

    def is_filtered(self):
        return any(self.cleaned_data.get(name) for name in self.fields if name != "tri")


def apply_filters(resources, filters, tag=None):
    """The resources matching valid `filters` (and `tag`, on a tag's page), sorted."""
    data = filters.cleaned_data
    if data["type"]:
        resources = resources.filter(kind=data["type"])
    if data["theme"]:
        resources = resources.filter(MultipleChoiceField.has("themes", data["theme"]))
    if data["public"]:
        resources = resources.filter(MultipleChoiceField.has("audiences", data["public"]))
    for slug in {data["etiquette"], tag.slug if tag else ""} - {""}:
        resources = resources.filter(
            Exists(ResourcePageTag.objects.filter(content_object=OuterRef("pk"), tag__slug=slug))
        )
    if data["annee"]:
        resources = resources.filter(publication_date__year=data["annee"])
    if data["format"] == LINK_FAMILY:
        resources = resources.exclude(external_url="")
    elif data["format"]:
        resources = resources.filter(
            Exists(
                ResourceFile.objects.filter(
                    page=OuterRef("pk"), format__in=formats_of_family(data["format"])
                )
            )
        )
    return resources.annotate(total_downloads=total_downloads_of_resource()).order_by(
        *SORTS[data["tri"] or "date"]
    )


def for_listing(resources):
    """What a list of resources shows, fetched in a constant number of queries."""
    return resources.defer("document_text").prefetch_related(
        Prefetch(
            "files",
            queryset=ResourceFile.objects.defer("extracted_text").order_by("sort_order", "pk"),
        ),
        "tags",
    )


def tags_in_use(resources):
    return (
        Tag.objects.filter(
            resources_resourcepagetag_items__content_object__in=resources.values("pk")
        )
        .distinct()
        .order_by("name")
    )


def years_in_use(resources):
    return sorted(
        {date.year for date in resources.order_by().dates("publication_date", "year")},
        reverse=True,
    )
