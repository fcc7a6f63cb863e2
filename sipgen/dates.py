"""Dates as school staff write them: Excel dates, 14/10/2026, Sept 25, Aut1, "End of Spring term",
"Autumn 25 - Feb 26", and timings such as "Termly" or "TBC" that are not dates at all.

Half-terms, terms and yearless months are resolved against the plan's academic year. English
term dates vary by local authority, so these are typical dates; they only need to be close
enough to order actions and tell which review point a date falls before.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from .model import TIMING, UNDECIDED, PlanDate

# (label, first month, first day, last month, last day, in the calendar year after the start?)
_HALF_TERMS = {
    "aut1": ("Aut1", 9, 1, 10, 24, False),
    "aut2": ("Aut2", 11, 3, 12, 19, False),
    "spr1": ("Spr1", 1, 5, 2, 13, True),
    "spr2": ("Spr2", 2, 23, 3, 31, True),
    "sum1": ("Sum1", 4, 13, 5, 22, True),
    "sum2": ("Sum2", 6, 1, 7, 20, True),
}
_TERMS = {
    "aut": ("Autumn term", "aut1", "aut2"),
    "spr": ("Spring term", "spr1", "spr2"),
    "sum": ("Summer term", "sum1", "sum2"),
}
_SEASON = {"autumn": "aut", "aut": "aut", "spring": "spr", "spr": "spr", "summer": "sum", "sum": "sum"}
_LABEL = re.compile(
    r"^(?P<season>autumn|aut|spring|spr|summer|sum)\.?\s*(?:term)?\s*(?:(?:half[- "
    r"]?term\s*)?(?P<half>[12]|one|two|i{1,2}))?\s*(?:term)?"
    r"(?:\s*(?P<year>\d{4}|\d{2}))?$"
)
# Holidays a deadline is set by ("by Feb half term", "by Christmas"): the half-term they close.
_BREAKS = {10: "aut1", 2: "spr1", 5: "sum1"}
_HOLIDAYS = {"christmas": ("Christmas", "aut2"), "xmas": ("Christmas", "aut2"), "easter": ("Easter", "spr2")}

_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# "sept", "september" and "sep" all mean 9.
_MONTH = {
    **{n.casefold(): i for i, n in enumerate(_MONTH_NAMES, 1)},
    **{n[:3].casefold(): i for i, n in enumerate(_MONTH_NAMES, 1)},
    "sept": 9,
}
_M = "(?P<month>" + "|".join(sorted(_MONTH, key=len, reverse=True)) + ")"


def month_number(text: str) -> int | None:
    """9 for "Sept", "sep" or "September"; None for anything else."""
    return _MONTH.get(text.strip().rstrip(".").casefold())


# Any month name or abbreviation, for other modules' patterns (no group, case left to the caller).
MONTH_PATTERN = "(?:" + "|".join(sorted(_MONTH, key=len, reverse=True)) + ")"
_WEEKDAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|weds?|thu|thurs?|fri|sat|sun)"

_NUMERIC = (
    (re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$"), "%Y-%m-%d"),
    (re.compile(r"^\d{1,2}/\d{1,2}/\d{4}$"), "%d/%m/%Y"),
    (re.compile(r"^\d{1,2}\.\d{1,2}\.\d{4}$"), "%d.%m.%Y"),
    (re.compile(r"^\d{1,2}-\d{1,2}-\d{4}$"), "%d-%m-%Y"),
    (re.compile(r"^\d{1,2}/\d{1,2}/\d{2}$"), "%d/%m/%y"),
)
_ORD = r"(?:st|nd|rd|th)"
_DAY_FIRST = re.compile(rf"^(?P<day>\d{{1,2}}){_ORD}?\s+(?:of\s+)?{_M}(?:\s+(?P<year>\d{{4}}|\d{{2}}))?$")
_MONTH_FIRST = re.compile(rf"^{_M}(?:\s+(?P<num>\d{{1,4}})(?P<ord>{_ORD})?)?(?:\s+(?P<year>\d{{4}}|\d{{2}}))?$")
_WEEK_OF = re.compile(rf"^(?:w/?[cb]|week (?:commencing|beginning|starting)|{_WEEKDAYS})\s+(?P<rest>.+)$")
_EDGE = re.compile(r"^(?:by\s+)?(?:the\s+)?(?P<edge>end|start|beginning)\s+of\s+(?:the\s+)?(?P<rest>.+)$")
_BY = re.compile(r"^by\s+(?:the\s+)?(?P<rest>.+)$")
_BREAK = re.compile(rf"^{_M}\s+half[- ]?term(?:\s+holiday)?$")
_YEAR_WORDS = {"year", "academic year", "school year"}
# Where one cell holds two ends. A bare "-" is tried too: whole-text dates such as 2026-10-14
# are read before any split, and a split only counts when both ends are dates.
_SEPARATOR = re.compile(r"\s*[-–—]\s*|\s+(?:to|until|till|til|through|thru)\s+")

# Text that is not a date but says when, or that the date is not known yet.
_TIMING_WORDS = re.compile(
    r"\b(?:on-?\s?going|termly|weekly|fortnightly|monthly|daily|annually|yearly|each|every|throughout|"
    r"all year|as required|as and when|as needed|when needed|continuous(?:ly)?|regularly|immediately|asap|"
    r"end of term|onwards)\b"
)
# Words that say a value is not decided yet (dates here, costs in values.py).
UNDECIDED_WORDS = re.compile(r"\b(?:tb[acd]|to be (?:confirmed|arranged|decided|agreed|determined))\b")
_PROBE = dt.date(2001, 9, 1)  # any academic year, to ask whether text would read with one


def default_year_start(academic_year: str) -> dt.date | None:
    """1 September of the first year in "2026-27", "2026/27" or "2026 to 2027"."""
    match = re.match(r"^\s*(\d{4})\s*(?:[-/–]|to)\s*(\d{2}|\d{4})\s*$", academic_year or "")
    if not match:
        return None
    first = int(match.group(1))
    second = int(match.group(2))
    if second < 100:
        second += first // 100 * 100
    if second != first + 1:
        return None
    return dt.date(first, 9, 1)


def plan_year_start(settings) -> dt.date | None:
    """The first day of a plan's academic year: Settings' "Academic year starts" if it is a
    date, else 1 September of the year named in "Academic year" (None if neither says)."""
    given = settings.year_start
    if given is not None and given.dated:
        return given.start
    return default_year_start(settings.academic_year)


def academic_year_end(year_start: dt.date) -> dt.date:
    """The last day of the academic year that starts on ``year_start``."""
    return dt.date(year_start.year + 1, 8, 31)


def half_term(key: str, year_start: dt.date) -> PlanDate:
    label, m1, d1, m2, d2, next_year = _HALF_TERMS[key]
    year = year_start.year + (1 if next_year else 0)
    return PlanDate(dt.date(year, m1, d1), dt.date(year, m2, d2), label)


def parse_date(value: object, year_start: dt.date | None) -> PlanDate | None:
    """The date ``value`` stands for, or None when it is neither a date nor a timing.

    A date may be one day, a span (a month, a half-term, a range such as "Sept - Dec 2025"),
    or a TIMING ("Termly") or UNDECIDED ("TBC") value, which has no days. ``year_start``
    resolves half-terms and yearless months; without it they cannot be read.
    """
    if isinstance(value, dt.datetime):
        return PlanDate(value.date(), value.date())
    if isinstance(value, dt.date):
        return PlanDate(value, value)
    if not isinstance(value, str):
        return None
    text = as_exported(" ".join(value.split()))
    if not text:
        return None
    for pattern, fmt in _NUMERIC:  # the common case, before any other work
        if pattern.match(text):
            return _strptime(text, fmt)
    # Case, commas and the full stop of "Sept." do not matter; 14.10.2026 keeps its dots.
    key = " ".join(re.sub(r"(?<=[a-z])\.", "", text.casefold()).replace(",", " ").split())
    try:
        found = _single(key, year_start) or _range(key, year_start)
    except (ValueError, OverflowError):  # a year such as 0 or 9999 pushed past the calendar
        found = None
    if found is not None:
        return found
    if UNDECIDED_WORDS.search(key):
        return PlanDate(None, None, text, kind=UNDECIDED)
    if _TIMING_WORDS.search(key):
        return PlanDate(None, None, text, kind=TIMING)
    return None


# Dates as other systems export them: "14/10/2025 09:30", "2025-10-14 00:00:00" (a time that says
# nothing for a plan), "09-Dec-2025", "Dec-25" (hyphens where a person types spaces).
_TRAILING_TIME = re.compile(r"^(?P<day>.*\d)[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[ap]\.?m\.?)?$", re.I)
_HYPHENED_DAY = re.compile(r"^(?P<day>\d{1,2})-(?P<month>[A-Za-z]{3,9})\.?-(?P<year>\d{2}|\d{4})$")
_HYPHENED_MONTH = re.compile(r"^(?P<month>[A-Za-z]{3,9})\.?-(?P<year>\d{2}|\d{4})$")


def as_exported(text: str) -> str:
    """``text`` with an exported date's time dropped and its hyphens read as spaces."""
    timed = _TRAILING_TIME.match(text)
    if timed:
        text = timed["day"]
    match = _HYPHENED_DAY.match(text)
    if match:
        return f"{match['day']} {match['month']} {match['year']}"
    match = _HYPHENED_MONTH.match(text)
    if match and match["month"].casefold()[:3] in _MONTH_PREFIXES:
        return f"{match['month']} {match['year']}"
    return text


_MONTH_PREFIXES = frozenset(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))


def needs_year(value: object) -> bool:
    """True when ``value`` would read as a date if the plan's academic year were known."""
    return parse_date(value, None) is None and parse_date(value, _PROBE) is not None


def fill_range(start: PlanDate | None, due: PlanDate | None) -> tuple[PlanDate | None, PlanDate | None]:
    """A range typed in one of Start and Due, the other blank, as a start and a due date."""
    if due is None and start is not None and start.parts:
        return start.parts
    if start is None and due is not None and due.parts:
        return due.parts
    return start, due


def _strptime(text: str, fmt: str) -> PlanDate | None:
    try:
        day = dt.datetime.strptime(text, fmt).date()
    except ValueError:
        return None
    return PlanDate(day, day)


def _single(key: str, year_start: dt.date | None) -> PlanDate | None:
    """One date (a day, a month, a term ...), not a range, from normalised text."""
    for pattern, fmt in _NUMERIC:
        if pattern.match(key):
            return _strptime(key, fmt)
    match = _LABEL.match(key)
    if match:
        return _season(match, year_start)
    match = _DAY_FIRST.match(key)
    if match:
        return _day(match["day"], _MONTH[match["month"]], match["year"], year_start)
    match = _MONTH_FIRST.match(key)
    if match:
        return _month_first(match, year_start)
    match = _WEEK_OF.match(key)
    if match:  # "w/c 8 Sept", "Monday 8 September 2025": the day itself
        day = _single(match["rest"], year_start)
        return day if day is not None and day.parts is None and day.start == day.end else None
    match = _EDGE.match(key) or _BY.match(key)
    if match:
        return _edge(match, year_start)
    return None


def _season(match: re.Match, year_start: dt.date | None) -> PlanDate | None:
    """Aut1, "Spring term", or with a year: "Autumn 2025", "Aut1 2025", "Spring 26"."""
    season = _SEASON[match["season"]]
    half = match["half"]
    year = match["year"]
    if year is not None:
        year = _full_year(year)
        # Autumn 2025 is in 2025-26; Spring 2026 and Summer 2026 too.
        year_start = _academic(year if season == "aut" else year - 1, year_start)
    if year_start is None:
        return None
    if half is None:
        name, first, second = _TERMS[season]
        found = PlanDate(half_term(first, year_start).start, half_term(second, year_start).end, name)
    else:
        found = half_term(season + ("1" if half in ("1", "one", "i") else "2"), year_start)
    return found if year is None else PlanDate(found.start, found.end, f"{found.label} {year}")


def _month_first(match: re.Match, year_start: dt.date | None) -> PlanDate | None:
    """ "March", "Sept 2025", "Sept 25" (a year) or "Sept 30" (a day), "March 31st 2026"."""
    month, num, year = _MONTH[match["month"]], match["num"], match["year"]
    if num is None:
        return _month(month, None, year_start)
    if year is not None or match["ord"]:
        return _day(num, month, year, year_start) if len(num) <= 2 else None
    if len(num) == 4:
        return _month(month, int(num), year_start)
    if len(num) == 3:
        return None
    # "Sept 25" is September 2025, but "Sept 30" in a 2025-26 plan is the 30th.
    if year_start is None or year_start.year - 1 <= 2000 + int(num) <= year_start.year + 2:
        return _month(month, 2000 + int(num), year_start)
    return _day(num, month, None, year_start)


def _month(month: int, year: int | None, year_start: dt.date | None) -> PlanDate | None:
    """The whole of a month; without a year, the one in the plan's academic year."""
    if year is None:
        if year_start is None:
            return None
        year = _in_year(month, year_start)
    last = calendar.monthrange(year, month)[1]
    return PlanDate(dt.date(year, month, 1), dt.date(year, month, last), f"{_MONTH_NAMES[month - 1][:3]} {year}")


def _day(day: str, month: int, year: str | None, year_start: dt.date | None) -> PlanDate | None:
    if year is None and year_start is None:
        return None
    full = _full_year(year) if year is not None else _in_year(month, year_start)
    try:
        found = dt.date(full, month, int(day))
    except ValueError:  # 31 February
        return None
    return PlanDate(found, found)


def _edge(match: re.Match, year_start: dt.date | None) -> PlanDate | None:
    """ "End of Spring term", "Start of Aut2", "By 31/3/26", "By Feb half term": one day."""
    edge = match.groupdict().get("edge")
    rest = match["rest"]
    target = _single(rest, year_start)
    if target is None and year_start is not None:
        target = _holiday(rest, year_start) if edge is None else None
        if target is None and rest in _YEAR_WORDS:
            target = PlanDate(year_start, half_term("sum2", year_start).end, "year")
    if target is None:
        return None
    name = target.label or uk(target.start)
    if edge is None:
        return PlanDate(target.end, target.end, f"By {name}")
    day = target.end if edge == "end" else target.start
    return PlanDate(day, day, f"{edge.capitalize()} of {name}")


def _holiday(rest: str, year_start: dt.date) -> PlanDate | None:
    """ "Feb half term", "Christmas": the half-term that closes before it, named as typed."""
    match = _BREAK.match(rest)
    if match and _MONTH[match["month"]] in _BREAKS:
        month = _MONTH[match["month"]]
        closing = half_term(_BREAKS[month], year_start)
        return PlanDate(closing.start, closing.end, f"{_MONTH_NAMES[month - 1][:3]} half term")
    if rest in _HOLIDAYS:
        name, key = _HOLIDAYS[rest]
        closing = half_term(key, year_start)
        return PlanDate(closing.start, closing.end, name)
    return None


def _range(key: str, year_start: dt.date | None) -> PlanDate | None:
    """ "Autumn 25 - Feb 26", "Sept - Dec 2025", "Aut1-Aut2": two dates in one cell."""
    for separator in _SEPARATOR.finditer(key):
        left_text, right_text = key[: separator.start()], key[separator.end() :]
        if not left_text or not right_text:
            continue
        left, right = _ends(left_text, right_text, year_start)
        if left is None or right is None or left.parts or right.parts:
            continue
        if right.end < left.start:
            return None
        label = f"{left.label or uk(left.start)} to {right.label or uk(right.start)}"
        return PlanDate(left.start, right.end, label, parts=(left, right))
    return None


def _ends(left_text: str, right_text: str, year_start: dt.date | None) -> tuple[PlanDate | None, PlanDate | None]:
    """The two ends of a range; an end without a year takes it from the other end."""
    left = _single(left_text, year_start)
    right = _single(right_text, year_start)
    # An end that reads without an academic year has a year of its own.
    left_fixed = _single(left_text, None) is not None
    right_fixed = _single(right_text, None) is not None
    if right is not None and right_fixed and not left_fixed:
        left = _near(left_text, right.start, -1, year_start)
    elif left is not None and left_fixed and not right_fixed:
        right = _near(right_text, left.start, +1, year_start)
    return left, right


def _near(text: str, anchor: dt.date, step: int, year_start: dt.date | None) -> PlanDate | None:
    """``text`` read in ``anchor``'s academic year, or the next one over (``step``) when it
    would otherwise fall on the wrong side of the anchor ("Mar - Dec 2025" is March 2025)."""
    year = anchor.year if anchor.month >= 9 else anchor.year - 1
    found = _single(text, _academic(year, year_start))
    if found is not None and (found.start - anchor).days * step < 0:
        found = _single(text, _academic(year + step, year_start))
    return found


def _academic(year: int, year_start: dt.date | None) -> dt.date:
    """The start of the academic year beginning in ``year``: the plan's own when it is that one."""
    return year_start if year_start is not None and year_start.year == year else dt.date(year, 9, 1)


def _in_year(month: int, year_start: dt.date) -> int:
    """The calendar year of ``month`` in the academic year: Sep-Dec the first, Jan-Aug the second."""
    return year_start.year if month >= 9 else year_start.year + 1


def _full_year(year: str) -> int:
    return 2000 + int(year) if len(year) == 2 else int(year)


def is_half_term_label(text: str) -> bool:
    """True for text that looks like a half-term or term label, whatever the year."""
    return bool(_LABEL.match(" ".join(str(text).split()).casefold()))


def uk(day: dt.date | None) -> str:
    """14 Oct 2026."""
    return f"{day.day} {_MONTH_NAMES[day.month - 1][:3]} {day.year}" if day else ""
