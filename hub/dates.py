"""Dates and times of day the French way: "1er janvier", "9 h 30", site-wide.

Django's `date` filter writes the day of the month with `j` ("1"); French writes the first day of
a month as an ordinal. `format_date` adds "er" after `j` on the 1st; the `date` template filter of
`hub.templatetags.french_dates` (a template builtin, see settings) uses it everywhere.

A time of day follows the French typographic norm: the hour without a leading zero, « h », the
minutes on two digits when there are any, no-break spaces (U+00A0) so that a line never ends
inside it: « 9 h », « 9 h 05 », « 19 h 30 », « 0 h 15 ». `format_time` writes it, and
`format_datetime` a date with its time (« 1er mars 2027 à 23 h 59 »); the `french_time` and
`french_datetime` template filters (same builtin) call them. Every time a person reads goes through
them; machine formats (ISO attributes, iCalendar, CSV and XLSX exports) do not.
"""

import datetime

from dateutil.relativedelta import relativedelta
from django.utils import timezone
from django.utils.dateformat import format as django_format
from django.utils.formats import get_format
from django.utils.translation import gettext as _

NO_BREAK_SPACE = "\u00a0"


def with_ordinal(format_string, day):
    """The format with `j` followed by an escaped "er" when `day` is the first of the month."""
    if day != 1:
        return format_string
    result, escaped = [], False
    for char in format_string:
        result.append(char)
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "j":
            result.append(r"\e\r")
    return "".join(result)


def resolve_format(format_string=None):
    """A format string, or the localized format it names ("DATE_FORMAT" by default)."""
    return get_format(format_string or "DATE_FORMAT")


def format_date(value, format_string=None):
    """`value` formatted like the `date` filter (format names allowed), with "1er"."""
    return django_format(value, with_ordinal(resolve_format(format_string), value.day))


def add_months(day, months):
    """`day` plus `months` calendar months; the 31st becomes the last day of a shorter month."""
    return day + relativedelta(months=months)


def _local(value):
    """An aware datetime in the current time zone (Paris); anything else as it is."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def format_time(value):
    """A time of day (a time or a datetime, aware ones in Paris time) as "9 h", "9 h 05",
    "19 h 30", with no-break spaces."""
    value = _local(value)
    text = f"{value.hour}{NO_BREAK_SPACE}h"
    if value.minute:
        text += f"{NO_BREAK_SPACE}{value.minute:02d}"
    return text


def format_datetime(value, date_format="j F Y"):
    """A moment as "1er mars 2027 à 23 h 59" (the date part in `date_format`), in Paris time."""
    value = _local(value)
    return _("%(date)s à %(time)s") % {
        "date": format_date(value, date_format),
        "time": format_time(value),
    }
