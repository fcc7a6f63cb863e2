"""XR: cross-references (guidance §11, §14)."""

from __future__ import annotations

from ..references import find_refs, text_fields
from .registry import Hit, flag, rule


@rule("XR801", "reference to nothing", "warning", "guidance §14")
def dangling(plan, ctx):
    """Text refers to a plan reference that does not exist, e.g. "see P2.4".

    Such a reference cannot become a link in the document and sends readers nowhere.

    Bad: P3's preface says "building on P2.4", but there is no P2.4.

    Good: "building on P2.1", which exists.
    """
    known = plan.by_ref
    for record, field_name, text in text_fields(plan):
        missing = sorted({m.group(0) for m in find_refs(text) if m.group(0) not in known})
        if missing:
            yield Hit(
                record,
                field_name,
                f"The text mentions {', '.join(missing)}, which {'is' if len(missing) == 1 else 'are'} not in "
                "the plan.",
                "Correct the reference, or add the missing priority, objective or action.",
            )
    aims = {a.ref for a in plan.aims}
    for priority in plan.priorities:
        if priority.aim and priority.aim not in aims:
            yield Hit(
                priority,
                "aim",
                f"{priority.ref} serves strategy aim {priority.aim}, which is not on the Strategy sheet.",
                "Correct the aim's reference (e.g. S1), or add the aim to the Strategy sheet.",
            )
    for record in (*plan.reviews, *plan.kpis):
        if record.ref and record.ref not in known:
            yield Hit(
                record,
                "ref",
                f"{record.ref} is not a priority, objective or action in the plan.",
                "Correct the reference so the row points at part of the plan.",
            )


@rule("XR802", "serves something missing", "warning", "guidance §11, §14", each="actions", field="also_serves")
def serves_missing(action, ctx):
    """An action says it also serves a priority or objective that does not exist.

    Bad: P1.2.3 Also serves: P7 (the plan has P1-P4).

    Good: P1.2.3 Also serves: P3.1.
    """
    known = ctx.plan.by_ref
    missing = [ref for ref in action.also_serves if ref not in known]
    if missing:
        yield flag(
            f"{action.ref or 'This action'} also serves {', '.join(missing)}, which "
            f"{'is' if len(missing) == 1 else 'are'} not in the plan.",
            "Correct the reference or remove it.",
        )
