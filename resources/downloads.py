"""Download counts: one counter per file and per month, incremented in the database itself
(`F()`), so that simultaneous downloads are all counted. Nothing about the visitor is stored."""

from django.db import IntegrityError, transaction
from django.db.models import F, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from .models import MonthlyDownloads, ResourceFile


def record_download(file_id, when=None):
    month = timezone.localdate(when).replace(day=1)
    counters = MonthlyDownloads.objects.filter(file_id=file_id, month=month)
    if counters.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            MonthlyDownloads.objects.create(file_id=file_id, month=month, count=1)
    except IntegrityError:
        # Another download created this month's counter between our update and our insert.
        counters.update(count=F("count") + 1)


def total_downloads_of_resource():
    """An expression: all downloads of the files of the resource in the outer query."""
    totals = (
        MonthlyDownloads.objects.filter(file__page=OuterRef("pk"))
        .order_by()
        .values("file__page")
        .annotate(total=Sum("count"))
        .values("total")
    )
    return Coalesce(Subquery(totals), Value(0))


def files_with_downloads(page):
    """The files of a published resource, each with its `downloads` total (one query)."""
    return list(
        ResourceFile.objects.filter(page=page)
        .defer("extracted_text")
        .annotate(downloads=Coalesce(Sum("monthly_downloads__count"), Value(0)))
        .order_by("sort_order", "pk")
    )
