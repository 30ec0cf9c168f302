import json

from django import template
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from directory import hours_french, opening_hours, sessions, structured_data
from directory.models.closures import current_and_coming

register = template.Library()


@register.filter
def km(distance):
    """A distance in French format: "3,2 km"."""
    if distance is None:
        return ""
    return _("%(distance)s km") % {"distance": number_format(distance, 1)}


@register.filter
def session_label(occurrence):
    """A session in plain French: "mercredi 9 décembre 2026, 14 h – 16 h"."""
    return sessions.session_label(occurrence)


@register.filter
def tel_href(phone):
    return "tel:" + "".join(char for char in phone if char.isdigit() or char == "+")


@register.simple_tag(takes_context=True)
def json_ld(context, page):
    """schema.org description of a record as a JSON-LD data block (not executed, CSP-safe)."""
    data = structured_data.describe(page, context["request"])
    text = json.dumps(data, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.simple_tag
def directions_url(page):
    """A link to an itinerary towards the record, in OpenStreetMap (opened by the parent)."""
    if page.latitude is None or page.longitude is None:
        return ""
    return (
        "https://www.openstreetmap.org/directions?route=%3B"
        f"{page.latitude:.5f}%2C{page.longitude:.5f}#map=15/{page.latitude:.5f}/{page.longitude:.5f}"
    )


def hours_facts(page, with_state):
    closures = current_and_coming(page) if page.pk else []
    state = None
    if with_state:
        code = page.commune.departement_code if page.commune_id else ""
        state = opening_hours.live_state(
            page.opening_hours, closures=closures, departement_code=code
        )
    return {
        "description": hours_french.describe(page.opening_hours),
        "state": hours_french.state_text(state),
        "is_open": bool(state and state.is_open),
        "closures": [hours_french.closure_text(closure) for closure in closures],
    }


@register.inclusion_tag("directory/includes/opening_hours.html")
def opening_hours_facts(page, with_state=True):
    """A record's hours in plain French, open now or not, and its coming closures."""
    return hours_facts(page, with_state)


@register.simple_tag
def opening_hours_summary(page):
    """One line for a result card: "du lundi au vendredi, 9 h – 12 h · fermé · ouvre à 14 h"."""
    facts = hours_facts(page, with_state=True)
    # The holidays clause is for the record's page; a card keeps to the week and the state.
    week = facts["description"].removesuffix(" ; " + hours_french.holidays_closed_text())
    return " · ".join(part for part in (week, facts["state"]) if part)
