"""Actions' sessions: the next ones, as parents read them, and the checks that keep the free-text
"précisions" from contradicting them. Sessions repeat like events (`hub.recurrence`)."""

import re

from django.utils import timezone
from django.utils.translation import gettext as _

from directory import choices
from hub import recurrence
from hub.dates import format_date, format_time

UPCOMING_LIMIT = 5
WEEKDAY_NAMES = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
_DAY = r"(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)s?"
_DAY_RANGE = re.compile(rf"\bdu {_DAY} au {_DAY}\b", re.IGNORECASE)
_DAY_WORD = re.compile(rf"\b{_DAY}\b", re.IGNORECASE)
_WEEKEND = re.compile(r"\bweek-?ends?\b", re.IGNORECASE)
_APPOINTMENT = re.compile(r"\brendez-vous\b", re.IGNORECASE)


def occurrences(session_rules, cancelled=frozenset()):
    """Every occurrence of an action's sessions, cancelled days removed, sorted by start."""
    found = [
        occurrence
        for rule in session_rules
        for occurrence in recurrence.occurrences_of(rule, exception_dates=cancelled)
    ]
    return sorted(found, key=lambda occurrence: occurrence.start)


def upcoming(action, now=None, limit=UPCOMING_LIMIT):
    """The next sessions of `action` that have not started yet (at most `limit`)."""
    now = now or timezone.now()
    cancelled = {item.date for item in action.cancelled_dates.all()}
    later = [item for item in occurrences(action.sessions.all(), cancelled) if item.start > now]
    return later[:limit]


def day_label(day):
    """ "mercredi 9 décembre 2026", "mardi 1er décembre 2026"."""
    return format_date(day, "l j F Y")


def session_label(occurrence):
    """ "mercredi 9 décembre 2026, 14 h – 16 h" (or "…, à 14 h" when the end is not known)."""
    start, end = occurrence.start, occurrence.end
    if end > start:
        hours = f"{format_time(start)} – {format_time(end)}"
    else:
        hours = _("à %(time)s") % {"time": format_time(start)}
    return f"{day_label(start.date())}, {hours}"


def named_weekdays(text):
    """The weekdays (0 = Monday) that `text` names, "du lundi au vendredi" counting as five."""
    days = set()
    for first, last in _DAY_RANGE.findall(text):
        start, end = WEEKDAY_NAMES.index(first.lower()), WEEKDAY_NAMES.index(last.lower())
        days.update(range(start, end + 1) if start <= end else [*range(start, 7), *range(end + 1)])
    days.update(WEEKDAY_NAMES.index(word.lower()) for word in _DAY_WORD.findall(text))
    if _WEEKEND.search(text):
        days.update({5, 6})
    return days


def contradictions(text, registration, registration_url, session_days):
    """What the page would say twice, differently: {field name: French message}.

    `session_days` are the dates of every session (cancelled ones included)."""
    errors = {}
    named = named_weekdays(text)
    odd = sorted(day for day in session_days if named and day.weekday() not in named)
    appointment = bool(_APPOINTMENT.search(text))
    if odd:
        errors["schedule"] = _(
            "Les précisions citent le %(named)s, mais une séance a lieu le %(date)s : "
            "accordez le texte et les séances."
        ) % {
            "named": _(" ou le ").join(WEEKDAY_NAMES[day] for day in sorted(named)),
            "date": day_label(odd[0]),
        }
    elif appointment and session_days:
        errors["schedule"] = _(
            "« Sur rendez-vous » contredit les séances datées : retirez ces mots ou les séances."
        )
    if registration == choices.Registration.LIBRE:
        if appointment:
            errors["registration"] = _(
                "Une action sur rendez-vous ne peut pas être « Sans inscription »."
            )
        if registration_url:
            errors["registration_url"] = _(
                "Une action « Sans inscription » n'a pas de lien d'inscription : videz le lien "
                "ou choisissez « Sur inscription »."
            )
    return errors
