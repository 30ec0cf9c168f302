"""Dates of occurrences in French words, and the schema.org description of an event."""

import datetime
import re

from django import template
from django.utils import formats, timezone
from django.utils.html import escape, json_script
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from hub.dates import format_date, format_time
from hub.recurrence import PARIS, monthly_position

register = template.Library()

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
PHONE_RE = re.compile(r"(?<![\d+])(?:\+33\s?|0)[1-9](?:[\s.-]?\d{2}){4}(?!\d)")


def _day(value):
    return format_date(value, "l j F Y")


def _time(value):
    return format_time(value)


@register.filter
def occurrence_when(occurrence):
    """« mardi 10 mars 2026, de 14 h à 16 h 30 », « du lundi 2 au mercredi 4 mars 2026 »…"""
    if occurrence.all_day:
        if occurrence.multi_day:
            return _("du %(start)s au %(end)s") % {
                "start": _day(occurrence.start),
                "end": _day(occurrence.last_day),
            }
        return _("%(day)s, toute la journée") % {"day": _day(occurrence.start)}
    start = timezone.localtime(occurrence.start, PARIS)
    end = timezone.localtime(occurrence.end, PARIS)
    if occurrence.multi_day:
        return _("du %(start)s à %(start_time)s au %(end)s à %(end_time)s") % {
            "start": _day(start),
            "start_time": _time(start),
            "end": _day(end),
            "end_time": _time(end),
        }
    return _("%(day)s, de %(start)s à %(end)s") % {
        "day": _day(start),
        "start": _time(start),
        "end": _time(end),
    }


@register.filter
def contact_links(text):
    """Free contact text with its e-mail addresses and French phone numbers as links."""

    def link(match):
        value = match.group(0)
        if "@" in value:
            return f'<a href="mailto:{value}">{value}</a>'
        digits = re.sub(r"\D", "", value)
        number = "+33" + digits[2:] if digits.startswith("33") else "+33" + digits[1:]
        return f'<a href="tel:{number}">{value}</a>'

    pattern = re.compile(f"{EMAIL_RE.pattern}|{PHONE_RE.pattern}")
    return mark_safe(pattern.sub(link, escape(text)))


@register.filter
def occurrence_time(occurrence):
    """The hours of an occurrence, for the month grid."""
    if occurrence.all_day:
        return _("journée")
    start = timezone.localtime(occurrence.start, PARIS)
    return _time(start)


@register.filter
def iso(value):
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value, PARIS).isoformat()
    return value.isoformat()


@register.filter
def recurrence_label(event):
    """« Toutes les semaines », « Le 2e mardi de chaque mois »… with its end."""
    if not event.recurrence:
        return ""
    interval = event.recurrence_interval or 1
    weekday = formats.date_format(event.start_date, "l")
    if event.recurrence == "weekly":
        text = (
            _("Chaque %(weekday)s") % {"weekday": weekday}
            if interval == 1
            else _("Un %(weekday)s toutes les %(n)s semaines") % {"weekday": weekday, "n": interval}
        )
    elif event.recurrence == "monthly_day":
        text = _("Le %(day)s de chaque mois") % {"day": event.start_date.day}
        if interval > 1:
            text = _("Le %(day)s, tous les %(n)s mois") % {
                "day": event.start_date.day,
                "n": interval,
            }
    else:
        position = monthly_position(event.start_date)
        ordinal = (
            _("dernier") if position == -1 else (_("1er") if position == 1 else f"{position}e")
        )
        text = _("Le %(ordinal)s %(weekday)s de chaque mois") % {
            "ordinal": ordinal,
            "weekday": weekday,
        }
        if interval > 1:
            text = _("Le %(ordinal)s %(weekday)s, tous les %(n)s mois") % {
                "ordinal": ordinal,
                "weekday": weekday,
                "n": interval,
            }
    if event.recurrence_count:
        return _("%(text)s, %(count)s séances") % {"text": text, "count": event.recurrence_count}
    return _("%(text)s, jusqu'au %(until)s") % {
        "text": text,
        "until": format_date(event.recurrence_until, "j F Y"),
    }


SCHEMA_STATUS = {
    "confirmed": "https://schema.org/EventScheduled",
    "cancelled": "https://schema.org/EventCancelled",
    "postponed": "https://schema.org/EventPostponed",
}


@register.simple_tag(takes_context=True)
def event_json_ld(context, event, occurrence):
    """A schema.org Event as a JSON-LD data block (not executed, so allowed by the CSP)."""
    request = context["request"]
    url = request.build_absolute_uri(event.url)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "url": url,
        "startDate": iso(occurrence.start),
        "endDate": iso(occurrence.end if not occurrence.all_day else occurrence.last_day),
        "eventStatus": SCHEMA_STATUS[event.status],
        "description": event.search_description or event.title,
        "organizer": {"@type": "Organization", "name": event.organiser},
        "inLanguage": "fr",
    }
    locations = []
    if event.place_label:
        place = {
            "@type": "Place",
            "name": event.venue_name or event.commune,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": event.address,
                "postalCode": event.postcode,
                "addressLocality": event.commune,
                "addressCountry": "FR",
            },
        }
        if event.latitude is not None:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(event.latitude),
                "longitude": float(event.longitude),
            }
        locations.append(place)
    if event.online_url:
        locations.append({"@type": "VirtualLocation", "url": event.online_url})
    data["location"] = locations[0] if len(locations) == 1 else locations
    data["eventAttendanceMode"] = (
        "https://schema.org/MixedEventAttendanceMode"
        if len(locations) == 2
        else "https://schema.org/OnlineEventAttendanceMode"
        if event.online_url
        else "https://schema.org/OfflineEventAttendanceMode"
    )
    if event.capacity:
        data["maximumAttendeeCapacity"] = event.capacity
    if event.registration_url:
        data["offers"] = {
            "@type": "Offer",
            "url": event.registration_url,
            "price": 0,
            "priceCurrency": "EUR",
        }
    # json_script escapes <, > and & so that the data cannot close the script element.
    block = json_script(data)
    return mark_safe(block.replace('type="application/json"', 'type="application/ld+json"', 1))
