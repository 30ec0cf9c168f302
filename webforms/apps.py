from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebformsConfig(AppConfig):
    name = "webforms"
    verbose_name = _("Formulaires et inscriptions")

    def ready(self):
        from . import signals  # noqa: F401 (connects the receivers)
