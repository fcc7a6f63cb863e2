"""XR: cross-references (guidance §11, §14)."""

from __future__ import annotations

from ..progress import figure_differences, linked_criterion
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
        # A bare "P8" in a plan without a P8 is Progress 8, the secondary measure, not a broken reference.
        missing = sorted({m.group(0) for m in find_refs(text) if m.group(0) not in known and m.group(0) != "P8"})
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
    for kpi in plan.kpis:
        if kpi.criterion and linked_criterion(plan, kpi) is None:
            yield Hit(
                kpi,
                "criterion",
                f"The KPI '{kpi.kpi}' reports {kpi.criterion}, which is not on the Success criteria sheet.",
                "Correct the criterion's reference (e.g. SC19), or clear it to give the KPI figures of its own.",
            )


FIGURE_NAMES = {
    "baseline": "baseline",
    "milestone_autumn": "autumn milestone",
    "actual_autumn": "autumn actual",
    "milestone_spring": "spring milestone",
    "actual_spring": "spring actual",
    "milestone_summer": "summer milestone",
    "actual_summer": "summer actual",
    "target": "target",
}


@rule("XR803", "one measure, two figures", "warning", "guidance §14, §39", each="kpis", field="criterion")
def kpi_differs(kpi, ctx):
    """A KPI and the success criterion it reports give different figures for the same measure.

    A KPI that names a criterion shows that criterion's baseline, milestones, actuals and target,
    typed once on the Success criteria sheet. Figures typed on the KPI row as well must agree, or
    the board reads two figures for one measure.

    Bad: KPIs: Year 6 writing, Success criterion SC19, Spring actual 60%; SC19's Spring actual is 63%.

    Good: the KPI's figure cells are left blank, so it shows SC19's 63%.
    """
    criterion = linked_criterion(ctx.plan, kpi)
    if criterion is None:
        return
    differences = figure_differences(kpi, criterion)
    if not differences:
        return
    said = "; ".join(
        f"{FIGURE_NAMES[name]} {own} here, {theirs or 'blank'} for {criterion.ref}"
        for name, own, theirs in differences[:3]
    )
    more = f" and {len(differences) - 3} more" if len(differences) > 3 else ""
    yield flag(
        f"The KPI '{kpi.kpi}' reports {criterion.ref} but gives different figures: {said}{more}.",
        f"Clear the KPI's own figures so it shows {criterion.ref}'s, or correct whichever is wrong.",
        field=differences[0][0],
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
