"""Occurrences of events and of actions' sessions: the one place where the site expands
recurrences.

A schedule source is any object with `start_date`, `start_time`, `end_date`, `end_time` and the
fields of `hub.models.recurrence.RecurrenceRule` (an event page, an action's session).
Times are wall-clock times in Europe/Paris: a meeting at 14:00 stays at 14:00 across the
March and October DST changes, as RFC 5545 prescribes for a DTSTART with a TZID. The
iCalendar feeds describe the same rules (see `events.ical`), and the tests check that an
independent library expanding the feeds finds exactly these occurrences.
"""

import datetime
import functools
from collections import namedtuple
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from dateutil import rrule

PARIS = ZoneInfo("Europe/Paris")
MAX_OCCURRENCES = 200

WEEKLY = "weekly"
MONTHLY_DAY = "monthly_day"
MONTHLY_WEEKDAY = "monthly_weekday"
WEEKDAYS = [rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU]
ICAL_WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


@dataclass(frozen=True)
class Occurrence:
    """One occurrence of a schedule source (`event`: an event page or an action's session):
    aware datetimes, or dates (end exclusive) when all-day."""

    event: object
    start: datetime.date | datetime.datetime
    end: datetime.date | datetime.datetime

    @property
    def all_day(self):
        return not isinstance(self.start, datetime.datetime)

    @property
    def start_date(self):
        return self.start if self.all_day else self.start.date()

    @property
    def last_day(self):
        """The last day the occurrence covers (inclusive)."""
        if self.all_day:
            return self.end - datetime.timedelta(days=1)
        return (self.end - datetime.timedelta(microseconds=1)).date()

    @property
    def multi_day(self):
        return self.last_day > self.start_date

    @property
    def ends_at(self):
        """The end as an aware datetime, for comparisons with now."""
        if self.all_day:
            return datetime.datetime.combine(self.end, datetime.time(), PARIS)
        return self.end

    def covers(self, day):
        return self.start_date <= day <= self.last_day


def monthly_position(day):
    """The position of `day`'s weekday in its month: 1 to 4, or -1 for a fifth (the last)."""
    position = (day.day - 1) // 7 + 1
    return -1 if position == 5 else position


def first_start_end(event):
    """Start and end of the first occurrence (end exclusive for all-day events)."""
    end_date = event.end_date or event.start_date
    if event.start_time is None:
        return event.start_date, end_date + datetime.timedelta(days=1)
    start = datetime.datetime.combine(event.start_date, event.start_time, PARIS)
    end = datetime.datetime.combine(end_date, event.end_time or event.start_time, PARIS)
    return start, end


def rule_parts(event):
    """The recurrence rule as RFC 5545 parts (`vRecur` keys), or None for a single event."""
    if not event.recurrence:
        return None
    parts = {"FREQ": "WEEKLY" if event.recurrence == WEEKLY else "MONTHLY"}
    if event.recurrence_interval and event.recurrence_interval > 1:
        parts["INTERVAL"] = event.recurrence_interval
    if event.recurrence == MONTHLY_DAY:
        parts["BYMONTHDAY"] = event.start_date.day
    elif event.recurrence == MONTHLY_WEEKDAY:
        position = monthly_position(event.start_date)
        parts["BYDAY"] = f"{position}{ICAL_WEEKDAYS[event.start_date.weekday()]}"
    if event.recurrence_count:
        parts["COUNT"] = event.recurrence_count
    elif event.recurrence_until:
        if event.start_time is None:
            parts["UNTIL"] = event.recurrence_until
        else:
            # With a TZID on DTSTART, RFC 5545 wants UNTIL in UTC: the end of that local day.
            local = datetime.datetime.combine(
                event.recurrence_until, datetime.time(23, 59, 59), PARIS
            )
            parts["UNTIL"] = local.astimezone(datetime.UTC)
    return parts


def _rule(event, dtstart):
    kwargs = {"dtstart": dtstart, "interval": event.recurrence_interval or 1}
    if event.recurrence == WEEKLY:
        freq = rrule.WEEKLY
    else:
        freq = rrule.MONTHLY
        if event.recurrence == MONTHLY_DAY:
            kwargs["bymonthday"] = event.start_date.day
        else:
            weekday = WEEKDAYS[event.start_date.weekday()]
            kwargs["byweekday"] = weekday(monthly_position(event.start_date))
    if event.recurrence_count:
        kwargs["count"] = event.recurrence_count
    elif event.recurrence_until:
        until = datetime.datetime.combine(event.recurrence_until, datetime.time(23, 59, 59))
        kwargs["until"] = until.replace(tzinfo=dtstart.tzinfo)
    else:
        kwargs["count"] = MAX_OCCURRENCES
    return rrule.rrule(freq, **kwargs)


def _starts(event, first_start):
    """Every start of `event`, before removing exception dates."""
    if not event.recurrence:
        return [first_start]
    return _repeated_starts(
        RuleInputs(
            event.recurrence,
            event.recurrence_interval,
            event.recurrence_count,
            event.recurrence_until,
            event.start_date,
        ),
        first_start,
    )


RuleInputs = namedtuple(
    "RuleInputs",
    ["recurrence", "recurrence_interval", "recurrence_count", "recurrence_until", "start_date"],
)


@functools.lru_cache(maxsize=20_000)
def _repeated_starts(inputs, first_start):
    """The starts of a repeated schedule, by what its rule reads: an agenda lays out the
    occurrences of a thousand repeated events at each request, and the rule's expansion was
    three quarters of its time. A tuple, since it is shared."""
    if isinstance(first_start, datetime.datetime):
        return tuple(_rule(inputs, first_start))[:MAX_OCCURRENCES]
    midnight = datetime.datetime.combine(first_start, datetime.time())
    return tuple(start.date() for start in _rule(inputs, midnight))[:MAX_OCCURRENCES]


def occurrences_of(event, exception_dates=None):
    """All the occurrences of one event, in order, exception dates removed.

    `exception_dates` defaults to the event's saved exception dates (prefetch them in lists).
    """
    if exception_dates is None:
        carried = getattr(event, "exception_days", None)  # a feed's plain row carries them
        if carried is not None:
            exception_dates = set(carried)
        else:
            exception_dates = {item.date for item in event.exception_dates.all()}
    first_start, first_end = first_start_end(event)
    duration = first_end - first_start
    result = []
    for start in _starts(event, first_start):
        day = start if not isinstance(start, datetime.datetime) else start.date()
        if day in exception_dates:
            continue
        # Same tzinfo on both sides: Python adds wall-clock time, as RFC 5545 does.
        result.append(Occurrence(event, start, start + duration))
    return result


def occurrences(events, after=None, before=None):
    """The occurrences of `events` that end after `after` and start before `before`
    (aware datetimes, each optional), sorted by start."""
    result = []
    for event in events:
        for occurrence in occurrences_of(event):
            if after is not None and occurrence.ends_at <= after:
                continue
            if before is not None and _starts_at(occurrence) >= before:
                continue
            result.append(occurrence)
    result.sort(key=lambda item: (_starts_at(item), item.event.title, item.event.pk))
    return result


def _starts_at(occurrence):
    if occurrence.all_day:
        return datetime.datetime.combine(occurrence.start, datetime.time(), PARIS)
    return occurrence.start
