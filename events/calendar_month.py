"""The month grid of an agenda: weeks from Monday to Sunday, each day with its occurrences."""

import calendar
import datetime
from dataclasses import dataclass, field

from hub.recurrence import PARIS


@dataclass
class Day:
    date: datetime.date
    in_month: bool
    occurrences: list = field(default_factory=list)


@dataclass
class MonthGrid:
    first_of_month: datetime.date
    weeks: list

    @property
    def first_day(self):
        return self.weeks[0][0].date

    @property
    def last_day(self):
        return self.weeks[-1][-1].date

    @property
    def previous_month(self):
        return (self.first_of_month - datetime.timedelta(days=1)).replace(day=1)

    @property
    def next_month(self):
        return (self.first_of_month + datetime.timedelta(days=32)).replace(day=1)

    def bounds(self):
        """Aware datetimes framing the grid, for `recurrence.occurrences`."""
        start = datetime.datetime.combine(self.first_day, datetime.time(), PARIS)
        end = datetime.datetime.combine(
            self.last_day + datetime.timedelta(days=1), datetime.time(), PARIS
        )
        return start, end

    def fill(self, occurrences):
        for week in self.weeks:
            for day in week:
                day.occurrences = [item for item in occurrences if item.covers(day.date)]

    @property
    def occurrence_count(self):
        return len({id(item) for week in self.weeks for day in week for item in day.occurrences})


def month_grid(first_of_month):
    weeks = calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(
        first_of_month.year, first_of_month.month
    )
    return MonthGrid(
        first_of_month,
        [[Day(day, day.month == first_of_month.month) for day in week] for week in weeks],
    )
