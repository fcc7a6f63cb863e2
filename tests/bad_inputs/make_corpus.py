"""Write the corpus of broken and hostile inputs that sipgen must answer calmly.

    python tests/bad_inputs/make_corpus.py OUT_DIR

Every file is made here from the sample plan or from scratch, so no opaque binary is
committed. :data:`CASES` says, for each, what `sipgen check` and `sipgen build` must do.
"""

from __future__ import annotations

import copy
import io
import random
import re
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Case:
    """What sipgen must do with one input: exit codes and words the message must contain."""

    check_exit: int
    build_exit: int
    words: str = ""  # in the output of both commands (case-insensitive); empty: no promise


CASES: dict[str, Case] = {
    "empty.xlsx": Case(2, 2, "empty"),
    "notes.xlsx": Case(2, 2, "text file"),
    "export.xlsx": Case(2, 2, "CSV"),
    "letter.xlsx": Case(2, 2, "Word document"),
    "random.xlsx": Case(2, 2, "not an Excel workbook"),
    "folder.xlsx": Case(2, 2, "no workbooks"),
    "missing.xlsx": Case(2, 2, "no file"),
    "legacy.xls": Case(2, 2, "Save As"),
    "legacy-renamed.xlsx": Case(2, 2, ".xls"),
    "password.xlsx": Case(2, 2, "password"),
    "truncated.xlsx": Case(2, 2, "damaged"),
    "zip-bomb.xlsx": Case(2, 2, "zip bomb"),
    "xml-bomb.xlsx": Case(2, 2, "XML bomb"),
    "xml-bomb-strings.xlsx": Case(2, 2, "XML bomb"),
    "not-a-plan.xlsx": Case(2, 2, "not a sipgen plan"),
    "renamed-sheet.xlsx": Case(1, 1, "no 'Actions' sheet"),
    "deleted-sheet.xlsx": Case(1, 1, "no 'Priorities' sheet"),
    "renamed-header.xlsx": Case(1, 1, "probably the 'Action' column"),
    "merged-cells.xlsx": Case(1, 1, "Actions!"),
    "formula-no-value.xlsx": Case(0, 0, "WB007"),
    "error-values.xlsx": Case(0, 0, "#REF!"),
    "numbers-as-text.xlsx": Case(0, 0, ""),
    "dates-as-words.xlsx": Case(1, 1, "after half term"),
    "million-empty-rows.xlsx": Case(0, 0, ""),
    "long-text.xlsx": Case(0, 0, ""),
    "control-characters.xlsx": Case(0, 0, "control character"),
    "template-syntax.xlsx": Case(0, 0, ""),
    "world-text.xlsx": Case(0, 0, ""),
}


def _base() -> dict:
    from sipgen.examples import load

    return copy.deepcopy(load("primary"))


def _write(path: Path, data: dict | None = None, change=None) -> None:
    from sipgen.workbook import build_workbook

    workbook = build_workbook("school", data or _base())
    if change:
        change(workbook)
    workbook.save(path)


def _rewrite(source: Path, target: Path, edit) -> None:
    """Copy an .xlsx, passing each part's text through ``edit(name, text)``."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename.endswith(".xml"):
                data = edit(info.filename, data.decode("utf-8")).encode("utf-8")
            new.writestr(info.filename, data)


def _sheet_part(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as archive:
        names = re.findall(r'<sheet [^>]*name="([^"]+)"', archive.read("xl/workbook.xml").decode())
    return f"xl/worksheets/sheet{names.index(name) + 1}.xml"


BOMB = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    + "]>"
)


def _ole(path: Path, stream: str) -> None:
    # An OLE2 compound file header followed by a directory naming its stream (UTF-16LE),
    # which is all that tells a legacy .xls from a password-protected .xlsx.
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff\x09\x00"
    path.write_bytes(header + b"\x00" * (512 - len(header)) + stream.encode("utf-16-le") + b"\x00" * 400)


def make(folder: Path) -> dict[str, Path]:
    """Write every case into ``folder``; return the paths by case name."""
    folder.mkdir(parents=True, exist_ok=True)
    base = folder / "_base.xlsx"
    _write(base)
    paths = {name: folder / name for name in CASES}

    paths["empty.xlsx"].write_bytes(b"")
    paths["notes.xlsx"].write_text("Things to put in the plan this year\n")
    paths["export.xlsx"].write_text("Ref,Action,Owner\nP1.1.1,Train staff,JB\n")
    from docx import Document

    letter = Document()
    letter.add_paragraph("Dear governors,")
    letter.save(paths["letter.xlsx"])
    paths["random.xlsx"].write_bytes(random.Random(7).randbytes(4096))
    paths["folder.xlsx"].mkdir(exist_ok=True)
    _ole(paths["legacy.xls"], "Workbook")
    _ole(paths["legacy-renamed.xlsx"], "Workbook")
    _encrypt(base, paths["password.xlsx"])
    data = base.read_bytes()
    paths["truncated.xlsx"].write_bytes(data[: len(data) * 2 // 3])
    _zip_bomb(base, paths["zip-bomb.xlsx"])
    actions = _sheet_part(base, "Actions")
    _rewrite(
        base,
        paths["xml-bomb.xlsx"],
        lambda n, t: (
            t.replace('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', "").replace(
                "<worksheet", BOMB + "<worksheet", 1
            )
            if n == actions
            else t
        ),
    )
    _rewrite(
        base, paths["xml-bomb-strings.xlsx"], lambda n, t: (BOMB + t.split("?>", 1)[-1]) if n == "xl/styles.xml" else t
    )

    from openpyxl import Workbook

    other = Workbook()
    other.active.append(["Name", "Score"])
    other.active.append(["Alex", 12])
    other.save(paths["not-a-plan.xlsx"])

    _write(paths["renamed-sheet.xlsx"], change=lambda wb: setattr(wb["Actions"], "title", "Action plan"))
    _write(paths["deleted-sheet.xlsx"], change=lambda wb: wb.remove(wb["Priorities"]))
    _write(paths["renamed-header.xlsx"], change=lambda wb: wb["Actions"]["C1"].__setattr__("value", "Our next steps"))

    def merge(wb):
        wb["Actions"].merge_cells("A3:J4")

    _write(paths["merged-cells.xlsx"], change=merge)

    def formulas(wb):
        wb["Actions"]["G2"] = "=2*190"

    _write(paths["formula-no-value.xlsx"], change=formulas)

    def errors(wb):
        for cell, value in (("G3", "#REF!"), ("G4", "#N/A"), ("G5", "#DIV/0!")):
            wb["Actions"][cell] = value
            wb["Actions"][cell].data_type = "e"

    _write(paths["error-values.xlsx"], change=errors)

    numbers = _base()
    for action in numbers["actions"]:
        action["cost"] = str(action["cost"])
    _write(paths["numbers-as-text.xlsx"], numbers)
    words = _base()
    words["actions"][0]["due"] = "after half term"
    _write(paths["dates-as-words.xlsx"], words)

    part = _sheet_part(base, "KPIs")
    empty_rows = "".join(f'<row r="{n}" s="1" customFormat="1"/>' for n in range(400, 1_000_400))
    _rewrite(
        base,
        paths["million-empty-rows.xlsx"],
        lambda n, t: t.replace("</sheetData>", empty_rows + "</sheetData>") if n == part else t,
    )

    long_text = _base()
    long_text["priorities"][0]["preface"] = ("The school has worked on phonics for many years. " * 2100)[:100_000]
    _write(paths["long-text.xlsx"], long_text)

    def control(name, text):
        if name != actions:
            return text
        return text.replace("Timetable phonics", "Timetable_x0007_ phonics_x000C_ daily_x001B_", 1)

    _rewrite(base, paths["control-characters.xlsx"], control)

    hostile = _base()
    hostile["priorities"][0]["preface"] = (
        "{{ 7*7 }} {% for x in range(10**9) %}x{% endfor %} <w:p><w:r><w:t>injected</w:t></w:r></w:p> & &amp; "
        "{{ ''.__class__ }}"
    )
    hostile["actions"][0]["action"] = "Train staff </w:t></w:r></w:p><w:p> {%p endfor %} {{r x }}"
    _write(paths["template-syntax.xlsx"], hostile)

    world = _base()
    world["priorities"][0]["preface"] = (
        "Ysgol Gymraeg: ŵ ŷ â ê î ô û; Arabic: مرحبا بالعالم; Hebrew: שלום; emoji 🎉📚✅"
    )
    world["settings"]["organisation"] = "Ysgol Gynradd Llanfair 🏫"
    _write(paths["world-text.xlsx"], world)
    base.unlink()
    return paths


def _encrypt(source: Path, target: Path) -> None:
    """A real password-protected workbook (msoffcrypto-tool, a test dependency)."""
    from msoffcrypto.format.ooxml import OOXMLFile

    with source.open("rb") as plain, target.open("wb") as locked:
        OOXMLFile(plain).encrypt("governors", locked)


def _zip_bomb(source: Path, target: Path) -> None:
    """The base workbook, its first sheet declaring that it unpacks to 5 GB.

    sipgen must refuse by the declared size before inflating anything, so the archive's
    central directory is all that needs to lie.
    """
    data = bytearray(source.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = next(i for i in archive.infolist() if i.filename == "xl/worksheets/sheet1.xml")
    name = info.filename.encode()
    position = 0
    while True:
        position = data.find(b"PK\x01\x02", position)
        if position < 0:
            raise RuntimeError("no central directory entry for the sheet")
        name_length = int.from_bytes(data[position + 28 : position + 30], "little")
        if bytes(data[position + 46 : position + 46 + name_length]) == name:
            break
        position += 4
    # Uncompressed size lives at offset 24 of a central directory entry; 0xFFFFFFFF is ~4.3 GB.
    data[position + 24 : position + 28] = (0xFFFFFFF0).to_bytes(4, "little")
    target.write_bytes(bytes(data))


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "bad_inputs")
    for case, path in make(out).items():
        print(f"{case:28} {path}")
