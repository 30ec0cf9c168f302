import importlib
import pkgutil

from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class PorteursConfig(AppConfig):
    name = "porteurs"
    verbose_name = _("Espace porteurs")

    def ready(self):
        from . import moderation  # noqa: F401  (e-mails the porteur on approval or refusal)

        # The space's features register their navigation entry and URLs (porteurs/space.py).
        for module in pkgutil.iter_modules(importlib.import_module(self.name).__path__):
            if module.name.endswith("_space"):
                importlib.import_module(f"{self.name}.{module.name}")
        autodiscover_modules("porteur_space")
