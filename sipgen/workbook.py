"""Writing the plan workbook that staff fill in Excel, from the schema, blank or filled.

Everything here comes from :mod:`sipgen.schema`: sheets, headers, widths, dropdowns,
help on every header (a comment) and every input cell (an input message), the
Instructions sheet. Filling it with a plan's rows (:func:`write_workbook` with ``data``)
is how the samples and ``sipgen new --example`` are made.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .colours import ACCENT as HEADER_FILL
from .colours import FORM_LABEL_FILL, RAG_FILLS
from .colours import HELP_TEXT as HELP_FONT
from .colours import ON_ACCENT as HEADER_FONT
from .files import write_atomically
from .schema import INSTRUCTIONS_SHEET, SHEETS, Column, Kind, Sheet
from .terms import PLAN_TYPE_LABELS, SCHOOL, word

INPUT_ROWS = 300  # rows prepared with dropdowns and formats below each header
DATE_FORMAT = "dd/mm/yyyy"
MONEY_FORMAT = '"£"#,##0'


def write_workbook(path: str | Path, plan_type: str = SCHOOL, data: dict | None = None) -> Path:
    """Write the plan workbook to ``path`` (atomically): blank, or filled with ``data``.

    ``data`` maps each sheet's key (``settings``, ``actions`` ...) to a dict (form sheets)
    or a list of dicts (table sheets) keyed by column field, as in ``sipgen/examples``.
    """
    path = Path(path)
    workbook = build_workbook(plan_type, data)
    write_atomically(path, workbook.save)
    return path


def build_workbook(plan_type: str = SCHOOL, data: dict | None = None):
    """The openpyxl workbook :func:`write_workbook` saves."""
    from openpyxl import Workbook
    from openpyxl.workbook.defined_name import DefinedName

    data = data or {}
    workbook = Workbook()
    instructions = workbook.active
    instructions.title = INSTRUCTIONS_SHEET
    _write_instructions(instructions, plan_type)
    for sheet in SHEETS:
        worksheet = workbook.create_sheet(sheet.name)
        if sheet.form:
            values = dict(data.get(sheet.key, {}))
            if sheet.key == "settings":
                values.setdefault("plan_type", PLAN_TYPE_LABELS[plan_type])
            _write_form(worksheet, sheet, plan_type, values)
        else:
            _write_table(worksheet, sheet, plan_type, data.get(sheet.key, []))
        if sheet.list_name:
            quoted = f"'{sheet.name}'" if " " in sheet.name else sheet.name
            workbook.defined_names[sheet.list_name] = DefinedName(
                sheet.list_name, attr_text=f"{quoted}!$A$2:$A${INPUT_ROWS + 1}"
            )
    workbook.active = 0
    return workbook


def _styles():
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color="BFBFBF")
    return {
        "header_font": Font(bold=True, color=HEADER_FONT),
        "header_fill": PatternFill("solid", fgColor=HEADER_FILL),
        "label_fill": PatternFill("solid", fgColor=FORM_LABEL_FILL),
        "wrap": Alignment(wrap_text=True, vertical="top"),
        "header_align": Alignment(wrap_text=True, vertical="center"),
        "help_font": Font(italic=True, color=HELP_FONT),
        "bold": Font(bold=True),
        "border": Border(bottom=thin),
    }


def _print_setup(worksheet, landscape: bool = True, title_row: bool = True) -> None:
    worksheet.page_setup.orientation = "landscape" if landscape else "portrait"
    worksheet.page_setup.paperSize = worksheet.PAPERSIZE_A4
    worksheet.page_setup.fitToWidth = 1
    worksheet.page_setup.fitToHeight = 0
    worksheet.sheet_properties.pageSetUpPr.fitToPage = True
    if title_row:
        worksheet.print_title_rows = "1:1"


def _help(column: Column, plan_type: str) -> str:
    text = word(column.help, plan_type)
    if column.required:
        text = "Required. " + text
    return text


def _validation(column: Column, plan_type: str, cells: str):
    """A data validation for ``cells``: a dropdown or date rule with help, or help alone."""
    from openpyxl.worksheet.datavalidation import DataValidation

    title = word(column.header, plan_type)[:32]
    prompt = _help(column, plan_type)[:250]
    if column.choices:
        choices = ",".join(word(c, plan_type) for c in column.choices)
        rule = DataValidation(
            type="list",
            formula1=f'"{choices}"',
            errorStyle="warning",
            errorTitle="Not one of the choices",
            error=f"Choose one of: {choices.replace(',', ', ')}.",
        )
    elif column.dropdown:
        # Several initials ("JB, KL") are allowed, so a value not in the list only informs.
        rule = DataValidation(
            type="list",
            formula1=column.dropdown,
            errorStyle="information",
            errorTitle="Not in the list",
            error="This is not in the list. If it is new, add it to the Staff, Priorities or Objectives sheet.",
        )
    elif column.kind is Kind.DATE:
        rule = DataValidation(
            type="date",
            operator="between",
            formula1="DATE(2000,1,1)",
            formula2="DATE(2100,12,31)",
            errorStyle="information",
            errorTitle="Not a date",
            error="Excel does not see a date here. sipgen also reads a month (Sept 25), a term (Autumn 2025) "
            "or a half-term (Aut1); otherwise type a date like 14/10/2026.",
        )
    elif column.kind in (Kind.MONEY, Kind.NUMBER):
        rule = DataValidation(
            type="decimal",
            operator="greaterThanOrEqual",
            formula1="0",
            errorStyle="warning",
            errorTitle="Not a number",
            error="Type a number, e.g. 380. Put words in the Resources column.",
        )
    else:
        rule = DataValidation()
    rule.showInputMessage = True
    rule.showErrorMessage = rule.type is not None
    rule.allow_blank = True
    rule.promptTitle = title
    rule.prompt = prompt
    rule.add(cells)
    return rule


def _write_instructions(worksheet, plan_type: str) -> None:
    styles = _styles()
    worksheet.column_dimensions["A"].width = 30
    worksheet.column_dimensions["B"].width = 11
    worksheet.column_dimensions["C"].width = 90
    rows: list[tuple[str, str, str, str]] = [
        ("title", word("How to fill in this {organisation} improvement plan", plan_type), "", ""),
        (
            "text",
            "Fill in each sheet from left to right. Each header has a note with help (hover over it), "
            "and each cell shows a short message when you select it. Columns marked Required must be filled "
            "for every row. Dropdowns offer the choices, and the initials on the Staff sheet.",
            "",
            "",
        ),
        (
            "text",
            "When you are ready, run `sipgen check` on this file: it lists, cell by cell, anything that "
            "is missing or could be stronger. `sipgen build` then writes the Word document for the "
            + word("{board}.", plan_type),
            "",
            "",
        ),
        (
            "text",
            "Dates can be typed as dates (14/10/2026, 8 Sept 2025), months (Sept 25), terms (Autumn 2025, "
            "Spring term) or half-terms (Aut1, Aut2, Spr1, Spr2, Sum1, Sum2). In Start and Due, a range such as "
            "Autumn 25 - Feb 26 fills both, and a timing such as Termly or Ongoing is kept as written.",
            "",
            "",
        ),
        ("gap", "", "", ""),
    ]
    for sheet in SHEETS:
        rows.append(("sheet", sheet.name, "", word(sheet.purpose, plan_type)))
        rows.append(("colhead", "Setting" if sheet.form else "Column", "Required", "What to type"))
        for column in sheet.columns:
            rows.append(
                (
                    "column",
                    word(column.header, plan_type),
                    "Required" if column.required else "",
                    word(column.help, plan_type),
                )
            )
        rows.append(("gap", "", "", ""))
    for number, (kind, first, second, third) in enumerate(rows, start=1):
        if kind == "title":
            cell = worksheet.cell(number, 1, first)
            from openpyxl.styles import Font

            cell.font = Font(bold=True, size=14)
        elif kind == "text":
            worksheet.merge_cells(start_row=number, start_column=1, end_row=number, end_column=3)
            cell = worksheet.cell(number, 1, first)
            cell.alignment = styles["wrap"]
            _fit_height(worksheet, number, [(first, 131)])
        elif kind == "sheet":
            worksheet.cell(number, 1, first).font = styles["bold"]
            cell = worksheet.cell(number, 3, third)
            cell.alignment = styles["wrap"]
            _fit_height(worksheet, number, [(third, 90)])
        elif kind == "colhead":
            for col, value in enumerate((first, second, third), start=1):
                cell = worksheet.cell(number, col, value)
                cell.font = styles["header_font"]
                cell.fill = styles["header_fill"]
        elif kind == "column":
            worksheet.cell(number, 1, first).alignment = styles["wrap"]
            worksheet.cell(number, 2, second)
            worksheet.cell(number, 3, third).alignment = styles["wrap"]
            _fit_height(worksheet, number, [(first, 30), (third, 90)])
    _print_setup(worksheet, landscape=False, title_row=False)


def _write_form(worksheet, sheet: Sheet, plan_type: str, values: dict) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import Protection

    styles = _styles()
    for col, (header, width) in enumerate((("Setting", 36), ("Value", 48), ("Help", 70)), start=1):
        cell = worksheet.cell(1, col, header)
        cell.font = styles["header_font"]
        cell.fill = styles["header_fill"]
        worksheet.column_dimensions[cell.column_letter].width = width
    long_text = any(c.kind is Kind.LONG_TEXT for c in sheet.columns)
    if long_text:
        worksheet.column_dimensions["B"].width = 90
    for row, column in enumerate(sheet.columns, start=2):
        label = worksheet.cell(row, 1, word(column.header, plan_type))
        label.font = styles["bold"]
        label.fill = styles["label_fill"]
        label.alignment = styles["wrap"]
        label.comment = Comment(_help(column, plan_type), "sipgen", width=320, height=110)
        value = worksheet.cell(row, 2)
        _set_value(value, column, values.get(column.field))
        value.alignment = styles["wrap"]
        value.protection = Protection(locked=False)
        worksheet.cell(row, 3, word(column.help, plan_type)).font = styles["help_font"]
        worksheet.cell(row, 3).alignment = styles["wrap"]
        value_width = worksheet.column_dimensions["B"].width
        _fit_height(
            worksheet,
            row,
            [
                (word(column.header, plan_type), 36),
                (str(value.value or ""), value_width),
                (word(column.help, plan_type), 70),
            ],
            minimum=60 if column.kind is Kind.LONG_TEXT else 15,
        )
        worksheet.add_data_validation(_validation(column, plan_type, f"B{row}"))
    worksheet.freeze_panes = "B2"
    _print_setup(worksheet, landscape=False)


def _write_table(worksheet, sheet: Sheet, plan_type: str, rows: list[dict]) -> None:
    from openpyxl.comments import Comment
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import PatternFill
    from openpyxl.utils import get_column_letter

    styles = _styles()
    last_row = max(INPUT_ROWS, len(rows)) + 1
    for col, column in enumerate(sheet.columns, start=1):
        letter = get_column_letter(col)
        header = worksheet.cell(1, col, word(column.header, plan_type))
        header.font = styles["header_font"]
        header.fill = styles["header_fill"]
        header.alignment = styles["header_align"]
        header.comment = Comment(_help(column, plan_type), "sipgen", width=320, height=110)
        worksheet.column_dimensions[letter].width = column.width
        worksheet.add_data_validation(_validation(column, plan_type, f"{letter}2:{letter}{last_row}"))
        if column.kind is Kind.DATE:
            _column_format(worksheet, col, last_row, DATE_FORMAT)
        elif column.kind is Kind.MONEY:
            _column_format(worksheet, col, last_row, MONEY_FORMAT)
        if column.choices == ("Red", "Amber", "Green"):
            for rag, colour in RAG_FILLS.items():
                worksheet.conditional_formatting.add(
                    f"{letter}2:{letter}{last_row}",
                    CellIsRule(operator="equal", formula=[f'"{rag}"'], fill=PatternFill(bgColor=colour)),
                )
    worksheet.row_dimensions[1].height = 30
    for row_number, row in enumerate(rows, start=2):
        for col, column in enumerate(sheet.columns, start=1):
            cell = worksheet.cell(row_number, col)
            _set_value(cell, column, row.get(column.field))
            cell.alignment = styles["wrap"]
        _fit_height(worksheet, row_number, [(str(row.get(c.field) or ""), c.width) for c in sheet.columns])
    worksheet.freeze_panes = "B2"
    worksheet.auto_filter.ref = f"A1:{get_column_letter(len(sheet.columns))}1"
    _print_setup(worksheet)


def _fit_height(worksheet, row: int, texts: list[tuple[str, float]], minimum: float = 15) -> None:
    """Set a row tall enough for its wrapped texts ((text, column width) pairs).

    Excel and LibreOffice do not grow rows for text written by a program, so a long help
    text would overlap the next row without this.
    """
    import math

    lines = max(
        (
            sum(max(1, math.ceil(len(part) / max(width * 1.1, 1))) for part in str(text).split("\n"))
            for text, width in texts
            if text
        ),
        default=1,
    )
    worksheet.row_dimensions[row].height = max(minimum, 15 * lines)


def _column_format(worksheet, col: int, last_row: int, number_format: str) -> None:
    for row in range(2, last_row + 1):
        worksheet.cell(row, col).number_format = number_format


def _set_value(cell, column: Column, value) -> None:
    if value is None or value == "":
        return
    if isinstance(value, (list, tuple, set, frozenset)):
        value = ", ".join(str(v) for v in value)
    if column.kind is Kind.DATE and isinstance(value, dt.date):
        cell.value = value
        cell.number_format = DATE_FORMAT
        return
    if column.kind is Kind.MONEY and isinstance(value, (int, float)):
        cell.value = value
        cell.number_format = MONEY_FORMAT
        return
    cell.value = value
