from functools import reduce
from operator import or_

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupPagePermission, Page, Task, TaskState


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


class PorteurInvitationQuerySet(models.QuerySet):
    def pending(self):
        """Invitations still usable: not accepted, not revoked, not expired."""
        return self.filter(
            accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
        )


class PorteurInvitation(models.Model):
    """A coordinator's invitation, sent by e-mail, for one person to reach one structure.

    The link carries a random token; only its SHA-256 is stored (`token_hash`), so a copy of
    the database opens nothing. The link serves once (`accepted_at`), until `expires_at`
    (`PORTEUR_INVITATION_DAYS` days), and never after the coordination withdrew it.
    """

    email = models.EmailField(_("adresse électronique"))
    structure = models.ForeignKey(
        "directory.StructurePage",
        on_delete=models.CASCADE,
        related_name="porteur_invitations",
        verbose_name=_("structure"),
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invité par"),
    )
    created_at = models.DateTimeField(_("envoyée le"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expire le"))
    accepted_at = models.DateTimeField(_("acceptée le"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("acceptée par"),
    )
    revoked_at = models.DateTimeField(_("retirée le"), null=True, blank=True)

    objects = PorteurInvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation porteur")
        verbose_name_plural = _("invitations porteurs")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} — {self.structure}"


class CoordinationApprovalTask(Task):
    """The step « Validation par la coordination »: approved (published) or sent back by the
    coordination of the page's own département (someone who may publish the page), or by a
    national administrator. Nobody else sees it in their queue, nor its actions."""

    admin_form_fields = Task.admin_form_fields

    class Meta:
        verbose_name = _("validation par la coordination du département")
        verbose_name_plural = _("validations par la coordination du département")

    @staticmethod
    def may_moderate(obj, user):
        if not user.is_authenticated or not user.is_active:
            return False
        if user.is_superuser:
            return True
        page = obj.specific if isinstance(obj, Page) else None
        return page is not None and page.permissions_for_user(user).can_publish()

    def user_can_access_editor(self, obj, user):
        return self.may_moderate(obj, user)

    def locked_for_user(self, obj, user):
        return not self.may_moderate(obj, user)

    def get_actions(self, obj, user):
        if self.may_moderate(obj, user):
            return [
                ("reject", _("Demander des modifications"), True),
                ("approve", _("Valider et publier"), False),
                ("approve", _("Valider avec un commentaire"), True),
            ]
        return []

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser:
            return states
        sections = GroupPagePermission.objects.filter(
            group__user=user, permission__codename="publish_page"
        ).values_list("page__path", flat=True)
        if not sections:
            return states.none()
        pages = Page.objects.filter(
            reduce(or_, (Q(path__startswith=path) for path in sections))
        ).annotate(key=Cast("pk", models.CharField()))
        return states.filter(
            workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
            workflow_state__object_id__in=pages.values("key"),
        )

    @classmethod
    def get_description(cls):
        return _(
            "La coordination du département de la page (qui peut la publier) valide ou demande "
            "des modifications."
        )


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


# The call for projects and the bilans live in modules of their own.
from .bilans import ActionBilan  # noqa: E402, F401
from .calls import (  # noqa: E402, F401
    CallDocument,
    CallForProjects,
    CallQuestion,
    Dossier,
    DossierAttachment,
    DossierEvent,
)
