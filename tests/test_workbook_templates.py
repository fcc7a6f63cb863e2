"""The committed workbooks in workbook_templates/ are what `sipgen new` writes now.

openpyxl's files differ in their timestamps from run to run, so the workbooks are compared
by what a user sees and Excel enforces: sheets, cell values, header comments, dropdowns and
input messages (data validations), and named ranges.
"""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from sipgen.cli import app

from .conftest import ROOT

FOLDER = ROOT / "workbook_templates"
RERUN = "run: python workbook_templates/make_workbooks.py (then commit the .xlsx files)"
NEW = {  # committed file -> the `sipgen new` that writes it
    "school-plan.xlsx": ["new", "{}"],
    "itt-plan.xlsx": ["new", "{}", "--type", "itt"],
    "example-plan.xlsx": ["new", "{}", "--example"],
}


def structure(path: Path) -> dict:
    """What must match between two workbooks, keyed by what it is."""
    workbook = load_workbook(path)
    found: dict = {"sheet names": workbook.sheetnames}
    found["defined names"] = sorted((name, d.attr_text) for name, d in workbook.defined_names.items())
    for sheet in workbook.worksheets:
        found[f"{sheet.title}: defined names"] = sorted((name, d.attr_text) for name, d in sheet.defined_names.items())
        found[f"{sheet.title}: values"] = {
            cell.coordinate: cell.value for row in sheet.iter_rows() for cell in row if cell.value is not None
        }
        found[f"{sheet.title}: comments"] = {
            cell.coordinate: cell.comment.text for row in sheet.iter_rows() for cell in row if cell.comment
        }
        found[f"{sheet.title}: data validations"] = sorted(
            (
                str(v.sqref),
                v.type,
                v.operator,
                v.formula1,
                v.formula2,
                v.allow_blank,
                v.showDropDown,
                v.showInputMessage,
                v.promptTitle,
                v.prompt,
                v.showErrorMessage,
                v.errorStyle,
                v.errorTitle,
                v.error,
            )
            for v in sheet.data_validations.dataValidation
        )
        found[f"{sheet.title}: frozen at"] = sheet.freeze_panes
    return found


def differences(committed: dict, fresh: dict, limit: int = 5) -> list[str]:
    """Up to ``limit`` short descriptions of where ``committed`` differs from ``fresh``."""
    found = []
    for key in dict.fromkeys([*fresh, *committed]):
        old, new = committed.get(key), fresh.get(key)
        if old == new:
            continue
        if isinstance(old, dict) and isinstance(new, dict):
            cells = [c for c in dict.fromkeys([*new, *old]) if old.get(c) != new.get(c)]
            found += [f"{key} {c}: committed {old.get(c)!r}, now {new.get(c)!r}" for c in cells[:limit]]
        else:
            found.append(f"{key}: committed {old!r}, now {new!r}")
    return [line if len(line) < 300 else line[:297] + "..." for line in found[:limit]]


@pytest.fixture(scope="module")
def written_by_new(tmp_path_factory) -> Path:
    """The three workbooks as `sipgen new` writes them today."""
    folder = tmp_path_factory.mktemp("new")
    for name, words in NEW.items():
        result = CliRunner().invoke(app, [w.format(folder / name) for w in words])
        assert result.exit_code == 0, result.output
    return folder


@pytest.mark.parametrize("name", NEW)
def test_committed_workbook_is_what_sipgen_new_writes(name, written_by_new):
    committed = FOLDER / name
    assert committed.exists(), f"workbook_templates/{name} is missing; {RERUN}"
    found = differences(structure(committed), structure(written_by_new / name))
    assert not found, f"workbook_templates/{name} is out of date; {RERUN}\n" + "\n".join(found)


def test_the_script_writes_what_sipgen_new_writes(tmp_path, written_by_new):
    script = runpy.run_path(str(FOLDER / "make_workbooks.py"))
    written = script["write_workbooks"](tmp_path)
    assert sorted(p.name for p in written) == sorted(NEW)
    assert sorted(p.name for p in FOLDER.glob("*.xlsx")) == sorted(NEW), "workbook_templates/ holds other workbooks"
    for path in written:
        assert not differences(structure(path), structure(written_by_new / path.name)), (
            f"make_workbooks.py no longer writes {path.name} as `sipgen {' '.join(NEW[path.name])}` does"
        )


def test_the_comparison_notices_a_change(tmp_path, written_by_new):
    workbook = load_workbook(written_by_new / "school-plan.xlsx")
    sheet = workbook.worksheets[1]
    sheet.cell(1, 1).value = f"{sheet.cell(1, 1).value} (renamed)"
    sheet.data_validations.dataValidation[0].prompt = "changed"
    workbook.save(tmp_path / "changed.xlsx")
    found = differences(structure(written_by_new / "school-plan.xlsx"), structure(tmp_path / "changed.xlsx"))
    assert any("values A1" in line for line in found) and any("data validations" in line for line in found)
