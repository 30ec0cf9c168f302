"""The coordination's screen of member accounts (Wagtail admin), scoped to its département(s):
requests to examine, invitations, members; invite, approve, refuse, revoke."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from hub.scoping import own_sections
from territories.models import Departement

from . import accounts
from .forms import InviteForm
from .models import Membership, Status


def own_departements(user):
    """The départements whose members `user` manages (all of them for a superuser)."""
    if user.is_superuser:
        return Departement.objects.filter(section__isnull=False).order_by("code")
    return Departement.objects.filter(section__in=own_sections(user)).order_by("code")


class AdminInviteForm(InviteForm):
    departement = forms.ModelChoiceField(
        label=gettext_lazy("Département"), queryset=Departement.objects.none()
    )

    class Meta(InviteForm.Meta):
        fields = ["departement", *InviteForm.Meta.fields]

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["departement"].queryset = own_departements(user)


def member_accounts(request):
    form = AdminInviteForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        membership = accounts.invite(data.pop("departement"), request.user, **data)
        messages.success(
            request, _("Invitation envoyée à %(email)s.") % {"email": membership.email}
        )
        return redirect("members_admin")
    memberships = (
        Membership.objects.filter(departement__in=own_departements(request.user))
        .select_related("departement", "user")
        .order_by("departement__code", "last_name", "first_name")
    )
    by_status = {status: [] for status in Status}
    for membership in memberships:
        by_status[membership.status].append(membership)
    return render(
        request,
        "members/admin/accounts.html",
        {
            "page_title": _("Espace des membres : comptes"),
            "form": form,
            "requests": by_status[Status.REQUESTED],
            "invited": by_status[Status.INVITED],
            "members": by_status[Status.ACTIVE],
        },
        status=400 if form.is_bound else 200,
    )


def _own_membership(request, membership_id):
    membership = get_object_or_404(Membership.objects.select_related("user"), pk=membership_id)
    if not own_departements(request.user).filter(pk=membership.departement_id).exists():
        raise PermissionDenied
    return membership


def _refused(request, message):
    messages.error(request, message)
    return redirect("members_admin")


@require_POST
def approve(request, membership_id):
    membership = _own_membership(request, membership_id)
    if membership.status != Status.REQUESTED:
        return _refused(request, _("Cette demande a déjà été traitée."))
    accounts.approve(membership, request.user)
    messages.success(
        request,
        _("Demande acceptée : %(email)s va choisir son mot de passe.")
        % {"email": membership.email},
    )
    return redirect("members_admin")


@require_POST
def refuse(request, membership_id):
    membership = _own_membership(request, membership_id)
    if membership.status != Status.REQUESTED:
        return _refused(request, _("Cette demande a déjà été traitée."))
    accounts.refuse(membership, request.user)
    messages.success(request, _("Demande refusée."))
    return redirect("members_admin")


@require_POST
def revoke(request, membership_id):
    membership = _own_membership(request, membership_id)
    if membership.status not in (Status.ACTIVE, Status.INVITED):
        return _refused(request, _("Cette personne n'a pas d'accès à retirer."))
    accounts.revoke(membership, request.user)
    messages.success(request, _("Accès retiré."))
    return redirect("members_admin")
