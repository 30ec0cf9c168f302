from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PorteurAccessQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True, user__is_active=True)


class PorteurAccess(models.Model):
    """One person's access, in the porteurs' space, to the records of one structure.

    A structure may have several people; a person may work for several structures. The
    coordination revokes an access by dating it (`revoked_at`): the row stays, as the history of
    who could change the records.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="porteur_accesses",
        verbose_name=_("personne"),
    )
    structure = models.ForeignKey(
        "directory.StructurePage",
        on_delete=models.CASCADE,
        related_name="porteur_accesses",
        verbose_name=_("structure"),
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("accordé par"),
    )
    granted_at = models.DateTimeField(_("accordé le"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("retiré le"), null=True, blank=True)

    objects = PorteurAccessQuerySet.as_manager()

    class Meta:
        verbose_name = _("accès porteur")
        verbose_name_plural = _("accès porteurs")
        constraints = [
            models.UniqueConstraint(fields=["user", "structure"], name="one_access_per_structure")
        ]

    def __str__(self):
        return f"{self.user} — {self.structure}"


class ReviewReminder(models.Model):
    """A record's review reminder, sent once for each due date: the daily task skips the records
    that already have one for their current due date."""

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("fiche")
    )
    due_on = models.DateField(_("à vérifier le"))
    recipients = models.JSONField(_("destinataires"), default=list)
    sent_at = models.DateTimeField(_("envoyé le"), auto_now_add=True)

    class Meta:
        verbose_name = _("rappel de vérification")
        verbose_name_plural = _("rappels de vérification")
        constraints = [
            models.UniqueConstraint(fields=["page", "due_on"], name="one_reminder_per_due_date")
        ]

    def __str__(self):
        return f"{self.page} — {self.due_on}"


class UpdateCampaign(models.Model):
    """The yearly update campaign of a département: every record's porteurs are asked to confirm
    it or change it; the coordination follows the answers and reminds those who gave none."""

    section = models.ForeignKey(
        "hub.DepartementPage",
        on_delete=models.CASCADE,
        related_name="update_campaigns",
        verbose_name=_("département"),
    )
    year = models.PositiveSmallIntegerField(_("année"))
    launched_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("lancée par"),
    )
    launched_at = models.DateTimeField(_("lancée le"), auto_now_add=True)

    class Meta:
        verbose_name = _("campagne de mise à jour")
        verbose_name_plural = _("campagnes de mise à jour")
        ordering = ["-year", "section__title"]
        constraints = [
            models.UniqueConstraint(fields=["section", "year"], name="one_campaign_per_year")
        ]

    def __str__(self):
        return f"{self.section} {self.year}"


class CampaignRecord(models.Model):
    """One record in a campaign: to whom it was sent, whether it was confirmed, and reminded.

    Whether it was changed is read from the page's revisions (see `porteurs.campaigns`)."""

    campaign = models.ForeignKey(
        UpdateCampaign, on_delete=models.CASCADE, related_name="records", verbose_name=_("campagne")
    )
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("fiche")
    )
    structure = models.ForeignKey(
        "directory.StructurePage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("structure"),
    )
    recipients = models.JSONField(_("destinataires"), default=list)
    sent_at = models.DateTimeField(_("envoyée le"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmée le"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("relancée le"), null=True, blank=True)
    reminder_count = models.PositiveSmallIntegerField(_("relances"), default=0)

    class Meta:
        verbose_name = _("fiche de la campagne")
        verbose_name_plural = _("fiches de la campagne")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "page"], name="one_row_per_campaign_page")
        ]

    def __str__(self):
        return f"{self.campaign} — {self.page}"
