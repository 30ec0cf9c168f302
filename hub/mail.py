"""E-mails in French, plain text and HTML, written to the outbox and delivered by the task queue.

A message is made of three templates side by side: `<name>_subject.txt`, `<name>.txt` and
`<name>.html` (which extends `hub/email/base.html`). Nothing is sent inside a request: `queue()`
writes the messages (`hub.models.OutgoingEmail`) and, once the transaction commits, hands them to
the `deliver_emails` task in batches of `EMAIL_BATCH_SIZE`, each batch over one SMTP connection.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from hub.models import OutgoingEmail
from hub.tasks import deliver_after_commit


@dataclass(frozen=True)
class Message:
    """A rendered message, not yet in the outbox."""

    key: str
    to: str
    subject: str
    body_text: str
    body_html: str
    headers: dict = field(default_factory=dict)
    attachments: tuple = ()


@dataclass(frozen=True)
class Attachment:
    """A text file sent with a message (an event's `.ics`…), kept in the outbox with it."""

    filename: str
    content: str
    mimetype: str

    def as_json(self):
        return {"filename": self.filename, "content": self.content, "mimetype": self.mimetype}


def absolute_url(path):
    """`path` on the public site, for links in e-mails (`SITE_URL`)."""
    return settings.SITE_URL.rstrip("/") + path


def render(template, context, *, to, key, headers=None, attachments=()):
    """Render the message `template` for `to`; `key` names what it is for and makes it unique.

    `attachments` are `Attachment`s, stored with the message and sent as they are."""
    context = {"site_url": settings.SITE_URL.rstrip("/"), **context}
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body_text = render_to_string(f"{template}.txt", context)
        body_html = render_to_string(f"{template}.html", context)
    return Message(
        key=key,
        to=to,
        subject=subject,
        body_text=body_text,
        body_html=body_html,
        headers=headers or {},
        attachments=tuple(attachments),
    )


def queue(messages):
    """Write `messages` to the outbox and deliver them after the transaction commits.

    A key already in the outbox keeps its first message: queueing again sends nothing more.
    Returns the outbox rows, in the order of `messages`.
    """
    messages = list(messages)
    keys = [message.key for message in messages]
    with transaction.atomic():
        known = set(OutgoingEmail.objects.filter(key__in=keys).values_list("key", flat=True))
        OutgoingEmail.objects.bulk_create(
            [
                OutgoingEmail(
                    key=message.key,
                    to=message.to,
                    subject=message.subject,
                    body_text=message.body_text,
                    body_html=message.body_html,
                    headers=message.headers,
                    attachments=[attachment.as_json() for attachment in message.attachments],
                )
                for message in messages
                if message.key not in known
            ],
            ignore_conflicts=True,
        )
        rows = OutgoingEmail.objects.in_bulk(keys, field_name="key")
        new_ids = sorted(row.pk for key, row in rows.items() if key not in known)
        deliver_after_commit(new_ids)
    return [rows[key] for key in keys]


def send(template, context, *, to, key, headers=None, attachments=()):
    """Render and queue one message; returns its outbox row."""
    message = render(template, context, to=to, key=key, headers=headers, attachments=attachments)
    return queue([message])[0]
