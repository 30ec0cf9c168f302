"""Answers are deleted once their form's retention period is over.

A survey's answer is kept `retention_months` after it was sent; a registration, that long after
the event's last day (a registration is needed until the event is over). `manage.py
purge_form_answers`, run daily, hands the deletion to the `delete_expired_answers` task.
"""

import datetime

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .models import FormAnswer, NetworkFormPage


def expired(form_page, now):
    """The answers of `form_page` whose retention period is over at `now`."""
    cutoff = now - relativedelta(months=form_page.retention_months)
    answers = FormAnswer.objects.filter(page=form_page, submit_time__lt=cutoff)
    starts_at = form_page.retention_starts_at()
    if isinstance(starts_at, datetime.date) and starts_at >= timezone.localdate(cutoff):
        return answers.none()
    return answers


@task()
def delete_expired_answers():
    """Delete every answer past its form's retention period; returns how many were deleted."""
    now = timezone.now()
    deleted = 0
    for form_page in NetworkFormPage.objects.specific():
        with transaction.atomic():
            count, _by_model = expired(form_page, now).delete()
        deleted += count
    return deleted
