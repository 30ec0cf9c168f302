from django.utils.translation import gettext_lazy as _

from hub.models.pages import SectionIndexPage


class ResourceIndexPage(SectionIndexPage):
    """The pedagogical resource library of a département, or of the whole network."""

    class Meta:
        verbose_name = _("ressourcerie")
        verbose_name_plural = _("ressourceries")
