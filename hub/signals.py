from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db.models.signals import post_save
from django.dispatch import receiver

from hub import login_throttle
from hub.models import DepartementPage
from hub.permissions import ensure_coordination_group


@receiver(post_save, sender=DepartementPage)
def give_section_its_coordination_group(sender, instance, **kwargs):
    ensure_coordination_group(instance)


@receiver(user_login_failed)
def count_login_failure(sender, credentials, request=None, **kwargs):
    if request is not None:
        login_throttle.count_failure(credentials.get("username", ""), request)


@receiver(user_logged_in)
def reset_login_failures(sender, request, user, **kwargs):
    if request is not None:
        login_throttle.reset_failures(user.get_username(), request)
