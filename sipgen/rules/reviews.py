"""RV: the review log (guidance §16-17, §39, §44)."""

from __future__ import annotations

import re

from ..dates import uk
from ..progress import MISSED, at_point, contradicts, point_of
from .criteria import criteria_for
from .registry import flag, listed, rule
from .text.impact import describes_activity_only, is_placeholder

# What an Adjustments cell says when nothing changes: "None", "Continue as planned", "Keep monitoring".
_NOTHING = re.compile(
    r"^\s*(?:none|n/?a|-+|nil|no|tbc|no\s+changes?(?:\s+(?:needed|required|made))?|as\s+before|carry\s+on|"
    r"continue(?:\s+as\s+(?:planned|before|is|now))?|keep\s+(?:monitoring|going|on|an\s+eye(?:\s+on\s+it)?)|"
    r"(?:continue\s+to\s+)?monitor(?:ing)?(?:\s+closely)?|watch\s+(?:this\s+)?space|stay\s+the\s+course|"
    r"keep\s+under\s+review|continue\s+with\s+(?:the\s+)?(?:current|existing|planned|same)\s+(?:actions?|plan|approach))\.?\s*$",
    re.I,
)
# An adjustment written into the impact cell instead: "... from Spr1 a second group will run daily".
_ADJUSTED_IN_IMPACT = re.compile(
    r"\b(?:will\s+(?:now\s+)?(?:run|start|begin|be\s+(?:added|introduced|extended|offered|moved|doubled|increased|run)|"
    r"move|switch|add|double|increase|change)|"
    r"from\s+(?:aut|spr|sum|jan|feb|mar|apr|may|jun|jul|sep|oct|nov|dec)\w*\s*\d?\b[^.;]*\b(?:will|extra|additional|second|new)\b|"
    r"\b(?:is|are|been)\s+(?:now\s+)?(?:added|introduced|extended|doubled|moved|increased)\b|\bso\s+[^.;]{0,60}?\bnow\b|"
    r"\bso\s+(?:from|in)\s+(?:aut|spr|sum|jan|feb|mar|apr|may|jun|jul|sep|oct|nov|dec|next)\w*)",
    re.I,
)


@rule("RV701", "review without a date", "warning", "guidance §44", each="reviews", field="date")
def undated(review, ctx):
    """A review record has no date.

    Bad: Reviews: Date (blank), Ref P2, RAG Amber.

    Good: Reviews: Date 10/12/2025, Ref P2, RAG Amber.
    """
    if review.date is None and "date" not in review.unreadable:
        yield flag(
            f"The review of {review.ref or 'this item'} has no date.",
            "Give the date the review took place.",
        )


# RV702 speaks for RV703 on one cell: "On track" is no impact at all, not an activity described.
@rule(
    "RV702",
    "review without impact",
    "warning",
    "guidance §17, §44",
    each="reviews",
    field="impact",
    supersedes=("RV703",),
)
def no_impact(review, ctx):
    """A review that has taken place (dated on or before the check date) records no impact to date.

    A placeholder is no impact: "In progress", "TBC", "Too early to judge", "See above".

    Bad: 10/12/2025, P1, Green, Impact to date: (blank), or "In progress".

    Good: Impact to date: "Phonics tracker: 71% on track, against a milestone of 65%."
    """
    if not (review.date and review.date.start <= ctx.as_of):
        return
    if not review.impact:
        yield flag(
            f"The review of {review.ref or 'this item'} on {uk(review.date.start)} records no impact to date.",
            "Say what difference the actions have made so far, with figures against the milestones.",
        )
    elif is_placeholder(review.impact):
        yield flag(
            f"The review of {review.ref or 'this item'} on {uk(review.date.start)} says '{review.impact.strip()}' "
            "where its impact should be.",
            "Say what difference the actions have made so far, with figures against the milestones.",
        )


@rule("RV703", "review describes activity only", "warning", "guidance §44", each="reviews", field="impact")
def activity_only(review, ctx):
    """A review record only describes what happened, or that actions were completed.

    Bad: "All actions completed on time. Training was delivered."

    Good: "Training completed in September; phonics practice scores have risen from 58% to 71%."
    """
    if review.impact and describes_activity_only(review.impact):
        yield flag(
            f"The review of {review.ref or 'this item'} says what was done, not what difference it made.",
            ctx.say(
                "Record the impact on teaching and on {learners}, with evidence and figures against the milestones."
            ),
        )


@rule(
    "RV704", "amber or red without adjustment", "warning", "guidance §16-17, §39", each="reviews", field="adjustments"
)
def no_adjustment(review, ctx):
    """A review rated amber or red records no adjustment to the plan.

    When something is not on track the plan should change, and the log should say how.

    "Continue as planned" or "Keep monitoring" is no change; a change written into the impact cell
    ("from Spr1 a second group will run daily") is one, in the wrong column.

    Bad: RAG Red; Adjustments made: (blank), or "Continue as planned".

    Good: RAG Red; Adjustments made: "Added a daily keep-up group for 8 pupils from January (P1.1.5)."
    """
    if review.rag in ("Amber", "Red") and (not review.adjustments or _NOTHING.match(review.adjustments)):
        if not review.adjustments and _ADJUSTED_IN_IMPACT.search(review.impact or ""):
            return  # the change is on record, in the impact cell
        yield flag(
            f"The review of {review.ref or 'this item'} is rated {review.rag.lower()} but records no "
            "change to the plan.",
            "Say what was adjusted to get it back on track.",
        )


@rule("RV706", "review rated before it was held", "warning", "guidance §17, §44", each="reviews", field="date")
def rated_before_held(review, ctx):
    """A review dated after the check date already records a rating or an impact.

    A review that has not happened yet cannot have found anything: either its date is mistyped
    or it was written before it was held. Until its date it is left out of the latest ratings.

    Bad: on 1 May 2026, a review dated 08/07/2026 is rated Green with "Writing at 66%".

    Good: the review dated 08/07/2026 has only its date and reviewer until it is held; or its
    date is corrected to 08/04/2026, when it took place.
    """
    date = review.date
    if date is None or not date.dated or date.start <= ctx.as_of or not (review.rag or review.impact.strip()):
        return
    recorded = listed(
        [x for x, filled in (("a RAG rating", review.rag), ("an impact", review.impact.strip())) if filled]
    )
    yield flag(
        f"The review of {review.ref or 'this item'} is dated {uk(date.start)}, after {uk(ctx.as_of)}, but already "
        f"records {recorded}.",
        "Correct the date if the review has been held; otherwise leave its rating and impact blank until it is.",
    )


@rule("RV705", "RAG contradicts the measures", "warning", "guidance §17, §39", each="reviews", field="rag")
def rag_contradicts(review, ctx):
    """A review's RAG rating contradicts the measures: green while its criteria missed their
    milestones, or red while every one was met.

    The criteria of the priority (or objective) reviewed are judged at the review point the
    review reports on: each actual against its milestone (see the key in the document).

    Bad: the spring review of P1 is rated Green, but SC2's Spring actual is 64% against a
    milestone of 68%.

    Good: the review is rated Amber and its adjustments say what is being done about SC2.
    """
    if review.rag not in ("Green", "Red") or ctx.year_start is None or review.date is None or not review.date.dated:
        return
    if review.date.start > ctx.as_of:  # not held yet: RV706 speaks for it
        return
    point = point_of(review.date.start, ctx.year_start)
    record = ctx.plan.by_ref.get(review.ref)
    if record is None or not hasattr(record, "objectives") and not hasattr(record, "actions"):
        return
    states = at_point(_criteria_of(ctx.plan, record), point)
    if not contradicts(review.rag, states):
        return
    missed = [ref for ref, j in states.items() if j.state == MISSED]
    if review.rag == "Green":
        detail = "; ".join(f"{ref}: {states[ref].actual} against {states[ref].milestone}" for ref in missed[:3])
        yield flag(
            f"The {point} review of {review.ref} is rated Green, but {listed(missed)} missed "
            f"{'its milestone' if len(missed) == 1 else 'their milestones'} ({detail}).",
            "Rate it Amber or Red, or explain in the impact why the measures do not show the progress made.",
        )
    else:
        yield flag(
            f"The {point} review of {review.ref} is rated Red, but every criterion with a {point} figure met "
            "its milestone.",
            "Check the rating against the measures, or say in the impact what the measures do not show.",
        )


def _criteria_of(plan, record):
    if hasattr(record, "objectives"):  # a priority: its own criteria and its objectives'
        return criteria_for(plan, record)
    return [c for c in plan.criteria if c.parent == record.ref]
