"""What goes in the document, in what order, with what links: the view the template renders.

Everything decided about the document is decided here, from the plan; the template only
lays it out. Values are plain strings (escaped by Jinja) or :class:`markupsafe.Markup`
fragments made by :mod:`sipgen.document.rich` (text with links and bookmarks).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass

from markupsafe import Markup

from ..colours import NO_FILL, RAG_FILLS
from ..dates import plan_year_start, uk
from ..findings import Finding
from ..glossary import glossary
from ..model import Action, Check, Criterion, Objective, Plan, PlanDate, Priority, Review
from ..progress import CLOSE, MET, MISSED, POINTS, goes_down, judge, kpi_measure
from ..references import ref_order, text_fields
from ..rules.responsibilities import initials_used
from ..schema import PROCESS_MONITORING, PROCESSES
from ..states import is_held, latest_ratings, latest_reviews, reviews_by_date
from ..terms import word
from ..values import money
from . import parts
from .charts import caption as chart_caption
from .charts import kpi_charts
from .costs import (
    cost_label,
    difference_label,
    funding_label,
    planned,
    spend,
    spent_label,
    total_label,
    uncosted,
)
from .rich import Anchors, chip, flat, link, plain, readable, run
from .summary import names, shortened, summary_row, timeline

INTRO_PARTS = (
    ("overview", ""),
    ("format_reason", "Why this format"),
    ("how_compiled", "How the plan was compiled"),
    ("distinctive_features", "Distinctive features"),
    ("related_plans", "Links to other plans and quality assurance"),
    ("weaknesses_tackled", "The weaknesses this plan tackles"),
)
SECTIONS = {
    "summary": "Board summary",
    "introduction": "Introduction",
    "context": "Context",
    "glance": "Priorities at a glance",
    "unplaced": "Rows not placed in the plan",
    "who": "Who does what",
    "budget": "Budget",
    "key": "Key to initials",
    "glossary": "Abbreviations",
    "how_to_read": "How to read this plan",
    "kpis": "Key performance indicators",
    "changes": "Changes since the last version",
    "reviews": "Appendix: review log",
    "findings": "Appendix: open check findings",
}
PROCESS_ORDER = {process: i for i, process in enumerate(PROCESSES)}


UNPLACED_INTRO = (
    "These rows name a priority or objective that the plan does not have, so they have no place "
    "in a priority above. They are listed here so that nothing typed is lost, and their costs are "
    "counted in the budget. Correct the reference named in each row and build again."
)


def when(day: PlanDate | None) -> str:
    if day is None:
        return ""
    return day.label or uk(day.start)


def timescale(start: PlanDate | None, due: PlanDate | None) -> str:
    """An action's timescale in words: '1 Sep 2025 to 5 Sep 2025', 'Aut2', 'Termly from Sep 2025'."""
    if not (start and due) or start == due:
        return when(due or start)
    if start.dated and due.dated:
        return f"{when(start)} to {when(due)}"
    if start.dated:  # "Ongoing" from a date
        return f"{when(due)} from {when(start)}"
    if due.dated:
        return f"{when(start)} until {when(due)}"
    return f"{when(start)}; {when(due)}"


@dataclass
class Placement:
    """Where each row of the plan goes: priorities in reference order, and rows with no place.

    With ``--force`` a plan may have rows whose priority or objective does not exist; they go
    to the part for unplaced rows, so every row (and every cost) appears somewhere.
    """

    priorities: list[Priority]
    priority_of: dict[str, str]
    unplaced_objectives: list[Objective]
    unplaced_actions: list[Action]
    unplaced_criteria: list[Criterion]
    unplaced_checks: list[Check]


def place(plan: Plan) -> Placement:
    priorities = sorted(plan.priorities, key=lambda p: (ref_order(p.ref), p.row))
    priority_of: dict[str, str] = {}
    placed: set[int] = set()
    for priority in priorities:
        priority_of.setdefault(priority.ref, priority.ref)
        for record in (*priority.objectives, *priority.every_action):
            priority_of.setdefault(record.ref, priority.ref)
            placed.add(id(record))
    refs = {p.ref for p in plan.priorities}
    return Placement(
        priorities=priorities,
        priority_of=priority_of,
        unplaced_objectives=[o for o in plan.objectives if id(o) not in placed],
        unplaced_actions=[a for a in plan.actions if id(a) not in placed],
        unplaced_criteria=[c for c in plan.criteria if c.parent not in priority_of],
        unplaced_checks=[c for c in plan.checks if c.priority not in refs],
    )


def build_view(
    plan: Plan, findings: list[Finding] | None = None, as_of: dt.date | None = None, changes: list | None = None
) -> dict:
    """The template's context for ``plan``; ``findings`` adds the open-findings appendix.

    ``as_of`` is the day the board summary reports at (which actions are overdue or due);
    ``changes`` (from :mod:`sipgen.diff`, with --since) add a part listing what changed.
    """
    as_of = as_of or dt.date.today()
    key_people = _key(plan)
    anchors = Anchors([r for r in plan.by_ref], [initials for initials, _ in key_people])
    placement = place(plan)
    latest = latest_reviews(plan, [p.ref for p in placement.priorities], as_of)
    glance, budget = _money_tables(placement, anchors, latest_ratings(plan, latest, as_of), latest)
    view = {
        **_cover(plan, anchors, key_people),
        **_intros(plan, as_of),
        "h": {name: anchors.heading(f"sec_{name}", label) for name, label in SECTIONS.items()},
        "summary": [summary_row(plan, p, anchors, as_of) for p in placement.priorities],
        "summary_note": _summary_note(plan, as_of),
        **_charts(plan),
        **_front_matter(plan, anchors),
        "glance": glance,
        "total_cost": total_label(plan.actions),
        "total_spent": spent_label(plan.actions),
        "total_difference": difference_label(plan.actions),
        "priorities": [
            dict(
                _priority_part(plan, p, placement, anchors, latest.get(p.ref)),
                timeline=timeline(plan, p, plan_year_start(plan.settings), as_of),
            )
            for p in placement.priorities
        ],
        "unplaced": _unplaced_rows(placement, anchors),
        "who": _who(plan, anchors, key_people),
        "budget": budget,
        "budget_note": budget_note(plan.settings, plan.actions),
        "how_to_read": how_to_read(plan),
        **_back_matter(plan, anchors, key_people),
        "glossary": glossary_rows(plan),
        "reviews": [_review(anchors, r, as_of) for r in reviews_by_date(plan)],
        "changes": [_change_row(c, anchors) for c in changes or []],
        "findings": [_finding_row(f, anchors) for f in sorted(findings or [], key=lambda f: f.severity.rank)],
    }
    view["contents"] = _contents(view, placement, anchors)
    view["show"] = _shown_columns(view)
    return view


def _change_row(change, anchors: Anchors) -> dict:
    """A change since the last version; one to the whole plan (its total cost) names no reference."""
    is_ref = change.ref in anchors.refs
    return parts.CHANGES.row(
        priority=change.priority if change.priority and change.priority != "Plan" else "Whole plan",
        ref=anchors.ref(change.ref) if is_ref else "",
        text=readable(change.text),
    )


def _summary_note(plan: Plan, as_of: dt.date) -> str:
    """Said once under the summary, rather than in every row: why nothing is shown as due."""
    meeting = plan.settings.next_meeting
    if meeting is None or not meeting.dated:
        return word(
            "The plan gives no date for the next {board} meeting, so what falls due before it is not shown.",
            plan.plan_type,
        )
    if meeting.start < as_of:
        return word(
            f"The next {{board}} meeting date given ({uk(meeting.start)}) has passed, so what falls due "
            "before the next one is not shown.",
            plan.plan_type,
        )
    return ""


def _intros(plan: Plan, as_of: dt.date) -> dict:
    """The sentence that opens each part, in the plan's own words (governing board or partnership board)."""
    say = lambda text: word(text, plan.plan_type)  # noqa: E731
    return {
        "report_date_label": f"Progress reported as at {uk(as_of)}",
        "summary_intro": say(
            f"Where each priority stands on {uk(as_of)}: its reviews so far, its headline measure against "
            "its milestone, its spending against plan, and its actions."
        ),
        "kpis_intro": "Each term's figure beside its milestone; a figure that met its milestone is shaded green, "
        "one close to it amber, and one that missed it red.",
        "changes_intro": "What changed since the last version of the plan, by priority. Each reference links to "
        "its row.",
        "glance_intro": say(
            f"The plan has {len(plan.priorities)} key priorities. Each reference links to its part of the plan."
        ),
        "unplaced_intro": UNPLACED_INTRO,
        "who_intro": say(
            "What each person and group leads, carries out, monitors, evaluates and reviews. Each reference "
            "links to that part of the plan."
        ),
        "budget_intro": "The cost of each priority and objective (the sum of the costs of its actions)"
        + (", what has been spent on it and the difference." if spent_label(plan.actions) else "."),
        "reviews_intro": "Every review recorded in the plan, by date: what it found about impact, and what "
        "was changed as a result.",
        "findings_intro": "What sipgen's check found that is still open, errors first, for discussion while the "
        "plan is in draft.",
    }


def _shown_columns(view: dict) -> dict[str, bool]:
    """Which optional columns are worth printing, judged over every row of their table."""
    actions = [a for p in view["priorities"] for o in p["objectives"] for a in o["actions"]]
    return {
        **parts.ACTIONS.shows(actions),
        **parts.KEY.shows(view["key"]),
        **parts.SUMMARY.shows(view["summary"]),
        **parts.KPIS.shows(view["kpis"]),
        **parts.BUDGET.shows(view["budget"]),
        **parts.REVIEWS.shows(view["reviews"]),
    }


def _back_matter(plan: Plan, anchors: Anchors, key_people) -> dict:
    """The key to initials and the KPI table."""
    key = [
        parts.KEY.row(
            initials=_person_target(anchors, initials),
            name=plain(person.name) if person else "",
            role=plain(person.role) if person else "",
            organisation=plain(person.organisation) if person else "",
        )
        for initials, person in key_people
    ]
    kpis = [
        parts.KPIS.row(
            kpi=plain(k.kpi),
            ref=anchors.ref(k.ref) if k.ref else "",
            baseline=plain(k.baseline),
            **_points(k, milestone_first=False),
            target=plain(k.target),
            notes=anchors.text(k.notes),
        )
        for k in (kpi_measure(plan, kpi) for kpi in plan.kpis)
    ]
    return {"key": key, "kpis": kpis}


def _charts(plan: Plan) -> dict:
    """A line chart of each KPI's year (native Word charts): ``charts`` are the parts render adds to
    the package, ``kpi_charts`` the runs that draw them, side by side."""
    charts = kpi_charts([kpi_measure(plan, kpi) for kpi in plan.kpis])
    return {
        "charts": charts,
        "kpi_charts": Markup("".join(str(c.drawing) + run("  ") for c in charts)),
        "kpi_charts_intro": chart_caption(charts),
    }


def _unmarked(text: str) -> str:
    """A finding's text without the backticks that mark commands on a terminal."""
    return text.replace("`", "")


def _finding_row(f: Finding, anchors: Anchors) -> dict:
    return parts.FINDINGS.row(
        severity=f.severity.value,
        code=f.code,
        where=f.where,
        ref=anchors.ref(f.ref) if f.ref else "",
        message=plain(_unmarked(f.message)),
        hint=plain(_unmarked(f.hint)),
    )


def _cover(plan: Plan, anchors: Anchors, key_people) -> dict:
    settings = plan.settings
    say = lambda text: word(text, plan.plan_type)  # noqa: E731
    approved = settings.approved_on
    approval = ""
    awaiting = bool(
        approved and settings.approved_version and flat(settings.approved_version) != flat(settings.version)
    )
    if approved:
        which = f"Version {flat(settings.approved_version)} approved" if awaiting else "Approved"
        approval = say(f"{which} by the {{board}} on {when(approved)}")
        if settings.approval_minute:
            approval += f" (minute {flat(settings.approval_minute)})"
        if awaiting:
            approval = say(f"this version, {flat(settings.version)}, awaits the {{board}}'s approval. ") + approval
    return {
        "org": flat(settings.organisation),
        "title": flat(settings.title),
        "year": flat(settings.academic_year),
        # The year once: most titles carry it already ("School improvement plan 2025-26").
        "year_label": f"Academic year {flat(settings.academic_year)}"
        if settings.academic_year and flat(settings.academic_year) not in flat(settings.title)
        else "",
        "history": [line for line in (" ".join(x.split()) for x in settings.history.splitlines()) if line],
        "version_label": f"Version: {flat(settings.version)}" if settings.version else "",
        "subject": f"{say('{Organisation}')} improvement plan {flat(settings.academic_year)}".strip(),
        "draft": approved is None or awaiting,
        # A version awaiting approval is a draft, and says which version the board did approve.
        "draft_label": approval[0].lower() + approval[1:] if awaiting else say("not yet approved by the {board}"),
        "approval_label": approval,
        "prepared_label": _prepared(plan, anchors, key_people),
        "next_meeting_label": say(f"Next report to the {{board}}: {when(settings.next_meeting)}")
        if settings.next_meeting
        else "",
        "organisation_word": say("{organisation}"),
        "link_governor_header": say("{Link_governor_or_committee}"),
        "decision_header": say("Decision for the {board}"),
    }


PROGRESS_KEY = (
    "Where a review records an actual figure, it is judged against its milestone: met (on the "
    "milestone or past it), close (short by no more than a twentieth of the milestone) or missed. "
    "A measure whose target is below its baseline, such as absence, is met by falling."
)
READING_RAG = (
    "Each review rates its priority Red, Amber or Green: Green on track for its milestones, Amber at risk, "
    "Red off track. Only reviews held by the date progress is reported at count; later ones are still to come."
)
READING_LINKS = "Every reference such as P2.1.3 is a link to its row; initials link to the key to initials."


def how_to_read(plan: Plan) -> list[str]:
    """The short note near the start that explains, once, how the document judges progress."""
    notes = [READING_RAG]
    if any(any(m.actuals) for m in (*plan.criteria, *plan.kpis)):
        notes.append(PROGRESS_KEY)
    notes.append(READING_LINKS)
    if plan.glossary or glossary_rows(plan):
        notes.append("Abbreviations are explained after the key to initials.")
    return notes


def plan_texts(plan: Plan) -> list[str]:
    """Everything of the plan the document prints as words, where abbreviations hide: its text,
    its references (SC19) and its dates as typed (Aut2)."""
    texts = [text for record, _, text in text_fields(plan) if record.sheet not in ("Settings", "Glossary")]
    texts += [c.ref for c in plan.criteria]
    texts += [d.label for a in plan.actions for d in (a.start, a.due) if d is not None and d.label]
    return texts


def glossary_rows(plan: Plan) -> list[dict]:
    """The abbreviations the plan uses, each explained: the school's own list, then sipgen's."""
    own = {" ".join(g.abbreviation.split()): " ".join(g.meaning.split()) for g in plan.glossary if g.abbreviation}
    # Initials are people, not abbreviations: "QA" on the Staff sheet is someone, not quality assurance.
    initials = {p.initials for p in plan.staff if p.initials} | {i for _, _, i in initials_used(plan)}
    entries = glossary(plan_texts(plan), own, plan.plan_type, initials=sorted(initials))
    return [parts.GLOSSARY.row(abbreviation=abbreviation, meaning=meaning) for abbreviation, meaning in entries]


def budget_note(settings, actions: list[Action]) -> str:
    """How the planned costs and the contingency make up the budget, any difference, the costs
    still to come, and the spending."""
    waiting = uncosted(actions)
    tbc = f" {waiting} cost{'s are' if waiting != 1 else ' is'} still TBC and not counted." if waiting else ""
    spending = spend(actions)
    spent = f" {spending[0].upper()}{spending[1:]} so far." if "spent" in spending else ""
    return (_reconciliation(settings, planned(actions)) + tbc + spent + contingency_note(settings)).strip()


def contingency_note(settings) -> str:
    """What has been drawn from the contingency, and what is left of it, where the plan records it."""
    drawn = settings.contingency_drawn
    if drawn is None:
        return ""
    if settings.contingency is None or "contingency" in settings.pending:
        return f" {money(drawn)} has been drawn from the contingency."
    left = settings.contingency - drawn
    rest = f"{money(left)} is left" if left >= 0 else f"{money(-left)} more than it holds"
    return f" {money(drawn)} of the {money(settings.contingency)} contingency has been drawn: {rest}."


def _reconciliation(settings, planned: float) -> str:
    if settings.budget is None and settings.contingency is None:
        return ""
    if "contingency" in settings.pending:  # typed as TBC: no sum can be made yet
        return f"Planned costs {money(planned)}; contingency TBC" + (
            f"; budget allocated {money(settings.budget)}." if settings.budget is not None else "."
        )
    contingency = settings.contingency or 0
    sums = f"Planned costs {money(planned)} + contingency {money(contingency)} = {money(planned + contingency)}"
    if settings.budget is None:
        return sums + "."
    difference = settings.budget - planned - contingency
    if abs(difference) < 0.005:
        return f"{sums}, the budget allocated."
    side = "left unallocated" if difference > 0 else "more than the budget allocated"
    return f"{sums}; budget allocated {money(settings.budget)}: {money(abs(difference))} {side}."


def _contents(view: dict, placement: Placement, anchors: Anchors) -> list[dict]:
    """The contents as saved in the file: only parts the document has, so every entry lands."""
    front = [
        name
        for name, present in (("introduction", view["intro"]), ("context", view["context"] or view["aims"]))
        if present
    ]
    first = ("how_to_read", "summary") + (("kpis",) if view["kpis"] else ()) + (("changes",) if view["changes"] else ())
    people = ("glance", "who", "key") + (("glossary",) if view["glossary"] else ())
    contents = [{"link": _toc(f"sec_{name}", SECTIONS[name]), "style": "TOC1"} for name in (*first, *front, *people)]
    contents += [
        {
            "link": _toc(anchors.refs[p.ref], f"{p.ref}  {p.title}") if p.ref in anchors.refs else _toc("", p.title),
            "style": "TOC1",
        }
        for p in placement.priorities
    ]
    names = (["unplaced"] if _has_unplaced(placement) else []) + ["budget", "reviews"]
    names += ["findings"] if view["findings"] else []
    contents += [{"link": _toc(f"sec_{name}", SECTIONS[name]), "style": "TOC1"} for name in names]
    return contents


def _has_intro(plan: Plan) -> bool:
    return any(getattr(plan.introduction, name) for name, _ in INTRO_PARTS)


def _front_matter(plan: Plan, anchors: Anchors) -> dict:
    """The introduction, the context by area, and the strategy's aims."""
    say = lambda text: word(text, plan.plan_type)  # noqa: E731
    intro = [
        {"heading": label, "text": anchors.text(getattr(plan.introduction, name))}
        for name, label in INTRO_PARTS
        if getattr(plan.introduction, name)
    ]
    by_area: dict[str, list] = defaultdict(list)
    for item in plan.context:
        by_area[item.area or "Other information"].append(item)
    context = [
        {
            "name": say(area.replace("Pupil", "{Learner}")),
            "rows": [
                parts.CONTEXT.row(measure=plain(i.measure), value=plain(i.value), notes=anchors.text(i.notes))
                for i in items
            ],
        }
        for area, items in by_area.items()
    ]
    aims = [
        parts.AIMS.row(ref=anchors.text(a.ref, bold=True), aim=plain(a.aim), horizon=plain(a.horizon))
        for a in plan.aims
    ]
    return {"intro": intro, "context": context, "aims": aims}


def _money_tables(placement: Placement, anchors: Anchors, rated: dict[str, Review], latest: dict[str, Review]):
    """Priorities at a glance and the budget; both count every action, placed or not."""
    glance, budget = [], []
    for priority in placement.priorities:
        rag = rated[priority.ref].rag if priority.ref in rated else ""
        glance.append(
            parts.GLANCE.row(
                ref=anchors.ref(priority.ref),
                title=anchors.text(priority.title),
                lead=anchors.initials(priority.lead),
                link_governor=anchors.initials(priority.link_governor),
                rag=rag or ("No rating given" if priority.ref in latest else "Not yet reviewed"),
                rag_fill=RAG_FILLS.get(rag, NO_FILL),
                cost=total_label(priority.every_action),
            )
        )
        budget.append(
            _budget_row(
                anchors.ref(priority.ref, bold=True),
                anchors.text(priority.title, bold=True),
                priority.every_action,
                anchors,
                bold=True,
            )
        )
        if priority.actions and priority.objectives:
            budget.append(
                _budget_row(
                    plain(""),
                    anchors.text(f"Actions of {priority.ref} outside its objectives"),
                    priority.actions,
                    anchors,
                )
            )
        for objective in priority.objectives:
            budget.append(
                _budget_row(anchors.ref(objective.ref), anchors.text(objective.title), objective.actions, anchors)
            )
    unplaced = placement.unplaced_actions
    if unplaced:
        label = "Rows not placed in a priority (see that part of the plan)"
        glance.append(
            parts.GLANCE.row(
                ref=plain(""),
                title=anchors.text(label),
                lead=plain(""),
                link_governor=plain(""),
                rag="",
                rag_fill=NO_FILL,
                cost=total_label(unplaced),
            )
        )
        budget.append(_budget_row(plain(""), anchors.text(label), unplaced, anchors))
    return glance, budget


def _budget_row(ref, title, actions: list[Action], anchors: Anchors, bold: bool = False) -> dict:
    """A line of the budget: planned, spent and the difference, and where the money comes from."""
    return parts.BUDGET.row(
        ref=ref,
        title=title,
        funding=funding_label(actions),
        cost=anchors.text(total_label(actions), bold=bold),
        spent=spent_label(actions),
        difference=difference_label(actions),
    )


def _has_unplaced(placement: Placement) -> bool:
    return bool(
        placement.unplaced_objectives
        or placement.unplaced_actions
        or placement.unplaced_criteria
        or placement.unplaced_checks
    )


def _action_rows(actions, anchors: Anchors) -> list[dict]:
    return [
        parts.ACTIONS.row(
            ref=anchors.target(action.ref, action.ref, bold=True),
            action=anchors.text(action.action),
            owners=anchors.initials(action.owners) if "owners" not in action.pending else "TBC",
            when=timescale(action.start, action.due),
            resources=anchors.text(action.resources),
            cost=cost_label(action),
            status=action.status,
            also=anchors.refs_list(action.also_serves),
        )
        for action in actions
    ]


def _priority_part(
    plan: Plan, priority: Priority, placement: Placement, anchors: Anchors, review: Review | None
) -> dict:
    """One priority's part: preface, its objectives and actions, criteria, checks, latest review."""
    say = lambda text: word(text, plan.plan_type)  # noqa: E731
    summary = [("Source: ", priority.source or "not stated")]
    if priority.aim:
        summary.append(("Strategic aim: ", priority.aim))
    groups = []
    if priority.actions:  # actions that hang on the priority itself come first
        groups.append({"heading": "", "summary": "", "actions": _action_rows(priority.actions, anchors)})
    for objective in priority.objectives:
        cause = [("Cause it tackles: ", objective.cause)] if objective.cause else []
        groups.append(
            {
                "heading": anchors.target(objective.ref, f"{objective.ref}  {objective.title}"),
                "summary": _labelled(anchors, [("Lead: ", names(plan, objective.lead)), *cause]),
                "actions": _action_rows(objective.actions, anchors),
            }
        )
    served_by = sorted(
        {
            a.ref
            for a in plan.actions
            for ref in a.also_serves
            if placement.priority_of.get(ref) == priority.ref and placement.priority_of.get(a.ref) != priority.ref
        },
        key=ref_order,
    )
    criteria = sorted(
        (c for c in plan.criteria if placement.priority_of.get(c.parent) == priority.ref),
        key=lambda c: (ref_order(c.parent), ref_order(c.ref), c.row),
    )
    checks = sorted(
        (c for c in plan.checks if c.priority == priority.ref), key=lambda c: (PROCESS_ORDER.get(c.process, 3), c.row)
    )
    return {
        "ref": priority.ref,
        "heading": anchors.target(priority.ref, f"{priority.ref}  {priority.title}", bold=False),
        "summary": _labelled(
            anchors,
            [
                ("Lead: ", names(plan, priority.lead)),
                (say("{Link_governor_or_committee}: "), names(plan, priority.link_governor)),
                *summary,
            ],
        ),
        "preface": anchors.text(priority.preface) if priority.preface else "",
        # Empty strings, not empty runs, so the template leaves out a table with nothing in it.
        "now": anchors.text(priority.now) if priority.now or priority.goal else "",
        "goal": anchors.text(priority.goal) if priority.now or priority.goal else "",
        "work_heading": "Objectives and actions" if priority.objectives else "Actions",
        "objectives": groups,
        "served_by": anchors.refs_list(served_by) if served_by else "",
        "criteria": [_criterion_row(c, anchors) for c in criteria],
        "checks": [_check_row(c, anchors) for c in checks],
        "latest": _latest_line(review) if review else "",
    }


def _criterion_row(c: Criterion, anchors: Anchors) -> dict:
    return parts.CRITERIA.row(
        ref=plain(c.ref),
        parent=anchors.ref(c.parent),
        criterion=anchors.text(c.criterion),
        kind=plain(c.kind),
        baseline=plain(c.baseline),
        **_points(c, milestone_first=True),
        target=plain(c.target),
    )


# A judged figure's cell: met green, close amber, missed red, as a RAG rating is shaded.
STATE_FILLS = {MET: RAG_FILLS["Green"], CLOSE: RAG_FILLS["Amber"], MISSED: RAG_FILLS["Red"]}


def _points(measure, milestone_first: bool) -> dict:
    """Each review point's cell and its shading: the milestone and the actual, the actual judged
    against it, and the cell shaded met, close or missed.

    A criterion leads with its milestone ("68%", then "Actual: 69% (met)"); a KPI with its
    figure ("69%", then "Milestone: 68% (met)").
    """
    down = goes_down(measure.baseline, measure.target)
    cells = {}
    for (point, _), milestone, actual in zip(POINTS, measure.milestones, measure.actuals, strict=True):
        state = judge(actual, milestone, down)
        verdict = f" ({state})" if state else ""
        if milestone_first:
            text = milestone + (f"\nActual: {actual}{verdict}" if actual else "")
        else:
            text = actual + (f"\nMilestone: {milestone}{verdict}" if milestone else "")
        cells[point] = plain(text.strip())
        cells[point + parts.FILL_SUFFIX] = STATE_FILLS.get(state, NO_FILL)
    return cells


def _check_row(c: Check, anchors: Anchors) -> dict:
    return parts.CHECKS.row(
        process=plain(c.process),
        how=anchors.text(c.how),
        when=plain(c.when),
        who=anchors.initials(c.who),
        evidence=anchors.text(c.evidence),
    )


def _unplaced_rows(placement: Placement, anchors: Anchors) -> list[dict]:
    """One row for each record with no place in a priority: where it is, what it says, its cost."""
    rows = []

    def add(record, kind, ref, text, parent_field, cost=""):
        parent = getattr(record, parent_field)
        rows.append(
            parts.UNPLACED.row(
                where=record.where(parent_field),
                kind=kind,
                ref=ref,
                text=anchors.text(text),
                parent=parent or "(blank)",
                cost=cost,
            )
        )

    for objective in placement.unplaced_objectives:
        add(
            objective, "Objective", anchors.target(objective.ref, objective.ref, bold=True), objective.title, "priority"
        )
    for action in placement.unplaced_actions:
        # An action under an unplaced objective has a parent that exists: it is placed with it here.
        add(
            action,
            "Action",
            anchors.target(action.ref, action.ref, bold=True),
            action.action,
            "objective",
            cost_label(action),
        )
    for criterion in placement.unplaced_criteria:
        add(criterion, "Success criterion", anchors.text(criterion.ref, bold=True), criterion.criterion, "parent")
    for check in placement.unplaced_checks:
        add(check, check.process or PROCESS_MONITORING, plain(""), check.how or check.evidence, "priority")
    return rows


def _toc(anchor: str, label: str):

    return Markup(link(label, anchor) if anchor else run(label))


def _labelled(anchors: Anchors, labelled) -> object:

    pieces = []
    for label, value in labelled:
        if not value:
            continue
        # str() on both: adding a str to Markup would escape the XML of the label.
        piece = run(label, bold=True) if label else ""
        pieces.append(str(piece) + str(anchors.initials(value) if isinstance(value, tuple) else anchors.text(value)))
    return Markup(run("   ·   ").join(pieces))


def _review(anchors: Anchors, review: Review, as_of: dt.date) -> dict:
    """A review as a row of the review log; its date holds the bookmark the priority's line links to.

    A review dated after the report date has not happened yet: it is listed as to come, unrated."""
    held = is_held(review, as_of) or review.date is None or not review.date.dated
    date = when(review.date) + ("" if held else " (to come)")
    rag = review.rag if held else ""
    return parts.REVIEWS.row(
        date=Markup(anchors.bookmark(_log_entry(review), run(date))),
        ref=anchors.ref(review.ref),
        reviewer=anchors.initials(review.reviewer),
        rag=rag,
        rag_fill=RAG_FILLS.get(rag, NO_FILL),
        impact=anchors.text(review.impact),
        evidence=anchors.text(review.evidence),
        adjustments=anchors.text(review.adjustments),
        decision=anchors.text(review.decision) if review.decision.strip() else "",
    )


def _log_entry(review: Review) -> str:
    return f"log_{review.row}"


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9])")


def _latest_line(review: Review) -> Markup:
    """A priority's latest review in one line: date, RAG, the first sentence of its impact, and a
    link to the whole entry in the review log (which the document prints once, not twice)."""
    first = shortened(_SENTENCE_END.split(" ".join(review.impact.split()), maxsplit=1)[0], 220)
    rag = chip(review.rag, RAG_FILLS.get(review.rag, NO_FILL)) + run(" ") if review.rag else ""
    return Markup(
        run(f"{when(review.date)}: ", bold=True)
        + rag
        + run(first + "  ")
        + link("The full entry is in the review log.", _log_entry(review))
    )


def _key(plan: Plan):
    """(initials, Person or None) for everyone the plan names, in Staff-sheet order, then the rest."""
    used: dict[str, str] = {}
    for _, _, initials in initials_used(plan):
        used.setdefault(initials.casefold(), initials)
    people = {p.initials.casefold(): p for p in plan.staff if p.initials}
    ordered = [
        (p.initials, p)
        for p in plan.staff
        if p.initials and p.initials.casefold() in used and people[p.initials.casefold()] is p
    ]
    ordered += [(initials, None) for key, initials in used.items() if key not in people]
    return ordered


def _person_target(anchors: Anchors, initials: str):

    name = anchors.people.get(initials.casefold())
    return Markup(anchors.bookmark(name, run(initials, bold=True)) if name else run(initials, bold=True))


def _who(plan: Plan, anchors: Anchors, key_people) -> list[dict]:
    roles: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))

    def add(initials, column, ref):
        if ref and ref not in roles[initials.casefold()][column]:
            roles[initials.casefold()][column].append(ref)

    for record in (*plan.priorities, *plan.objectives):
        for initials in record.lead:
            add(initials, "leads", record.ref)
    for action in plan.actions:
        for initials in action.owners:
            add(initials, "owns", action.ref)
    column = dict(zip(PROCESSES, ("monitors", "evaluates", "reviews"), strict=True))
    for check in plan.checks:
        for initials in check.who:
            add(initials, column.get(check.process, "monitors"), check.priority)
    for review in plan.reviews:
        for initials in review.reviewer:
            add(initials, "reviews", review.ref)
    for priority in plan.priorities:
        for initials in priority.link_governor:
            add(initials, "evaluates", priority.ref)

    rows = []
    for initials, person in key_people:
        mine = roles.get(initials.casefold(), {})
        label = f"{initials} ({person.name})" if person and person.name else initials
        anchor = anchors.people.get(initials.casefold())
        rows.append(
            parts.WHO.row(
                who=Markup(link(label, anchor) if anchor else run(label)),
                **{
                    c: anchors.refs_list(sorted(mine.get(c, []), key=ref_order))
                    for c in ("leads", "owns", "monitors", "evaluates", "reviews")
                },
            )
        )
    return rows


def _prepared(plan: Plan, anchors: Anchors, key_people) -> str:
    """'Overall lead: Alex Head, Headteacher'."""
    people = dict(key_people)
    names = []
    for initials in plan.settings.overall_lead:
        person = people.get(initials)
        names.append(", ".join(x for x in (person.name, person.role) if x) if person else initials)
    return f"Overall lead: {'; '.join(flat(n) for n in names)}" if names else ""
