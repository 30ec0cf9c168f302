"""Events built through the same code paths as the admin: add, revise, publish."""

import datetime

from events.models import EventAttendance, EventExceptionDate, EventIndexPage, EventPage


def agenda(parent):
    return parent.get_children().type(EventIndexPage).get().specific


def add_event(section, title, exception_dates=(), attendances=(), **fields):
    """Publish an event; `attendances` are (date, participants, structures_count) triples."""
    values = {
        "kind": EventPage.Kind.FORMATION,
        "audience": EventPage.Audience.PROFESSIONNELS,
        "start_date": datetime.date(2026, 3, 10),
        "start_time": datetime.time(14),
        "end_time": datetime.time(16),
        "commune": "Lille",
        "organiser": "Caf du Nord",
        "description": "<p>Description</p>",
    }
    values.update(fields)
    page = EventPage(title=title, **values)
    page.exception_dates = [EventExceptionDate(date=day) for day in exception_dates]
    page.attendances = [
        EventAttendance(date=day, participants=people, structures_count=orgs)
        for day, people, orgs in attendances
    ]
    page.full_clean(exclude=["path", "depth", "slug"])
    agenda(section).add_child(instance=page)
    page.save_revision().publish()
    return EventPage.objects.get(pk=page.pk)


def edit_event(page, **fields):
    page = EventPage.objects.get(pk=page.pk)
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return EventPage.objects.get(pk=page.pk)
