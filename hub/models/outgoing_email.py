from django.db import models
from django.utils.translation import gettext_lazy as _


class OutgoingEmail(models.Model):
    """One message to one recipient, written once, then delivered by the task queue.

    The row is the delivery's memory. Its `key` names what the message is for (an invitation, one
    recipient of a campaign…): composing the same key again returns the existing row, so a double
    click or a task run twice never writes a second message. A message is marked "sending" before
    it reaches the SMTP server and is delivered at most once: a failure the server reports puts it
    back in the queue for a later attempt; a message left "sending" by a crashed worker is shown,
    not resent.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("en attente")
        SENDING = "sending", _("en cours d'envoi")
        SENT = "sent", _("envoyé")
        FAILED = "failed", _("échec après plusieurs essais")
        REFUSED = "refused", _("refusé par le serveur du destinataire")

    key = models.CharField(_("objet de l'envoi"), max_length=200, unique=True)
    to = models.EmailField(_("destinataire"))
    subject = models.CharField(_("sujet"), max_length=300)
    body_text = models.TextField(_("texte"))
    body_html = models.TextField(_("version HTML"), blank=True)
    headers = models.JSONField(_("en-têtes"), default=dict, blank=True)
    # [{"filename": …, "content": text, "mimetype": …}], see `hub.mail.Attachment`.
    attachments = models.JSONField(_("pièces jointes"), default=list, blank=True)
    status = models.CharField(
        _("état"), max_length=10, choices=Status, default=Status.QUEUED, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("essais"), default=0)
    last_error = models.TextField(_("dernière erreur"), blank=True)
    created_at = models.DateTimeField(_("écrit le"), auto_now_add=True)
    sent_at = models.DateTimeField(_("envoyé le"), null=True, blank=True)

    class Meta:
        verbose_name = _("courriel")
        verbose_name_plural = _("courriels")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.subject} → {self.to}"
