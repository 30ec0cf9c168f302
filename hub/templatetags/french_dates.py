"""The `date` filter with French ordinals ("1er janvier"), installed as a template builtin."""

from django import template
from django.template.defaultfilters import date as django_date

from hub.dates import resolve_format, with_ordinal

register = template.Library()


@register.filter(expects_localtime=True, is_safe=False)
def date(value, arg=None):
    """Django's `date` filter, writing the first day of a month "1er"."""
    if getattr(value, "day", None) != 1:
        return django_date(value, arg)
    return django_date(value, with_ordinal(resolve_format(arg), 1))
