"""Admin views of the directory: records due for review ("à mettre à jour", by each record's own
frequency) and the CSV import and export."""

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.permission_policies.pages import PagePermissionPolicy

from directory import csv_io, review
from directory.importing import ImportFailed
from directory.models import (
    ActionPage,
    DirectoryIndexPage,
    LieuRessourcePage,
    PromeneurPage,
    StructurePage,
)
from hub.upload_forms import GatedCsvField

RECORD_MODELS = [ActionPage, LieuRessourcePage, PromeneurPage, StructurePage]
LISTING_LIMIT = 500


def stale_records_for(user, today=None):
    """Live directory records that `user` may edit and that are due for review on `today`
    (`directory.review`: their own frequency since they were last verified), longest due
    first."""
    today = today or timezone.localdate()
    # Verified within the shortest frequency: never due, left out by the database.
    recent = timezone.now() - datetime.timedelta(days=review.SHORTEST_DELAY_DAYS - 1)
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change"])
    records = []
    for model in RECORD_MODELS:
        candidates = (
            model.objects.live()
            .filter(pk__in=editable.values("pk"))
            .filter(Q(last_published_at__lt=recent) | Q(last_published_at__isnull=True))
            .filter(Q(confirmed_at__lt=recent) | Q(confirmed_at__isnull=True))
            .only("title", "last_published_at", "confirmed_at", "review_every_months")
        )
        records += [record for record in candidates if record.is_due_for_review(today)]
    return sorted(records, key=lambda record: (record.review_due_on, record.pk))


def stale_records(request):
    records = stale_records_for(request.user)
    return render(
        request,
        "directory/admin/stale_records.html",
        {
            "records": records[:LISTING_LIMIT],
            "total": len(records),
            "page_title": _("Fiches à mettre à jour"),
        },
    )


def editable_directories(user):
    """The département directories in which `user` may add records."""
    return [
        index
        for index in DirectoryIndexPage.objects.filter(depth__gt=3).order_by("title", "path")
        if index.permissions_for_user(user).can_add_subpage()
    ]


class CsvImportForm(forms.Form):
    directory = forms.TypedChoiceField(label=_("Annuaire du département"), coerce=int)
    file = GatedCsvField(label=_("Fichier CSV (UTF-8)"))

    def __init__(self, *args, directories, **kwargs):
        super().__init__(*args, **kwargs)
        self.directories = {index.pk: index for index in directories}
        self.fields["directory"].choices = [
            (index.pk, index.get_parent().title) for index in directories
        ]


def csv_exchange(request):
    """Import actions from CSV, download the template or a département's export."""
    directories = editable_directories(request.user)
    if not directories:
        raise PermissionDenied
    errors = []
    if request.method == "POST":
        form = CsvImportForm(request.POST, request.FILES, directories=directories)
        if form.is_valid():
            index = form.directories[form.cleaned_data["directory"]]
            # The upload gate let through UTF-8 text only.
            text = form.cleaned_data["file"].read().decode("utf-8")
            try:
                report = csv_io.import_actions(text, index)
            except ImportFailed as failure:
                errors = failure.errors
            else:
                messages.success(
                    request,
                    _("%(created)s action(s) créée(s), %(updated)s mise(s) à jour.")
                    % {"created": report.created, "updated": report.updated},
                )
                return redirect("directory_csv")
    else:
        form = CsvImportForm(directories=directories)
    return render(
        request,
        "directory/admin/csv_exchange.html",
        {
            "form": form,
            "errors": errors,
            "directories": directories,
            "columns": csv_io.COLUMNS,
            "page_title": _("Annuaire : import et export CSV"),
        },
        status=400 if errors else 200,
    )


def csv_template(request):
    response = HttpResponse(csv_io.template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="modele-actions.csv"'
    return response


def csv_export(request, index_id):
    directories = {index.pk: index for index in editable_directories(request.user)}
    if index_id not in directories:
        raise PermissionDenied
    index = directories[index_id]
    text = csv_io.export_actions(ActionPage.objects.descendant_of(index))
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="actions-{index.get_parent().slug}.csv"'
    )
    return response
