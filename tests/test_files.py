"""Output files: written whole or not at all, and readable by whoever the umask lets read them."""

from __future__ import annotations

import os
import shlex
import shutil
import stat
import subprocess
import sys
from contextlib import contextmanager

import pytest
from typer.testing import CliRunner

from sipgen.cli import app
from sipgen.files import OutputError, check_output, write_atomically

from .conftest import ROOT


@contextmanager
def umask(mask: int):
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.posix_only
@pytest.mark.parametrize(
    ("mask", "expected"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)], ids=["umask 022", "umask 002", "umask 077"]
)
def test_a_new_output_gets_the_mode_the_umask_gives(tmp_path, mask, expected):
    path = tmp_path / "plan.docx"
    with umask(mask):
        write_atomically(path, lambda temp: temp.write_bytes(b"new"))
    assert path.read_bytes() == b"new"
    assert mode(path) == expected
    assert [p.name for p in tmp_path.iterdir()] == ["plan.docx"]


@pytest.mark.posix_only
@pytest.mark.parametrize("mask", [0o022, 0o077, 0o000], ids=["umask 022", "umask 077", "umask 000"])
def test_replacing_an_output_keeps_its_mode(tmp_path, mask):
    path = tmp_path / "plan.docx"
    path.write_bytes(b"old")
    path.chmod(0o640)
    with umask(mask):
        write_atomically(path, lambda temp: temp.write_bytes(b"new"))
    assert path.read_bytes() == b"new"
    assert mode(path) == 0o640


@pytest.mark.posix_only
def test_the_temporary_file_already_has_the_final_mode_while_written(tmp_path):
    path = tmp_path / "plan.docx"
    path.write_bytes(b"old")
    path.chmod(0o600)
    seen = []
    with umask(0o002):
        write_atomically(path, lambda temp: seen.append(mode(temp)) or temp.write_bytes(b"new"))
    assert seen == [0o600]


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path):
    path = tmp_path / "plan.docx"
    path.write_bytes(b"old")
    path.chmod(0o640)

    def broken(temp):
        temp.write_bytes(b"half")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_atomically(path, broken)
    assert path.read_bytes() == b"old" and mode(path) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["plan.docx"]


def sipgen(cwd, mask: int, *args: str) -> subprocess.CompletedProcess:
    """Run `python -m sipgen ARGS` in ``cwd`` under the umask ``mask``."""
    command = " ".join(shlex.quote(a) for a in (sys.executable, "-m", "sipgen", *args))
    return subprocess.run(
        ["sh", "-c", f"umask {mask:03o}; exec {command}"], cwd=cwd, capture_output=True, text=True, timeout=300
    )


@pytest.mark.posix_only
def test_the_command_writes_files_colleagues_can_open(tmp_path):
    for args in (
        ["new", "blank.xlsx"],
        ["new", "example.xlsx", "--example"],
        ["build", "example.xlsx"],
        ["check", "example.xlsx", "--annotate", "checked.xlsx"],
        ["template", "export", "mine.docx"],
    ):
        done = sipgen(tmp_path, 0o002, *args)
        assert done.returncode == 0, (args, done.stderr)
    for name in ("blank.xlsx", "example.xlsx", "example.docx", "checked.xlsx", "mine.docx"):
        assert mode(tmp_path / name) == 0o664, name
    (tmp_path / "example.docx").chmod(0o640)
    done = sipgen(tmp_path, 0o022, "build", "example.xlsx")
    assert done.returncode == 0, done.stderr
    assert mode(tmp_path / "example.docx") == 0o640
    assert not list(tmp_path.glob(".*.part"))


def test_a_read_only_output_is_refused_by_its_own_mode_and_nothing_is_left_behind(tmp_path):
    # Windows' read-only attribute shows as a mode without the owner's write bit. The check is the
    # mode, not os.access, which says yes to an administrator (and to root, who runs these tests in CI).
    path = tmp_path / "plan.docx"
    path.write_bytes(b"old")
    path.chmod(0o444)
    said = f"{path} is read-only: make it writable, or choose another name with -o."
    with pytest.raises(OutputError) as caught:
        write_atomically(path, lambda temp: temp.write_bytes(b"new"))
    assert str(caught.value) == said
    with pytest.raises(OutputError) as early:  # said before the document is made, too
        check_output(path)
    assert str(early.value) == said
    assert path.read_bytes() == b"old" and mode(path) == 0o444
    assert [p.name for p in tmp_path.iterdir()] == ["plan.docx"]


def locked(source, target):
    """os.replace as Windows does it when another program has ``target`` open."""
    raise PermissionError(13, "The process cannot access the file because it is being used by another process")


@pytest.mark.parametrize(
    ("system", "said"),
    [
        ("nt", "is open in another program (Word?): close it, or choose another name with -o."),
        ("posix", "could not be replaced: it may be open in another program, or belong to someone else, or "),
    ],
    ids=["Windows", "elsewhere"],
)
def test_an_output_open_in_another_program_is_named_plainly_and_nothing_is_left_behind(
    tmp_path, monkeypatch, system, said
):
    path = tmp_path / "plan.docx"
    path.write_bytes(b"old")
    with monkeypatch.context() as patched:
        patched.setattr(os, "replace", locked)
        patched.setattr(os, "name", system)
        with pytest.raises(OutputError) as caught:
            write_atomically(path, lambda temp: temp.write_bytes(b"new"))
    assert str(caught.value).startswith(f"{path} {said}")
    assert isinstance(caught.value, PermissionError)  # still caught where a failed write is expected
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.docx"]


@pytest.mark.parametrize("command", ["build", "report"])
def test_build_and_report_over_a_read_only_or_open_document_say_so_in_one_line_exit_2(tmp_path, monkeypatch, command):
    workbook = tmp_path / "plan.xlsx"
    shutil.copy(ROOT / "samples" / "primary.xlsx", workbook)
    document = tmp_path / ("plan.docx" if command == "build" else "plan-report.docx")
    document.write_bytes(b"old")
    document.chmod(0o444)
    result = CliRunner().invoke(app, [command, str(workbook)])
    assert result.exit_code == 2, result.output
    assert f"sipgen: {document} is read-only: make it writable, or choose another name with -o." in result.output
    document.chmod(0o644)
    monkeypatch.setattr(os, "replace", locked)
    result = CliRunner().invoke(app, [command, str(workbook)])
    assert result.exit_code == 2, result.output
    assert f"sipgen: {document} could not be replaced: it may be open in another program" in result.output
    assert "Error" not in result.output and "Traceback" not in result.output
    assert document.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["plan.xlsx", document.name])
