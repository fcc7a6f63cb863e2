"""Which row belongs to which: references checked (WB005, WB006) and rows linked to parents.

An action belongs to an objective, or straight to a priority when the plan has no
objective level (guidance §26: only some plans use objectives). Children are kept in
reference order (P1.1.2 after P1.1.1, P10 after P2), whatever order the rows were typed in.
"""

from __future__ import annotations

from . import model
from .findings import Finding
from .references import ref_order
from .rules import finding


def check_references(plan: model.Plan, parents_checked: bool = True) -> list[Finding]:
    """WB005 for references used twice; WB006 for rows whose parent does not exist.

    ``parents_checked`` is False when a sheet is missing: then every parent would be
    "missing", and WB002 has already said why.
    """
    found = _duplicates(plan) + _duplicate_people(plan)
    if parents_checked:
        found += _missing_parents(plan)
    return found


def _duplicates(plan: model.Plan) -> list[Finding]:
    found = []
    # One namespace for priorities, objectives and actions: each reference is one bookmark.
    seen: dict[str, tuple[model.Record, str]] = {}
    for records, label in ((plan.priorities, "priority"), (plan.objectives, "objective"), (plan.actions, "action")):
        for record in records:
            if record.ref:
                found += _once(record, label, seen)
    for records, label in ((plan.criteria, "success criterion"), (plan.aims, "aim")):
        seen = {}
        for record in records:
            if record.ref:
                found += _once(record, label, seen)
    return found


def _once(record, label: str, seen: dict) -> list[Finding]:
    ref = record.ref
    if ref not in seen:
        seen[ref] = (record, label)
        return []
    other, other_label = seen[ref]
    also = f"the {other_label} at {other.where('ref')}" if other_label != label else f"the one at {other.where('ref')}"
    return [
        finding(
            "WB005",
            f"The reference {ref} is used twice: this {label} and {also}.",
            "Give each row its own reference, e.g. renumber this one.",
            sheet=record.sheet,
            cell=record.cell("ref"),
            ref=ref,
        )
    ]


def _duplicate_people(plan: model.Plan) -> list[Finding]:
    found = []
    seen: dict[str, model.Person] = {}
    for person in plan.staff:
        key = person.initials.upper()
        if key and key in seen:
            found.append(
                finding(
                    "WB005",
                    f"The initials {person.initials} are listed twice on the Staff sheet (also at "
                    f"{seen[key].where('initials')}).",
                    "Give each person different initials, e.g. add a middle initial.",
                    sheet=person.sheet,
                    cell=person.cell("initials"),
                )
            )
        elif key:
            seen[key] = person
    return found


def _missing_parents(plan: model.Plan) -> list[Finding]:
    priorities = {p.ref for p in plan.priorities}
    objectives = {o.ref for o in plan.objectives}
    parents = (
        (plan.objectives, "priority", priorities, "priority", "the Priorities sheet"),
        (
            plan.actions,
            "objective",
            objectives | priorities,
            "objective or priority",
            "the Objectives or Priorities sheet",
        ),
        (
            plan.criteria,
            "parent",
            priorities | objectives,
            "priority or objective",
            "the Priorities or Objectives sheet",
        ),
        (plan.checks, "priority", priorities, "priority", "the Priorities sheet"),
    )
    found = []
    for records, attr, existing, label, where in parents:
        for record in records:
            parent = getattr(record, attr)
            if parent and parent not in existing:
                found.append(
                    finding(
                        "WB006",
                        f"This row belongs to {label} {parent}, but the plan has no {label} {parent}.",
                        f"Correct the reference, or add {parent} to {where}.",
                        sheet=record.sheet,
                        cell=record.cell(attr),
                        ref=getattr(record, "ref", "") or parent,
                    )
                )
    return found


def link(plan: model.Plan) -> None:
    """Give each priority its objectives and direct actions, and each objective its actions."""
    priorities: dict[str, model.Priority] = {}
    for priority in plan.priorities:
        priorities.setdefault(priority.ref, priority)
    objectives: dict[str, model.Objective] = {}
    for objective in plan.objectives:
        objectives.setdefault(objective.ref, objective)
        if objective.priority in priorities:
            priorities[objective.priority].objectives.append(objective)
    for action in plan.actions:
        if action.objective in objectives:
            objectives[action.objective].actions.append(action)
        elif action.objective in priorities:
            priorities[action.objective].actions.append(action)
    for priority in plan.priorities:
        priority.objectives.sort(key=lambda r: (ref_order(r.ref), r.row))
        priority.actions.sort(key=lambda r: (ref_order(r.ref), r.row))
    for objective in plan.objectives:
        objective.actions.sort(key=lambda r: (ref_order(r.ref), r.row))
