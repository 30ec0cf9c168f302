"""The feed builder as it was before feeds were built from plain rows (main at 9008746): page
instances, Django's `strip_tags`, the first escaping and folding. Kept only as the reference
the tests compare the row builder with, byte for byte (tests/events/test_ical_rows.py)."""

import datetime

from django.utils.html import strip_tags

from events import ical
from events.choices import Kind, Status
from hub import recurrence

_ESCAPES = str.maketrans({"\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n", "\r": ""})


def text(value):
    return str(value).translate(_ESCAPES)


def fold(line):
    data = line.encode()
    if len(data) <= 75:
        return data
    pieces, start, limit = [], 0, 75
    while len(data) - start > limit:
        end = start + limit
        while data[end] & 0xC0 == 0x80:
            end -= 1
        pieces.append(data[start:end])
        start, limit = end, 74
    pieces.append(data[start:])
    return b"\r\n ".join(pieces)


def utc(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def when(name, value):
    if isinstance(value, datetime.datetime):
        return f"{name};TZID={ical.TZID}:{value:%Y%m%dT%H%M%S}"
    return f"{name};VALUE=DATE:{value:%Y%m%d}"


def recur(parts):
    values = []
    for key, value in parts.items():
        if isinstance(value, datetime.datetime):
            value = utc(value)
        elif isinstance(value, datetime.date):
            value = f"{value:%Y%m%d}"
        values.append(f"{key}={value}")
    return ";".join(values)


def description(item, url):
    parts = [strip_tags(item.description).strip()]
    parts.append(f"Organisé par : {item.organiser}")
    if item.online_url:
        parts.append(f"En ligne : {item.online_url}")
    if item.registration_url or item.registration_contact:
        contact = " – ".join(filter(None, [item.registration_url, item.registration_contact]))
        parts.append(f"Inscription : {contact}")
    parts.append(url)
    return "\n\n".join(part for part in parts if part)


def summary(item):
    if item.status == Status.CANCELLED:
        return f"[Annulé] {item.title}"
    if item.status == Status.POSTPONED:
        return f"[Reporté] {item.title}"
    return item.title


def build_event(item, url):
    stamp = utc(item.last_published_at or item.latest_revision_created_at)
    start, end = recurrence.first_start_end(item)
    status = {Status.CANCELLED: "CANCELLED", Status.POSTPONED: "TENTATIVE"}
    lines = [
        "BEGIN:VEVENT",
        f"UID:{item.uid}@{ical.UID_DOMAIN}",
        f"SUMMARY:{text(summary(item))}",
        f"DTSTAMP:{stamp}",
        f"LAST-MODIFIED:{stamp}",
        f"CREATED:{utc(item.first_published_at) if item.first_published_at else stamp}",
        f"SEQUENCE:{item.sequence}",
        f"STATUS:{status.get(item.status, 'CONFIRMED')}",
        when("DTSTART", start),
        when("DTEND", end),
    ]
    rule = recurrence.rule_parts(item)
    if rule:
        lines.append(f"RRULE:{recur(rule)}")
        exdates = sorted(exception.date for exception in item.exception_dates.all())
        if exdates and not item.all_day:
            exdates = [
                datetime.datetime.combine(day, item.start_time, recurrence.PARIS) for day in exdates
            ]
        if exdates:
            if item.all_day:
                days = ",".join(f"{day:%Y%m%d}" for day in exdates)
                lines.append(f"EXDATE;VALUE=DATE:{days}")
            else:
                days = ",".join(f"{day:%Y%m%dT%H%M%S}" for day in exdates)
                lines.append(f"EXDATE;TZID={ical.TZID}:{days}")
    lines.append(f"URL:{url}")
    location = item.place_label or item.online_url
    if location:
        lines.append(f"LOCATION:{text(location)}")
    if item.latitude is not None and item.longitude is not None:
        lines.append(f"GEO:{float(item.latitude)};{float(item.longitude)}")
    lines += [
        f"DESCRIPTION:{text(description(item, url))}",
        f"CATEGORIES:{text(Kind(item.kind).label)}",
        f"TRANSP:{'TRANSPARENT' if item.all_day else 'OPAQUE'}",
        "END:VEVENT",
    ]
    return b"\r\n".join(fold(line) for line in lines)


def calendar(title, pages, page_url):
    """The calendar of `pages` (event page instances, exception dates prefetched)."""
    header = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{ical.PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{text(title)}",
        f"X-WR-TIMEZONE:{ical.TZID}",
        "REFRESH-INTERVAL;VALUE=DURATION:PT6H",
        "X-PUBLISHED-TTL:PT6H",
        *ical.PARIS_VTIMEZONE,
    ]
    parts = [fold(line) for line in header]
    parts += [build_event(item, page_url(item)) for item in pages]
    parts.append(b"END:VCALENDAR")
    return b"\r\n".join(parts) + b"\r\n"
