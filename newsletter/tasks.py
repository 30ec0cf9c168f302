"""Background work of the newsletter and the alerts: nothing bulk runs inside a request.

Sending an issue: the request freezes it and enqueues `send_issue`, which splits the readers into
batches of `NEWSLETTER_BATCH_SIZE`, one `send_issue_batch` task each; a batch writes one outbox
message per reader (key `lettre:<issue>:<address digest>`), delivered by `hub.tasks`. Any of
these tasks run twice writes nothing twice.
"""

from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .alerts import check_alert
from .content import render_content
from .models import Issue, SavedAlert
from .sending import issue_recipients, write_issue_batch


@transaction.atomic
def start_sending(issue):
    """Freeze the issue and hand it to the task queue; False if it was sent already.

    The issue is taken by a conditional update: a double click, or two coordinators at once,
    start one sending.
    """
    issue.number = (
        Issue.objects.filter(departement=issue.departement, sent_at__isnull=False).count() + 1
    )
    issue.sent_at = timezone.now()
    content_html, content_text = render_content(issue)
    started = Issue.objects.filter(pk=issue.pk, sent_at__isnull=True).update(
        sent_at=issue.sent_at,
        number=issue.number,
        content_html=content_html,
        content_text=content_text,
    )
    if started:
        transaction.on_commit(partial(send_issue.enqueue, issue.pk))
    return bool(started)


@task()
def send_issue(issue_id):
    """Split the readers of a sent issue into batch tasks; returns the number of batches."""
    issue = Issue.objects.get(pk=issue_id)
    ids = list(issue_recipients(issue).values_list("pk", flat=True))
    size = settings.NEWSLETTER_BATCH_SIZE
    batches = [ids[start : start + size] for start in range(0, len(ids), size)]
    for batch in batches:
        transaction.on_commit(partial(send_issue_batch.enqueue, issue_id, batch))
    return len(batches)


@task()
def send_issue_batch(issue_id, subscription_ids):
    """Write the issue to the outbox for one batch of readers; returns how many."""
    return write_issue_batch(Issue.objects.get(pk=issue_id), subscription_ids)


@task()
def check_alerts(alert_ids):
    """Send each due alert its new matching offers (nothing when nothing is new)."""
    return sum(
        check_alert(alert) for alert in SavedAlert.objects.filter(pk__in=alert_ids).order_by("pk")
    )
