"""The plan as plain dataclasses, every value remembering the sheet and cell it came from.

The reader (:mod:`sipgen.reader`) fills these; rules and the document read them. Field names
match the ``field`` of the columns declared in :mod:`sipgen.schema` (a test keeps them in step).
Empty text is ``""``, an empty date or number is ``None``, an empty list is ``()``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

DATE = "date"
TIMING = "timing"
UNDECIDED = "undecided"


@dataclass(frozen=True)
class PlanDate:
    """A date as the user wrote it: one day, a span (a half-term, a month, a range), or a timing.

    ``kind`` is ``DATE`` for anything with days attached; ``TIMING`` for a recurring or open
    timing kept as typed ("Ongoing", "Termly", "Each half-term"), which has no days, so
    ``start`` and ``end`` are None; ``UNDECIDED`` for "TBC" and the like (also no days).
    """

    start: dt.date | None
    end: dt.date | None
    label: str = ""  # "Aut1", "Autumn term", "Sep 2025", "Termly" ...; empty for a plain date
    kind: str = DATE
    # A range typed in one cell ("Autumn 25 - Feb 26"): its two ends, each a PlanDate.
    parts: tuple[PlanDate, PlanDate] | None = None

    @property
    def dated(self) -> bool:
        """True when the value has days attached, so it can be ordered and compared."""
        return self.kind == DATE

    def __str__(self) -> str:
        if self.label:
            return self.label
        return self.start.strftime("%d/%m/%Y") if self.start else ""


@dataclass(kw_only=True)
class Record:
    """A row of a sheet. ``cells`` maps each field that was read to its cell, e.g. ``"C14"``."""

    sheet: str
    row: int
    cells: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    # Fields whose cell held something unreadable (already reported as WB004 or WB007).
    unreadable: set[str] = field(default_factory=set, repr=False, compare=False)
    # Fields the school marked as not yet known ("TBC" in a cost): empty here, but not missing.
    pending: set[str] = field(default_factory=set, repr=False, compare=False)

    def cell(self, field_name: str | None = None) -> str:
        """The cell that holds ``field_name`` (or the row's first read cell), e.g. ``"C14"``."""
        if field_name and field_name in self.cells:
            return self.cells[field_name]
        if self.cells:
            return next(iter(self.cells.values()))
        return f"A{self.row}"

    def where(self, field_name: str | None = None) -> str:
        """``Sheet!C14`` for ``field_name``, quoted as Excel quotes sheet names with spaces."""
        sheet = f"'{self.sheet}'" if " " in self.sheet else self.sheet
        return f"{sheet}!{self.cell(field_name)}"


@dataclass(kw_only=True)
class Settings(Record):
    organisation: str = ""
    plan_type: str = "school"
    academic_year: str = ""
    year_start: PlanDate | None = None
    title: str = ""
    version: str = ""
    history: str = ""
    overall_lead: tuple[str, ...] = ()
    approved_on: PlanDate | None = None
    approved_version: str = ""
    approval_minute: str = ""
    budget: float | None = None
    contingency: float | None = None
    contingency_drawn: float | None = None
    next_meeting: PlanDate | None = None
    layout: str = "Hybrid"
    max_priorities: float | None = None
    max_owner_share: float | None = None
    vague_verbs: str = ""
    bland_resources: str = ""
    rules_off: frozenset[str] = frozenset()


@dataclass(kw_only=True)
class Introduction(Record):
    overview: str = ""
    format_reason: str = ""
    how_compiled: str = ""
    distinctive_features: str = ""
    related_plans: str = ""
    weaknesses_tackled: str = ""


@dataclass(kw_only=True)
class ContextItem(Record):
    area: str = ""
    measure: str = ""
    value: str = ""
    notes: str = ""


@dataclass(kw_only=True)
class Aim(Record):
    ref: str = ""
    aim: str = ""
    horizon: str = ""


@dataclass(kw_only=True)
class Person(Record):
    initials: str = ""
    name: str = ""
    role: str = ""
    organisation: str = ""
    type: str = "Person"


@dataclass(kw_only=True)
class Priority(Record):
    ref: str = ""
    title: str = ""
    source: str = ""
    aim: str = ""
    preface: str = ""
    now: str = ""
    goal: str = ""
    lead: tuple[str, ...] = ()
    link_governor: tuple[str, ...] = ()
    accepted: frozenset[str] = frozenset()
    objectives: list[Objective] = field(default_factory=list, repr=False, compare=False)
    # Actions that name the priority itself, in a plan (or part of one) without objectives.
    actions: list[Action] = field(default_factory=list, repr=False, compare=False)

    @property
    def every_action(self) -> list[Action]:
        """Its own actions, then each objective's, in reference order."""
        return [*self.actions, *(a for o in self.objectives for a in o.actions)]


@dataclass(kw_only=True)
class Objective(Record):
    ref: str = ""
    priority: str = ""
    title: str = ""
    cause: str = ""
    lead: tuple[str, ...] = ()
    accepted: frozenset[str] = frozenset()
    actions: list[Action] = field(default_factory=list, repr=False, compare=False)


@dataclass(kw_only=True)
class Action(Record):
    ref: str = ""
    objective: str = ""
    action: str = ""
    owners: tuple[str, ...] = ()
    start: PlanDate | None = None
    due: PlanDate | None = None
    cost: float | None = None
    spent: float | None = None
    funding: str = ""
    resources: str = ""
    also_serves: tuple[str, ...] = ()
    status: str = ""
    accepted: frozenset[str] = frozenset()


@dataclass(kw_only=True)
class Criterion(Record):
    ref: str = ""
    parent: str = ""
    criterion: str = ""
    kind: str = ""
    headline: str = ""
    baseline: str = ""
    milestone_autumn: str = ""
    milestone_spring: str = ""
    milestone_summer: str = ""
    actual_autumn: str = ""
    actual_spring: str = ""
    actual_summer: str = ""
    target: str = ""
    accepted: frozenset[str] = frozenset()

    @property
    def milestones(self) -> tuple[str, str, str]:
        return (self.milestone_autumn, self.milestone_spring, self.milestone_summer)

    @property
    def actuals(self) -> tuple[str, str, str]:
        return (self.actual_autumn, self.actual_spring, self.actual_summer)


@dataclass(kw_only=True)
class Check(Record):
    """One row of the Monitoring sheet: monitoring, evaluation or review of a priority."""

    priority: str = ""
    process: str = ""
    how: str = ""
    when: str = ""
    who: tuple[str, ...] = ()
    evidence: str = ""
    accepted: frozenset[str] = frozenset()


@dataclass(kw_only=True)
class Review(Record):
    date: PlanDate | None = None
    ref: str = ""
    reviewer: tuple[str, ...] = ()
    rag: str = ""
    impact: str = ""
    evidence: str = ""
    adjustments: str = ""
    decision: str = ""
    accepted: frozenset[str] = frozenset()


@dataclass(kw_only=True)
class Kpi(Record):
    kpi: str = ""
    ref: str = ""
    baseline: str = ""
    # The success criterion this KPI reports (e.g. "SC19"): its figures are the criterion's.
    criterion: str = ""
    milestone_autumn: str = ""
    actual_autumn: str = ""
    milestone_spring: str = ""
    actual_spring: str = ""
    milestone_summer: str = ""
    actual_summer: str = ""
    target: str = ""
    notes: str = ""

    @property
    def milestones(self) -> tuple[str, str, str]:
        return (self.milestone_autumn, self.milestone_spring, self.milestone_summer)

    @property
    def actuals(self) -> tuple[str, str, str]:
        return (self.actual_autumn, self.actual_spring, self.actual_summer)


@dataclass(kw_only=True)
class GlossaryEntry(Record):
    abbreviation: str = ""
    meaning: str = ""


@dataclass
class Plan:
    """A whole improvement plan, as read from one workbook."""

    source: str
    settings: Settings
    introduction: Introduction
    context: list[ContextItem] = field(default_factory=list)
    aims: list[Aim] = field(default_factory=list)
    staff: list[Person] = field(default_factory=list)
    priorities: list[Priority] = field(default_factory=list)
    objectives: list[Objective] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    criteria: list[Criterion] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    reviews: list[Review] = field(default_factory=list)
    kpis: list[Kpi] = field(default_factory=list)
    glossary: list[GlossaryEntry] = field(default_factory=list)
    # Sheets that were in the workbook (so rules can tell "left empty" from "deleted").
    sheets: tuple[str, ...] = ()
    # When the workbook was last saved, as it records; gives the document a fixed timestamp.
    saved: dt.datetime | None = field(default=None, compare=False)

    @property
    def plan_type(self) -> str:
        return self.settings.plan_type

    @cached_property
    def by_ref(self) -> dict[str, Priority | Objective | Action]:
        """Priorities, objectives and actions by their reference (the first row wins)."""
        index: dict[str, Priority | Objective | Action] = {}
        for record in (*self.priorities, *self.objectives, *self.actions):
            if record.ref:
                index.setdefault(record.ref, record)
        return index

    @property
    def sequences(self) -> list[Priority | Objective]:
        """Every dated sequence of actions: each objective's, and each priority's own."""
        return [*(p for p in self.priorities if p.actions), *self.objectives]

    @cached_property
    def people(self) -> dict[str, Person]:
        """The key to initials, by initials as written (case kept), first row wins."""
        index: dict[str, Person] = {}
        for person in self.staff:
            if person.initials:
                index.setdefault(person.initials, person)
        return index
