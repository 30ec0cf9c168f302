from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Espace des membres")

    def ready(self):
        from . import (
            admin_scoping,
            signals,  # noqa: F401  (members' groups, search index on page privacy)
        )

        admin_scoping.install()
