"""Demo of freshness: varied « vérifiée le » dates, a few records overdue, and in the Nord an
update campaign under way (some records confirmed, some changed by a porteur, some without an
answer, some reminded). No e-mail is written: the campaign is shown as if sent three weeks ago."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Page, Revision

from hub.demo import demo_password

from .freshness import live_records, recipients_of, structure_of
from .models import CampaignRecord, PorteurAccess, UpdateCampaign

CAMPAIGN_PORTEUR = {
    "username": "porteur-campagne-nord",
    "first_name": "Inès",
    "last_name": "Durand",
    "email": "ines.durand@centre-social.example.fr",
}


def vary_verification_dates(records, rng, now):
    """A third of the records confirmed by their porteur some time after their publication; two
    published long ago and never confirmed: overdue."""
    for record in records:
        if rng.random() < 0.33 and record.last_published_at:
            moment = now - datetime.timedelta(days=rng.randint(5, 200))
            if moment > record.last_published_at:
                type(record).objects.filter(pk=record.pk).update(confirmed_at=moment)
                record.confirmed_at = moment
    for record in rng.sample(records, 2):
        # Published once, long ago: the page's dates and its live revision say the same.
        moment = now - datetime.timedelta(days=rng.randint(400, 600))
        Page.objects.filter(pk=record.pk).update(
            first_published_at=moment,
            last_published_at=moment,
            latest_revision_created_at=moment,
        )
        Revision.objects.filter(pk=record.live_revision_id).update(created_at=moment)
        type(record).objects.filter(pk=record.pk).update(confirmed_at=None)


def campaign_porteur(structures):
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=CAMPAIGN_PORTEUR["username"],
        defaults={key: value for key, value in CAMPAIGN_PORTEUR.items() if key != "username"},
    )
    if created:
        user.set_password(demo_password())
        user.save()
    for structure in structures:
        PorteurAccess.objects.get_or_create(user=user, structure=structure)
    return user


def campaign_under_way(section, records, rng, now):
    structures = sorted(
        {structure_of(r) for r in records if structure_of(r)}, key=lambda s: s.title
    )
    person = campaign_porteur(structures[:2])
    launched_at = now - datetime.timedelta(days=21)
    campaign, _created = UpdateCampaign.objects.get_or_create(
        section=section, year=timezone.localdate(now).year
    )
    UpdateCampaign.objects.filter(pk=campaign.pk).update(launched_at=launched_at)
    recipients = recipients_of(records)
    CampaignRecord.objects.bulk_create(
        [
            CampaignRecord(
                campaign=campaign,
                page_id=record.pk,
                structure=structure_of(record),
                recipients=recipients[record.pk],
                sent_at=launched_at if recipients[record.pk] else None,
            )
            for record in records
        ],
        ignore_conflicts=True,
    )
    by_page = {record.pk: record for record in records}
    porteur_records = [r for r in records if structure_of(r) in structures[:2]]
    for record in porteur_records[:3]:
        # A change submitted by the porteur since the launch: a new revision, awaiting review.
        record.save_revision(user=person)
    changed = {record.pk for record in porteur_records[:3]}
    for row in CampaignRecord.objects.filter(campaign=campaign).exclude(page_id__in=changed):
        draw = rng.random()
        if not row.recipients:
            continue
        if draw < 0.35:
            moment = launched_at + datetime.timedelta(days=rng.randint(1, 15))
            row.confirmed_at = moment
            record = by_page[row.page_id]
            type(record).objects.filter(pk=record.pk).update(confirmed_at=moment)
        elif draw < 0.7:
            row.reminded_at = launched_at + datetime.timedelta(days=14)
            row.reminder_count = 1
        row.save()
    return campaign


def populate_freshness(section, rng):
    now = timezone.now()
    records = live_records(section)
    if not records:
        return
    vary_verification_dates(records, rng, now)
    if section.departement.code == "59":
        campaign_under_way(section, live_records(section), rng, now)
