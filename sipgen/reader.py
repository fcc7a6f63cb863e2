"""Reading a plan workbook into the model, reporting every structural problem (WB codes).

The reader finds sheets by name and columns by header (order, case and spacing forgiven),
skips blank rows, and accounts for every filled cell: each one is read into the model or
reported as WB008, so nothing a user typed is silently lost.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.utils import get_column_letter

from . import model
from .dates import fill_range, plan_year_start
from .findings import Finding
from .headers import column_findings, find_header, guess_unknown, match_key, no_header
from .parents import check_references, link
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
from .values import CONTROL_CHARACTERS, PENDING, BadValue, convert
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
    "glossary": model.GlossaryEntry,
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
# Characters XML (and so Word) cannot hold; tab, line feed and carriage return are fine.
_CONTROL = CONTROL_CHARACTERS


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
        return ReadResult(path, None, [finding("WB001", str(exc), exc.hint)])
    if not any(sheet_for(g.name) for g in grids):
        return ReadResult(path, None, [_not_a_plan(path, grids)])
    result = _Reader(path, grids, chart_sheets).read()
    result.plan.saved = saved if isinstance(saved, dt.datetime) else None
    return result


def _not_a_plan(path: Path, grids: list[Grid]) -> Finding:
    """One sentence for a workbook with none of the plan's sheets, instead of a WB002 for each."""
    names = ", ".join(f"'{g.name}'" for g in grids) or "none"
    return finding(
        "WB002",
        f"{path}: this workbook is not a sipgen plan; none of its sheets ({names}) is one of the plan's "
        "(Settings, Priorities, Actions ...).",
        "Run `sipgen new plan.xlsx` for a plan workbook and copy your plan into it, or check that "
        f"{path.name} is the right file.",
    )


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
        settings = (
            self._read_form(SETTINGS, settings_grid) if settings_grid else model.Settings(sheet=SETTINGS.name, row=1)
        )
        self._finish_settings(settings)
        data: dict[str, object] = {"settings": settings}
        for sheet in SHEETS:
            if sheet is SETTINGS:
                continue
            grid = by_sheet.get(sheet.name)
            if sheet.form:
                data[sheet.key] = (
                    self._read_form(sheet, grid) if grid else RECORD_TYPES[sheet.key](sheet=sheet.name, row=1)
                )
            else:
                data[sheet.key] = self._read_table(sheet, grid) if grid else []
        plan = model.Plan(source=str(self.path), sheets=tuple(g.name for g in self.grids), **data)
        # Parents on a missing sheet would all be "missing": WB002 says so once.
        self.findings += check_references(plan, parents_checked=not self.missing_sheets)
        link(plan)
        return ReadResult(self.path, plan, self.findings, dict(self.read_cells))

    # -- sheets -------------------------------------------------------------------------

    def _report_missing_sheets(self, found: dict[str, Grid]) -> None:
        names = ", ".join(g.name for g in self.grids) or "none"
        for sheet in SHEETS:
            if sheet.required and sheet.name not in found:
                self.missing_sheets.append(sheet.name)
                close = difflib.get_close_matches(sheet.name, [g.name for g in self.grids], n=1, cutoff=0.5)
                hint = (
                    f"Rename the sheet '{close[0]}' to '{sheet.name}'."
                    if close
                    else (f"Add a sheet named '{sheet.name}' (run `sipgen new` to see the layout).")
                )
                self.findings.append(
                    finding(
                        "WB002",
                        f"The workbook has no '{sheet.name}' sheet, which every plan needs. Sheets found: {names}.",
                        hint,
                        sheet=sheet.name,
                    )
                )

    def _unread_sheet(self, grid: Grid) -> None:
        cells = [(r, c) for r, cols in grid.cells.items() for c in cols]
        if not cells:
            return
        first = min(cells)
        self.findings.append(
            finding(
                "WB008",
                f"The sheet '{grid.name}' is not part of a sipgen plan, so its {len(cells)} filled cell(s) "
                "are not read.",
                "Move anything the plan needs onto the plan's own sheets, or ignore this if the sheet is just "
                "your notes.",
                sheet=grid.name,
                cell=_range(cells) if len(cells) > 1 else _coord(*first),
            )
        )

    def _read_form(self, sheet: Sheet, grid: Grid) -> model.Record:
        """A sheet of label | value | help rows, such as Settings."""
        labels = {match_key(key): column for column in sheet.columns for key in header_keys(column)}
        known_headers = {"setting", "value", "help", "section", "text", "guidance", "item"}
        record_type = RECORD_TYPES[sheet.key]
        values: dict[str, object] = {}
        cells: dict[str, str] = {}
        used: set[tuple[int, int]] = set()
        for row, cols in sorted(grid.cells.items()):
            label_col = min(cols)
            label = cols[label_col]
            column = labels.get(match_key(label)) if isinstance(label, str) else None
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
        pending = {k for k, v in values.items() if v is PENDING}
        fields = {k: v for k, v in values.items() if v not in (None, "") and k not in pending}
        return record_type(sheet=sheet.name, row=1, cells=cells, pending=pending, **fields)

    def _finish_settings(self, settings: model.Settings) -> None:
        plan_type = plan_type_from_label(settings.plan_type) if settings.plan_type else SCHOOL
        settings.plan_type = plan_type or SCHOOL
        self.plan_type = settings.plan_type
        if not settings.title:
            settings.title = word("{default_title}", settings.plan_type) + (
                f" {settings.academic_year}" if settings.academic_year else ""
            )
        self.year_start = plan_year_start(settings)
        if self.year_start is None and settings.academic_year:
            self.findings.append(
                finding(
                    "WB004",
                    f"The academic year '{settings.academic_year}' is not written like 2026-27, so "
                    "half-terms such as Aut1 cannot be dated.",
                    "Write the academic year like 2026-27.",
                    sheet=settings.sheet,
                    cell=settings.cell("academic_year"),
                )
            )
        for name, low, high in (("max_priorities", 1, 100), ("max_owner_share", 1, 100)):
            value = getattr(settings, name)
            if value is not None and not low <= value <= high:
                column = SETTINGS.column(name)
                self.findings.append(
                    finding(
                        "WB004",
                        f"{column.header} is {value:g}, which sipgen cannot use; it must be between {low} and {high}.",
                        f"Type a number from {low} to {high}, or leave it blank for {column.default}.",
                        sheet=settings.sheet,
                        cell=settings.cell(name),
                    )
                )
                value = None
            if value is None:
                setattr(settings, name, float(SETTINGS.column(name).default))
        if not settings.layout:
            settings.layout = "Hybrid"

    def _read_table(self, sheet: Sheet, grid: Grid) -> list[model.Record]:
        header_row, mapping = find_header(sheet, grid.cells)
        used: set[tuple[int, int]] = set()
        if header_row is None:
            self.findings.append(no_header(sheet, self.plan_type))
            self._account(sheet, grid, used)
            return []
        used.update((header_row, c) for c in mapping)
        # A title typed above the headers ("Ashgrove SIP 2025-26") names the sheet; it is not plan data.
        used.update((r, c) for r in grid.cells if r < header_row and len(grid.cells[r]) == 1 for c in grid.cells[r])
        guesses = guess_unknown(sheet, grid.cells, header_row, mapping, self.plan_type, self.year_start)
        self.findings += column_findings(sheet, grid.cells, header_row, mapping, guesses, self.plan_type)
        # The cells of a guessed column are named by its WB003, so they are not reported again as WB008.
        used.update((r, g.col) for g in guesses for r, cols in grid.cells.items() if r >= header_row and g.col in cols)
        failed = grid.failed  # a set built from the sheet's lists: once a sheet, not once a cell
        records = [
            self._read_row(sheet, grid, row, mapping, used, failed)
            for row in sorted(r for r in grid.cells if r > header_row)
            if any(c in mapping for c in grid.cells[row])
        ]
        self._account(sheet, grid, used)
        return records

    def _read_row(
        self, sheet: Sheet, grid: Grid, row: int, mapping: dict[int, Column], used: set, failed: set
    ) -> model.Record:
        cols = grid.cells[row]
        values: dict[str, object] = {}
        cells = {column.field: _coord(row, col) for col, column in mapping.items()}
        for col, column in mapping.items():
            if col in cols:
                used.add((row, col))
                values[column.field] = self._convert(sheet, column, cols[col], row, col)
        # A cost typed as "TBC" is kept as pending: shown as TBC, and left out of the totals.
        pending = {f for f, v in values.items() if v is PENDING}
        for name in pending:
            values[name] = None
        unreadable = {f for f, v in values.items() if v is None and f not in pending}
        unreadable |= {column.field for col, column in mapping.items() if (row, col) in failed}
        if "start" in values or "due" in values:
            # A range typed in one cell ("Autumn 25 - Feb 26") fills both start and due.
            values["start"], values["due"] = fill_range(values.get("start"), values.get("due"))
        record = RECORD_TYPES[sheet.key](
            sheet=sheet.name,
            row=row,
            cells=cells,
            unreadable=unreadable,
            pending=pending,
            **{k: v for k, v in values.items() if v is not None},
        )
        for column in mapping.values():
            if column.required and values.get(column.field) in (None, "", ()) and column.field not in unreadable:
                self._missing_value(sheet, column, cells[column.field], getattr(record, "ref", ""))
        return record

    # -- cells ---------------------------------------------------------------------------

    def _convert(self, sheet: Sheet, column: Column, raw: object, row: int, col: int) -> object:
        if isinstance(raw, str) and _CONTROL.search(raw):
            count = len(_CONTROL.findall(raw))
            raw = _CONTROL.sub("", raw)
            self.findings.append(
                finding(
                    "WB007",
                    f"This cell holds {count} control character{'s' if count > 1 else ''} that a document "
                    f"cannot show; sipgen leaves {'them' if count > 1 else 'it'} out.",
                    "Retype the text, or paste it as plain text, to remove the hidden characters.",
                    sheet=sheet.name,
                    cell=_coord(row, col),
                )
            )
        try:
            return convert(column, raw, self.year_start)
        except BadValue as exc:
            header = word(column.header, self.plan_type)
            self.findings.append(
                finding(
                    "WB004",
                    f"{header}: {exc}",
                    exc.hint,
                    sheet=sheet.name,
                    cell=_coord(row, col),
                )
            )
            return None

    def _missing_value(self, sheet: Sheet, column: Column, cell: str, ref: str) -> None:
        header = word(column.header, self.plan_type)
        what = f"This row has no {header}" if not sheet.form else f"{header} is blank"
        self.findings.append(
            finding(
                "WB004",
                f"{what}, and sipgen needs one.",
                "Fill it in. " + word(column.help, self.plan_type),
                sheet=sheet.name,
                cell=cell,
                ref=ref,
            )
        )

    def _account(self, sheet: Sheet, grid: Grid, used: set[tuple[int, int]]) -> None:
        """Report formula and error cells (WB007) and every filled cell not read (WB008)."""
        self.read_cells[grid.name].update(used)
        for row, col in grid.no_value:
            self.findings.append(
                finding(
                    "WB007",
                    "This cell holds a formula with no saved result, so sipgen cannot see its value.",
                    "Open the workbook in Excel and save it once so the result is stored, or type the value itself.",
                    sheet=sheet.name,
                    cell=_coord(row, col),
                )
            )
        for row, col, error in grid.errors:
            self.findings.append(
                finding(
                    "WB007",
                    f"This cell shows the error {error}, so sipgen cannot read a value from it.",
                    "Correct the formula, or type the value itself.",
                    sheet=sheet.name,
                    cell=_coord(row, col),
                )
            )
        for merged in grid.merged:
            first = merged.split(":")[0]
            self.findings.append(
                finding(
                    "WB008",
                    f"Cells {merged} are merged, so sipgen reads only {first}; whatever the others held is lost to it.",
                    "Unmerge the cells (Home > Merge & Center) and put each value in its own cell.",
                    sheet=sheet.name,
                    cell=merged,
                )
            )
        by_col: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for row, cols in grid.cells.items():
            for col in cols:
                if (row, col) not in used:
                    by_col[col].append((row, col))
        for col, cells in sorted(by_col.items()):
            letter = get_column_letter(col)
            n = len(cells)
            place = _range(cells) if n > 1 else _coord(*cells[0])
            self.findings.append(
                finding(
                    "WB008",
                    f"{n} filled cell{'s' if n > 1 else ''} in column {letter} ({place}) "
                    f"{'are' if n > 1 else 'is'} not read: "
                    + (
                        "the column has no header sipgen knows."
                        if not sheet.form
                        else "they are not beside a setting sipgen knows."
                    ),
                    "Move the text into a column sipgen reads, or rename the header to one in the template; "
                    "ignore this if they are only notes.",
                    sheet=sheet.name,
                    cell=place,
                )
            )


def _coord(row: int, col: int) -> str:
    return f"{get_column_letter(col)}{row}"


def _range(cells: list[tuple[int, int]]) -> str:
    rows = [r for r, _ in cells]
    cols = [c for _, c in cells]
    return f"{_coord(min(rows), min(cols))}:{_coord(max(rows), max(cols))}"
