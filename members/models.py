"""Members of a département: professionals and Promeneurs du Net who see what the coordination
keeps to them (pages, events and resources restricted to the département's members group)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    PROFESSIONAL = "professionnel", _("Professionnel·le")
    PROMENEUR = "promeneur", _("Promeneur du Net")


class Status(models.TextChoices):
    REQUESTED = "demandee", _("Demande à examiner")
    INVITED = "invitee", _("Invitation envoyée")
    ACTIVE = "active", _("Membre")
    REFUSED = "refusee", _("Demande refusée")
    REVOKED = "retiree", _("Accès retiré")


class MembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Status.ACTIVE, user__isnull=False, user__is_active=True)


class Membership(models.Model):
    """One person's membership of one département: requested by them or offered by the
    coordination, then active until revoked. The person is in the département's members group
    (`MembersGroup`) exactly while the membership is active.

    `feed_secret_hash` is the SHA-256 of the secret of their private calendar address: renewing
    it replaces the hash, so the old address stops at once.
    """

    departement = models.ForeignKey(
        "territories.Departement",
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("département"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("compte"),
    )
    email = models.EmailField(_("adresse électronique"))
    first_name = models.CharField(_("prénom"), max_length=150)
    last_name = models.CharField(_("nom"), max_length=150)
    structure = models.CharField(_("structure"), max_length=200)
    role = models.CharField(_("rôle"), max_length=20, choices=Role.choices)
    purpose = models.TextField(_("motif de la demande"), blank=True)
    status = models.CharField(_("statut"), max_length=20, choices=Status.choices)
    created_at = models.DateTimeField(_("créée le"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("décidée par"),
    )
    decided_at = models.DateTimeField(_("décidée le"), null=True, blank=True)
    feed_secret_hash = models.CharField(max_length=64, blank=True, default="", editable=False)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membre")
        verbose_name_plural = _("membres")
        ordering = ["last_name", "first_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["feed_secret_hash"],
                condition=~models.Q(feed_secret_hash=""),
                name="members_unique_feed_secret",
            )
        ]

    def __str__(self):
        return f"{self.first_name} {self.last_name} ({self.departement})"


class MembersGroup(models.Model):
    """The Django group of a département's members: the group page restrictions name."""

    departement = models.OneToOneField(
        "territories.Departement", on_delete=models.CASCADE, related_name="members_group"
    )
    group = models.OneToOneField("auth.Group", on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("groupe des membres")

    def __str__(self):
        return self.group.name


class MemberInvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(
            accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
        )


class MemberInvitation(models.Model):
    """The link that lets a member choose their password (an invitation, or an approved
    request). As for porteurs: only the token's SHA-256 is stored; it serves once, until it
    expires, never after it was withdrawn."""

    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="invitations")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = MemberInvitationQuerySet.as_manager()

    def __str__(self):
        return self.membership.email

    @property
    def email(self):
        return self.membership.email
