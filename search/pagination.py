"""The one page-number parser and paginator of the site's listings."""

from django.core.exceptions import BadRequest
from django.core.paginator import EmptyPage, Paginator
from django.utils.translation import gettext as _

# No listing has that many pages; larger numbers would overflow the databases' offsets.
MAX_PAGE = 10_000


def page_number(request):
    """The `page` of the query string (1 by default); anything but 1 to MAX_PAGE is a 400."""
    raw = request.GET.get("page", "1")
    try:
        number = int(raw)
    except ValueError:
        raise BadRequest(
            _("Le numéro de page « %(value)s » n'est pas un nombre entier.") % {"value": raw[:20]}
        ) from None
    if number < 1:
        raise BadRequest(_("Le numéro de page doit être supérieur ou égal à 1."))
    if number > MAX_PAGE:
        raise BadRequest(
            _("La page %(number)s n'existe pas : une liste compte au plus %(max)s pages.")
            % {"number": raw[:20], "max": MAX_PAGE}
        )
    return number


def paginate(request, items, per_page):
    """The requested page of `items` (a queryset, a list or a `search.api.ResultList`).

    A malformed page number, or one past the last page, is a 400 in French.
    """
    number = page_number(request)
    paginator = Paginator(items, per_page)
    try:
        return paginator.page(number)
    except EmptyPage:
        raise BadRequest(
            _("La page %(number)s n'existe pas : cette liste compte %(count)s page(s).")
            % {"number": number, "count": paginator.num_pages}
        ) from None
