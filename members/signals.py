"""A members group for every département; the search index and the proxy's cache in step with page
privacy (Wagtail sends no signal of its own when a view restriction is added or removed)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction

from hub import frontend_cache
from search import indexing, registry
from territories.models import Departement

from .access import members_group


@receiver(post_save, sender=Departement, dispatch_uid="members_group_of_departement")
def departement_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        members_group(instance)


def _reindex_under(page_id):
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return
    pages = Page.objects.filter(path__startswith=page.path).specific()
    indexing.update_objects([p for p in pages if registry.types_for_model(type(p))])
    # A copy the proxy kept while the page was public would be served for minutes more; the
    # listings and the sitemap change too.
    frontend_cache.purge_page(page, subtree=True)


@receiver(post_save, sender=PageViewRestriction, dispatch_uid="members_restriction_saved")
@receiver(post_delete, sender=PageViewRestriction, dispatch_uid="members_restriction_deleted")
def restriction_changed(sender, instance, **kwargs):
    """Take the page and its subtree out of the index and the proxy's cache, or put them back."""
    _reindex_under(instance.page_id)
