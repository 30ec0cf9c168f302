from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

MIN_YEAR = 2000
MAX_YEAR = 2100


class ActivityRecord(models.Model):
    """An activity of the coordination that is not on the site (a phone meeting with a partner,
    a training given elsewhere…), entered by hand so that it counts in the indicators."""

    class Kind(models.TextChoices):
        NETWORK_MEETING = "reunion_reseau", _("Réunion de réseau")
        PRACTICE_ANALYSIS = "analyse_pratique", _("Analyse de la pratique")
        EXCHANGE_DAY = "journee_echanges", _("Journée d'échanges")
        TRAINING = "formation", _("Formation")
        PARTNER_MEETING = "rencontre_partenaire", _("Rencontre avec un partenaire institutionnel")
        PROMOTION = "promotion", _("Promotion et communication")
        OTHER = "autre", _("Autre activité")

    section = models.ForeignKey(
        "hub.DepartementPage",
        verbose_name=_("département"),
        on_delete=models.CASCADE,
        related_name="activity_records",
    )
    kind = models.CharField(_("type d'activité"), max_length=30, choices=Kind.choices)
    date = models.DateField(_("date"))
    title = models.CharField(_("intitulé"), max_length=200)
    participants = models.PositiveIntegerField(_("nombre de participants"), default=0)
    structures = models.PositiveIntegerField(_("nombre de structures représentées"), default=0)
    notes = models.TextField(_("notes"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("saisie par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("saisie le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    class Meta:
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["section", "date"])]
        verbose_name = _("activité de la coordination")
        verbose_name_plural = _("activités de la coordination")

    def __str__(self):
        return self.title


class IndicatorTarget(models.Model):
    """The yearly target a coordination sets itself for one indicator."""

    section = models.ForeignKey(
        "hub.DepartementPage",
        verbose_name=_("département"),
        on_delete=models.CASCADE,
        related_name="indicator_targets",
    )
    year = models.PositiveSmallIntegerField(
        _("année"), validators=[MinValueValidator(MIN_YEAR), MaxValueValidator(MAX_YEAR)]
    )
    indicator_key = models.CharField(_("indicateur"), max_length=64)
    target = models.PositiveIntegerField(_("objectif"))

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["section", "year", "indicator_key"], name="one_target_per_indicator_year"
            )
        ]
        verbose_name = _("objectif annuel")
        verbose_name_plural = _("objectifs annuels")

    def __str__(self):
        return f"{self.indicator_key} {self.year}: {self.target}"
