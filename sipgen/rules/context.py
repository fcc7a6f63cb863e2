"""CX: context and framing (guidance §13; SIP article)."""

from __future__ import annotations

from ..schema import CONTEXT_AREAS as AREAS
from .registry import Hit, listed, rule

_AREA_TEXT = {"Budget and staffing": "budget and staffing information"}


@rule("CX901", "context incomplete", "info", "SIP article")
def context_incomplete(plan, ctx):
    """The Context sheet lacks pupil (or trainee), performance, or budget and staffing information.

    Bad: the Context sheet has numbers on roll but nothing on results, budget or staffing.

    Good: at least one row in each of the three areas.
    """
    from ..terms import SCHOOL, word

    present = {item.area for item in plan.context}
    missing = [_AREA_TEXT.get(area, ctx.say(area).lower()) for area in AREAS if word(area, SCHOOL) not in present]
    if missing:
        yield Hit(
            None,
            None,
            f"The context has no {listed(missing, 'or')}.",
            "Add rows to the Context sheet for each area, e.g. numbers on roll, last results, in-year budget "
            "and staff turnover.",
            sheet="Context",
            cell="A1",
        )


@rule("CX902", "introduction incomplete", "warning", "guidance §13")
def introduction_incomplete(plan, ctx):
    """There is no introduction, or it does not say how the plan was compiled and which weaknesses it tackles.

    Bad: Introduction: an overview paragraph only.

    Good: Introduction: how the plan was compiled and who contributed, and the weaknesses from
    self-evaluation and inspection it tackles.
    """
    intro = plan.introduction
    missing = [
        label
        for label, value in (
            ("how the plan was compiled", intro.how_compiled),
            ("which weaknesses it tackles", intro.weaknesses_tackled),
        )
        if not value
    ]
    if missing:
        field_name = "how_compiled" if not intro.how_compiled else "weaknesses_tackled"
        yield Hit(
            intro,
            field_name,
            f"The introduction does not say {' or '.join(missing)}.",
            "Fill in these parts of the Introduction sheet: readers need to know how the plan was made and "
            "what it is for.",
            ref="",
            sheet="Introduction",
            cell="B4",
        )


@rule("CX903", "approval not recorded", "info", "SIP article")
def approval_missing(plan, ctx):
    """The plan records no approval by the governing board (or partnership board).

    Bad: Settings: Approved on (blank).

    Good: Settings: Approved on 14/10/2025, minute FGB 14/10/25 item 5.
    """
    if plan.settings.approved_on is None:
        yield Hit(
            plan.settings,
            "approved_on",
            ctx.say("The plan does not record its approval by the {board}."),
            ctx.say("Once the {board} approves it, fill in the date and minute reference on the Settings sheet."),
            ref="",
        )
