"""Opening hours in OpenStreetMap `opening_hours` syntax, read with the `opening-hours-py` parser.

Times are local wall-clock times (Europe/Paris): the parser works on naive datetimes, so the
flags below do not move when clocks change.
"""

import datetime
from dataclasses import dataclass

import opening_hours
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

# The Caf expects a lieu ressource to open at least five half-days a week.
MINIMUM_HALF_DAYS = 5
EVENING = datetime.time(18, 0)
NOON = datetime.time(13, 0)


@dataclass(frozen=True)
class WeeklySummary:
    open_saturday: bool
    open_evening: bool
    half_days: int


def parse(expression):
    """The parsed expression, or a French `ValidationError`."""
    try:
        return opening_hours.OpeningHours(expression)
    except (opening_hours.ParserError, ValueError, TypeError) as error:
        raise ValidationError(
            _(
                "Horaires illisibles (syntaxe OpenStreetMap opening_hours attendue, par exemple "
                "« Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00 ») : %(error)s"
            ),
            params={"error": str(error).splitlines()[0]},
            code="opening_hours",
        ) from error


def summarize(expression, reference=None):
    """Saturday opening, opening after 18:00 and number of open half-days in a week.

    `reference` is a local date (default: today in Europe/Paris); the week starts on the Monday
    of that date's week, and two weeks are read so that "week 1/2"-style rules are seen.
    """
    parsed = parse(expression)
    day = reference or timezone.localdate()
    monday = day - datetime.timedelta(days=day.weekday())
    start = datetime.datetime.combine(monday, datetime.time.min)
    saturday = evening = False
    half_days_by_week = [set(), set()]
    for begin, end, state, _comment in parsed.intervals(start, start + datetime.timedelta(days=14)):
        if state != opening_hours.State.OPEN or end <= begin:
            continue
        week = 0 if begin < start + datetime.timedelta(days=7) else 1
        cursor = begin
        while cursor < end:
            day_end = datetime.datetime.combine(
                cursor.date() + datetime.timedelta(days=1), datetime.time.min
            )
            chunk_end = min(end, day_end)
            if cursor.weekday() == 5:
                saturday = True
            if chunk_end > datetime.datetime.combine(cursor.date(), EVENING):
                evening = True
            noon = datetime.datetime.combine(cursor.date(), NOON)
            if cursor < noon:
                half_days_by_week[week].add((cursor.date(), "am"))
            if chunk_end > noon:
                half_days_by_week[week].add((cursor.date(), "pm"))
            cursor = chunk_end
    half_days = max(len(found) for found in half_days_by_week)
    return WeeklySummary(open_saturday=saturday, open_evening=evening, half_days=half_days)
