from django.db.models.signals import post_save
from django.dispatch import receiver

from hub.models import DepartementPage
from hub.permissions import ensure_coordination_group


@receiver(post_save, sender=DepartementPage)
def give_section_its_coordination_group(sender, instance, **kwargs):
    ensure_coordination_group(instance)
