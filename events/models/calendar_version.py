from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CalendarVersion(models.Model):
    """One row counting the changes to published events.

    Calendar feeds derive their ETag, Last-Modified and cache key from it, so any publication,
    unpublication, move or deletion of an event invalidates every feed at once, in every
    process, for the price of one indexed read per request.
    """

    version = models.PositiveBigIntegerField(_("version"), default=0)
    changed_at = models.DateTimeField(_("modifié le"), default=timezone.now)

    class Meta:
        verbose_name = _("version de l'agenda")

    def __str__(self):
        return f"{self.version} ({self.changed_at:%Y-%m-%d %H:%M:%S})"

    @classmethod
    def current(cls):
        return cls.objects.get_or_create(pk=1)[0]

    @classmethod
    def bump(cls):
        now = timezone.now().replace(microsecond=0)
        if not cls.objects.filter(pk=1).update(version=F("version") + 1, changed_at=now):
            cls.objects.get_or_create(pk=1, defaults={"version": 1, "changed_at": now})
