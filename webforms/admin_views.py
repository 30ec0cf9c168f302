"""Attendance of an event started from its registrations (admin)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.contrib.forms.utils import get_forms_for_user

from events.models import EventAttendance

from .models import FormAnswer, RegistrationFormPage


def past_sessions_without_attendance(event):
    """Days of the event's sessions that are over and have no attendance recorded yet."""
    now = timezone.now()
    recorded = {attendance.date for attendance in event.attendances.all()}
    return [
        item.start_date
        for item in event.occurrences()
        if item.ends_at <= now and item.start_date not in recorded
    ]


def attendance_prefill(request, page_id):
    """Write the confirmed registrations as the attendance of the event's past sessions that
    have none, in a draft of the event: the coordinator corrects it, then publishes."""
    if not get_forms_for_user(request.user).filter(pk=page_id).exists():
        raise PermissionDenied
    form_page = get_object_or_404(RegistrationFormPage, pk=page_id)
    live_event = form_page.event
    if live_event is None or not live_event.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    event = live_event.get_latest_revision_as_object()
    sessions = past_sessions_without_attendance(event)
    confirmed = FormAnswer.objects.filter(page=form_page, status=FormAnswer.Status.CONFIRMED)
    count = confirmed.count()
    if request.method == "POST":
        if sessions:
            for day in sessions:
                event.attendances.add(
                    EventAttendance(date=day, participants=count, structures_count=0)
                )
            event.save_revision(user=request.user, log_action=True)
            messages.success(
                request,
                _(
                    "Participation préremplie pour %(sessions)d séance(s) : corrigez-la dans "
                    "l'onglet « Participation », puis publiez l'événement."
                )
                % {"sessions": len(sessions)},
            )
        return redirect("wagtailadmin_pages:edit", live_event.pk)
    return TemplateResponse(
        request,
        "webforms/admin/attendance_prefill.html",
        {"form_page": form_page, "event": live_event, "sessions": sessions, "count": count},
    )
