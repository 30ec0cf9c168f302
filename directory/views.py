from directory import maps
from directory.forms import DirectorySearchForm, Kind
from directory.search import records_of, search_request
from search.listing import search_page

PER_PAGE = 20


def directory_search(request, index):
    """The parent-facing search of a directory (départemental or national)."""
    section = index.section
    departement_code = section.departement.code if section else None
    form = DirectorySearchForm(request.GET or None, departement_code=departement_code)
    context = {"form": form, "kind": Kind.ACTIONS, "searched": bool(request.GET)}
    if form.is_bound and not form.is_valid():
        response = index.render(request, context_overrides=context)
        response.status_code = 400
        return response
    filters = form.cleaned_data if form.is_bound else {}
    results, page_obj = search_page(
        request, search_request(filters, departement_code, per_page=PER_PAGE)
    )
    records = records_of(results)
    context.update(
        kind=filters.get("contenu") or Kind.ACTIONS,
        page_obj=page_obj,
        records=records,
        map=maps.results_map(records, departement_code),
        origin=filters.get("lieu"),
        radius=filters.get("rayon"),
    )
    return index.render(request, context_overrides=context)
