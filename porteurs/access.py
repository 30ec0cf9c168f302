"""Who may see and change what in the porteurs' space: a person, the structures they have an
active access to, and those structures' own records (actions, lieux ressources, Promeneurs du
Net). Every view of the space goes through these functions; nothing else decides."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from wagtail.models import Page

from directory.models import ActionPage, LieuRessourcePage, PromeneurPage, StructurePage

from .models import PorteurAccess

RECORD_TYPES = (ActionPage, LieuRessourcePage, PromeneurPage)
EDITABLE_TYPES = (StructurePage, *RECORD_TYPES)


def structures_for(user):
    """The structures `user` has an active access to (none for an anonymous visitor)."""
    if not user.is_authenticated:
        return StructurePage.objects.none()
    return StructurePage.objects.filter(
        pk__in=PorteurAccess.objects.active().filter(user=user).values("structure")
    )


def records_for(user, model):
    """The records of type `model` (a structure or one of RECORD_TYPES) that `user` may change."""
    structures = structures_for(user)
    if model is StructurePage:
        return structures
    return model.objects.filter(structure__in=structures)


def record_for(user, page_id):
    """The record `page_id` (its specific page) if `user` may change it; 404 otherwise.

    The same answer for a record that does not exist and one that belongs to someone else, so
    that a crafted id tells nothing about other structures.
    """
    content_type_id = Page.objects.filter(pk=page_id).values_list("content_type", flat=True)
    model = None
    if content_type_id:
        model = ContentType.objects.get_for_id(content_type_id[0]).model_class()
    if model not in EDITABLE_TYPES:
        raise Http404
    return get_object_or_404(records_for(user, model), pk=page_id)


def porteur_required(view):
    """For the space's views: an anonymous visitor goes to the space's login page (with
    `next`), a signed-in person without any active access gets a 403 page in French. The
    answers are never cached (they show a person's own records)."""

    @never_cache
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("porteurs:login"))
        if not structures_for(request.user).exists():
            return render(request, "porteurs/403.html", {"hide_space_nav": True}, status=403)
        return view(request, *args, **kwargs)

    return wrapped
