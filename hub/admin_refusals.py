"""Wagtail's admin answers a refused action with a redirect to its dashboard. We answer with an
HTTP 403 instead, so that a refusal is visible as such to people, scripts and tests alike."""

from django.shortcuts import render
from django.utils.translation import gettext as _


def permission_denied(request):
    return render(
        request,
        "403.html",
        {"message": _("Vous n'avez pas le droit d'effectuer cette action sur ce contenu.")},
        status=403,
    )


def install():
    from wagtail.admin import auth

    auth.permission_denied = permission_denied
