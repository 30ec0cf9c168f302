"""Confirmation links: the reader's choices, signed and dated, so that nothing is stored before
the address is confirmed. A link older than `NEWSLETTER_CONFIRMATION_DAYS`, or changed by a
single character, is refused with a French message (400)."""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import BadRequest
from django.utils.translation import gettext as _

SUBSCRIPTION_SALT = "newsletter.subscription"
ALERT_SALT = "newsletter.alert"


def make(payload, salt):
    return signing.dumps(payload, salt=salt, compress=True)


def read(token, salt):
    """The payload of `token`; BadRequest if it was tampered with or has expired."""
    max_age = timedelta(days=settings.NEWSLETTER_CONFIRMATION_DAYS)
    try:
        return signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired:
        raise BadRequest(
            _(
                "Ce lien de confirmation a expiré (il est valable %(days)s jours). "
                "Recommencez votre inscription pour en recevoir un nouveau."
            )
            % {"days": settings.NEWSLETTER_CONFIRMATION_DAYS}
        ) from None
    except (signing.BadSignature, ValueError):
        raise BadRequest(
            _(
                "Ce lien de confirmation n'est pas valide : il a peut-être été coupé ou modifié. "
                "Copiez l'adresse complète reçue par courriel, ou recommencez votre inscription."
            )
        ) from None
