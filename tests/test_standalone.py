"""The standalone program for PCs without Python (scripts/build-standalone, PyInstaller): built here
and run as a user would, from another folder, with no virtual environment on the PATH."""

from __future__ import annotations

import http.cookiejar
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import pytest

from .conftest import ROOT

PROGRAM = ROOT / "dist" / "sipgen" / ("sipgen.exe" if os.name == "nt" else "sipgen")
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the Windows program is built by the CI workflow")


@pytest.fixture(scope="module")
def program() -> Path:
    """The program, built once for this module (about a minute)."""
    if shutil.which("bash") is None:
        pytest.skip("scripts/build-standalone is a bash script")
    done = subprocess.run(
        ["bash", str(ROOT / "scripts" / "build-standalone")], cwd=ROOT, capture_output=True, text=True, timeout=900
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert PROGRAM.exists()
    return PROGRAM


def bare_environment(home: Path) -> dict[str, str]:
    """What a PC without Python gives a program: no virtual environment, no PYTHONPATH."""
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8", "TMPDIR": str(home)}


def run(program: Path, *args: str, folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(program), *args], cwd=folder, env=bare_environment(folder), capture_output=True, text=True, timeout=300
    )


def test_the_program_makes_checks_builds_and_reports_a_plan(program, tmp_path):
    for args in (
        ("new", "blank.xlsx"),
        ("new", "plan.xlsx", "--example"),
        ("check", "plan.xlsx", "--as-of", "2026-07-01"),
        ("build", "plan.xlsx", "--as-of", "2026-07-01"),
        ("report", "plan.xlsx", "--as-of", "2026-07-01"),
        ("doctor",),
    ):
        done = run(program, *args, folder=tmp_path)
        assert done.returncode in (0, 1) if args[0] == "doctor" else done.returncode == 0, (args, done.stderr)
        assert "Traceback" not in done.stdout + done.stderr
    assert {"blank.xlsx", "plan.xlsx", "plan.docx", "plan-report.docx"} <= {p.name for p in tmp_path.iterdir()}
    assert (tmp_path / "plan.docx").read_bytes()[:2] == b"PK"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_program_serves_the_web_page_and_checks_an_upload(program, tmp_path):
    port = _free_port()
    server = subprocess.Popen(
        [str(program), "serve", "--no-browser", "--port", str(port)],
        cwd=tmp_path,
        env=bare_environment(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        page = _wait_for(opener, f"http://127.0.0.1:{port}/")
        token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
        workbook = ROOT / "samples" / "primary.xlsx"
        body, kind = _multipart({"csrf": token}, "workbook", workbook.name, workbook.read_bytes())
        answer = opener.open(urllib.request.Request(f"http://127.0.0.1:{port}/check", body, {"Content-Type": kind}))
        assert answer.status == 200 and "primary.xlsx" in answer.read().decode("utf-8")
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_for(opener, url: str) -> str:
    for _ in range(120):
        try:
            return opener.open(url, timeout=2).read().decode("utf-8")
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"the program did not serve {url}")


def _multipart(fields: dict[str, str], name: str, filename: str, data: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode() for k, v in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n".encode()
        + data
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"
