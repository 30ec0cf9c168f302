"""The site's own expansion of recurring events: wall-clock times across DST, rules in words."""

import datetime
from types import SimpleNamespace

from django.test import SimpleTestCase

from hub.recurrence import PARIS, occurrences_of, rule_parts


def rule(**fields):
    values = {
        "start_date": datetime.date(2026, 3, 10),
        "start_time": datetime.time(14),
        "end_date": None,
        "end_time": datetime.time(16),
        "recurrence": "",
        "recurrence_interval": 1,
        "recurrence_until": None,
        "recurrence_count": None,
    }
    values.update(fields)
    return SimpleNamespace(**values)


class RecurrenceTests(SimpleTestCase):
    def test_weekly_meeting_keeps_its_local_time_across_march_dst(self):
        event = rule(recurrence="weekly", recurrence_count=4)
        starts = [item.start for item in occurrences_of(event, exception_dates=set())]
        self.assertEqual([start.hour for start in starts], [14, 14, 14, 14])
        self.assertEqual(
            [start.utcoffset() for start in starts],
            [datetime.timedelta(hours=1)] * 3 + [datetime.timedelta(hours=2)],
        )
        self.assertEqual(starts[-1], datetime.datetime(2026, 3, 31, 12, tzinfo=datetime.UTC))

    def test_second_tuesday_of_the_month_across_october_dst(self):
        event = rule(
            start_date=datetime.date(2026, 9, 8),
            recurrence="monthly_weekday",
            recurrence_until=datetime.date(2026, 12, 31),
        )
        occurrences = occurrences_of(event, exception_dates=set())
        self.assertEqual(
            [item.start.date() for item in occurrences],
            [datetime.date(2026, m, d) for m, d in [(9, 8), (10, 13), (11, 10), (12, 8)]],
        )
        self.assertEqual(
            occurrences[2].start, datetime.datetime(2026, 11, 10, 13, tzinfo=datetime.UTC)
        )
        self.assertEqual(rule_parts(event)["BYDAY"], "2TU")

    def test_fifth_weekday_means_the_last_one(self):
        event = rule(
            start_date=datetime.date(2026, 3, 31), recurrence="monthly_weekday", recurrence_count=3
        )
        days = [item.start.date() for item in occurrences_of(event, exception_dates=set())]
        self.assertEqual(
            days,
            [datetime.date(2026, 3, 31), datetime.date(2026, 4, 28), datetime.date(2026, 5, 26)],
        )
        self.assertEqual(rule_parts(event)["BYDAY"], "-1TU")

    def test_exception_dates_are_removed_after_counting(self):
        event = rule(recurrence="weekly", recurrence_count=3)
        days = [
            item.start.date()
            for item in occurrences_of(event, exception_dates={datetime.date(2026, 3, 17)})
        ]
        self.assertEqual(days, [datetime.date(2026, 3, 10), datetime.date(2026, 3, 24)])

    def test_all_day_multi_day_event_ends_the_day_after(self):
        event = rule(start_time=None, end_time=None, end_date=datetime.date(2026, 3, 12))
        (occurrence,) = occurrences_of(event, exception_dates=set())
        self.assertTrue(occurrence.all_day)
        self.assertEqual(occurrence.end, datetime.date(2026, 3, 13))
        self.assertEqual(occurrence.last_day, datetime.date(2026, 3, 12))
        self.assertTrue(occurrence.covers(datetime.date(2026, 3, 11)))

    def test_until_is_inclusive_and_sent_in_utc(self):
        event = rule(recurrence="weekly", recurrence_until=datetime.date(2026, 3, 24))
        self.assertEqual(len(occurrences_of(event, exception_dates=set())), 3)
        until = rule_parts(event)["UNTIL"]
        self.assertEqual(until, datetime.datetime(2026, 3, 24, 22, 59, 59, tzinfo=datetime.UTC))
        self.assertEqual(until.astimezone(PARIS).hour, 23)
