from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PorteursConfig(AppConfig):
    name = "porteurs"
    verbose_name = _("Espace porteurs")
