"""Reading a plan workbook into the model, reporting every structural problem (WB codes).

The reader finds sheets by name and columns by header (order, case and spacing forgiven),
skips blank rows, and accounts for every filled cell: each one is read into the model or
reported as WB008, so nothing a user typed is silently lost.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.utils import get_column_letter

from . import model
from .dates import default_year_start
from .findings import Finding
from .rules import finding
from .schema import (
    FINDINGS_SHEET,
    INSTRUCTIONS_SHEET,
    SETTINGS,
    SHEETS,
    Column,
    Sheet,
    header_keys,
    normalise_header,
)
from .terms import SCHOOL, plan_type_from_label, word
from .values import BadValue, as_text, convert
from .xlsx import Grid, WorkbookError, read_grids

RECORD_TYPES: dict[str, type[model.Record]] = {
    "settings": model.Settings,
    "introduction": model.Introduction,
    "context": model.ContextItem,
    "aims": model.Aim,
    "staff": model.Person,
    "priorities": model.Priority,
    "objectives": model.Objective,
    "actions": model.Action,
    "criteria": model.Criterion,
    "checks": model.Check,
    "reviews": model.Review,
    "kpis": model.Kpi,
}
SHEET_ALIASES = {
    "key": "Staff",
    "keytoinitials": "Staff",
    "people": "Staff",
    "reviewlog": "Reviews",
    "successcriteria": "Success criteria",
    "criteria": "Success criteria",
    "mer": "Monitoring",
    "monitoringevaluationandreview": "Monitoring",
    "monitoringevaluationreview": "Monitoring",
    "preface": "Introduction",
    "intro": "Introduction",
}
HEADER_SEARCH_ROWS = 10
# Characters XML (and so Word) cannot hold; tab, line feed and carriage return are fine.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass
class ReadResult:
    """A plan (None when the file could not be read at all) and what reading it found."""

    path: Path
    plan: model.Plan | None
    findings: list[Finding] = field(default_factory=list)
    # Cells read into the model, by sheet name: {(row, col)}; used to prove nothing is lost.
    read_cells: dict[str, set[tuple[int, int]]] = field(default_factory=dict)


def read_plan(path: str | Path) -> ReadResult:
    """Read the workbook at ``path``. Never raises for a bad file: that is a WB001 finding."""
    path = Path(path)
    try:
        grids, chart_sheets, saved = read_grids(path)
    except WorkbookError as exc:
        return ReadResult(path, None, [finding("WB001", str(exc), "Save the plan from Excel as an .xlsx workbook.")])
    result = _Reader(path, grids, chart_sheets).read()
    result.plan.saved = saved if isinstance(saved, dt.datetime) else None
    return result


def sheet_for(name: str) -> Sheet | None:
    """The declared sheet a workbook sheet name means ('success criteria ', 'Key' ...)."""
    key = normalise_header(name)
    for sheet in SHEETS:
        if normalise_header(sheet.name) == key:
            return sheet
    alias = SHEET_ALIASES.get(key)
    return next((s for s in SHEETS if s.name == alias), None)


class _Reader:
    def __init__(self, path: Path, grids: list[Grid], chart_sheets: list[str]):
        self.path = path
        self.grids = grids
        self.chart_sheets = chart_sheets
        self.findings: list[Finding] = []
        self.read_cells: dict[str, set[tuple[int, int]]] = defaultdict(set)
        self.year_start: dt.date | None = None
        self.plan_type = SCHOOL
        self.missing_sheets: list[str] = []

    def read(self) -> ReadResult:
        by_sheet: dict[str, Grid] = {}
        for grid in self.grids:
            sheet = sheet_for(grid.name)
            if grid.name in (INSTRUCTIONS_SHEET, FINDINGS_SHEET):
                # sipgen writes this sheet; what is in it is guidance, not plan.
                self.read_cells[grid.name].update((r, c) for r, cols in grid.cells.items() for c in cols)
            elif sheet is None or sheet.name in by_sheet:
                self._unread_sheet(grid)
            else:
                by_sheet[sheet.name] = grid
        self._report_missing_sheets(by_sheet)

        settings_grid = by_sheet.get(SETTINGS.name)
        settings = self._read_form(SETTINGS, settings_grid) if settings_grid else model.Settings(sheet=SETTINGS.name, row=1)
        self._finish_settings(settings)
        data: dict[str, object] = {"settings": settings}
        for sheet in SHEETS:
            if sheet is SETTINGS:
                continue
            grid = by_sheet.get(sheet.name)
            if sheet.form:
                data[sheet.key] = self._read_form(sheet, grid) if grid else RECORD_TYPES[sheet.key](sheet=sheet.name, row=1)
            else:
                data[sheet.key] = self._read_table(sheet, grid) if grid else []
        plan = model.Plan(source=str(self.path), sheets=tuple(g.name for g in self.grids), **data)
        self._check_references(plan)
        self._link(plan)
        return ReadResult(self.path, plan, self.findings, dict(self.read_cells))

    # -- sheets -------------------------------------------------------------------------

    def _report_missing_sheets(self, found: dict[str, Grid]) -> None:
        names = ", ".join(g.name for g in self.grids) or "none"
        for sheet in SHEETS:
            if sheet.required and sheet.name not in found:
                self.missing_sheets.append(sheet.name)
                close = difflib.get_close_matches(sheet.name, [g.name for g in self.grids], n=1, cutoff=0.5)
                hint = f"Rename the sheet '{close[0]}' to '{sheet.name}'." if close else (
                    f"Add a sheet named '{sheet.name}' (run `sipgen new` to see the layout)."
                )
                self.findings.append(finding(
                    "WB002",
                    f"The workbook has no '{sheet.name}' sheet, which every plan needs. Sheets found: {names}.",
                    hint, sheet=sheet.name,
                ))

    def _unread_sheet(self, grid: Grid) -> None:
        cells = [(r, c) for r, cols in grid.cells.items() for c in cols]
        if not cells:
            return
        first = min(cells)
        self.findings.append(finding(
            "WB008",
            f"The sheet '{grid.name}' is not part of a sipgen plan, so its {len(cells)} filled cell(s) are not read.",
            "Move anything the plan needs onto the plan's own sheets, or ignore this if the sheet is just your notes.",
            sheet=grid.name, cell=_range(cells) if len(cells) > 1 else _coord(*first),
        ))

    def _read_form(self, sheet: Sheet, grid: Grid) -> model.Record:
        """A sheet of label | value | help rows, such as Settings."""
        labels = {key: column for column in sheet.columns for key in header_keys(column)}
        known_headers = {"setting", "value", "help", "section", "text", "guidance", "item"}
        record_type = RECORD_TYPES[sheet.key]
        values: dict[str, object] = {}
        cells: dict[str, str] = {}
        used: set[tuple[int, int]] = set()
        for row, cols in sorted(grid.cells.items()):
            label_col = min(cols)
            label = cols[label_col]
            column = labels.get(normalise_header(label)) if isinstance(label, str) else None
            if column is None:
                if row <= 2 and all(normalise_header(v) in known_headers for v in cols.values() if isinstance(v, str)):
                    used.update((row, c) for c in cols)  # the header row
                continue
            used.add((row, label_col))
            cells[column.field] = _coord(row, label_col + 1)
            raw = cols.get(label_col + 1)
            if raw is not None:
                used.add((row, label_col + 1))
                values[column.field] = self._convert(sheet, column, raw, row, label_col + 1)
            if label_col + 2 in cols:
                used.add((row, label_col + 2))  # the help text beside the value
        self._account(sheet, grid, used)
        for column in sheet.columns:
            if column.field not in cells:
                continue
            if column.required and values.get(column.field) in (None, "", ()):
                self._missing_value(sheet, column, cells[column.field], "")
        fields = {k: v for k, v in values.items() if v not in (None, "")}
        return record_type(sheet=sheet.name, row=1, cells=cells, **fields)

    def _finish_settings(self, settings: model.Settings) -> None:
        plan_type = plan_type_from_label(settings.plan_type) if settings.plan_type else SCHOOL
        settings.plan_type = plan_type or SCHOOL
        self.plan_type = settings.plan_type
        if not settings.title:
            settings.title = word("{default_title}", settings.plan_type) + (f" {settings.academic_year}" if settings.academic_year else "")
        if settings.year_start is not None:
            self.year_start = settings.year_start.start
        elif settings.academic_year:
            self.year_start = default_year_start(settings.academic_year)
            if self.year_start is None:
                self.findings.append(finding(
                    "WB004",
                    f"The academic year '{settings.academic_year}' is not written like 2026-27, so half-terms such as Aut1 cannot be dated.",
                    "Write the academic year like 2026-27.",
                    sheet=settings.sheet, cell=settings.cell("academic_year"),
                ))
        for name, low, high in (("max_priorities", 1, 100), ("max_owner_share", 1, 100)):
            value = getattr(settings, name)
            if value is not None and not low <= value <= high:
                column = SETTINGS.column(name)
                self.findings.append(finding(
                    "WB004",
                    f"{column.header} is {value:g}, which sipgen cannot use; it must be between {low} and {high}.",
                    f"Type a number from {low} to {high}, or leave it blank for {column.default}.",
                    sheet=settings.sheet, cell=settings.cell(name),
                ))
                value = None
            if value is None:
                setattr(settings, name, float(SETTINGS.column(name).default))
        if not settings.layout:
            settings.layout = "Hybrid"

    def _read_table(self, sheet: Sheet, grid: Grid) -> list[model.Record]:
        header_row, mapping = self._find_header(sheet, grid)
        record_type = RECORD_TYPES[sheet.key]
        used: set[tuple[int, int]] = set()
        if header_row is None:
            self._account(sheet, grid, used)
            return []
        used.update((header_row, c) for c in mapping)
        self._report_missing_columns(sheet, grid, header_row, mapping)
        records = []
        failed = grid.failed
        for row in sorted(r for r in grid.cells if r > header_row):
            cols = grid.cells[row]
            if not any(c in mapping for c in cols):
                continue
            values: dict[str, object] = {}
            cells = {column.field: _coord(row, col) for col, column in mapping.items()}
            for col, column in mapping.items():
                if col in cols:
                    used.add((row, col))
                    values[column.field] = self._convert(sheet, column, cols[col], row, col)
            unreadable = {f for f, v in values.items() if v is None}
            unreadable |= {column.field for col, column in mapping.items() if (row, col) in failed}
            record = record_type(sheet=sheet.name, row=row, cells=cells, unreadable=unreadable,
                                 **{k: v for k, v in values.items() if v is not None})
            for col, column in mapping.items():
                if column.required and values.get(column.field) in (None, "", ()) and column.field not in unreadable:
                    self._missing_value(sheet, column, cells[column.field], getattr(record, "ref", ""))
            records.append(record)
        self._account(sheet, grid, used)
        return records

    def _find_header(self, sheet: Sheet, grid: Grid) -> tuple[int | None, dict[int, Column]]:
        keys = {key: column for column in sheet.columns for key in header_keys(column)}
        best: tuple[int, int | None, dict[int, Column]] = (0, None, {})
        for row in sorted(grid.cells)[:HEADER_SEARCH_ROWS]:
            mapping: dict[int, Column] = {}
            for col, value in sorted(grid.cells[row].items()):
                column = keys.get(normalise_header(value)) if isinstance(value, str) else None
                if column is not None and column not in mapping.values():
                    mapping[col] = column
            if len(mapping) > best[0]:
                best = (len(mapping), row, mapping)
        if best[1] is None:
            required = ", ".join(word(c.header, self.plan_type) for c in sheet.columns if c.required)
            self.findings.append(finding(
                "WB003",
                f"The '{sheet.name}' sheet has no header row sipgen recognises, so none of its rows can be read.",
                f"Put the headers in the first row; it needs at least: {required}.",
                sheet=sheet.name, cell="A1",
            ))
        return best[1], best[2]

    def _report_missing_columns(self, sheet: Sheet, grid: Grid, header_row: int, mapping: dict[int, Column]) -> None:
        unmatched = {col: as_text(v) for col, v in grid.cells[header_row].items() if col not in mapping}
        for column in sheet.columns:
            if not column.required or column in mapping.values():
                continue
            header = word(column.header, self.plan_type)
            close = difflib.get_close_matches(header.casefold(), [h.casefold() for h in unmatched.values()], n=1, cutoff=0.4)
            if close:
                col = next(c for c, h in unmatched.items() if h.casefold() == close[0])
                hint = f"If column {get_column_letter(col)} ('{unmatched[col]}') holds it, rename that header to '{header}'."
                cell = _coord(header_row, col)
            else:
                hint = f"Add a column headed '{header}'."
                cell = _coord(header_row, max(grid.cells[header_row]) + 1)
            self.findings.append(finding(
                "WB003",
                f"The '{sheet.name}' sheet has no '{header}' column, which sipgen needs.",
                hint, sheet=sheet.name, cell=cell,
            ))

    # -- cells ---------------------------------------------------------------------------

    def _convert(self, sheet: Sheet, column: Column, raw: object, row: int, col: int) -> object:
        if isinstance(raw, str) and _CONTROL.search(raw):
            count = len(_CONTROL.findall(raw))
            raw = _CONTROL.sub("", raw)
            self.findings.append(finding(
                "WB007",
                f"This cell holds {count} control character{'s' if count > 1 else ''} that a document cannot show; sipgen leaves {'them' if count > 1 else 'it'} out.",
                "Retype the text, or paste it as plain text, to remove the hidden characters.",
                sheet=sheet.name, cell=_coord(row, col),
            ))
        try:
            return convert(column, raw, self.year_start)
        except BadValue as exc:
            header = word(column.header, self.plan_type)
            self.findings.append(finding(
                "WB004", f"{header}: {exc}", exc.hint, sheet=sheet.name, cell=_coord(row, col),
            ))
            return None

    def _missing_value(self, sheet: Sheet, column: Column, cell: str, ref: str) -> None:
        header = word(column.header, self.plan_type)
        what = f"This row has no {header}" if not sheet.form else f"{header} is blank"
        self.findings.append(finding(
            "WB004", f"{what}, and sipgen needs one.", "Fill it in. " + word(column.help, self.plan_type),
            sheet=sheet.name, cell=cell, ref=ref,
        ))

    def _account(self, sheet: Sheet, grid: Grid, used: set[tuple[int, int]]) -> None:
        """Report formula and error cells (WB007) and every filled cell not read (WB008)."""
        self.read_cells[grid.name].update(used)
        for row, col in grid.no_value:
            self.findings.append(finding(
                "WB007",
                "This cell holds a formula with no saved result, so sipgen cannot see its value.",
                "Open the workbook in Excel and save it once so the result is stored, or type the value itself.",
                sheet=sheet.name, cell=_coord(row, col),
            ))
        for row, col, error in grid.errors:
            self.findings.append(finding(
                "WB007",
                f"This cell shows the error {error}, so sipgen cannot read a value from it.",
                "Correct the formula, or type the value itself.",
                sheet=sheet.name, cell=_coord(row, col),
            ))
        for merged in grid.merged:
            first = merged.split(":")[0]
            self.findings.append(finding(
                "WB008",
                f"Cells {merged} are merged, so sipgen reads only {first}; whatever the others held is lost to it.",
                "Unmerge the cells (Home > Merge & Center) and put each value in its own cell.",
                sheet=sheet.name, cell=merged,
            ))
        by_col: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for row, cols in grid.cells.items():
            for col in cols:
                if (row, col) not in used:
                    by_col[col].append((row, col))
        for col, cells in sorted(by_col.items()):
            letter = get_column_letter(col)
            n = len(cells)
            place = _range(cells) if n > 1 else _coord(*cells[0])
            self.findings.append(finding(
                "WB008",
                f"{n} filled cell{'s' if n > 1 else ''} in column {letter} ({place}) {'are' if n > 1 else 'is'} not read: "
                + ("the column has no header sipgen knows." if not sheet.form else "they are not beside a setting sipgen knows."),
                "Move the text into a column sipgen reads, or rename the header to one in the template; ignore this if they are only notes.",
                sheet=sheet.name, cell=place,
            ))

    # -- references -----------------------------------------------------------------------

    def _check_references(self, plan: model.Plan) -> None:
        for records, label in (
            (plan.priorities, "priority"), (plan.objectives, "objective"), (plan.actions, "action"),
            (plan.criteria, "success criterion"), (plan.aims, "aim"),
        ):
            seen: dict[str, model.Record] = {}
            for record in records:
                ref = getattr(record, "ref")
                if not ref:
                    continue
                if ref in seen:
                    self.findings.append(finding(
                        "WB005",
                        f"The reference {ref} is used twice: this {label} and the one at {seen[ref].where('ref')}.",
                        "Give each row its own reference, e.g. renumber this one.",
                        sheet=record.sheet, cell=record.cell("ref"), ref=ref,
                    ))
                else:
                    seen[ref] = record
        seen_people: dict[str, model.Person] = {}
        for person in plan.staff:
            key = person.initials.upper()
            if key and key in seen_people:
                self.findings.append(finding(
                    "WB005",
                    f"The initials {person.initials} are listed twice on the Staff sheet (also at {seen_people[key].where('initials')}).",
                    "Give each person different initials, e.g. add a middle initial.",
                    sheet=person.sheet, cell=person.cell("initials"),
                ))
            elif key:
                seen_people[key] = person
        priorities = {p.ref for p in plan.priorities}
        objectives = {o.ref for o in plan.objectives}
        parents = (
            (plan.objectives, "priority", priorities, "priority", "Priorities"),
            (plan.actions, "objective", objectives, "objective", "Objectives"),
            (plan.criteria, "parent", priorities | objectives, "priority or objective", "Priorities or Objectives"),
            (plan.checks, "priority", priorities, "priority", "Priorities"),
        )
        if self.missing_sheets:
            return  # parents on a missing sheet would all be "missing": WB002 says so once
        for records, attr, existing, label, where in parents:
            for record in records:
                parent = getattr(record, attr)
                if parent and parent not in existing:
                    self.findings.append(finding(
                        "WB006",
                        f"This row belongs to {label} {parent}, but there is no {label} {parent}.",
                        f"Correct the reference, or add {parent} to the {where} sheet.",
                        sheet=record.sheet, cell=record.cell(attr), ref=getattr(record, "ref", "") or parent,
                    ))

    def _link(self, plan: model.Plan) -> None:
        priorities = {}
        for priority in plan.priorities:
            priorities.setdefault(priority.ref, priority)
        objectives = {}
        for objective in plan.objectives:
            objectives.setdefault(objective.ref, objective)
            if objective.priority in priorities:
                priorities[objective.priority].objectives.append(objective)
        for action in plan.actions:
            if action.objective in objectives:
                objectives[action.objective].actions.append(action)


def _coord(row: int, col: int) -> str:
    return f"{get_column_letter(col)}{row}"


def _range(cells: list[tuple[int, int]]) -> str:
    rows = [r for r, _ in cells]
    cols = [c for _, c in cells]
    return f"{_coord(min(rows), min(cols))}:{_coord(max(rows), max(cols))}"
