"""A normal (non-editable) install works: build a wheel, install it in a fresh virtualenv, use it.

The wheel is built from a copy of the repository (so no build/ or egg-info lands in it) and
installed with --no-deps --no-index; the new virtualenv sees the test virtualenv's packages
through a .pth file, so no network is needed. Everything runs from a folder outside the
repository, so only the installed sipgen can be imported.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT, soffice, tools_required

COPY_IGNORE = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".hypothesis", ".pytest_cache", "*.part", "*.whl"
)


def run(command: list, cwd: Path, env: dict | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    done = subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, (
        f"{' '.join(map(str, command))} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
    )
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(source copy, wheel, virtualenv with the wheel installed, environment to run it in)."""
    tmp = tmp_path_factory.mktemp("install")
    source = tmp / "source"
    shutil.copytree(ROOT, source, ignore=COPY_IGNORE)
    wheels = tmp / "wheels"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--disable-pip-version-check",
            "-q",
            "-w",
            str(wheels),
            str(source),
        ],
        cwd=tmp,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, (
        f"pip wheel failed (is setuptools>=77 installed? run scripts/setup --test):\n{done.stderr}"
    )
    [wheel] = wheels.glob("sipgen-*.whl")

    venv = tmp / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", venv], cwd=tmp)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            python,
            "install",
            "--no-deps",
            "--no-index",
            "--disable-pip-version-check",
            "-q",
            wheel,
        ],
        cwd=tmp,
    )
    site = Path(
        run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], cwd=tmp).stdout.strip()
    )
    ours = dict.fromkeys([sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]])
    (site / "test-venv-packages.pth").write_text("".join(f"{path}\n" for path in ours))

    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON") and k != "VIRTUAL_ENV"}
    env.update(PYTHONNOUSERSITE="1", COLUMNS="80", VIRTUAL_ENV=str(venv))
    return source, wheel, venv, env


def test_the_wheel_holds_the_whole_package(installed):
    source, wheel, _, _ = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {p.relative_to(source).as_posix() for p in (source / "sipgen").rglob("*.py")}
    expected |= {p.relative_to(source).as_posix() for p in (source / "sipgen" / "examples").glob("*.toml")}
    expected |= {"sipgen/uno_export.py", "sipgen/word_templates/__init__.py", "sipgen/word_templates/plan.docx"}
    expected |= {"sipgen/word_templates/report.docx", "sipgen/word_templates/tasks.docx"}
    # sipgen serve's pages and stylesheet are package data, not modules.
    web = source / "sipgen" / "web"
    expected |= {p.relative_to(source).as_posix() for p in [*web.glob("templates/*"), *web.glob("static/*")]}
    missing = sorted(expected - names)
    assert not missing, f"not in the wheel: {missing} (a new subpackage must be listed in pyproject.toml's packages)"
    assert (
        zipfile.ZipFile(wheel).read("sipgen/word_templates/plan.docx")
        == (source / "templates" / "plan.docx").read_bytes()
    )
    assert not [n for n in names if n.startswith(("templates/", "tests/", "samples/", "workbook_templates/"))]


def test_the_installed_sipgen_works_outside_the_repository(installed, tmp_path):
    source, _, venv, env = installed
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    sipgen = bin_dir / "sipgen"
    where = run(
        [
            bin_dir / "python",
            "-c",
            "import sipgen, sipgen.word_templates as t; print(sipgen.__file__); print(t.__file__)",
        ],
        cwd=tmp_path,
        env=env,
    ).stdout.split()
    assert all(Path(path).resolve().is_relative_to(venv.resolve()) for path in where), where

    def sipgen_ok(*args: str) -> str:
        return run([sipgen, *args], cwd=tmp_path, env=env).stdout

    sipgen_ok("new", "plan.xlsx")
    sipgen_ok("new", "example.xlsx", "--example")
    assert (tmp_path / "plan.xlsx").stat().st_size and (tmp_path / "example.xlsx").stat().st_size
    sipgen_ok("check", "example.xlsx")

    office = soffice()
    if office is None and tools_required():
        pytest.fail("LibreOffice is not installed; .ci/run installs it")
    built = subprocess.run(
        [sipgen, "build", "example.xlsx", "--pdf"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300
    )
    if office:  # the PDF comes from sipgen/uno_export.py, run from the installed package
        assert built.returncode == 0, built.stderr
        assert (tmp_path / "example.pdf").read_bytes().startswith(b"%PDF")
    else:
        assert built.returncode == 2 and "LibreOffice is not installed" in built.stderr, built.stderr
    import docx

    document = docx.Document(str(tmp_path / "example.docx"))
    assert any("Priorities at a glance" in p.text for p in document.paragraphs)

    sipgen_ok("template", "export", "t.docx")
    assert (tmp_path / "t.docx").read_bytes() == (source / "templates" / "plan.docx").read_bytes()
    assert "WB004" in sipgen_ok("rules")
    assert sipgen_ok("explain", "WB004").startswith("WB004:")
    # The board's report (its own template, shipped in the package) and the termly diff.
    assert "Wrote" in sipgen_ok("report", "example.xlsx", "--since", "example.xlsx")
    assert docx.Document(str(tmp_path / "example-report.docx")).paragraphs[0].text.strip()
    same = subprocess.run([sipgen, "diff", "example.xlsx", "example.xlsx"], cwd=tmp_path, env=env, capture_output=True)
    assert same.returncode == 0 and b"No changes" in same.stdout
    # Through the year: the calendar, next year's workbook and each person's tasks, and the doctor.
    assert "Wrote" in sipgen_ok("calendar", "example.xlsx", "--as-of", "2026-07-01")
    assert (tmp_path / "example.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    sipgen_ok("new", "next.xlsx", "--from", "example.xlsx")
    assert (tmp_path / "next.xlsx").stat().st_size
    sipgen_ok("tasks", "example.xlsx", "-o", "tasks", "--as-of", "2026-07-01")
    assert len(list((tmp_path / "tasks").glob("*.docx"))) > 2
    doctor = subprocess.run([sipgen, "doctor"], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert doctor.returncode in (0, 1) and "LibreOffice" in doctor.stdout
