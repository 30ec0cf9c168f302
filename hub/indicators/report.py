"""The report of a section for a year: every active indicator with its figure, the previous
year's, the target and the progress towards it, grouped by family."""

from dataclasses import dataclass, field

from django.utils.dates import MONTHS_AP

from .catalogue import FAMILIES
from .models import IndicatorTarget
from .registry import active_indicators, compute_breakdowns, compute_figures

MONTH_LABELS = [MONTHS_AP[number] for number in range(1, 13)]


@dataclass
class Row:
    indicator: object
    figure: object
    previous: object
    target: int | None

    @property
    def value(self):
        return self.figure.value

    @property
    def previous_value(self):
        return self.previous.value

    @property
    def change(self):
        return self.figure.value - self.previous.value

    @property
    def progress(self):
        """Percentage of the target reached (rounded down), or None without a target."""
        if not self.target:
            return None
        return self.figure.value * 100 // self.target

    @property
    def months(self):
        """[(month label, value, previous year's value)] for monthly indicators, else []."""
        if self.figure.by_month is None:
            return []
        previous = self.previous.by_month or [0] * 12
        return list(zip(MONTH_LABELS, self.figure.by_month, previous, strict=True))


@dataclass
class FamilyReport:
    key: str
    label: str
    rows: list


@dataclass
class Report:
    section: object
    year: int
    families: list
    breakdowns: list = field(default_factory=list)

    @property
    def rows(self):
        return [row for family in self.families for row in family.rows]

    @property
    def previous_year(self):
        return self.year - 1


def build_report(section, year):
    current = compute_figures(section, year)
    previous = compute_figures(section, year - 1)
    targets = dict(
        IndicatorTarget.objects.filter(section=section, year=year).values_list(
            "indicator_key", "target"
        )
    )
    families = {key: FamilyReport(key, str(label), []) for key, label in FAMILIES.items()}
    for indicator in active_indicators():
        families[indicator.family].rows.append(
            Row(
                indicator,
                current[indicator.key],
                previous[indicator.key],
                targets.get(indicator.key),
            )
        )
    return Report(
        section,
        year,
        [family for family in families.values() if family.rows],
        compute_breakdowns(section, year),
    )
