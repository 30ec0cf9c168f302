"""Inviting a structure's contact to the porteurs' space, accepting, and revoking access."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.users.models import UserProfile

from hub import mail

from .models import PorteurAccess, PorteurInvitation


def validity_days():
    return getattr(settings, "PORTEUR_INVITATION_DAYS", 14)


def token_hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def invite(structure, email, invited_by):
    """Create an invitation for `email` to `structure` and e-mail its link (through the outbox)."""
    token = secrets.token_urlsafe(32)
    invitation = PorteurInvitation.objects.create(
        email=email.strip().lower(),
        structure=structure,
        token_hash=token_hash(token),
        invited_by=invited_by,
        expires_at=timezone.now() + timedelta(days=validity_days()),
    )
    link = mail.absolute_url(reverse("porteurs:invitation", kwargs={"token": token}))
    mail.send(
        "porteurs/email/invitation",
        {
            "invitation": invitation,
            "structure": structure,
            "link": link,
            "days": validity_days(),
            "inviter": invited_by.get_full_name() or invited_by.get_username(),
        },
        to=invitation.email,
        key=f"porteur-invitation:{invitation.pk}",
    )
    return invitation


class InvitationRefused(Exception):
    """Why a link no longer opens the space (the message is shown as is)."""


def usable_invitation(token, invitations=None):
    """The invitation of `token` if its link may still be used; InvitationRefused otherwise.

    `invitations` is the queryset to look in (porteurs' invitations by default; the members'
    space passes its own, whose rows have the same fields)."""
    if invitations is None:
        invitations = PorteurInvitation.objects.all()
    invitation = invitations.filter(token_hash=token_hash(token or "")).first()
    if invitation is None:
        raise InvitationRefused(_("Ce lien d'invitation n'est pas valable."))
    if invitation.accepted_at:
        raise InvitationRefused(
            _("Ce lien d'invitation a déjà servi. Connectez-vous avec votre mot de passe.")
        )
    if invitation.revoked_at:
        raise InvitationRefused(_("Cette invitation a été retirée par la coordination."))
    if invitation.expires_at <= timezone.now():
        raise InvitationRefused(
            _("Ce lien d'invitation a expiré. Demandez une nouvelle invitation à la coordination.")
        )
    return invitation


@transaction.atomic
def accept(invitation, user):
    """Give `user` access to the invitation's structure; the link serves no more."""
    invitation = PorteurInvitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at or invitation.revoked_at:
        raise InvitationRefused(_("Ce lien d'invitation a déjà servi ou a été retiré."))
    access, created = PorteurAccess.objects.get_or_create(
        user=user,
        structure=invitation.structure,
        defaults={"granted_by": invitation.invited_by},
    )
    if not created and access.revoked_at:
        access.revoked_at = None
        access.granted_by = invitation.invited_by
        access.save(update_fields=["revoked_at", "granted_by"])
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    # The space e-mails the porteur itself (porteurs/moderation.py); Wagtail's own
    # notifications point to the admin, which a porteur never enters.
    UserProfile.objects.update_or_create(
        user=user,
        defaults={
            "submitted_notifications": False,
            "approved_notifications": False,
            "rejected_notifications": False,
            "updated_comments_notifications": False,
        },
    )
    return access


@transaction.atomic
def revoke(access):
    """End `access` at once (the next request of that person is refused), and withdraw the
    unused invitations to the same structure for the same address."""
    now = timezone.now()
    PorteurAccess.objects.filter(pk=access.pk, revoked_at__isnull=True).update(revoked_at=now)
    PorteurInvitation.objects.filter(
        structure=access.structure_id,
        email__iexact=access.user.email,
        accepted_at__isnull=True,
        revoked_at__isnull=True,
    ).update(revoked_at=now)


def withdraw(invitation):
    PorteurInvitation.objects.filter(
        pk=invitation.pk, accepted_at__isnull=True, revoked_at__isnull=True
    ).update(revoked_at=timezone.now())
