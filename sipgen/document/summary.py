"""The board summary: one row a priority, saying where it stands on the report date.

Everything here is computed from the plan: the reviews' RAG ratings in date order, the first
success criterion with figures judged against its milestones, the planned cost, and the
actions' states on the report date (done, overdue, on track) and what falls due before the
next board meeting.
"""

from __future__ import annotations

import datetime as dt

from markupsafe import Markup

from ..colours import NO_FILL, RAG_FILLS
from ..dates import plan_year_start, uk
from ..model import Action, Plan, Priority, Review
from ..progress import (
    MISSED,
    NOT_MEASURED,
    at_point,
    contradicts,
    figure_text,
    goes_down,
    latest_judgement,
    point_of,
    trend,
)
from ..references import ref_order
from ..rules.criteria import criteria_for
from ..states import (
    ACTION_STATES,
    action_state,
    due_before_meeting,
    headline_criterion,
    latest_reviews,
    next_meeting,
    rated_reviews,
)
from ..terms import word
from . import parts
from .costs import spend
from .parts import TIMELINE_LABELS
from .rich import Anchors, chip, run


def summary_row(plan: Plan, priority: Priority, anchors: Anchors, as_of: dt.date) -> dict:
    return parts.SUMMARY.row(
        priority=Markup(str(anchors.ref(priority.ref, bold=True)) + run("  " + shortened(priority.title))),
        who=_who(plan, priority),
        trend=_trend(plan, priority, as_of),
        measure=Markup(run(headline_text(plan, priority))),
        spend=spend(priority.every_action),
        actions=action_counts(priority.every_action, as_of),
        due=_due(plan, priority, as_of, anchors),
    )


# A priority's title in the summary is cut here (its full title heads its part, a click away), so
# one long title cannot push the summary onto a second page.
TITLE_LIMIT = 100


def shortened(title: str, limit: int = TITLE_LIMIT) -> str:
    """``title`` cut at a word before ``limit`` characters, with an ellipsis to say so."""
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    return title[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"


def person_name(plan: Plan, initials: str) -> str:
    """'Laura Wilson (LW)' for someone on the key to initials; the initials alone for anyone else."""
    person = plan.people.get(initials)
    return f"{person.name} ({initials})" if person and person.name else initials


def names(plan: Plan, initials: tuple[str, ...]) -> str:
    return ", ".join(person_name(plan, i) for i in initials)


def _who(plan: Plan, priority: Priority) -> str:
    lines = []
    if priority.lead:
        lines.append("Lead: " + names(plan, priority.lead))
    if priority.link_governor:
        lines.append(word("{link_governor}", plan.plan_type).capitalize() + ": " + names(plan, priority.link_governor))
    return "\n".join(lines) or "No lead named"


def _trend(plan: Plan, priority: Priority, as_of: dt.date) -> Markup:
    """The priority's RAG at each review held so far, in date order, so the trend shows."""
    reviews = rated_reviews(plan, priority.ref, as_of)
    if not reviews:
        held = latest_reviews(plan, [priority.ref], as_of).get(priority.ref)
        return Markup(run(f"Reviewed {uk(held.date.start)}, no rating given" if held else "Not yet reviewed"))
    pieces = [
        chip(r.rag, RAG_FILLS.get(r.rag, NO_FILL)) + run(f" {r.date.start.day} {r.date.start:%b}  ") for r in reviews
    ]
    disagreement = _measures_disagree(plan, priority, reviews[-1])
    if disagreement:
        pieces.append(run("\n" + disagreement, italic=True))
    return Markup("".join(pieces))


def _measures_disagree(plan: Plan, priority: Priority, review: Review) -> str:
    """What the measures say, when they contradict the latest rating (RV705): the board sees both."""
    year_start = plan_year_start(plan.settings)
    if year_start is None:
        return ""
    point = point_of(review.date.start, year_start)
    judged = at_point(criteria_for(plan, priority), point)
    if not contradicts(review.rag, judged):
        return ""
    missed = [f"{ref} {j.actual} against {j.milestone}" for ref, j in judged.items() if j.state == MISSED]
    if missed:
        return f"But the {point} measures: {'; '.join(missed[:2])} (missed)"
    return f"But every {point} measure met its milestone"


# The headline criterion's statement is cut here; its full wording is in the priority's part.
HEADLINE_LIMIT = 45


def headline_text(plan: Plan, priority: Priority) -> str:
    """The priority's headline measure: what it is, its latest figure judged against its milestone
    (or "not yet measured") and which way it is moving, then where it started and is heading."""
    criterion = headline_criterion(plan, priority)
    if criterion is None:
        return "No success criterion with figures yet"
    last = latest_judgement(criterion)
    said = f"{criterion.ref} {shortened(criterion.criterion, HEADLINE_LIMIT)}\n"
    if last:
        moving = trend(criterion)
        said += f"{figure_text(last.actual)} at {last.point} against {figure_text(last.milestone)}: {last.state}"
        said += f", {moving}" if moving else ""
    else:
        said += NOT_MEASURED.capitalize()
    ends = [
        f"from {figure_text(criterion.baseline)}" if criterion.baseline else "",
        f"target {figure_text(criterion.target)}" if criterion.target else "",
    ]
    said += "\n" + ", ".join(e for e in ends if e) if any(ends) else ""
    return said + (" (lower is better)" if goes_down(criterion.baseline, criterion.target) else "")


def action_counts(actions: list[Action], as_of: dt.date) -> str:
    states = [action_state(a, as_of) for a in actions]
    counts = [f"{states.count(s)} {s}" for s in ACTION_STATES if states.count(s)]
    return ", ".join(counts) or "No actions"


def _due(plan: Plan, priority: Priority, as_of: dt.date, anchors: Anchors) -> Markup:
    """What falls due between the report date and the next board meeting, by reference."""
    meeting = next_meeting(plan, as_of)
    if meeting is None:
        return Markup("")  # said once, under the table, rather than in every row
    due = due_before_meeting(plan, priority, as_of)
    if not due:
        return Markup(run(f"Nothing due by {uk(meeting)}"))
    refs = list(dict.fromkeys(d.ref for d in due))
    kinds = [k for k in ("action", "milestone", "review") if any(d.kind == k for d in due)]
    label = ", ".join(
        f"{sum(d.kind == k for d in due)} {k}{'s' if sum(d.kind == k for d in due) != 1 else ''}" for k in kinds
    )
    return Markup(run(f"By {uk(meeting)}: {label}: ") + str(anchors.refs_list(refs)))


# -- the timeline: one row an action, one column a month of the academic year ----------------

TIMELINE_MONTHS = len(TIMELINE_LABELS)
SPAN_FILL = "BDD7EE"  # a light shade of the accent: the months an action runs
# Past this many actions a priority's timeline shows its objectives instead: a page of 250 rows
# tells a governor nothing, and would double the size of a large plan's document.
TIMELINE_MAX_ACTIONS = 30
REVIEW_MARK = "◆"


def timeline(plan: Plan, priority: Priority, year_start: dt.date | None, as_of: dt.date) -> list[dict]:
    """Rows of the priority's timeline: each action's months shaded (red when overdue), then a row
    marking the months of its reviews. Empty when the plan's year is not known."""
    if year_start is None or not priority.every_action:
        return []
    if len(priority.every_action) > TIMELINE_MAX_ACTIONS:
        groups = [(f"{priority.ref} (its own actions)", priority.actions)] if priority.actions else []
        groups += [(o.ref, o.actions) for o in priority.objectives if o.actions]
    else:
        groups = [(a.ref, [a]) for a in sorted(priority.every_action, key=lambda a: ref_order(a.ref))]
    rows = []
    for label, actions in groups:
        months = sorted({m for a in actions for m in _months(a, year_start)})
        if months:  # a sequence runs from its first action's start to its last action's due
            months = list(range(months[0], months[-1] + 1))
        overdue = any(action_state(a, as_of) == "overdue" for a in actions)
        fill = RAG_FILLS["Red"] if overdue else SPAN_FILL
        if not months and len(actions) == 1:
            label += f" ({_timing(actions[0])})"
        rows.append(_timeline_row(label, {m: ("", fill) for m in months}))
    reviews = {}
    for review in plan.reviews:
        if review.ref == priority.ref and review.date and review.date.dated:
            month = _month_index(review.date.start, year_start)
            if month is not None:
                reviews[month] = (REVIEW_MARK, RAG_FILLS.get(review.rag, NO_FILL))
    if reviews:
        rows.append(_timeline_row("Reviews", reviews))
    return rows


def _timeline_row(label: str, cells: dict[int, tuple[str, str]]) -> dict:
    row = {"label": label}
    for m in range(TIMELINE_MONTHS):
        row[f"m{m}"], row[f"m{m}{parts.FILL_SUFFIX}"] = cells.get(m, ("", NO_FILL))
    return parts.TIMELINE.row(**row)


def _month_index(day: dt.date, year_start: dt.date) -> int | None:
    """0 for September ... 10 for July (August counts as July); None outside the year."""
    index = (day.year - year_start.year) * 12 + day.month - year_start.month
    if index < 0 or index > TIMELINE_MONTHS:
        return None
    return min(index, TIMELINE_MONTHS - 1)


def _months(action: Action, year_start: dt.date) -> list[int]:
    """The months an action runs, from its start (or due) to its due (or start)."""
    dated = [d for d in (action.start, action.due) if d is not None and d.dated]
    if not dated:
        return []
    first = _month_index(min(d.start for d in dated), year_start)
    last = _month_index(max(d.end for d in dated), year_start)
    if first is None and last is None:
        return []
    first = 0 if first is None else first
    last = TIMELINE_MONTHS - 1 if last is None else last
    return list(range(first, last + 1))


def _timing(action: Action) -> str:
    given = [d.label for d in (action.start, action.due) if d is not None and d.label]
    return "; ".join(dict.fromkeys(given)) or "no date"
