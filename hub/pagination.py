from django.core.exceptions import BadRequest
from django.core.paginator import EmptyPage, Paginator
from django.utils.translation import gettext as _


def page_number(request):
    """The `page` of the query string as an integer (1 by default); anything else is a 400."""
    raw = request.GET.get("page", "1")
    try:
        return int(raw)
    except ValueError:
        raise BadRequest(
            _("Le numéro de page « %(value)s » n'est pas un nombre entier.") % {"value": raw[:20]}
        ) from None


def paginate(request, queryset, per_page):
    """The requested page of a listing; a malformed or out-of-range `page` is a 400."""
    number = page_number(request)
    paginator = Paginator(queryset, per_page)
    try:
        return paginator.page(number)
    except EmptyPage:
        raise BadRequest(
            _("La page %(number)s n'existe pas : cette liste compte %(count)s page(s).")
            % {"number": number, "count": paginator.num_pages}
        ) from None
