"""Indicator figures from the library: resources published, tools produced by the coordination,
and the downloads of those tools.

A resource counts when it is a live page of the section; its date is its "date de publication"
(`publication_date`, the date the library shows). `outils_produits`: resources flagged
"produit par la coordination départementale" published in the year; `ressources_publiees`: all
resources published in the year; `telechargements_outils`: downloads in the year, month by
month (the monthly counters of `resources.models.record_download`, Paris time), of the files of the
coordination's tools, whenever the tool was published. Drill-down of the downloads: one item per
tool downloaded in the year, with its number of downloads.
"""

from django.db.models import Sum
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from hub.indicators.providers import count_by_month
from hub.indicators.registry import Figure, IndicatorProvider, Item, register
from resources.models import MonthlyDownloads, ResourcePage


def resources(section):
    return ResourcePage.objects.live().descendant_of(section)


def tools(section):
    return resources(section).filter(produced_by_coordination=True)


@register
class LibraryProvider(IndicatorProvider):
    """Resources and tools published by the section in the year, and downloads of its tools."""

    keys = ("outils_produits", "ressources_publiees", "telechargements_outils")
    source_label = _("Ressourcerie")

    def figures(self, section, year):
        return {
            "outils_produits": count_by_month(tools(section), "publication_date", year),
            "ressources_publiees": count_by_month(resources(section), "publication_date", year),
            "telechargements_outils": self._downloads(section, year),
        }

    def _downloads(self, section, year):
        rows = (
            MonthlyDownloads.objects.filter(
                file__page__in=tools(section).values("pk"), month__year=year
            )
            .order_by()
            .values("month")
            .annotate(total=Sum("count"))
        )
        months = [0] * 12
        for row in rows:
            months[row["month"].month - 1] += row["total"]
        return Figure(sum(months), months)

    def items(self, key, section, year, limit=None):
        if key == "telechargements_outils":
            return self._download_items(section, year, limit)
        pages = tools(section) if key == "outils_produits" else resources(section)
        pages = pages.filter(publication_date__year=year).order_by("publication_date", "pk")
        kinds = dict(ResourcePage._meta.get_field("kind").choices)
        return [
            Item(
                title=page.title,
                date=page.publication_date,
                url=page.url or "",
                admin_url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
                detail=str(kinds.get(page.kind, "")),
            )
            for page in pages.defer("document_text")[:limit]
        ]

    def _download_items(self, section, year, limit):
        pages = (
            tools(section)
            .filter(files__monthly_downloads__month__year=year)
            .annotate(downloads=Sum("files__monthly_downloads__count"))
            .filter(downloads__gt=0)
            .defer("document_text")
            .order_by("publication_date", "pk")
        )
        return [
            Item(
                title=page.title,
                date=page.publication_date,
                url=page.url or "",
                admin_url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
                detail=ngettext(
                    "%(count)s téléchargement", "%(count)s téléchargements", page.downloads
                )
                % {"count": page.downloads},
                quantity=page.downloads,
            )
            for page in pages[:limit]
        ]
