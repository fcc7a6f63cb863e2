"""A folder as schools keep it: named as `.`, and holding spreadsheets saved in other formats."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sipgen.batch import expand
from sipgen.cli import app
from sipgen.document.board_report import default_report_output

from .conftest import ROOT

PRIMARY = ROOT / "samples" / "primary.xlsx"
SAVE_AS = "in LibreOffice, File > Save As > Excel 2007-365 (.xlsx)"
OTHERS = ("south.ods", "old.xls", "data.csv", "mac.numbers", "package.numbers")


def mixed_folder(tmp_path: Path) -> Path:
    """Two readable plans (.xlsx and .xlsm), five in other formats, and files that stay unseen."""
    folder = tmp_path / "trust"
    folder.mkdir()
    shutil.copy(PRIMARY, folder / "north.xlsx")
    shutil.copy(PRIMARY, folder / "macro.xlsm")  # the reader takes a macro workbook as it is
    with zipfile.ZipFile(folder / "south.ods", "w") as ods:
        ods.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        ods.writestr("content.xml", "<office:document-content/>")
    (folder / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    (folder / "data.csv").write_text("Priority,Title\nP1,Reading\n")
    with zipfile.ZipFile(folder / "mac.numbers", "w") as numbers:
        numbers.writestr("Index/Document.iwa", "")
    (folder / "package.numbers" / "Index").mkdir(parents=True)  # Numbers may save a package: a folder
    (folder / "north.ods").write_bytes(b"")  # saved as north.xlsx since: the .xlsx is the plan
    (folder / "~$north.xlsx").write_text("Excel's lock file")
    (folder / ".~lock.south.ods#").write_text("LibreOffice's lock file")
    (folder / ".hidden.ods").write_bytes(b"")
    return folder


def test_a_folders_other_spreadsheets_are_listed_not_left_out(tmp_path):
    names = [p.name for p in expand([mixed_folder(tmp_path)])]
    assert names == sorted(["north.xlsx", "macro.xlsm", *OTHERS])


def test_build_a_folder_lists_each_other_spreadsheet_with_how_to_save_it_and_builds_the_rest(tmp_path):
    folder = mixed_folder(tmp_path)
    out = tmp_path / "docs"
    result = CliRunner().invoke(app, ["build", str(folder), "-o", str(out), "-j", "1"])
    assert result.exit_code == 2, result.output
    assert sorted(p.name for p in out.iterdir()) == ["macro.docx", "north.docx"]
    assert "2 of 7 documents written." in result.output
    lines = result.output.splitlines()
    for name in OTHERS:
        said = [i for i, line in enumerate(lines) if line.startswith(f"sipgen: {folder / name}: this is")]
        assert len(said) == 1, name
        # The message, then how to fix it on the next line, as every command says them.
        fix = lines[said[0] + 1]
        assert fix.startswith("Fix: ") and f"in Excel, File > Save As > Excel Workbook (.xlsx); {SAVE_AS}" in fix, name
    assert "Export To > Excel" in result.output  # Numbers' own way
    assert "north.ods" not in result.output and "~$" not in result.output and ".hidden" not in result.output
    assert "Traceback" not in result.output


def test_report_on_a_folder_lists_each_other_spreadsheet_and_reports_the_rest(tmp_path):
    folder = mixed_folder(tmp_path)
    result = CliRunner().invoke(app, ["report", str(folder), "-j", "1"])
    assert result.exit_code == 2, result.output
    assert (tmp_path / "trust-report.docx").exists()
    assert "(2 plans)" in result.output
    for name in OTHERS:
        assert f"sipgen: {folder / name}: this is" in result.output, name
    assert result.output.count(SAVE_AS) == len(OTHERS)


def test_one_other_spreadsheet_given_by_name_is_explained_too(tmp_path):
    folder = mixed_folder(tmp_path)
    result = CliRunner().invoke(app, ["build", str(folder / "south.ods")])
    assert result.exit_code == 2
    assert f"{folder / 'south.ods'}: this is an OpenDocument spreadsheet (.ods" in result.output
    assert SAVE_AS in result.output


@pytest.mark.parametrize(("given", "expected"), [(".", "../trust-report.docx"), ("./", "../trust-report.docx")])
def test_report_on_the_current_folder_is_named_after_the_folder(tmp_path, monkeypatch, given, expected):
    folder = tmp_path / "trust"
    folder.mkdir()
    shutil.copy(PRIMARY, folder / "north.xlsx")
    monkeypatch.chdir(folder)
    assert default_report_output([Path(given)]) == Path(expected)
    result = CliRunner().invoke(app, ["report", given])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "trust-report.docx").exists()


def test_report_on_the_folder_above_is_named_after_it(tmp_path, monkeypatch):
    inner = tmp_path / "trust" / "archive"
    inner.mkdir(parents=True)
    monkeypatch.chdir(inner)
    assert default_report_output([Path("..")]) == Path("../../trust-report.docx")
    assert default_report_output([Path("../")]) == Path("../../trust-report.docx")
    assert default_report_output([tmp_path / "trust"]) == tmp_path / "trust-report.docx"
