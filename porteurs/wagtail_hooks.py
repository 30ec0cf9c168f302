from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from hub.scoping import own_sections

from . import admin_views, campaign_admin_views


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


@hooks.register("register_admin_urls")
def campaign_admin_urls():
    return [
        path("campagnes/", campaign_admin_views.campaign_index, name="porteurs_campaigns"),
        path(
            "campagnes/<int:campaign_id>/",
            campaign_admin_views.campaign_detail,
            name="porteurs_campaign",
        ),
        path(
            "campagnes/<int:campaign_id>/relancer/",
            campaign_admin_views.campaign_remind,
            name="porteurs_campaign_remind",
        ),
    ]


class CoordinationMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser or own_sections(request.user).exists()


@hooks.register("register_admin_menu_item")
def campaigns_menu_item():
    return CoordinationMenuItem(
        _("Annuaire : campagnes de mise à jour"),
        reverse("porteurs_campaigns"),
        icon_name="mail",
        order=253,
    )
