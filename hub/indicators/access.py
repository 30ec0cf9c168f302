"""Who sees the indicators of which département: a coordinator those of the sections their group
edits, a national administrator (superuser) all of them. Anyone else is refused (403)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from wagtail.models import GroupPagePermission

from hub.models import DepartementPage


def sections_for(user):
    """The département sections whose indicators `user` may read and edit."""
    sections = DepartementPage.objects.select_related("departement").order_by("departement__code")
    if user.is_superuser:
        return sections
    edited = GroupPagePermission.objects.filter(
        group__user=user, permission__codename="change_page"
    ).values("page_id")
    return sections.filter(pk__in=edited)


def section_or_refuse(user, section_pk):
    """The section `section_pk` if `user` may see its indicators; 404 if it does not exist,
    403 if it belongs to another coordination."""
    section = get_object_or_404(
        DepartementPage.objects.select_related("departement"), pk=section_pk
    )
    if not sections_for(user).filter(pk=section.pk).exists():
        raise PermissionDenied
    return section
