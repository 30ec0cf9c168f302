from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from porteurs.wagtail_hooks import CoordinationMenuItem

from . import access, admin_views


@hooks.register("register_admin_urls")
def members_admin_urls():
    return [
        path("membres/", admin_views.member_accounts, name="members_admin"),
        path("membres/<int:membership_id>/accepter/", admin_views.approve, name="members_approve"),
        path("membres/<int:membership_id>/refuser/", admin_views.refuse, name="members_refuse"),
        path("membres/<int:membership_id>/retirer/", admin_views.revoke, name="members_revoke"),
    ]


@hooks.register("register_admin_menu_item")
def members_menu_item():
    return CoordinationMenuItem(
        _("Espace des membres : comptes"), reverse("members_admin"), icon_name="group", order=254
    )


@hooks.register("before_serve_page")
def read_view_restrictions(page, request, serve_args, serve_kwargs):
    """The page's restrictions, read once for Wagtail's check and the members' notice."""
    access.read_view_restrictions(page, request)
