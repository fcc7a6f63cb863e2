"""SC: success criteria and milestones (guidance §36-41; SIP article)."""

from __future__ import annotations

from .language import (
    completed_action_criterion,
    has_quantifier,
    is_measured,
    merged_criteria,
    subjective_words,
)
from .registry import flag, rule


def criteria_for(plan, priority):
    """The criteria of a priority and of its objectives."""
    refs = {priority.ref, *(o.ref for o in priority.objectives)}
    return [c for c in plan.criteria if c.parent in refs]


def _measures(criterion) -> bool:
    """True when the criterion, its baseline, milestones or target name a figure."""
    return is_measured(criterion.criterion, criterion.baseline, criterion.target, *criterion.milestones)


@rule("SC501", "no success criteria", "warning", "guidance §36; SIP article", each="priorities", field="ref")
def no_criteria(priority, ctx):
    """A priority has no success criteria, for itself or any of its objectives.

    Without them the plan cannot judge the impact of its actions.

    Bad: P4 has objectives and actions but nothing on the Success criteria sheet.

    Good: SC9 For P4: "Persistent absence falls from 18% to 12%".
    """
    if priority.ref and not criteria_for(ctx.plan, priority):
        yield flag(
            f"{priority.ref} has no success criteria.",
            f"Add at least one measurable criterion for {priority.ref} on the Success criteria sheet.",
        )


@rule("SC502", "criterion not quantifiable", "warning", "guidance §38", each="criteria", field="criterion")
def not_quantifiable(criterion, ctx):
    """A success criterion has no quantifiable dimension: nothing is counted or measured.

    Bad: "Trainees benefit from strong mentoring."

    Good: "90% of mentors set SSP-specific targets."
    """
    text = criterion.criterion
    if not text or _measures(criterion) or has_quantifier(text):
        return
    yield flag(
        f"{criterion.ref or 'This criterion'} has nothing that can be counted or measured.",
        ctx.say("Say how much, how many or what share, e.g. '85% of {learners} ...', with a baseline and target."),
    )


@rule("SC503", "subjective criterion", "warning", "guidance §38", each="criteria", field="criterion")
def subjective(criterion, ctx):
    """A success criterion rests on generalised, subjective words with nothing that measures them.

    Words such as "effectively", "well" or "strong" are fine when a figure measures them.

    Bad: "Mentors undertake their role effectively."

    Good: "95% of trainees are confident that they can employ an unfamiliar phonics programme effectively."
    """
    text = criterion.criterion
    if not text or _measures(criterion):
        return
    words = subjective_words(text)
    if words:
        quoted = ", ".join(f"'{w}'" for w in words[:3])
        yield flag(
            f"{criterion.ref or 'This criterion'} relies on {quoted}, which nobody can measure as written.",
            "Say how you will know: a percentage, a count or a score, with a baseline and a target.",
        )


@rule("SC504", "criteria merged", "warning", "guidance §38", each="criteria", field="criterion")
def merged(criterion, ctx):
    """Several criteria are merged into one, so none of them can be judged cleanly.

    Bad: "Mentors benefit from mentor training, set targets and support trainees well."

    Good: three criteria, one of them "90% of mentors set SSP-specific targets."
    """
    if criterion.criterion and merged_criteria(criterion.criterion):
        yield flag(
            f"{criterion.ref or 'This criterion'} joins several criteria in one.",
            "Split it into separate rows, each with its own measure, baseline and target.",
        )


@rule("SC505", "success as completed actions", "warning", "guidance §38", each="criteria", field="criterion")
def completed_actions(criterion, ctx):
    """Success is expressed as actions completed, not the impact they had.

    Bad: "All mentors attend training."

    Good: "90% of mentors who attended training set SSP-specific targets."
    """
    if criterion.criterion and completed_action_criterion(criterion.criterion):
        yield flag(
            f"{criterion.ref or 'This criterion'} counts an action being done, not the difference it makes.",
            ctx.say(
                "Describe the impact on teaching or on {learners}, e.g. what staff now do or what "
                "{learners} now achieve."
            ),
        )


@rule("SC506", "no milestones", "warning", "guidance §39; SIP article", each="criteria", field="milestone_autumn")
def no_milestones(criterion, ctx):
    """A success criterion has no staged milestones at the review points.

    Milestones let each review judge whether the plan is on track, and adjust it in time.

    Bad: SC4: Target 85%; Autumn, Spring and Summer milestones blank.

    Good: SC4: Autumn 70%, Spring 78%, Summer 85%.
    """
    if criterion.criterion and not any(criterion.milestones):
        yield flag(
            f"{criterion.ref or 'This criterion'} has no milestones for the reviews.",
            "Say what should be true at the autumn, spring and summer reviews.",
        )


@rule("SC507", "no baseline", "info", "guidance §37", each="criteria", field="baseline")
def no_baseline(criterion, ctx):
    """A success criterion has no baseline to compare progress against.

    Bad: "95% of pupils attend" with Baseline blank.

    Good: Baseline: 93.1% (2024-25).
    """
    if criterion.criterion and not criterion.baseline:
        yield flag(
            f"{criterion.ref or 'This criterion'} has no baseline.",
            "Give the starting figure, e.g. last year's result, so progress can be judged.",
        )


@rule("SC508", "provision or outcomes only", "info", "guidance §40-41", each="priorities", field="ref")
def one_kind_only(priority, ctx):
    """A priority's criteria address only provision or only outcomes, not both.

    Bad: P1's criteria are all about what mentors do (provision).

    Good: P1 has "90% of mentors set SSP targets" (provision) and "95% of trainees enunciate clearly" (outcome).
    """
    kinds = {c.kind for c in criteria_for(ctx.plan, priority) if c.kind}
    if len(kinds) == 1:
        only = next(iter(kinds))
        other = "Outcome" if only == "Provision" else "Provision"
        about = {"Provision": "provision", "Outcome": "outcomes"}
        yield flag(
            f"{priority.ref}'s success criteria are all about {about[only]}.",
            ctx.say(
                f"Add a criterion about {about[other]}: "
                + ("what {learners} achieve." if other == "Outcome" else "what staff and teaching do differently.")
            ),
        )
