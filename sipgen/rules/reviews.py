"""RV: the review log (guidance §16-17, §39, §44)."""

from __future__ import annotations

import re

from ..dates import uk
from .language import describes_activity_only
from .registry import flag, rule

_NOTHING = re.compile(r"^\s*(?:none|n/?a|-+|nil|no|tbc)\.?\s*$", re.I)


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


@rule("RV702", "review without impact", "warning", "guidance §17, §44", each="reviews", field="impact")
def no_impact(review, ctx):
    """A review that has taken place (dated on or before the check date) records no impact to date.

    Bad: 10/12/2025, P1, Green, Impact to date: (blank).

    Good: Impact to date: "Phonics tracker: 71% on track, against a milestone of 65%."
    """
    if review.date and review.date.start <= ctx.as_of and not review.impact:
        yield flag(
            f"The review of {review.ref or 'this item'} on {uk(review.date.start)} records no impact to date.",
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

    Bad: RAG Red; Adjustments made: (blank).

    Good: RAG Red; Adjustments made: "Added a daily keep-up group for 8 pupils from January (P1.1.5)."
    """
    if review.rag in ("Amber", "Red") and (not review.adjustments or _NOTHING.match(review.adjustments)):
        yield flag(
            f"The review of {review.ref or 'this item'} is rated {review.rag.lower()} but records no "
            "change to the plan.",
            "Say what was adjusted to get it back on track.",
        )
