from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_urls
from .admin_views import departements_for


@hooks.register("register_admin_urls")
def register_newsletter_urls():
    return [path("lettre/", include(admin_urls, namespace="newsletter_admin"))]


class NewsletterMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(departements_for(request.user))


@hooks.register("register_admin_menu_item")
def register_newsletter_menu_item():
    return NewsletterMenuItem(
        _("Lettre d'information"), reverse("newsletter_admin:index"), icon_name="mail", order=250
    )
