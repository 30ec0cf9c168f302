"""Ways out of a directory search: what a parent can try next, each with its count.

Every count comes from the same search with one change (a wider radius, one filter dropped,
offers at a distance, the whole country), so a link never leads to an empty page without
saying so. The number of searches is bounded by the number of filters of the form, whatever
the number of records; each search is a constant number of queries.
"""

from dataclasses import replace

from django.utils.translation import gettext as _

from directory import choices
from directory.forms import RADIUS_CHOICES, Kind
from directory.search import search_request, with_distances
from hub.models import DepartementPage
from hub.sections import listing_links
from search.api import SearchRequest, load_objects, search
from search.listing import WayOut, query_string
from territories.models import Departement

NEAREST_SHOWN = 3
# Beyond this, a place is no help to a parent: "the nearest" stops there (Lyon's nearest
# action would otherwise be 400 km away).
NEAREST_MAX_KM = 100


def count(request):
    """How many records `request` finds (one small search, no facets)."""
    return search(replace(request, page=1, per_page=1, facets=False, snippets=False)).total


def ways_out(form, params, departement_code):
    """[WayOut] for a search of `form` (valid) that found nothing: wider radius, each filter
    dropped, offers at a distance, and the national directory from a département's one."""
    filters = form.cleaned_data
    ways = []
    if filters.get("lieu") is not None:
        base = search_request(filters, departement_code)
        for radius, _label in RADIUS_CHOICES:
            if radius <= filters["rayon"]:
                continue
            found = count(replace(base, radius_km=radius))
            if found or radius == RADIUS_CHOICES[-1][0]:
                label = _("Élargir à %(km)s km") % {"km": radius}
                ways.append(WayOut(label, query_string(params, rayon=radius), found))
                break
    for name, text in form.active_filters():
        without = {**filters, name: None}
        changes = {name: None}
        if name == "lieu":
            changes["rayon"] = None
            label = _("Partout, sans « %(filtre)s »") % {"filtre": text}
        else:
            label = form.drop_label(name, text)
        found = count(search_request(without, departement_code))
        ways.append(WayOut(label, query_string(params, **changes), found))
    distance = at_distance(filters, params, departement_code)
    if distance is not None:
        ways.append(distance)
    if departement_code:
        national = search_request(filters, None)
        ways.append(
            WayOut(
                _("Dans toute la France"),
                query_string(params),
                count(national),
                url=national_directory_url(),
            )
        )
    return ways


def at_distance(filters, params, departement_code):
    """The actions at a distance (phone, online) matching the other filters, wherever the
    place; None when the search already asks for them or is not about actions."""
    if filters.get("contenu") not in (None, "", Kind.ACTIONS):
        return None
    if filters.get("mode") == choices.Mode.DISTANCE:
        return None
    wanted = {**filters, "lieu": None, "mode": choices.Mode.DISTANCE}
    return WayOut(
        _("Les actions à distance (téléphone, en ligne)"),
        query_string(params, lieu=None, rayon=None, mode=choices.Mode.DISTANCE),
        count(search_request(wanted, departement_code)),
    )


def help_context(form, params, departement_code, records, total):
    """What the results add when a search finds nothing or its place has no section.

    `records()` gives the queryset to load the nearest records from, built only when needed.
    """
    filters = form.cleaned_data
    context = {"missing_departement": missing_section(filters.get("lieu"))}
    if context["missing_departement"] is not None:
        context["national_resources"] = national_resources()
        if total:
            context["distance_offers"] = at_distance(filters, params, departement_code)
    if total == 0:
        context["ways_out"] = ways_out(form, params, departement_code)
        context["nearest"] = nearest_beyond(filters, departement_code, records())
    return context


def nearest_beyond(filters, departement_code, queryset):
    """The few records nearest to the place searched, beyond the radius but within
    NEAREST_MAX_KM, with distances."""
    if filters.get("lieu") is None:
        return []
    request = replace(
        search_request(filters, departement_code),
        radius_km=NEAREST_MAX_KM,
        page=1,
        per_page=NEAREST_SHOWN,
        facets=False,
    )
    return with_distances(load_objects(search(request).hits, queryset))


def missing_section(commune):
    """The département of `commune` when it has no section on the site, else None."""
    if commune is None:
        return None
    if DepartementPage.objects.live().filter(departement__code=commune.departement_code).exists():
        return None
    return Departement.objects.filter(code=commune.departement_code).first()


def national_resources():
    """(URL, count) of the national resource library, for a département without a section."""
    url = next((link["url"] for link in listing_links() if link["slug"] == "ressources"), None)
    if url is None:
        return None
    return url, count(SearchRequest(types=["ressource"]))


def national_directory_url():
    return next((link["url"] for link in listing_links() if link["slug"] == "annuaire"), "")
