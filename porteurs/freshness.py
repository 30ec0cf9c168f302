"""Freshness of the directory: which records are due for review, who is asked, and the signed
link that confirms a record « toujours à jour » without logging in.

A record is *verified* by the porteur's confirmation or by a publication (the coordination
publishes, or approves the porteur's change): `DirectoryEntry.verified_at`, the later of the
two. It is due when `review_every_months` have passed since then.

Who is asked about a record: the people with an active access to its structure (the structure
itself for a structure's record); lacking any, the record's own e-mail, else its structure's.
"""

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from directory.models import ActionPage, LieuRessourcePage, PromeneurPage, StructurePage
from hub import mail

from .models import CampaignRecord, PorteurAccess

RECORD_MODELS = (StructurePage, ActionPage, LieuRessourcePage, PromeneurPage)
TOKEN_SALT = "porteurs.freshness.confirm"


def structure_of(record):
    return record if isinstance(record, StructurePage) else record.structure


def live_records(section=None):
    """Every live directory record (of `section` only, when given), specific, with structures."""
    records = []
    for model in RECORD_MODELS:
        queryset = model.objects.live().select_related("commune")
        if model is not StructurePage:
            queryset = queryset.select_related("structure")
        if section is not None:
            queryset = queryset.descendant_of(section)
        records.extend(queryset)
    return records


def due_records(today=None, section=None):
    today = today or timezone.localdate()
    return [record for record in live_records(section) if record.is_due_for_review(today)]


def recipients_of(records):
    """{record pk: [e-mail addresses]} for `records`, by the rule of the module's docstring."""
    structure_ids = {structure_of(record).pk for record in records if structure_of(record)}
    porteurs = defaultdict(list)
    accesses = (
        PorteurAccess.objects.active()
        .filter(structure_id__in=structure_ids)
        .exclude(user__email="")
        .select_related("user")
        .order_by("user__email")
    )
    for access in accesses:
        if access.user.email not in porteurs[access.structure_id]:
            porteurs[access.structure_id].append(access.user.email)
    result = {}
    for record in records:
        structure = structure_of(record)
        if structure is not None and porteurs.get(structure.pk):
            result[record.pk] = list(porteurs[structure.pk])
        elif record.email:
            result[record.pk] = [record.email]
        elif structure is not None and structure.email:
            result[record.pk] = [structure.email]
        else:
            result[record.pk] = []
    return result


@dataclass
class Letter:
    """What one person receives: every record they are asked about, in one message."""

    to: str
    records: list = field(default_factory=list)

    def digest(self, extra=""):
        """A short fingerprint of the records (and their due dates) the letter is about."""
        text = "|".join(f"{item.record.pk}@{item.due_on}" for item in self.records) + extra
        return hashlib.sha256(text.encode()).hexdigest()[:16]


@dataclass
class LetterItem:
    record: object
    due_on: object
    confirm_url: str
    public_url: str
    space_url: str

    @property
    def kind(self):
        return self.record._meta.verbose_name

    @property
    def structure(self):
        return structure_of(self.record)


def letters_for(records, recipients):
    """One `Letter` per address of `recipients` ({record pk: [addresses]}), records sorted."""
    letters = {}
    ordered = sorted(
        records,
        key=lambda record: (
            (structure_of(record).title if structure_of(record) else ""),
            not isinstance(record, StructurePage),
            record.title,
        ),
    )
    for record in ordered:
        for address in recipients.get(record.pk, []):
            letter = letters.setdefault(address, Letter(to=address))
            letter.records.append(letter_item(record))
    return [letters[address] for address in sorted(letters)]


def letter_item(record):
    return LetterItem(
        record=record,
        due_on=record.review_due_on,
        confirm_url=mail.absolute_url(reverse("porteurs:review_confirm", args=[token(record)])),
        public_url=mail.absolute_url(record.url or "/"),
        space_url=mail.absolute_url(reverse("porteurs:record", args=[record.pk])),
    )


def token(record):
    """A signed, dated token naming `record`: the proof a confirmation link carries."""
    return signing.dumps({"page": record.pk}, salt=TOKEN_SALT)


class LinkRefused(Exception):
    """A confirmation link that is tampered with, expired, or names no live record."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def record_from_token(value):
    """The live record a confirmation token names; raises LinkRefused otherwise."""
    max_age = timedelta(days=settings.REVIEW_LINK_MAX_AGE_DAYS)
    try:
        data = signing.loads(value, salt=TOKEN_SALT, max_age=max_age)
    except signing.SignatureExpired:
        raise LinkRefused(
            _(
                "Ce lien a expiré. Demandez un nouveau lien à votre coordination, ou modifiez la "
                "fiche depuis l'espace porteurs."
            )
        ) from None
    except signing.BadSignature:
        raise LinkRefused(
            _("Ce lien n'est pas valide : il a pu être coupé ou modifié. Recopiez-le en entier.")
        ) from None
    page_id = data.get("page") if isinstance(data, dict) else None
    for model in RECORD_MODELS:
        record = model.objects.live().filter(pk=page_id).first() if page_id else None
        if record is not None:
            return record
    raise LinkRefused(_("Cette fiche n'est plus publiée dans l'annuaire."))


def confirm(record, moment=None):
    """The porteur confirms `record` as still right: its verified date becomes `moment`.

    No revision is written (nothing changed); an open campaign's row is marked confirmed."""
    moment = moment or timezone.now()
    type(record).objects.filter(pk=record.pk).update(confirmed_at=moment)
    record.confirmed_at = moment
    CampaignRecord.objects.filter(
        page_id=record.pk, confirmed_at__isnull=True, campaign__launched_at__lte=moment
    ).update(confirmed_at=moment)
    return record
