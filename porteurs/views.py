"""The porteurs' space: a person's structures and their records, edited and submitted to the
coordination; accepting an invitation."""

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from . import invitations, moderation
from .access import RECORD_TYPES, porteur_required, record_for, structures_for
from .forms import AcceptInvitationForm, record_form


@porteur_required
def home(request):
    """The person's structures, each with its actions, lieux ressources and Promeneurs du Net."""
    structures = list(structures_for(request.user).order_by("title"))
    records = {structure.pk: [] for structure in structures}
    for model in RECORD_TYPES:
        for record in model.objects.filter(structure__in=structures).order_by("title"):
            records[record.structure_id].append(record)
    groups = [
        {
            "structure": structure,
            "records": sorted(records[structure.pk], key=lambda record: record.title.lower()),
        }
        for structure in structures
    ]
    return render(request, "porteurs/home.html", {"groups": groups})


@porteur_required
def record(request, page_id):
    """One record of the person's structures: its state, and the form of its pending version
    (or of the live one); sending it submits the change to the coordination."""
    page = record_for(request.user, page_id)
    version = moderation.editable_version(page)
    form = record_form(version, request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            moderation.submit(form.save(), request.user)
            messages.success(
                request,
                _(
                    "Modification envoyée à la coordination : elle sera publiée après "
                    "validation. Vous pouvez encore la compléter en attendant."
                ),
            )
            return redirect("porteurs:record", page_id=page.pk)
        status = 400
    return render(
        request,
        "porteurs/record.html",
        {"record": page, "form": form, "state": moderation.state_of(page)},
        status=status,
    )


@never_cache
def invitation(request, token):
    return answer_invitation(
        request,
        token,
        usable=invitations.usable_invitation,
        accept=invitations.accept,
        space="porteurs",
        welcome=_("Bienvenue dans l'espace porteurs."),
    )


def answer_invitation(request, token, *, usable, accept, space, welcome):
    """The link of an invitation: a new person chooses a password and lands in the space; a
    person who already has an account signs in first and accepts.

    `space` names the templates' folder and the URL namespace ("porteurs", or "members" for
    the members' space, whose invitations have their own `usable` and `accept`)."""
    try:
        invite = usable(token)
    except invitations.InvitationRefused as refusal:
        return render(
            request, f"{space}/invitation_refused.html", {"message": str(refusal)}, status=400
        )
    User = get_user_model()
    existing = (
        User.objects.filter(email__iexact=invite.email).first()
        or User.objects.filter(username__iexact=invite.email).first()
    )
    if existing is not None:
        if not request.user.is_authenticated or request.user.pk != existing.pk:
            return redirect_to_login(request.get_full_path(), reverse(f"{space}:login"))
        if request.method == "POST":
            accept(invite, request.user)
            return redirect(f"{space}:home")
        return render(request, f"{space}/invitation_existing.html", {"invitation": invite})
    form = AcceptInvitationForm(invite.email, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        accept(invite, user)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, welcome)
        return redirect(f"{space}:home")
    return render(
        request,
        f"{space}/invitation.html",
        {"invitation": invite, "form": form},
        status=400 if form.is_bound else 200,
    )
