"""Temporary closures of lieux and actions ("Fermé du 21 décembre au 4 janvier : congés")."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from directory import opening_hours


class TemporaryClosure(Orderable):
    """A range of days (both included) when the place is closed, whatever its hours say."""

    start = models.DateField(_("fermé du"))
    end = models.DateField(_("au (inclus)"))
    reason = models.CharField(
        _("motif"), max_length=120, blank=True, help_text=_("Par exemple : congés, travaux.")
    )

    panels = [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("reason")]

    class Meta(Orderable.Meta):
        abstract = True
        ordering = ["start"]

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("La fin de la fermeture doit suivre son début.")})

    def as_closure(self):
        return opening_hours.Closure(self.start, self.end, self.reason)


class LieuClosure(TemporaryClosure):
    page = ParentalKey(
        "directory.LieuRessourcePage", on_delete=models.CASCADE, related_name="closures"
    )


class ActionClosure(TemporaryClosure):
    page = ParentalKey("directory.ActionPage", on_delete=models.CASCADE, related_name="closures")


def current_and_coming(page):
    """The page's closures that are not over (today in Europe/Paris), as `Closure` values."""
    today = timezone.localdate()
    return [c.as_closure() for c in page.closures.all() if c.end >= today]
