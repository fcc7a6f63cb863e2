"""Turning one cell's raw value into what its column declares (text, date, money ...).

Each converter returns the value or raises :class:`BadValue` with what to tell the user.
"""

from __future__ import annotations

import datetime as dt
import re

from .dates import UNDECIDED_WORDS, is_half_term_label, needs_year, parse_date
from .model import TIMING
from .schema import Column, Kind, choice_keys, normalise_header


class BadValue(ValueError):
    """The cell's value does not fit its column; ``args[0]`` says why, ``hint`` how to fix it."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.hint = hint


# Words people type for a choice, mapped to the choice (after normalise_header).
CHOICE_SYNONYMS = {
    "sef": "Self-evaluation",
    "selfevaluationform": "Self-evaluation",
    "ofsted": "Inspection report",
    "ofstedreport": "Inspection report",
    "inspection": "Inspection report",
    "externalexaminerreport": "External examiner",
    "strategy": "Strategic plan",
    "r": "Red",
    "a": "Amber",
    "g": "Green",
    "monitor": "Monitoring",
    "evaluate": "Evaluation",
    "reviewing": "Review",
    "complete": "Done",
    "completed": "Done",
    "finished": "Done",
    "ontarget": "On track",
    "inprogress": "On track",
    "started": "On track",
    "notyetstarted": "Not started",
    "overdue": "Late",
    "behind": "Late",
    "delayed": "Late",
    "cancelled": "Dropped",
    "stopped": "Dropped",
}
# Characters XML (and so Word) cannot hold, and the bell and form feed that docxtpl would turn
# into new paragraphs and page breaks; tab, line feed and carriage return are fine.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NO_COST = {"nocost", "nil", "none", "free", "0", "nocosts", "zero", "n/a"}
_REF_SPLIT = re.compile(r"[,;/\n]+|\s+and\s+|\s+")
_INITIALS_SPLIT = re.compile(r"[,;/+\n]+|\s+(?:and|&)\s+", re.I)
_CODE = re.compile(r"\b([A-Za-z]{2}\d{3})\b")


def as_text(value: object) -> str:
    """Text as it reads in the cell: 212 not 212.0, a date as 14/10/2026."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.strftime("%d/%m/%Y")
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, str):
        # Excel stores line breaks as \n but some programs keep \r\n.
        return value.replace("\r\n", "\n").replace("\r", "\n").strip()
    return str(value).strip()


class _Pending:
    """A value the school has marked as not yet known ("TBC"): not an amount, and not a mistake."""

    def __repr__(self) -> str:
        return "PENDING"


PENDING = _Pending()


def money(value: float | None) -> str:
    """£1,400, or £12.50 when there are pence; empty for no value."""
    if value is None:
        return ""
    return f"£{value:,.0f}" if float(value).is_integer() else f"£{value:,.2f}"


def convert(column: Column, value: object, year_start: dt.date | None) -> object:
    """``value`` as ``column`` declares it. Empty values give the model's empty value."""
    kind = column.kind
    if kind in (Kind.TEXT, Kind.LONG_TEXT):
        return as_text(value)
    if kind is Kind.DATE:
        return _date(column, value, year_start)
    if kind is Kind.MONEY:
        return _money(value, COST_HINT if column.field == "cost" else AMOUNT_HINT)
    if kind is Kind.NUMBER:
        return _number(value)
    if kind is Kind.CHOICE:
        return _choice(column, value)
    if kind is Kind.REF:
        return normalise_ref(as_text(value))
    if kind is Kind.REFS:
        return tuple(ref for ref in (normalise_ref(p) for p in _REF_SPLIT.split(as_text(value))) if ref)
    if kind is Kind.INITIALS:
        text = as_text(value)
        if _NOBODY_YET.fullmatch(" ".join(text.casefold().split())):
            return PENDING  # "TBC" in Owner(s) is no one yet: not initials to look up in the key
        return split_initials(text)
    if kind is Kind.CODES:
        return frozenset(code.upper() for code in _CODE.findall(as_text(value)))
    raise AssertionError(f"no converter for {kind}")


_NOBODY_YET = re.compile(
    r"(?:tb[acd]|to be (?:confirmed|arranged|decided|agreed|appointed)|\?+|n/?a|-+|various|all|everyone|everybody|"
    r"all (?:staff|teachers|adults|colleagues)|whole (?:staff|school))\.?"
)


def normalise_ref(text: str) -> str:
    """'p1.2 ' and 'P 1.2' are P1.2; a trailing full stop is dropped."""
    return re.sub(r"\s+", "", text).upper().rstrip(".")


_LOOKS_LIKE_INITIALS = re.compile(r"[A-Z][A-Za-z&]{0,4}[A-Z]|[A-Z]{2,5}")
_ROLE_WITH_INITIALS = re.compile(
    r"(?:(?P<outer>[A-Z][A-Za-z&]{0,4}[A-Z])\s*\([^()]+\)|[^()]+?\s*\((?P<inner>[A-Z][A-Za-z&]{0,4}[A-Z])\))"
)


def split_initials(text: str) -> tuple[str, ...]:
    """'JB, KL' or 'JB/KL' or 'JB and KL' are two people; 'C&S' stays one committee."""
    parts: list[str] = []
    for piece in _INITIALS_SPLIT.split(text):
        piece = piece.strip()
        if not piece:
            continue
        if re.fullmatch(r"(?:[A-Za-z]\.){2,5}", piece):
            piece = piece.replace(".", "")  # "H.T." is HT
        bracketed = _ROLE_WITH_INITIALS.fullmatch(piece)
        if bracketed:  # "Maths lead (ML)", "ML (maths lead)": the initials are what the key lists
            piece = next(g for g in bracketed.groups() if g and _LOOKS_LIKE_INITIALS.fullmatch(g))
        words = piece.split()
        # "JB KL" is two sets of initials; "Maths lead" is one name to look up.
        if len(words) > 1 and all(w.isupper() and len(w) <= 5 for w in words):
            parts.extend(words)
        else:
            parts.append(piece)
    return tuple(parts)


_DATE_FORMS = "a date like 14/10/2026, a month such as Sept 25, a term such as Autumn 2025 or a half-term such as Aut1"


def _date(column: Column, value: object, year_start: dt.date | None):
    if value in (None, ""):
        return None
    parsed = parse_date(value, year_start)
    if parsed is not None and (parsed.dated or column.timings):
        return parsed
    text = as_text(value)
    if parsed is not None:
        # A timing or "TBC" where only a date will do, e.g. the date a review took place.
        if parsed.kind == TIMING:
            raise BadValue(
                f"'{parsed.label}' is a timing, not a date; this needs a date.",
                "Type the day it happens, like 14/10/2026, or a month such as Sept 25; say how often elsewhere.",
            )
        raise BadValue(
            f"'{parsed.label}' is a placeholder, not a date; this needs a date.",
            "Type the date once it is known, like 14/10/2026, or a month such as Sept 25.",
        )
    if year_start is None and needs_year(value):
        what = "a half-term" if is_half_term_label(text) else "a date without a year"
        raise BadValue(
            f"'{text}' is {what}, but the plan's academic year is not set, so sipgen cannot tell which year.",
            "Fill in the Academic year on the Settings sheet, e.g. 2026-27, or add the year, e.g. March 2027.",
        )
    if isinstance(value, (int, float)):
        raise BadValue(f"{as_text(value)} is a number, not a date.", f"Type {_DATE_FORMS}.")
    timing = ", or a timing such as Termly or Ongoing" if column.timings else ""
    raise BadValue(f"'{text}' is not a date sipgen can read.", f"Type {_DATE_FORMS}{timing}.")


# What to type instead of something that is not money: a cost's words belong in Resources.
COST_HINT = "Type the cost in pounds as a number, e.g. 380, or 0 for no cost; put words in the Resources column."
AMOUNT_HINT = "Type the amount in pounds as a number, e.g. 380, or leave the cell blank until it is known."


def _money(value: object, hint: str = COST_HINT) -> float | None:
    if value in (None, ""):
        return None
    if isinstance(value, bool):
        raise BadValue(f"{as_text(value)} is not an amount of money.", hint)
    if isinstance(value, (int, float)):
        if value < 0:
            raise BadValue(
                f"{as_text(value)} is a negative amount; a cost cannot be less than nothing.",
                "Type what the action costs (0 if nothing); record money saved or income in the Resources column.",
            )
        return float(value)
    text = as_text(value)
    cleaned = re.sub(r"[£,\s]", "", text)
    if cleaned.lower().rstrip(".") in _NO_COST or normalise_header(text) in _NO_COST:
        return 0.0
    if UNDECIDED_WORDS.search(" ".join(text.casefold().split())) and not re.search(r"\d", text):
        return PENDING  # with a figure in it ("£300 TBC") it is not read as pending: the figure would be lost
    if re.fullmatch(r"\d+(\.\d+)?", cleaned):
        return float(cleaned)
    thousands = re.fullmatch(r"(\d+(?:\.\d+)?)k", cleaned, re.I)  # "£1.2k", as budgets are often typed
    if thousands:
        return round(float(thousands.group(1)) * 1000, 2)
    if re.fullmatch(r"[-−–]\d+(\.\d+)?k?|\(\d+(\.\d+)?\)", cleaned, re.I):
        raise BadValue(
            f"'{text}' is a negative amount; a cost cannot be less than nothing.",
            "Type what the action costs (0 if nothing); record money saved or income in the Resources column.",
        )
    raise BadValue(f"'{text}' is not an amount of money.", hint)


def _number(value: object) -> float | None:
    if value in (None, ""):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    text = as_text(value)
    cleaned = text.replace(",", "").replace("%", "").strip()
    if re.fullmatch(r"\d+(\.\d+)?", cleaned):
        return float(cleaned)
    raise BadValue(f"'{text}' is not a number.", "Type a whole number, e.g. 5.")


# A column whose one choice is Yes is a mark: schools tick it, cross it or write Y; "No" leaves it unmarked.
MARKS = {"yes", "y", "x", "true", "✓", "✔", "☑", "✅"}
UNMARKED = {"no", "n", "false", "-"}


def _choice(column: Column, value: object) -> str:
    text = as_text(value)
    if not text:
        return ""
    if column.choices == ("Yes",) and text.strip().casefold() in MARKS | UNMARKED:
        return "Yes" if text.strip().casefold() in MARKS else ""
    key = normalise_header(text)
    known = choice_keys(column)
    if key in known:
        return known[key]
    synonym = CHOICE_SYNONYMS.get(key)
    if synonym and normalise_header(synonym) in known:
        return known[normalise_header(synonym)]
    allowed = ", ".join(known[normalise_header(c)] for c in column.choices if normalise_header(c) in known)
    raise BadValue(f"'{text}' is not one of the choices for {column.header}.", f"Choose one of: {allowed}.")
