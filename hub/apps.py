from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HubConfig(AppConfig):
    name = "hub"
    verbose_name = _("Hub Parentalité")

    def ready(self):
        from . import admin_refusals, admin_scoping, signals  # noqa: F401  (signals connects the receivers)

        admin_refusals.install()
        admin_scoping.install()
