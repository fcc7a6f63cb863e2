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
from ..progress import MISSED, POINTS, at_point, contradicts, figure, goes_down, judgements, point_of
from ..references import ref_order
from ..rules.criteria import criteria_for
from ..schema import DONE, DROPPED
from . import parts
from .costs import spend
from .parts import TIMELINE_LABELS
from .rich import Anchors, chip, run


def summary_row(plan: Plan, priority: Priority, anchors: Anchors, latest: dict, as_of: dt.date) -> dict:
    return parts.SUMMARY.row(
        priority=Markup(str(anchors.ref(priority.ref, bold=True)) + run("  " + shortened(priority.title))),
        who=_who(plan, priority),
        trend=_trend(plan, priority),
        measure=Markup(run(_headline(plan, priority))),
        spend=spend(priority.every_action),
        actions=_action_counts(priority.every_action, as_of),
        due=_due(priority.every_action, as_of, plan.settings.next_meeting, anchors),
    )


# A priority's title in the summary is cut here (its full title heads its part, a click away), so
# one long title cannot push the summary onto a second page.
TITLE_LIMIT = 140


def shortened(title: str, limit: int = TITLE_LIMIT) -> str:
    """``title`` cut at a word before ``limit`` characters, with an ellipsis to say so."""
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    return title[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"


def person_name(plan: Plan, initials: str) -> str:
    person = plan.people.get(initials)
    return person.name if person and person.name else initials


def _who(plan: Plan, priority: Priority) -> str:
    lines = []
    if priority.lead:
        lines.append("Lead: " + ", ".join(person_name(plan, i) for i in priority.lead))
    if priority.link_governor:
        lines.append("Link: " + ", ".join(person_name(plan, i) for i in priority.link_governor))
    return "\n".join(lines) or "No lead named"


def _trend(plan: Plan, priority: Priority) -> Markup:
    """The priority's RAG at each review so far, in date order, so the trend shows."""
    reviews: list[Review] = sorted(
        (r for r in plan.reviews if r.ref == priority.ref and r.rag and r.date and r.date.dated),
        key=lambda r: r.date.start,
    )
    if not reviews:
        return Markup(run("Not yet reviewed"))
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


def _headline(plan: Plan, priority: Priority) -> str:
    """Baseline, latest actual, next milestone and target of the first criterion with figures."""
    for criterion in sorted(criteria_for(plan, priority), key=lambda c: (ref_order(c.parent), ref_order(c.ref))):
        judged = judgements(criterion)
        if not judged and figure(criterion.baseline) is None:
            continue
        parts = [f"{criterion.ref}: from {criterion.baseline or '?'}"]
        if judged:
            last = judged[-1]
            verdict = "behind" if last.state == MISSED else "on track"
            parts.append(f"{last.actual} at {last.point} ({verdict})")
            upcoming = [m for (point, _), m in zip(POINTS, criterion.milestones, strict=True) if m][len(judged) :]
            if upcoming:
                parts.append(f"next {upcoming[0]}")
        parts.append(f"target {criterion.target or '?'}")
        direction = " (lower is better)" if goes_down(criterion.baseline, criterion.target) else ""
        return " → ".join(parts) + direction
    return "No success criterion with figures yet"


def action_state(action: Action, as_of: dt.date) -> str:
    if action.status == DONE:
        return "done"
    if action.status == DROPPED:
        return "dropped"
    due = action.due
    if due is not None and due.dated and due.end < as_of:
        return "overdue"
    return "on track"


def _action_counts(actions: list[Action], as_of: dt.date) -> str:
    states = [action_state(a, as_of) for a in actions]
    counts = [f"{states.count(s)} {s}" for s in ("done", "on track", "overdue", "dropped") if states.count(s)]
    return ", ".join(counts) or "No actions"


def due_before_meeting(actions: list[Action], as_of: dt.date, meeting) -> list[Action]:
    """The actions on track that fall due between the report date and the next board meeting."""
    if meeting is None or not meeting.dated or meeting.start < as_of:
        return []
    return [
        a
        for a in actions
        if action_state(a, as_of) == "on track" and a.due and a.due.dated and as_of <= a.due.end <= meeting.start
    ]


def _due(actions: list[Action], as_of: dt.date, next_meeting, anchors: Anchors) -> Markup:
    """The actions due between the report date and the next board meeting."""
    if next_meeting is None or not next_meeting.dated:
        return Markup(run("No next meeting date given (Settings)"))
    if next_meeting.start < as_of:
        return Markup(run(f"The next meeting date given ({uk(next_meeting.start)}) has passed"))
    due = due_before_meeting(actions, as_of, next_meeting)
    if not due:
        return Markup(run(f"Nothing due by {uk(next_meeting.start)}"))
    return Markup(run(f"{len(due)} by {uk(next_meeting.start)}: ") + str(anchors.refs_list([a.ref for a in due])))


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
