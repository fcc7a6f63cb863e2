"""What goes in the document, in what order, with what links: the view the template renders.

Everything decided about the document is decided here, from the plan; the template only
lays it out. Values are plain strings (escaped by Jinja) or :class:`markupsafe.Markup`
fragments made by :mod:`sipgen.document.rich` (text with links and bookmarks).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from markupsafe import Markup

from ..dates import uk
from ..findings import Finding
from ..model import Plan, PlanDate
from ..rules.responsibilities import initials_used
from ..terms import word
from .rich import Anchors, flat, link, plain, run

RAG_FILLS = {"Red": "F4B6B6", "Amber": "FFE199", "Green": "B7E1B0"}
NO_FILL = "FFFFFF"
INTRO_PARTS = (
    ("overview", ""),
    ("format_reason", "Why this format"),
    ("how_compiled", "How the plan was compiled"),
    ("distinctive_features", "Distinctive features"),
    ("related_plans", "Links to other plans and quality assurance"),
    ("weaknesses_tackled", "The weaknesses this plan tackles"),
)
SECTIONS = {
    "introduction": "Introduction",
    "context": "Context",
    "glance": "Priorities at a glance",
    "who": "Who does what",
    "budget": "Budget",
    "key": "Key to initials",
    "kpis": "Key performance indicators",
    "reviews": "Appendix: review log",
    "findings": "Appendix: open check findings",
}
PROCESS_ORDER = {"Monitoring": 0, "Evaluation": 1, "Review": 2}


def money(value: float | None) -> str:
    if value is None:
        return ""
    return f"£{value:,.0f}" if float(value).is_integer() else f"£{value:,.2f}"


def when(day: PlanDate | None) -> str:
    if day is None:
        return ""
    return day.label or uk(day.start)


def timescale(start: PlanDate | None, due: PlanDate | None) -> str:
    if start and due and (start.label or due.label or start != due):
        return f"{when(start)} to {when(due)}"
    return when(due or start)


def build_view(plan: Plan, findings: list[Finding] | None = None) -> dict:
    """The template's context for ``plan``; ``findings`` adds the open-findings appendix."""
    settings = plan.settings
    say = lambda text: word(text, plan.plan_type)  # noqa: E731
    key_people = _key(plan)
    anchors = Anchors([r for r in plan.by_ref], [initials for initials, _ in key_people])
    h = {name: anchors.heading(f"sec_{name}", label) for name, label in SECTIONS.items()}

    objectives_of = {p.ref: p.objectives for p in plan.priorities}
    priority_of: dict[str, str] = {}
    for priority in plan.priorities:
        priority_of[priority.ref] = priority.ref
        for objective in priority.objectives:
            priority_of[objective.ref] = priority.ref
            for action in objective.actions:
                priority_of[action.ref] = priority.ref
    criteria_of: dict[str, list] = defaultdict(list)
    for criterion in plan.criteria:
        criteria_of[priority_of.get(criterion.parent, "")].append(criterion)
    checks_of: dict[str, list] = defaultdict(list)
    for check in plan.checks:
        checks_of[check.priority].append(check)
    reviews_sorted = sorted(plan.reviews, key=lambda r: (r.date.start if r.date else dt.date.max, r.row))
    latest: dict[str, object] = {}
    for review in reviews_sorted:
        if review.date and review.ref in priority_of and review.ref == priority_of[review.ref]:
            latest[review.ref] = review
    served_by: dict[str, list[str]] = defaultdict(list)
    for action in plan.actions:
        for ref in action.also_serves:
            target = priority_of.get(ref)
            if target and target != priority_of.get(action.ref):
                served_by[target].append(action.ref)

    priorities = []
    glance = []
    budget = []
    total = 0.0
    for priority in plan.priorities:
        cost = sum(a.cost or 0 for o in priority.objectives for a in o.actions)
        total += cost
        review = latest.get(priority.ref)
        rag = review.rag if review else ""
        glance.append({
            "ref": anchors.ref(priority.ref), "title": anchors.text(priority.title),
            "lead": anchors.initials(priority.lead), "link_governor": anchors.initials(priority.link_governor),
            "rag": rag or "Not yet reviewed", "rag_fill": RAG_FILLS.get(rag, NO_FILL), "cost": money(cost),
        })
        budget.append({"ref": anchors.ref(priority.ref, bold=True), "title": anchors.text(priority.title, bold=True),
                       "cost": anchors.text(money(cost), bold=True)})
        summary = [("Source: ", priority.source or "not stated")]
        if priority.aim:
            summary.append(("Strategic aim: ", priority.aim))
        objectives = []
        for objective in objectives_of.get(priority.ref, []):
            objective_cost = sum(a.cost or 0 for a in objective.actions)
            budget.append({"ref": anchors.ref(objective.ref), "title": anchors.text(objective.title), "cost": anchors.text(money(objective_cost))})
            parts = []
            if objective.cause:
                parts.append(("Cause it tackles: ", objective.cause))
            objectives.append({
                "heading": anchors.target(objective.ref, f"{objective.ref}  {objective.title}"),
                "summary": _labelled(anchors, parts + [("Lead: ", objective.lead)]),
                "actions": [{
                    "ref": anchors.target(action.ref, action.ref, bold=True),
                    "action": anchors.text(action.action),
                    "owners": anchors.initials(action.owners),
                    "when": timescale(action.start, action.due),
                    "resources": anchors.text(action.resources),
                    "cost": money(action.cost),
                    "also": anchors.refs_list(action.also_serves),
                } for action in objective.actions],
            })
        checks = sorted(checks_of.get(priority.ref, []), key=lambda c: (PROCESS_ORDER.get(c.process, 3), c.row))
        priorities.append({
            "ref": priority.ref,
            "heading": anchors.target(priority.ref, f"{priority.ref}  {priority.title}", bold=False),
            "summary": _labelled(anchors, summary + [("Lead: ", priority.lead),
                                                     (say("{Link_governor_or_committee}: "), priority.link_governor)]),
            "preface": anchors.text(priority.preface) if priority.preface else "",
            "now": anchors.text(priority.now), "goal": anchors.text(priority.goal),
            "objectives": objectives,
            "served_by": anchors.refs_list(sorted(set(served_by.get(priority.ref, [])))) if served_by.get(priority.ref) else "",
            "criteria": [{
                "ref": plain(c.ref), "parent": anchors.ref(c.parent), "criterion": anchors.text(c.criterion),
                "kind": plain(c.kind), "baseline": plain(c.baseline), "autumn": plain(c.milestone_autumn),
                "spring": plain(c.milestone_spring), "summer": plain(c.milestone_summer), "target": plain(c.target),
            } for c in criteria_of.get(priority.ref, [])],
            "checks": [{
                "process": plain(c.process), "how": anchors.text(c.how), "when": plain(c.when),
                "who": anchors.initials(c.who), "evidence": anchors.text(c.evidence),
            } for c in checks],
            "latest": _review(anchors, review) if review else None,
        })

    contents = [{"link": _toc(f"sec_{h_name}", SECTIONS[h_name]), "style": "TOC1"} for h_name in ("introduction", "context", "glance")]
    contents += [{"link": _toc(anchors.refs[p.ref], f"{p.ref}  {p.title}") if p.ref in anchors.refs else _toc("", p.title), "style": "TOC1"}
                 for p in plan.priorities]
    contents += [{"link": _toc(f"sec_{name}", SECTIONS[name]), "style": "TOC1"} for name in ("who", "budget", "key", "reviews")]

    intro = [{"heading": label, "text": anchors.text(getattr(plan.introduction, name))}
             for name, label in INTRO_PARTS if getattr(plan.introduction, name)]
    context = []
    by_area: dict[str, list] = defaultdict(list)
    for item in plan.context:
        by_area[item.area or "Other information"].append(item)
    for area, items in by_area.items():
        context.append({"name": say(area.replace("Pupil", "{Learner}")), "rows": [
            {"measure": plain(i.measure), "value": plain(i.value), "notes": anchors.text(i.notes)} for i in items]})

    approved = settings.approved_on
    approval = ""
    if approved:
        approval = say(f"Approved by the {{board}} on {uk(approved.start)}")
        if settings.approval_minute:
            approval += f" (minute {flat(settings.approval_minute)})"
    view = {
        "org": flat(settings.organisation), "title": flat(settings.title), "year": flat(settings.academic_year),
        "year_label": f"Academic year {flat(settings.academic_year)}" if settings.academic_year else "",
        "version_label": f"Version: {flat(settings.version)}" if settings.version else "",
        "subject": f"{say('{Organisation}')} improvement plan {flat(settings.academic_year)}".strip(),
        "draft": approved is None, "draft_label": say("not yet approved by the {board}"),
        "approval_label": approval,
        "prepared_label": _prepared(plan, anchors, key_people),
        "organisation_word": say("{organisation}"),
        "link_governor_header": say("{Link_governor_or_committee}"),
        "h": h, "contents": contents, "intro": intro, "context": context,
        "aims": [{"ref": anchors.text(a.ref, bold=True), "aim": plain(a.aim), "horizon": plain(a.horizon)} for a in plan.aims],
        "glance": glance, "glance_intro": say(f"The plan has {len(plan.priorities)} key priorities. Each reference links to its part of the plan."),
        "total_cost": money(total),
        "priorities": priorities,
        "who": _who(plan, anchors, key_people),
        "who_intro": say("What each person and group leads, carries out, monitors, evaluates and reviews. Each reference links to that part of the plan."),
        "budget": budget, "budget_intro": "The cost of each priority and objective: the sum of the costs of its actions.",
        "key": [{"initials": _person_target(anchors, initials),
                 "name": plain(person.name) if person else "(not on the Staff sheet)",
                 "role": plain(person.role) if person else "", "organisation": plain(person.organisation) if person else ""}
                for initials, person in key_people],
        "kpis": [{"kpi": plain(k.kpi), "ref": anchors.ref(k.ref) if k.ref else "", "baseline": plain(k.baseline), "autumn": plain(k.autumn),
                  "spring": plain(k.spring), "summer": plain(k.summer), "target": plain(k.target),
                  "notes": anchors.text(k.notes)} for k in plan.kpis],
        "reviews": [_review(anchors, r) for r in reviews_sorted],
        "reviews_intro": "Every review recorded in the plan, by date: what it found about impact, and what was changed as a result.",
        "findings": [{"severity": f.severity.value, "code": f.code, "where": f.where, "ref": anchors.ref(f.ref) if f.ref else "",
                      "message": plain(f.message), "hint": plain(f.hint)} for f in (findings or [])],
        "findings_intro": "What `sipgen check` found that is still open, for discussion while the plan is in draft.",
    }
    return view


def _toc(anchor: str, label: str):

    return Markup(link(label, anchor) if anchor else run(label))


def _labelled(anchors: Anchors, parts) -> object:

    pieces = []
    for label, value in parts:
        if not value:
            continue
        # str() on both: adding a str to Markup would escape the XML of the label.
        piece = run(label, bold=True) if label else ""
        pieces.append(str(piece) + str(anchors.initials(value) if isinstance(value, tuple) else anchors.text(value)))
    return Markup(run("   ·   ").join(pieces))


def _review(anchors: Anchors, review) -> dict:
    return {
        "date": uk(review.date.start) if review.date else "",
        "ref": anchors.ref(review.ref), "reviewer": anchors.initials(review.reviewer),
        "rag": review.rag or "", "rag_fill": RAG_FILLS.get(review.rag, NO_FILL),
        "impact": anchors.text(review.impact), "evidence": anchors.text(review.evidence),
        "adjustments": anchors.text(review.adjustments),
    }


def _key(plan: Plan):
    """(initials, Person or None) for everyone the plan names, in Staff-sheet order, then the rest."""
    used: dict[str, str] = {}
    for _, _, initials in initials_used(plan):
        used.setdefault(initials.casefold(), initials)
    people = {p.initials.casefold(): p for p in plan.staff if p.initials}
    ordered = [(p.initials, p) for p in plan.staff if p.initials and p.initials.casefold() in used and people[p.initials.casefold()] is p]
    ordered += [(initials, None) for key, initials in used.items() if key not in people]
    return ordered


def _person_target(anchors: Anchors, initials: str):

    name = anchors.people.get(initials.casefold())
    return Markup(anchors.bookmark(name, run(initials, bold=True)) if name else run(initials, bold=True))


def _who(plan: Plan, anchors: Anchors, key_people) -> list[dict]:
    roles: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))

    def add(initials, column, ref):
        if ref and ref not in roles[initials.casefold()][column]:
            roles[initials.casefold()][column].append(ref)

    for record in (*plan.priorities, *plan.objectives):
        for initials in record.lead:
            add(initials, "leads", record.ref)
    for action in plan.actions:
        for initials in action.owners:
            add(initials, "owns", action.ref)
    column = {"Monitoring": "monitors", "Evaluation": "evaluates", "Review": "reviews"}
    for check in plan.checks:
        for initials in check.who:
            add(initials, column.get(check.process, "monitors"), check.priority)
    for review in plan.reviews:
        for initials in review.reviewer:
            add(initials, "reviews", review.ref)
    for priority in plan.priorities:
        for initials in priority.link_governor:
            add(initials, "evaluates", priority.ref)

    rows = []
    for initials, person in key_people:
        mine = roles.get(initials.casefold(), {})
        label = f"{initials} ({person.name})" if person and person.name else initials
        anchor = anchors.people.get(initials.casefold())
        rows.append({"who": Markup(link(label, anchor) if anchor else run(label)),
                     **{c: anchors.refs_list(mine.get(c, [])) for c in ("leads", "owns", "monitors", "evaluates", "reviews")}})
    return rows


def _prepared(plan: Plan, anchors: Anchors, key_people) -> str:
    """'Overall lead: Alex Head, Headteacher'."""
    people = dict(key_people)
    names = []
    for initials in plan.settings.overall_lead:
        person = people.get(initials)
        names.append(", ".join(x for x in (person.name, person.role) if x) if person else initials)
    return f"Overall lead: {'; '.join(flat(n) for n in names)}" if names else ""
