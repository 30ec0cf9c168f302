"""Yearly update campaigns: every live record of a département is sent to its porteurs, who
confirm it (the signed link of `porteurs.freshness`) or change it in the porteurs' space; the
coordination follows the answers and reminds those who gave none.

A record counts as *changed* when a revision of its page was saved, after the campaign was
launched, by someone who has a porteur access (a porteur's change, live or awaiting
moderation): read from Wagtail's revisions, whatever screen the porteur used.
"""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Revision

from hub import mail

from .freshness import letters_for, live_records, recipients_of, structure_of
from .models import CampaignRecord

CONFIRMED = "confirmed"
CHANGED = "changed"
NO_ANSWER = "no_answer"
UNREACHABLE = "unreachable"
STATUS_LABELS = {
    CONFIRMED: _("confirmée"),
    CHANGED: _("modifiée"),
    NO_ANSWER: _("sans réponse"),
    UNREACHABLE: _("sans destinataire"),
}


def changed_page_ids(campaign, page_ids):
    """The pages among `page_ids` that a porteur revised since `campaign` was launched."""
    revisions = Revision.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=[str(page_id) for page_id in page_ids],
        created_at__gte=campaign.launched_at,
        user__porteur_accesses__isnull=False,
    )
    return {int(object_id) for object_id in revisions.values_list("object_id", flat=True)}


@dataclass
class FollowUpRow:
    row: CampaignRecord
    status: str

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    @property
    def structure_title(self):
        return self.row.structure.title if self.row.structure else ""


def status_of(row, changed):
    if row.confirmed_at:
        return CONFIRMED
    if row.page_id in changed:
        return CHANGED
    if not row.recipients:
        return UNREACHABLE
    return NO_ANSWER


def follow_up(campaign):
    """The campaign's rows with their status, grouped by structure, and the counts."""
    rows = list(
        campaign.records.select_related("page__content_type", "structure").order_by(
            Coalesce("structure__title", "page__title"), "page__title", "pk"
        )
    )
    changed = changed_page_ids(campaign, [row.page_id for row in rows])
    follow = [FollowUpRow(row, status_of(row, changed)) for row in rows]
    statuses = Counter(item.status for item in follow)
    counts = {
        "records": len(rows),
        "sent": sum(1 for row in rows if row.sent_at),
        "confirmed": statuses[CONFIRMED],
        "changed": statuses[CHANGED],
        "no_answer": statuses[NO_ANSWER],
        "reminded": sum(1 for row in rows if row.reminded_at),
        "unreachable": statuses[UNREACHABLE],
    }
    return follow, counts


def campaign_context(campaign, letter, reminder=False):
    section = campaign.section
    return {
        "campaign": campaign,
        "departement": section.title,
        "coordination": getattr(section, "coordination_name", "") or section.title,
        "letter": letter,
        "reminder": reminder,
        "link_days": settings.REVIEW_LINK_MAX_AGE_DAYS,
    }


def send_campaign(campaign):
    """Write one row per live record of the département and one message per person listing
    all their records. Run again, it adds the records published since, and sends nothing twice."""
    records = live_records(campaign.section)
    recipients = recipients_of(records)
    with transaction.atomic():
        CampaignRecord.objects.bulk_create(
            [
                CampaignRecord(
                    campaign=campaign,
                    page_id=record.pk,
                    structure=structure_of(record),
                    recipients=recipients[record.pk],
                )
                for record in records
            ],
            ignore_conflicts=True,
        )
        mail.queue(
            mail.render(
                "porteurs/email/campaign",
                campaign_context(campaign, letter),
                to=letter.to,
                key=f"campaign:{campaign.pk}:{letter.to}",
            )
            for letter in letters_for(records, recipients)
        )
        campaign.records.filter(
            page_id__in=[pk for pk, addresses in recipients.items() if addresses],
            sent_at__isnull=True,
        ).update(sent_at=timezone.now())


def remind_campaign(campaign, moment=None):
    """Remind the porteurs of the records still without an answer, once a day at most: one
    message per person, listing only their records without an answer."""
    moment = moment or timezone.now()
    today = timezone.localdate(moment)
    follow, _counts = follow_up(campaign)
    waiting = {item.row.page_id for item in follow if item.status == NO_ANSWER}
    records = [record for record in live_records(campaign.section) if record.pk in waiting]
    recipients = recipients_of(records)
    start_of_day = timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))
    with transaction.atomic():
        mail.queue(
            mail.render(
                "porteurs/email/campaign",
                campaign_context(campaign, letter, reminder=True),
                to=letter.to,
                key=f"campaign:{campaign.pk}:relance:{today.isoformat()}:{letter.to}",
            )
            for letter in letters_for(records, recipients)
        )
        reminded = campaign.records.filter(
            page_id__in=[pk for pk, addresses in recipients.items() if addresses]
        ).filter(Q(reminded_at__isnull=True) | Q(reminded_at__lt=start_of_day))
        for row in reminded:
            row.reminded_at = moment
            row.reminder_count += 1
            row.save(update_fields=["reminded_at", "reminder_count"])
