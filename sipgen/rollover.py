"""Next year's plan from this year's: `sipgen new NEXT.xlsx --from THIS.xlsx`.

The plan is read through the reader and written through :func:`sipgen.workbook.write_workbook`
with data built from the schema's declarations: every column of every sheet is carried from
its model record, formatted back to what the workbook holds, so a column added to the schema
is carried without new code. Only the roll-over decisions are special-cased, one method a
sheet in :class:`_Rollover`:

- Settings: the next academic year (its start and the title's year moved too), version
  reset, approval, version history and contingency drawn cleared;
- Context: each figure moved into its notes as last year's ("2025-26: 304"), the value
  marked to update (the column is required, so it cannot be left blank);
- Actions: done and dropped ones left out; the rest "Not started", their text starting
  "Carried from 2025-26:" (no status says carried), dated ones moved a year, spending cleared;
- Success criteria and KPIs: the baseline is last year's latest actual with its term
  ("79% (spring 2026)"), milestones and actuals cleared; a KPI that names a criterion keeps
  no figures of its own (the criterion holds them);
- Reviews: started afresh.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import schema
from .dates import default_year_start, parse_date, plan_year_start
from .findings import Severity
from .model import Plan, PlanDate, Record
from .progress import FIGURE_FIELDS, POINTS, figure, point_ends
from .schema import Column, Kind, Sheet
from .terms import PLAN_TYPE_LABELS, SCHOOL, word

NEW_VERSION = "v1.0 draft"
PENDING_TEXT = "TBC"  # what a value the school marked as not yet known is written back as
FINISHED = (schema.DONE, schema.DROPPED)
_CARRIED = re.compile(r"^Carried from [^:\n]{1,20}:\s*")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_YEAR_PAIR = re.compile(r"(?<!\d)(\d{4})(\s*(?:[-/–]|to)\s*)(\d{4}|\d{2})(?!\d)")


class RolloverError(Exception):
    """Why a plan cannot be rolled over, in one line for the user."""


@dataclass
class Summary:
    """What a roll-over carried, cleared and left out."""

    old_year: str
    new_year: str
    priorities: int = 0
    objectives: int = 0
    objectives_without_actions: int = 0  # carried, but every action of theirs was done or dropped
    actions: int = 0  # carried
    actions_total: int = 0
    finished: int = 0  # done or dropped, left out
    criteria: int = 0
    baselines: int = 0  # criteria whose baseline is last year's latest actual
    kpis: int = 0
    kpis_linked: int = 0  # naming a success criterion, whose figures they report
    kpi_baselines: int = 0
    context: int = 0  # figures moved into their notes
    reviews: int = 0  # cleared
    spent: int = 0  # actions whose spending was cleared
    cleared: list[str] = field(default_factory=list)  # "the approval", "the version history" ...
    not_read: int = 0  # what the reader reported as not read (WB007, WB008): not carried

    def line(self) -> str:
        """One paragraph: what was carried, cleared and left out."""
        text = f"Carried {_listed(self._carried()) or 'no priorities, objectives or actions'}"
        if self.context:
            text += f"; moved {_count(self.context, 'context figure')} into the notes as {self.old_year}'s"
        cleared = [_count(self.reviews, "review")] if self.reviews else []
        cleared += self.cleared
        if self.spent:
            cleared.append(f"the spending on {_count(self.spent, 'action')}")
        if cleared:
            text += f"; cleared {_listed(cleared)}"
        text += "."
        if self.objectives_without_actions:
            n = self.objectives_without_actions
            text += (
                f" {_count(n, 'objective has', 'objectives have')} no actions left: give "
                f"{'it' if n == 1 else 'each'} its actions for {self.new_year}, or delete "
                f"{'it' if n == 1 else 'them'}, before building; `sipgen check` lists {'it' if n == 1 else 'them'}."
            )
        if self.not_read:
            text += f" Not carried: {_count(self.not_read, 'thing')} `sipgen check` reports as not read (WB007, WB008)."
        return text

    def _carried(self) -> list[str]:
        parts = [_count(self.priorities, "priority", "priorities")] if self.priorities else []
        if self.objectives:
            empty = self.objectives_without_actions
            parts.append(_count(self.objectives, "objective") + (f" ({empty} with no actions left)" if empty else ""))
        if self.actions_total:
            left_out = f" ({self.finished} done or dropped left out)" if self.finished else ""
            parts.append(f"{self.actions} of {_count(self.actions_total, 'action')}{left_out}")
        if self.criteria:
            note = "with baselines from last year's actuals"
            some = f" ({self.baselines} {note})" if self.baselines else ""
            parts.append(
                f"{_count(self.criteria, 'criterion', 'criteria')}"
                + (f" {note}" if self.baselines == self.criteria else some)
            )
        if self.kpis:
            notes = [f"{self.kpis_linked} reporting a success criterion"] if self.kpis_linked else []
            notes += [f"{self.kpi_baselines} with baselines from last year's actuals"] if self.kpi_baselines else []
            parts.append(_count(self.kpis, "KPI") + (f" ({', '.join(notes)})" if notes else ""))
        return parts


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}" if items else ""


# -- the generic path: a model value back to what the workbook holds --------------------------


def cell_value(column: Column, value: object, plan_type: str = SCHOOL) -> object:
    """``value`` (as the reader gives it for ``column``) as the workbook holds it: a date as a
    date and a half-term or timing as its label, money and numbers as numbers (380, not 380.0),
    initials and references joined with ", ", a choice in the plan type's words; None for empty."""
    if value is None or (isinstance(value, (str, tuple, set, frozenset)) and not value):
        return None
    if isinstance(value, PlanDate):
        return value.label or value.start
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    if isinstance(value, (set, frozenset)):
        return ", ".join(sorted(value))
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    if column.kind is Kind.CHOICE:
        return next((word(c, plan_type) for c in column.choices if word(c, SCHOOL) == value), value)
    return value


def record_row(sheet: Sheet, record: Record, plan_type: str = SCHOOL) -> dict:
    """One record as :func:`sipgen.workbook.write_workbook` takes it: every column the sheet
    declares, by field; a value marked as not yet known ("TBC") stays so."""
    row = {}
    for column in sheet.columns:
        if column.field in record.pending:
            row[column.field] = PENDING_TEXT
            continue
        value = cell_value(column, getattr(record, column.field, None), plan_type)
        if value is not None:
            row[column.field] = value
    return row


# -- the roll-over decisions ------------------------------------------------------------------


@dataclass(frozen=True)
class _Years:
    old: str  # "2025-26", as the plan writes it
    new: str  # "2026-27"
    old_start: dt.date
    new_start: dt.date


def next_year_data(plan: Plan) -> tuple[dict, Summary]:
    """Next year's plan as :func:`sipgen.workbook.write_workbook` data, and what was done to make it."""
    rollover = _Rollover(_years(plan.settings))
    data: dict[str, object] = {}
    for sheet in schema.SHEETS:
        special = getattr(rollover, sheet.key) if sheet.key in _Rollover.SHEETS else None
        value = getattr(plan, sheet.key)
        if sheet.form:
            row = record_row(sheet, value, plan.plan_type)
            data[sheet.key] = special(sheet, value, row) if special else row
            continue
        rows = [(record, record_row(sheet, record, plan.plan_type)) for record in value]
        rows = [special(sheet, record, row) if special else row for record, row in rows]
        data[sheet.key] = [row for row in rows if row is not None]
    summary = rollover.summary
    summary.priorities = len(data.get("priorities", []))
    summary.objectives = len(data.get("objectives", []))
    with_actions = {row.get("objective") for row in data.get("actions", [])}
    summary.objectives_without_actions = sum(1 for o in data.get("objectives", []) if o.get("ref") not in with_actions)
    return data, summary


class _Rollover:
    """One method for each sheet whose rows change at the turn of the year, named by the sheet's
    key: (sheet, record, row written so far) -> the row next year, or None to leave it out."""

    SHEETS = ("settings", "context", "actions", "criteria", "kpis", "reviews")

    def __init__(self, years: _Years):
        self.years = years
        self.summary = Summary(years.old, years.new)

    def settings(self, sheet: Sheet, record, row: dict) -> dict:
        row["plan_type"] = PLAN_TYPE_LABELS[record.plan_type]  # the model holds "school" or "itt"
        row["academic_year"] = self.years.new
        if record.year_start is not None:
            row["year_start"] = self._moved(record.year_start)
        if record.title:
            row["title"] = _next_in_text(record.title, self.years.old_start.year)
        row["version"] = NEW_VERSION
        for fields, what in (
            (("approved_on", "approval_minute", "approved_version"), "the approval"),
            (("history",), "the version history"),
            (("contingency_drawn",), "the contingency drawn"),
        ):
            if [name for name in fields if row.pop(name, None) is not None]:
                self.summary.cleared.append(what)
        return row

    def context(self, sheet: Sheet, record, row: dict) -> dict:
        if record.value:
            row["notes"] = f"{self.years.old}: {record.value}" + (f"\n{record.notes}" if record.notes else "")
            row["value"] = f"To update for {self.years.new}"
            self.summary.context += 1
        return row

    def actions(self, sheet: Sheet, record, row: dict) -> dict | None:
        self.summary.actions_total += 1
        if record.status in FINISHED:
            self.summary.finished += 1
            return None
        self.summary.actions += 1
        if record.action:
            row["action"] = f"Carried from {self.years.old}: " + _CARRIED.sub("", record.action)
        row["status"] = schema.NOT_STARTED
        for column in sheet.columns:
            if column.kind is Kind.DATE and column.field in row and column.field not in record.pending:
                row[column.field] = self._moved(getattr(record, column.field))
        if row.pop("spent", None) is not None:
            self.summary.spent += 1
        return row

    def criteria(self, sheet: Sheet, record, row: dict) -> dict:
        self.summary.criteria += 1
        if self._fresh_figures(record, row):
            self.summary.baselines += 1
        return row

    def kpis(self, sheet: Sheet, record, row: dict) -> dict:
        self.summary.kpis += 1
        if record.criterion:  # its figures are the criterion's, carried there
            self.summary.kpis_linked += 1
            for name in FIGURE_FIELDS:
                row.pop(name, None)
        elif self._fresh_figures(record, row):
            self.summary.kpi_baselines += 1
        return row

    def reviews(self, sheet: Sheet, record, row: dict) -> None:
        self.summary.reviews += 1
        return None

    def _fresh_figures(self, measure, row: dict) -> bool:
        """Baseline from the latest actual with a figure, with its term; milestones and actuals
        cleared, target kept. True when the baseline was set."""
        for name in list(row):
            if name.startswith(("milestone_", "actual_")):
                del row[name]
        ends = point_ends(self.years.old_start)
        for point, _ in reversed(POINTS):
            actual = getattr(measure, f"actual_{point}", "")
            if figure(actual) is not None:
                row["baseline"] = f"{actual} ({point} {ends[point].year})"
                return True
        return False

    def _moved(self, date: PlanDate | None) -> object:
        """A date a year later: a day as a day; a label's years moved ("Autumn 2025" is "Autumn
        2026"); a half-term ("Aut2"), term or timing without a year as it is, since it is read
        in the new academic year."""
        if date is None:
            return None
        if not date.dated or (date.label and not _YEAR.search(date.label)):
            return str(date)
        if not date.label:
            return _a_year_later(date.start)
        label = _YEAR.sub(lambda m: str(int(m.group(0)) + 1), date.label)
        again = parse_date(label, self.years.new_start)
        return label if again is not None and again.dated else _a_year_later(date.start)


def _years(settings) -> _Years:
    old_start = plan_year_start(settings)
    if old_start is None:
        raise RolloverError(
            "the plan does not say its academic year, so sipgen cannot tell which year comes next. "
            "Fill in the Academic year on the Settings sheet, e.g. 2025-26."
        )
    old = settings.academic_year.strip() or _year_name(old_start)
    first = default_year_start(old)
    new = _next_in_text(old, first.year) if first else _year_name(_a_year_later(old_start))
    return _Years(old, new, old_start, _a_year_later(old_start))


def _next_in_text(text: str, first: int) -> str:
    """``text`` with the academic year beginning in ``first`` ("2025-26", "2025/2026") moved on a year."""

    def later(match: re.Match) -> str:
        start, second = int(match.group(1)), match.group(3)
        if start != first or int(second) % 100 != (first + 1) % 100:
            return match.group(0)
        end = str(first + 2) if len(second) == 4 else f"{(first + 2) % 100:02d}"
        return f"{first + 1}{match.group(2)}{end}"

    return _YEAR_PAIR.sub(later, text)


def _year_name(start: dt.date) -> str:
    return f"{start.year}-{(start.year + 1) % 100:02d}"


def _a_year_later(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


# -- files ------------------------------------------------------------------------------------


def read_this_year(path: str | Path) -> tuple[Plan, int]:
    """The plan at ``path`` and how many warnings reading it gave (cells not read, WB007 and
    WB008); RolloverError when it cannot be read or reading it found errors."""
    from .reader import read_plan

    read = read_plan(path)
    if read.plan is None:
        raise RolloverError(read.findings[0].message if read.findings else f"{path}: this workbook cannot be read.")
    errors = [f for f in read.findings if f.severity is Severity.ERROR]
    if errors:
        first = errors[0]
        where = f", at {first.where}" if first.where else ""
        raise RolloverError(
            f"{path}: {_count(len(errors), 'error')} stop sipgen reading all of the plan, so it cannot be rolled "
            f"over; the first{where}: {first.message} Run `sipgen check {path}` to see them all."
        )
    return read.plan, len(read.findings)


def write_next_year(source: str | Path, output: str | Path, force: bool = False) -> Summary:
    """Write next year's plan to ``output`` from this year's at ``source``, which is only read.

    ``output`` must not exist unless ``force``, and is never ``source`` itself."""
    from .workbook import write_workbook

    source, output = Path(source), Path(output)
    if output.exists():
        if source.exists() and os.path.samefile(source, output):
            raise RolloverError(f"{output}: this is the plan being rolled over; write next year's to a new file.")
        if not force:
            raise RolloverError(
                f"{output}: the file already exists. Choose another name, or add --force to replace it."
            )
    plan, warnings = read_this_year(source)
    data, summary = next_year_data(plan)
    summary.not_read = warnings
    write_workbook(output, plan.plan_type, data)
    return summary
