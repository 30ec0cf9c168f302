"""What the listings share to show one page of search results (directory, news, search page)."""

from django.core.exceptions import BadRequest
from django.utils.translation import gettext as _

from hub import pagination

from .api import search


class ResultWindow:
    """One page of hits posing as the whole result list, for Django's paginator."""

    def __init__(self, results, offset):
        self.results = results
        self.offset = offset

    def __len__(self):
        return self.results.total

    def __getitem__(self, window):
        start = window.start - self.offset
        return self.results.hits[start : start + (window.stop - window.start)]


def page_number(request):
    """The `page` asked for in the query string; anything but a positive integer is a 400."""
    number = pagination.page_number(request)
    if number < 1:
        raise BadRequest(_("Le numéro de page doit être supérieur ou égal à 1."))
    return number


def search_page(http_request, search_request):
    """Run `search_request` for the page `?page=` asks: (results, page_obj).

    The engine returns that page only; the paginator sees the total. A page past the last one
    is a 400, as on every listing.
    """
    search_request.page = page_number(http_request)
    results = search(search_request)
    window = ResultWindow(results, search_request.offset)
    return results, pagination.paginate(http_request, window, search_request.per_page)


def load_page(page_obj, queryset):
    """Put in `page_obj` the objects of its hits, taken from `queryset`, in hit order.

    Each listing passes its own queryset, with what its template needs prefetched, so a page
    costs the same number of queries whatever the number of hits.
    """
    ids = [hit.object_id for hit in page_obj.object_list]
    found = queryset.in_bulk(ids)
    page_obj.object_list = [found[pk] for pk in ids if pk in found]
    return page_obj
