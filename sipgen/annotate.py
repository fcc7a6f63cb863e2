"""A copy of the checked workbook with each finding on its cell, and a Findings sheet linking to them.

The input workbook is never written: the copy goes to another path, atomically.
"""

from __future__ import annotations

from pathlib import Path

from .checker import CheckResult
from .colours import ACCENT
from .files import check_output, write_atomically
from .findings import Severity
from .report import summary_line
from .schema import FINDINGS_SHEET

FILLS = {Severity.ERROR: "F8CBAD", Severity.WARNING: "FFE699", Severity.INFO: "BDD7EE"}
COLUMNS = (
    ("Severity", 10),
    ("Code", 8),
    ("Where", 26),
    ("Ref", 9),
    ("Message", 70),
    ("How to fix it", 60),
    ("Source", 20),
)


def annotate(result: CheckResult, out: str | Path) -> Path:
    """Write the annotated copy of ``result``'s workbook to ``out``; return ``out``.

    Raises :class:`sipgen.files.OutputError` when ``out`` cannot be written safely.
    """
    from openpyxl import load_workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill
    from openpyxl.worksheet.hyperlink import Hyperlink

    out = Path(out)
    check_output(out, inputs=(result.path,))
    workbook = load_workbook(result.path, keep_links=False)
    notes: dict[tuple[str, str], list[str]] = {}
    worst: dict[tuple[str, str], Severity] = {}
    for finding in result.findings:
        if finding.sheet in workbook.sheetnames and finding.cell:
            key = (finding.sheet, finding.cell.split(":")[0])
            notes.setdefault(key, []).append(
                f"{finding.severity.value} {finding.code}: {finding.message}\nFix: {finding.hint}"
            )
            if key not in worst or finding.severity.rank < worst[key].rank:
                worst[key] = finding.severity
    for (sheet, coordinate), lines in notes.items():
        cell = workbook[sheet][coordinate]
        if type(cell).__name__ == "MergedCell":
            continue
        text = "\n\n".join(lines)
        if cell.comment is not None:
            text = cell.comment.text + "\n\n" + text
        cell.comment = Comment(text[:32000], "sipgen check", width=360, height=min(60 + 60 * len(lines), 400))
        cell.fill = PatternFill("solid", fgColor=FILLS[worst[(sheet, coordinate)]])

    if FINDINGS_SHEET in workbook.sheetnames:
        del workbook[FINDINGS_SHEET]
    sheet = workbook.create_sheet(FINDINGS_SHEET, 0)
    sheet["A1"] = f"sipgen check: {summary_line(result)}"
    sheet["A1"].font = Font(bold=True, size=12)
    for col, (header, width) in enumerate(COLUMNS, start=1):
        cell = sheet.cell(2, col, header)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=ACCENT)
        sheet.column_dimensions[cell.column_letter].width = width
    for row, finding in enumerate(result.findings, start=3):
        values = (
            finding.severity.value,
            finding.code,
            finding.where,
            finding.ref,
            finding.message,
            finding.hint,
            finding.source,
        )
        for col, value in enumerate(values, start=1):
            sheet.cell(row, col, value)
        sheet.cell(row, 1).fill = PatternFill("solid", fgColor=FILLS[finding.severity])
        if finding.sheet in workbook.sheetnames and finding.cell:
            link = sheet.cell(row, 3)
            # An internal link (location, no target): Excel and LibreOffice jump to the cell.
            link.hyperlink = Hyperlink(
                ref=link.coordinate, location=f"{finding.where.split('!')[0]}!{finding.cell.split(':')[0]}"
            )
            link.style = "Hyperlink"
    sheet.freeze_panes = "A3"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    workbook.active = 0
    write_atomically(out, workbook.save)
    return out
