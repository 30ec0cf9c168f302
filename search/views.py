"""The site-wide search page and the search box's suggestions."""

from django import forms
from django.core.exceptions import BadRequest
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.http import require_GET

from . import registry, ways_out
from .api import SORTS, SearchRequest, autocomplete
from .listing import ListingForm, SearchListing
from .pagination import page_number

MAX_FACET_VALUES = 20

# Wider than metropolitan France: a larger radius is a typing error, refused in French.
MAX_RADIUS_KM = 1_000


class SiteSearchForm(ListingForm):
    """Words, facets (any registered facet name, several values each), sort, place."""

    q = forms.CharField(label=gettext_lazy("Mots recherchés"), required=False, strip=True)
    tri = forms.ChoiceField(
        label=gettext_lazy("Trier par"), choices=[(sort, sort) for sort in SORTS], required=False
    )
    lat = forms.FloatField(
        label=gettext_lazy("Latitude"), required=False, min_value=-90, max_value=90
    )
    lon = forms.FloatField(
        label=gettext_lazy("Longitude"), required=False, min_value=-180, max_value=180
    )
    rayon = forms.FloatField(
        label=gettext_lazy("Rayon (km)"), required=False, min_value=0, max_value=MAX_RADIUS_KM
    )

    def clean(self):
        cleaned = super().clean()
        if (cleaned.get("lat") is None) != (cleaned.get("lon") is None):
            raise forms.ValidationError(
                _("La position doit être donnée par deux nombres : lat et lon.")
            )
        cleaned["q"] = (cleaned.get("q") or "")[:200]
        cleaned["facets"] = {
            name: [value[:120] for value in self.data.getlist(name) if value][:MAX_FACET_VALUES]
            for name in registry.facet_labels()
            if any(self.data.getlist(name))
        }
        return cleaned


class SiteSearch(SearchListing, View):
    """The search page: words, facets, snippets and "did you mean"; no search, no results."""

    form_class = SiteSearchForm

    @method_decorator(require_GET)
    def get(self, request):
        return self.serve_listing(request)

    def search_request(self, filters):
        point = None
        if filters.get("lat") is not None:
            point = (filters["lat"], filters["lon"])
        return SearchRequest(
            text=filters["q"],
            filters=filters["facets"],
            point=point,
            radius_km=filters.get("rayon"),
            sort=filters.get("tri") or "relevance",
            facet_names=tuple(sorted(registry.listed_facets())),
            approximate=True,
        )

    def page_of(self, request, filters):
        if filters["q"] or filters["facets"]:
            return super().page_of(request, filters)
        number = page_number(request)
        if number != 1:
            raise BadRequest(
                _("Il n'y a pas de page %(number)s sans recherche.") % {"number": number}
            )
        return None

    def listing_context(self, request, form, page_obj):
        filters = form.cleaned_data if form.is_valid() else {}
        results = page_obj.paginator.object_list if page_obj is not None else None
        labels = registry.facet_labels()
        listed = registry.listed_facets()
        facets = [
            {"name": name, "label": labels.get(name, name), "values": values}
            for name, values in (results.facets.items() if results is not None else [])
            if values and name in listed
        ]
        context = {
            "query": filters.get("q", ""),
            "results": results,
            "facets": facets,
            "sort": filters.get("tri") or "relevance",
            "facets_selected": sum(len(values) for values in filters.get("facets", {}).values()),
        }
        if results is not None:
            context["unmatched"] = ", ".join(f"« {word} »" for word in results.unmatched)
            context["without_unmatched"] = ways_out.without_unmatched(
                results.request, results, request.GET
            )
            if results.total == 0:
                context["ways_out"] = ways_out.ways_out(results.request, results, request.GET)
        return context

    def render_listing(self, request, context, status=200):
        return render(request, "search/search.html", context, status=status)


search_view = SiteSearch.as_view()


@require_GET
def autocomplete_view(request):
    """Suggestions for the search box: titles of content, then communes."""
    return JsonResponse({"suggestions": autocomplete(request.GET.get("q", ""))})
