"""Signal handlers keeping the index in step: publish, unpublish, move, delete, save."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import indexing, registry


@receiver(page_published, dispatch_uid="search_page_published")
@receiver(page_unpublished, dispatch_uid="search_page_unpublished")
def page_changed(sender, instance, **kwargs):
    if registry.types_for_model(type(instance)):
        indexing.update_objects([instance])


@receiver(post_page_move, dispatch_uid="search_page_moved")
def page_moved(sender, instance, **kwargs):
    """A move changes URL and département of the page and of everything under it."""
    pages = [instance.specific, *Page.objects.descendant_of(instance).specific()]
    indexing.update_objects([p for p in pages if registry.types_for_model(type(p))])


@receiver(post_save, dispatch_uid="search_object_saved")
def object_saved(sender, instance, **kwargs):
    if isinstance(instance, Page):
        return  # pages go through publish/unpublish, not every draft save
    if registry.types_for_model(type(instance)):
        indexing.update_objects([instance])


@receiver(post_delete, dispatch_uid="search_object_deleted")
def object_deleted(sender, instance, **kwargs):
    for searchable in registry.types_for_model(type(instance)):
        indexing.remove_ids(searchable.key, [instance.pk])
