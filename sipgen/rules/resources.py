"""RC: resource implications (guidance §34-35)."""

from __future__ import annotations

import re

from ..values import money
from .registry import Hit, flag, rule
from .text.quantities import bland_resource, has_quantity, names_funding_only, says_no_cost, without_labels


@rule("RC401", "no resource implication", "warning", "guidance §34", each="actions", field="cost")
def no_resources(action, ctx):
    """An action gives no cost and no resources, not even "No cost".

    Where an action costs nothing, the plan should say so clearly.

    Bad: Cost (£): (blank); Resources: (blank).

    Good: Cost (£): 0; Resources: No cost: within the weekly staff meeting (2 x 1 hour).
    """
    if action.cost is None and _says_nothing(action.resources) and "cost" not in action.unreadable:
        if _MONEY_IN_TEXT.search(action.action or "") or says_no_cost(action.action or ""):
            return  # "(£310 from the PE and sport premium)", "(no cost: the slot exists)": the action says
        yield flag(
            f"{action.ref or 'This action'} gives no cost and no resources.",
            "Give the cost in pounds and what it buys, or write 0 and 'No cost' if there is none.",
        )


@rule("RC402", "bland resource statement", "warning", "guidance §35", each="actions", field="resources")
def bland(action, ctx):
    """A resource statement is too bland to cost: "time", "travel costs", "TBC".

    Spell out the specific need, with quantities, so spending can be justified and tracked. Naming
    the budget or grant that pays ("Pupil premium", "Met from the staffing budget", "Within budget")
    says where the money comes from, not what it buys or how much. An amount in Cost quantifies the
    row. A resource that names what is needed ("Books", "Minibus") is quantified by a count of it in
    the action ("Buy 30 copies ..."), not by a count of the events it serves ("4 college visits");
    a bland one ("Supply cover", "Release time") needs its own figures or a cost, whatever the
    action says.

    Bad: Resources: "Staff time"; "Travel costs"; "TBC"; "Pupil premium".

    Good: Resources: "3 x 1-hour staff meetings"; "Pupil premium: £3,200 for 2 TA afternoons a week";
    "2 supply days at £190".
    """
    if _says_nothing(action.resources):
        return  # RC401's, when the cost is blank too
    if action.cost and not names_funding_only(action.resources):
        return  # "Supply cover" beside £600 in Cost: the row says how much
    if not bland_resource(action.resources, ctx.extra_bland_words):
        if _unquantified_row(action):
            yield flag(
                f"'{action.resources}' says what is needed but not how much, and the row gives no cost.",
                "Give the cost in pounds, or the quantities behind it, e.g. '30 copies at £7' or '2 supply days'.",
            )
        return
    if names_funding_only(action.resources):
        message = f"'{action.resources}' says where the money comes from, not what is needed or how much of it."
    else:
        message = f"'{action.resources}' does not say what is needed or how much of it."
    yield flag(
        message,
        "Name the quantities behind the cost, e.g. '2 supply days at £190' or '3 x 1-hour staff meetings'.",
    )


@rule("RC403", "costs exceed the budget", "warning", "guidance §34")
def over_budget(plan, ctx):
    """The plan's costs add up to more than the budget allocated to it in Settings.

    Bad: Budget allocated (£): 12,000; the actions' costs add up to £13,450.

    Good: the costs add up to £11,600 of the £12,000, leaving a contingency of £400.
    """
    budget = plan.settings.budget
    if budget is None:
        return
    total = sum(a.cost or 0 for a in plan.actions)
    if total > budget:
        yield Hit(
            plan.settings,
            "budget",
            f"The actions' costs add up to {money(total)}, {money(total - budget)} more than the "
            f"{money(budget)} allocated.",
            "Find the money, trim or re-time actions, or correct the allocation on the Settings sheet.",
            ref="",
        )


def _says_nothing(text: str) -> bool:
    """True for a Resources cell that is blank or only a dash or "n/a": it says nothing."""
    return not text or bool(
        re.fullmatch(r"\s*(?:[-–—.?]+|n/?a|tbc)?\s*", text, re.I) and not re.search(r"tbc", text, re.I)
    )


_MONEY_IN_TEXT = re.compile(r"£\s?\d")
# What a figure in the action may count that is itself the resource: "Buy 30 copies", "2 supply days",
# "6 twilight sessions". A count of events the resource serves ("4 college visits" beside "Minibus")
# leaves the resource itself unquantified.
_RESOURCE_COUNT = re.compile(
    # Not a deadline or a frequency: "within 2 school days", "every 6 weeks".
    r"(?<!within\s)(?<!after\s)(?<!every\s)(?<!each\s)(?<!in\s)\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|half)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:copies|copy|books?|sets?|licen[cs]es?|subscriptions?|(?<!open\s)(?<!taster\s)(?<!sports\s)days?|"
    r"half[- ]days?|hours?|hrs?|sessions?|twilights?|"
    r"places?|kits?|packs?|staff|tutors?|tas?|hltas?|supply|cover|weeks?|terms?|mins?|minutes|laptops?|"
    r"ipads?|tablets?|devices?|units?|boxes|resources|workbooks?|readers?|titles?)\b",
    re.I,
)


def _unquantified_row(action) -> bool:
    """True when nothing on the row says how much: no amount in Cost (nor "No cost"), no figure in
    the resources, and none in the action that counts the resource itself (year groups and dates
    are not quantities)."""
    if action.cost is not None or "cost" in action.unreadable or says_no_cost(action.resources):
        return False
    if has_quantity(without_labels(action.resources)):
        return False
    return not _RESOURCE_COUNT.search(without_labels(action.action))
