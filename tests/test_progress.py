"""Progress judged from the plan's own measures: actuals against milestones, at their edges."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from sipgen.checker import check_workbook
from sipgen.document.view import budget_note
from sipgen.model import Action, Settings
from sipgen.progress import CLOSE, MET, MISSED, figure, goes_down, judge, passed_points, point_of
from sipgen.workbook import write_workbook

from .rules.test_rules import BASE

YEAR = dt.date(2025, 9, 1)


@pytest.mark.parametrize(
    "actual, milestone, down, state",
    [
        ("68%", "68% on track", False, MET),  # exactly on the milestone
        ("69%", "68%", False, MET),
        ("65%", "68%", False, CLOSE),  # short by 3, within a twentieth of 68
        ("64%", "68%", False, MISSED),
        ("8 of 9", "9 of 9", False, MISSED),
        ("14.2%", "15%", True, MET),  # absence: falling is good
        ("15.5%", "15%", True, CLOSE),
        ("18%", "15%", True, MISSED),
        ("on track", "68%", False, None),  # a text actual is not judged
        ("69%", "", False, None),  # no milestone
        ("", "68%", False, None),  # no actual
        ("69%", "Most pupils", False, None),
    ],
)
def test_judge(actual, milestone, down, state):
    assert judge(actual, milestone, down) == state


def test_figures_and_direction():
    assert figure("78% score 32 or more") == 78 and figure("1,250 visits") == 1250 and figure("none") is None
    assert goes_down("17.8%", "12%") and not goes_down("72%", "85%") and not goes_down("", "85%")


def test_review_points():
    assert passed_points(YEAR, dt.date(2025, 12, 19)) == []
    assert passed_points(YEAR, dt.date(2025, 12, 20)) == ["autumn"]
    assert passed_points(YEAR, dt.date(2026, 7, 1)) == ["autumn", "spring"]
    assert [point_of(d, YEAR) for d in (dt.date(2025, 12, 9), dt.date(2026, 3, 17), dt.date(2026, 6, 30))] == [
        "autumn",
        "spring",
        "summer",
    ]


def _check(tmp_path, change, as_of=dt.date(2026, 7, 1)):
    data = copy.deepcopy(BASE)
    change(data)
    return check_workbook(write_workbook(tmp_path / "plan.xlsx", "school", data), as_of)


def _sc1(data):
    return next(c for c in data["criteria"] if c["ref"] == "SC1")


def test_sc509_asks_for_an_actual_once_its_point_has_passed(tmp_path):
    result = _check(tmp_path, lambda d: _sc1(d).update(actual_spring=""))
    assert [(f.code, f.ref, f.cell) for f in result.findings] == [("SC509", "SC1", "I2")]
    assert "spring" in result.findings[0].message
    # Before the spring point, or once the year is over, it is not asked for.
    for day in (dt.date(2026, 3, 20), dt.date(2026, 11, 23)):
        found = _check(tmp_path, lambda d: _sc1(d).update(actual_spring=""), day).findings
        assert not [f for f in found if f.code == "SC509"], day
    # Nor where there is no milestone to measure against.
    assert not _check(tmp_path, lambda d: _sc1(d).update(actual_spring="", milestone_spring="")).findings


def test_sc509_for_a_kpi_with_figures_of_its_own_not_one_reporting_a_criterion(tmp_path):
    own = {"criterion": "", "baseline": "93.9%", "milestone_autumn": "95%", "actual_autumn": ""}
    result = _check(tmp_path, lambda d: d["kpis"][0].update(own, milestone_spring="95%", actual_spring="95.1%"))
    assert [(f.code, f.cell) for f in result.findings] == [("SC509", "F2")]
    # A KPI that reports a criterion has its figures there: its own blank cells are not missing.
    assert _check(tmp_path, lambda d: d["kpis"][0]["criterion"]).findings == []


def _p1_review(data, date):
    return next(r for r in data["reviews"] if r["ref"] == "P1" and r["date"] == date)


def test_rv705_green_with_a_missed_milestone(tmp_path):
    def green(d):
        _p1_review(d, dt.date(2026, 3, 17))["rag"] = "Green"  # SC2 spring: 64% against 68%

    result = _check(tmp_path, green)
    assert [(f.code, f.ref) for f in result.findings] == [("RV705", "P1")]
    assert "SC2: 64% against 68%" in result.findings[0].message


def test_rv705_red_while_every_milestone_was_met(tmp_path):
    result = _check(tmp_path, lambda d: _p1_review(d, dt.date(2025, 12, 9)).update(rag="Red"))
    assert [(f.code, f.ref) for f in result.findings] == [("RV705", "P1")]


def test_rv705_quiet_when_the_rating_fits_or_nothing_is_measured(tmp_path):
    # Amber with a miss, Green with everything met (the sample as it is) and Red with a miss.
    assert not _check(tmp_path, lambda d: None).findings
    assert not _check(tmp_path, lambda d: _p1_review(d, dt.date(2026, 3, 17)).update(rag="Red")).findings

    def no_figures(d):
        _p1_review(d, dt.date(2026, 3, 17))["rag"] = "Green"
        for criterion in d["criteria"]:
            criterion["actual_spring"] = "on track" if criterion.get("actual_spring") else ""

    assert not [f for f in _check(tmp_path, no_figures).findings if f.code == "RV705"]


@pytest.mark.parametrize(
    "budget, contingency, words",
    [
        (16500, 914, "Planned costs £15,586 + contingency £914 = £16,500, the budget allocated."),
        (16000, 914, "£500 more than the budget allocated"),
        (17000, 914, "£500 left unallocated"),
        (None, 914, "Planned costs £15,586 + contingency £914 = £16,500."),
        (None, None, ""),
    ],
)
def test_budget_note_reconciles(budget, contingency, words):
    actions = [Action(sheet="Actions", row=2, cost=15000), Action(sheet="Actions", row=3, cost=586)]
    note = budget_note(Settings(sheet="Settings", row=1, budget=budget, contingency=contingency), actions)
    assert (words in note) if words else note == ""
