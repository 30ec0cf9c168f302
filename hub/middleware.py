"""Request guards that protect every view at once."""

from django.core.exceptions import BadRequest
from django.utils.translation import gettext as _

NUL = "\x00"


class RejectNulCharactersMiddleware:
    """Answer 400 to a query string or form value holding a NUL character.

    No French text contains one, and databases refuse it (PostgreSQL raises, SQLite's full-text
    search fails), so it would otherwise surface as a server error in whichever view filters on it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        data = [request.GET, request.POST] if request.method == "POST" else [request.GET]
        for querydict in data:
            for key, values in querydict.lists():
                if NUL in key or any(NUL in value for value in values):
                    raise BadRequest(
                        _("La demande contient un caractère nul, qui n'est pas accepté.")
                    )
        return self.get_response(request)
