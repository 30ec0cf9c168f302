"""Records whose last verification is long past, for the freshness tests."""

import datetime
import re

from django.utils import timezone
from wagtail.models import Page

CONFIRM_LINK = re.compile(r"http://[^\s\"<>]+/espace-porteurs/verifier/[^\s\"<>]+/")


def backdate(*pages, days=400):
    """Publish `pages` `days` ago, as if nobody had looked at them since."""
    moment = timezone.now() - datetime.timedelta(days=days)
    Page.objects.filter(pk__in=[page.pk for page in pages]).update(last_published_at=moment)


def plain(message):
    return message.get_body(("plain",)).get_content()


def by_recipient(mailbox):
    messages = {}
    for message in mailbox.messages:
        messages.setdefault(message["To"], []).append(message)
    return messages
