from django.utils.translation import gettext_lazy as _

from hub.models.pages import SectionIndexPage


class DirectoryIndexPage(SectionIndexPage):
    """ "Trouver une action près de chez moi": the directory of a département, or national."""

    class Meta:
        verbose_name = _("annuaire")
        verbose_name_plural = _("annuaires")
