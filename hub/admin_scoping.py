"""Wagtail admin screens that name objects without asking the project's hooks: they are
narrowed here to the coordinator's département (see `hub.scoping`);
installed by `HubConfig.ready`."""

from django.core.exceptions import PermissionDenied
from wagtail.admin.views.bulk_action import BulkAction
from wagtail.admin.views.chooser import BrowseView
from wagtail.admin.views.generic.workflow import BaseWorkflowFormView, PreviewRevisionForTask
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.models import Page

from hub.scoping import out_of_scope


def _bulk_actions_name_only_own_objects():
    """A bulk action's confirmation lists the selected items the user may not act on: those of
    another département are left out, as if they had not been selected."""
    original = BulkAction.get_actionable_objects

    def get_actionable_objects(self):
        objects, context = original(self)
        context["items_with_no_access"] = [
            item
            for item in context["items_with_no_access"]
            if not out_of_scope(self.request.user, item)
        ]
        return objects, context

    BulkAction.get_actionable_objects = get_actionable_objects


def _page_chooser_browses_only_own_pages():
    """The page chooser refuses (403) to open another département's page (its children are already
    hidden by the `construct_page_chooser_queryset` hook, not the page itself)."""
    original = BrowseView.get

    def get(self, request, parent_page_id=None):
        if parent_page_id and out_of_scope(
            request.user, Page.objects.filter(pk=parent_page_id).first()
        ):
            raise PermissionDenied
        return original(self, request, parent_page_id)

    BrowseView.get = get


def _page_types_report_names_only_own_pages():
    """The page types report names the last edited page of each type: not another
    département's."""
    original = PageTypesUsageReportView.decorate_paginated_queryset

    def decorate_paginated_queryset(self, page_types):
        page_types = original(self, page_types)
        for item in page_types:
            if out_of_scope(self.request.user, item.last_edited_page):
                item.last_edited_page = None
        return page_types

    PageTypesUsageReportView.decorate_paginated_queryset = decorate_paginated_queryset


def _workflow_views_refuse_other_departements(view_class, method_name):
    """Wagtail's workflow screens announce « La page « … » n'est pas en attente de modération »
    before asking whether the user may see the page at all: another département's is refused."""
    original = getattr(view_class, method_name)

    def method(self, request, *args, **kwargs):
        if out_of_scope(request.user, self.object):
            raise PermissionDenied
        return original(self, request, *args, **kwargs)

    setattr(view_class, method_name, method)


def install():
    _bulk_actions_name_only_own_objects()
    _page_chooser_browses_only_own_pages()
    _page_types_report_names_only_own_pages()
    _workflow_views_refuse_other_departements(BaseWorkflowFormView, "dispatch")
    _workflow_views_refuse_other_departements(PreviewRevisionForTask, "get")
