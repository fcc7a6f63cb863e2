"""Progress computed from the plan's own measures: each actual set beside its milestone.

A success criterion or KPI has a milestone and an actual at each review point (autumn, spring,
summer). Where both hold a figure, the actual is judged against the milestone:

- **met**: on the milestone or past it, in the direction the measure should move;
- **close**: short of it by no more than a twentieth of the milestone (69% against 70%);
- **missed**: further short.

A measure moves down when its target is below its baseline (persistent absence, exclusions);
otherwise up. Text with no figure ("on track") is not judged. The review points fall at the end
of the autumn, spring and summer terms, worked out from the plan's academic year.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .dates import half_term

MET, CLOSE, MISSED = "met", "close", "missed"
# Each review point: its name, and the half-term that ends it.
POINTS = (("autumn", "aut2"), ("spring", "spr2"), ("summer", "sum2"))
# How far short of a milestone still counts as close: a twentieth of it.
CLOSE_SHARE = 0.05
_FIGURE = re.compile(r"(?<![\w.])-?\d+(?:[.,]\d+)*(?!\d)")


@dataclass(frozen=True)
class Judgement:
    point: str  # autumn, spring or summer
    milestone: str
    actual: str
    state: str  # met, close or missed


def figure(text: str) -> float | None:
    """The first figure in ``text``: 69 for "69% on track", 7 for "7 of 9"; None if there is none."""
    match = _FIGURE.search(text or "")
    if not match:
        return None
    try:
        return float(match.group(0).replace(",", ""))
    except ValueError:
        return None


def goes_down(baseline: str, target: str) -> bool:
    """True for a measure that should fall: its target is below its baseline."""
    start, end = figure(baseline), figure(target)
    return start is not None and end is not None and end < start


def judge(actual: str, milestone: str, down: bool = False) -> str | None:
    """met, close or missed; None when either has no figure."""
    got, wanted = figure(actual), figure(milestone)
    if got is None or wanted is None:
        return None
    short = (got - wanted) if down else (wanted - got)
    if short <= 0:
        return MET
    return CLOSE if short <= CLOSE_SHARE * abs(wanted) else MISSED


def judgements(measure) -> list[Judgement]:
    """Each review point of a criterion or KPI where both milestone and actual hold a figure."""
    down = goes_down(measure.baseline, measure.target)
    found = []
    for (point, _), milestone, actual in zip(POINTS, measure.milestones, measure.actuals, strict=True):
        state = judge(actual, milestone, down)
        if state is not None:
            found.append(Judgement(point, milestone, actual, state))
    return found


def point_ends(year_start: dt.date) -> dict[str, dt.date]:
    """The day each review point falls on: the end of its term."""
    return {point: half_term(key, year_start).end for point, key in POINTS}


def passed_points(year_start: dt.date, as_of: dt.date) -> list[str]:
    """The review points that have passed by ``as_of``, in order."""
    return [point for point, end in point_ends(year_start).items() if end < as_of]


def point_of(day: dt.date, year_start: dt.date) -> str:
    """The review point a review held on ``day`` reports on: the term it falls in."""
    if day < half_term("spr1", year_start).start:
        return "autumn"
    if day < half_term("sum1", year_start).start:
        return "spring"
    return "summer"


def at_point(criteria, point: str) -> dict[str, Judgement]:
    """Each criterion judged at one review point, by reference (criteria with no figures left out)."""
    return {c.ref or "a criterion": j for c in criteria for j in judgements(c) if j.point == point}


def contradicts(rag: str, judged: dict[str, Judgement]) -> bool:
    """True when a RAG rating says the opposite of the measures: Green while a criterion missed its
    milestone, or Red while every criterion judged met its milestone."""
    if not judged:
        return False
    if rag == "Green":
        return any(j.state == MISSED for j in judged.values())
    return rag == "Red" and all(j.state == MET for j in judged.values())
