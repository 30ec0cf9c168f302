"""Coordinator permissions: each département section has a group that edits only that section.

A national administrator is a Django superuser and sees everything.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission
from wagtail.models.pages import PagePermissionTester

PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
COLLECTION_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "delete_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "delete_document", "choose_document"],
}


class StructuralPagePermissionTester(PagePermissionTester):
    """Coordinators edit and publish structural pages but never delete, move or unpublish them."""

    def can_delete(self, ignore_bulk=False):
        return self.user.is_superuser and super().can_delete(ignore_bulk)

    def can_move(self):
        return self.user.is_superuser and super().can_move()

    def can_unpublish(self):
        return self.user.is_superuser and super().can_unpublish()


def _collection_for(section):
    name = section.departement.nom
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


@transaction.atomic
def ensure_coordination_group(section):
    """Create or update the group, collection and permissions of a département section."""
    group, _created = Group.objects.get_or_create(name=str(section.coordination_group_name))
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )

    GroupPagePermission.objects.filter(group=group).exclude(page=section).delete()
    for codename in PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=section,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )

    collection = _collection_for(section)
    GroupCollectionPermission.objects.filter(group=group).exclude(collection=collection).delete()
    for app_label, codenames in COLLECTION_PERMISSIONS.items():
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=collection,
                permission=Permission.objects.get(
                    content_type__app_label=app_label, codename=codename
                ),
            )
    return group
