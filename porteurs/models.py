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
