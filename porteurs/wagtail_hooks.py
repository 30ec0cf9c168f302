from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


@hooks.register("register_admin_urls")
def porteurs_admin_urls():
    return [
        path("porteurs/", admin_views.porteur_accounts, name="porteurs_admin"),
        path(
            "porteurs/acces/<int:access_id>/retirer/",
            admin_views.revoke_access,
            name="porteurs_admin_revoke",
        ),
        path(
            "porteurs/invitations/<int:invitation_id>/retirer/",
            admin_views.withdraw_invitation,
            name="porteurs_admin_withdraw",
        ),
    ]


@hooks.register("register_admin_menu_item")
def porteurs_menu_item():
    return MenuItem(
        _("Espace porteurs : comptes"), reverse("porteurs_admin"), icon_name="group", order=252
    )
