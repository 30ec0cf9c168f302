"""The admin's weekly grid for opening hours, stored as OpenStreetMap `opening_hours`.

Each day has a "fermé" box and a few time ranges; the grid is written as an OSM expression
("Mo-Fr 09:00-12:00,14:00-17:00; PH off"). An "advanced" box switches to the raw expression, which
also accepts simple French ("lundi 9h-12h"). Expressions the grid cannot show (week numbers,
months, comments…) open in the advanced mode.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from directory import hours_french, opening_hours

SLOTS = 3
TIME_RE = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


def grid_table(expression):
    """{weekday: [(start, end), …]} when the grid can show the expression, else None."""
    if not expression:
        return {}
    rules = hours_french.parse_rules(expression)
    if rules is None:
        return None
    table = {}
    for rule in rules:
        closed = rule["modifier"] in ("off", "closed")
        if rule["weeks"] or rule["months"] or rule["comment"] or rule["modifier"] == "open":
            return None
        if rule["days"] == "PH":
            if not closed:
                return None
            continue
        if (
            rule["days"]
            and not re.fullmatch(r"[A-Za-z,\-]+", rule["days"])
            or "SH" in (rule["days"] or "")
        ):
            return None
        ranges = [] if closed else hours_french.parse_times(rule["times"])
        if not closed and not ranges:
            return None
        days = hours_french.expand_days(rule["days"]) if rule["days"] else range(7)
        for day in days:
            table[day] = ranges
    if any(len(ranges) > SLOTS for ranges in table.values()):
        return None
    return table


class OpeningHoursWidget(forms.Widget):
    """Days × time ranges, a "fermé" box per day, and the raw expression as an advanced option.

    With `minimum_half_days`, the number of open half-days is shown while editing, with the Caf's
    warning under the minimum (computed by the server on display, then live by the script).
    """

    class Media:
        js = ["directory/js/opening-hours-widget.js"]
        css = {"all": ["directory/css/opening-hours-widget.css"]}

    def __init__(self, attrs=None, minimum_half_days=None):
        super().__init__(attrs)
        self.minimum_half_days = minimum_half_days

    def value_from_datadict(self, data, files, name):
        if data.get(f"{name}-mode") == "raw" or f"{name}-mo-0-start" not in data:
            return {"mode": "raw", "raw": data.get(name, "")}
        grid = {}
        for day, code in enumerate(hours_french.DAY_CODES):
            prefix = f"{name}-{code.lower()}"
            grid[day] = {
                "closed": bool(data.get(f"{prefix}-closed")),
                "ranges": [
                    (data.get(f"{prefix}-{slot}-start", ""), data.get(f"{prefix}-{slot}-end", ""))
                    for slot in range(SLOTS)
                ],
            }
        return {"mode": "grid", "grid": grid, "raw": data.get(name, "")}

    def render(self, name, value, attrs=None, renderer=None):
        return render_to_string("directory/widgets/opening_hours.html", self.context(name, value))

    def context(self, name, value):
        if isinstance(value, dict) and value.get("mode") == "grid":
            raw, grid, advanced = value.get("raw", ""), value["grid"], False
        else:
            raw = value.get("raw", "") if isinstance(value, dict) else (value or "")
            table = grid_table(raw)
            advanced = table is None or (isinstance(value, dict) and value.get("mode") == "raw")
            grid = {
                day: {
                    "closed": not (table or {}).get(day),
                    "ranges": list((table or {}).get(day, [])),
                }
                for day in range(7)
            }
        days = []
        for day, label in enumerate(hours_french.day_names()):
            ranges = list(grid[day]["ranges"]) + [("", "")] * SLOTS
            days.append(
                {
                    "code": hours_french.DAY_CODES[day].lower(),
                    "label": label,
                    "closed": grid[day]["closed"],
                    "ranges": ranges[:SLOTS],
                }
            )
        warning = count = None
        if self.minimum_half_days:
            try:
                count = opening_hours.summarize(raw).half_days if raw else 0
            except ValidationError:
                count = None
            warning = opening_hours.half_day_warning(count) if count is not None else None
        return {
            "name": name,
            "raw": raw,
            "advanced": advanced,
            "unrepresentable": raw and grid_table(raw) is None,
            "days": days,
            "minimum": self.minimum_half_days,
            "warning": warning,
            "warning_one": opening_hours.half_day_warning(1).replace("1", "__count__", 1),
            "warning_many": opening_hours.half_day_warning(2).replace("2", "__count__", 1),
            "description": hours_french.describe(raw) if raw else "",
        }


class OpeningHoursFormField(forms.CharField):
    """Turns the grid (or the raw French or OSM text) into a valid OSM expression."""

    widget = OpeningHoursWidget

    def to_python(self, value):
        if isinstance(value, dict) and value.get("mode") == "grid":
            return self.grid_expression(value["grid"])
        raw = value.get("raw", "") if isinstance(value, dict) else value
        return opening_hours.to_expression(raw)

    def grid_expression(self, grid):
        table, errors = {}, []
        for day, label in enumerate(hours_french.day_names()):
            if grid[day]["closed"]:
                continue
            ranges = []
            for slot, (start, end) in enumerate(grid[day]["ranges"], start=1):
                start, end = start.strip(), end.strip()
                if not start and not end:
                    continue
                where = _("%(day)s, plage %(slot)s") % {"day": label.capitalize(), "slot": slot}
                if not (TIME_RE.match(start) and TIME_RE.match(end)):
                    errors.append(
                        _(
                            "%(where)s : indiquez l'heure de début et l'heure de fin "
                            "(par exemple 09:00 et 12:00)."
                        )
                        % {"where": where}
                    )
                elif end <= start:
                    errors.append(
                        _("%(where)s : l'heure de fin doit être après l'heure de début.")
                        % {"where": where}
                    )
                else:
                    ranges.append((start, end))
            ranges.sort()
            if any(
                later[0] < earlier[1] for earlier, later in zip(ranges, ranges[1:], strict=False)
            ):
                errors.append(
                    _("%(day)s : les plages horaires se chevauchent.") % {"day": label.capitalize()}
                )
            table[day] = ranges
        if errors:
            raise ValidationError(errors)
        return opening_hours.weekly_expression(table)

    def has_changed(self, initial, data):
        try:
            return (initial or "") != self.to_python(data)
        except ValidationError:
            return True


class OpeningHoursField(models.CharField):
    """A `CharField` holding OSM `opening_hours`, edited in the admin with the weekly grid."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": OpeningHoursFormField, **kwargs})
