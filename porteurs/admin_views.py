"""The coordination's screen of porteur accounts (Wagtail admin): who has access to which
structure of its département, invitations pending, invite, revoke."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from directory.models import StructurePage
from hub.scoping import other_sections_excluded

from . import invitations
from .models import PorteurAccess, PorteurInvitation


def own_structures(user):
    """The structures whose porteurs `user` manages: those of their département(s)."""
    return other_sections_excluded(StructurePage.objects.all(), user).order_by("title")


class InviteForm(forms.Form):
    structure = forms.ModelChoiceField(
        label=gettext_lazy("Structure"), queryset=StructurePage.objects.none()
    )
    email = forms.EmailField(label=gettext_lazy("Adresse électronique de la personne"))

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["structure"].queryset = own_structures(user)


def porteur_accounts(request):
    form = InviteForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        invitation = invitations.invite(
            form.cleaned_data["structure"], form.cleaned_data["email"], request.user
        )
        messages.success(
            request,
            _("Invitation envoyée à %(email)s pour « %(structure)s ».")
            % {"email": invitation.email, "structure": invitation.structure.title},
        )
        return redirect("porteurs_admin")
    structures = own_structures(request.user)
    accesses = (
        PorteurAccess.objects.active()
        .filter(structure__in=structures)
        .select_related("user", "structure")
        .order_by("structure__title", "user__last_name")
    )
    pending = (
        PorteurInvitation.objects.pending()
        .filter(structure__in=structures)
        .select_related("structure", "invited_by")
    )
    return render(
        request,
        "porteurs/admin/accounts.html",
        {
            "page_title": _("Espace porteurs : comptes"),
            "form": form,
            "accesses": accesses,
            "pending": pending,
            "days": invitations.validity_days(),
        },
        status=400 if form.is_bound else 200,
    )


def _check_scope(user, structure_id):
    if not own_structures(user).filter(pk=structure_id).exists():
        raise PermissionDenied


@require_POST
def revoke_access(request, access_id):
    access = get_object_or_404(PorteurAccess.objects.select_related("user"), pk=access_id)
    _check_scope(request.user, access.structure_id)
    invitations.revoke(access)
    messages.success(request, _("Accès retiré."))
    return redirect("porteurs_admin")


@require_POST
def withdraw_invitation(request, invitation_id):
    invitation = get_object_or_404(PorteurInvitation, pk=invitation_id)
    _check_scope(request.user, invitation.structure_id)
    invitations.withdraw(invitation)
    messages.success(request, _("Invitation retirée."))
    return redirect("porteurs_admin")
