"""Admin listing of directory records not updated for over a year ("à mettre à jour")."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.permission_policies.pages import PagePermissionPolicy

from directory.models import ActionPage, LieuRessourcePage, PromeneurPage, StructurePage

STALE_AFTER = datetime.timedelta(days=365)
RECORD_MODELS = [ActionPage, LieuRessourcePage, PromeneurPage, StructurePage]


def stale_records_for(user, now=None):
    """Live directory records that `user` may edit, last published over 12 months ago."""
    cutoff = (now or timezone.now()) - STALE_AFTER
    content_types = ContentType.objects.get_for_models(*RECORD_MODELS).values()
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change"])
    return (
        editable.filter(content_type__in=content_types, live=True)
        .filter(Q(last_published_at__lt=cutoff) | Q(last_published_at__isnull=True))
        .select_related("content_type")
        .order_by("last_published_at", "pk")
    )


def stale_records(request):
    records = list(stale_records_for(request.user)[:500])
    return render(
        request,
        "directory/admin/stale_records.html",
        {"records": records, "page_title": _("Fiches à mettre à jour")},
    )
