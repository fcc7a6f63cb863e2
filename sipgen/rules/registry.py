"""The rule catalogue: each rule declared once, with its code, severity, source and examples.

A rule is a function decorated with :func:`rule`. Its docstring is the explanation that
``sipgen explain`` prints; it must have a ``Bad:`` and a ``Good:`` example (a test checks).
Checks yield :class:`Hit` objects; :func:`sipgen.checker.run_rules` turns them into findings,
so accepted findings and switched-off rules are handled in one place, not in every rule.
Structural rules (WB) have no check function: the reader reports them through :func:`finding`.
"""

from __future__ import annotations

import datetime as dt
import inspect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property

from ..dates import academic_year_end, plan_year_start
from ..findings import Finding, Severity
from ..model import Plan, Record
from ..terms import ITT, terms_for, word


@dataclass(frozen=True)
class Hit:
    """What a check function yields: the record and field at fault, and what to say."""

    record: Record | None
    field: str | None
    message: str
    hint: str = ""
    ref: str | None = None  # defaults to the record's ref
    # For findings about the plan as a whole, where no record is at fault.
    sheet: str = ""
    cell: str = ""


def flag(message: str, hint: str = "", field: str | None = None, ref: str | None = None) -> Hit:
    """A hit on the record a rule declared with ``each=`` is looking at (the registry fills it in)."""
    return Hit(None, field, message, hint, ref)


@dataclass(frozen=True)
class Rule:
    """A rule as declared: its code, wording, and what it walks.

    ``each`` names the plan's list the rule looks at one record at a time ("actions",
    "criteria" ...), and ``field`` the field its findings point at by default; the registry
    does the loop and the location. A rule without ``each`` looks at the whole plan.
    """

    code: str
    name: str
    severity: Severity
    source: str
    doc: str
    check: Callable[..., Iterable[Hit]] | None = None
    each: str | None = None
    field: str | None = None
    # Codes this one speaks for on the same cell: one weakness, one finding, the more specific
    # code's ("Improved behaviour" is subjective wording (SC503), not also "no measure" (SC502)).
    supersedes: tuple[str, ...] = ()

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0] if self.doc.strip() else self.name

    def example(self, label: str) -> str:
        """The text after ``Bad:`` or ``Good:`` in the docstring, up to the next blank line."""
        match = re.search(rf"^{label}:\s*(.*?)(?:\n\s*\n|\Z)", self.doc, re.S | re.M)
        return " ".join(match.group(1).split()) if match else ""

    def run(self, plan: Plan, ctx: RuleContext) -> Iterable[Hit]:
        """Every hit of this rule on ``plan``."""
        if self.check is None:
            return ()
        if self.each is None:
            return self.check(plan, ctx)
        return self._run_each(plan, ctx)

    def _run_each(self, plan: Plan, ctx: RuleContext) -> Iterable[Hit]:
        for record in getattr(plan, self.each):
            for hit in self.check(record, ctx):
                if hit.record is None:
                    hit = replace(hit, record=record, field=hit.field or self.field)
                yield hit


RULES: dict[str, Rule] = {}


def rule(
    code: str,
    name: str,
    severity: Severity | str,
    source: str,
    each: str | None = None,
    field: str | None = None,
    supersedes: tuple[str, ...] = (),
) -> Callable:
    """Register the decorated function as the check for ``code``.

    With ``each``, the function is called with one record of that list at a time and the
    context, and yields :func:`flag` hits; without it, with the whole plan and the context.
    ``supersedes`` names codes this one speaks for when both would point at the same cell.
    """

    def register(func: Callable) -> Callable:
        if code in RULES:
            raise ValueError(f"rule {code} is declared twice")
        doc = inspect.getdoc(func) or ""
        RULES[code] = Rule(code, name, Severity(severity), source, doc, func, each, field, supersedes)
        return func

    return register


def declare(code: str, name: str, severity: Severity | str, source: str, doc: str) -> None:
    """Register a rule that the reader reports itself (the WB codes)."""
    if code in RULES:
        raise ValueError(f"rule {code} is declared twice")
    RULES[code] = Rule(code, name, Severity(severity), source, inspect.cleandoc(doc), None)


def listed(items: list[str], conjunction: str = "and") -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def finding(code: str, message: str, hint: str = "", sheet: str = "", cell: str = "", ref: str = "") -> Finding:
    """A finding for rule ``code``, with the severity and source its declaration gives."""
    declared = RULES[code]
    return Finding(code, declared.severity, message, hint, sheet, cell, ref, declared.source)


def settings_list(text: str) -> tuple[str, ...]:
    """A comma-separated Settings list (extra vague verbs ...) as a tuple of words."""
    return tuple(w.strip() for w in re.split(r"[,;\n]", text or "") if w.strip())


@dataclass
class RuleContext:
    """What every rule may consult besides the record: the plan, the date, the plan's words and settings."""

    plan: Plan
    as_of: dt.date
    terms: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        self.terms = terms_for(self.plan.plan_type)

    def say(self, text: str) -> str:
        """``text`` with its ``{learners}``-style words filled for this plan's type."""
        return word(text, self.plan.plan_type)

    @property
    def is_itt(self) -> bool:
        return self.plan.plan_type == ITT

    @cached_property
    def year_start(self) -> dt.date | None:
        """The first day of the plan's academic year, if the plan says which year it is."""
        return plan_year_start(self.plan.settings)

    @cached_property
    def year_end(self) -> dt.date | None:
        return academic_year_end(self.year_start) if self.year_start else None

    @cached_property
    def extra_vague_verbs(self) -> tuple[str, ...]:
        return settings_list(self.plan.settings.vague_verbs)

    @cached_property
    def extra_bland_words(self) -> tuple[str, ...]:
        return settings_list(self.plan.settings.bland_resources)

    def person(self, initials: str):
        """The Staff row for ``initials`` (case forgiven), or None."""
        return self._people.get(initials.casefold())

    @property
    def _people(self):
        if not hasattr(self, "_people_cache"):
            self._people_cache = {}
            for person in self.plan.staff:
                if person.initials:
                    self._people_cache.setdefault(person.initials.casefold(), person)
        return self._people_cache

    def person_named(self, name: str):
        """The Staff row whose full name is ``name`` (case and spacing forgiven), or None."""
        wanted = " ".join(name.casefold().split())
        return next((p for p in self.plan.staff if p.name and " ".join(p.name.casefold().split()) == wanted), None)

    def knows(self, who: str):
        """The Staff row for someone written as initials, a full name, or a first name only one
        person on the Staff sheet has ("Sunil hosting at Brackley Vale"), or None."""
        return self.person(who) or self.person_named(who) or self._first_named(who)

    def _first_named(self, name: str):
        initial = re.fullmatch(r"([A-Za-z'’-]{3,})\s+([A-Za-z])\.?", name.strip())
        if initial:  # "Tom B.": a first name and the initial of the surname
            first, letter = initial.group(1).casefold(), initial.group(2).casefold()
            found = [
                p
                for p in self.plan.staff
                if p.name and _first_name(p.name) == first and p.name.split()[-1][:1].casefold() == letter
            ]
            return found[0] if len(found) == 1 else None
        wanted = name.strip().casefold()
        if " " in wanted or len(wanted) < 3:
            return None
        found = [p for p in self.plan.staff if p.name and _first_name(p.name) == wanted]
        return found[0] if len(found) == 1 else None

    def is_governance(self, initials: str) -> bool:
        """True for a governor, trustee, committee or board (or, in ITT, a partnership board member)."""
        person = self.person(initials)
        text = " ".join((initials, person.name, person.role, person.organisation)) if person else initials
        return bool(_GOVERNANCE.search(text))

    def is_partner_school(self, initials: str) -> bool:
        """True for someone whose organisation is a school other than the plan's own."""
        person = self.person(initials)
        if person is None or not person.organisation:
            return False
        organisation = person.organisation.casefold()
        if organisation == self.plan.settings.organisation.casefold():
            return False
        return bool(
            re.search(r"\b(?:partner|school|academy|primary|secondary|infant|junior|college)\b", organisation)
        ) and not re.search(r"\b(?:university|board|governing)\b", organisation)


_GOVERNANCE = re.compile(r"\b(?:governors?|governing|committee|trustees?|board|FGB|LGB|LGC|chair)\b", re.I)


def one_finding_a_weakness(findings: list[Finding]) -> list[Finding]:
    """``findings`` without those a more specific code speaks for on the same cell."""
    spoken = {(f.sheet, f.cell, code) for f in findings for code in RULES[f.code].supersedes if f.code in RULES}
    return [f for f in findings if (f.sheet, f.cell, f.code) not in spoken]


_TITLES = frozenset(("mr", "mrs", "ms", "miss", "mx", "dr", "prof"))


# Words that make a Staff row's name a group or a post, not a person: "Partnership board".
_NOT_A_PERSON = frozenset(
    "board committee team partnership governors trust school academy panel group council service office department "
    "hub network lead leader director head headteacher teacher manager officer governor tutor mentor chair".split()
)


def _first_name(name: str) -> str:
    """'Sunil Lal' -> 'sunil'; '' for a name that opens with a title ('Mrs Patel'), has one word, or
    names a group or a post ('Partnership board', 'Head of maths')."""
    words = name.casefold().replace(".", "").split()
    if len(words) < 2 or words[0] in _TITLES or not _NOT_A_PERSON.isdisjoint(words):
        return ""
    return words[0]
