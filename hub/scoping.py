"""What a coordinator may link to: pages of their own département section, images and documents
of the collections they may choose from. National administrators (superusers) see everything."""

from functools import reduce
from operator import or_

from django.apps import apps
from django.db.models import Q
from wagtail.models import Collection, GroupPagePermission, Page
from wagtail.permissions import policy_registry


def own_sections(user):
    """The département sections a coordinator edits (none for a superuser: not restricted)."""
    DepartementPage = apps.get_model("hub", "DepartementPage")
    pages = GroupPagePermission.objects.filter(group__user=user).values("page__path")
    return DepartementPage.objects.filter(path__in=pages)


def section_of(page):
    """The département section that holds `page` (or is `page`), or None at national level."""
    DepartementPage = apps.get_model("hub", "DepartementPage")
    if page is None:
        return None
    return DepartementPage.objects.ancestor_of(page, inclusive=True).first()


def other_sections_excluded(pages, user):
    """`pages` without the subtrees of the sections `user` does not edit."""
    DepartementPage = apps.get_model("hub", "DepartementPage")
    if user.is_superuser:
        return pages
    own = list(own_sections(user).values_list("path", flat=True))
    others = DepartementPage.objects.exclude(path__in=own).values_list("path", flat=True)
    subtrees = [Q(path__startswith=path) for path in others]
    return pages.exclude(reduce(or_, subtrees)) if subtrees else pages


def same_section(page, section):
    """True when `page` lies in `section`'s subtree, or when neither belongs to a section."""
    if section is None:
        return section_of(page) is None
    return page.path.startswith(section.path)


def choosable_collections(user, model):
    """The collections whose images (or documents: `model`) `user` may choose from."""
    if user.is_superuser:
        return Collection.objects.all()
    policy = policy_registry.get_by_type(model)
    return policy.collections_user_has_permission_for(user, "choose")


def out_of_scope(user, obj):
    """True when `obj` (a page, or an image or document) belongs to a département that `user`
    does not coordinate, or to a collection they may not choose from."""
    if user.is_superuser or obj is None:
        return False
    if isinstance(obj, Page):
        return not other_sections_excluded(Page.objects.filter(pk=obj.pk), user).exists()
    if hasattr(obj, "collection_id"):
        return not choosable_collections(user, type(obj)).filter(pk=obj.collection_id).exists()
    return False
