"""Indicator figures from the agenda: the sessions actually held, and who came.

A session counts when it was held in the year: the event is a live page of the section with the
status "Confirmé" (cancelled events, and postponed ones, which did not take place on their date,
never count), the session starts in the year (Europe/Paris) and has ended. A recurring event
counts each of its held occurrences, as `events.recurrence` expands them (exception dates
removed). Participants and structures represented are the attendance rows recorded for a held
session (same date), summed; the admin form only accepts attendance on a past session date.

Kinds of event and the indicator they feed:

- Rencontre du réseau -> reunions_reseau; Analyse de la pratique -> analyses_pratique;
  Journée départementale -> journees_echanges; Formation -> formations;
- Rencontre avec les partenaires and Comité de pilotage -> rencontres_partenaires (a steering
  committee gathers the institutional partners of the network);
- Temps fort pour les parents -> actions_promotion: the Fnp describes these conferences and
  ciné-débats as making parenting support visible to parents (axe 4, volet 2: promotion);
- Autre -> autres_activites.

Each held session also adds its attendance to `participants` and `structures_representees`,
whatever its kind.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from events.models import EventAttendance, EventExceptionDate, EventPage
from hub import recurrence
from hub.indicators.providers import participants_label, structures_label
from hub.indicators.registry import Figure, IndicatorProvider, Item, once, register

Kind = EventPage.Kind

KIND_INDICATORS = {
    Kind.RENCONTRE_RESEAU: "reunions_reseau",
    Kind.ANALYSE_PRATIQUE: "analyses_pratique",
    Kind.JOURNEE_DEPARTEMENTALE: "journees_echanges",
    Kind.FORMATION: "formations",
    Kind.RENCONTRE_PARTENAIRES: "rencontres_partenaires",
    Kind.COMITE_PILOTAGE: "rencontres_partenaires",
    Kind.TEMPS_FORT_PARENTS: "actions_promotion",
    Kind.AUTRE: "autres_activites",
}


@dataclass(frozen=True)
class Session:
    """One held occurrence of an event, with the attendance recorded for it."""

    event: EventPage
    date: datetime.date
    participants: int
    structures: int

    @property
    def indicator(self):
        return KIND_INDICATORS[self.event.kind]


def held_sessions(section, year):
    """The sessions of the section's events held in `year`, in date order (three queries, once
    per view that shares its computations)."""
    return once(("events.held_sessions", section.pk, year), lambda: _held_sessions(section, year))


def _held_sessions(section, year):
    now = timezone.now()
    events = (
        EventPage.objects.live()
        .descendant_of(section)
        .filter(
            status=EventPage.Status.CONFIRMED,
            start_date__lte=datetime.date(year, 12, 31),
            last_date__gte=datetime.date(year, 1, 1),
        )
        .defer("description")
        .order_by("start_date", "pk")
    )
    # Exception dates and attendance as plain rows, grouped here: far cheaper than prefetching
    # thousands of related managers.
    exceptions = EventExceptionDate.objects.filter(event__in=events)
    exception_dates = defaultdict(set)
    for event_id, day in exceptions.values_list("event_id", "date"):
        exception_dates[event_id].add(day)
    rows = EventAttendance.objects.filter(event__in=events).values_list(
        "event_id", "date", "participants", "structures_count"
    )
    attendance = defaultdict(dict)
    for event_id, day, people, orgs in rows:
        previous_people, previous_orgs = attendance[event_id].get(day, (0, 0))
        attendance[event_id][day] = (previous_people + people, previous_orgs + orgs)
    sessions = []
    for event in events:
        held = attendance[event.pk]
        for occurrence in recurrence.occurrences_of(event, exception_dates[event.pk]):
            day = occurrence.start_date
            if day.year == year and occurrence.ends_at <= now:
                people, orgs = held.get(day, (0, 0))
                sessions.append(Session(event, day, people, orgs))
    sessions.sort(key=lambda session: (session.date, session.event.title, session.event.pk))
    return sessions


@register
class EventSessionsProvider(IndicatorProvider):
    """Sessions of the agenda held in the year, by kind, with participants and structures."""

    keys = (*dict.fromkeys(KIND_INDICATORS.values()), "participants", "structures_representees")
    source_label = _("Agenda")

    def figures(self, section, year):
        figures = {key: Figure(0, [0] * 12) for key in self.keys}
        for session in held_sessions(section, year):
            month = session.date.month - 1
            for key, amount in (
                (session.indicator, 1),
                ("participants", session.participants),
                ("structures_representees", session.structures),
            ):
                figures[key].value += amount
                figures[key].by_month[month] += amount
        return figures

    def items(self, key, section, year, limit=None):
        sessions = held_sessions(section, year)
        if key == "participants":
            sessions = [session for session in sessions if session.participants]
        elif key == "structures_representees":
            sessions = [session for session in sessions if session.structures]
        else:
            sessions = [session for session in sessions if session.indicator == key]
        kind_labels = {kind: str(label) for kind, label in Kind.choices}
        urls = {}
        return [self._item(key, session, kind_labels, urls) for session in sessions[:limit]]

    def _item(self, key, session, kind_labels, urls):
        event = session.event
        if event.pk not in urls:
            urls[event.pk] = (event.url or "", reverse("wagtailadmin_pages:edit", args=[event.pk]))
        url, admin_url = urls[event.pk]
        quantity = 1
        if key == "participants":
            quantity = session.participants
        elif key == "structures_representees":
            quantity = session.structures
        parts = [kind_labels[event.kind]]
        if session.participants:
            parts.append(participants_label(session.participants, get_language()))
        if session.structures:
            parts.append(structures_label(session.structures, get_language()))
        return Item(
            title=event.title,
            date=session.date,
            url=url,
            admin_url=admin_url,
            detail=" · ".join(parts),
            quantity=quantity,
        )
