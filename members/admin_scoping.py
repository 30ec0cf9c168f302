"""Wagtail's privacy dialog offers every group of the site; a coordinator is offered only the
members group of the département the page belongs to (installed by `MembersConfig.ready`)."""

from django.contrib.auth.models import Group
from wagtail.admin.views.page_privacy import SetPrivacyView

from hub.scoping import section_of

from .models import MembersGroup


def offered_groups(user, page):
    """The groups `user` may keep `page` to: all for a national administrator, else the
    members group of the page's département (none for a national page)."""
    if user.is_superuser:
        return Group.objects.all()
    section = section_of(page)
    if section is None:
        return Group.objects.none()
    return Group.objects.filter(
        pk__in=MembersGroup.objects.filter(departement=section.departement_id).values("group")
    )


def install():
    original = SetPrivacyView.get_form

    def get_form(self, form_class=None):
        form = original(self, form_class)
        form.fields["groups"].queryset = offered_groups(self.request.user, self.page)
        return form

    SetPrivacyView.get_form = get_form
