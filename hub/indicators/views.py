"""Admin views of the indicators: overview, dashboard, drill-down, exports, printable bilan,
activity records and targets. Every view of a section checks `access.section_or_refuse`."""

from django.contrib import messages
from django.core.exceptions import BadRequest
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from search.pagination import paginate

from . import exports
from .access import section_or_refuse, sections_for
from .charts import monthly_chart
from .forms import ActivityRecordForm, TargetsForm
from .models import MAX_YEAR, MIN_YEAR, ActivityRecord, IndicatorTarget
from .registry import (
    DRILL_DOWN_LIMIT,
    active_indicators,
    compute_figures,
    compute_items,
    get_indicator,
    sharing_computations,
)
from .report import build_report

# The printable bilan lists at most this many items per indicator (the detail page and the XLSX
# export list up to DRILL_DOWN_LIMIT).
REPORT_ITEMS_PER_INDICATOR = 60


def selected_year(request):
    """The year of the `annee` query parameter (the current year by default); 400 if malformed."""
    raw = request.GET.get("annee", "").strip()
    if not raw:
        return timezone.localdate().year
    if not raw.isdigit() or not MIN_YEAR <= int(raw) <= MAX_YEAR:
        raise BadRequest(
            _(
                "L'année « %(value)s » n'est pas valide : "
                "indiquez une année entre %(min)s et %(max)s."
            )
            % {"value": raw[:20], "min": MIN_YEAR, "max": MAX_YEAR}
        )
    return int(raw)


def year_choices(year):
    current = timezone.localdate().year
    return sorted(set(range(current - 6, current + 2)) | {year}, reverse=True)


@sharing_computations
def overview(request):
    """Every département the user may see, side by side; a coordinator with a single
    département goes straight to its dashboard."""
    year = selected_year(request)
    sections = list(sections_for(request.user))
    if len(sections) == 1 and not request.user.is_superuser:
        return redirect(f"{reverse('indicators:dashboard', args=[sections[0].pk])}?annee={year}")
    figures = [compute_figures(section, year) for section in sections]
    rows = [
        (indicator, [section_figures[indicator.key].value for section_figures in figures])
        for indicator in active_indicators()
    ]
    return render(
        request,
        "indicators/overview.html",
        {"year": year, "years": year_choices(year), "sections": sections, "rows": rows},
    )


@sharing_computations
def dashboard(request, section_pk):
    section = section_or_refuse(request.user, section_pk)
    year = selected_year(request)
    report = build_report(section, year)
    for row in report.rows:
        row.chart = monthly_chart(row, year) if row.months else ""
    return render(
        request,
        "indicators/dashboard.html",
        {"section": section, "year": year, "years": year_choices(year), "report": report},
    )


@sharing_computations
def detail(request, section_pk, key):
    section = section_or_refuse(request.user, section_pk)
    year = selected_year(request)
    indicator = get_indicator(key)
    if indicator is None:
        raise Http404
    items = compute_items(key, section, year, DRILL_DOWN_LIMIT + 1)
    return render(
        request,
        "indicators/detail.html",
        {
            "section": section,
            "year": year,
            "indicator": indicator,
            "figure": compute_figures(section, year)[key],
            "items": items[:DRILL_DOWN_LIMIT],
            "has_more_items": len(items) > DRILL_DOWN_LIMIT,
            "items_limit": DRILL_DOWN_LIMIT,
        },
    )


@sharing_computations
def export_xlsx(request, section_pk):
    report = build_report(section_or_refuse(request.user, section_pk), selected_year(request))
    response = HttpResponse(
        exports.build_xlsx(report),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{exports.export_filename(report, "xlsx")}"'
    )
    return response


@sharing_computations
def export_csv(request, section_pk):
    report = build_report(section_or_refuse(request.user, section_pk), selected_year(request))
    response = HttpResponse(exports.build_csv(report), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{exports.export_filename(report, "csv")}"'
    )
    return response


@sharing_computations
def annual_report(request, section_pk):
    """The printable bilan (print it to PDF from the browser)."""
    section = section_or_refuse(request.user, section_pk)
    year = selected_year(request)
    report = build_report(section, year)
    for row in report.rows:
        row.chart = monthly_chart(row, year) if row.months else ""
        items = compute_items(row.indicator.key, section, year, REPORT_ITEMS_PER_INDICATOR + 1)
        row.items = items[:REPORT_ITEMS_PER_INDICATOR]
        row.has_more_items = len(items) > REPORT_ITEMS_PER_INDICATOR
    return render(
        request,
        "indicators/annual_report.html",
        {
            "section": section,
            "year": year,
            "report": report,
            "generated_on": timezone.now(),
            "items_limit": REPORT_ITEMS_PER_INDICATOR,
        },
    )


def activity_list(request, section_pk):
    section = section_or_refuse(request.user, section_pk)
    year = selected_year(request)
    records = ActivityRecord.objects.filter(section=section, date__year=year).order_by(
        "-date", "-pk"
    )
    return render(
        request,
        "indicators/activity_list.html",
        {
            "section": section,
            "year": year,
            "years": year_choices(year),
            "page_obj": paginate(request, records, 50),
        },
    )


@require_http_methods(["GET", "POST"])
def activity_create(request, section_pk):
    section = section_or_refuse(request.user, section_pk)
    form = ActivityRecordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.instance.section = section
        form.instance.created_by = request.user
        record = form.save()
        messages.success(request, _("Activité « %(title)s » enregistrée.") % {"title": record})
        return redirect(
            f"{reverse('indicators:activity_list', args=[section.pk])}?annee={record.date.year}"
        )
    return render(
        request, "indicators/activity_form.html", {"section": section, "form": form, "record": None}
    )


def _own_record(request, section_pk, record_pk):
    section = section_or_refuse(request.user, section_pk)
    return section, get_object_or_404(ActivityRecord, pk=record_pk, section=section)


@require_http_methods(["GET", "POST"])
def activity_edit(request, section_pk, record_pk):
    section, record = _own_record(request, section_pk, record_pk)
    form = ActivityRecordForm(request.POST or None, instance=record)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Activité « %(title)s » modifiée.") % {"title": record})
        return redirect(
            f"{reverse('indicators:activity_list', args=[section.pk])}?annee={record.date.year}"
        )
    return render(
        request,
        "indicators/activity_form.html",
        {"section": section, "form": form, "record": record},
    )


@require_http_methods(["GET", "POST"])
def activity_delete(request, section_pk, record_pk):
    section, record = _own_record(request, section_pk, record_pk)
    if request.method == "POST":
        year = record.date.year
        record.delete()
        messages.success(request, _("Activité « %(title)s » supprimée.") % {"title": record})
        return redirect(f"{reverse('indicators:activity_list', args=[section.pk])}?annee={year}")
    return render(
        request, "indicators/activity_confirm_delete.html", {"section": section, "record": record}
    )


@require_http_methods(["GET", "POST"])
def targets(request, section_pk):
    section = section_or_refuse(request.user, section_pk)
    year = selected_year(request)
    existing = dict(
        IndicatorTarget.objects.filter(section=section, year=year).values_list(
            "indicator_key", "target"
        )
    )
    form = TargetsForm(
        request.POST or None, indicators=active_indicators(), initial_targets=existing
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            for key, target in form.cleaned_data.items():
                if target is None:
                    IndicatorTarget.objects.filter(
                        section=section, year=year, indicator_key=key
                    ).delete()
                else:
                    IndicatorTarget.objects.update_or_create(
                        section=section, year=year, indicator_key=key, defaults={"target": target}
                    )
        messages.success(request, _("Objectifs %(year)s enregistrés.") % {"year": year})
        return redirect(f"{reverse('indicators:dashboard', args=[section.pk])}?annee={year}")
    return render(
        request,
        "indicators/targets.html",
        {"section": section, "year": year, "years": year_choices(year), "form": form},
    )
