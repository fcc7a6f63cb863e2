"""The command line as a user meets it: help with examples, exit codes, clear errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from sipgen import __version__
from sipgen.cli import app

runner = CliRunner()


def sipgen(*args: str):
    return runner.invoke(app, [str(a) for a in args])


def test_version():
    result = sipgen("--version")
    assert result.exit_code == 0 and result.output.strip() == f"sipgen {__version__}"


@pytest.mark.parametrize("command", ["new", "check", "build", "report", "diff", "rules", "explain", "template export"])
def test_every_command_has_help_with_an_example(command):
    result = sipgen(*command.split(), "--help")
    assert result.exit_code == 0
    assert "Example" in result.output and f"sipgen {command}" in result.output


def test_new_writes_a_workbook_and_refuses_to_overwrite(tmp_path):
    path = tmp_path / "plan.xlsx"
    first = sipgen("new", path)
    assert first.exit_code == 0 and path.exists()
    assert "sipgen check" in first.output
    stamp = path.read_bytes()
    again = sipgen("new", path)
    assert again.exit_code == 2 and "already exists" in again.output
    assert path.read_bytes() == stamp
    assert sipgen("new", path, "--force", "--type", "itt").exit_code == 0


def test_new_refuses_a_name_that_is_not_xlsx_and_a_missing_folder(tmp_path):
    assert "must end in .xlsx" in sipgen("new", tmp_path / "plan.docx").output
    result = sipgen("new", tmp_path / "nowhere" / "plan.xlsx")
    assert result.exit_code == 2 and "does not exist" in result.output


def test_new_itt_uses_partnership_words(tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "itt.xlsx"
    sipgen("new", path, "--type", "itt")
    workbook = load_workbook(path)
    settings = workbook["Settings"]
    assert settings["A2"].value == "Partnership name"
    assert settings["B3"].value == "ITT partnership"
    text = " ".join(str(c.value) for row in workbook["Instructions"].iter_rows() for c in row if c.value)
    assert "trainees" in text and "pupils" not in text


def test_new_example_passes_structural_checks(tmp_path):
    path = tmp_path / "example.xlsx"
    assert sipgen("new", path, "--example").exit_code == 0
    result = sipgen("check", path, "--format", "json")
    findings = json.loads(result.output)
    assert [f for f in findings if f["code"].startswith("WB")] == []


def test_check_blank_template_exit_1_and_names_cells(tmp_path):
    path = tmp_path / "plan.xlsx"
    sipgen("new", path)
    result = sipgen("check", path)
    assert result.exit_code == 1
    assert "Settings!B2" in result.output and "WB004" in result.output
    assert "PR108" in result.output and "Priorities!A2" in result.output  # a blank plan is not a plan
    assert result.output.strip().splitlines()[-1].startswith("3 errors")


def test_check_json_fields_and_unreadable_exit_2(tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_text("Ref,Action\n")
    result = sipgen("check", bad, "--format", "json")
    assert result.exit_code == 2
    [row] = json.loads(result.output)
    assert set(row) == {"file", "code", "severity", "message", "hint", "sheet", "cell", "ref", "source"}
    assert row["code"] == "WB001"


def test_check_bad_as_of_is_a_usage_error(tmp_path, write_plan, minimal):
    result = sipgen("check", write_plan(minimal), "--as-of", "someday")
    assert result.exit_code == 2 and "--as-of" in result.output


def test_rules_and_explain():
    listing = sipgen("rules")
    assert listing.exit_code == 0 and "WB004" in listing.output
    explained = sipgen("explain", "wb004")
    assert explained.exit_code == 0 and "Bad:" in explained.output and "Good:" in explained.output
    # One weakness, one finding: a code that speaks for another says so.
    assert "RV703 is not also reported" in sipgen("explain", "RV702").output
    assert "not also reported" not in sipgen("explain", "RV703").output
    missing = sipgen("explain", "ZZ999")
    assert missing.exit_code == 2 and "sipgen rules" in missing.output


def test_installed_command_runs_without_traceback(tmp_path):
    bad = tmp_path / "notes.xlsx"
    bad.write_text("hello")
    done = subprocess.run([sys.executable, "-m", "sipgen", "check", str(bad)], capture_output=True, text=True)
    assert done.returncode == 2
    assert "Traceback" not in done.stdout + done.stderr
    assert "notes.xlsx" in done.stdout


SAMPLES = __import__("pathlib").Path(__file__).resolve().parent.parent / "samples"


def test_strict_fails_on_warnings_only_with_the_flag(tmp_path):
    import shutil

    weak = tmp_path / "weak.xlsx"
    shutil.copy(SAMPLES / "weak.xlsx", weak)
    primary = tmp_path / "primary.xlsx"
    shutil.copy(SAMPLES / "primary.xlsx", primary)
    assert sipgen("check", primary).exit_code == 0
    assert sipgen("check", primary, "--strict").exit_code == 0
    assert sipgen("check", weak).exit_code == 1  # it has errors (PR103, PR106, RS301)
    findings = json.loads(sipgen("check", weak, "--format", "json").output)
    warnings_only = [f for f in findings if f["severity"] == "warning"]
    assert warnings_only and all(f["source"] for f in findings)


def test_report_groups_by_sheet_and_ends_with_counts(tmp_path):
    result = sipgen("check", SAMPLES / "weak.xlsx", "--as-of", "2026-07-01")
    lines = result.output.splitlines()
    assert "  Actions" in lines and "  Reviews" in lines
    assert lines.index("  Priorities") < lines.index("  Actions") < lines.index("  Reviews")
    assert "Actions!C2  P1.1.1" in result.output
    assert "Fix: " in result.output
    last = lines[-1]
    assert "errors" in last and "warnings" in last and "info" in last
    assert "\033[" not in result.output  # not a terminal: no colour


def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch):
    import io

    from sipgen.report import use_colour

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert use_colour(Terminal())
    assert not use_colour(io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_colour(Terminal())


def test_annotate_writes_a_commented_copy_and_leaves_the_input_alone(tmp_path):
    import shutil

    from openpyxl import load_workbook

    weak = tmp_path / "weak.xlsx"
    shutil.copy(SAMPLES / "weak.xlsx", weak)
    before = weak.read_bytes()
    out = tmp_path / "checked.xlsx"
    result = sipgen("check", weak, "--annotate", out, "--as-of", "2026-07-01")
    assert result.exit_code == 1 and out.exists()
    assert weak.read_bytes() == before
    findings = json.loads(sipgen("check", weak, "--format", "json", "--as-of", "2026-07-01").output)
    workbook = load_workbook(out)
    assert workbook.sheetnames[0] == "Findings"
    sheet = workbook["Findings"]
    assert sheet.max_row - 2 == len(findings)
    links = [sheet.cell(r, 3).hyperlink.location for r in range(3, sheet.max_row + 1) if sheet.cell(r, 3).hyperlink]
    assert "Actions!C2" in links
    comment = workbook["Actions"]["C2"].comment.text
    assert "AC201" in comment and "Fix:" in comment
    assert workbook["Actions"]["C2"].fill.fgColor.rgb.endswith("FFE699")
    # sipgen reads its own annotated copy without complaint about the Findings sheet
    again = json.loads(sipgen("check", out, "--format", "json", "--as-of", "2026-07-01").output)
    assert [f["code"] for f in again] == [f["code"] for f in findings]


def test_annotate_refuses_to_overwrite_the_input(tmp_path):
    import shutil

    weak = tmp_path / "weak.xlsx"
    shutil.copy(SAMPLES / "weak.xlsx", weak)
    before = weak.read_bytes()
    result = sipgen("check", weak, "--annotate", weak)
    assert result.exit_code == 2 and "never overwrites" in result.output
    assert weak.read_bytes() == before


def test_build_writes_the_document_beside_the_workbook_and_summarises_warnings(tmp_path):
    import shutil

    plan = tmp_path / "primary.xlsx"
    shutil.copy(SAMPLES / "primary.xlsx", plan)
    result = sipgen("build", plan)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "primary.docx").exists() and "Wrote" in result.output
    weak = tmp_path / "weak.xlsx"
    shutil.copy(SAMPLES / "weak.xlsx", weak)
    refused = sipgen("build", weak)
    assert refused.exit_code == 1 and "--force" in refused.output and not (tmp_path / "weak.docx").exists()
    forced = sipgen("build", weak, "--force", "-o", tmp_path / "draft.docx")
    assert forced.exit_code == 0 and "warnings" in forced.output and (tmp_path / "draft.docx").exists()


def test_build_unreadable_workbook_exit_2(tmp_path):
    bad = tmp_path / "plan.xlsx"
    bad.write_text("not a workbook")
    result = sipgen("build", bad)
    assert result.exit_code == 2 and "plan.xlsx" in result.output and "Traceback" not in result.output


def test_serve_without_the_web_extra_names_every_missing_package(monkeypatch):
    import importlib.util

    from sipgen.web import WebMissing, web_available

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name != "uvicorn" else real(name))
    with pytest.raises(WebMissing) as missing:
        web_available()
    said = str(missing.value)
    assert "starlette and python_multipart are missing" in said and "uvicorn" not in said.split("(")[1].split(")")[0]
    assert 'pip install "sipgen[web]"' in said
