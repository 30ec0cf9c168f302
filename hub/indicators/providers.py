"""Indicator providers of the hub itself, helpers for the others, and the contract they follow.

A provider subclasses `registry.IndicatorProvider`, lists the catalogue keys it computes and is
registered with `@register`. Another app adds its providers in an `indicator_providers.py` module
(imported at start-up by `hub.indicators`), with nothing to change in the dashboard, targets,
year comparison, exports or permission checks, which work over whatever is registered.

Rules every provider follows:

- Scope: only content of the département `section` (a `hub.DepartementPage`): pages with
  `Model.objects.live().descendant_of(section)`, other models through their own link to the
  section. Never content of another section.
- Year: the calendar year in Europe/Paris; `count_by_month`/`sum_by_month` below filter and
  bucket a date or datetime field correctly (the current time zone is Europe/Paris).
- Speed: aggregate in the database, a few queries per call whatever the volume.
- Items: one `registry.Item` per thing counted, with its public `url` when it has one and its
  `admin_url` (edit view) for the coordination.

The other areas' providers: `events/indicator_providers.py` (sessions held and their
attendance), `directory/indicator_providers.py` (size, freshness and coverage of the directory,
Promeneurs du Net) and `resources/indicator_providers.py` (tools, resources, downloads); each
module's docstring says what it counts.
"""

import functools

from django.db.models import Count, Sum
from django.db.models.functions import ExtractMonth
from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _

from hub.models import NewsPage

from .models import ActivityRecord
from .registry import Figure, IndicatorProvider, Item, register


def count_by_month(queryset, date_field, year):
    """Figure counting the rows of `queryset` whose `date_field` falls in `year`."""
    return _by_month(queryset, date_field, year, Count("pk"))


def sum_by_month(queryset, date_field, year, sum_field):
    """Figure summing `sum_field` over the rows whose `date_field` falls in `year`."""
    return _by_month(queryset, date_field, year, Sum(sum_field))


def _by_month(queryset, date_field, year, aggregate):
    rows = (
        queryset.filter(**{f"{date_field}__year": year})
        .annotate(month=ExtractMonth(date_field))
        .order_by()
        .values("month")
        .annotate(total=aggregate)
    )
    months = [0] * 12
    for row in rows:
        months[row["month"] - 1] = row["total"] or 0
    return Figure(sum(months), months)


@register
class NewsProvider(IndicatorProvider):
    """News published by the section, by their publication date."""

    keys = ("actualites_publiees",)
    source_label = _("Actualités")

    def _news(self, section):
        return NewsPage.objects.live().descendant_of(section)

    def figures(self, section, year):
        return {"actualites_publiees": count_by_month(self._news(section), "date", year)}

    def items(self, key, section, year, limit=None):
        pages = self._news(section).filter(date__year=year).order_by("date", "pk")[:limit]
        return [
            Item(
                title=page.title,
                date=page.date,
                url=page.url or "",
                admin_url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
            )
            for page in pages
        ]


@functools.lru_cache(maxsize=512)
def participants_label(count, language):
    return ngettext("%(count)s participant", "%(count)s participants", count) % {"count": count}


@functools.lru_cache(maxsize=512)
def structures_label(count, language):
    return ngettext("%(count)s structure", "%(count)s structures", count) % {"count": count}


KIND_INDICATORS = {
    ActivityRecord.Kind.NETWORK_MEETING: "reunions_reseau",
    ActivityRecord.Kind.PRACTICE_ANALYSIS: "analyses_pratique",
    ActivityRecord.Kind.EXCHANGE_DAY: "journees_echanges",
    ActivityRecord.Kind.TRAINING: "formations",
    ActivityRecord.Kind.PARTNER_MEETING: "rencontres_partenaires",
    ActivityRecord.Kind.PROMOTION: "actions_promotion",
    ActivityRecord.Kind.OTHER: "autres_activites",
}
INDICATOR_KINDS = {key: kind for kind, key in KIND_INDICATORS.items()}


@register
class ActivityRecordProvider(IndicatorProvider):
    """Activities entered by hand: one indicator per kind, plus participants and structures."""

    keys = (*KIND_INDICATORS.values(), "participants", "structures_representees")
    source_label = _("Activité saisie")

    def figures(self, section, year):
        rows = (
            ActivityRecord.objects.filter(section=section, date__year=year)
            .annotate(month=ExtractMonth("date"))
            .order_by()
            .values("kind", "month")
            .annotate(count=Count("pk"), people=Sum("participants"), orgs=Sum("structures"))
        )
        figures = {key: Figure(0, [0] * 12) for key in self.keys}
        for row in rows:
            month = row["month"] - 1
            for key, amount in (
                (KIND_INDICATORS[row["kind"]], row["count"]),
                ("participants", row["people"] or 0),
                ("structures_representees", row["orgs"] or 0),
            ):
                figures[key].value += amount
                figures[key].by_month[month] += amount
        return figures

    def items(self, key, section, year, limit=None):
        records = ActivityRecord.objects.filter(section=section, date__year=year)
        if key in INDICATOR_KINDS:
            records = records.filter(kind=INDICATOR_KINDS[key])
        elif key == "participants":
            records = records.filter(participants__gt=0)
        else:
            records = records.filter(structures__gt=0)
        records = records.only("pk", "kind", "date", "title", "participants", "structures")
        # Labels and URLs worked out once: tens of thousands of items must stay fast.
        kind_labels = {kind: str(label) for kind, label in ActivityRecord.Kind.choices}
        list_url = reverse("indicators:activity_list", args=[section.pk])
        return [
            self._item(key, record, kind_labels, list_url)
            for record in records.order_by("date", "pk")[:limit]
        ]

    def _item(self, key, record, kind_labels, list_url):
        quantity = 1
        if key == "participants":
            quantity = record.participants
        elif key == "structures_representees":
            quantity = record.structures
        parts = [kind_labels[record.kind]]
        if record.participants:
            parts.append(participants_label(record.participants, get_language()))
        if record.structures:
            parts.append(structures_label(record.structures, get_language()))
        return Item(
            title=record.title,
            date=record.date,
            admin_url=f"{list_url}{record.pk}/",  # indicators:activity_edit
            detail=" · ".join(parts),
            quantity=quantity,
        )
