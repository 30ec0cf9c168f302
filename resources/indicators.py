"""Figures of the library for the coordinations' yearly indicators (see the reports of hub)."""

from django.db.models import Sum

from .models import MonthlyDownloads, ResourcePage


def _resources(section):
    resources = ResourcePage.objects.live()
    return resources.descendant_of(section) if section else resources


def tools_produced(section=None, year=None):
    """Published resources flagged "produit par la coordination départementale"."""
    resources = _resources(section).filter(produced_by_coordination=True)
    if year:
        resources = resources.filter(publication_date__year=year)
    return resources.count()


def downloads_by_month(section=None, year=None):
    """[(first day of the month, downloads)] of the section's published resources."""
    counters = MonthlyDownloads.objects.filter(file__page__in=_resources(section).values("pk"))
    if year:
        counters = counters.filter(month__year=year)
    return list(
        counters.values("month")
        .annotate(total=Sum("count"))
        .order_by("month")
        .values_list("month", "total")
    )
