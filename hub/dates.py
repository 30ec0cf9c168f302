"""Dates the French way: "1er janvier", never "1 janvier".

Django's `date` filter writes the day of the month with `j` ("1"); French writes the first day of
a month as an ordinal. `format_date` adds "er" after `j` on the 1st; the `date` template filter of
`hub.templatetags.french_dates` (a template builtin, see settings) uses it everywhere.
"""

from dateutil.relativedelta import relativedelta
from django.utils.dateformat import format as django_format
from django.utils.formats import get_format


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
