"""Broken and hostile inputs: a clear message, the right exit code, no traceback, within
10 seconds and 500 MB, and the input left exactly as it was."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .make_corpus import CASES, make

LIMIT_SECONDS = 10
LIMIT_KB = 500 * 1024


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return make(tmp_path_factory.mktemp("corpus"))


def fingerprint(path: Path) -> str | None:
    if not path.is_file():
        return None
    return hashlib.sha256(path.read_bytes()).hexdigest()


def without_privilege() -> list[str]:
    """A prefix that makes root obey file permissions, as an ordinary user would."""
    if os.geteuid() != 0:
        return []
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--"]


def sipgen(*args, prefix=(), cwd=None):
    """Run the installed command; return (exit code, output, seconds, peak memory in KB)."""
    command = [*prefix, sys.executable, "-m", "sipgen", *map(str, args)]
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=cwd)
    try:
        output, _ = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        raise
    seconds = time.monotonic() - started
    # communicate() has reaped the child; its peak memory is in the children's usage.
    import resource

    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return process.returncode, output, seconds, peak


def assert_calm(code, output, seconds, peak, expected, words):
    assert code == expected, output
    assert "Traceback" not in output
    assert seconds < LIMIT_SECONDS, f"took {seconds:.1f} s"
    assert peak < LIMIT_KB, f"peak memory {peak / 1024:.0f} MB"
    if words:  # the report wraps long lines, so compare the words, not the line breaks
        assert words.lower() in " ".join(output.lower().split()), output


@pytest.mark.parametrize("name", sorted(CASES))
def test_check(corpus, name):
    path = corpus[name]
    before = fingerprint(path)
    case = CASES[name]
    code, output, seconds, peak = sipgen("check", path, "--as-of", "2026-07-01")
    assert_calm(code, output, seconds, peak, case.check_exit, case.words)
    if case.check_exit == 2:
        assert path.name in output
    assert fingerprint(path) == before


@pytest.mark.parametrize("name", sorted(CASES))
def test_build(corpus, name, tmp_path):
    path = corpus[name]
    before = fingerprint(path)
    case = CASES[name]
    out = tmp_path / "plan.docx"
    code, output, seconds, peak = sipgen("build", path, "-o", out, "--as-of", "2026-07-01")
    assert_calm(code, output, seconds, peak, case.build_exit, case.words if case.build_exit else "")
    assert out.exists() == (case.build_exit == 0)
    assert [p.name for p in tmp_path.iterdir() if p != out] == []
    assert fingerprint(path) == before


@pytest.mark.posix_only
def test_file_without_read_permission(tmp_path):
    path = tmp_path / "locked.xlsx"
    shutil.copy(Path(__file__).resolve().parents[2] / "samples" / "primary.xlsx", path)
    path.chmod(0)
    try:
        code, output, seconds, peak = sipgen("check", path, prefix=without_privilege())
        assert_calm(code, output, seconds, peak, 2, "not allowed to read")
    finally:
        path.chmod(0o644)


@pytest.mark.posix_only
def test_output_folder_without_write_permission(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    sample = Path(__file__).resolve().parents[2] / "samples" / "primary.xlsx"
    try:
        code, output, seconds, peak = sipgen("build", sample, "-o", folder / "plan.docx", prefix=without_privilege())
        assert_calm(code, output, seconds, peak, 2, "not allowed to write")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize(
    "problem, words",
    [("same", "never overwrites"), ("missing-folder", "does not exist"), ("open-in-word", "open in Word")],
)
def test_output_problems(tmp_path, problem, words):
    plan = tmp_path / "plan.xlsx"
    shutil.copy(Path(__file__).resolve().parents[2] / "samples" / "primary.xlsx", plan)
    before = fingerprint(plan)
    out = {"same": plan, "missing-folder": tmp_path / "no" / "plan.docx", "open-in-word": tmp_path / "plan.docx"}[
        problem
    ]
    if problem == "open-in-word":
        (tmp_path / "~$plan.docx").write_text("owner")
    code, output, seconds, peak = sipgen("build", plan, "-o", out)
    assert_calm(code, output, seconds, peak, 2, words)
    assert fingerprint(plan) == before
    assert not (tmp_path / "plan.docx").exists()


def test_template_reaching_for_python_is_refused_and_runs_nothing(tmp_path):
    from docx import Document

    marker = tmp_path / "pwned"
    template = tmp_path / "evil.docx"
    document = Document()
    document.add_paragraph("{{ cycler.__init__.__globals__.os.system('touch " + str(marker) + "') }}")
    document.add_paragraph("{{ ''.__class__.__mro__ }}")
    document.save(template)
    sample = Path(__file__).resolve().parents[2] / "samples" / "primary.xlsx"
    code, output, seconds, peak = sipgen("build", sample, "-o", tmp_path / "plan.docx", "--template", template)
    assert_calm(code, output, seconds, peak, 2, "Nothing was run")
    assert "evil.docx" in output
    assert not marker.exists() and not (tmp_path / "plan.docx").exists()


def test_a_build_killed_half_way_leaves_no_document(tmp_path):
    sample = Path(__file__).resolve().parents[2] / "samples" / "primary.xlsx"
    out = tmp_path / "plan.docx"
    # Stop just before the finished file would be moved into place, then kill the process.
    driver = (
        "import os, sys, time\n"
        "import sipgen.files as files\n"
        "def slow(src, dst):\n"
        "    print('written', flush=True); time.sleep(60)\n"
        "files.os.replace = slow\n"
        "from sipgen.document import build_document\n"
        f"build_document({str(sample)!r}, {str(out)!r})\n"
    )
    process = subprocess.Popen([sys.executable, "-c", driver], stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "written"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    assert not out.exists()
