"""The committed samples: in step with their source, fully read, and read alike after LibreOffice."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from openpyxl import load_workbook
from openpyxl.utils import range_boundaries

from sipgen.examples import NAMES
from sipgen.reader import read_plan

from .conftest import ROOT, require_soffice

SAMPLES = ROOT / "samples"
# The example plans, and the primary plan's autumn version made from it (the pair diff compares).
SAMPLE_NAMES = (*NAMES, "primary-autumn")


def comparable(plan):
    """The plan's content with its file name left out."""
    plan.source = ""
    return plan


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_committed_sample_matches_its_source(name, tmp_path):
    from samples.make_samples import write_samples

    write_samples(tmp_path)
    committed = read_plan(SAMPLES / f"{name}.xlsx")
    fresh = read_plan(tmp_path / f"{name}.xlsx")
    assert comparable(committed.plan) == comparable(fresh.plan), "run: python samples/make_samples.py"
    assert committed.findings == fresh.findings


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_every_filled_cell_of_a_sample_is_read_or_reported(name):
    path = SAMPLES / f"{name}.xlsx"
    result = read_plan(path)
    reported: dict[str, set[tuple[int, int]]] = {}
    for finding in result.findings:
        if finding.code == "WB008":
            min_col, min_row, max_col, max_row = range_boundaries(finding.cell)
            cells = {(r, c) for r in range(min_row, max_row + 1) for c in range(min_col, max_col + 1)}
            reported.setdefault(finding.sheet, set()).update(cells)
    workbook = load_workbook(path)
    filled = 0
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is None or (isinstance(cell.value, str) and not cell.value.strip()):
                    continue
                filled += 1
                where = (cell.row, cell.column)
                assert where in result.read_cells.get(sheet.title, set()) | reported.get(sheet.title, set()), (
                    f"{sheet.title}!{cell.coordinate} is neither read nor reported"
                )
    assert filled > 200


def test_sample_sizes_meet_the_brief():
    plan = read_plan(SAMPLES / "primary.xlsx").plan
    assert len(plan.priorities) >= 4 and len(plan.objectives) >= 10 and len(plan.actions) >= 40
    assert all(any(c.milestones) for c in plan.criteria)
    for priority in plan.priorities:
        processes = {c.process for c in plan.checks if c.priority == priority.ref}
        assert processes == {"Monitoring", "Evaluation", "Review"}, priority.ref
    months = {r.date.start.month for r in plan.reviews if r.date}
    assert months & {10, 11, 12} and months & {1, 2, 3, 4}
    assert read_plan(SAMPLES / "itt.xlsx").plan.plan_type == "itt"


def test_workbook_saved_by_libreoffice_reads_the_same(tmp_path):
    office = require_soffice()
    source = tmp_path / "in" / "primary.xlsx"
    source.parent.mkdir()
    shutil.copy(SAMPLES / "primary.xlsx", source)
    out = tmp_path / "out"
    subprocess.run(
        [
            office,
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    saved = out / "primary.xlsx"
    assert saved.exists() and saved.read_bytes() != source.read_bytes()
    original = read_plan(source)
    resaved = read_plan(saved)
    assert resaved.findings == original.findings
    assert comparable(resaved.plan) == comparable(original.plan)


def test_weak_sample_trips_every_warning_rule_and_realistic_ones_trip_none():
    import datetime as dt

    from sipgen.checker import check_workbook
    from sipgen.findings import Severity
    from sipgen.rules import RULES

    # Checked while its year is running, so overdue actions (AC206) count too.
    weak = check_workbook(SAMPLES / "weak.xlsx", dt.date(2026, 3, 20))
    tripped = {f.code for f in weak.findings}
    warnings = {code for code, r in RULES.items() if r.severity is Severity.WARNING and r.check is not None}
    assert warnings <= tripped, f"not tripped: {sorted(warnings - tripped)}"
    for name in ("primary", "itt"):
        # After the year, and on 1 July 2026, the date the samples are reported at: no figure typed
        # twice differs (XR803), no rating contradicts its measures (RV705), none is dated ahead (RV706).
        for day in (dt.date(2026, 11, 23), dt.date(2026, 7, 1)):
            result = check_workbook(SAMPLES / f"{name}.xlsx", day)
            assert result.findings == [], (name, day)
            # The primary sample accepts one finding, to show how; the ITT sample needs none.
            assert [f.code for f in result.accepted] == (["SC505"] if name == "primary" else [])


def test_the_autumn_version_knows_only_what_happened_by_the_autumn_review():
    from samples.make_samples import AUTUMN

    autumn = read_plan(SAMPLES / "primary-autumn.xlsx").plan
    summer = read_plan(SAMPLES / "primary.xlsx").plan
    assert autumn.settings.version == "v1.1" and summer.settings.version == "v1.2"
    assert all(r.date.start <= AUTUMN for r in autumn.reviews) and len(autumn.reviews) < len(summer.reviews)
    assert not any(c.actual_spring for c in autumn.criteria) and any(c.actual_autumn for c in autumn.criteria)
    later = [a for a in autumn.actions if a.due and a.due.dated and a.due.end > AUTUMN]
    assert later and all(a.status in ("On track", "Not started") and a.spent is None for a in later)
