"""How much: quantities in a resource statement, and statements too bland to cost (RC402)."""

from __future__ import annotations

import re

from .common import _DIGIT, _words
from .lexicon import BLAND_RESOURCE_WORDS, FUNDING_WORDS, NUMBER_WORDS, _listed


def has_quantity(text: str) -> bool:
    """True when the text names a figure: a digit or a number word (two, half, a third ...)."""
    if _DIGIT.search(text):
        return True
    words = set(_words(text))
    return any(word in words for word in NUMBER_WORDS)


# The words that say a resource costs nothing: "No cost", "Nil", "Free", "FOC", "£0".
_NO_COST_WORDS = r"no\s+(?:additional\s+|extra\s+|financial\s+)?costs?|nil|free|foc|f\.o\.c|£?\s?0(?:\.00)?|zero\s+cost"
_NO_COST_FIRST = re.compile(rf"^\s*(?:(?:{_NO_COST_WORDS})(?!\w|[.,]\d)|none\b)", re.I)
_NO_COST_ANYWHERE = re.compile(rf"(?<![\w£.])(?:{_NO_COST_WORDS})(?!\w|[.,]\d)|^\s*none\b", re.I)


def is_no_cost(text: str) -> bool:
    """'No cost', 'Nil', 'Free: within PPA time', 'FOC - health visiting team' ... say there is no cost."""
    return bool(_NO_COST_FIRST.match(text))


def says_no_cost(text: str) -> bool:
    """True when the resources say, anywhere, that there is no cost: "Staff meeting time - no cost"."""
    return bool(_NO_COST_ANYWHERE.search(text))


def bland_resource(text: str, extra: tuple[str, ...] = ()) -> bool:
    """True for resource statements with no specific quantity: 'Time', 'Travel costs', 'TBC'."""
    if not text.strip() or is_no_cost(text) or has_quantity(text):
        return False
    extra_phrases = [e.casefold().strip() for e in extra if e.strip()]
    lowered = " ".join(_words(text))
    if any(lowered == phrase for phrase in extra_phrases):
        return True
    for phrase in extra_phrases:
        lowered = lowered.replace(phrase, " ")
    remaining = [w for w in lowered.split() if w not in _BLAND]
    return not remaining


_BLAND = frozenset((*BLAND_RESOURCE_WORDS, *FUNDING_WORDS))
_MONEY = frozenset(
    _listed("budget, budgets, budgeted, funding, funded, fund, funds, grant, premium, pp, ppg, delegated, devolved")
)


def names_funding_only(text: str) -> bool:
    """True when a bland resource statement names a budget or grant ("PP funding", "Within budget")."""
    return any(w in _MONEY for w in _words(text))


# Numbers that only name a year group or key stage ("KS2", "Y3", "Year 5/6"), or a role named after one
# ("HoY11", "KS1L", "Y6T"), not a quantity.
_YEAR_GROUP = (
    r"(?:Ho)?(?:[LU]?KS\d|Y\d{1,2}(?:\s*[/&-]\s*\d{1,2})?)(?:L|T|TA)?|(?:years?|yr|key\s+stage)\s*\d{1,2}"
    r"(?:\s*(?:[/&-]|and|to)\s*\d{1,2})?"
)
_YEAR_GROUPS = re.compile(rf"\b(?:{_YEAR_GROUP})\b", re.I)
# Ages that name a group of children, not a quantity: "funded 2YOs", "3-year-olds", "4 year olds".
AGE_GROUP = r"\d{1,2}\s*-?\s*(?:yos?|(?:year|yr)s?[-\s]olds?)"
# An age range that names a phase or its learners: "16-18 learners", "the 14-16 centre".
AGE_RANGE = (
    r"\b1[0-9]\s*[-–]\s*(?:1[0-9]|2[0-5])(?=\s+(?:learners|students|pupils|study|centre|provision|phase|offer|"
    r"programmes?|pathways?|curriculum|cohort|year-olds|college|school))"
)
# ... and those that name a date or half-term too: "Aut2", "2025-26", "3/10", "5th", "4-year-olds".
_LABELS = re.compile(
    rf"\b(?:{_YEAR_GROUP}|(?:aut|spr|sum)\s*[12]|(?:19|20)\d\d(?:[-/]\d{{2,4}})?|"
    r"\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?|\d{1,2}(?:st|nd|rd|th)|" + AGE_GROUP + r")\b",
    re.I,
)


def without_year_groups(text: str) -> str:
    """The text with year groups and key stages taken out, dates left in."""
    return _YEAR_GROUPS.sub(" ", text or "")


def without_labels(text: str) -> str:
    """The text with year groups, key stages, years, dates and half-terms taken out, so the figures
    left are quantities."""
    return _LABELS.sub(" ", text or "")
