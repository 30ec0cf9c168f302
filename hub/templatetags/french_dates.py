"""The `date` filter with French ordinals ("1er janvier") and the French time filters
(`french_time`: "19 h 30"; `french_datetime`: "1er mars 2027 à 19 h 30"), installed as a
template builtin: every template has them without `{% load %}`. See `hub.dates`."""

from django import template
from django.template.defaultfilters import date as django_date

from hub.dates import format_datetime, format_time, resolve_format, with_ordinal

register = template.Library()


@register.filter(expects_localtime=True, is_safe=False)
def date(value, arg=None):
    """Django's `date` filter, writing the first day of a month "1er"."""
    if getattr(value, "day", None) != 1:
        return django_date(value, arg)
    return django_date(value, with_ordinal(resolve_format(arg), 1))


@register.filter(expects_localtime=True, is_safe=False)
def french_time(value):
    """A time of day as "9 h", "9 h 05", "19 h 30" (no-break spaces); "" for no value."""
    if value in (None, ""):
        return ""
    try:
        return format_time(value)
    except AttributeError:
        return ""


@register.filter(expects_localtime=True, is_safe=False)
def french_datetime(value, arg="j F Y"):
    """A moment as "1er mars 2027 à 19 h 30"; the argument is the date part's format."""
    if value in (None, ""):
        return ""
    try:
        return format_datetime(value, arg)
    except AttributeError:
        return ""
