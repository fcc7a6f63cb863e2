"""Where LibreOffice and its Python are found on Windows, macOS and Linux, tried on Linux by
pretending: sys.platform, the environment, the PATH (shutil.which) and the standard places are
all moved into a temporary folder, and the programs found there are small shell scripts."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sipgen import office, pdf

PLATFORMS = {"windows": "win32", "mac": "darwin", "linux": "linux"}


def make(path: Path, body: str = "exit 0") -> Path:
    """A program at ``path``: a shell script, so that it really runs (``exit 1``: one that fails)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(0o755)
    return path


@pytest.fixture
def pretend(tmp_path, monkeypatch):
    """``pretend("windows" | "mac" | "linux", on_path={name: path})``: this test runs as if there."""

    def on(system: str, on_path: dict[str, Path] | None = None) -> Path:
        monkeypatch.setattr(sys, "platform", PLATFORMS[system])
        for name in (office.ENV, "ProgramFiles", "ProgramW6432", "ProgramFiles(x86)", "WINDIR", "LOCALAPPDATA"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("HOME", str(tmp_path / "home"))
        monkeypatch.setattr(office, "MAC_APPLICATIONS", tmp_path / "Applications")
        monkeypatch.setattr(office, "LINUX_PROGRAM", tmp_path / "usr/lib/libreoffice/program/soffice")
        monkeypatch.setattr(office, "LINUX_OPT", tmp_path / "opt")
        monkeypatch.setattr(office, "SYSTEM_PYTHON", tmp_path / "usr/bin/python3")
        monkeypatch.setattr(office, "DEBIAN_MARKER", tmp_path / "etc/debian_version")
        monkeypatch.setattr(office, "_WITH_UNO", set())
        monkeypatch.setattr(pdf, "UNO_PYTHON", None)
        known = {name: str(path) for name, path in (on_path or {}).items()}
        monkeypatch.setattr(shutil, "which", lambda name, *args, **kwargs: known.get(name))
        return tmp_path

    return on


# -- finding soffice -----------------------------------------------------------------------


@pytest.mark.parametrize("system", PLATFORMS)
def test_sipgen_soffice_comes_before_the_path_and_the_standard_places(pretend, monkeypatch, system):
    root = pretend(system)
    chosen = make(root / "custom" / "soffice")
    pretend(system, on_path={"soffice": make(root / "elsewhere" / "soffice")})
    monkeypatch.setenv(office.ENV, str(chosen))
    assert office.locate_soffice() == office.Found(chosen, office.HOW_SETTING)
    assert office.find_soffice() == chosen and pdf.soffice() == str(chosen)


def test_a_sipgen_soffice_that_names_nothing_is_reported_not_skipped(pretend, monkeypatch):
    root = pretend("linux")
    pretend("linux", on_path={"soffice": make(root / "bin" / "soffice")})
    monkeypatch.setenv(office.ENV, str(root / "no-such" / "soffice"))
    found = office.locate_soffice()
    assert found.path is None and found.how == office.HOW_SETTING
    assert office.ENV in found.problem and str(root / "no-such" / "soffice") in found.problem
    assert pdf.soffice() is None
    message = pdf.not_installed()
    assert found.problem in message and "\n" not in message
    assert pdf.NOT_INSTALLED == message  # the old constant's name still works, for sipgen/web


def test_sipgen_soffice_may_name_the_folder_and_be_quoted(pretend, monkeypatch):
    root = pretend("windows")
    program = make(root / "D" / "LibreOffice" / "program" / "soffice.exe")
    monkeypatch.setenv(office.ENV, f'"{root / "D" / "LibreOffice"}"')  # as `set X="..."` leaves it in cmd
    assert office.find_soffice() == program
    root = pretend("mac")
    app = make(root / "Apps" / "LibreOffice.app" / "Contents" / "MacOS" / "soffice")
    monkeypatch.setenv(office.ENV, str(root / "Apps" / "LibreOffice.app"))
    assert office.find_soffice() == app


def test_a_sipgen_soffice_that_cannot_be_run_is_reported_on_linux_and_mac(pretend, monkeypatch):
    root = pretend("mac")
    plain = root / "soffice"
    plain.write_text("not a program")  # no execute permission
    monkeypatch.setenv(office.ENV, str(plain))
    assert office.find_soffice() is None and office.locate_soffice().problem


def test_the_path_comes_before_the_standard_places(pretend):
    root = pretend("linux")
    make(root / "usr/lib/libreoffice/program/soffice")
    on_path = make(root / "bin" / "libreoffice")
    pretend("linux", on_path={"libreoffice": on_path})
    assert office.locate_soffice() == office.Found(on_path, office.HOW_PATH)


def test_on_windows_the_path_is_searched_for_soffice_exe_and_soffice_com(pretend):
    root = pretend("windows")
    com = make(root / "LO" / "program" / "soffice.com")
    pretend("windows", on_path={"soffice.com": com})
    assert office.locate_soffice() == office.Found(com, office.HOW_PATH)


def test_windows_standard_places(pretend, monkeypatch):
    root = pretend("windows")
    assert office.find_soffice() is None
    x86 = make(root / "Program Files (x86)" / "LibreOffice" / "program" / "soffice.exe")
    x86.chmod(0o644)  # Windows has no execute permission: a file is enough
    monkeypatch.setenv("ProgramFiles", str(root / "Program Files"))
    monkeypatch.setenv("ProgramFiles(x86)", str(root / "Program Files (x86)"))
    assert office.locate_soffice() == office.Found(x86, office.HOW_STANDARD)
    native = make(root / "Program Files" / "LibreOffice" / "program" / "soffice.exe")
    assert office.find_soffice() == native
    # A 32-bit Python sees Program Files (x86) as %ProgramFiles%; %ProgramW6432% is the real one.
    monkeypatch.setenv("ProgramFiles", str(root / "Program Files (x86)"))
    monkeypatch.setenv("ProgramW6432", str(root / "Program Files"))
    assert office.find_soffice() == native
    native.unlink()
    assert office.find_soffice() == x86


def test_mac_standard_places(pretend):
    root = pretend("mac")
    assert office.find_soffice() is None
    mine = make(root / "home" / "Applications" / "LibreOffice.app" / "Contents" / "MacOS" / "soffice")
    assert office.locate_soffice() == office.Found(mine, office.HOW_STANDARD)
    everyone = make(root / "Applications" / "LibreOffice.app" / "Contents" / "MacOS" / "soffice")
    assert office.find_soffice() == everyone


def test_linux_standard_places_prefer_debian_then_the_newest_in_opt(pretend):
    root = pretend("linux")
    assert office.find_soffice() is None
    for version in ("7.9", "7.10", "24.8"):
        make(root / "opt" / f"libreoffice{version}" / "program" / "soffice")
    assert office.find_soffice() == root / "opt" / "libreoffice24.8" / "program" / "soffice"
    (root / "opt" / "libreoffice24.8" / "program" / "soffice").unlink()
    assert office.find_soffice() == root / "opt" / "libreoffice7.10" / "program" / "soffice"
    debian = make(root / "usr/lib/libreoffice/program/soffice")
    assert office.locate_soffice() == office.Found(debian, office.HOW_STANDARD)


# -- LibreOffice's Python ------------------------------------------------------------------


def test_on_windows_the_python_is_python_exe_beside_soffice(pretend):
    root = pretend("windows")
    soffice = make(root / "LibreOffice" / "program" / "soffice.exe")
    assert office.office_python(soffice) is None
    python = make(root / "LibreOffice" / "program" / "python.exe")
    assert office.office_python(soffice) == python
    make(python, "exit 1")  # a Python that cannot import uno is no use
    office._WITH_UNO.clear()
    assert office.office_python(soffice) is None


def test_on_a_mac_the_python_is_in_the_bundles_resources_and_system_python_is_never_run(pretend, monkeypatch):
    root = pretend("mac")
    make(root / "usr/bin/python3")  # would import uno, but on a Mac it opens the developer tools dialog
    contents = root / "Applications" / "LibreOffice.app" / "Contents"
    soffice = make(contents / "MacOS" / "soffice")
    link = root / "homebrew" / "bin" / "soffice"  # Homebrew's cask links it into its bin folder
    link.parent.mkdir(parents=True)
    link.symlink_to(soffice)
    ran = []
    real_run = subprocess.run
    monkeypatch.setattr(subprocess, "run", lambda command, **kw: ran.append(command[0]) or real_run(command, **kw))
    assert office.office_python(link) is None
    python = make(contents / "Resources" / "python")
    assert office.office_python(link) == python
    assert str(root / "usr/bin/python3") not in ran and ran


def test_on_linux_the_python_is_libreoffices_own_or_the_systems_with_python3_uno(pretend):
    root = pretend("linux")
    soffice = make(root / "usr/lib/libreoffice/program/soffice")
    system_python = make(root / "usr/bin/python3", "exit 1")  # python3-uno not installed
    assert office.office_python(soffice) is None
    make(system_python)
    assert office.office_python(soffice) == system_python
    tdf = make(root / "opt" / "libreoffice24.8" / "program" / "soffice")
    own = make(root / "opt" / "libreoffice24.8" / "program" / "python")
    assert office.office_python(tdf) == own


def test_a_python_that_imports_uno_is_asked_once(pretend, monkeypatch):
    root = pretend("linux")
    python = make(root / "program" / "python")
    ran = []
    real_run = subprocess.run
    monkeypatch.setattr(subprocess, "run", lambda command, **kw: ran.append(command[0]) or real_run(command, **kw))
    assert office.imports_uno(python) and office.imports_uno(python)
    assert ran == [str(python)]
    assert not office.imports_uno(root / "program" / "missing")


def test_pdf_uses_libreoffices_python_for_page_numbers(pretend, monkeypatch):
    root = pretend("windows")
    soffice = make(root / "LO" / "program" / "soffice.exe")
    monkeypatch.setenv(office.ENV, str(soffice))
    assert not pdf._uno_available()
    python = make(root / "LO" / "program" / "python.exe")
    assert pdf._uno_available() and pdf._uno_python() == str(python)
    converter = pdf.Converter(1)  # starts nothing until the first job
    assert converter._office == str(soffice) and converter._python == str(python)


# -- telling the user ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "system, debian, expected",
    [
        ("windows", False, ["libreoffice.org", "winget install TheDocumentFoundation.LibreOffice", "soffice.exe"]),
        ("mac", False, ["libreoffice.org", "brew install --cask libreoffice", "LibreOffice.app"]),
        ("linux", True, ["sudo apt-get install libreoffice-writer-nogui"]),
        ("linux", False, ["package manager", "libreoffice.org"]),
    ],
)
def test_the_install_hint_suits_the_system(pretend, system, debian, expected):
    root = pretend(system)
    if debian:
        (root / "etc").mkdir()
        (root / "etc" / "debian_version").write_text("12.5\n")
    hint = office.install_hint()
    assert all(text in hint for text in expected), hint
    assert office.ENV in hint and "\n" not in hint and hint.isascii()
    message = pdf.not_installed()
    assert message.startswith("LibreOffice is not installed") and hint in message
    assert not hint.endswith(".") or system == "linux" and not debian  # a command ends it: copied as is


@pytest.mark.parametrize("system", PLATFORMS)
def test_the_bridge_hint_suits_the_system(pretend, system):
    root = pretend(system)
    (root / "etc").mkdir()
    (root / "etc" / "debian_version").write_text("12.5\n")
    hint = office.bridge_hint()
    assert ("apt-get install python3-uno" in hint) == (system == "linux"), hint
    assert ("reinstall LibreOffice" in hint) == (system != "linux"), hint


def test_on_windows_the_fonts_folder_is_looked_in(pretend, monkeypatch):
    root = pretend("windows")
    monkeypatch.setenv("WINDIR", str(root / "Windows"))
    (root / "Windows" / "Fonts").mkdir(parents=True)
    assert pdf._font_families() == set()
    warning = pdf.font_warning()
    assert "fonts.google.com/specimen/Carlito" in warning and "apt-get" not in warning
    (root / "Windows" / "Fonts" / "calibri.ttf").write_bytes(b"")
    assert pdf._font_families() == {"Calibri"} and pdf.font_warning() is None


def test_on_a_mac_the_font_folders_and_libreoffices_own_fonts_are_looked_in(pretend):
    root = pretend("mac")
    assert pdf._font_families() == set()
    assert "brew install --cask font-carlito" in pdf.font_warning()
    user_fonts = root / "home" / "Library" / "Fonts"
    user_fonts.mkdir(parents=True)
    (user_fonts / "Carlito-Regular.ttf").write_bytes(b"")
    assert pdf.font_warning() is None
    (user_fonts / "Carlito-Regular.ttf").unlink()
    contents = root / "Applications" / "LibreOffice.app" / "Contents"
    make(contents / "MacOS" / "soffice")
    (contents / "Resources" / "fonts" / "truetype").mkdir(parents=True)
    (contents / "Resources" / "fonts" / "truetype" / "Carlito-Bold.ttf").write_bytes(b"")
    assert pdf._font_families() == {"Carlito"}


def test_on_linux_without_fontconfig_sipgen_cannot_tell(pretend):
    pretend("linux")
    assert pdf._font_families() is None and pdf.font_warning() is None


# -- this computer ---------------------------------------------------------------------------


def test_here_libreoffice_and_its_python_are_found():
    found = office.find_soffice()
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice is not installed; .ci/run installs it")
        pytest.skip("LibreOffice is not installed")
    assert pdf.soffice() == str(found)
    python = office.office_python(found)
    if python is not None:
        assert pdf._uno_python() == str(python)


@pytest.mark.posix_only
def test_build_pdf_finds_libreoffice_through_sipgen_soffice_when_it_is_not_on_the_path(tmp_path):
    """As on a PC where LibreOffice is installed somewhere sipgen does not look: PATH without it."""
    from .conftest import ROOT, require_soffice

    real = shutil.which(require_soffice())
    # The system's commands (LibreOffice's launcher script needs them), all but LibreOffice's own.
    tools = tmp_path / "bin"
    tools.mkdir()
    for command in Path(real).parent.iterdir():
        if not command.name.startswith(("soffice", "libreoffice", "lo")):
            (tools / command.name).symlink_to(command)
    env = {"PATH": str(tools), "HOME": str(tmp_path), "SIPGEN_SOFFICE": real, "LANG": "C.UTF-8"}
    sipgen = Path(sys.executable).parent / "sipgen"
    done = subprocess.run(
        [str(sipgen), "build", str(ROOT / "samples" / "primary.xlsx"), "-o", str(tmp_path / "p.docx"), "--pdf",
         "--as-of", "2026-07-01"],
        env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert (tmp_path / "p.pdf").read_bytes()[:4] == b"%PDF"
