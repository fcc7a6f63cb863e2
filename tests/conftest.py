"""Shared fixtures: small plans written through the real template writer."""

from __future__ import annotations

import copy
import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from sipgen.workbook import build_workbook, write_workbook

MINIMAL = {
    "settings": {
        "organisation": "Test Primary School",
        "academic_year": "2026-27",
        "title": "School improvement plan 2026-27",
        "overall_lead": "HT",
    },
    "staff": [
        {"initials": "HT", "name": "Alex Head", "role": "Headteacher", "organisation": "Test Primary School"},
        {"initials": "DH", "name": "Sam Deputy", "role": "Deputy headteacher", "organisation": "Test Primary School"},
        {"initials": "CG", "name": "Pat Governor", "role": "Chair of governors", "organisation": "Governing board"},
    ],
    "priorities": [
        {
            "ref": "P1",
            "title": "Raise attainment in early reading",
            "source": "Self-evaluation",
            "lead": "DH",
            "link_governor": "CG",
        },
    ],
    "objectives": [
        {"ref": "P1.1", "priority": "P1", "title": "Consistent phonics teaching", "lead": "DH"},
    ],
    "actions": [
        {
            "ref": "P1.1.1",
            "objective": "P1.1",
            "action": "Train all Reception and Year 1 staff in the phonics scheme",
            "owners": "DH",
            "start": dt.date(2026, 9, 7),
            "due": dt.date(2026, 9, 30),
            "cost": 450,
            "resources": "2 supply days at £225",
        },
        {
            "ref": "P1.1.2",
            "objective": "P1.1",
            "action": "Observe every phonics group once",
            "owners": "HT, DH",
            "start": "Aut2",
            "due": "Spr1",
            "cost": 0,
            "resources": "No cost: within leadership time",
        },
    ],
}


@pytest.fixture
def minimal() -> dict:
    """A small valid plan as data, to change per test."""
    return copy.deepcopy(MINIMAL)


@pytest.fixture
def write_plan(tmp_path):
    """Write plan data through the template writer; return the path."""

    def write(data: dict, name: str = "plan.xlsx", plan_type: str = "school") -> Path:
        return write_workbook(tmp_path / name, plan_type, data)

    return write


@pytest.fixture
def edit_plan(tmp_path):
    """Build a plan workbook, let the test change it with openpyxl, save it; return the path."""

    def edit(data: dict, change, name: str = "edited.xlsx", plan_type: str = "school") -> Path:
        workbook = build_workbook(plan_type, data)
        change(workbook)
        path = tmp_path / name
        workbook.save(path)
        return path

    return edit


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def require_soffice() -> str:
    """LibreOffice's command. Without it the test is skipped, except under CI, which installs it."""
    office = soffice()
    if office is None:
        if tools_required():
            pytest.fail("LibreOffice is not installed; .ci/run installs it")
        pytest.skip("LibreOffice is not installed (scripts/setup --test installs it)")
    return office


ROOT = Path(__file__).resolve().parent.parent


CHROMEDRIVER = "/usr/bin/chromedriver"


def require_chromium() -> str:
    """Debian's chromedriver. Without it (or Selenium) the test is skipped, except under CI, which installs them."""
    missing = None
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing = "Selenium is not installed (pip install -e '.[test]')"
    if missing is None and not (os.path.exists(CHROMEDRIVER) and shutil.which("chromium")):
        missing = "Chromium and its driver are not installed (apt-get install chromium chromium-driver)"
    if missing:
        if tools_required():
            pytest.fail(f"{missing}; .ci/run installs them")
        pytest.skip(f"{missing}; scripts/setup --test installs them")
    return CHROMEDRIVER


def tools_required() -> bool:
    """True where a missing LibreOffice or browser must fail the tests rather than skip them: under
    CI (.ci/run installs both), unless SIPGEN_ALLOW_SKIP says this machine cannot have them (the
    Windows and macOS workflow, where they are optional)."""
    return bool(os.environ.get("CI")) and not os.environ.get("SIPGEN_ALLOW_SKIP")


def pytest_collection_modifyitems(config, items):
    """Tests marked posix_only (umask, file modes, pgrep) are skipped on Windows."""
    if os.name != "nt":
        return
    skip = pytest.mark.skip(reason="POSIX only: umask, file modes or pgrep")
    for item in items:
        if "posix_only" in item.keywords:
            item.add_marker(skip)
