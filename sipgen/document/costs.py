"""How costs read in the document: one home for the words, so every table says them alike.

A cost of nothing reads "—" (the Resources column says why); a cost the school marked "TBC"
reads TBC and is left out of the totals, which say how many costs are still to come; a blank
stays blank (RC401 asks for it).
"""

from __future__ import annotations

from ..values import money

NO_COST = "—"
TBC = "TBC"


def cost_label(action) -> str:
    if "cost" in action.pending:
        return TBC
    if action.cost is None:
        return ""
    return NO_COST if action.cost == 0 else money(action.cost)


def planned(actions) -> float:
    return sum(a.cost or 0 for a in actions)


def uncosted(actions) -> int:
    """How many of ``actions`` have a cost marked TBC."""
    return sum(1 for a in actions if "cost" in a.pending)


def total_label(actions) -> str:
    """'£1,200', or '£1,200 + 2 costs TBC' when some are still to come."""
    waiting = uncosted(actions)
    more = f" + {waiting} cost{'s' if waiting != 1 else ''} {TBC}" if waiting else ""
    return money(planned(actions)) + more


def spend(actions) -> str:
    """Money spent against the planned cost, where the plan records spending."""
    recorded = [a.spent for a in actions if a.spent is not None]
    if not recorded:
        return f"{total_label(actions)} planned"
    excess = overspend(actions)
    over = f" ({money(excess)} over)" if excess > 0.005 else ""
    return f"{money(sum(recorded))} spent of {total_label(actions)}{over}"


def spent_label(actions) -> str:
    """What has been spent on ``actions``, or "" where the plan records no spending for them."""
    recorded = [a.spent for a in actions if a.spent is not None]
    return money(sum(recorded)) if recorded else ""


def overspend(actions) -> float:
    """How much more has been spent than planned (0 when not over, or while a cost is still TBC:
    the money may have gone on it)."""
    recorded = [a.spent for a in actions if a.spent is not None]
    if not recorded or uncosted(actions):
        return 0.0
    return max(0.0, sum(recorded) - planned(actions))


def difference_label(actions) -> str:
    """Planned against spent, in words: "£120 over", "£300 not yet spent", "on plan"; "" with no
    spending recorded, or while a cost is TBC (no sum can be made yet)."""
    if not spent_label(actions) or uncosted(actions):
        return ""
    over = overspend(actions)
    if over > 0.005:
        return f"{money(over)} over"
    left = planned(actions) - sum(a.spent for a in actions if a.spent is not None)
    return f"{money(left)} not yet spent" if left > 0.005 else "on plan"


def funding_label(actions) -> str:
    """The funding sources named on ``actions``, each once, in the order first named."""
    return "; ".join(dict.fromkeys(" ".join(a.funding.split()) for a in actions if a.funding.strip()))
