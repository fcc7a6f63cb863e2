"""Output on a Windows console, pretended on Linux: a cp1252 code page, pipes and files, colour."""

from __future__ import annotations

import copy
import io
import json
import os
import subprocess
import sys

import pytest

from sipgen import console

ODD = "Łódź ≥ 90% 😀"  # none of these is in cp1252, a Windows console's code page


class Console(io.TextIOWrapper):
    """A terminal whose code page is cp1252, as an older Windows console."""

    def isatty(self):
        return True


def cp1252(cls=io.TextIOWrapper):
    return cls(io.BytesIO(), encoding="cp1252")


def written(stream) -> bytes:
    stream.flush()
    return stream.buffer.getvalue()


def test_a_cp1252_file_or_pipe_gets_utf8(monkeypatch):
    out, err = cp1252(), cp1252()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    console.setup()
    print(ODD)
    print(ODD, file=sys.stderr)
    assert written(out).decode("utf-8") == ODD + "\n"
    assert written(err).decode("utf-8") == ODD + "\n"


def test_a_cp1252_console_shows_a_replacement_never_crashes(monkeypatch):
    out = cp1252(Console)
    monkeypatch.setattr(sys, "stdout", out)
    console.setup()
    print(ODD)
    shown = written(out).decode("cp1252")
    assert shown.startswith("?ód? ? 90% ?") and out.encoding == "cp1252"  # what it can show, it shows


def test_setup_leaves_alone_what_it_cannot_change(monkeypatch):
    monkeypatch.setattr(sys, "stdout", None)  # pythonw, a windowed frozen program
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    console.setup()
    print(ODD, file=sys.stderr)
    assert sys.stderr.getvalue() == ODD + "\n"


class FakeKernel32:
    """GetConsoleMode and SetConsoleMode as Windows answers them."""

    def __init__(self, mode: int | None, settable: bool = True):
        self.mode, self.settable = mode, settable

    def GetConsoleMode(self, handle, mode):  # noqa: N802 - the Windows API's name
        if self.mode is None:
            return 0  # not a console
        mode.value = self.mode
        return 1

    def SetConsoleMode(self, handle, mode):  # noqa: N802
        if not self.settable:
            return 0  # before Windows 10: the flag is refused
        self.mode = mode
        return 1


class DWORD:
    value = 0


@pytest.fixture
def windows(monkeypatch):
    """sys.platform and os.name as on Windows; the terminal test env cleared of NO_COLOR and TERM."""
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(os, "name", "nt")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("TERM", raising=False)

    def use(kernel32):
        api = None if kernel32 is None else (kernel32, lambda fd: 7, DWORD)
        monkeypatch.setattr(console, "_windows_api", lambda: api)

    return use


def terminal():
    stream = cp1252(Console)
    stream.fileno = lambda: 1
    return stream


def test_windows_colour_only_once_the_console_reads_colour_codes(windows):
    from sipgen.report import use_colour

    kernel32 = FakeKernel32(mode=0x0003)
    windows(kernel32)
    assert console.colour(terminal()) and use_colour(terminal())
    assert kernel32.mode == 0x0003 | console.ENABLE_VIRTUAL_TERMINAL_PROCESSING  # asked for, keeping the rest
    windows(FakeKernel32(mode=0x0003 | console.ENABLE_VIRTUAL_TERMINAL_PROCESSING, settable=False))
    assert console.colour(terminal())  # already on (Windows Terminal)
    windows(FakeKernel32(mode=0x0003, settable=False))
    assert not console.colour(terminal()) and not use_colour(terminal())  # an older console: ←[31m otherwise
    windows(FakeKernel32(mode=None))
    assert not console.colour(terminal())  # NUL claims to be a terminal, but is no console
    windows(None)
    assert not console.colour(terminal())  # no Windows API to ask


def test_colour_never_when_piped_or_with_no_color(monkeypatch, windows):
    windows(FakeKernel32(mode=0x0003))
    assert not console.colour(cp1252())  # a pipe or a file
    monkeypatch.setenv("NO_COLOR", "1")
    assert not console.colour(terminal())
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("TERM", "dumb")
    assert not console.colour(terminal())


def test_without_windows_the_api_is_absent_and_a_posix_terminal_gets_colour(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    if sys.platform != "win32":
        assert console._windows_api() is None
        assert console.colour(terminal())


# -- the commands, as a Windows user runs them: a cp1252 code page, output redirected to a file ----


@pytest.fixture(scope="module")
def plans(tmp_path_factory):
    """The worked example, and a copy whose cells hold Ł, ≥ and an emoji; two of them in a folder."""
    from sipgen.examples import load
    from sipgen.workbook import write_workbook

    folder = tmp_path_factory.mktemp("odd")
    example = load("primary")
    odd = copy.deepcopy(example)
    odd["settings"]["organisation"] = "Łódź Primary ≥ 😀"
    odd["actions"][0]["action"] = "Łukasz checks ≥ 90% of reading books 📚 each week"
    odd["actions"][0]["owners"] = "Ł≥😀"  # not on the Staff sheet: check quotes it
    write_workbook(folder / "old.xlsx", "school", example)
    write_workbook(folder / "new.xlsx", "school", odd)
    (folder / "trust").mkdir()
    for name in ("north", "south"):
        write_workbook(folder / "trust" / f"{name}.xlsx", "school", odd)
    return folder


def sipgen(folder, *args) -> tuple[int, str, str]:
    """Run ``python -m sipgen`` with a cp1252 code page and stdout to a file; the exit code, file and stderr."""
    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    env.pop("PYTHONUTF8", None)  # UTF-8 mode would hide the code page
    command = [sys.executable, "-m", "sipgen", *args]
    with open(folder / "out.txt", "wb") as out:
        done = subprocess.run(command, stdout=out, stderr=subprocess.PIPE, cwd=folder, env=env, timeout=120)
    text = (folder / "out.txt").read_bytes().decode("utf-8")  # UTF-8, whatever the code page
    return done.returncode, text, done.stderr.decode("utf-8")


def test_diff_to_a_file_on_a_cp1252_console(plans):
    code, text, err = sipgen(plans, "diff", "old.xlsx", "new.xlsx")
    assert code == 1, err  # changes found: the usual exit
    assert "→ Łódź Primary ≥ 😀" in text and "Łukasz" in text and "📚" in text and "\033[" not in text
    assert "went wrong" not in err


def test_check_json_to_a_file_on_a_cp1252_console_is_utf8_json(plans):
    code, text, err = sipgen(plans, "check", "new.xlsx", "--format", "json")
    assert code == 1, err  # the unknown owner is an error
    findings = json.loads(text)
    assert any("Ł≥😀" in finding["message"] for finding in findings)


def test_check_text_to_a_file_on_a_cp1252_console(plans):
    code, text, err = sipgen(plans, "check", "new.xlsx")
    assert code == 1, err
    assert "'Ł≥😀' is not on the Staff sheet" in text and "\033[" not in text


def test_report_of_a_folder_to_a_file_on_a_cp1252_console(plans):
    code, text, err = sipgen(plans, "report", "trust", "-o", "report.docx", "--as-of", "2026-01-10")
    assert code == 0, err
    assert text.count("Łódź Primary ≥ 😀") == 2 and "Wrote report.docx (2 plans)" in text
    assert (plans / "report.docx").exists()
