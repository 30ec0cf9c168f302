"""Opening hours in OpenStreetMap `opening_hours` syntax, read with the `opening-hours-py` parser.

Times are local wall-clock times (Europe/Paris): the parser works on naive datetimes, so the
flags below do not move when clocks change. Public holidays come from the `holidays` package
(French calendar, with Alsace-Moselle's and overseas départements' own days); the place is closed
on them unless its expression has a `PH` rule with hours.
"""

import datetime
import functools
import re
from dataclasses import dataclass

import holidays
import opening_hours
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

# The Caf expects a lieu ressource to open at least five half-days a week.
MINIMUM_HALF_DAYS = 5
EVENING = datetime.time(18, 0)
NOON = datetime.time(13, 0)
# How far ahead the live state looks for the next opening (long closures included).
LOOKAHEAD_DAYS = 62
PARSER_ERRORS = (opening_hours.ParserError, ValueError, TypeError)
# Départements with public holidays of their own, as `holidays.France` subdivisions.
HOLIDAY_SUBDIVISIONS = {
    "57": "57",
    "67": "6AE",
    "68": "6AE",
    **{c: c for c in ["971", "972", "973", "974", "976"]},
}


@dataclass(frozen=True)
class WeeklySummary:
    open_saturday: bool
    open_evening: bool
    half_days: int


@dataclass(frozen=True)
class LiveState:
    """Open or closed at a local time, until when / from when, and why when closed all day."""

    is_open: bool
    change: datetime.datetime | None
    reason: str = ""


@dataclass(frozen=True)
class Closure:
    start: datetime.date
    end: datetime.date
    reason: str = ""


def example_message():
    return _(
        "Exemples : « Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00 » ou, en français, « du lundi "
        "au vendredi 9h-12h et 14h-17h ; samedi 9h-12h »."
    )


def invalid(expression):
    """The French error for an unreadable expression, with examples (never the parser's)."""
    return ValidationError(
        _("Horaires illisibles : « %(value)s ». %(example)s"),
        params={"value": expression, "example": example_message()},
        code="opening_hours",
    )


def parse(expression):
    """The parsed expression, or a French `ValidationError` with an example."""
    try:
        return opening_hours.OpeningHours(expression)
    except PARSER_ERRORS as error:
        raise invalid(expression) from error


FRENCH_DAYS = {
    "lundi": "Mo",
    "mardi": "Tu",
    "mercredi": "We",
    "jeudi": "Th",
    "vendredi": "Fr",
    "samedi": "Sa",
    "dimanche": "Su",
    "lun": "Mo",
    "mar": "Tu",
    "mer": "We",
    "jeu": "Th",
    "ven": "Fr",
    "sam": "Sa",
    "dim": "Su",
}
DAY = r"(?:Mo|Tu|We|Th|Fr|Sa|Su|PH)"
TIME = r"\d\d:\d\d"


def from_french(text):
    """Simple French ("du lundi au vendredi 9h-12h et 14h-17h30 ; samedi 9h-12h") as OSM syntax.

    Returns a candidate expression; the caller parses it (and reports errors).
    """
    value = text.lower().strip().replace("–", "-").replace("—", "-")
    value = re.sub(r"jours?\s+f[ée]ri[ée]s?|f[ée]ri[ée]s?", " PH ", value)
    value = re.sub(r"\bferm[ée]e?s?\b", " off ", value)
    value = re.sub(
        r"\b(" + "|".join(sorted(FRENCH_DAYS, key=len, reverse=True)) + r")s?\b\.?",
        lambda match: " " + FRENCH_DAYS[match.group(1)] + " ",
        value,
    )
    value = re.sub(r"\b(?:les?|tous les|chaque)\b", " ", value)
    value = re.sub(
        r"(\d{1,2})\s*(?:h|:)\s*(\d{2})?",
        lambda match: f" {int(match.group(1)):02d}:{match.group(2) or '00'} ",
        value,
    )
    value = re.sub(rf"\bdu\s+({DAY})\s+au\s+({DAY})", r"\1-\2", value)
    value = re.sub(rf"({DAY})\s*(?:-|\bau\b|\bà\b)\s*({DAY})", r"\1-\2", value)
    value = re.sub(rf"({TIME})\s*(?:-|\bà\b|\bjusqu'à\b)\s*({TIME})", r"\1-\2", value)
    value = re.sub(rf"\bde\s+({TIME}-{TIME})", r"\1", value)
    value = re.sub(rf"({TIME}-{TIME})\s*(?:,|\bet\b|/)\s*(?=\d)", r"\1,", value)
    for _repeat in range(6):
        value = re.sub(rf"({DAY}(?:-{DAY})?)\s*(?:,|\bet\b)\s*(?={DAY})", r"\1,", value)
    value = re.sub(r"(?<!\d)\s*:\s*|\s*:\s*(?!\d)", " ", value)
    value = re.sub(r"\s*[;\n]\s*", "; ", value)
    value = re.sub(r"(?<=\d)\s*,\s*(?=[A-Z])", "; ", value)
    return re.sub(r"[ \t]+", " ", value).strip(" ;,")


def to_expression(text):
    """Typed hours as a valid OSM expression: OSM syntax as is, else simple French converted."""
    text = (text or "").strip()
    if not text:
        return ""
    french = from_french(text)
    # French without any time ("le lundi") would read as open all day: not a guess to make.
    for candidate in (text, french if re.search(TIME, french) else None):
        try:
            opening_hours.OpeningHours(candidate)
        except PARSER_ERRORS:
            continue
        return candidate
    raise invalid(text)


def weekly_expression(table):
    """{weekday number: [("09:00", "12:00"), …]} as "Mo-Fr 09:00-12:00; Sa 09:00-12:00; PH off"."""
    codes = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
    groups = {}
    for day in range(7):
        if table.get(day):
            groups.setdefault(tuple(table[day]), []).append(day)
    rules = []
    for ranges, days in sorted(groups.items(), key=lambda item: item[1][0]):
        runs = []
        for day in days:
            if runs and runs[-1][-1] == day - 1:
                runs[-1].append(day)
            else:
                runs.append([day])
        selector = ",".join(
            f"{codes[run[0]]}-{codes[run[-1]]}" if len(run) > 2 else ",".join(codes[d] for d in run)
            for run in runs
        )
        rules.append(f"{selector} {','.join(f'{start}-{end}' for start, end in ranges)}")
    return "; ".join([*rules, "PH off"]) if rules else ""


def half_day_warning(half_days):
    """The Caf's minimum of five half-days a week, as a French warning, or None."""
    if half_days >= MINIMUM_HALF_DAYS:
        return None
    return ngettext(
        "Ce lieu est ouvert %(count)s demi-journée par semaine : la Caf demande au moins "
        "%(minimum)s demi-journées.",
        "Ce lieu est ouvert %(count)s demi-journées par semaine : la Caf demande au moins "
        "%(minimum)s demi-journées.",
        half_days,
    ) % {"count": half_days, "minimum": MINIMUM_HALF_DAYS}


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


@functools.lru_cache(maxsize=64)
def _holiday_calendar(year, subdivision):
    # A plain dict: a lookup in the library's own calendar converts the key each time, and
    # the hours of one lieu look up two months of days.
    return dict(holidays.France(years=year, subdiv=subdivision, language="fr").items())


def public_holiday(day, departement_code=""):
    """The name of the French public holiday on `day` (in that département), or ""."""
    calendar = _holiday_calendar(day.year, HOLIDAY_SUBDIVISIONS.get(departement_code))
    return calendar.get(day, "")


def opens_on_public_holidays(expression):
    """Whether the expression gives hours for public holidays (`PH 10:00-12:00`)."""
    return bool(re.search(r"\bPH\b(?![^;]*\b(?:off|closed)\b)", expression))


def live_state(expression, now=None, closures=(), departement_code=""):
    """Open now or not, with the next change, in Europe/Paris wall-clock time.

    Public holidays (unless the expression gives PH hours) and `closures` (`Closure` date ranges)
    close the whole day.
    """
    local = timezone.localtime(now or timezone.now()).replace(tzinfo=None)
    ph_hours = opens_on_public_holidays(expression)
    try:
        parsed = opening_hours.OpeningHours(expression, country="FR" if ph_hours else None)
    except PARSER_ERRORS:
        return None

    def closed_reason(day):
        for closure in closures:
            if closure.start <= day <= closure.end:
                return closure.reason or _("fermeture exceptionnelle")
        if not ph_hours:
            holiday = public_holiday(day, departement_code)
            if holiday:
                return _("jour férié : %(name)s") % {"name": holiday}
        return ""

    reason = closed_reason(local.date())

    def state_of(begin, end):
        """The state given by the open stretch begin–end, or None if it is over."""
        if begin <= local < end:
            return LiveState(True, end)
        if begin > local:
            return LiveState(False, begin, reason)
        return None

    # Open stretches in order, split at midnight, closed days left out; a stretch that goes on
    # past midnight is joined to the next day's. The first stretch not over gives the state.
    start = datetime.datetime.combine(local.date(), datetime.time.min)
    stretch = None
    for begin, end, state, _comment in parsed.intervals(
        start, start + datetime.timedelta(days=LOOKAHEAD_DAYS)
    ):
        if state != opening_hours.State.OPEN:
            continue
        cursor = begin
        while cursor < end:
            chunk_end = min(
                end,
                datetime.datetime.combine(cursor.date() + datetime.timedelta(1), datetime.time.min),
            )
            if not closed_reason(cursor.date()):
                if stretch and stretch[1] == cursor:
                    stretch = (stretch[0], chunk_end)
                else:
                    found = stretch and state_of(*stretch)
                    if found:
                        return found
                    stretch = (cursor, chunk_end)
            cursor = chunk_end
    return (stretch and state_of(*stretch)) or LiveState(False, None, reason)
