"""The call for projects in the porteurs' space: the open calls of the départements of the
person's structures, their dossiers (draft saved any time, « Déposer » before the deadline) and
attachments. A dossier is reached only through `dossier_for` (404 for anyone else's)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from hub.models import DepartementPage

from . import instruction, space
from .access import porteur_required, structures_for
from .call_admin_views import serve_file
from .calls import CallForProjects, Dossier
from .dossier_forms import AttachmentForm, DossierForm


def sections_of(structures):
    return [
        section
        for section in DepartementPage.objects.all()
        if any(structure.path.startswith(section.path) for structure in structures)
    ]


def calls_for(user):
    """The published calls of the départements where `user`'s structures are."""
    sections = sections_of(list(structures_for(user)))
    return CallForProjects.objects.filter(section__in=sections, published=True).select_related(
        "section__departement"
    )


def dossier_for(user, dossier_pk):
    """The dossier `dossier_pk` of one of `user`'s structures; 404 otherwise."""
    return get_object_or_404(
        Dossier.objects.select_related("call__section__departement", "structure"),
        pk=dossier_pk,
        structure__in=structures_for(user),
    )


@porteur_required
def calls(request):
    structures = list(structures_for(request.user).order_by("title"))
    dossiers = (
        Dossier.objects.filter(structure__in=structures)
        .select_related("call", "structure")
        .order_by("-call__year", "pk")
    )
    return render(
        request,
        "porteurs/calls.html",
        {
            "calls": calls_for(request.user).prefetch_related("documents"),
            "structures": structures,
            "dossiers": dossiers,
            "now": timezone.now(),
        },
    )


@porteur_required
def call_document(request, call_pk, document_pk):
    call = get_object_or_404(calls_for(request.user), pk=call_pk)
    return serve_file(get_object_or_404(call.documents, pk=document_pk).file)


@porteur_required
@require_POST
def dossier_create(request, call_pk):
    call = get_object_or_404(calls_for(request.user), pk=call_pk)
    structure = structures_for(request.user).filter(pk=request.POST.get("structure")).first()
    if structure is None or not structure.path.startswith(call.section.path):
        messages.error(request, _("Choisissez une de vos structures de ce département."))
        return redirect("porteurs:calls")
    if not call.is_open():
        messages.error(request, _("Cet appel à projets n'est pas ouvert aux dépôts."))
        return redirect("porteurs:calls")
    dossier = Dossier.objects.create(call=call, structure=structure, created_by=request.user)
    return redirect("porteurs:dossier", dossier.pk)


@porteur_required
@require_http_methods(["GET", "POST"])
def dossier(request, dossier_pk):
    dossier = dossier_for(request.user, dossier_pk)
    call = dossier.call
    editable = dossier.is_draft
    form = DossierForm(
        request.POST if request.method == "POST" and editable else None,
        instance=dossier,
        call=call,
        structure=dossier.structure,
    )
    status = 200
    if request.method == "POST":
        if not editable:
            messages.error(request, _("Ce dossier a été déposé : il ne se modifie plus."))
            return redirect("porteurs:dossier", dossier.pk)
        if form.is_valid():
            with transaction.atomic():
                form.save()
                if "deposer" not in request.POST:
                    messages.success(request, _("Brouillon enregistré."))
                    return redirect("porteurs:dossier", dossier.pk)
                try:
                    instruction.submit(dossier, request.user)
                except ValidationError as error:
                    for field, errors in error.message_dict.items():
                        form.add_error(None if field == "__all__" else field, errors)
                else:
                    messages.success(
                        request,
                        _("Dossier %(reference)s déposé. La coordination va l'instruire.")
                        % {"reference": dossier.reference},
                    )
                    return redirect("porteurs:dossier", dossier.pk)
        status = 400
    return render(
        request,
        "porteurs/dossier.html",
        {
            "dossier": dossier,
            "call": call,
            "form": form,
            "editable": editable,
            "attachment_form": AttachmentForm(),
            "attachments": dossier.attachments.all(),
            "events": dossier.events.exclude(status="depose"),
        },
        status=status,
    )


@porteur_required
@require_POST
def attachment_add(request, dossier_pk):
    dossier = dossier_for(request.user, dossier_pk)
    if not dossier.is_draft:
        messages.error(request, _("Ce dossier a été déposé : il ne se modifie plus."))
        return redirect("porteurs:dossier", dossier.pk)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        form.instance.dossier = dossier
        form.instance.uploaded_by = request.user
        form.save()
        messages.success(request, _("Pièce jointe ajoutée."))
        return redirect("porteurs:dossier", dossier.pk)
    return render(
        request,
        "porteurs/dossier.html",
        {
            "dossier": dossier,
            "call": dossier.call,
            "form": DossierForm(instance=dossier, call=dossier.call, structure=dossier.structure),
            "editable": True,
            "attachment_form": form,
            "attachments": dossier.attachments.all(),
        },
        status=400,
    )


@porteur_required
def attachment(request, dossier_pk, attachment_pk):
    dossier = dossier_for(request.user, dossier_pk)
    return serve_file(get_object_or_404(dossier.attachments, pk=attachment_pk).file)


@porteur_required
@require_POST
def attachment_delete(request, dossier_pk, attachment_pk):
    dossier = dossier_for(request.user, dossier_pk)
    if dossier.is_draft:
        get_object_or_404(dossier.attachments, pk=attachment_pk).delete()
        messages.success(request, _("Pièce jointe retirée."))
    return redirect("porteurs:dossier", dossier.pk)


space.register(
    space.Section(label=gettext_lazy("Appel à projets"), url_name="porteurs:calls", order=30),
    urls=[
        path("appels-a-projets/", calls, name="calls"),
        path(
            "appels-a-projets/<int:call_pk>/documents/<int:document_pk>/",
            call_document,
            name="call_document",
        ),
        path("appels-a-projets/<int:call_pk>/nouveau/", dossier_create, name="dossier_create"),
        path("dossiers/<int:dossier_pk>/", dossier, name="dossier"),
        path("dossiers/<int:dossier_pk>/pieces/", attachment_add, name="attachment_add"),
        path(
            "dossiers/<int:dossier_pk>/pieces/<int:attachment_pk>/",
            attachment,
            name="attachment",
        ),
        path(
            "dossiers/<int:dossier_pk>/pieces/<int:attachment_pk>/retirer/",
            attachment_delete,
            name="attachment_delete",
        ),
    ],
)
