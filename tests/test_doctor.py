"""`sipgen doctor`: one line per thing sipgen needs, what to do about each one missing, and an
exit code saying whether anything is; readable on a Windows console (cp1252)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sipgen import __version__, doctor, office, pdf
from sipgen.cli import app

from .test_office import make

NAMES = ["Python", "sipgen", "LibreOffice", "Page numbers", "Fonts", "Web page"]
REAL_IMPORTABLE = doctor._importable


@pytest.fixture
def everything(tmp_path, monkeypatch):
    """A computer with everything sipgen can use, whatever this one has."""
    soffice = make(tmp_path / "program" / "soffice")
    python = make(tmp_path / "program" / "python")
    monkeypatch.setattr(office, "locate_soffice", lambda: office.Found(soffice, office.HOW_PATH))
    monkeypatch.setattr(office, "office_python", lambda found: python)
    monkeypatch.setattr(pdf, "_font_families", lambda: {"Carlito", "DejaVu Sans"})
    monkeypatch.setattr(doctor, "_importable", lambda name: True)
    return soffice, python


def checks_by_name(lines: list[str]) -> dict[str, str]:
    """Each check's line, by its name (the header and the summary left out)."""
    found = {}
    for line in lines:
        for name in NAMES:
            if line[9:].startswith(name + " "):
                found[name] = line
    return found


def test_with_everything_each_check_is_one_ok_line_and_the_exit_code_is_0(everything):
    soffice, python = everything
    result = CliRunner().invoke(app, ["doctor"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) == len(NAMES) + 2 and result.output.isascii()  # a heading, the checks, a summary
    checks = checks_by_name(lines)
    assert list(checks) == NAMES and all(line.startswith("ok ") for line in checks.values())
    assert f"{sys.version_info.major}.{sys.version_info.minor}." in checks["Python"]
    assert sys.executable in checks["Python"]
    assert __version__ in checks["sipgen"] and str(Path(doctor.__file__).parent) in checks["sipgen"]
    assert str(soffice) in checks["LibreOffice"] and "PATH" in checks["LibreOffice"]
    assert str(python) in checks["Page numbers"] and "Carlito" in checks["Fonts"]
    assert all(name in checks["Web page"] for name in doctor.WEB_MODULES)
    assert "To fix" not in result.output and lines[-1].startswith("All is well")


def test_without_libreoffice_the_install_hint_is_given_and_the_exit_code_is_1(everything, monkeypatch):
    monkeypatch.setattr(office, "locate_soffice", lambda: office.Found(None))
    result = CliRunner().invoke(app, ["doctor"])
    assert result.exit_code == 1
    checks = checks_by_name(result.output.splitlines())
    assert checks["LibreOffice"].startswith("missing ") and office.install_hint() in checks["LibreOffice"]
    assert "SIPGEN_SOFFICE" in checks["LibreOffice"]
    assert checks["Page numbers"].startswith("missing ") and "LibreOffice" in checks["Page numbers"]
    assert checks["Fonts"].startswith("ok ") and checks["Web page"].startswith("ok ")
    assert "still checks plans and writes Word documents" in result.output.splitlines()[-1]


def test_a_wrong_sipgen_soffice_is_named(monkeypatch, tmp_path):
    monkeypatch.setattr(doctor, "_importable", lambda name: True)
    monkeypatch.setattr(pdf, "_font_families", lambda: {"Calibri"})
    monkeypatch.setenv(office.ENV, str(tmp_path / "nowhere" / "soffice"))
    result = CliRunner().invoke(app, ["doctor"])
    assert result.exit_code == 1
    line = checks_by_name(result.output.splitlines())["LibreOffice"]
    assert line.startswith("wrong ") and "SIPGEN_SOFFICE is set to" in line and str(tmp_path / "nowhere") in line


@pytest.mark.parametrize("how, said", [(office.HOW_SETTING, "SIPGEN_SOFFICE"), (office.HOW_STANDARD, "installer")])
def test_how_libreoffice_was_found_is_said(everything, monkeypatch, how, said):
    soffice, _ = everything
    monkeypatch.setattr(office, "locate_soffice", lambda: office.Found(soffice, how))
    line = checks_by_name(CliRunner().invoke(app, ["doctor"]).output.splitlines())["LibreOffice"]
    assert line.startswith("ok ") and said in line


def test_without_libreoffices_python_the_bridge_hint_is_given(everything, monkeypatch):
    monkeypatch.setattr(office, "office_python", lambda found: None)
    result = CliRunner().invoke(app, ["doctor"])
    assert result.exit_code == 1
    line = checks_by_name(result.output.splitlines())["Page numbers"]
    assert line.startswith("missing ") and "no page numbers" in line and office.bridge_hint()[1:] in line


@pytest.mark.parametrize(
    "families, status, code",
    [({"Calibri"}, "ok", 0), ({"carlito"}, "ok", 0), ({"DejaVu Sans"}, "missing", 1), (None, "unknown", 0)],
)
def test_the_fonts(everything, monkeypatch, families, status, code):
    monkeypatch.setattr(pdf, "_font_families", lambda: families)
    result = CliRunner().invoke(app, ["doctor"])
    assert result.exit_code == code
    line = checks_by_name(result.output.splitlines())["Fonts"]
    assert line.startswith(status + " ")
    if status != "ok":
        assert "To fix: " in line and pdf.font_advice()[1:] in line


def test_every_missing_part_of_the_web_extra_is_named(everything, monkeypatch):
    monkeypatch.setattr(doctor, "_importable", REAL_IMPORTABLE)
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # None in sys.modules: importing it fails
    monkeypatch.setitem(sys.modules, "python_multipart", None)
    result = CliRunner().invoke(app, ["doctor"])
    assert result.exit_code == 1
    line = checks_by_name(result.output.splitlines())["Web page"]
    assert line.startswith("missing ") and "uvicorn and python_multipart are not installed" in line
    assert "starlette" not in line and 'pip install "sipgen[web]"' in line


def test_the_checks_of_this_computer():
    checks = doctor.run_checks()
    assert [check.name for check in checks] == NAMES
    assert doctor.exit_code(checks) == (0 if all(check.ok for check in checks) else 1)
    assert all(check.status in ("ok", "missing", "wrong", "unknown") for check in checks)


def test_what_a_cp1252_console_cannot_show_becomes_a_question_mark():
    checks = [doctor.Check("LibreOffice", doctor.OK, "C:\\Users\\Łukasz Bździągło\\soffice.exe")]
    lines = doctor.report(checks, "cp1252")
    assert "C:\\Users\\?ukasz B?dzi?g?o\\soffice.exe" in lines[1]
    assert all(line.encode("cp1252") for line in lines)
    assert doctor.report(checks, "no-such-encoding")[1].isascii()


def test_piped_to_a_file_on_a_cp1252_console_it_does_not_fail(tmp_path):
    """As `sipgen doctor > doctor.txt` on Windows, with a user folder whose name cp1252 lacks."""
    env = {**os.environ, "PYTHONIOENCODING": "cp1252", office.ENV: str(tmp_path / "Łódź" / "soffice")}
    done = subprocess.run(
        [sys.executable, "-m", "sipgen", "doctor"], capture_output=True, env=env, timeout=120, cwd=tmp_path
    )
    assert done.returncode == 1, done.stderr
    assert b"Traceback" not in done.stderr and b"SIPGEN_SOFFICE is set to" in done.stdout
    assert done.stdout.startswith(b"sipgen doctor: ")
