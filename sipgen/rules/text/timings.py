"""When: timings written in an action's text (AC202)."""

from __future__ import annotations

import datetime as dt
import re

from ...dates import MONTH_PATTERN, parse_date
from .lexicon import _listed

# -- Timings written in the action's text (AC202) --------------------------------------------------

_RECURRING = re.compile(
    r"\b(?:half[- ]?termly|termly|weekly|fortnightly|monthly|daily|annually|yearly|bi-?annually|bi-?weekly)\b", re.I
)
# A recurring word after a definite article names a thing, not when: "Redesign the termly report";
# so does one after a verb that starts something once: "Set up a weekly college taster" says
# how often it will run, not when it starts.
_NAMES_A_THING = re.compile(
    r"(?:\b(?:the|our|their|its|this|that|these|those)|['’]s?|\b(?:set(?:ting)?\s+up|launch(?:es|ed|ing)?|"
    r"introduc(?:e|es|ed|ing)|establish(?:es|ed|ing)?|creat(?:e|es|ed|ing)|start(?:s|ed|ing)?\s+up|plan(?:s|ned|ning)?|"
    r"design(?:s|ed|ing)?)\s+(?:(?:a|an|new|the)\s+)*)\s*$",
    re.I,
)
_EVERY_PERIOD = re.compile(
    r"\b(?:each|every|per|once\s+a|twice\s+a|times\s+a|(?:sessions?|lessons?|minutes|mins|hours?|hrs|visits?|"
    r"meetings?|days?)\s+(?:a|per))\s+(?:half[- ]?term|term|week|fortnight|month|year|day|morning|afternoon|"
    r"evening|monday|tuesday|wednesday|thursday|friday)s?\b(?!\s*(?:group|team|\d))",
    re.I,
)
_BOUNDED = re.compile(
    r"\bfor\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+"
    r"(?:weeks?|months?|terms?|half[- ]terms?|sessions?|days?)\b",
    re.I,
)
_TIMING_PHRASE = re.compile(
    r"\b(?:throughout\s+the\s+(?:academic\s+|school\s+)?year|all\s+year(?:\s+round)?"
    r"|(?:at|by|before|after|from|until|over|during|in)\s+(?:the\s+)?(?:start|end|beginning)\s+of\s+"
    r"(?:the\s+|each\s+|every\s+)?(?:half[- ]?term|term|year)"
    r"|(?:by|before|after|until|from|at|over|during|in)\s+(?:the\s+)?(?:next\s+)?half[- ]?term"
    # A school holiday: "over the Easter hols", "in the Christmas break".
    r"|(?:over|during|in|before|after|by|across|until)\s+(?:the\s+)?(?:christmas|xmas|easter|summer|whitsun|october|"
    r"february|feb|may)\s+(?:hols|holidays?|break|vacation)"
    r"|(?:on|at|during|in|by|before|after)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}inset(?:\s+days?)?|inset\s+days?"
    r"|(?:first|second|last)\s+(?:week|day|fortnight)\s+(?:of|back\s+after)\s+(?:the\s+)?(?:[\w-]+\s+)?term"
    r"|next\s+(?:staff|governors['’]?|fgb|slt|phase)\s+meeting"
    # The periods of an ITT year, fixed in the partnership's calendar: "During Placement A".
    r"|(?:during|in|by|before|after|at\s+the\s+(?:start|end)\s+of|throughout)\s+(?:the\s+)?(?:(?:first|second|"
    r"final|main|contrasting|assessment|serial)\s+)?(?:placement|school\s+experience|sbt)(?:\s+(?:[A-C1-3]|one|two|"
    r"three))?"
    # A bare "Placement B" is a time unless a noun it describes follows: not "the Placement B handbook".
    r"|placement\s+(?:[A-C1-3]|one|two|three)\b(?!\s+(?!(?:wk|weeks?|starts?|begins?|ends?)\b)(?-i:[a-z])))\b",
    re.I,
)
# Words a date or term can hang on; "May" and "March" only with a capital, as verbs are lower case.
_DATE_ANCHOR = re.compile(
    rf"(?:{MONTH_PATTERN}|autumn|spring|summer|aut[12]?|spr[12]?|sum[12]|christmas|xmas|easter"
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{4}-\d{1,2}-\d{1,2})\.?",
    re.I,
)
_LOWER_CASE_VERBS = frozenset(("may", "march", "mar"))
_SEASONS = frozenset(("autumn", "spring", "summer"))
_SEASON_BEFORE = frozenset(
    _listed("in, by, during, over, from, until, before, after, across, throughout, this, next, at, on")
)
_SEASON_AFTER = re.compile(r"(?:term|half|half-term|[12]|one|two|\d{2}|\d{4})$", re.I)
_DEADLINE = re.compile(r"\b(?:before|until|till|ahead\s+of|no\s+later\s+than)\b", re.I)
_TOKEN = re.compile(r"[^\s,;()\[\]]+")
_ANY_YEAR = dt.date(2001, 9, 1)  # a year to read half-terms against when the plan gives none


def names_timing(text: str, year_start: dt.date | None = None) -> bool:
    """True when an action's text says when: a recurrence ("fortnightly", "each term"), a date or
    term sipgen can read ("by Easter", "w/c 8 Sept", "over the summer term"), or "on the first INSET day".
    """
    if not _BOUNDED.search(text):  # "weekly sessions for 6 weeks" is a block that still needs dating
        for match in _RECURRING.finditer(text):
            if not _NAMES_A_THING.search(text[: match.start()]):
                return True
        if _EVERY_PERIOD.search(text):
            return True
    if _TIMING_PHRASE.search(text):
        return True
    tokens = [t.rstrip(".:") for t in _TOKEN.findall(_DEADLINE.sub("by", text))]
    for i, token in enumerate(tokens):
        if _is_anchor(token) and _can_be_a_date(tokens, i) and _reads_as_date(tokens, i, year_start):
            return True
    return False


_RANGE_DASH = re.compile(r"[-–—]")


def _is_anchor(token: str) -> bool:
    """A word a date can hang on, or a range of two ("Jan-April", "Sept–Dec", "Aut1-Spr2")."""
    if _DATE_ANCHOR.fullmatch(token):
        return True
    parts = _RANGE_DASH.split(token)
    return len(parts) == 2 and all(_DATE_ANCHOR.fullmatch(part) for part in parts)


def _can_be_a_date(tokens: list[str], i: int) -> bool:
    token = tokens[i]
    if any(p.casefold() in _LOWER_CASE_VERBS and not p[0].isupper() for p in _RANGE_DASH.split(token) if p):
        return False
    if token.casefold() not in _SEASONS:
        return True
    before = [t.casefold() for t in tokens[max(0, i - 2) : i]]
    if before and before[-1] == "the":
        before.pop()
    after = tokens[i + 1] if i + 1 < len(tokens) else ""
    # "Summer school", "for the summer reading challenge": a season that only describes a thing.
    return bool(_SEASON_AFTER.match(after)) or (bool(before) and before[-1] in _SEASON_BEFORE)


def _reads_as_date(tokens: list[str], i: int, year_start: dt.date | None) -> bool:
    """True when some few words around tokens[i] read as a date ("by Easter", "w/c 8 Sept", "Autumn 1")."""
    year_start = year_start or _ANY_YEAR
    for first in range(max(0, i - 3), i + 1):
        for last in range(i + 1, min(len(tokens), i + 4) + 1):
            found = parse_date(" ".join(tokens[first:last]), year_start)
            if found is not None and found.dated:
                return True
    return False


# A timing before a colon, comma or dash: "Spring term:", "w/c 15 Sept:", "By Christmas,", "From Aut2 -".
_LEADING_TIMING = re.compile(r"^(?P<when>[^:–—,;()]{2,50}?)\s*(?::|,|\s[–—-]|[–—])\s*(?=\S)")


def strip_leading_timing(text: str) -> str:
    """The text without an opening timing label or phrase, so that an owner or verb after it opens the text."""
    match = _LEADING_TIMING.match(text)
    if match and len(match["when"].split()) <= 6 and names_timing(match["when"]):
        return text[match.end() :]
    return text
