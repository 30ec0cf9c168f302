"""Background work of the porteurs' space: review reminders and update campaigns (bulk sending,
never inside a request)."""

import datetime

from django.conf import settings
from django.db import transaction
from django_tasks import task

from hub import mail

from . import campaigns
from .freshness import due_records, letters_for, recipients_of
from .models import ReviewReminder, UpdateCampaign


@task()
def send_review_reminders(today=None):
    """E-mail the porteurs of every record due for review, one message per person listing all
    their newly due records; each record is reminded once per due date (`ReviewReminder`).

    `today` (ISO date) defaults to today in Europe/Paris. Returns the number of messages queued.
    """
    today = datetime.date.fromisoformat(today) if today else None
    due = due_records(today)
    known = set(
        ReviewReminder.objects.filter(page_id__in=[record.pk for record in due]).values_list(
            "page_id", "due_on"
        )
    )
    fresh = [record for record in due if (record.pk, record.review_due_on) not in known]
    recipients = recipients_of(fresh)
    fresh = [record for record in fresh if recipients[record.pk]]
    letters = letters_for(fresh, recipients)
    with transaction.atomic():
        ReviewReminder.objects.bulk_create(
            [
                ReviewReminder(
                    page_id=record.pk, due_on=record.review_due_on, recipients=recipients[record.pk]
                )
                for record in fresh
            ],
            ignore_conflicts=True,
        )
        mail.queue(
            mail.render(
                "porteurs/email/review_reminder",
                {"letter": letter, "link_days": settings.REVIEW_LINK_MAX_AGE_DAYS},
                to=letter.to,
                key=f"review-reminder:{letter.to}:{letter.digest()}",
            )
            for letter in letters
        )
    return len(letters)


@task()
def send_campaign(campaign_id):
    campaigns.send_campaign(UpdateCampaign.objects.select_related("section").get(pk=campaign_id))


@task()
def remind_campaign(campaign_id):
    campaigns.remind_campaign(UpdateCampaign.objects.select_related("section").get(pk=campaign_id))
