from django.utils.translation import gettext_lazy as _

from hub.models.pages import SectionIndexPage


class EventIndexPage(SectionIndexPage):
    """The "Agenda" of a département, or of the whole network."""

    class Meta:
        verbose_name = _("agenda")
        verbose_name_plural = _("agendas")
