"""Dates as school staff write them: Excel dates, 14/10/2026, 2026-10-14, Aut1, "Spring 2".

Half-terms and terms are resolved against the plan's academic year. English term dates
vary by local authority, so these are typical dates; they only need to be close enough to
order actions and tell which review point a date falls before.
"""

from __future__ import annotations

import datetime as dt
import re

from .model import PlanDate

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
    r"^(?P<season>autumn|aut|spring|spr|summer|sum)\.?\s*(?:term)?\s*(?:(?:half[- ]?term\s*)?(?P<half>[12]|one|two|i{1,2}))?\s*(?:term)?$"
)
_NUMERIC = (
    (re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$"), "%Y-%m-%d"),
    (re.compile(r"^\d{1,2}/\d{1,2}/\d{4}$"), "%d/%m/%Y"),
    (re.compile(r"^\d{1,2}\.\d{1,2}\.\d{4}$"), "%d.%m.%Y"),
    (re.compile(r"^\d{1,2}-\d{1,2}-\d{4}$"), "%d-%m-%Y"),
    (re.compile(r"^\d{1,2}/\d{1,2}/\d{2}$"), "%d/%m/%y"),
)
_WORDY = ("%d %B %Y", "%d %b %Y", "%d %B %y", "%d %b %y", "%B %d %Y")


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


def academic_year_end(year_start: dt.date) -> dt.date:
    """The last day of the academic year that starts on ``year_start``."""
    return dt.date(year_start.year + 1, 8, 31)


def half_term(key: str, year_start: dt.date) -> PlanDate:
    label, m1, d1, m2, d2, next_year = _HALF_TERMS[key]
    year = year_start.year + (1 if next_year else 0)
    return PlanDate(dt.date(year, m1, d1), dt.date(year, m2, d2), label)


def parse_date(value: object, year_start: dt.date | None) -> PlanDate | None:
    """The date ``value`` stands for, or None when it is not a date sipgen understands.

    ``year_start`` resolves half-term labels; without it they cannot be read.
    """
    if isinstance(value, dt.datetime):
        return PlanDate(value.date(), value.date())
    if isinstance(value, dt.date):
        return PlanDate(value, value)
    if not isinstance(value, str):
        return None
    text = " ".join(value.strip().split())
    if not text:
        return None
    for pattern, fmt in _NUMERIC:
        if pattern.match(text):
            try:
                day = dt.datetime.strptime(text, fmt).date()
            except ValueError:
                return None
            return PlanDate(day, day)
    for fmt in _WORDY:
        try:
            day = dt.datetime.strptime(text.replace(",", ""), fmt).date()
        except ValueError:
            continue
        return PlanDate(day, day)
    return _parse_label(text, year_start)


def _parse_label(text: str, year_start: dt.date | None) -> PlanDate | None:
    match = _LABEL.match(text.casefold())
    if not match or year_start is None:
        return None
    season = _SEASON[match.group("season")]
    half = match.group("half")
    if half is None:
        name, first, second = _TERMS[season]
        return PlanDate(half_term(first, year_start).start, half_term(second, year_start).end, name)
    number = "1" if half in ("1", "one", "i") else "2"
    return half_term(season + number, year_start)


def is_half_term_label(text: str) -> bool:
    """True for text that looks like a half-term or term label, whatever the year."""
    return bool(_LABEL.match(" ".join(str(text).split()).casefold()))


def uk(day: dt.date | None) -> str:
    """14 Oct 2026."""
    return f"{day.day} {day:%b %Y}" if day else ""
