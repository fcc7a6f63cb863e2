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
    spent, budgeted = sum(recorded), planned(actions)
    # Over the plan only when every cost is known: a cost still TBC may be what the money went on.
    over = f" ({money(spent - budgeted)} over)" if spent - budgeted > 0.005 and not uncosted(actions) else ""
    return f"{money(spent)} spent of {total_label(actions)}{over}"
