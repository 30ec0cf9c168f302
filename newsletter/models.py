"""The newsletter of each coordination (and the national one) and the parents' saved alerts.

Only what the reader chose is stored, with their address: which letter (a département or the
national one) and for whom (parents, professionals); which search, for an alert. Nothing is
written before the address is confirmed: the confirmation link carries the choices, signed
(`newsletter.tokens`). Unsubscribing deletes the row.
"""

import secrets

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.fields import RichTextField


def new_token():
    return secrets.token_urlsafe(24)


class Audience(models.TextChoices):
    PARENTS = "parents", _("Parents")
    PROFESSIONALS = "professionnels", _("Professionnels")


class IssueAudience(models.TextChoices):
    EVERYONE = "tous", _("Parents et professionnels")
    PARENTS = "parents", _("Parents")
    PROFESSIONALS = "professionnels", _("Professionnels")


class SubscriptionQuerySet(models.QuerySet):
    def of_scope(self, departement):
        """The subscriptions of one letter: a département's, or the national one (None)."""
        if departement is None:
            return self.filter(departement__isnull=True)
        return self.filter(departement=departement)

    def for_audience(self, audience):
        """The subscribers an issue written for `audience` (an IssueAudience) goes to."""
        if audience == IssueAudience.PARENTS:
            return self.filter(parents=True)
        if audience == IssueAudience.PROFESSIONALS:
            return self.filter(professionals=True)
        return self.filter(Q(parents=True) | Q(professionals=True))


class Subscription(models.Model):
    """One confirmed address receiving one letter, for parents and/or professionals."""

    email = models.EmailField(_("adresse électronique"))
    departement = models.ForeignKey(
        "territories.Departement",
        verbose_name=_("département"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Vide : la lettre nationale."),
    )
    parents = models.BooleanField(_("parents"), default=False)
    professionals = models.BooleanField(_("professionnels"), default=False)
    token = models.CharField(_("jeton de désabonnement"), max_length=40, unique=True)
    confirmed_at = models.DateTimeField(_("confirmée le"))

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("inscription à la lettre")
        verbose_name_plural = _("inscriptions à la lettre")
        constraints = [
            models.UniqueConstraint(
                fields=["email", "departement"], name="one_subscription_per_letter"
            ),
            models.UniqueConstraint(
                fields=["email"],
                condition=Q(departement__isnull=True),
                name="one_national_subscription",
            ),
        ]

    def __str__(self):
        return self.email


class Issue(models.Model):
    """One issue of a letter, composed in the admin and sent once.

    While `sent_at` is empty it is a draft the coordinator may change. Sending freezes what the
    readers received (`content_html`, `content_text`, without anyone's unsubscribe link): the online
    archive shows exactly that.
    """

    departement = models.ForeignKey(
        "territories.Departement",
        verbose_name=_("département"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Vide : la lettre nationale."),
    )
    audience = models.CharField(
        _("destinataires"), max_length=20, choices=IssueAudience, default=IssueAudience.EVERYONE
    )
    subject = models.CharField(_("titre"), max_length=150)
    text = RichTextField(
        _("votre texte"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link"],
    )
    pages = models.ManyToManyField(
        "wagtailcore.Page", verbose_name=_("contenus choisis"), blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    sent_at = models.DateTimeField(_("envoyée le"), null=True, blank=True, db_index=True)
    number = models.PositiveIntegerField(_("numéro"), null=True, blank=True)
    content_html = models.TextField(_("contenu HTML envoyé"), blank=True)
    content_text = models.TextField(_("contenu texte envoyé"), blank=True)

    class Meta:
        verbose_name = _("numéro de la lettre")
        verbose_name_plural = _("numéros de la lettre")
        ordering = ["-sent_at", "-created_at"]

    def __str__(self):
        return self.subject

    @property
    def is_sent(self):
        return self.sent_at is not None


class Delivery(models.Model):
    """The outbox message of one reader of one issue: what the issue's counts are made of."""

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="deliveries")
    email = models.OneToOneField(
        "hub.OutgoingEmail", on_delete=models.CASCADE, related_name="newsletter_delivery"
    )

    class Meta:
        verbose_name = _("envoi d'un numéro")
        verbose_name_plural = _("envois des numéros")

    def __str__(self):
        return f"{self.issue} → {self.email.to}"


class SavedAlert(models.Model):
    """A parent's saved search on a directory or an agenda, with the address it goes to.

    `query` is the listing's own query string, checked by the listing's form when saved and
    each time it runs. `checked_until` is the end of the last window looked at: the next
    message lists what was published after it.
    """

    email = models.EmailField(_("adresse électronique"))
    listing = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("liste"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    query = models.CharField(_("recherche"), max_length=1000, blank=True)
    token = models.CharField(_("jeton de désabonnement"), max_length=40, unique=True)
    confirmed_at = models.DateTimeField(_("confirmée le"))
    checked_until = models.DateTimeField(_("nouveautés cherchées jusqu'au"))

    class Meta:
        verbose_name = _("alerte")
        verbose_name_plural = _("alertes")
        constraints = [
            models.UniqueConstraint(
                fields=["email", "listing", "query"], name="one_alert_per_search"
            )
        ]

    def __str__(self):
        return f"{self.email} — {self.query}"
