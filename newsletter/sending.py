"""Messages of the newsletter and the alerts, all through the outbox (hub.mail).

Each message names what it is by its outbox key, so the same message is never written twice:
one confirmation per address and choice a day, one issue per reader, one alert message per
alert and window, one test per coordinator and version of the issue.
"""

import hashlib
from dataclasses import replace

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from hub import mail

from . import tokens
from .content import issue_context, render_content
from .models import Delivery, Subscription

PLACEHOLDER = "JETON-DE-DESABONNEMENT"


def digest(*parts):
    return hashlib.sha256("|".join(str(part) for part in parts).encode()).hexdigest()[:40]


def unsubscribe_headers(url):
    """RFC 2369 and RFC 8058: a mail client unsubscribes in one click by POSTing to `url`."""
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def request_subscription(email, departement, audiences):
    """The one message sent before confirmation: the signed link that confirms."""
    code = departement.code if departement else ""
    token = tokens.make({"e": email, "d": code, "a": sorted(audiences)}, tokens.SUBSCRIPTION_SALT)
    day = timezone.localdate().isoformat()
    return mail.send(
        "newsletter/email/confirm_subscription",
        {
            "confirm_url": mail.absolute_url(reverse("newsletter:confirm", args=[token])),
            "departement": departement,
            "days": settings.NEWSLETTER_CONFIRMATION_DAYS,
        },
        to=email,
        key=f"lettre-confirmation:{digest(email, code, sorted(audiences), day)}",
    )


def unsubscribe_url(token):
    return mail.absolute_url(reverse("newsletter:unsubscribe", args=[token]))


def issue_message(issue, to, token, key):
    """The issue for one reader, with their own unsubscribe link and headers."""
    context = issue_context(issue)
    context["content_html"] = issue.content_html
    context["content_text"] = issue.content_text
    context["unsubscribe_url"] = unsubscribe_url(token)
    context["archive_url"] = mail.absolute_url(archive_path(issue))
    return mail.render(
        "newsletter/email/issue",
        context,
        to=to,
        key=key,
        headers=unsubscribe_headers(context["unsubscribe_url"]),
    )


def preview(issue):
    """The issue as its readers will receive it, before it is sent (the admin's preview)."""
    if not issue.is_sent:
        issue.content_html, issue.content_text = render_content(issue)
    return issue_message(issue, "lecteur@exemple.fr", PLACEHOLDER, "apercu")


def send_test(issue, address):
    """The issue to the coordinator's own address; once per version of the issue."""
    message = preview(issue)
    key = f"lettre-test:{issue.pk}:{digest(address, message.subject, message.body_html)}"
    return mail.queue([replace(message, to=address, key=key)])[0]


def archive_path(issue):
    scope = issue.departement.slug if issue.departement else "national"
    return reverse("newsletter:archived_issue", args=[scope, issue.pk])


def issue_recipients(issue):
    return (
        Subscription.objects.of_scope(issue.departement).for_audience(issue.audience).order_by("pk")
    )


def write_issue_batch(issue, subscription_ids):
    """Write the issue to the outbox for the given subscribers (still subscribed ones)."""
    subscribers = Subscription.objects.filter(pk__in=subscription_ids).order_by("pk")
    template = issue_message(issue, "", PLACEHOLDER, "")
    messages = []
    for subscriber in subscribers:
        messages.append(
            replace(
                template,
                to=subscriber.email,
                key=f"lettre:{issue.pk}:{digest(subscriber.email)}",
                body_html=template.body_html.replace(PLACEHOLDER, subscriber.token),
                body_text=template.body_text.replace(PLACEHOLDER, subscriber.token),
                headers=unsubscribe_headers(unsubscribe_url(subscriber.token)),
            )
        )
    with transaction.atomic():
        rows = mail.queue(messages)
        Delivery.objects.bulk_create(
            [Delivery(issue=issue, email=row) for row in rows], ignore_conflicts=True
        )
    return len(rows)
