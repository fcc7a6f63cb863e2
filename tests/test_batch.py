"""A trust's folder of plans: built in parallel, one failure never stops the rest."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from sipgen.batch import Row, build_many, expand, output_names, summary_table
from sipgen.cli import app

from .conftest import ROOT

SAMPLES = ROOT / "samples"


def trust_folder(tmp_path):
    folder = tmp_path / "trust"
    folder.mkdir()
    for name in ("north", "south"):
        shutil.copy(SAMPLES / "primary.xlsx", folder / f"{name}.xlsx")
    shutil.copy(SAMPLES / "weak.xlsx", folder / "weak.xlsx")
    (folder / "broken.xlsx").write_text("not a workbook")
    (folder / "~$north.xlsx").write_text("Excel's lock file")
    (folder / "notes.txt").write_text("not a plan")
    return folder


def test_expand_lists_workbooks_in_folders_but_not_lock_files(tmp_path):
    folder = trust_folder(tmp_path)
    names = [p.name for p in expand([folder, tmp_path / "missing.xlsx"])]
    assert names == ["broken.xlsx", "north.xlsx", "south.xlsx", "weak.xlsx", "missing.xlsx"]


def test_build_many_in_parallel_keeps_going_and_keeps_order(tmp_path):
    folder = trust_folder(tmp_path)
    out = tmp_path / "docs"
    out.mkdir()
    seen = []
    rows = build_many(expand([folder]), out, {"force": False}, jobs=2, progress=seen.append)
    assert [r.workbook.name for r in rows] == ["broken.xlsx", "north.xlsx", "south.xlsx", "weak.xlsx"]
    assert sorted(r.workbook.name for r in seen) == sorted(r.workbook.name for r in rows)
    status = {r.workbook.name: (r.status, r.exit_code) for r in rows}
    assert status == {
        "broken.xlsx": ("not built", 2),
        "north.xlsx": ("written", 0),
        "south.xlsx": ("written", 0),
        "weak.xlsx": ("has errors", 1),
    }
    assert sorted(p.name for p in out.iterdir()) == ["north.docx", "south.docx"]
    assert rows[3].errors == 3 and rows[3].warnings > 0
    assert "broken.xlsx" in rows[0].message


def test_cli_builds_a_folder_and_ends_with_a_table(tmp_path):
    folder = trust_folder(tmp_path)
    out = tmp_path / "docs"
    out.mkdir()
    result = CliRunner().invoke(app, ["build", str(folder), "-o", str(out)])
    assert result.exit_code == 2  # the worst of the four: an unreadable file
    lines = result.output.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("workbook"))
    assert lines[header].split() == ["workbook", "errors", "warnings", "info", "output", "status"]
    assert any("north.xlsx" in line and "written" in line for line in lines)
    assert "2 of 4 documents written." in result.output
    assert (out / "north.docx").exists() and not (out / "weak.docx").exists()


def test_cli_needs_a_folder_for_several_outputs(tmp_path):
    folder = trust_folder(tmp_path)
    result = CliRunner().invoke(app, ["build", str(folder), "-o", str(tmp_path / "one.docx")])
    assert result.exit_code == 2 and "must be an existing folder" in result.output


def test_check_a_folder(tmp_path):
    folder = trust_folder(tmp_path)
    result = CliRunner().invoke(app, ["check", str(folder), "--format", "json"])
    files = {row["file"].rsplit("/", 1)[-1] for row in json.loads(result.output)}
    assert files == {"broken.xlsx", "weak.xlsx"}
    assert result.exit_code == 2
    text = CliRunner().invoke(app, ["check", str(folder)])
    assert "north.xlsx" in text.output and "status" in text.output


def test_summary_table_counts_documents():
    from pathlib import Path

    rows = [
        Row(Path("a.xlsx"), output=Path("a.docx"), status="written"),
        Row(Path("b.xlsx"), errors=2, status="has errors"),
    ]
    table = summary_table(rows)
    assert table.splitlines()[-1] == "1 of 2 documents written."


def test_cli_makes_the_output_folder_when_it_is_missing(tmp_path):
    folder = trust_folder(tmp_path)
    out = tmp_path / "new" / "docs"
    result = CliRunner().invoke(app, ["build", str(folder), "-o", str(out)])
    assert result.exit_code == 2  # the unreadable file
    assert sorted(p.name for p in out.iterdir()) == ["north.docx", "south.docx"]


@pytest.mark.posix_only
def test_a_folders_pdfs_come_from_one_libreoffice_per_worker_and_none_is_left(tmp_path, monkeypatch):
    import subprocess
    import uuid

    from sipgen import pdf

    from .test_pdf import contents_entries, need_office

    need_office()
    profiles = tmp_path / f"offices-{uuid.uuid4().hex[:12]}"
    profiles.mkdir()
    monkeypatch.setattr(pdf, "WORK_ROOT", profiles)
    starts = []
    real_start = pdf._UnoOffice._start

    def counted_start(office):
        if office._process is None:
            starts.append(office)
        return real_start(office)

    monkeypatch.setattr(pdf._UnoOffice, "_start", counted_start)
    folder = trust_folder(tmp_path)
    for name in ("east", "west"):
        shutil.copy(SAMPLES / "primary.xlsx", folder / f"{name}.xlsx")
    out = tmp_path / "docs"
    out.mkdir()
    (out / "south.pdf").mkdir()  # south's PDF cannot be written: its row says so, the others go on
    rows = build_many(expand([folder]), out, {"pdf": True}, jobs=2)
    status = {r.workbook.name: (r.status, r.exit_code) for r in rows}
    assert status == {
        "broken.xlsx": ("not built", 2),
        "east.xlsx": ("written, with PDF", 0),
        "north.xlsx": ("written, with PDF", 0),
        "south.xlsx": ("written, no PDF", 2),
        "weak.xlsx": ("has errors", 1),
        "west.xlsx": ("written, with PDF", 0),
    }
    assert str(out / "south.pdf") in rows[3].message and "\n" not in rows[3].message
    assert len(starts) == 2, "one LibreOffice for each of the two workers"
    for name in ("east", "north", "west"):
        assert (out / f"{name}.pdf").read_bytes().startswith(b"%PDF")
        assert all(page.isdigit() for _, page in contents_entries(out / f"{name}.docx"))
    left = subprocess.run(["pgrep", "-af", str(profiles)], capture_output=True, text=True).stdout
    assert [line for line in left.splitlines() if "pgrep" not in line] == []
    assert list(profiles.iterdir()) == [], "the private profiles are deleted"


def test_plans_with_the_same_name_are_numbered_not_overwritten(tmp_path):
    # plan.xlsx in two schools' folders, and Plan.xlsx: one file on Windows' and macOS's disks.
    workbooks = []
    for folder, name in (("north", "plan.xlsx"), ("south", "plan.xlsx"), ("west", "Plan.xlsx")):
        (tmp_path / folder).mkdir()
        workbooks.append(tmp_path / folder / name)
        shutil.copy(SAMPLES / "primary.xlsx", workbooks[-1])
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["build", *map(str, workbooks), "-o", str(out), "-j", "1"])
    assert result.exit_code == 0, result.output
    assert {p.name for p in out.iterdir()} == {"plan.docx", "plan (2).docx", "Plan (3).docx"}
    assert "3 of 3 documents written." in result.output
    lines = result.output.splitlines()
    assert any(str(workbooks[1]) in line and str(out / "plan (2).docx") in line for line in lines)


def test_a_numbered_name_never_takes_another_plans_own_name(tmp_path):
    workbooks = [tmp_path / f / n for f, n in (("a", "plan.xlsx"), ("b", "plan.xlsx"), ("c", "plan (2).xlsx"))]
    names = [p.name for p in output_names(workbooks, tmp_path / "out")]
    assert names == ["plan.docx", "plan (3).docx", "plan (2).docx"]
    beside = output_names(workbooks, None)  # each beside its own workbook: no clash
    assert beside == [w.with_suffix(".docx") for w in workbooks]


def test_expand_lists_a_workbook_once_however_it_is_named(tmp_path):
    folder = trust_folder(tmp_path)
    names = [p.name for p in expand([folder, folder / "north.xlsx", folder / ".." / "trust"])]
    assert names == ["broken.xlsx", "north.xlsx", "south.xlsx", "weak.xlsx"]
