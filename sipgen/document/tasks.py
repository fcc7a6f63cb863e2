"""Each person's tasks (`sipgen tasks`): what one person or group does in the plan, on a page or two.

For everyone the plan names by initials (on the key to initials, or only in the plan itself):
the actions they own, overdue first; what falls due for them by the end of the next half-term;
the priorities and objectives they lead or are link governor for; and the monitoring,
evaluation and reviews they carry out. Then one page of everyone's counts, so a head can see
who carries most. States and what falls due come from :mod:`sipgen.states`, as in the plan
and the board's report, so the documents cannot disagree with them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..colours import NO_FILL, RAG_FILLS
from ..dates import academic_year_end, half_term, plan_year_start, uk
from ..findings import Severity
from ..model import Action, Check, Criterion, Objective, Plan, PlanDate, Review
from ..references import ref_order
from ..rules.responsibilities import initials_used
from ..schema import PROCESSES
from ..states import Due, action_state, due_in_window, is_held, outside_year, reviews_by_date
from ..terms import word
from . import BuildError, parts
from .rich import Anchors, flat
from .summary import shortened
from .view import _cover, when

SUMMARY_NAME = "Everyone's tasks.docx"
HALF_TERMS = ("aut1", "aut2", "spr1", "spr2", "sum1", "sum2")
LEAD, OVERALL_LEAD = "Lead", "Overall lead"
STATE_FILLS = {"overdue": RAG_FILLS["Red"], "done": RAG_FILLS["Green"]}


@dataclass(frozen=True)
class Role:
    """A priority or objective someone leads or is link governor for (or the whole plan, as its
    overall lead)."""

    ref: str
    title: str
    role: str  # "Lead", "Overall lead", or the plan's word for a link governor, capitalised

    @property
    def leads(self) -> bool:
        return self.role in (LEAD, OVERALL_LEAD)


@dataclass
class PersonTasks:
    """Everything one person or group (by their initials) does in the plan on ``as_of``."""

    initials: str
    as_of: dt.date
    name: str = ""  # from the key to initials; "" for initials the key does not list
    role: str = ""
    group: bool = False
    owned: list[Action] = field(default_factory=list)  # overdue first, then by date
    roles: list[Role] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)  # the monitoring, evaluation and review rows
    reviews: list[Review] = field(default_factory=list)  # carried out, or still to come
    due: list[Due] = field(default_factory=list)  # in the coming half-term

    @property
    def label(self) -> str:
        """'Lucy Whitfield (LW)', or the initials alone for someone not on the key."""
        return f"{self.name} ({self.initials})" if self.name else self.initials

    @property
    def overdue(self) -> list[Action]:
        return [a for a in self.owned if action_state(a, self.as_of) == "overdue"]

    @property
    def has_tasks(self) -> bool:
        return bool(self.owned or self.roles or self.checks or self.reviews or self.due)

    @property
    def counts(self) -> dict[str, int]:
        """What the summary's row shows, each the number of rows of a table in their document."""
        return {
            "owned": len(self.owned),
            "overdue": len(self.overdue),
            "leads": sum(r.leads for r in self.roles),
            "links": sum(not r.leads for r in self.roles),
            "checks": len(self.checks) + len(self.reviews),
            "due": len(self.due),
        }


# -- who does what -----------------------------------------------------------------------------


def coming_half_term(plan: Plan, as_of: dt.date) -> PlanDate:
    """The next half-term to start after ``as_of``: the coming half-term's window runs from
    ``as_of`` to its end. Its dates are the plan's academic year's, or (with no year, or a report
    date outside it) those of the year ``as_of`` falls in."""
    year_start = plan_year_start(plan.settings)
    if year_start is None or not year_start <= as_of <= academic_year_end(year_start):
        year_start = dt.date(as_of.year if as_of.month >= 9 else as_of.year - 1, 9, 1)
    for start in (year_start, dt.date(year_start.year + 1, 9, 1)):
        for key in HALF_TERMS:
            term = half_term(key, start)
            if term.start > as_of:
                return term
    raise AssertionError("a half-term always starts within two academic years")  # pragma: no cover


def people_tasks(plan: Plan, as_of: dt.date) -> list[PersonTasks]:
    """Everyone the plan names, each with their tasks on ``as_of``: the key to initials in its
    order, then initials used in the plan but missing from the key. Initials match whatever their
    case; someone with nothing to do is included, with ``has_tasks`` False."""
    people = _everyone_named(plan, as_of)

    def each(initials) -> list[PersonTasks]:
        """Each person named once in ``initials``, whatever the case."""
        keys = dict.fromkeys(i.strip().casefold() for i in initials)
        return [people[k] for k in keys if k in people]

    link = word("{link_governor}", plan.plan_type).capitalize()
    for person in each(plan.settings.overall_lead):
        person.roles.append(Role("", f"The whole plan: {_plan_name(plan)}", OVERALL_LEAD))
    for record in sorted([*plan.priorities, *plan.objectives], key=lambda r: (ref_order(r.ref), r.row)):
        for person in each(record.lead):
            person.roles.append(Role(record.ref, flat(record.title), LEAD))
        for person in each(getattr(record, "link_governor", ())):
            person.roles.append(Role(record.ref, flat(record.title), link))
    for action in plan.actions:
        for person in each(action.owners):
            person.owned.append(action)
    order = {process: i for i, process in enumerate(PROCESSES)}
    for check in sorted(plan.checks, key=lambda c: (ref_order(c.priority), order.get(c.process, 0), c.row)):
        for person in each(check.who):
            person.checks.append(check)
    for review in reviews_by_date(plan):
        for person in each(review.reviewer):
            person.reviews.append(review)
    window = coming_half_term(plan, as_of)
    due = due_in_window(plan, None, as_of, window.end)
    for person in people.values():
        person.roles = list(dict.fromkeys(person.roles))
        person.owned.sort(key=lambda a: _action_order(a, as_of))
        person.due = [d for d in due if _is_theirs(plan, person, d)]
    return list(people.values())


def _everyone_named(plan: Plan, as_of: dt.date) -> dict[str, PersonTasks]:
    people: dict[str, PersonTasks] = {}
    for person in plan.staff:
        key = person.initials.strip().casefold()
        if key and key not in people:
            people[key] = PersonTasks(
                person.initials.strip(),
                as_of,
                name=flat(person.name),
                role=flat(person.role),
                group=person.type == "Group",
            )
    for _, _, initials in initials_used(plan):
        key = initials.strip().casefold()
        if key and key not in people:
            people[key] = PersonTasks(initials.strip(), as_of)
    return people


def _action_order(action: Action, as_of: dt.date) -> tuple:
    """Overdue first, then by due date (or start), undated last; then by reference."""
    if action.due is not None and action.due.dated:
        day = action.due.end
    elif action.start is not None and action.start.dated:
        day = action.start.start
    else:
        day = dt.date.max
    return (action_state(action, as_of) != "overdue", day, ref_order(action.ref), action.row)


def _is_theirs(plan: Plan, person: PersonTasks, due: Due) -> bool:
    """An action they own, a review they are down to carry out, or a milestone of a measure of a
    priority or objective they lead."""
    mine = person.initials.casefold()
    if due.kind == "action":
        return any(action is due.record for action in person.owned)
    if due.kind == "review":
        return mine in {i.strip().casefold() for i in due.record.reviewer}
    criterion: Criterion = due.record
    led = {r.ref for r in person.roles if r.role == LEAD}
    parent = plan.by_ref.get(criterion.parent)
    return criterion.parent in led or (isinstance(parent, Objective) and parent.priority in led)


# -- the documents' views ----------------------------------------------------------------------


def _base(plan: Plan, title: str, as_of: dt.date, window: PlanDate) -> dict:
    """What every tasks document shares: the plan's header (school, draft mark) and the dates."""
    cover = _cover(plan, Anchors([], []), [])
    return {
        "org": cover["org"],
        "title": title,
        "subject": f"{cover['subject']}: tasks".strip(": "),
        "draft": cover["draft"],
        "as_of": uk(as_of),
        "window_end": uk(window.end),
        "link_governor_header": word("{link_governor}", plan.plan_type).capitalize(),
        "is_summary": False,
        "subheading": "",
        "show": {
            **parts.OWNED.shows([]),
            **parts.CHECKED.shows([]),
        },
    }


def _plan_name(plan: Plan) -> str:
    return flat(plan.settings.title) or word("{default_title}", plan.plan_type)


def _label_line(*pieces: str) -> str:
    """'Hollins Lane Primary School · School improvement plan 2025-26 · as at 1 May 2026'."""
    line = " · ".join(p for p in pieces if p)
    return line[:1].upper() + line[1:]


def _window_words(window: PlanDate, as_of: dt.date) -> str:
    return f"between {uk(as_of)} and the end of next half-term ({window.label}, {uk(window.end)})"


def person_view(plan: Plan, person: PersonTasks, window: PlanDate) -> dict:
    """The tasks template's context for one person's (or group's) document."""
    as_of = person.as_of
    labels = _labels(plan)
    owned = [_owned_row(person, a, labels) for a in person.owned]
    checked = [_checked_row(person, c, labels) for c in person.checks]
    view = _base(plan, f"Tasks for {person.label}", as_of, window)
    view.update(
        heading=person.label,
        subheading=person.role,
        tasks_label=_label_line(view["org"], _plan_name(plan), f"as at {uk(as_of)}"),
        counts_line=counts_line(person, window),
        owned=owned,
        owned_intro=(
            "Overdue actions first, then the rest by their due date. The state is each action's on "
            f"{uk(as_of)}: done, overdue, on track (due later), ongoing (a timing such as Termly) or no date."
        ),
        due_soon=[_due_row(plan, d) for d in person.due],
        due_intro=f"What falls due {_window_words(window, as_of)}, by date.",
        nothing_due=f"Nothing falls due {_window_words(window, as_of)}.",
        led=[parts.LED.row(ref=r.ref, title=shortened(r.title, 200), role=r.role) for r in person.roles],
        led_heading="Priorities and objectives",
        checked=checked,
        checked_intro="The monitoring, evaluation and review of each priority that names them.",
        reviewed=[_reviewed_row(plan, r, as_of) for r in person.reviews],
        reviewed_intro="The reviews they have carried out, and those still to come, by date.",
    )
    view["show"] = {**parts.OWNED.shows(owned), **parts.CHECKED.shows(checked)}
    return view


def counts_line(person: PersonTasks, window: PlanDate) -> str:
    """'3 actions, 1 overdue · leads 2 priorities or objectives · 2 things due by 20 Jul 2026'."""
    counts = person.counts

    def some(n: int, thing: str, things: str = "") -> str:
        return f"{n} {thing if n == 1 else things or thing + 's'}"

    said = []
    if counts["owned"]:
        said.append(some(counts["owned"], "action") + (f", {counts['overdue']} overdue" if counts["overdue"] else ""))
    overall = any(r.role == OVERALL_LEAD for r in person.roles)
    if overall:
        said.append("overall lead of the plan")
    if counts["leads"] - overall:
        said.append("leads " + some(counts["leads"] - overall, "priority or objective", "priorities or objectives"))
    if counts["links"]:
        link = next(r.role for r in person.roles if not r.leads).lower()
        said.append(f"{link} for " + some(counts["links"], "priority", "priorities"))
    if counts["checks"]:
        said.append(
            some(counts["checks"], "monitoring, evaluation or review task", "monitoring, evaluation and review tasks")
        )
    said.append(some(counts["due"], "thing", "things") + f" due by {uk(window.end)}")
    line = " · ".join(said)
    return line[:1].upper() + line[1:]


def _others(person: PersonTasks, initials: tuple[str, ...], labels: dict[str, str]) -> str:
    """The others who share a row with ``person``, by name."""
    mine = person.initials.casefold()
    others = dict.fromkeys(i.strip() for i in initials if i.strip().casefold() != mine)
    return ", ".join(labels.get(i.casefold(), i) for i in others)


def _labels(plan: Plan) -> dict[str, str]:
    """Each person's label by their initials, casefolded: 'Lucy Whitfield (LW)'."""
    found = {}
    for person in plan.staff:
        key = person.initials.strip().casefold()
        if key and key not in found:
            name = flat(person.name)
            found[key] = f"{name} ({person.initials.strip()})" if name else person.initials.strip()
    return found


def _owned_row(person: PersonTasks, action: Action, labels: dict[str, str]) -> dict:
    state = action_state(action, person.as_of)
    return parts.OWNED.row(
        ref=action.ref,
        action=flat(action.action),
        due=when(action.due) or when(action.start) or "No date",
        status=flat(action.status),
        state=state.capitalize(),
        state_fill=STATE_FILLS.get(state, NO_FILL),
        shared=_others(person, action.owners, labels),
    )


def _checked_row(person: PersonTasks, check: Check, labels: dict[str, str]) -> dict:
    return parts.CHECKED.row(
        ref=check.priority,
        process=check.process or "Monitoring",
        how=flat(check.how),
        when=flat(check.when),
        shared=_others(person, check.who, labels),
    )


def _title_of(plan: Plan, ref: str, limit: int = 120) -> str:
    record = plan.by_ref.get(ref)
    return shortened(flat(record.title), limit) if record is not None and hasattr(record, "title") else ""


def _reviewed_row(plan: Plan, review: Review, as_of: dt.date) -> dict:
    held = is_held(review, as_of)
    dated = review.date is not None and review.date.dated
    rag = review.rag if held else ""
    return parts.REVIEWED.row(
        date=uk(review.date.start) if dated else (str(review.date) if review.date else "Not dated"),
        ref=review.ref,
        title=_title_of(plan, review.ref),
        held="Held" if held else "To come",
        rag=rag,
        rag_fill=RAG_FILLS.get(rag, NO_FILL),
    )


def _due_row(plan: Plan, due: Due) -> dict:
    if due.kind == "action":
        what = flat(due.text)
    elif due.kind == "milestone":
        criterion = due.record
        what = f"{due.text[:1].upper()}{due.text[1:]} ({criterion.parent}): {shortened(flat(criterion.criterion), 160)}"
    else:
        title = _title_of(plan, due.ref, 100)
        what = f"Review: {title}" if title else "Review"
    return parts.DUE_SOON.row(due=uk(due.day), ref=due.ref, what=what)


def everyone_view(
    plan: Plan, people: list[PersonTasks], as_of: dt.date, window: PlanDate, left_out: list[PersonTasks] = ()
) -> dict:
    """The summary's context: one row a person or group with something to do, most actions first."""
    order = {id(p): i for i, p in enumerate(people)}
    busiest = sorted(people, key=lambda p: (-p.counts["owned"], -p.counts["overdue"], -p.counts["due"], order[id(p)]))
    rows = []
    for person in busiest:
        counts = person.counts
        rows.append(
            parts.EVERYONE.row(
                who=person.label,
                **{k: str(v) for k, v in counts.items()},
                overdue_fill=RAG_FILLS["Red"] if counts["overdue"] else NO_FILL,
            )
        )
    view = _base(plan, "Everyone's tasks", as_of, window)
    view.update(
        heading="Everyone's tasks",
        subheading=_plan_name(plan),
        tasks_label=_label_line(view["org"], f"as at {uk(as_of)}"),
        is_summary=True,
        everyone=rows,
        everyone_intro=(
            "Each person and group with something to do in the plan, most actions first, and what falls due "
            f"for them {_window_words(window, as_of)}. Each has a document of their own."
        ),
        nobody="The plan gives nobody anything to do yet: no action has an owner and no priority names a lead.",
        left_out_line=(
            f"Named in the plan with nothing to do in it, so left out: {', '.join(p.label for p in left_out)}."
            if left_out
            else ""
        ),
    )
    return view


# -- writing the documents ---------------------------------------------------------------------


class TasksError(BuildError):
    """The documents were not written. ``str()`` says why; ``exit_code`` is what the CLI returns."""


@dataclass
class TasksResult:
    folder: Path
    documents: list[Path]  # one a person or group with something to do, in the order of ``people``
    summary: Path
    people: list[PersonTasks]
    left_out: list[PersonTasks]
    window: PlanDate
    errors: int = 0  # errors the plan's check found (the documents are written all the same)
    notice: str = ""  # the report date is outside the plan's year


def default_tasks_folder(workbook: Path) -> Path:
    """Beside the workbook, named after it: plan.xlsx gives 'plan tasks'."""
    return workbook.with_name(f"{workbook.stem} tasks")


_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')  # in a file's name on Windows
_DEVICES = re.compile(r"(CON|PRN|AUX|NUL|COM\d|LPT\d)(\..*)?", re.IGNORECASE)


def file_names(people: list[PersonTasks]) -> list[str]:
    """'Lucy Whitfield (LW).docx' for each, with what Windows forbids in a name replaced by '-',
    and a number added where two would share a name (or clash with the summary's)."""
    taken = {SUMMARY_NAME.casefold()}
    names = []
    for person in people:
        stem = _FORBIDDEN.sub("-", person.label).strip(" .")[:150].rstrip(" .") or "Unnamed"
        if _DEVICES.fullmatch(stem):
            stem = f"_{stem}"
        name, number = f"{stem}.docx", 1
        while name.casefold() in taken:
            number += 1
            name = f"{stem} {number}.docx"
        taken.add(name.casefold())
        names.append(name)
    return names


def write_tasks(workbook: str | Path, folder: str | Path | None = None, as_of: dt.date | None = None) -> TasksResult:
    """Write a document of each person's tasks, and everyone's on one page, into ``folder``
    (default: beside the workbook, '<plan> tasks', made if missing). The workbook is only read.

    A plan with errors is written all the same (``errors`` says how many). Raises
    :class:`TasksError` when the workbook cannot be read or the folder cannot be used.
    """
    from ..checker import check_workbook
    from ..files import OutputError, check_output, write_atomically
    from .render import TASKS_TEMPLATE, TemplateError, document_time, render

    workbook = Path(workbook)
    as_of = as_of or dt.date.today()
    folder = Path(folder) if folder else default_tasks_folder(workbook)
    result = check_workbook(workbook, as_of)
    if result.plan is None:
        first = result.findings[0] if result.findings else None
        reason = (first.message + (f"\nFix: {first.hint}" if first.hint else "")) if first else "it could not be read"
        raise TasksError(reason if str(workbook) in reason else f"{workbook}: {reason}", 2)
    plan = result.plan
    if folder.exists() and not folder.is_dir():
        raise TasksError(f"{folder}: this is a file. Give the name of a folder for the documents with -o.", 2)
    everyone = people_tasks(plan, as_of)
    people = [p for p in everyone if p.has_tasks]
    window = coming_half_term(plan, as_of)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise TasksError(
            f"{folder}: the folder for the documents could not be made ({exc.strerror or exc}).", 2
        ) from None
    outputs = [folder / name for name in file_names(people)]
    summary = folder / SUMMARY_NAME
    try:
        for output in (*outputs, summary):
            check_output(output, inputs=(workbook,))
    except OutputError as exc:
        raise TasksError(str(exc), 2) from None
    stamp = document_time(plan.saved)
    left_out = [p for p in everyone if not p.has_tasks]
    views = [person_view(plan, p, window) for p in people] + [everyone_view(plan, people, as_of, window, left_out)]
    try:  # every document rendered before any is written: a bad template leaves the folder as it was
        documents = [render(view, TASKS_TEMPLATE, stamp) for view in views]
    except TemplateError as exc:
        raise TasksError(str(exc), 2) from None
    try:
        for output, data in zip((*outputs, summary), documents, strict=True):
            write_atomically(output, lambda temp, data=data: temp.write_bytes(data))
    except OutputError as exc:  # read-only, or open in another program
        raise TasksError(str(exc), 2) from None
    return TasksResult(
        folder,
        outputs,
        summary,
        people,
        left_out,
        window,
        errors=result.count(Severity.ERROR),
        notice=outside_year(plan, as_of),
    )
