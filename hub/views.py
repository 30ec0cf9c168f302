from django.db import DatabaseError, connection
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from hub.models import DepartementPage


@never_cache
@require_GET
def health(request):
    """For the load balancer: 200 when the database answers, 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_GET
def go_to_departement(request):
    """Target of the département switcher, which works without JavaScript."""
    code = request.GET.get("departement", "")
    section = (
        DepartementPage.objects.live().filter(departement__code=code).first() if code else None
    )
    if section is None:
        return render(
            request,
            "400.html",
            {"message": _("Choisissez un département dans la liste.")},
            status=400,
        )
    return HttpResponseRedirect(section.url)


def bad_request(request, exception):
    message = str(exception) if exception and str(exception) else None
    return render(request, "400.html", {"message": message}, status=400)


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)


def forbidden(request, exception):
    return render(request, "403.html", status=403)
