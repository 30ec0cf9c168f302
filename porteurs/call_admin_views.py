"""The coordination's side of the call for projects and the bilans, in the Wagtail admin.

Every view reaches a call through `call_or_refuse`: a coordinator sees the calls of the sections
their group edits (`hub.indicators.access.sections_for`), another département's call or dossier
answers 403, and a porteur's draft is not shown (404: it is the porteur's alone).
"""

from functools import partial

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, F, Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from hub.indicators.access import section_or_refuse, sections_for

from . import exports, instruction
from .bilan_tasks import dossiers_without_bilan, remind_bilans
from .bilans import ActionBilan, BilanStatus
from .call_forms import CallForm, DecisionForm, DocumentFormSet, QuestionFormSet
from .calls import CallForProjects, Dossier, DossierStatus


def call_or_refuse(user, call_pk):
    call = get_object_or_404(
        CallForProjects.objects.select_related("section__departement"), pk=call_pk
    )
    if not sections_for(user).filter(pk=call.section_id).exists():
        raise PermissionDenied
    return call


def dossier_or_refuse(user, dossier_pk):
    dossier = get_object_or_404(
        Dossier.objects.select_related("call__section__departement", "structure", "commune"),
        pk=dossier_pk,
    )
    if not sections_for(user).filter(pk=dossier.call.section_id).exists():
        raise PermissionDenied
    if dossier.is_draft:
        raise Http404
    return dossier


def call_list(request):
    sections = list(sections_for(request.user))
    if not sections:
        raise PermissionDenied
    calls = (
        CallForProjects.objects.filter(section__in=sections)
        .select_related("section__departement")
        .annotate(
            submitted=Count("dossiers", filter=~Q(dossiers__status=DossierStatus.BROUILLON)),
            retained=Count("dossiers", filter=Q(dossiers__status=DossierStatus.RETENU)),
        )
        .order_by("section__departement__code", "-year")
    )
    return render(
        request,
        "porteurs/admin/call_list.html",
        {"sections": sections, "calls": calls, "now": timezone.now()},
    )


def _save_call(request, form, questions, documents):
    with transaction.atomic():
        call = form.save()
        questions.instance = documents.instance = call
        questions.save()
        documents.save()
    messages.success(request, _("Appel à projets « %(title)s » enregistré.") % {"title": call})
    return redirect("porteurs_calls:call", call.pk)


def _call_form_page(request, form, questions, documents, call=None, status=200):
    return render(
        request,
        "porteurs/admin/call_form.html",
        {"form": form, "questions": questions, "documents": documents, "call": call},
        status=status,
    )


@require_http_methods(["GET", "POST"])
def call_create(request, section_pk):
    section = section_or_refuse(request.user, section_pk)
    data, files = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    form = CallForm(data, section=section, initial={"year": timezone.localdate().year + 1})
    questions = QuestionFormSet(data, prefix="questions")
    documents = DocumentFormSet(data, files, prefix="documents")
    if data is not None:
        if form.is_valid() and questions.is_valid() and documents.is_valid():
            return _save_call(request, form, questions, documents)
        return _call_form_page(request, form, questions, documents, status=400)
    return _call_form_page(request, form, questions, documents)


@require_http_methods(["GET", "POST"])
def call_edit(request, call_pk):
    call = call_or_refuse(request.user, call_pk)
    data, files = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    form = CallForm(data, instance=call, section=call.section)
    questions = QuestionFormSet(data, instance=call, prefix="questions")
    documents = DocumentFormSet(data, files, instance=call, prefix="documents")
    if data is not None:
        if form.is_valid() and questions.is_valid() and documents.is_valid():
            return _save_call(request, form, questions, documents)
        return _call_form_page(request, form, questions, documents, call, status=400)
    return _call_form_page(request, form, questions, documents, call)


@require_POST
def call_copy(request, call_pk):
    """« Copier pour l'année suivante »: last year's call as the start of the next one."""
    call = call_or_refuse(request.user, call_pk)
    year = call.year + 1
    if CallForProjects.objects.filter(section=call.section, year=year).exists():
        messages.error(
            request,
            _("Un appel à projets %(year)s existe déjà pour ce département.") % {"year": year},
        )
        return redirect("porteurs_calls:call_list")
    copy = call.copy_for(year)
    messages.success(
        request,
        _("Appel à projets %(year)s créé à partir de %(previous)s : vérifiez-le, puis publiez-le.")
        % {"year": year, "previous": call.year},
    )
    return redirect("porteurs_calls:call_edit", copy.pk)


def call_detail(request, call_pk):
    """The dossiers of a call, by status (the porteurs' drafts are only counted)."""
    call = call_or_refuse(request.user, call_pk)
    status = request.GET.get("statut", "")
    if status and status not in DossierStatus.values or status == DossierStatus.BROUILLON:
        return render(
            request,
            "porteurs/admin/call_detail.html",
            {"call": call, "error": _("Statut inconnu : « %(value)s ».") % {"value": status[:40]}},
            status=400,
        )
    dossiers = (
        call.dossiers.submitted()
        .select_related("structure", "commune")
        .order_by("structure__title", "pk")
    )
    if status:
        dossiers = dossiers.filter(status=status)
    counts = dict(
        call.dossiers.order_by()
        .values_list("status")
        .annotate(total=Count("pk"))
        .values_list("status", "total")
    )
    statuses = [(choice, counts.get(choice.value, 0)) for choice in DossierStatus]
    return render(
        request,
        "porteurs/admin/call_detail.html",
        {"call": call, "dossiers": dossiers, "statuses": statuses, "status": status},
    )


@require_http_methods(["GET", "POST"])
def dossier_detail(request, dossier_pk):
    dossier = dossier_or_refuse(request.user, dossier_pk)
    form = DecisionForm(request.POST or None, dossier=dossier)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                instruction.move(
                    dossier, form.cleaned_data["status"], form.cleaned_data["comment"], request.user
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                dossier.refresh_from_db()
                messages.success(
                    request,
                    _(
                        "Dossier %(reference)s : « %(status)s ». "
                        "Le porteur est prévenu par courriel."
                    )
                    % {"reference": dossier.reference, "status": dossier.get_status_display()},
                )
                return redirect("porteurs_calls:dossier", dossier.pk)
        status = 400
    questions = list(dossier.call.questions.all())
    return render(
        request,
        "porteurs/admin/dossier_detail.html",
        {
            "dossier": dossier,
            "call": dossier.call,
            "answers": [(q, q.display(dossier.answers.get(str(q.pk)))) for q in questions],
            "attachments": dossier.attachments.all(),
            "events": dossier.events.select_related("by"),
            "form": form if dossier.coordination_transitions() else None,
        },
        status=status,
    )


def dossier_attachment(request, dossier_pk, attachment_pk):
    dossier = dossier_or_refuse(request.user, dossier_pk)
    attachment = get_object_or_404(dossier.attachments, pk=attachment_pk)
    return serve_file(attachment.file)


def call_document(request, call_pk, document_pk):
    call = call_or_refuse(request.user, call_pk)
    return serve_file(get_object_or_404(call.documents, pk=document_pk).file)


def serve_file(stored):
    """A stored file as an attachment, never rendered by the browser."""
    try:
        handle = stored.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, as_attachment=True, filename=stored.name.rsplit("/", 1)[-1])
    response["X-Content-Type-Options"] = "nosniff"
    return response


def call_export(request, call_pk, extension):
    call = call_or_refuse(request.user, call_pk)
    if extension == "xlsx":
        response = HttpResponse(exports.dossiers_xlsx(call), content_type=exports.XLSX_TYPE)
    else:
        response = HttpResponse(exports.dossiers_csv(call), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{exports.filename(call, extension)}"'
    return response


def call_bilans(request, call_pk):
    """Who has submitted the bilan of their funded action, who has a draft, who has nothing."""
    call = call_or_refuse(request.user, call_pk)
    dossiers = list(
        call.dossiers.filter(status=DossierStatus.RETENU)
        .select_related("structure", "commune", "bilan")
        .order_by("structure__title", "pk")
    )
    for dossier in dossiers:
        dossier.bilan_or_none = getattr(dossier, "bilan", None)
    submitted = [d for d in dossiers if d.bilan_or_none and d.bilan_or_none.is_submitted]
    return render(
        request,
        "porteurs/admin/call_bilans.html",
        {
            "call": call,
            "dossiers": dossiers,
            "submitted_count": len(submitted),
            "missing_count": len(dossiers) - len(submitted),
            "bilan_statuses": BilanStatus,
        },
    )


@require_POST
def call_bilans_remind(request, call_pk):
    """Queue the reminder of every porteur whose bilan is not submitted (sent by a task)."""
    call = call_or_refuse(request.user, call_pk)
    with transaction.atomic():
        CallForProjects.objects.filter(pk=call.pk).update(
            bilan_reminder_round=F("bilan_reminder_round") + 1
        )
        call.refresh_from_db(fields=["bilan_reminder_round"])
        transaction.on_commit(partial(remind_bilans.enqueue, call.pk, call.bilan_reminder_round))
    missing = dossiers_without_bilan(call).count()
    messages.success(
        request,
        _("Relance en cours d'envoi aux porteurs de %(count)s action(s) sans bilan transmis.")
        % {"count": missing},
    )
    return redirect("porteurs_calls:call_bilans", call.pk)


def bilan_detail(request, call_pk, dossier_pk):
    call = call_or_refuse(request.user, call_pk)
    dossier = get_object_or_404(call.dossiers.filter(status=DossierStatus.RETENU), pk=dossier_pk)
    bilan = ActionBilan.objects.filter(dossier=dossier).first()
    return render(
        request,
        "porteurs/admin/bilan_detail.html",
        {"call": call, "dossier": dossier, "bilan": bilan},
    )
