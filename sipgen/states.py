"""Each state the documents show, decided once: every part that shows a state calls these.

The plan's board summary, its priority parts, its KPI page, the board report and the trust
report all ask here which review is the latest on the report date, which measure heads a
priority, what an action's state is, and what falls due before the next meeting, so they
cannot disagree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .dates import academic_year_end, plan_year_start
from .model import Action, Criterion, Plan, Priority, Review
from .progress import POINTS, figure, judgements, linked_criterion, point_ends
from .references import ref_order
from .rules.criteria import criteria_for
from .schema import DONE, DROPPED

# -- reviews: held by the report date, or still to come --------------------------------------


def is_held(review: Review, as_of: dt.date) -> bool:
    """True for a review dated on or before the report date; a later one has not happened yet."""
    return bool(review.date and review.date.dated and review.date.start <= as_of)


def reviews_by_date(plan: Plan) -> list[Review]:
    """Every review, dated ones by date, then the undated in the order typed."""
    return sorted(plan.reviews, key=lambda r: (r.date.start if r.date and r.date.dated else dt.date.max, r.row))


def latest_reviews(plan: Plan, refs, as_of: dt.date) -> dict[str, Review]:
    """The latest review held on or before ``as_of`` of each reference in ``refs`` (of the
    priority itself, not its parts)."""
    wanted = set(refs)
    latest: dict[str, Review] = {}
    for review in reviews_by_date(plan):
        if review.ref in wanted and is_held(review, as_of):
            latest[review.ref] = review
    return latest


def latest_ratings(plan: Plan, refs, as_of: dt.date) -> dict[str, Review]:
    """The latest review held on or before ``as_of`` that gives a RAG rating, of each of ``refs``:
    the rating the summary, the priorities at a glance and the reports show."""
    wanted = set(refs)
    latest: dict[str, Review] = {}
    for review in reviews_by_date(plan):
        if review.ref in wanted and review.rag and is_held(review, as_of):
            latest[review.ref] = review
    return latest


def rated_reviews(plan: Plan, ref: str, as_of: dt.date) -> list[Review]:
    """The reviews of ``ref`` held by ``as_of`` that give a RAG rating, oldest first."""
    return [r for r in reviews_by_date(plan) if r.ref == ref and r.rag and is_held(r, as_of)]


# -- the headline measure: the one a priority is about ----------------------------------------

HEADLINE_MARK = "Yes"


def headline_criterion(plan: Plan, priority: Priority) -> Criterion | None:
    """The measure a priority is about: the criterion the school marked as its headline; else
    one a KPI reports; else its first outcome criterion with figures; else its first with figures."""
    mine = sorted(criteria_for(plan, priority), key=lambda c: (ref_order(c.parent), ref_order(c.ref), c.row))
    marked = [c for c in mine if c.headline == HEADLINE_MARK]
    if marked:
        return marked[0]
    reported = {id(c) for c in (linked_criterion(plan, k) for k in plan.kpis) if c is not None}
    for criterion in mine:
        if id(criterion) in reported:
            return criterion
    with_figures = [c for c in mine if judgements(c) or figure(c.baseline) is not None or figure(c.target) is not None]
    outcomes = [c for c in with_figures if c.kind == "Outcome"]
    return (outcomes or with_figures or [None])[0]


# -- actions ---------------------------------------------------------------------------------

ACTION_STATES = ("done", "on track", "overdue", "ongoing", "no date", "dropped")


def action_state(action: Action, as_of: dt.date) -> str:
    """done, dropped, overdue, on track (dated, not yet due), ongoing (a timing such as Termly)
    or no date: an action with no date is never counted on track."""
    if action.status == DONE:
        return "done"
    if action.status == DROPPED:
        return "dropped"
    due = action.due or action.start
    if due is None or not due.dated:
        return "ongoing" if due is not None and due.kind == "timing" else "no date"
    if action.due is not None and action.due.dated and action.due.end < as_of:
        return "overdue"
    return "on track"


# -- what falls due in a window: before the next board meeting --------------------------------


@dataclass(frozen=True)
class Due:
    """One thing that falls due in a window: an action, a milestone or a review."""

    kind: str  # "action", "milestone" or "review"
    ref: str
    day: dt.date
    text: str
    record: object = None


def next_meeting(plan: Plan, as_of: dt.date) -> dt.date | None:
    """The next board meeting's date, when the plan gives one on or after the report date."""
    meeting = plan.settings.next_meeting
    if meeting is None or not meeting.dated or meeting.start < as_of:
        return None
    return meeting.start


def due_in_window(plan: Plan, priority: Priority | None, start: dt.date, end: dt.date) -> list[Due]:
    """What falls due after ``start`` and on or before ``end``, for one priority (or the whole
    plan when ``priority`` is None): actions not yet done, milestones whose review point falls in
    the window, and reviews scheduled in it; in date order."""
    priorities = [priority] if priority is not None else plan.priorities
    found: list[Due] = []
    for p in priorities:
        for action in p.every_action:
            due = action.due
            if action_state(action, start) == "on track" and due and due.dated and start <= due.end <= end:
                found.append(Due("action", action.ref, action.due.end, action.action, action))
        found += _milestones_due(plan, p, start, end)
        for review in plan.reviews:
            if review.ref == p.ref and review.date and review.date.dated and start < review.date.start <= end:
                found.append(Due("review", review.ref, review.date.start, "review", review))
    return sorted(found, key=lambda d: (d.day, ref_order(d.ref)))


def _milestones_due(plan: Plan, priority: Priority, start: dt.date, end: dt.date) -> list[Due]:
    year_start = plan_year_start(plan.settings)
    if year_start is None:
        return []
    found = []
    for (point, _), day in zip(POINTS, point_ends(year_start).values(), strict=True):
        if not start < day <= end:
            continue
        for criterion in criteria_for(plan, priority):
            milestone = dict(zip((p for p, _ in POINTS), criterion.milestones, strict=True))[point]
            if milestone:
                found.append(Due("milestone", criterion.ref, day, f"{point} milestone {milestone}", criterion))
    return found


def due_before_meeting(plan: Plan, priority: Priority | None, as_of: dt.date) -> list[Due]:
    """What falls due between the report date and the next board meeting (none without one)."""
    meeting = next_meeting(plan, as_of)
    return due_in_window(plan, priority, as_of, meeting) if meeting else []


# -- the report date ---------------------------------------------------------------------------


def outside_year(plan: Plan, as_of: dt.date) -> str:
    """A one-line warning when the report date falls outside the plan's academic year, else ""."""
    year_start = plan_year_start(plan.settings)
    if year_start is None:
        return ""
    year_end = academic_year_end(year_start)
    if year_start <= as_of <= year_end:
        return ""
    from .dates import uk

    year = plan.settings.academic_year or f"{year_start.year}-{str(year_start.year + 1)[2:]}"
    return (
        f"The report date {uk(as_of)} is outside the plan's academic year {year} "
        f"({uk(year_start)} to {uk(year_end)}); give the date to report at with --as-of."
    )
