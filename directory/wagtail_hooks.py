from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from directory import admin_views
from directory.models import LieuRessourcePage


@hooks.register("register_admin_urls")
def directory_admin_urls():
    return [
        path("annuaire/a-mettre-a-jour/", admin_views.stale_records, name="directory_stale"),
        path("annuaire/csv/", admin_views.csv_exchange, name="directory_csv"),
        path("annuaire/csv/modele/", admin_views.csv_template, name="directory_csv_template"),
        path(
            "annuaire/csv/export/<int:index_id>/",
            admin_views.csv_export,
            name="directory_csv_export",
        ),
    ]


@hooks.register("register_admin_menu_item")
def stale_records_menu_item():
    return MenuItem(
        _("Annuaire : à mettre à jour"), reverse("directory_stale"), icon_name="time", order=250
    )


@hooks.register("register_admin_menu_item")
def csv_menu_item():
    return MenuItem(
        _("Annuaire : import et export CSV"),
        reverse("directory_csv"),
        icon_name="download",
        order=251,
    )


def warn_about_opening_hours(request, page):
    page = page.specific
    if isinstance(page, LieuRessourcePage) and page.opening_warning:
        messages.warning(request, page.opening_warning)


hooks.register("after_create_page", warn_about_opening_hours)
hooks.register("after_edit_page", warn_about_opening_hours)
