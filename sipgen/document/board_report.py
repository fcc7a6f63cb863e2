"""The board's short report (`sipgen report`): the summary, then only what needs attention.

Governors ask for exception reports: the plan on a page, then what is behind. For each plan
this decides the board summary (the same rows as the plan's own), the priorities rated amber
or red and why, the criteria behind their milestones, overdue and slipped actions, what falls
due before the next meeting, the spending, and what changed since the last version. A trust
gets one row a school first. References are named, not linked: the plan is another file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from ..colours import NO_FILL, RAG_FILLS
from ..dates import uk
from ..findings import Severity
from ..model import Plan
from ..progress import CLOSE, MISSED, figure, judgements, kpi_measure
from ..references import REF_PATTERN, ref_order
from ..states import action_state, due_before_meeting, latest_ratings, latest_reviews, next_meeting, outside_year
from ..terms import word
from ..values import money
from . import BuildError, parts
from .costs import overspend, planned, spend
from .rich import Anchors, chip, flat, readable, run
from .summary import names, shortened, summary_row
from .view import STATE_FILLS, _summary_note, budget_note, place

ATTENTION_RAGS = ("Red", "Amber")


@dataclass
class Change:
    """One change since the last version, as the report lists it (made by :mod:`sipgen.diff`)."""

    priority: str
    ref: str
    text: str
    slipped_days: int = 0  # an action's due date moved later by this many days
    approval: str = ""  # what the board is asked to do about it, for a change that needs its approval


# Progress recorded since the last version (figures, statuses, reviews, spending) shows in the parts
# above; the changes part lists what changed in the plan itself, and counts the progress in a line.
PROGRESS = {
    "actual": "termly results",
    "status": "action statuses",
    "rag": "ratings",
    "review": "reviews",
    "spent": "amounts spent",
}


def _progress_kind(change) -> str:
    """Which kind of progress a change records, or "" for a change to the plan itself."""
    if change.record == "reviews":
        return "review" if change.kind == "added" else change.kind if change.kind == "rag" else ""
    if change.field == "spent":
        return "spent"
    if change.field == "history":
        return "history"
    return change.kind if change.kind in PROGRESS else ""


def progress_note(changes) -> str:
    """'Since the last version, 5 reviews and 27 termly results have been recorded ...' (shown above)."""
    counts = Counter(_progress_kind(c) for c in changes)
    said = [f"{counts[k]} {PROGRESS[k]}" for k in PROGRESS if counts[k]]
    if not said:
        return ""
    listed = ", ".join(said[:-1]) + (" and " if len(said) > 1 else "") + said[-1]
    return f"Since the last version, {listed} have been recorded; the parts above show them."


_SLIPPED = re.compile(r"slipped by (\d+) days?")


def _is_plan_ref(ref: str) -> bool:
    """True for a reference a governor can find in the plan (P2.1.3), not a diff's own label ("total")."""
    return bool(ref and REF_PATTERN.fullmatch(ref))


def _change(change, plan: Plan | None = None) -> Change:
    """A change found by :mod:`sipgen.diff`, as the report lists it; a due date moved later is a slip."""
    slipped = _SLIPPED.search(change.detail) if change.record == "actions" and change.field == "due" else None
    return Change(
        priority=change.priority or "Whole plan",
        ref=change.ref if _is_plan_ref(change.ref) else "",
        text=readable(change.text),
        slipped_days=int(slipped.group(1)) if slipped else 0,
        approval=_needs_approval(change, plan),
    )


def _needs_approval(change, plan: Plan | None) -> str:
    """What the board is asked to approve about one of the plan's own changes: a cost that rose,
    or an action given to someone new; "" for anything else."""
    if change.record != "actions" or not _is_plan_ref(change.ref):
        return ""
    if change.field == "cost":
        before, after = figure(change.before), figure(change.after)
        if after is not None and (before is None or after > before):
            return f"approve the cost of {change.ref} rising from {change.before or 'nothing'} to {change.after}"
    if change.field == "owners" and change.after:
        owners = tuple(i.strip() for i in change.after.split(",") if i.strip())
        return f"note that {change.ref} now belongs to {names(plan, owners) if plan else change.after}"
    return ""


@dataclass
class PlanReport:
    """One plan's part of a report: its school, and the rows of each part that needs attention."""

    school: str
    section: dict
    counts: dict = field(default_factory=dict)
    source: str = ""  # the workbook's file name, which tells two versions of one school's plan apart


def plan_report(plan: Plan, as_of: dt.date, changes: list[Change] | None = None, errors: int = 0) -> PlanReport:
    """What the board needs to see of ``plan`` on ``as_of``; ``changes`` are those since the last
    version, ``errors`` how many errors its check found."""
    anchors = Anchors([], [])  # no bookmarks: the report names references rather than linking them
    placement = place(plan)
    latest = latest_ratings(plan, [p.ref for p in placement.priorities], as_of)
    behind = _behind(plan)
    late = _late(plan, as_of, changes or [])
    meeting = next_meeting(plan, as_of)
    section = {
        "name": flat(plan.settings.organisation) or "This plan",
        "version": flat(plan.settings.version),
        "decisions": _decisions(
            plan, latest_reviews(plan, [p.ref for p in placement.priorities], as_of), changes or []
        ),
        "decisions_heading": word("The {board} is asked to", plan.plan_type),
        "summary": [summary_row(plan, p, anchors, as_of) for p in placement.priorities],
        "summary_note": _summary_note(plan, as_of),
        "budget_note": budget_note(plan.settings, plan.actions),
        "attention": _attention(placement.priorities, latest),
        "behind": behind,
        "late": late,
        "money": _money_exceptions(plan, placement),
        "due_next": _due_next(plan, as_of),
        "next_meeting": uk(meeting) if meeting else "",
        "changes_note": "",
        "changes": [parts.CHANGES.row(priority=c.priority, ref=Markup(run(c.ref)), text=c.text) for c in changes or []],
    }
    counts = {
        "behind": sum(1 for row in behind if row["actual_fill"] == STATE_FILLS[MISSED]),
        "overdue": sum(1 for a in plan.actions if action_state(a, as_of) == "overdue"),
        "rags": [latest[p.ref].rag if p.ref in latest else "" for p in placement.priorities],
        "refs": [p.ref for p in placement.priorities],
        "spend": _spend_against_allocation(plan),
        "status": plan_status(plan, errors),
        "errors": errors,
        "notice": outside_year(plan, as_of),
    }
    return PlanReport(section["name"], section, counts, Path(plan.source).name)


def plan_status(plan: Plan, errors: int) -> str:
    """'Approved 14 Oct 2025', or 'Draft' (or a version awaiting approval), with its errors."""
    settings = plan.settings
    approved = settings.approved_on
    awaiting = approved and settings.approved_version and flat(settings.approved_version) != flat(settings.version)
    if approved is None:
        state = "Draft"
    elif awaiting:
        state = f"{flat(settings.version) or 'This version'} awaits approval"
    else:
        state = f"Approved {uk(approved.start) if approved.dated else str(approved)}"
    return state + (f"; {errors} error{'s' if errors != 1 else ''} in the plan" if errors else "")


def _decisions(plan: Plan, latest: dict, changes: list[Change]) -> list[dict]:
    """What the board is asked to decide: each priority's latest review's decision, then the plan's
    own changes that need its approval."""
    rows = [
        parts.DECISIONS.row(
            ref=review.ref,
            decision=" ".join(review.decision.split()),
            why=f"From the review of {uk(review.date.start)}" + (f", rated {review.rag}" if review.rag else ""),
        )
        for review in sorted(latest.values(), key=lambda r: ref_order(r.ref))
        if review.decision.strip()
    ]
    rows += [
        parts.DECISIONS.row(
            ref=c.ref, decision=c.approval[0].upper() + c.approval[1:], why="Changed since the last version"
        )
        for c in changes
        if c.approval
    ]
    return rows


def _money_exceptions(plan: Plan, placement) -> list[str]:
    """Each priority that has spent more than it planned, and the plan against its allocation."""
    lines = []
    for priority in placement.priorities:
        over = overspend(priority.every_action)
        if over > 0.005:
            lines.append(f"{priority.ref} {shortened(priority.title, 80)}: {spend(priority.every_action)}.")
    allocation = plan.settings.budget
    total = planned(plan.actions)
    if allocation is not None and total - allocation > 0.005:
        lines.append(
            f"The planned costs, {money(total)}, are {money(total - allocation)} more than the "
            f"{money(allocation)} allocated."
        )
    return lines


def _attention(priorities, latest) -> list[dict]:
    """Priorities whose latest review is amber or red: what the review found and what is being done."""
    rows = []
    for priority in priorities:
        review = latest.get(priority.ref)
        if review is None or review.rag not in ATTENTION_RAGS:
            continue
        rows.append(
            parts.ATTENTION.row(
                priority=Markup(run(f"{priority.ref}  ", bold=True) + run(shortened(priority.title))),
                rag=f"{review.rag} ({uk(review.date.start)})" if review.date and review.date.dated else review.rag,
                rag_fill=RAG_FILLS.get(review.rag, NO_FILL),
                impact=shortened(" ".join(review.impact.split()), 400),
                adjustments=shortened(" ".join(review.adjustments.split()), 300) or "Nothing recorded",
            )
        )
    return rows


def _behind(plan: Plan) -> list[dict]:
    """Criteria and KPIs whose latest judged figure missed its milestone or fell just short of it."""
    rows = []
    measures = [(c.ref, c.parent, c.criterion, c) for c in plan.criteria]
    # A KPI that reports a criterion is that criterion's figures: it is listed once, as the criterion.
    measures += [("KPI", k.ref, k.kpi, kpi_measure(plan, k)) for k in plan.kpis if not k.criterion]
    for ref, parent, text, measure in sorted(measures, key=lambda m: (ref_order(m[1]), m[0] == "KPI", ref_order(m[0]))):
        judged = judgements(measure)
        if not judged or judged[-1].state not in (MISSED, CLOSE):
            continue
        last = judged[-1]
        rows.append(
            parts.BEHIND.row(
                ref=ref,
                parent=parent,
                criterion=shortened(" ".join(text.split()), 200),
                point=last.point.capitalize(),
                milestone=last.milestone,
                actual=f"{last.actual} ({last.state})",
                actual_fill=STATE_FILLS[last.state],
            )
        )
    return rows


def _owners(plan: Plan, action) -> str:
    return names(plan, action.owners) or "No owner"


def _late(plan: Plan, as_of: dt.date, changes: list[Change]) -> list[dict]:
    """Actions overdue on the report date or marked late, and actions whose dates slipped since last time."""
    slipped = {c.ref: c.slipped_days for c in changes if c.slipped_days > 0}
    rows = []
    for action in sorted(plan.actions, key=lambda a: ref_order(a.ref)):
        state = action_state(action, as_of)
        what = []
        if state == "overdue":
            what.append("Overdue" + (": marked late" if action.status.casefold() == "late" else ""))
        if action.ref in slipped:
            what.append(f"Slipped {slipped[action.ref]} days since the last version")
        if not what:
            continue
        rows.append(
            parts.LATE.row(
                ref=action.ref,
                action=shortened(" ".join(action.action.split()), 220),
                owners=_owners(plan, action),
                due=uk(action.due.end) if action.due and action.due.dated else (action.due.label if action.due else ""),
                state="; ".join(what),
            )
        )
    return rows


def _due_next(plan: Plan, as_of: dt.date) -> list[dict]:
    """Actions, milestones and reviews that fall due between the report date and the next meeting."""
    rows = []
    for due in due_before_meeting(plan, None, as_of):
        if due.kind == "action":
            what, who = shortened(" ".join(due.text.split()), 220), _owners(plan, due.record)
        elif due.kind == "milestone":
            criterion = due.record
            what = f"{due.text.capitalize()}: {shortened(' '.join(criterion.criterion.split()), 160)}"
            who = ""
        else:
            what, who = "Review", names(plan, due.record.reviewer)
        rows.append(parts.DUE_NEXT.row(ref=due.ref, action=what, owners=who, due=uk(due.day)))
    return rows


def _spend_against_allocation(plan: Plan) -> str:
    allocation = plan.settings.budget
    spending = spend(plan.actions)
    if allocation is None:
        return spending
    over = planned(plan.actions) - allocation
    return f"{spending}; allocation {money(allocation)}" + (f" ({money(over)} over)" if over > 0.005 else "")


def trust_row(report: PlanReport, shared: bool = False) -> dict:
    """One school's row; its file is named only where two plans share the school's name."""
    counts = report.counts
    chips = [
        chip(f"{ref} {rag}" if rag else f"{ref} –", RAG_FILLS.get(rag, NO_FILL)) + run(" ")
        for ref, rag in zip(counts["refs"], counts["rags"], strict=True)
    ]
    return parts.TRUST.row(
        school=Markup(run(report.school, bold=True) + run(f" ({report.source})" if shared and report.source else "")),
        status=counts["status"],
        rags=Markup("".join(chips) or run("No priorities")),
        behind=str(counts["behind"]),
        overdue=str(counts["overdue"]),
        spend=counts["spend"],
    )


def report_view(reports: list[PlanReport], as_of: dt.date, plan_type: str = "school", trust: bool = False) -> dict:
    """The report template's context: a title, for a trust one row a school, then each plan's section."""
    first = reports[0].section if reports else {}
    names = [r.school for r in reports]
    title = "Report to the board across the trust's plans" if trust else word("Report to the {board}", plan_type)
    return {
        "org": "Trust report" if trust else first.get("name", ""),
        "title": title,
        "subject": title,
        "report_title": title,
        "report_label": f"Progress as at {uk(as_of)}"
        + (f" · plan {first['version']}" if not trust and first.get("version") else "")
        + (f" · next meeting {first['next_meeting']}" if not trust and first.get("next_meeting") else ""),
        "draft": False,
        "trust": [trust_row(r, shared=names.count(r.school) > 1) for r in reports] if trust else [],
        "schools": [dict(r.section, heading=r.school if trust else "") for r in reports],
        "failed": [],
        "show": parts.SUMMARY.shows([row for r in reports for row in r.section["summary"]]),
    }


# -- writing the report ------------------------------------------------------------------------


class ReportError(BuildError):
    """The report was not written. ``str()`` says why; ``exit_code`` is what the CLI returns."""


@dataclass
class ReportResult:
    output: Path
    plans: int
    failed: list[str]
    rows: list[tuple[Path, PlanReport | None, str]] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # report dates outside a plan's year, one line each

    def table(self) -> str:
        """One line a workbook, as `build` on a folder ends: what the report found, or why it could not."""
        lines = [f"{'workbook':<28} {'school':<34} {'red':>3} {'amber':>5} {'behind':>6} {'overdue':>7}"]
        for workbook, report, reason in self.rows:
            if report is None:
                lines.append(f"{workbook.name[:28]:<28} not read: {reason.split(': ', 1)[-1][:60]}")
                continue
            rags = report.counts["rags"]
            lines.append(
                f"{workbook.name[:28]:<28} {report.school[:34]:<34} {rags.count('Red'):>3} {rags.count('Amber'):>5} "
                f"{report.counts['behind']:>6} {report.counts['overdue']:>7}"
            )
        return "\n".join(lines)


def default_report_output(paths: list[Path]) -> Path:
    """Beside the workbook (plan-report.docx), or beside the folder (plans-report.docx).

    A folder given as ``.`` or ``..`` is named by its real name: in trust-plans, ``sipgen report .``
    writes ../trust-plans-report.docx, as ``sipgen report trust-plans`` does from the folder above.
    """
    first = paths[0]
    if not first.is_dir():
        return first.with_name(f"{first.stem}-report.docx")
    if first.name not in ("", ".", ".."):
        return first.with_name(f"{first.name}-report.docx")
    import os

    # the name of the folder itself, and the folder it is in ("." for a folder at a drive's top)
    name = first.resolve().name or "plans"
    return Path(os.path.normpath(first / "..")) / f"{name}-report.docx"


def read_for_report(workbook: Path, as_of: dt.date, since: Path | None = None) -> tuple[PlanReport | None, str]:
    """One plan's part of the report, or why it could not be read (one plain line naming the file)."""
    from ..checker import check_workbook

    result = check_workbook(workbook, as_of)
    if result.plan is None:
        first = result.findings[0] if result.findings else None
        reason = (first.message + (f"\nFix: {first.hint}" if first.hint else "")) if first else "it could not be read"
        return None, reason if str(workbook) in reason else f"{workbook}: {reason}"
    changes = None
    if since is not None:
        from ..diff import diff_since  # only a report --since pays for the comparison

        compared = diff_since(since, result.plan)
        if compared.error:
            return None, compared.error
        changes = [_change(c, result.plan) for c in compared.changes if not _progress_kind(c)]
        report = plan_report(result.plan, as_of, changes, errors=result.count(Severity.ERROR))
        report.section["changes_note"] = progress_note(compared.changes)
        return report, ""
    return plan_report(result.plan, as_of, changes, errors=result.count(Severity.ERROR)), ""


def write_report(
    paths: list[Path],
    output: Path | None = None,
    *,
    since: Path | None = None,
    as_of: dt.date | None = None,
    jobs: int | None = None,
    progress=None,
) -> ReportResult:
    """Write the board's report for one workbook, or a trust's report for several (folders expanded).

    A plan that cannot be read is listed with its reason and does not stop the rest.
    """
    from ..batch import expand
    from ..files import OutputError, check_output, write_atomically
    from .render import REPORT_TEMPLATE, TemplateError, document_time, render

    as_of = as_of or dt.date.today()
    workbooks = expand(paths)
    trust = len(workbooks) != 1 or any(p.is_dir() for p in paths)
    if not workbooks:
        raise ReportError(f"{', '.join(map(str, paths))}: there are no workbooks here to report on.", 2)
    if since is not None and trust:
        raise ReportError("--since compares one plan with its last version; give one workbook with it.", 2)
    output = output or default_report_output(paths)
    try:
        check_output(output, inputs=tuple(workbooks) + ((since,) if since else ()))
    except OutputError as exc:
        raise ReportError(str(exc), 2) from None
    parts_read = _read_readable(workbooks, as_of, since, jobs, progress)
    reports = [r for r, _ in parts_read if r is not None]
    failed = [reason for r, reason in parts_read if r is None]
    if not reports:
        raise ReportError("\n".join(failed) or "No plan could be read.", 2)
    view = report_view(reports, as_of, trust=trust)
    view["failed"] = failed
    try:
        data = render(view, REPORT_TEMPLATE, document_time(None))
    except TemplateError as exc:
        raise ReportError(str(exc), 2) from None
    try:
        write_atomically(output, lambda temp: temp.write_bytes(data))
    except OutputError as exc:  # read-only, or open in another program
        raise ReportError(str(exc), 2) from None
    rows = [(workbook, report, reason) for workbook, (report, reason) in zip(workbooks, parts_read, strict=True)]
    notices = [
        f"{workbook.name}: {report.counts['notice']}" if trust else report.counts["notice"]
        for workbook, report, _ in rows
        if report is not None and report.counts.get("notice")
    ]
    return ReportResult(output, len(reports), failed, rows, notices)


def _read_readable(workbooks: list[Path], as_of: dt.date, since, jobs, progress) -> list[tuple]:
    """:func:`_read_all`, with a spreadsheet in another format (.ods, .csv ...) not read but listed
    with how to save it as .xlsx."""
    from ..batch import other_format

    others = {w: "\nFix: ".join(other_format(w)) for w in workbooks if other_format(w)[0]}
    for workbook, reason in others.items():
        if progress:
            progress(workbook, (None, reason))
    read = iter(_read_all([w for w in workbooks if w not in others], as_of, since, jobs, progress))
    return [(None, others[w]) if w in others else next(read) for w in workbooks]


def _read_all(workbooks: list[Path], as_of: dt.date, since, jobs, progress) -> list[tuple]:
    """Each workbook's part, in order; in parallel over the machine's cores when there are several."""
    import os

    from ..processes import executor  # started as the platform allows: Windows has only spawn

    workers = max(1, min(jobs or os.cpu_count() or 1, len(workbooks)))
    if workers == 1:
        done = []
        for workbook in workbooks:
            done.append(read_for_report(workbook, as_of, since))
            if progress:
                progress(workbook, done[-1])
        return done
    with executor(workers) as pool:
        futures = [pool.submit(read_for_report, workbook, as_of, since) for workbook in workbooks]
        done = []
        for workbook, future in zip(workbooks, futures, strict=True):
            try:
                done.append(future.result())
            except Exception as exc:  # the worker itself died (out of memory, killed)
                done.append((None, f"{workbook}: {exc}"))
            if progress:
                progress(workbook, done[-1])
        return done
