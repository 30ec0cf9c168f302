import threading

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from hub import frontend_cache, login_throttle
from hub.models import DepartementPage
from hub.permissions import ensure_coordination_group
from search.models import Synonym

_moving = threading.local()


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


@receiver(page_published, dispatch_uid="frontend_cache_published")
@receiver(page_unpublished, dispatch_uid="frontend_cache_unpublished")
def purge_changed_page(sender, instance, **kwargs):
    frontend_cache.purge_page(instance)


@receiver(pre_delete, sender=Page, dispatch_uid="frontend_cache_deleted")
def purge_deleted_page(sender, instance, **kwargs):
    if instance.live:
        frontend_cache.purge_page(instance, subtree=True)


@receiver(pre_page_move, dispatch_uid="frontend_cache_moving")
def remember_place_before_move(sender, instance, **kwargs):
    if frontend_cache.enabled():
        _moving.__dict__.setdefault("rules", {})[instance.pk] = frontend_cache.page_rules(
            instance, subtree=True
        )


@receiver(post_page_move, dispatch_uid="frontend_cache_moved")
def purge_moved_page(sender, instance, **kwargs):
    before = _moving.__dict__.setdefault("rules", {}).pop(instance.pk, [])
    if frontend_cache.enabled():
        frontend_cache.ban(before + frontend_cache.page_rules(instance, subtree=True))


@receiver(post_save, sender=Synonym, dispatch_uid="frontend_cache_synonym_saved")
@receiver(post_delete, sender=Synonym, dispatch_uid="frontend_cache_synonym_deleted")
def purge_searches(sender, **kwargs):
    frontend_cache.ban(frontend_cache.searches_with_words())
