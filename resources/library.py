"""The filters and sort orders of the library, read from the query string so that every view
of the library has a URL to share. An unknown value is refused with a French message.

Words and filters go to the site's one search interface (`search.api`); the library orders by
relevance or date there, and by downloads here, on the ids the engine found.
"""

from django import forms
from django.core.exceptions import BadRequest
from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from taggit.models import Tag

from hub.taxonomies import Theme
from search.api import SearchRequest, matching_ids

from .downloads import total_downloads_of_resource
from .formats import FAMILY_CHOICES
from .models import Audience, ResourceFile, ResourceKind

BY_DOWNLOADS = ("-total_downloads", "-publication_date", "-pk")


ALL = gettext_lazy("Tous")


def _optional(choices, empty_label=ALL):
    return [("", empty_label)] + list(choices)


class LibraryFilters(forms.Form):
    q = forms.CharField(label=gettext_lazy("Mots-clés"), max_length=100, required=False)
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
            ("", gettext_lazy("les plus pertinentes")),
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


def library_request(index, filters, tag=None, per_page=20):
    """The SearchRequest of valid `filters` on `index` (and `tag`, on a tag's page).

    Best match first when words are typed and no order is chosen; newest first otherwise.
    """
    data = filters.cleaned_data
    tag_slug = tag.slug if tag else data["etiquette"]
    if tag and data["etiquette"] and data["etiquette"] != tag.slug:
        raise BadRequest(
            _("Cette page ne montre que l'étiquette « %(tag)s » : retirez le filtre « etiquette ».")
            % {"tag": tag.name}
        )
    facets = {
        "type_ressource": data["type"],
        "thematique": data["theme"],
        "public_ressource": data["public"],
        "etiquette": tag_slug,
        "annee": str(data["annee"] or ""),
        "format_ressource": data["format"],
    }
    section = index.section
    if section is not None:
        facets["departement"] = section.departement.code
    text = data["q"].strip()
    return SearchRequest(
        text=text,
        types=["ressource"],
        filters={name: [value] for name, value in facets.items() if value},
        sort="relevance" if text and not data["tri"] else "date",
        per_page=per_page,
        facets=False,
        snippets=False,
    )


def with_downloads(resources):
    """`resources`, each with its `total_downloads`."""
    return resources.annotate(total_downloads=total_downloads_of_resource())


def by_downloads(resources, search_request):
    """The resources the engine finds for `search_request`, most downloaded first."""
    found = resources.filter(pk__in=matching_ids(search_request))
    return with_downloads(found).order_by(*BY_DOWNLOADS)


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
