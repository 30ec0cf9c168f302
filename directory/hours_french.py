"""OpenStreetMap `opening_hours` and the live state told in plain French.

"Mo-Fr 09:00-12:00,14:00-17:30; Sa 09:00-12:00" reads "du lundi au vendredi, 9 h – 12 h et
14 h – 17 h 30 ; samedi, 9 h – 12 h". The common forms (days, time ranges, `off`, week numbers,
months, "first Wednesday of the month", public holidays, comments) are translated rule by rule;
any other valid expression is told from the days and hours it opens in a coming week.
"""

import datetime
import re

import opening_hours as osm
from django.utils import timezone
from django.utils.translation import gettext as _

from directory import opening_hours
from hub import dates
from hub.dates import format_date

DAY_CODES = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
MONTH_CODES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
DAY_RE = r"(?:Mo|Tu|We|Th|Fr|Sa|Su)"
MONTH_RE = r"(?:" + "|".join(MONTH_CODES) + r")"
RULE_RE = re.compile(
    r"^(?:week\s*(?P<weeks>\d{1,2}(?:-\d{1,2}(?:/\d{1,2})?)?(?:,\d{1,2}(?:-\d{1,2}(?:/\d{1,2})?)?)*)\s+)?"
    rf"(?:(?P<months>{MONTH_RE}(?:-{MONTH_RE})?(?:,{MONTH_RE}(?:-{MONTH_RE})?)*)\s+)?"
    rf"(?:(?P<days>(?:{DAY_RE}(?:\[-?\d(?:,-?\d)*\])?(?:-{DAY_RE})?|PH|SH)"
    rf"(?:,(?:{DAY_RE}(?:\[-?\d(?:,-?\d)*\])?(?:-{DAY_RE})?|PH|SH))*)\s*)?"
    r"(?P<times>\d\d:\d\d-\d\d:\d\d(?:,\d\d:\d\d-\d\d:\d\d)*)?"
    r"\s*(?P<modifier>off|closed|open)?"
    r'\s*(?:"(?P<comment>[^"]*)")?$'
)


def holidays_closed_text():
    return _("fermé les jours fériés")


def day_names():
    return [
        _("lundi"),
        _("mardi"),
        _("mercredi"),
        _("jeudi"),
        _("vendredi"),
        _("samedi"),
        _("dimanche"),
    ]


def month_names():
    return [
        _("janvier"),
        _("février"),
        _("mars"),
        _("avril"),
        _("mai"),
        _("juin"),
        _("juillet"),
        _("août"),
        _("septembre"),
        _("octobre"),
        _("novembre"),
        _("décembre"),
    ]


def french_list(items):
    """ "a", "a et b", "a, b et c"."""
    items = list(items)
    if len(items) < 2:
        return "".join(items)
    return _("%(first)s et %(last)s") % {"first": ", ".join(items[:-1]), "last": items[-1]}


def format_time(value):
    """A wall-clock time of an opening schedule: "9 h", "17 h 30" (`hub.dates.format_time`), and
    midnight, the end or start of a day, "minuit" (past 24:00, as OpenStreetMap allows: "2 h")."""
    if isinstance(value, str):
        hours, minutes = (int(part) for part in value.split(":"))
    else:
        hours, minutes = value.hour, value.minute
    if hours in (0, 24) and not minutes:
        return _("minuit")
    return dates.format_time(datetime.time(hours % 24, minutes))


def format_ranges(ranges):
    if list(ranges) == [("00:00", "24:00")]:
        return _("24\u00a0h sur 24")
    return french_list(f"{format_time(start)} – {format_time(end)}" for start, end in ranges)


def format_days(days):
    """Sorted weekday numbers as "du lundi au vendredi", "lundi et jeudi", "tous les jours"."""
    names = day_names()
    if len(days) == 7:
        return _("tous les jours")
    runs = []
    for day in sorted(days):
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = []
    for run in runs:
        if len(run) >= 3:
            parts.append(
                _("du %(first)s au %(last)s") % {"first": names[run[0]], "last": names[run[-1]]}
            )
        else:
            parts.extend(names[day] for day in run)
    return french_list(parts)


def format_week_table(table):
    """{weekday: [(start, end), …]} as "du lundi au vendredi, 9 h – 12 h ; samedi, 9 h – 12 h"."""
    groups = {}
    for day in range(7):
        if table.get(day):
            groups.setdefault(tuple(table[day]), []).append(day)
    return " ; ".join(
        f"{format_days(days)}, {format_ranges(ranges)}"
        for ranges, days in sorted(groups.items(), key=lambda item: item[1][0])
    )


def expand_days(selector):
    """Weekday numbers of a selector such as "Mo-We,Fr" (without nth or PH parts)."""
    days = []
    for part in selector.split(","):
        first, _dash, last = part.partition("-")
        start, end = DAY_CODES.index(first), DAY_CODES.index(last or first)
        day = start
        while True:
            days.append(day)
            if day == end:
                break
            day = (day + 1) % 7
    return sorted(set(days))


def format_months(selector):
    names = month_names()
    parts = []
    for part in selector.split(","):
        first, _dash, last = part.partition("-")
        start, end = MONTH_CODES.index(first), MONTH_CODES.index(last or first)
        if end == start:
            parts.append(_("en %(month)s") % {"month": names[start]})
        elif end == (start + 1) % 12:
            parts.append(
                _("en %(first)s et %(last)s") % {"first": names[start], "last": names[end]}
            )
        else:
            parts.append(_("de %(first)s à %(last)s") % {"first": names[start], "last": names[end]})
    return french_list(parts)


def format_weeks(selector):
    parts = []
    for part in selector.split(","):
        bounds, _slash, step = part.partition("/")
        first, _dash, last = bounds.partition("-")
        first, last, step = int(first), int(last or first), int(step or 1)
        if step == 2 and last >= 52:
            parts.append(_("les semaines impaires") if first % 2 else _("les semaines paires"))
        elif step > 1:
            parts.append(
                _("une semaine sur %(step)s à partir de la semaine %(first)s")
                % {"step": step, "first": first}
            )
        elif first == last:
            parts.append(_("la semaine %(number)s") % {"number": first})
        else:
            parts.append(_("les semaines %(first)s à %(last)s") % {"first": first, "last": last})
    return french_list(parts)


def ordinal(number):
    if number == -1:
        return _("dernier")
    return _("1er") if number == 1 else _("%(number)se") % {"number": number}


def format_nth(selector):
    """ "We[1]" as "le 1er mercredi du mois", "We[1,3]" as "les 1er et 3e mercredis du mois"."""
    name = day_names()[DAY_CODES.index(selector[:2])]
    numbers = [int(number) for number in selector[3:-1].split(",")]
    if len(numbers) == 1:
        return _("le %(nth)s %(day)s du mois") % {"nth": ordinal(numbers[0]), "day": name}
    return _("les %(nth)s %(day)ss du mois") % {
        "nth": french_list(ordinal(number) for number in numbers),
        "day": name,
    }


def parse_times(times):
    return [tuple(span.split("-")) for span in times.split(",")] if times else []


def parse_rules(expression):
    """Rules as regex matches, or None when the expression uses a form not translated here."""
    rules = []
    for text in re.split(r";(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", expression):
        text = text.strip()
        if not text:
            continue
        if text == "24/7":
            text = "00:00-24:00"
        match = RULE_RE.match(text)
        if match is None or not (match["days"] or match["times"] or match["modifier"]):
            return None
        rules.append(match)
    return rules


def describe(expression):
    """The expression in plain French, holidays included ("fermé les jours fériés")."""
    if not expression:
        return ""
    try:
        opening_hours.parse(expression)
    except opening_hours.ValidationError:
        return ""
    rules = parse_rules(expression)
    if rules is None:
        return describe_from_intervals(expression)
    table, extras, holiday_text = {}, [], _("fermé les jours fériés")
    for rule in rules:
        closed = rule["modifier"] in ("off", "closed")
        ranges = [] if closed else parse_times(rule["times"]) or [("00:00", "24:00")]
        comment = f" ({rule['comment']})" if rule["comment"] else ""
        days = re.split(r",(?![^\[]*\])", rule["days"]) if rule["days"] else []
        plain_days = [day for day in days if "[" not in day and day not in ("PH", "SH")]
        special_days = [day for day in days if "[" in day or day == "SH"]
        if "PH" in days:
            holiday_text = (
                _("fermé les jours fériés")
                if closed
                else _("jours fériés, %(hours)s") % {"hours": format_ranges(ranges)}
            )
        if rule["weeks"] or rule["months"]:
            prefix = " ".join(
                part
                for part in (
                    format_weeks(rule["weeks"]) if rule["weeks"] else "",
                    format_months(rule["months"]) if rule["months"] else "",
                )
                if part
            )
            if closed:
                extras.append(_("fermé %(when)s") % {"when": prefix} + comment)
            else:
                selected = expand_days(",".join(plain_days)) if plain_days else range(7)
                extras.append(
                    f"{prefix} : {format_week_table(dict.fromkeys(selected, ranges))}{comment}"
                )
            continue
        for special in special_days:
            when = _("pendant les vacances scolaires") if special == "SH" else format_nth(special)
            text = _("fermé") if closed else format_ranges(ranges)
            extras.append(f"{when}, {text}{comment}")
        if plain_days or not days:
            for day in expand_days(",".join(plain_days)) if plain_days else range(7):
                table[day] = ranges
            if comment and not closed:
                extras.append(comment.strip(" ()"))
    parts = [part for part in (format_week_table(table), *extras) if part]
    if not parts:
        return _("fermé")
    return " ; ".join([*parts, holiday_text])


def describe_from_intervals(expression):
    """The days and hours open in the coming week, for expressions not translated rule by rule."""
    parsed = osm.OpeningHours(expression)
    today = timezone.localdate()
    start = datetime.datetime.combine(today, datetime.time.min)
    table = {}
    for begin, end, state, _comment in parsed.intervals(start, start + datetime.timedelta(7)):
        if state == osm.State.OPEN:
            end_text = "24:00" if end.time() == datetime.time.min else end.strftime("%H:%M")
            table.setdefault(begin.weekday(), []).append((begin.strftime("%H:%M"), end_text))
    return " ; ".join(
        [format_week_table(table) or _("fermé cette semaine"), _("fermé les jours fériés")]
    )


def format_day(day, today):
    """ "aujourd'hui", "demain", "lundi" (within a week) or "le lundi 5 janvier"."""
    delta = (day - today).days
    if delta == 0:
        return ""
    if delta == 1:
        return _("demain")
    if delta < 7:
        return day_names()[day.weekday()]
    return _("le %(date)s") % {"date": format_date(day, "l j F")}


def state_text(state, now=None):
    """ "ouvert maintenant · ferme à 17 h 30", "fermé · ouvre lundi à 9 h"…"""
    if state is None:
        return ""
    today = timezone.localtime(now or timezone.now()).date()
    if state.is_open:
        if state.change is None:
            return _("ouvert maintenant")
        when = format_day(state.change.date(), today)
        if state.change.time() == datetime.time.min:
            when = format_day(state.change.date() - datetime.timedelta(1), today)
            return (
                _("ouvert maintenant · ferme %(day)s à minuit") % {"day": when}
                if when
                else _("ouvert maintenant · ferme à minuit")
            )
        at = format_time(state.change)
        if when:
            return _("ouvert maintenant · ferme %(day)s à %(time)s") % {"day": when, "time": at}
        return _("ouvert maintenant · ferme à %(time)s") % {"time": at}
    closed = _("fermé (%(reason)s)") % {"reason": state.reason} if state.reason else _("fermé")
    if state.change is None:
        return closed
    when = format_day(state.change.date(), today)
    at = format_time(state.change)
    if when:
        return _("%(closed)s · ouvre %(day)s à %(time)s") % {
            "closed": closed,
            "day": when,
            "time": at,
        }
    return _("%(closed)s · ouvre à %(time)s") % {"closed": closed, "time": at}


def closure_text(closure):
    """ "Fermé du 21 décembre au 4 janvier : congés", "Fermé le 1er mai"."""
    if closure.start == closure.end:
        text = _("Fermé le %(day)s") % {"day": format_date(closure.start, "j F")}
    else:
        text = _("Fermé du %(start)s au %(end)s") % {
            "start": format_date(closure.start, "j F"),
            "end": format_date(closure.end, "j F"),
        }
    return (
        _("%(text)s : %(reason)s") % {"text": text, "reason": closure.reason}
        if closure.reason
        else text
    )
