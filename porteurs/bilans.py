"""The bilan of each funded action: what the Fnp asks every action to report after its year.

A funded action is an action whose dossier was retained (`Dossier.status == "retenu"`): its
porteur reports the figures of the Fnp fiches (séances, participants adults and children, parents
différents, présence moyenne), those of the national REAAP survey (new or renewed action, families
reached, paid and volunteer facilitators), the partners and an appraisal in words. A bilan is
saved as a draft as often as needed, then submitted (« transmis »); the coordination follows who
has answered and reminds the others (`porteurs.tasks.remind_bilans`).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _


class BilanStatus(models.TextChoices):
    BROUILLON = "brouillon", _("Brouillon")
    TRANSMIS = "transmis", _("Transmis")


class Renewal(models.TextChoices):
    NOUVELLE = "nouvelle", _("Nouvelle action")
    RENOUVELEE = "renouvelee", _("Action renouvelée")


# Figures a submitted bilan must give (a draft may leave any of them empty).
FIGURES = (
    "sessions",
    "adults",
    "children",
    "distinct_parents",
    "families",
    "average_attendance",
    "paid_facilitators",
    "volunteer_facilitators",
)
REQUIRED_TO_SUBMIT = (*FIGURES, "renewal", "appraisal")


class ActionBilan(models.Model):
    """The bilan of the action funded by one retained dossier, for the call's year."""

    dossier = models.OneToOneField(
        "porteurs.Dossier", on_delete=models.CASCADE, related_name="bilan"
    )
    status = models.CharField(
        _("statut"), max_length=20, choices=BilanStatus, default=BilanStatus.BROUILLON
    )
    sessions = models.PositiveIntegerField(_("nombre de séances"), null=True, blank=True)
    adults = models.PositiveIntegerField(_("participants adultes"), null=True, blank=True)
    children = models.PositiveIntegerField(_("participants enfants"), null=True, blank=True)
    distinct_parents = models.PositiveIntegerField(
        _("parents différents"),
        null=True,
        blank=True,
        help_text=_("Chaque parent compte une fois, quel que soit le nombre de séances suivies."),
    )
    families = models.PositiveIntegerField(_("familles touchées"), null=True, blank=True)
    average_attendance = models.DecimalField(
        _("présence moyenne par séance"),
        max_digits=7,
        decimal_places=1,
        null=True,
        blank=True,
        help_text=_("Nombre moyen de personnes présentes à une séance."),
    )
    renewal = models.CharField(
        _("nouvelle action ou renouvelée"), max_length=20, choices=Renewal, blank=True
    )
    paid_facilitators = models.PositiveIntegerField(_("animateurs salariés"), null=True, blank=True)
    volunteer_facilitators = models.PositiveIntegerField(
        _("animateurs bénévoles"), null=True, blank=True
    )
    partners = models.TextField(_("partenaires"), blank=True)
    appraisal = models.TextField(
        _("appréciation"),
        blank=True,
        help_text=_(
            "Retour des parents et des participants, évolutions constatées, difficultés "
            "rencontrées."
        ),
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    submitted_at = models.DateTimeField(_("transmis le"), null=True, blank=True)

    class Meta:
        verbose_name = _("bilan d'action")
        verbose_name_plural = _("bilans d'actions")

    def __str__(self):
        return str(self.dossier)

    @property
    def is_submitted(self):
        return self.status == BilanStatus.TRANSMIS

    @property
    def participants(self):
        return (self.adults or 0) + (self.children or 0)

    def clean(self):
        errors = consistency_errors(self)
        if errors:
            raise ValidationError(errors)

    def submission_errors(self):
        """{field: message} for what a submitted bilan must give, on top of `clean`."""
        return {
            name: _("Ce champ est obligatoire pour transmettre le bilan.")
            for name in REQUIRED_TO_SUBMIT
            if getattr(self, name) in (None, "")
        }


def consistency_errors(bilan):
    """{field: French message} for figures that contradict each other (empty ones are skipped)."""
    errors = {}
    adults, children = bilan.adults, bilan.children
    participants = None if adults is None or children is None else adults + children
    if (
        bilan.distinct_parents is not None
        and adults is not None
        and bilan.distinct_parents > adults
    ):
        errors["distinct_parents"] = _(
            "Les parents différents ne peuvent pas dépasser les participants adultes (%(adults)s)."
        ) % {"adults": adults}
    if (
        bilan.families is not None
        and bilan.distinct_parents is not None
        and bilan.families > bilan.distinct_parents
    ):
        errors["families"] = _(
            "Les familles touchées ne peuvent pas dépasser les parents différents "
            "(%(parents)s) : chaque famille compte au moins un parent venu."
        ) % {"parents": bilan.distinct_parents}
    if bilan.average_attendance is not None:
        if bilan.average_attendance < 0:
            errors["average_attendance"] = _("La présence moyenne ne peut pas être négative.")
        elif participants is not None and bilan.average_attendance > participants:
            errors["average_attendance"] = _(
                "La présence moyenne (%(average)s) ne peut pas dépasser le nombre de "
                "participants, adultes et enfants (%(participants)s)."
            ) % {
                "average": number_format(bilan.average_attendance, 1),
                "participants": participants,
            }
    if bilan.sessions == 0 and (participants or bilan.average_attendance):
        errors["sessions"] = _(
            "Des participants sont indiqués : le nombre de séances ne peut pas être 0."
        )
    return errors
