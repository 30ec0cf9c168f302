from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import urls
from .access import sections_for


@hooks.register("register_admin_urls")
def register_indicator_urls():
    return [path("indicateurs/", include(urls, namespace="indicators"))]


class IndicatorsMenuItem(MenuItem):
    def is_shown(self, request):
        return sections_for(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_indicators_menu_item():
    return IndicatorsMenuItem(
        _("Indicateurs et bilan"), reverse("indicators:overview"), icon_name="table", order=249
    )
