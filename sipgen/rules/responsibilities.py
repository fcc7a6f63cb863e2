"""RS: responsibilities (guidance §30-33; SIP article)."""

from __future__ import annotations

import re
from collections import Counter

from ..progress import is_set
from ..schema import PROCESS_EVALUATION, PROCESS_MONITORING
from .registry import Hit, rule
from .text.owners import acting_initials, governors_evaluate, not_appointed, states_lead, trailing_initials

# Where initials are used, as (sheet key, field) pairs; Settings' overall lead is added below.
_USES = (
    ("priorities", "lead"),
    ("priorities", "link_governor"),
    ("objectives", "lead"),
    ("actions", "owners"),
    ("checks", "who"),
    ("reviews", "reviewer"),
)


def initials_used(plan):
    """Every use of initials in the plan: (record, field, initials), in sheet order."""
    for initials in plan.settings.overall_lead:
        yield plan.settings, "overall_lead", initials
    for key, field_name in _USES:
        for record in getattr(plan, key):
            for initials in getattr(record, field_name):
                yield record, field_name, initials


# A plain description of who ("Y6 class teachers", "all class teachers"): readable without the key,
# unlike initials or a role abbreviation ("KLM", "SLT", "SENCo").
_DESCRIPTION = re.compile(
    r"(?:[\w&'’-]+\s+)*(?:teachers?|staff|team|teams|tas|assistants?|mentors?|tutors?|leaders?|leads?|"
    r"co-?ordinators?|managers?|officers?|trainers?|consultants?|advisers?|advisors?|specialists?|providers?|coaches?|"
    r"heads?|headteachers?|deputy|deputies|deputy\s+heads?|principals?|directors?|bursar|clerk|chair(?:\s+of\s+governors)?|"
    r"head\s+of\s+[\w&'’-]+(?:\s+[\w&'’-]+)?|committees?|boards?|governors?|trustees?|panels?)(?:\s*\([^()]*\))?",
    re.I,
)
# A word written out, not abbreviated: "Headteacher", "director" (not "SENCo", "TA", "SLT").
_WORD_IN_FULL = re.compile(r"[A-Za-z][a-z]{3,}")
# A person by title and surname, with or without their role: "Mrs Evans (phonics lead)".
_TITLED_PERSON = re.compile(r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?(?:\s*\([^()]*\))?")


def describes_people(text: str) -> bool:
    """True for people described in words ("Y6 class teachers", "Phonics lead", "Mrs Evans"), not
    initials or an abbreviation that needs the key."""
    text = text.strip()
    if _TITLED_PERSON.fullmatch(text):
        return True
    return bool(_DESCRIPTION.fullmatch(text)) and any(_WORD_IN_FULL.fullmatch(w) for w in text.split())


@rule("RS301", "initials not in the key", "error", "guidance §31")
def missing_from_key(plan, ctx):
    """Initials (or a role such as SLT) are used in the plan but missing from the Staff sheet.

    Readers cannot tell who is responsible without the key.

    Bad: P1.2.1 Owner(s): KLM, and no KLM on the Staff sheet.

    Good: the Staff sheet lists KLM, Kate Lyons-Morgan, Year 1 teacher, Hollins Lane Primary.
    """
    first: dict[str, tuple] = {}
    count: Counter = Counter()
    for record, field_name, initials in (*initials_used(plan), *_initials_in_actions(plan)):
        named = re.sub(r"\s*\([^()]*\)", "", initials)  # "Priya Shah (SENCo)": the name, without the role
        if not_appointed(initials):
            continue  # "tbc (new AHT)": nobody yet, which AC205 says; there are no initials to look up
        if ctx.person(initials) is None and not ctx.person_named(named) and not describes_people(initials):
            key = initials.casefold()
            count[key] += 1
            first.setdefault(key, (record, field_name, initials))
    for key, (record, field_name, initials) in first.items():
        more = f" It is used {count[key]} times; this is the first." if count[key] > 1 else ""
        yield Hit(
            record,
            field_name,
            f"'{initials}' is not on the Staff sheet, so readers cannot tell who it is.{more}",
            f"Add {initials} to the Staff sheet with their name and role, or correct the initials.",
        )


@rule("RS302", "key entry incomplete", "warning", "guidance §31", each="staff", field="name")
def incomplete_key(person, ctx):
    """A Staff row lacks the person's name or their status or role.

    Bad: JB | (no name) | (no role).

    Good: JB | Jo Brown | Maths lead | Hollins Lane Primary.
    """
    unnamed = not person.name or not_appointed(person.name)  # "TBC" is no name yet
    missing = [label for label, value in (("name", not unnamed), ("role or status", is_set(person.role))) if not value]
    if person.initials and missing:
        yield Hit(
            person,
            "name" if unnamed else "role",
            f"{person.initials} has no {' and no '.join(missing)} on the Staff sheet.",
            "Give the full name and the role or status, so readers know who is responsible.",
            ref="",
        )


@rule("RS303", "no overall lead", "warning", "guidance §30")
def no_overall_lead(plan, ctx):
    """No one has overall responsibility for the plan.

    Bad: Settings, Overall lead: (blank).

    Good: Settings, Overall lead: HT.
    """
    if not plan.settings.overall_lead:
        yield Hit(
            plan.settings,
            "overall_lead",
            "The plan does not say who has overall responsibility for it.",
            "Fill in Overall lead on the Settings sheet, e.g. the headteacher's initials.",
            ref="",
        )


def _has_lead(record) -> bool:
    """True when someone is named as the lead: "Vacant" or "tbc (new AHT)" is nobody yet."""
    return any(not not_appointed(lead) for lead in record.lead)


@rule("RS304", "priority or objective without a lead", "warning", "guidance §30")
def no_lead(plan, ctx):
    """A priority, or an objective (a sequence of actions), has no lead.

    An objective without a lead of its own is led by its priority's lead, who then answers for
    its sequence of actions; it is flagged only when neither names one. A priority whose preface
    says plainly who leads it ("Led by the headteacher ...", "Lead: DH") has a lead.

    Bad: P2.1 Lead: (blank), and its priority P2 Lead: (blank).

    Good: P2.1 Lead: DO; or P2.1 Lead: (blank) under P2 Lead: HT.
    """
    known = ctx.person if plan.staff else None
    led = {p.ref for p in plan.priorities if p.ref and (_has_lead(p) or states_lead(p.preface, known))}
    for record in (*plan.priorities, *plan.objectives):
        if not record.ref or _has_lead(record) or states_lead(record.title, known):
            continue  # led, or its title says who leads it: "Y11 maths intervention (lead: ML)"
        if record.lead:  # "Vacant", "tbc (new AHT)": nobody in post yet
            yield Hit(
                record,
                "lead",
                f"{record.ref} has no lead yet: its Lead says the post is not filled.",
                "Name who leads it until the post is filled.",
            )
            continue
        if "lead" in record.pending:  # "TBC": the school means it to have a lead of its own, not yet named
            yield Hit(
                record,
                "lead",
                f"{record.ref}'s lead is still to be confirmed.",
                "Name who leads it, even provisionally.",
            )
            continue
        if record.sheet == "Priorities" and record.ref in led:
            continue  # the preface names the lead; the Lead column would be better, but a finding reads as wrong
        if record.sheet != "Priorities" and record.priority in led and not _shared_out(record):
            continue  # the priority's lead covers a sequence one person carries out
        kind = "priority" if record.sheet == "Priorities" else "sequence of actions"
        yield Hit(
            record,
            "lead",
            f"{record.ref} has no lead: no one is responsible for this {kind}.",
            "Give the initials of the person who leads it.",
        )


@rule("RS305", "responsibility concentrated", "warning", "guidance §32")
def concentrated(plan, ctx):
    """Responsibilities are concentrated on one or two people.

    The limit is 'Most actions for one person (%)' on the Settings sheet (40 unless changed);
    two people together may own one and a half times that share.

    Bad: the headteacher owns 24 of 40 actions.

    Good: 14 people share the 40 actions; no one owns more than 8.
    """
    limit = float(plan.settings.max_owner_share or 40)
    owned: Counter = Counter()
    total = 0
    for action in plan.actions:
        if action.owners:
            total += 1
        for initials in {i.casefold(): i for i in action.owners}.values():
            person = ctx.person(initials)
            if person is not None and person.type == "Group":
                continue  # a team or committee shares the work among its members
            owned[initials.casefold()] += 1
    if total < 5:
        return
    ranked = owned.most_common()
    for key, n in ranked:
        share = 100 * n / total
        if share > limit:
            person = ctx.person(key)
            name = person.initials if person else key.upper()
            yield Hit(
                person,
                "initials",
                f"{name} owns {n} of the {total} actions ({share:.0f}%), more than the plan's limit of {limit:.0f}%.",
                "Share the actions among more people, so the plan does not depend on one person.",
                ref="",
                sheet="Actions",
                cell="D1",
            )
    if len(ranked) >= 2:
        pair = ranked[0][1] + ranked[1][1]
        share = 100 * pair / total
        if share > min(100, limit * 1.5) and all(100 * n / total <= limit for _, n in ranked[:2]):
            names = " and ".join((ctx.person(k).initials if ctx.person(k) else k.upper()) for k, _ in ranked[:2])
            yield Hit(
                None,
                None,
                f"{names} own {pair} of the {total} actions between them ({share:.0f}%).",
                "Share the actions more widely across staff (and partners).",
                sheet="Actions",
                cell="D1",
            )


@rule("RS306", "partners left out", "warning", "guidance §33; SIP article")
def partners_left_out(plan, ctx):
    """Partners are left out of the plan.

    In a school plan, no governor or committee takes part: none monitors or evaluates a priority
    (by the By whom column, or in the How text: "HT reports to the standards committee, which
    questions it"), leads one or is its link governor.

    Bad: (school) every Monitoring and Evaluation row is done by the headteacher, and no priority
    has a governor as its lead or link.

    Good: (school) the Curriculum and standards committee evaluates P1 each term.

    Bad (ITT): no action is owned by anyone from a partner school, which questions whether the
    partnership is school-led.

    Good (ITT): P1.1.2 is owned by MB, a mentor at Oakfield Infant School (the Staff sheet's
    Organisation column says so).
    """
    if ctx.is_itt:
        if plan.actions and not any(_from_partner_school(i, ctx) for a in plan.actions for i in a.owners):
            yield Hit(
                None,
                None,
                "No action is owned by anyone from a partner school, so the plan does not show a school-led "
                "partnership.",
                "Give partner-school staff (mentors, school leads) ownership of the actions they carry out, "
                "and record their school in the Organisation column of the Staff sheet.",
                sheet="Actions",
                cell="D1",
            )
        return
    checks = [c for c in plan.checks if c.process in (PROCESS_MONITORING, PROCESS_EVALUATION)]
    checking = any(ctx.is_governance(i) for c in checks for i in c.who) or any(
        governors_evaluate(c.how, lambda word: ctx.person(word) is not None and ctx.is_governance(word)) for c in checks
    )
    leading = any(ctx.is_governance(i) for p in plan.priorities for i in (*p.lead, *p.link_governor))
    if plan.priorities and not checking and not leading:
        yield Hit(
            None,
            None,
            "No governor or committee takes part in monitoring or evaluating the plan.",
            "Name a link governor or committee for each priority, and give them a Monitoring or Evaluation row.",
            sheet="Monitoring",
            cell="E1",
        )


# A partner school's people may be recorded under a federation or trust, or say so in their role.
_PARTNER = re.compile(r"\b(?:partner\s+schools?|federation|trust|academies)\b", re.I)
_CENTRAL = re.compile(r"\b(?:university|college\s+of|board|governing)\b", re.I)


def _from_partner_school(initials: str, ctx) -> bool:
    """True for an owner from a partner school: by the Organisation column, or a role that says so."""
    if ctx.is_partner_school(initials):
        return True
    person = ctx.person(initials)
    if person is None or not person.organisation:
        return False
    if person.organisation.casefold() == ctx.plan.settings.organisation.casefold():
        return False
    text = f"{person.role} {person.organisation}"
    return bool(_PARTNER.search(text)) and not _CENTRAL.search(text)


_BY_INITIALS = re.compile(r"\bby\s+(?P<who>[A-Z]{2,3}(?:\s*(?:,|and|&|/)\s*[A-Z]{2,3})*)\b(?![\w&])")


# Initials with who they are in brackets: "with RKH (physics SLE, Severnside Academy)".
_INITIALS_WITH_ROLE = re.compile(r"\b(?P<who>[A-Z]{2,4})\s*\((?P<role>[^()]{3,60})\)")
_ROLE_WORDS = re.compile(
    r"\b(?:sle|lead|leader|teacher|mentor|tutor|head|headteacher|deputy|governor|trustee|director|manager|officer|"
    r"coordinator|co-ordinator|consultant|adviser|advisor|specialist|senco|sendco|dsl|school|academy|college|trust)\b",
    re.I,
)


def _is_role(role: str, initials: str) -> bool:
    """True when the brackets say who someone is ("physics SLE, Severnside Academy"), not what an
    abbreviation stands for ("PP (pupil premium)": its words' first letters spell the initials)."""
    letters = "".join(w[0] for w in re.findall(r"[A-Za-z]+", role)).casefold()
    return bool(_ROLE_WORDS.search(role)) and not letters.startswith(initials.casefold())


def _initials_in_actions(plan):
    """(record, field, initials) for initials an action's text names as who acts ("DH and RW to ...",
    "... observed by MK"); the key must list them too. Common abbreviations (PP, SLT?) are left to
    the glossary unless they are written as the one who acts at the start."""
    from ..glossary import built_in

    common = {a.casefold() for a in built_in(plan.plan_type)}
    for action in plan.actions:
        text = action.action or ""
        named = [(who, True) for who in (acting_initials(text),) if who]
        named += [(who, False) for who in (trailing_initials(text),) if who]  # "... - KP"; not "... - RWI"
        named += [(m["who"], False) for m in _BY_INITIALS.finditer(text)]
        named += [(m["who"], True) for m in _INITIALS_WITH_ROLE.finditer(text) if _is_role(m["role"], m["who"])]
        for who, acting in named:
            for initials in re.split(r"\s*(?:,|and|&|/)\s*", who):
                if not initials or initials in action.owners or (not acting and initials.casefold() in common):
                    continue
                yield action, "action", initials


def _shared_out(objective) -> bool:
    """True when an objective's actions are owned by different people: someone must lead the
    sequence, and its priority's lead is not named as doing so."""
    owners = {frozenset(i.casefold() for i in a.owners) for a in objective.actions if a.owners}
    return len(owners) > 1
