"""The repetition of a dated schedule, shared by events and actions' sessions: the fields, their
checks and their admin panels. `hub.recurrence` expands them into occurrences."""

import datetime

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from hub import recurrence
from hub.recurrence import MAX_OCCURRENCES


class Recurrence(models.TextChoices):
    NONE = "", _("Pas de répétition")
    WEEKLY = recurrence.WEEKLY, _("Chaque semaine, le même jour")
    MONTHLY_DAY = recurrence.MONTHLY_DAY, _("Chaque mois, à la même date (ex. le 15)")
    MONTHLY_WEEKDAY = (
        recurrence.MONTHLY_WEEKDAY,
        _("Chaque mois, le même jour de la semaine (ex. le 2e mardi)"),
    )


RECURRENCE_HELP = _(
    "Le jour de la semaine, ou la date dans le mois, est celui de la date de début. "
    "Indiquez une date de fin ou un nombre de séances."
)


class RecurrenceRule(models.Model):
    """How a dated schedule repeats from its `start_date` (declared by the concrete model)."""

    recurrence = models.CharField(
        _("répétition"), max_length=20, choices=Recurrence.choices, blank=True, default=""
    )
    recurrence_interval = models.PositiveSmallIntegerField(
        _("toutes les"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text=_("1 : chaque semaine ou chaque mois ; 2 : une semaine ou un mois sur deux…"),
    )
    recurrence_until = models.DateField(_("jusqu'au"), null=True, blank=True)
    recurrence_count = models.PositiveSmallIntegerField(
        _("nombre de séances"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2), MaxValueValidator(MAX_OCCURRENCES)],
    )

    rule_panels = [
        FieldPanel("recurrence"),
        FieldPanel("recurrence_interval"),
        FieldRowPanel([FieldPanel("recurrence_until"), FieldPanel("recurrence_count")]),
    ]

    class Meta:
        abstract = True

    def recurrence_errors(self):
        """The repetition's mistakes, by field name (empty when it is consistent)."""
        if not self.recurrence:
            if self.recurrence_until or self.recurrence_count:
                return {
                    "recurrence": _(
                        "Choisissez une répétition, ou videz « jusqu'au » et le nombre de séances."
                    )
                }
            return {}
        if bool(self.recurrence_until) == bool(self.recurrence_count):
            return {
                "recurrence_until": _(
                    "Indiquez soit une date de fin de la répétition, soit un nombre de séances."
                )
            }
        if self.recurrence_until and self.start_date:
            if self.recurrence_until <= self.start_date:
                return {"recurrence_until": _("La répétition doit finir après la date de début.")}
            if self.recurrence_until > self.start_date + datetime.timedelta(days=3 * 366):
                return {"recurrence_until": _("Une répétition ne peut pas dépasser trois ans.")}
        return {}
