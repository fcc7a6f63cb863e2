"""Opening a workbook safely and reading its filled cells, one pass a sheet.

Every way a file can fail to be a workbook becomes one :class:`WorkbookError` with a
sentence a school business manager can act on (rule WB001); nothing else escapes.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

# Refuse archives that would inflate past these before any XML is parsed (zip bombs).
MAX_UNCOMPRESSED = 300 * 1024 * 1024
MAX_MEMBER = 200 * 1024 * 1024
MAX_RATIO = 200  # a worksheet compresses well, but not this well unless it is a bomb
MAX_MEMBERS = 5000

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


SAVE_AS_XLSX = "Save the plan from Excel as an .xlsx workbook."


# How to turn another spreadsheet into the .xlsx sipgen reads, in both office suites schools use.
SAVE_AS_STEPS = (
    "Open it and save it as .xlsx: in Excel, File > Save As > Excel Workbook (.xlsx); "
    "in LibreOffice, File > Save As > Excel 2007-365 (.xlsx)"
)


class WorkbookError(Exception):
    """The file cannot be read as a workbook. ``str()`` is the one-line reason for the user;
    ``hint`` says what to do about it."""

    def __init__(self, message: str, hint: str = SAVE_AS_XLSX):
        super().__init__(message)
        self.hint = hint


@dataclass
class Grid:
    """The filled cells of one sheet: ``cells[row][col]`` (1-based), plus cells that failed."""

    name: str
    cells: dict[int, dict[int, object]] = field(default_factory=dict)
    # Cells whose formula has no saved value, and cells holding an error value like #REF!.
    no_value: list[tuple[int, int]] = field(default_factory=list)
    errors: list[tuple[int, int, str]] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)  # ranges such as "A3:J4"

    @property
    def failed(self) -> set[tuple[int, int]]:
        """Cells with no readable value: formulas without results and error values."""
        return set(self.no_value) | {(r, c) for r, c, _ in self.errors}


def classify(path: Path) -> None:
    """Raise :class:`WorkbookError` unless ``path`` looks like a safe .xlsx archive."""
    if not path.exists():
        raise WorkbookError(
            f"{path}: there is no file here. Check the name and folder.",
            'If the name has spaces, put it in quotes, e.g. sipgen check "Our plan 2026.xlsx".',
        )
    if path.is_dir():
        raise WorkbookError(
            f"{path}: this is a folder, not a workbook. Give the path of an .xlsx file.",
            "Give the path of the plan's .xlsx file inside the folder.",
        )
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except PermissionError:
        raise WorkbookError(
            f"{path}: sipgen is not allowed to read this file. Check its permissions.",
            "Ask whoever manages the shared drive for read access, or copy the file somewhere you can read.",
        ) from None
    except OSError as exc:
        raise WorkbookError(
            f"{path}: the file cannot be read ({exc.strerror or exc}).",
            "Check that the drive is connected, then try again.",
        ) from None
    if not head:
        raise WorkbookError(f"{path}: the file is empty (0 bytes). It may not have saved; save it again from Excel.")
    if head == _OLE_MAGIC:
        reason = _ole_reason(path)
        raise WorkbookError(reason, f"{SAVE_AS_STEPS}." if "old-style" in reason else SAVE_AS_XLSX)
    if not head.startswith(b"PK"):
        raise WorkbookError(_not_zip_reason(path, head))
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            names = {info.filename for info in members}
            _refuse_bombs(path, members)
            for info in members:
                if info.filename.endswith((".xml", ".rels")) and info.file_size:
                    with archive.open(info) as part:
                        head = part.read(4096)
                    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                        raise WorkbookError(
                            f"{path}: the workbook's part {info.filename} declares XML entities, which "
                            "spreadsheets never need "
                            "and attacks use to exhaust memory (an 'XML bomb'); sipgen refuses it."
                        )
    except (zipfile.BadZipFile, zlib.error, EOFError):
        raise WorkbookError(
            f"{path}: the file is damaged or incomplete (it may have been cut short while copying). "
            "Open it in Excel, or copy it again."
        ) from None
    if "xl/workbook.xml" not in names:
        if "word/document.xml" in names:
            raise WorkbookError(f"{path}: this is a Word document, not an Excel workbook. Give the plan's .xlsx file.")
        if "ppt/presentation.xml" in names:
            raise WorkbookError(f"{path}: this is a PowerPoint file, not an Excel workbook.")
        if "content.xml" in names:
            raise WorkbookError(
                f"{path}: this is an OpenDocument spreadsheet (LibreOffice's own format), not an Excel workbook.",
                f"{SAVE_AS_STEPS}.",
            )
        raise WorkbookError(f"{path}: this is a zip archive but not an Excel workbook.")


def _ole_reason(path: Path) -> str:
    # Encrypted .xlsx files are OLE containers holding these streams (names in UTF-16LE).
    data = path.read_bytes()[: 4 * 1024 * 1024]
    if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
        return (
            f"{path}: the workbook is protected by a password, so sipgen cannot open it. "
            "In Excel choose File > Info > Protect Workbook > Encrypt with Password, clear the password, and "
            "save it as .xlsx."
        )
    return f"{path}: this is an old-style Excel file (.xls), which sipgen cannot read."


def _not_zip_reason(path: Path, head: bytes) -> str:
    sample = path.open("rb").read(2048)
    if sample.lstrip().startswith((b"<html", b"<!DOCTYPE", b"<?xml")):
        return f"{path}: this is a web page or XML file, not an Excel workbook. Save the plan from Excel as .xlsx."
    if sample.startswith(b"%PDF"):
        return f"{path}: this is a PDF, not an Excel workbook. sipgen needs the .xlsx file the plan was typed in."
    if sample.startswith(b"{\\rtf"):
        return f"{path}: this is a Rich Text document, not an Excel workbook."
    try:
        text = sample.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None and ("," in text or "\t" in text or ";" in text):
        return (
            f"{path}: this is a text or CSV file with an .xlsx name, not an Excel workbook. "
            "Open it in Excel and save it as an Excel Workbook (.xlsx)."
        )
    if text is not None:
        return f"{path}: this is a text file, not an Excel workbook."
    return f"{path}: this is not an Excel workbook (sipgen does not recognise its contents)."


def _refuse_bombs(path: Path, members: list[zipfile.ZipInfo]) -> None:
    if len(members) > MAX_MEMBERS:
        raise WorkbookError(
            f"{path}: the file holds {len(members):,} parts, far more than any plan; sipgen refuses it."
        )
    total = 0
    for info in members:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MAX_MEMBER or (info.file_size > 20 * 1024 * 1024 and ratio > MAX_RATIO):
            raise WorkbookError(
                f"{path}: part {info.filename} would unpack to {info.file_size / 1e6:,.0f} MB "
                "(a 'zip bomb'); sipgen refuses it. If the file is genuine, delete empty formatted rows and save again."
            )
    if total > MAX_UNCOMPRESSED:
        raise WorkbookError(
            f"{path}: the workbook would unpack to {total / 1e6:,.0f} MB, far more than any plan; sipgen refuses it."
        )


def read_grids(path: Path) -> tuple[list[Grid], list[str], object]:
    """Every worksheet's filled cells in workbook order, chart sheet names, and when it was saved.

    Raises :class:`WorkbookError` when the file is not a readable workbook.
    """
    classify(path)
    # defusedxml makes openpyxl refuse entity-expansion ("billion laughs") XML.
    import defusedxml  # noqa: F401
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except Exception as exc:  # openpyxl raises many types for broken parts; all mean "unreadable"
        raise WorkbookError(_load_reason(path, exc)) from None
    try:
        grids = [_read_sheet(workbook, sheet) for sheet in workbook.worksheets]
        charts = [sheet.title for sheet in getattr(workbook, "chartsheets", [])]
        saved = workbook.properties.modified if workbook.properties else None
    except Exception as exc:
        raise WorkbookError(_load_reason(path, exc)) from None
    finally:
        workbook.close()
    return grids, charts, saved


def _load_reason(path: Path, exc: Exception) -> str:
    text = f"{type(exc).__name__} {exc}"
    if "Entities" in text or "entity" in text.lower() or "amplification" in text:
        return f"{path}: the workbook contains XML built to exhaust memory (an 'XML bomb'); sipgen refuses it."
    if isinstance(exc, (zipfile.BadZipFile, EOFError)) or "zip" in text.lower() or "CRC" in text:
        return f"{path}: the file is damaged or incomplete. Open it in Excel, or copy it again."
    return (
        f"{path}: the workbook is damaged and cannot be read ({type(exc).__name__}). Open it in Excel and "
        "save it again."
    )


# Excel writes characters XML cannot hold (and some it can, like carriage returns) as _xHHHH_.
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def unescape(text: str) -> str:
    """Text with Excel's _xHHHH_ escapes turned back into characters."""
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_CELL, _ROW, _VALUE, _FORMULA, _INLINE, _TEXT, _MERGE = (
    f"{_MAIN}{t}" for t in ("c", "row", "v", "f", "is", "t", "mergeCell")
)


def column_index(letters: str) -> int:
    """1 for "A", 28 for "AB": the column of a cell reference's letters."""
    index = 0
    for letter in letters.upper():
        index = index * 26 + ord(letter) - 64
    return index


def _read_sheet(workbook, sheet) -> Grid:
    """One sheet's filled cells, streamed from its XML in a single pass.

    lxml's iterparse, listening only for cells and rows and clearing them as it goes, keeps
    memory flat and skips a million formatted-but-empty rows in well under a second. Entities
    are never resolved, so entity-expansion bombs inflate nothing.
    """
    from lxml import etree
    from openpyxl.utils.datetime import from_excel

    grid = Grid(sheet.title)
    columns: dict[str, int] = {}  # "AB" -> 28: a sheet has few columns and many cells
    strings = sheet._shared_strings
    date_styles = workbook._date_formats
    epoch = workbook.epoch
    row_number = 0
    with sheet._get_source() as source:
        rows = etree.iterparse(
            source,
            events=("end",),
            tag=(_ROW, _MERGE),
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
        )
        for _, row in rows:
            if row.tag == _MERGE:
                if row.get("ref"):
                    grid.merged.append(row.get("ref"))
                continue
            number = row.get("r")
            row_number = int(number) if number else row_number + 1
            column = 0
            for element in row.iterchildren(_CELL):
                reference = element.get("r")
                if reference:
                    letters = reference.rstrip("0123456789")
                    row_number = int(reference[len(letters) :])
                    column = columns.get(letters) or columns.setdefault(letters, column_index(letters))
                else:
                    column += 1
                value = _cell_value(element, grid, row_number, column, strings, date_styles, (epoch, from_excel))
                if value is None or (isinstance(value, str) and not value.strip()):
                    continue
                grid.cells.setdefault(row_number, {})[column] = value
            # Free what has been read, so a huge sheet never sits in memory whole.
            row.clear()
            parent = row.getparent()
            while row.getprevious() is not None:
                del parent[0]
    return grid


def _cell_value(element, grid: Grid, row: int, column: int, strings, date_styles, dates):
    """The value of one <c> element, noting formulas without results and error values.

    ``dates`` is the workbook's epoch and the function that turns a serial number into a date.
    """
    kind = element.get("t", "n")
    raw = element.findtext(_VALUE) or None  # an empty <v/> is no value
    if kind == "inlineStr":
        inline = element.find(_INLINE)
        return unescape("".join(t.text or "" for t in inline.iter(_TEXT))) if inline is not None else None
    if raw is None:
        if element.find(_FORMULA) is not None:
            grid.no_value.append((row, column))
        return None
    if kind == "s":
        return unescape(strings[int(raw)])
    if kind in ("str", "d"):
        return unescape(raw)
    if kind == "b":
        return raw.strip() in ("1", "true")
    if kind == "e":
        grid.errors.append((row, column, raw))
        return None
    number = float(raw)
    style = element.get("s")
    if style and int(style) in date_styles:
        epoch, from_excel = dates
        try:
            return from_excel(number, epoch)
        except (OverflowError, ValueError):
            grid.errors.append((row, column, "#VALUE!"))
            return None
    return int(number) if number.is_integer() and abs(number) < 1e15 else number
