from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from hub.indicators.access import sections_for

from . import call_admin_urls as admin_urls


@hooks.register("register_admin_urls")
def register_call_urls():
    return [path("appels-a-projets/", include(admin_urls, namespace="porteurs_admin"))]


class CoordinationMenuItem(MenuItem):
    def is_shown(self, request):
        return sections_for(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_calls_menu_item():
    return CoordinationMenuItem(
        _("Appels à projets et bilans"),
        reverse("porteurs_admin:call_list"),
        icon_name="form",
        order=248,
    )
