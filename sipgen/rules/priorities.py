"""PR: key priorities and objectives (guidance §5, §12, §20-26)."""

from __future__ import annotations

import re

from .registry import Hit, flag, rule
from .text.sources import states_source, states_source_for_all
from .text.titles import TOPIC, several_priorities


@rule("PR101", "too many priorities", "warning", "guidance §20")
def too_many_priorities(plan, ctx):
    """The plan has more key priorities than its limit (5 unless Settings says otherwise).

    Improvement planning works best when it focuses on a small number of key priorities.

    Bad: eight priorities, one for every subject and every group of staff.

    Good: four priorities from the self-evaluation, with the rest left to subject plans.
    """
    limit = int(plan.settings.max_priorities or 5)
    priorities = [p for p in plan.priorities if p.ref]
    if len(priorities) > limit:
        yield Hit(
            priorities[limit],
            "ref",
            f"The plan has {len(priorities)} key priorities; its limit is {limit}. "
            "Plans work best with a few sharply focused priorities.",
            "Merge or drop the least important ones, or move them to a subject plan. "
            "(The limit is 'Most key priorities' on the Settings sheet.)",
        )


@rule(
    "PR102",
    "priority without a source",
    "warning",
    "guidance §20, §22, §24; SIP article",
    each="priorities",
    field="source",
)
def priority_without_source(priority, ctx):
    """A priority does not say where it came from.

    Priorities should come from self-evaluation, inspection, an external examiner, the
    strategic plan or the previous plan, so readers can see why they were chosen. A preface
    that says so counts ("Lesson visits last term found ...", "a third of parents told us ...",
    "our Ofsted report (May 2025) said ...").

    Bad: P3 Source: (blank); preface: "Reading is the key that unlocks the whole curriculum."

    Good: P3 Source: Inspection report (Ofsted, May 2025: "improve the teaching of early reading").
    """
    unsourced = not priority.source or priority.source == "Other"  # "Other" with nothing saying what
    if (
        priority.ref
        and unsourced
        and not states_source(priority.preface, priority.now)
        and not _SOURCE_IN_TITLE.search(priority.title)
    ):
        if _sources_for_all(ctx):
            return  # the introduction says where every priority comes from
        yield flag(
            f"{priority.ref} does not say where the priority comes from.",
            "Choose its source: self-evaluation, inspection report, external examiner, strategic plan or "
            "previous plan; or say in the preface what showed the need.",
        )


@rule("PR103", "priority with nothing to do", "error", "guidance §26", each="priorities", field="ref")
def priority_without_objectives(priority, ctx):
    """A priority has neither objectives nor actions of its own, so nothing says how it will be achieved.

    A priority is broken into objectives, each with its actions; a plan without an objective
    level may list actions under the priority itself (their Objective column names the priority).

    Bad: P4 "Reduce persistent absence" with no rows on the Objectives or Actions sheet.

    Good: P4.1 "Earlier contact with families when attendance dips" and P4.2 ..., or actions
    whose Objective column says P4.
    """
    if priority.ref and not priority.objectives and not priority.actions:
        yield flag(
            f"{priority.ref} has no objectives and no actions, so the plan does not say how it will be achieved.",
            f"Add objectives for {priority.ref} on the Objectives sheet (e.g. {priority.ref}.1), "
            f"or actions on the Actions sheet whose Objective column says {priority.ref}.",
        )


@rule("PR104", "priority without a preface", "warning", "guidance §12", each="priorities", field="preface")
def priority_without_preface(priority, ctx):
    """A priority has no narrative preface, which a hybrid plan gives before each matrix.

    A preface that only points elsewhere ("See SEF", "As above") is none: governors read the plan.

    Bad: P2 goes straight into its table of actions, or its preface says "See SEF".

    Good: P2 opens with three sentences on why fluency matters here and what lies behind it.
    """
    if ctx.plan.settings.layout == "Matrix":
        return
    if priority.ref and not priority.preface:
        yield flag(
            f"{priority.ref} has no narrative preface.",
            "Write a short paragraph introducing the priority: why it matters and what lies behind it.",
        )
    elif priority.ref and _POINTER_ONLY.fullmatch(priority.preface.strip()):
        yield flag(
            f"{priority.ref}'s preface only says '{priority.preface.strip()}', which the plan's readers cannot follow.",
            "Write a short paragraph introducing the priority: why it matters and what lies behind it.",
        )


# A preface that only points elsewhere, or says nothing: "See SEF", "As above", "TBC".
_POINTER_ONLY = re.compile(
    r"(?:(?:please\s+)?(?:see|refer\s+to|as\s+(?:per|in)|cf\.?)\s+.{1,40}|as\s+above|tb[acd]|n/?a|-+|\.+)\.?", re.I
)


@rule("PR105", "priority not simple and precise", "warning", "guidance §23", each="priorities", field="title")
def priority_not_precise(priority, ctx):
    """A priority is not set out simply and precisely: too long, several priorities in one, only a
    topic ("Safeguarding", "Leadership and management"), or a sentence that stops ("Improve outcomes so that:").

    Bad: "Improve reading and also raise attendance and develop the role of middle leaders".

    Good: "Raise attainment in reading and writing in Key Stage 2".
    """
    reason = several_priorities(priority.title) if priority.title else None
    if reason == TOPIC and _precise_preface(priority.preface):
        return  # "Early reading", then a preface that says exactly what is to change, with figures
    if reason:
        yield flag(
            f"{priority.ref} is not set out simply and precisely: {reason}.",
            "State one priority in one short sentence; split joined priorities into separate rows.",
        )


@rule("PR106", "objective without actions", "error", "guidance §26", each="objectives", field="ref")
def objective_without_actions(objective, ctx):
    """An objective has no actions, so nothing will be done towards it.

    Bad: P1.3 "Consistent assessment of phonics" with no rows on the Actions sheet.

    Good: P1.3.1 "Train Year 1 staff in the half-termly phonics assessment (Sept INSET)" ...

    Where every action hangs on the priority itself and none on its objectives, the objectives
    read as the outcomes the priority aims at, not as sequences with nothing in them.
    """
    priority = ctx.plan.by_ref.get(objective.priority)
    own = getattr(priority, "actions", None) or []
    misfiled = any(a.ref.startswith(objective.ref + ".") for a in own)  # "P2.1.1" filed under P2: it is P2.1's
    if own and not misfiled and not any(o.actions for o in priority.objectives):
        return
    if objective.ref and not objective.actions:
        yield flag(
            f"{objective.ref} has no actions.",
            f"Add its sequence of actions on the Actions sheet (e.g. {objective.ref}.1), in date order.",
        )


@rule(
    "PR107", "priority not linked to the strategy", "info", "guidance §5; SIP article", each="priorities", field="aim"
)
def priority_without_aim(priority, ctx):
    """A priority is not linked to an aim of the 3-5 year strategy, although the plan has one.

    Bad: P2 Strategic aim: (blank), while the Strategy sheet lists S1-S3.

    Good: P2 Strategic aim: S1.
    """
    if not ctx.plan.aims:
        return
    if priority.ref and not priority.aim:
        yield flag(
            f"{priority.ref} is not linked to an aim of the strategy.",
            "Give the Strategy aim it serves, e.g. S1.",
        )


@rule("PR108", "no priorities", "error", "guidance §20, §26")
def no_priorities(plan, ctx):
    """The plan has no key priorities at all, so there is nothing to set out or build.

    A workbook with only its settings filled in is a blank plan, not a plan with problems.

    Bad: Settings names the school and the year; the Priorities sheet is empty.

    Good: Priorities: P1 "Raise attainment in early reading", with its objectives and actions.
    """
    if not any(p.ref or p.title for p in plan.priorities):
        yield Hit(
            None,
            None,
            ctx.say("The plan has no key priorities, so there is nothing to put before the {board}."),
            "Add the plan's key priorities on the Priorities sheet (P1, P2 ...), then their objectives and actions.",
            sheet="Priorities",
            cell="A2",
        )


# A source named in brackets in the title: "KS3 reading (SEF area 2)", "Attendance (Ofsted, May 2025)".
_SOURCE_IN_TITLE = re.compile(
    r"\([^()]*\b(?:sef|self[- ]evaluation|ofsted|inspection|external\s+examiner|ee\s+report|siams|review)\b[^()]*\)",
    re.I,
)


def _precise_preface(preface: str) -> bool:
    """True for a preface long and specific enough to make a heading-like title precise."""
    return len(preface.split()) >= 25 and bool(re.search(r"\d", preface))


def _sources_for_all(ctx) -> bool:
    intro = ctx.plan.introduction
    texts = (ctx.plan.settings.title, intro.overview, intro.how_compiled, intro.weaknesses_tackled, intro.format_reason)
    return states_source_for_all(*texts)
