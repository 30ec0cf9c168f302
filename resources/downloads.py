"""Download counts: one counter per file and per month, incremented in the database itself
(`F()`), so that simultaneous downloads are all counted. Nothing about the visitor is stored."""

from django.db import connection
from django.db.models import OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from .models import MonthlyDownloads, ResourceFile


def record_download(file_id, when=None):
    """Add one download to the file's counter of the month, in one statement.

    An upsert (SQLite and PostgreSQL alike) creates the counter or increments it atomically:
    no read-then-write, so simultaneous downloads neither race nor wait on each other's reads.
    """
    month = timezone.localdate(when).replace(day=1)
    table = connection.ops.quote_name(MonthlyDownloads._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (file_id, month, count) VALUES (%s, %s, 1) "
            f"ON CONFLICT (file_id, month) DO UPDATE SET count = {table}.count + 1",
            [file_id, connection.ops.adapt_datefield_value(month)],
        )


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
