"""SC: success criteria and milestones (guidance §36-41; SIP article)."""

from __future__ import annotations

from ..progress import POINTS, is_set, passed_points
from .registry import Hit, flag, listed, rule
from .text.clauses import kind_of, merged_criteria
from .text.completions import completed_action, is_deliverable
from .text.measures import (
    OUTCOME,
    PROVISION,
    counts_people_or_things,
    is_measured,
    judges,
    states_its_baseline,
    states_its_milestones,
    subjective_words,
)

POINTS_NAMES = tuple(point for point, _ in POINTS)


def criteria_for(plan, priority):
    """The criteria of a priority and of its objectives."""
    refs = {priority.ref, *(o.ref for o in priority.objectives)}
    return [c for c in plan.criteria if c.parent in refs]


def _measures(criterion) -> bool:
    """True when the criterion or its target names a measure, or its baseline or milestones a figure."""
    return is_measured(criterion.criterion, criterion.target, criterion.baseline, *criterion.milestones)


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


@rule(
    "SC502",
    "criterion not quantifiable",
    "warning",
    "guidance §38",
    each="criteria",
    field="criterion",
)
def not_quantifiable(criterion, ctx):
    """A success criterion has no quantifiable dimension: nothing is counted or measured.

    Dates, years, year groups and key stages are numbers but not measures ("Behaviour improves in
    Y6 in 2025-26"); "All" or "Every" over a state of mind ("All parents understand ...") counts
    nobody until a survey or a task shows it.

    Bad: "Trainees benefit from strong mentoring."

    Good: "90% of mentors set SSP-specific targets."

    Bad (ITT): "All trainees are aware of the partnership's SSP by Easter 2026."

    Good (ITT): "90% of trainees say in the exit survey that they know how to use the SSP."
    """
    text = criterion.criterion
    if judges(text) and subjective_words(text):
        return  # a word judges how well: SC503 names it, and one finding is enough
    if not text or _measures(criterion) or counts_people_or_things(text):
        return
    yield flag(
        f"{criterion.ref or 'This criterion'} has nothing that can be counted or measured.",
        ctx.say("Say how much, how many or what share, e.g. '85% of {learners} ...', with a baseline and target."),
    )


# SC502 and SC503 both say "nothing measures it": one speaks. SC503 where a word judges how well
# ("effectively", "well prepared"), SC502 where the words only name a change ("improved", "greater").
@rule(
    "SC503",
    "subjective criterion",
    "warning",
    "guidance §38",
    each="criteria",
    field="criterion",
)
def subjective(criterion, ctx):
    """A success criterion rests on generalised, subjective words with nothing that measures them.

    Words such as "effectively", "well", "confident" or "understand" are fine when a figure
    measures them; a date is not such a figure.

    Bad: "Mentors undertake their role effectively."

    Good: "95% of trainees are confident that they can employ an unfamiliar phonics programme effectively."
    """
    text = criterion.criterion
    if not text or _measures(criterion):
        return
    words = subjective_words(text)
    if words and not judges(text) and not counts_people_or_things(text):
        return  # nothing measures it and no word judges performance: SC502 says so, once
    if words:
        quoted = ", ".join(f"'{w}'" for w in words[:3])
        yield flag(
            f"{criterion.ref or 'This criterion'} relies on {quoted}, which nobody can measure as written.",
            ctx.say(
                "Say how you will know: how much, how many or what share, e.g. '85% of {learners} ...', "
                "with a baseline and a target."
            ),
        )


@rule("SC504", "criteria merged", "warning", "guidance §38", each="criteria", field="criterion")
def merged(criterion, ctx):
    """Several criteria are merged into one, so none of them can be judged cleanly.

    Each verb with its own subject or its own object is a criterion of its own ("Staff understand
    the marking policy and know where the exemplars are" is two); verbs that share one object are
    one skill ("Pupils read and write at the expected standard").

    Bad: "Mentors benefit from mentor training, set targets and support trainees well."

    Good: three criteria, one of them "90% of mentors set SSP-specific targets."

    Bad (ITT): "Trainees plan adaptively, manage behaviour confidently and assess pupils accurately."

    Good (ITT): "85% of trainees plan and teach a sequence of phonics lessons judged at the expected standard."
    """
    if criterion.criterion and merged_criteria(criterion.criterion):
        yield flag(
            f"{criterion.ref or 'This criterion'} joins several criteria in one.",
            "Split it into separate rows, each with its own measure, baseline and target.",
        )


# SC505 speaks for SC502 and SC503: a deliverable is unmeasured because it is an action, not an impact.
@rule(
    "SC505",
    "success as completed actions",
    "warning",
    "guidance §38",
    each="criteria",
    field="criterion",
    supersedes=("SC502", "SC503"),
)
def completed_actions(criterion, ctx):
    """Success is expressed as actions completed, not the impact they had.

    "Established", "in place", "launched", "delivered", "attended" ... name an action done. They
    are context, not the criterion, where another verb says what changed ("Pupils use the new
    scheme's books at home: 80% of reading records signed weekly").

    Bad: "All mentors attend training."

    Good: "90% of mentors who attended training set SSP-specific targets."

    Bad (ITT): "Every trainee has attended the SSP training day."

    Good (ITT): "96% of trainees complete the course, up from 91% in 2024-25."
    """
    if criterion.criterion and completed_action(criterion.criterion):
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

    Figures for the review points written in the criterion itself count ("... (Dec 88%, Mar 90%,
    Jul 92%)"), though the milestone columns let each review show them.

    A milestone of "-", "TBC" or "N/A" is none, and a summer figure alone is the target again:
    the autumn and spring reviews have nothing to judge against.

    Bad: SC4: Target 85%; Autumn, Spring and Summer milestones blank (or "-", or only Summer 85%).

    Good: SC4: Autumn 70%, Spring 78%, Summer 85%.
    """
    if not criterion.criterion or states_its_milestones(criterion.criterion):
        return
    autumn, spring, summer = (is_set(m) for m in criterion.milestones)
    if not (autumn or spring or summer):
        yield flag(
            f"{criterion.ref or 'This criterion'} has no milestones for the reviews.",
            "Say what should be true at the autumn, spring and summer reviews.",
        )
    elif not (autumn or spring):
        yield flag(
            f"{criterion.ref or 'This criterion'} has a summer milestone only, so the autumn and spring reviews "
            "have nothing to judge against.",
            "Say what should be true at the autumn and spring reviews on the way to the summer figure.",
        )


@rule("SC507", "no baseline", "info", "guidance §37", each="criteria", field="baseline")
def no_baseline(criterion, ctx):
    """A success criterion has no baseline to compare progress against.

    Not asked of a one-off deliverable ("Policy published on the website by October"), which is
    done or not, nor of a criterion that states its own starting point ("rises from 68% to 82%").

    Bad: "95% of pupils attend" with Baseline blank, "TBC" or "N/A".

    Good: Baseline: 93.1% (2024-25).
    """
    text = criterion.criterion
    if not text or is_set(criterion.baseline) or is_deliverable(text) or states_its_baseline(text):
        return
    if criterion.baseline.strip() and completed_action(text):
        return  # "n/a" beside "100% of planned workshops delivered": a count of deliveries starts from none
    yield flag(
        f"{criterion.ref or 'This criterion'} has no baseline.",
        "Give the starting figure, e.g. last year's result, so progress can be judged.",
    )


@rule("SC508", "provision or outcomes only", "info", "guidance §40-41", each="priorities", field="ref")
def one_kind_only(priority, ctx):
    """A priority's criteria address only provision or only outcomes, not both.

    A criterion's kind is its Kind cell or, when that is blank, what its wording is about: what
    staff, leaders, TAs or the school do or provide (provision), or what pupils achieve, attend,
    know or can do (outcome). Criteria whose wording does not say are left out; it takes two.

    Bad: P1's criteria are all about what mentors do (provision).

    Good: P1 has "90% of mentors set SSP targets" (provision) and "95% of trainees enunciate clearly" (outcome).

    Bad (ITT): P1 has "90% of mentors set SSP targets" and "Tutors visit each trainee twice a placement", Kind
    blank: what mentors and tutors do is provision.

    Good (ITT): P1 adds "88% of trainees meet all the Teachers' Standards at the final review": what trainees
    achieve is an outcome.
    """
    criteria = criteria_for(ctx.plan, priority)
    kinds = [k for k in (kind_of(c.kind, c.criterion) for c in criteria) if k]
    if len(kinds) < 2 or len(set(kinds)) != 1:
        return
    only = kinds[0]
    other = OUTCOME if only == PROVISION else PROVISION
    about = {PROVISION: "provision", OUTCOME: "outcomes"}
    read = "" if all(c.kind.strip() for c in criteria) else " (Kind read from the wording where it is blank)"
    yield flag(
        f"{priority.ref}'s success criteria are all about {about[only]}{read}.",
        ctx.say(
            f"Add a criterion about {about[other]}: "
            + ("what {learners} achieve." if other == OUTCOME else "what staff and teaching do differently.")
        ),
    )


@rule("SC509", "no actual at a passed review point", "info", "guidance §39")
def no_actual(plan, ctx):
    """A review point has passed and a criterion or KPI has no actual value recorded for it.

    While the plan's year is running, each criterion with a milestone at a review point, and
    each KPI, should record the figure found there, so progress can be judged, not asserted.

    Bad: on 20/03/2026, SC1's Autumn milestone is "68%" and its Autumn actual is blank.

    Good: SC1 Autumn actual: "69%" (the December assessment).
    """
    if ctx.year_start is None or not ctx.as_of <= ctx.year_end:
        return
    passed = passed_points(ctx.year_start, ctx.as_of)
    if not passed:
        return
    for measure, field_prefix, name in _measures_to_report(plan):
        missing = [
            point
            for point, milestone, actual in zip(POINTS_NAMES, measure.milestones, measure.actuals, strict=True)
            if point in passed and not actual and (milestone or field_prefix == "kpi")
        ]
        if missing:
            field = f"actual_{missing[0]}"
            yield Hit(
                measure,
                field,
                f"{name} has no {listed([p for p in missing])} actual, although that review point has passed.",
                "Record the figure found at each review beside its milestone, so progress can be judged.",
                ref=measure.ref if field_prefix == "criterion" else (measure.ref or ""),
            )


def _measures_to_report(plan):
    for criterion in plan.criteria:
        if criterion.criterion:
            yield criterion, "criterion", criterion.ref or "This criterion"
    for kpi in plan.kpis:
        if kpi.kpi and not kpi.criterion:  # a KPI reporting a criterion has its figures there
            yield kpi, "kpi", f"The KPI '{kpi.kpi}'"
