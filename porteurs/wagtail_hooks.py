from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from hub.indicators.access import sections_for

from . import admin_views, campaign_admin_views
from . import call_admin_urls as call_urls


class CoordinationMenuItem(MenuItem):
    """Shown to a département's coordination and to national administrators."""

    def is_shown(self, request):
        return sections_for(request.user).exists()


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
        path("appels-a-projets/", include(call_urls, namespace="porteurs_calls")),
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


@hooks.register("register_admin_menu_item")
def calls_menu_item():
    return CoordinationMenuItem(
        _("Appels à projets et bilans"),
        reverse("porteurs_calls:call_list"),
        icon_name="form",
        order=248,
    )


@hooks.register("register_admin_menu_item")
def porteurs_menu_item():
    return CoordinationMenuItem(
        _("Espace porteurs : comptes"), reverse("porteurs_admin"), icon_name="group", order=252
    )


@hooks.register("register_admin_menu_item")
def campaigns_menu_item():
    return CoordinationMenuItem(
        _("Annuaire : campagnes de mise à jour"),
        reverse("porteurs_campaigns"),
        icon_name="mail",
        order=253,
    )
