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


# What a milestone or baseline cell holds when nothing is set yet.
_NOT_SET = re.compile(
    r"(?:[-–—.?x]+|n/?a|tb[acd]|to\s+be\s+(?:confirmed|set|agreed|decided)|none|nil|not\s+(?:yet\s+)?known)", re.I
)


def is_set(text: str) -> bool:
    """True when a milestone or baseline says something: not blank, "-", "TBC" or "N/A"."""
    plain = (text or "").strip()
    return bool(plain) and not _NOT_SET.fullmatch(plain)


def figure(text: str) -> float | None:
    """The first figure in ``text``: 69 for "69% on track", 7 for "7 of 9"; None if there is none."""
    match = _FIGURE.search(text or "")
    if not match:
        return None
    try:
        return float(match.group(0).replace(",", ""))
    except ValueError:
        return None


_FIGURE_WITH_UNIT = re.compile(r"[£$]?(?<![\w.])-?\d+(?:[.,]\d+)*(?!\d)\s?%?")


def figure_text(text: str) -> str:
    """The first figure in ``text`` as written, with its % or £: "78%" for "78% score 32 or more
    (March practice check)"; the text itself when it holds no figure."""
    match = _FIGURE_WITH_UNIT.search(text or "")
    return match.group(0).replace(" %", "%").strip() if match else (text or "").strip()


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


# -- one measure, one figure: a KPI that names a success criterion shows that criterion's figures --

# The figures a KPI and a success criterion share, in the order a row shows them.
FIGURE_FIELDS = (
    "baseline",
    "milestone_autumn",
    "actual_autumn",
    "milestone_spring",
    "actual_spring",
    "milestone_summer",
    "actual_summer",
    "target",
)


_LEADING_REF = re.compile(r"[A-Z]+\d+(?:\.\d+)*")


def linked_criterion(plan, kpi):
    """The success criterion a KPI names (its first row), or None. A note after the reference, as
    in "SC19 (writing)", is allowed: the reference it starts with is the link."""
    if not kpi.criterion:
        return None
    by_ref = {c.ref.casefold(): c for c in reversed(plan.criteria) if c.ref}
    if kpi.criterion.casefold() in by_ref:
        return by_ref[kpi.criterion.casefold()]
    leading = _LEADING_REF.match(kpi.criterion.upper())
    return by_ref.get(leading.group(0).casefold()) if leading else None


def kpi_measure(plan, kpi):
    """The KPI with the figures it reports: its criterion's when it names one, else its own.

    The criterion is the one home of the figures; where the KPI's own differ, XR803 says so."""
    from dataclasses import replace

    criterion = linked_criterion(plan, kpi)
    if criterion is None:
        return kpi
    return replace(kpi, **{name: getattr(criterion, name) for name in FIGURE_FIELDS})


def figure_differences(kpi, criterion) -> list[tuple[str, str, str]]:
    """(field, KPI's figure, criterion's figure) where a KPI carries a figure of its own that
    differs from its criterion's: the same number written "63%" and "63" is not a difference."""
    found = []
    for name in FIGURE_FIELDS:
        own, theirs = getattr(kpi, name).strip(), getattr(criterion, name).strip()
        if not own:
            continue
        same = figure(own) == figure(theirs) if figure(own) is not None else own.casefold() == theirs.casefold()
        if not same:
            found.append((name, own, theirs))
    return found


# -- a measure's state: what the latest figure says against its milestone --

NOT_MEASURED = "not yet measured"
RISING, FALLING, LEVEL = "rising", "falling", "level"


def latest_judgement(measure) -> Judgement | None:
    """The latest review point at which the measure's actual was judged against its milestone."""
    found = judgements(measure)
    return found[-1] if found else None


def state_of(measure) -> str:
    """met, close or missed at the latest judged point; "not yet measured" before any."""
    last = latest_judgement(measure)
    return last.state if last else NOT_MEASURED


def trend(measure) -> str:
    """rising, falling or level: the last two figures of the year (baseline, then each actual);
    "" with fewer than two."""
    values = [v for v in (figure(measure.baseline), *(figure(a) for a in measure.actuals)) if v is not None]
    if len(values) < 2:
        return ""
    if values[-1] > values[-2]:
        return RISING
    return FALLING if values[-1] < values[-2] else LEVEL
