"""The yearly call for projects (appel à projets) of a département, and the porteurs' dossiers.

A coordination publishes one call a year for its section: opening and deadline (Europe/Paris),
documents, criteria, and the dossier's own questions (`CallQuestion`), which it adjusts each year.
A porteur fills a dossier for one of their structures: the action it funds (fixed fields, which a
retained dossier copies into the directory, see `porteurs.directory_sync`) and the answers to the
call's questions. Statuses: brouillon (the porteur's alone) → déposé → en instruction → retenu |
refusé; every change is kept as a `DossierEvent`, with the comment sent to the porteur.
"""

import datetime
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from directory import choices
from hub.dates import format_datetime
from hub.fields import MultipleChoiceField
from hub.taxonomies import Theme
from hub.uploads import validate_upload


def private_storage():
    """Dossier attachments and call documents: outside MEDIA_ROOT, served only by the views that
    check who asks (`PORTEURS_FILES_ROOT`)."""
    return FileSystemStorage(location=settings.PORTEURS_FILES_ROOT)


class CallForProjects(models.Model):
    """One département's call for projects for a year."""

    section = models.ForeignKey(
        "hub.DepartementPage",
        on_delete=models.CASCADE,
        related_name="calls_for_projects",
        verbose_name=_("département"),
    )
    year = models.PositiveSmallIntegerField(
        _("année des actions"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    title = models.CharField(_("titre"), max_length=200)
    introduction = models.TextField(_("présentation"), blank=True)
    criteria = models.TextField(
        _("critères"), blank=True, help_text=_("Un critère par ligne : ils sont listés tels quels.")
    )
    opens_at = models.DateTimeField(_("ouverture des dépôts"))
    closes_at = models.DateTimeField(_("date limite de dépôt"))
    published = models.BooleanField(
        _("publié"), default=False, help_text=_("Visible des porteurs dans leur espace.")
    )
    bilan_reminder_round = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("appel à projets")
        verbose_name_plural = _("appels à projets")
        ordering = ["-year", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["section", "year"], name="one_call_per_year")
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError(
                {"closes_at": _("La date limite doit suivre l'ouverture des dépôts.")}
            )

    def is_open(self, at=None):
        """True while dossiers may be submitted: from `opens_at` up to `closes_at` included."""
        at = at or timezone.now()
        return self.published and self.opens_at <= at <= self.closes_at

    def criteria_list(self):
        return [line.strip() for line in self.criteria.splitlines() if line.strip()]

    def deadline_text(self):
        """« 31 mars 2027 à 23 h 59 », in Paris time."""
        return format_datetime(self.closes_at)

    def copy_for(self, year):
        """A new unpublished call for `year` with this one's texts, criteria and questions, its
        dates moved by the same number of years."""
        shift = year - self.year
        copy = CallForProjects.objects.create(
            section=self.section,
            year=year,
            title=self.title.replace(str(self.year), str(year)),
            introduction=self.introduction,
            criteria=self.criteria,
            opens_at=_shift_years(self.opens_at, shift),
            closes_at=_shift_years(self.closes_at, shift),
        )
        CallQuestion.objects.bulk_create(
            CallQuestion(
                call=copy,
                position=question.position,
                label=question.label,
                help_text=question.help_text,
                kind=question.kind,
                choices=question.choices,
                required=question.required,
            )
            for question in self.questions.all()
        )
        return copy


def _shift_years(moment, years):
    """The same Paris wall-clock time `years` later (29 February becomes 28)."""
    local = timezone.localtime(moment)
    try:
        shifted = local.replace(year=local.year + years, tzinfo=None)
    except ValueError:
        shifted = local.replace(year=local.year + years, day=28, tzinfo=None)
    return timezone.make_aware(shifted)


class QuestionKind(models.TextChoices):
    TEXT = "text", _("Texte court")
    LONG_TEXT = "long_text", _("Texte long")
    NUMBER = "number", _("Nombre")
    CHOICE = "choice", _("Choix dans une liste")
    DATE = "date", _("Date")


class CallQuestion(models.Model):
    """A question of the call's dossier, as the coordination wrote it this year."""

    call = models.ForeignKey(CallForProjects, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)
    label = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("aide"), max_length=500, blank=True)
    kind = models.CharField(
        _("type de réponse"), max_length=20, choices=QuestionKind, default=QuestionKind.TEXT
    )
    choices = models.TextField(
        _("choix possibles"), blank=True, help_text=_("Un choix par ligne (type « Choix »).")
    )
    required = models.BooleanField(_("obligatoire"), default=False)

    class Meta:
        verbose_name = _("question du dossier")
        verbose_name_plural = _("questions du dossier")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.label

    def clean(self):
        if self.kind == QuestionKind.CHOICE and len(self.choice_list()) < 2:
            raise ValidationError({"choices": _("Indiquez au moins deux choix, un par ligne.")})

    def choice_list(self):
        return [line.strip() for line in self.choices.splitlines() if line.strip()]

    def display(self, value):
        """An answer as the export and the instruction screen show it."""
        if value in (None, ""):
            return ""
        if self.kind == QuestionKind.DATE:
            try:
                return formats.date_format(datetime.date.fromisoformat(value), "d/m/Y")
            except (TypeError, ValueError):
                return str(value)
        if self.kind == QuestionKind.NUMBER:
            try:
                return Decimal(value)
            except (InvalidOperation, TypeError):
                return str(value)
        return str(value)


class DossierStatus(models.TextChoices):
    BROUILLON = "brouillon", _("Brouillon")
    DEPOSE = "depose", _("Déposé")
    INSTRUCTION = "instruction", _("En instruction")
    RETENU = "retenu", _("Retenu")
    REFUSE = "refuse", _("Refusé")


# Who moves a dossier from one status to the next: the porteur submits, the coordination
# instructs, then decides. A decision may be reopened (back to « en instruction »).
COORDINATION_TRANSITIONS = {
    DossierStatus.DEPOSE: [DossierStatus.INSTRUCTION],
    DossierStatus.INSTRUCTION: [DossierStatus.RETENU, DossierStatus.REFUSE],
    DossierStatus.RETENU: [DossierStatus.INSTRUCTION],
    DossierStatus.REFUSE: [DossierStatus.INSTRUCTION],
}


class DossierQuerySet(models.QuerySet):
    def submitted(self):
        """What the coordination sees: every dossier but the porteurs' drafts."""
        return self.exclude(status=DossierStatus.BROUILLON)


class Dossier(models.Model):
    """A structure's application to a call, for one action."""

    call = models.ForeignKey(CallForProjects, on_delete=models.PROTECT, related_name="dossiers")
    structure = models.ForeignKey(
        "directory.StructurePage",
        on_delete=models.PROTECT,
        related_name="dossiers",
        verbose_name=_("structure"),
    )
    status = models.CharField(
        _("statut"), max_length=20, choices=DossierStatus, default=DossierStatus.BROUILLON
    )
    renewed_action = models.ForeignKey(
        "directory.ActionPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("action renouvelée"),
        help_text=_("Vide : une nouvelle action."),
    )
    action = models.ForeignKey(
        "directory.ActionPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="funding_dossiers",
        verbose_name=_("action de l'annuaire"),
    )
    action_title = models.CharField(_("titre de l'action"), max_length=255, blank=True)
    action_type = models.CharField(
        _("type d'action"), max_length=40, choices=choices.ActionType, blank=True
    )
    description = models.TextField(_("présentation de l'action"), blank=True)
    themes = MultipleChoiceField(_("thèmes"), choices=Theme.choices)
    publics = MultipleChoiceField(_("publics particuliers"), choices=choices.Public.choices)
    age_min = models.PositiveSmallIntegerField(
        _("âge minimum des enfants"), null=True, blank=True, validators=[MaxValueValidator(21)]
    )
    age_max = models.PositiveSmallIntegerField(
        _("âge maximum des enfants"), null=True, blank=True, validators=[MaxValueValidator(21)]
    )
    commune = models.ForeignKey(
        "territories.Commune",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("commune"),
    )
    amount_requested = models.DecimalField(
        _("montant demandé (€)"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    total_budget = models.DecimalField(
        _("budget total de l'action (€)"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    answers = models.JSONField(_("réponses"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(_("déposé le"), null=True, blank=True)
    decided_at = models.DateTimeField(_("décidé le"), null=True, blank=True)

    objects = DossierQuerySet.as_manager()

    # Filled before « Déposer » (the directory needs them to create the action).
    REQUIRED_TO_SUBMIT = ("action_title", "action_type", "description", "commune", "themes")

    class Meta:
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")
        ordering = ["call", "pk"]

    def __str__(self):
        return f"{self.reference} – {self.action_title or self.structure.title}"

    @property
    def reference(self):
        return f"{self.call.year}-{self.pk:04d}"

    @property
    def is_draft(self):
        return self.status == DossierStatus.BROUILLON

    def clean(self):
        if self.age_min is not None and self.age_max is not None and self.age_min > self.age_max:
            raise ValidationError(
                {"age_max": _("L'âge maximum doit être supérieur ou égal à l'âge minimum.")}
            )
        if (
            self.amount_requested is not None
            and self.total_budget is not None
            and self.amount_requested > self.total_budget
        ):
            raise ValidationError(
                {
                    "amount_requested": _(
                        "Le montant demandé ne peut pas dépasser le budget total de l'action."
                    )
                }
            )

    def coordination_transitions(self):
        return COORDINATION_TRANSITIONS.get(self.status, [])

    def theme_labels(self):
        return self._meta.get_field("themes").get_choices_labels(self.themes)

    def public_labels(self):
        return self._meta.get_field("publics").get_choices_labels(self.publics)


class DossierAttachment(models.Model):
    """A file joined to a dossier (budget, statutes…), checked by the upload gate."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(
        _("fichier"),
        upload_to="dossiers/%Y/",
        storage=private_storage,
        validators=[validate_upload],
        max_length=255,
    )
    title = models.CharField(_("intitulé"), max_length=200)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("pièce jointe")
        verbose_name_plural = _("pièces jointes")
        ordering = ["pk"]

    def __str__(self):
        return self.title


class CallDocument(models.Model):
    """A document of the call (rules, budget template…), offered to the porteurs."""

    call = models.ForeignKey(CallForProjects, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("intitulé"), max_length=200)
    file = models.FileField(
        _("fichier"),
        upload_to="appels/%Y/",
        storage=private_storage,
        validators=[validate_upload],
        max_length=255,
    )

    class Meta:
        verbose_name = _("document de l'appel")
        verbose_name_plural = _("documents de l'appel")
        ordering = ["pk"]

    def __str__(self):
        return self.title


class DossierEvent(models.Model):
    """A step of a dossier's life: who moved it to which status, when, with what comment."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="events")
    status = models.CharField(_("statut"), max_length=20, choices=DossierStatus)
    comment = models.TextField(_("commentaire"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.dossier} – {self.get_status_display()}"
