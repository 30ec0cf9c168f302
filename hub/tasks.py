"""Background work of the network: e-mail delivery (see hub/mail.py)."""

import contextlib
import smtplib
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from hub.models import OutgoingEmail

TRANSIENT_ERRORS = (OSError, smtplib.SMTPException)


def claim(email_id):
    """Mark a queued message as being sent; False if another worker has it, or it is done."""
    return bool(
        OutgoingEmail.objects.filter(pk=email_id, status=OutgoingEmail.Status.QUEUED).update(
            status=OutgoingEmail.Status.SENDING, attempts=F("attempts") + 1
        )
    )


def as_message(email, connection):
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email.to],
        headers=email.headers,
        connection=connection,
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    for attachment in email.attachments:
        message.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
    return message


def is_permanent(error):
    """A refusal the receiving server gives for good (5xx): trying again would not help."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _ in error.recipients.values())
    return isinstance(error, smtplib.SMTPResponseException) and error.smtp_code >= 500


def give_back(email_ids, error):
    """Put messages the server did not take back in the queue, or fail them after the last try."""
    delays = settings.EMAIL_RETRY_DELAYS
    retry = []
    for email in OutgoingEmail.objects.filter(pk__in=email_ids):
        email.last_error = str(error)[:2000]
        if email.attempts > len(delays):
            email.status = OutgoingEmail.Status.FAILED
        else:
            email.status = OutgoingEmail.Status.QUEUED
            retry.append((email.pk, delays[email.attempts - 1]))
        email.save(update_fields=["status", "last_error"])
    for email_id, delay in retry:
        deliver_after_commit([email_id], run_after=timezone.now() + timedelta(seconds=delay))


def deliver_after_commit(email_ids, run_after=None):
    """Hand `email_ids` to the delivery task, in batches, once the current transaction commits."""
    size = settings.EMAIL_BATCH_SIZE
    task = deliver_emails if run_after is None else deliver_emails.using(run_after=run_after)
    for start in range(0, len(email_ids), size):
        transaction.on_commit(partial(task.enqueue, email_ids[start : start + size]))


@task()
def deliver_emails(email_ids):
    """Send the queued messages among `email_ids` over one SMTP connection.

    Returns the number sent. A message already sent, or being sent by another worker, is skipped:
    running this task twice sends nothing twice.
    """
    claimed = [email_id for email_id in email_ids if claim(email_id)]
    if not claimed:
        return 0
    connection = get_connection()
    try:
        connection.open()
    except TRANSIENT_ERRORS as error:
        give_back(claimed, error)
        return 0
    sent = 0
    try:
        for email in OutgoingEmail.objects.filter(pk__in=claimed).order_by("pk"):
            try:
                as_message(email, connection).send()
            except TRANSIENT_ERRORS as error:
                if is_permanent(error):
                    email.status = OutgoingEmail.Status.REFUSED
                    email.last_error = str(error)[:2000]
                    email.save(update_fields=["status", "last_error"])
                else:
                    give_back([email.pk], error)
                continue
            email.status = OutgoingEmail.Status.SENT
            email.sent_at = timezone.now()
            email.last_error = ""
            email.save(update_fields=["status", "sent_at", "last_error"])
            sent += 1
    finally:
        with contextlib.suppress(TRANSIENT_ERRORS):
            connection.close()
    return sent
