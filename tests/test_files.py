"""Output files: written whole or not at all, and readable by whoever the umask lets read them."""

from __future__ import annotations

import os
import shlex
import stat
import subprocess
import sys
from contextlib import contextmanager

import pytest

from sipgen.files import write_atomically


@contextmanager
def umask(mask: int):
    old = os.umask(mask)
    try:
        yield
    finally:
        os.umask(old)


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


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


@pytest.mark.parametrize("mask", [0o022, 0o077, 0o000], ids=["umask 022", "umask 077", "umask 000"])
def test_replacing_an_output_keeps_its_mode(tmp_path, mask):
    path = tmp_path / "plan.docx"
    path.write_bytes(b"old")
    path.chmod(0o640)
    with umask(mask):
        write_atomically(path, lambda temp: temp.write_bytes(b"new"))
    assert path.read_bytes() == b"new"
    assert mode(path) == 0o640


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
