from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Recherche")

    def ready(self):
        from . import signals  # noqa: F401  (connects the receivers)

        # Each app declares its searchable content types in a `search_indexes` module.
        autodiscover_modules("search_indexes")
