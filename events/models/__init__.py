from .calendar_version import CalendarVersion
from .event import EventAttendance, EventExceptionDate, EventPage
from .index import EventIndexPage

__all__ = [
    "CalendarVersion",
    "EventAttendance",
    "EventExceptionDate",
    "EventIndexPage",
    "EventPage",
]
