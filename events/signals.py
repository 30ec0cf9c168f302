"""Keep calendar identities and feeds current when events are published, moved or removed."""

from django.db.models import F
from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from events.models import CalendarVersion, EventPage


@receiver(page_published, sender=EventPage)
def count_publication(sender, instance, **kwargs):
    """Each publication is a new version for calendar applications (iCalendar SEQUENCE)."""
    EventPage.objects.filter(pk=instance.pk).update(sequence=F("sequence") + 1)
    instance.sequence = EventPage.objects.values_list("sequence", flat=True).get(pk=instance.pk)
    CalendarVersion.bump()


@receiver(page_unpublished, sender=EventPage)
@receiver(post_delete, sender=EventPage)
def invalidate_feeds(sender, **kwargs):
    CalendarVersion.bump()


@receiver(post_page_move)
def invalidate_feeds_on_move(sender, instance, **kwargs):
    if isinstance(instance.specific_deferred, EventPage):
        instance.specific.save(update_fields=["departement"])
        CalendarVersion.bump()
