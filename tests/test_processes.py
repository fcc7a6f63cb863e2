"""Worker processes start the way the platform allows: on Linux, pretending to be Windows (spawn only)."""

from __future__ import annotations

import io
import multiprocessing
import shutil

import pytest

from sipgen import processes

from .conftest import ROOT

SAMPLE = ROOT / "samples" / "primary.xlsx"


@pytest.fixture
def spawn_only(monkeypatch):
    """Windows' multiprocessing: only spawn; asking for fork or forkserver is a ValueError, as there."""
    real = multiprocessing.get_context

    def get_context(method=None):
        if method not in (None, "spawn"):
            raise ValueError(f"cannot find context for {method!r}")
        return real("spawn")

    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    monkeypatch.setattr(multiprocessing, "get_context", get_context)
    made = []  # every pool made, to show the work really went to spawned processes

    def executor(workers, initializer=None):
        made.append(real_executor(workers, initializer))
        return made[-1]

    real_executor = processes.executor
    monkeypatch.setattr(processes, "executor", executor)
    return made


def _spawned(made) -> bool:
    return bool(made) and all(pool._mp_context.get_start_method() == "spawn" for pool in made)


@pytest.mark.parametrize(
    ("available", "chosen"),
    [
        (["fork", "spawn", "forkserver"], "forkserver"),  # Linux
        (["spawn", "fork", "forkserver"], "forkserver"),  # macOS
        (["fork", "spawn"], "spawn"),  # never plain fork: the web server runs threads
        (["spawn"], "spawn"),  # Windows
    ],
)
def test_the_start_method_is_forkserver_where_available_else_spawn(monkeypatch, available, chosen):
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: available)
    assert processes.start_method() == chosen
    assert processes.context().get_start_method() == chosen


def test_a_windows_pool_never_asks_for_more_than_61_workers(monkeypatch):
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    monkeypatch.setattr("sys.platform", "win32")
    pool = processes.executor(128)
    try:
        assert pool._max_workers == processes.WINDOWS_MAX_WORKERS
    finally:
        pool.shutdown(wait=False)


def _two_plans(tmp_path):
    folder = tmp_path / "trust"
    folder.mkdir()
    for name in ("north", "south"):
        shutil.copy(SAMPLE, folder / f"{name}.xlsx")
    return folder


def test_a_folder_builds_with_spawn_only(tmp_path, spawn_only):
    from sipgen.batch import build_many, expand

    rows = build_many(expand([_two_plans(tmp_path)]), tmp_path / "docs", {"force": False}, jobs=2)
    assert [(r.workbook.name, r.status) for r in rows] == [("north.xlsx", "written"), ("south.xlsx", "written")]
    assert sorted(p.name for p in (tmp_path / "docs").iterdir()) == ["north.docx", "south.docx"]
    assert _spawned(spawn_only)


def test_a_folder_report_with_spawn_only(tmp_path, spawn_only):
    from docx import Document

    from sipgen.document.board_report import write_report

    result = write_report([_two_plans(tmp_path)], tmp_path / "report.docx", jobs=2)
    assert result.plans == 2 and not result.failed
    assert Document(result.output).paragraphs
    assert _spawned(spawn_only)


def test_the_web_page_checks_and_builds_with_spawn_only(spawn_only):
    pytest.importorskip("starlette")
    from docx import Document
    from starlette.testclient import TestClient

    from sipgen.web.app import create_app
    from sipgen.web.security import CSRF_COOKIE

    with TestClient(create_app(), raise_server_exceptions=False) as client:
        client.get("/")

        def post(route):
            data = {"csrf": client.cookies.get(CSRF_COOKIE)}
            return client.post(route, data=data, files={"workbook": (SAMPLE.name, SAMPLE.read_bytes())})

        checked = post("/check")
        assert checked.status_code == 200, checked.text
        assert "Findings in primary.xlsx" in checked.text and "No problems found" in checked.text
        word = post("/word")
        assert word.status_code == 200, word.text
        assert Document(io.BytesIO(word.content)).paragraphs
    assert _spawned(spawn_only)  # the real worker pool, started with spawn, did the work


def test_python_m_sipgen_calls_freeze_support_before_the_cli(monkeypatch):
    import runpy

    import sipgen.cli

    calls = []
    monkeypatch.setattr(processes, "freeze_support", lambda: calls.append("freeze_support"))
    monkeypatch.setattr(sipgen.cli, "run", lambda: calls.append("run"))
    runpy.run_module("sipgen", run_name="__main__")
    assert calls == ["freeze_support", "run"]
    calls.clear()
    runpy.run_module("sipgen.__main__", run_name="__mp_main__")  # how a spawned worker may import it
    assert calls == []
