"""A registration deleted in the admin (or anywhere) frees its place: see
`webforms.registrations.deleted`."""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from . import registrations
from .models import FormAnswer, RegistrationFormPage


@receiver(post_delete, sender=FormAnswer)
def registration_deleted(sender, instance, **kwargs):
    if not instance.status:
        return  # an answer to a needs survey
    if not RegistrationFormPage.objects.filter(pk=instance.page_id).exists():
        return  # the form page itself is being deleted
    registrations.deleted(instance)
