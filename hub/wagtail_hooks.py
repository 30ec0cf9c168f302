from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from hub import admin_refusals, admin_views, two_factor
from hub.admin_api import ScopedDocumentsAdminAPIViewSet, ScopedImagesAdminAPIViewSet
from hub.models import DepartementPage, HomePage
from hub.quarantine import QUARANTINE_COLLECTION
from hub.scoping import other_sections_excluded
from hub.sections import ensure_listings


@hooks.register("after_create_page")
def add_listings_to_new_section(request, page):
    if isinstance(page.specific, DepartementPage | HomePage):
        ensure_listings(page.specific)


@hooks.register("construct_page_chooser_queryset")
def choose_pages_of_own_section(pages, request):
    """A coordinator's page choosers (structures, lieux, links) hide other départements."""
    return other_sections_excluded(pages, request.user)


@hooks.register("construct_admin_api", order=1)
def scope_admin_api(router):
    """Replaces the images and documents endpoints that Wagtail's apps register (order 0)."""
    router.register_endpoint("documents", ScopedDocumentsAdminAPIViewSet)
    router.register_endpoint("images", ScopedImagesAdminAPIViewSet)


@hooks.register("before_move_page")
def refuse_moves_the_user_may_not_make(request, page, destination):
    """Wagtail asks for this permission only when the move is confirmed (POST): the
    confirmation screen would otherwise show any page of any département."""
    if not page.permissions_for_user(request.user).can_move_to(destination):
        return admin_refusals.permission_denied(request)
    return None


@hooks.register("before_serve_document")
def refuse_quarantined_documents(document, request):
    """A document put in quarantine by `recheck_uploads --quarantine` is no longer served."""
    if document.collection.name == QUARANTINE_COLLECTION:
        raise Http404


@hooks.register("register_admin_urls")
def place_input_urls():
    return [
        path("communes/", admin_views.communes, name="admin_communes"),
        path("communes/carte/", admin_views.commune_map, name="admin_commune_map"),
    ]


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("double-authentification/code/", two_factor.verify, name="two_factor_verify"),
        path("double-authentification/activer/", two_factor.enrol, name="two_factor_enrol"),
    ]


@hooks.register("register_admin_menu_item")
def two_factor_menu_item():
    return MenuItem(
        _("Double authentification"),
        reverse("two_factor_enrol"),
        icon_name="key",
        order=10_000,
    )
