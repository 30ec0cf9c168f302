"""Member accounts: invitations and requests, approval, revocation, the private feed secret.

Tokens are those of the porteurs' invitations (`porteurs.invitations`): 256 random bits in the
link, only their SHA-256 stored, one use, an expiry.
"""

import secrets
from datetime import timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from hub import mail
from porteurs.invitations import InvitationRefused, token_hash, usable_invitation, validity_days

from .access import members_group
from .models import MemberInvitation, Membership, Status


def _send_link(membership, sent_by, template):
    token = secrets.token_urlsafe(32)
    invitation = MemberInvitation.objects.create(
        membership=membership,
        token_hash=token_hash(token),
        invited_by=sent_by,
        expires_at=timezone.now() + timedelta(days=validity_days()),
    )
    mail.send(
        template,
        {
            "membership": membership,
            "link": mail.absolute_url(reverse("members:invitation", kwargs={"token": token})),
            "days": validity_days(),
        },
        to=membership.email,
        key=f"member-invitation:{invitation.pk}",
    )
    return invitation


@transaction.atomic
def invite(departement, invited_by, **fields):
    """The coordination offers a membership; the person gets a link to choose a password."""
    fields["email"] = fields["email"].strip().lower()
    membership = Membership.objects.create(
        departement=departement,
        status=Status.INVITED,
        decided_by=invited_by,
        decided_at=timezone.now(),
        **fields,
    )
    _send_link(membership, invited_by, "members/email/invitation")
    return membership


def request_membership(departement, **fields):
    """A visitor asks to become a member; the coordination decides."""
    fields["email"] = fields["email"].strip().lower()
    return Membership.objects.create(departement=departement, status=Status.REQUESTED, **fields)


@transaction.atomic
def approve(membership, approved_by):
    """Accept a request: the person gets a link to choose a password."""
    Membership.objects.filter(pk=membership.pk).update(
        status=Status.INVITED, decided_by=approved_by, decided_at=timezone.now()
    )
    membership.refresh_from_db()
    _send_link(membership, approved_by, "members/email/approved")


def refuse(membership, refused_by):
    Membership.objects.filter(pk=membership.pk, status=Status.REQUESTED).update(
        status=Status.REFUSED, decided_by=refused_by, decided_at=timezone.now()
    )


def usable(token):
    """The invitation of `token` if its link still opens the space; InvitationRefused else."""
    invitation = usable_invitation(
        token, MemberInvitation.objects.select_related("membership__departement")
    )
    if invitation.membership.status != Status.INVITED:
        raise InvitationRefused(_("Cette invitation a été retirée par la coordination."))
    return invitation


@transaction.atomic
def accept(invitation, user):
    """`user` becomes a member of the invitation's département; the link serves no more."""
    invitation = MemberInvitation.objects.select_for_update().get(pk=invitation.pk)
    membership = Membership.objects.select_for_update().get(pk=invitation.membership_id)
    if invitation.accepted_at or invitation.revoked_at or membership.status != Status.INVITED:
        raise InvitationRefused(_("Ce lien d'invitation a déjà servi ou a été retiré."))
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    membership.user = user
    membership.status = Status.ACTIVE
    membership.save(update_fields=["user", "status"])
    user.groups.add(members_group(membership.departement))
    return membership


@transaction.atomic
def revoke(membership, revoked_by):
    """End the membership at once: out of the group, links withdrawn, feed address dead."""
    now = timezone.now()
    Membership.objects.filter(pk=membership.pk).update(
        status=Status.REVOKED, decided_by=revoked_by, decided_at=now, feed_secret_hash=""
    )
    MemberInvitation.objects.filter(
        membership=membership, accepted_at__isnull=True, revoked_at__isnull=True
    ).update(revoked_at=now)
    if membership.user_id:
        membership.user.groups.remove(members_group(membership.departement))


def renew_feed_secret(membership):
    """A new secret for the member's private calendar address; the previous one stops now.
    Returns the secret (only its hash is kept)."""
    secret = secrets.token_urlsafe(24)
    Membership.objects.filter(pk=membership.pk).update(feed_secret_hash=token_hash(secret))
    return secret


def membership_of_feed(secret):
    """The active membership whose private feed address carries `secret`, or None."""
    return (
        Membership.objects.active()
        .filter(feed_secret_hash=token_hash(secret or ""))
        .select_related("departement")
        .first()
    )
