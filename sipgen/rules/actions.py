"""AC: actions (guidance §27-30)."""

from __future__ import annotations

import re

from ..dates import uk
from ..model import UNDECIDED
from ..references import ref_order
from ..schema import DONE, DROPPED
from .registry import Hit, flag, rule
from .text.deeds import aim_not_deed
from .text.owners import acting_initials, names_owner, not_appointed, trailing_initials
from .text.timings import names_timing


@rule("AC201", "vague verb", "warning", "guidance §27", each="actions", field="action")
def vague_action(action, ctx):
    """An action is built on a vague generic verb that names an aspiration, not a deed.

    Verbs such as "ensure", "improve" or "develop" (also "improving", "continue to embed"),
    "maintain" or "build" with an abstract object ("a culture of ..."), and verbless phrases such
    as "Greater consistency in feedback" or a state hoped for in people ("All staff to be aware of
    ...") leave the reader asking how it will be done and how you
    will know it made a difference. A capitalised programme name ("Boost Reading packs") is not
    a vague verb, and a phrase that names a deed, a product, a figure, an owner or a time is let off.

    Bad: "Ensure all staff use the new marking policy."

    Good: "Train all staff to use the new marking policy in the 4 September INSET session."
    """
    if not action.action:
        return
    known = ctx.knows if ctx.plan.staff else None
    found = aim_not_deed(action.action, ctx.extra_vague_verbs, known, ctx.year_start)
    if found is None:
        return
    kind, words = found
    where = f"{action.ref or 'This action'}"
    if kind == "verb":
        message = f"{where} starts with '{_as_typed(words, action.action)}', which names an aim, not what will be done."
    else:
        message = f"{where} names an aim ('{_as_typed(words, action.action)} ...'), not what will be done."
    yield flag(
        message,
        "Say what someone will actually do to get there: train, audit, observe, timetable, buy, publish ...",
    )


def _as_typed(words: str, text: str) -> str:
    """``words`` (found in lower case) as the user typed them in ``text``: 'Quality CPD', not 'quality cpd'."""
    pattern = r"[^a-z0-9]+".join(re.escape(w) for w in words.split())
    match = re.search(pattern, text, re.I)
    return match.group(0) if match else words


# Timings that never fall due: "Ongoing", "As required", "ASAP". A recurring timing ("Termly") is a timescale.
_OPEN_ENDED = re.compile(
    r"(?:on-?\s?going|as\s+(?:and\s+when\s+)?(?:required|needed|necessary)|when\s+(?:required|needed|necessary)|"
    r"as\s+and\s+when|continuous(?:ly)?|continual(?:ly)?|rolling|asap|a\.s\.a\.p|as\s+soon\s+as\s+possible|immediately|"
    r"urgent(?:ly)?|when\s+possible)\.?",
    re.I,
)


@rule("AC202", "action without a date", "warning", "guidance §28-29; SIP article", each="actions", field="due")
def undated_action(action, ctx):
    """An action has no date or timescale.

    A recurring timing such as "Termly" counts as a timescale; "Ongoing", "As required", "ASAP" and a
    placeholder such as "TBC" do not: nothing falls due to check it against. A timing written in
    the action itself counts ("... by Easter",
    "fortnightly", "on the first INSET day", "Jan-April 2026", or opening it: "w/c 8 Sept: ...").

    Bad: P2.1.3 "Observe arithmetic lessons" with Start and Due blank, or Due "TBC".

    Good: Start: Aut2; Due: 12/12/2025.
    """
    if action.unreadable & {"start", "due"}:
        return
    given = [(name, when) for name, when in (("due", action.due), ("start", action.start)) if when is not None]
    if any(when.kind != UNDECIDED and not _OPEN_ENDED.fullmatch(when.label.strip()) for _, when in given):
        return
    if action.action and names_timing(action.action, ctx.year_start):
        return  # the text says when; the columns would be better, but a finding here reads as wrong
    if not given:
        yield flag(
            f"{action.ref or 'This action'} has no date.",
            "Give a start and a due date, or a half-term such as Spr1.",
        )
    else:
        name, when = given[0]
        yield flag(
            f"{action.ref or 'This action'} has no date yet: its {name} says '{when.label}'.",
            "Give a date or a half-term such as Spr1, even a provisional one, so progress can be checked.",
            field=name,
        )


@rule("AC203", "actions out of order", "warning", "guidance §28")
def out_of_order(plan, ctx):
    """The actions of one sequence are not in chronological order, or one is due before it starts.

    A sequence is an objective's actions, or the actions a priority holds itself in a plan
    without objectives.

    Bad: P1.1.2 starts in Spr1 but P1.1.3, the next step, starts in Aut2.

    Good: P1.1.1 Aut1, P1.1.2 Aut2, P1.1.3 Spr1.

    Timings ("Termly") and "TBC" have no days, so they are left out of the comparison.
    """
    for sequence in plan.sequences:  # each objective's actions, and the actions a priority holds itself
        actions = sorted(sequence.actions, key=lambda a: (ref_order(a.ref), a.row))
        previous = None
        for action in actions:
            start, due = (d if d is not None and d.dated else None for d in (action.start, action.due))
            if start and due and due.end < start.start:
                yield Hit(
                    action,
                    "due",
                    f"{action.ref} is due ({due}) before it starts ({start}).",
                    "Check the two dates; the due date should be on or after the start.",
                )
            when = start or due
            if when is None:
                continue
            if previous is not None and when.start < previous[1].start:
                yield Hit(
                    action,
                    "start" if start else "due",
                    f"{action.ref} ({when}) comes before {previous[0].ref} ({previous[1]}), the step before it.",
                    "Put each sequence of actions in the order they happen, renumbering if needed.",
                )
            previous = (action, when)


@rule("AC204", "action outside the plan's year", "warning", "guidance §28", each="actions", field="due")
def outside_year(action, ctx):
    """An action is dated outside the plan's academic year.

    Bad: in a 2025-26 plan, P3.2.1 is due on 14/10/2027.

    Good: P3.2.1 is due on 14/10/2025.
    """
    start, end = ctx.year_start, ctx.year_end
    if start is None:
        return
    for name in ("start", "due"):
        when = getattr(action, name)
        if when and when.dated and (when.end < start or when.start > end):
            yield flag(
                f"{action.ref or 'This action'} is dated {when}, outside the plan's year ({uk(start)} to {uk(end)}).",
                "Check the year; move work for later years to the strategy or next year's plan.",
                field=name,
            )
            return


@rule("AC205", "action without an owner", "warning", "guidance §30", each="actions", field="owners")
def ownerless(action, ctx):
    """An action has no one responsible for making it happen.

    An owner written in the action itself counts: initials from the Staff sheet or a role, as
    the one who acts ("DH to run ...", "led by the SENCo and HT", "(maths lead)"), also after an
    opening timing ("By Christmas, class teachers set up ...", "Spring term: maths lead to ...").

    Bad: P2.2.1 Owner(s): (blank), Action: "Buy new phonics books".

    Good: P2.2.1 Owner(s): JB.
    """
    if action.owners and not all(not_appointed(owner) for owner in action.owners):
        return
    known = ctx.knows if ctx.plan.staff else None
    if action.action and names_owner(action.action, known):
        return  # the text names who; the Owner(s) column would be better, but a finding here reads as wrong
    if acting_initials(action.action) or trailing_initials(action.action):
        return  # "JB to run ...", "... twilight - KP": someone is named; RS301 says when the key does not list them
    if "owners" in action.pending or action.owners:
        yield flag(
            f"{action.ref or 'This action'} has no owner yet: its Owner(s) says it is to be confirmed.",
            "Name the person who will make it happen, even provisionally (initials on the Staff sheet).",
        )
        return
    yield flag(
        f"{action.ref or 'This action'} has no owner.",
        "Give the initials of the person who will make it happen (listed on the Staff sheet).",
    )


# A review that says an action is finished: "P1.1.2 done", "training completed" ...
_DONE = re.compile(r"\b(?:done|complete|completed|finished|achieved|delivered|took place|in place)\b", re.I)
_NOT_DONE = re.compile(r"\b(?:not|n't|yet to be|still to be|partly|partially)\s+(?:yet\s+|fully\s+|been\s+)*$", re.I)


def _said_done(review, action) -> bool:
    """True when the review is of this action (or names it) and says it is done."""
    text = " ".join((review.impact, review.evidence, review.adjustments))
    if review.ref != action.ref and action.ref not in text:
        return False
    return any(not _NOT_DONE.search(text[: m.start()]) for m in _DONE.finditer(text))


@rule("AC206", "action overdue", "warning", "guidance §28-29", each="actions", field="due")
def overdue(action, ctx):
    """An action is overdue on the check date: its due date has passed and it is not marked done.

    While the plan's year is running, an action whose due date has passed should have the
    Status Done (or Dropped), or a review that records it done, or a new due date. After
    the year ends, the final review says what happened, so old plans are not flagged.

    Bad: on 20/03/2026, P1.1.2 was due 12/12/2025 and no review mentions it.

    Good: P1.1.2 Status: Done; or the December review says "P1.1.2 completed: all 9 adults trained."
    """
    due = action.due
    if due is None or not due.dated or ctx.year_start is None or action.status in (DONE, DROPPED):
        return
    if not (due.end < ctx.as_of <= ctx.year_end):
        return
    if any(
        _said_done(r, action)
        for r in ctx.plan.reviews
        if r.date is None or not r.date.dated or r.date.start >= due.start
    ):
        return
    yield flag(
        f"{action.ref or 'This action'} was due {due} and is not marked done.",
        f"Set its Status to Done, or record in a review that it is done (e.g. '{action.ref or 'the action'} "
        "completed'), or give it a new due date.",
    )
