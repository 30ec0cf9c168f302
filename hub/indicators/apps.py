from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "hub.indicators"
    label = "indicators"
    verbose_name = _("Indicateurs et bilan annuel")

    def ready(self):
        from . import providers  # noqa: F401  (registers the providers of the hub itself)

        # Other apps contribute figures from an `indicator_providers` module.
        autodiscover_modules("indicator_providers")
