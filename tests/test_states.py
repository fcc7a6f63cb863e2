"""One figure in one place, and each state decided once: the KPI link, future reviews, the
headline measure, action states, what falls due before the next meeting, and the words the
board reads (no rule codes, sheet names or diff markup)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from typer.testing import CliRunner

from sipgen.checker import check_workbook
from sipgen.cli import app
from sipgen.document.board_report import plan_status
from sipgen.document.costs import difference_label
from sipgen.document.rich import readable
from sipgen.model import Action, Criterion, Kpi, PlanDate
from sipgen.progress import NOT_MEASURED, figure_differences, kpi_measure, state_of, trend
from sipgen.reader import read_plan
from sipgen.states import (
    action_state,
    due_in_window,
    headline_criterion,
    latest_reviews,
    outside_year,
)

NOV = dt.date(2026, 11, 1)


def _criterion(**values) -> dict:
    base = {"ref": "SC1", "parent": "P1", "criterion": "Year 1 pupils meeting the phonics standard", "kind": "Outcome"}
    return {**base, **values}


def _read(write_plan, data):
    result = read_plan(write_plan(data))
    assert result.plan is not None, result.findings
    return result.plan


# -- one measure, one figure ----------------------------------------------------------------


def test_a_kpi_naming_a_criterion_shows_the_criterions_figures(write_plan, minimal):
    minimal["criteria"] = [_criterion(baseline="72%", milestone_autumn="68%", actual_autumn="69%", target="85%")]
    minimal["kpis"] = [{"kpi": "Phonics (%)", "ref": "P1", "criterion": "SC1"}]
    plan = _read(write_plan, minimal)
    shown = kpi_measure(plan, plan.kpis[0])
    assert (shown.baseline, shown.actual_autumn, shown.target) == ("72%", "69%", "85%")
    assert shown.kpi == "Phonics (%)"


def test_a_whole_school_kpi_keeps_figures_of_its_own(write_plan, minimal):
    minimal["kpis"] = [{"kpi": "Attendance (%)", "baseline": "93.9%", "actual_autumn": "95.1%", "target": "96%"}]
    plan = _read(write_plan, minimal)
    assert kpi_measure(plan, plan.kpis[0]) is plan.kpis[0]


@pytest.mark.parametrize(
    ("own", "theirs", "differs"),
    [
        ("60%", "63%", True),
        ("63%", "63", False),  # the same number, written two ways
        ("", "63%", False),  # a blank KPI figure is the criterion's
        ("19.8", "19.9", True),
        ("on track", "On track", False),
        ("on track", "63%", True),
    ],
)
def test_figures_differ_only_where_a_kpi_gives_a_different_figure(own, theirs, differs):
    kpi = Kpi(sheet="KPIs", row=2, kpi="x", criterion="SC1", actual_spring=own)
    criterion = Criterion(sheet="Success criteria", row=2, ref="SC1", actual_spring=theirs)
    assert bool(figure_differences(kpi, criterion)) is differs


def test_xr803_names_both_figures_and_is_silent_when_they_agree(write_plan, minimal):
    minimal["criteria"] = [_criterion(baseline="64%", milestone_spring="66%", actual_spring="63%", target="72%")]
    minimal["kpis"] = [{"kpi": "Writing (%)", "ref": "P1", "criterion": "SC1", "actual_spring": "60%"}]
    found = [f for f in check_workbook(write_plan(minimal), NOV).findings if f.code == "XR803"]
    assert len(found) == 1
    assert "spring actual 60% here, 63% for SC1" in found[0].message and found[0].sheet == "KPIs"
    minimal["kpis"][0]["actual_spring"] = "63"
    assert not [f for f in check_workbook(write_plan(minimal, "agree.xlsx"), NOV).findings if f.code == "XR803"]


def test_a_kpi_naming_a_missing_criterion_is_reported(write_plan, minimal):
    minimal["kpis"] = [{"kpi": "Writing (%)", "ref": "P1", "criterion": "SC9"}]
    found = [f for f in check_workbook(write_plan(minimal), NOV).findings if f.code == "XR801"]
    assert any("SC9" in f.message and f.sheet == "KPIs" for f in found)


def test_an_old_workbooks_kpi_columns_still_read(edit_plan, minimal):
    minimal["kpis"] = [{"kpi": "Attendance (%)", "baseline": "93%", "actual_autumn": "95%", "target": "96%"}]

    def old_headers(workbook):  # the KPI sheet as sipgen wrote it before: "Autumn", not "Autumn actual"
        sheet = workbook["KPIs"]
        for cell in sheet[1]:
            if cell.value in ("Autumn actual", "Spring actual", "Summer actual"):
                cell.value = cell.value.split()[0]

    result = read_plan(edit_plan(minimal, old_headers))
    assert result.plan.kpis[0].actual_autumn == "95%"
    assert not [f for f in result.findings if f.code.startswith("WB")]


# -- reviews after the report date are still to come -----------------------------------------


def test_a_review_after_the_report_date_is_never_the_latest(write_plan, minimal):
    minimal["reviews"] = [
        {"date": dt.date(2026, 10, 20), "ref": "P1", "rag": "Amber", "impact": "Phonics at 61% against 65%."},
        {"date": dt.date(2026, 12, 9), "ref": "P1", "rag": "Green", "impact": "Phonics at 70%."},
    ]
    plan = _read(write_plan, minimal)
    assert latest_reviews(plan, ["P1"], NOV)["P1"].rag == "Amber"
    assert latest_reviews(plan, ["P1"], dt.date(2026, 12, 10))["P1"].rag == "Green"
    assert latest_reviews(plan, ["P1"], dt.date(2026, 10, 1)) == {}


def test_rv706_fires_on_a_future_review_with_a_rating_not_on_a_planned_one(write_plan, minimal):
    minimal["reviews"] = [
        {"date": dt.date(2026, 12, 9), "ref": "P1", "reviewer": "HT"},  # planned: nothing recorded yet
        {"date": dt.date(2027, 2, 9), "ref": "P1", "impact": "Phonics at 70%."},
    ]
    found = [f for f in check_workbook(write_plan(minimal), NOV).findings if f.code == "RV706"]
    assert [f.cell for f in found] == ["A3"]
    assert "9 Feb 2027" in found[0].message and "an impact" in found[0].message


# -- the headline measure and its state ------------------------------------------------------


def test_the_headline_is_the_marked_criterion_then_a_kpis_then_the_first_outcome(write_plan, minimal):
    minimal["criteria"] = [
        _criterion(ref="SC1", kind="Provision", criterion="Every lesson follows the scheme", baseline="60%"),
        _criterion(ref="SC2", baseline="72%", target="85%"),
        _criterion(ref="SC3", baseline="40%", target="60%", criterion="Pupils reading at home 5 times a week"),
    ]
    plan = _read(write_plan, minimal)
    assert headline_criterion(plan, plan.priorities[0]).ref == "SC2"  # the first outcome, not SC1
    minimal["kpis"] = [{"kpi": "Reading at home (%)", "ref": "P1", "criterion": "SC3"}]
    plan = _read(write_plan, minimal)
    assert headline_criterion(plan, plan.priorities[0]).ref == "SC3"  # the one a KPI reports
    minimal["criteria"][0]["headline"] = "Yes"
    plan = _read(write_plan, minimal)
    assert headline_criterion(plan, plan.priorities[0]).ref == "SC1"  # the one the school marked


@pytest.mark.parametrize(
    ("figures", "state", "moving"),
    [
        ({"milestone_autumn": "68%", "actual_autumn": "69%"}, "met", "falling"),
        ({"milestone_autumn": "68%", "actual_autumn": "66%"}, "close", "falling"),
        ({"milestone_autumn": "68%", "actual_autumn": "60%"}, "missed", "falling"),
        ({"milestone_autumn": "68%"}, NOT_MEASURED, ""),
        ({"milestone_autumn": "65%", "actual_autumn": "69%", "milestone_spring": "75%", "actual_spring": "74%"},
         "close", "rising"),
    ],
)  # fmt: skip
def test_a_measures_state_is_computed_never_a_constant(figures, state, moving):
    criterion = Criterion(sheet="Success criteria", row=2, ref="SC1", baseline="72%", target="85%", **figures)
    assert state_of(criterion) == state
    assert trend(criterion) == moving


def test_lower_is_better_where_the_target_is_below_the_baseline():
    absence = Criterion(
        sheet="Success criteria", row=2, baseline="17.8%", milestone_autumn="16%", actual_autumn="15.5%", target="12%"
    )
    assert state_of(absence) == "met" and trend(absence) == "falling"


# -- actions and what falls due ----------------------------------------------------------------


def _action(**values) -> Action:
    return Action(sheet="Actions", row=2, ref="P1.1.1", **values)


def test_an_undated_action_is_never_on_track():
    assert action_state(_action(), NOV) == "no date"
    assert action_state(_action(due=PlanDate(None, None, "TBC", "undecided")), NOV) == "no date"
    assert action_state(_action(due=PlanDate(None, None, "Termly", "timing")), NOV) == "ongoing"
    assert action_state(_action(due=PlanDate(dt.date(2026, 12, 1), dt.date(2026, 12, 1))), NOV) == "on track"
    assert action_state(_action(due=PlanDate(dt.date(2026, 10, 1), dt.date(2026, 10, 1))), NOV) == "overdue"
    assert action_state(_action(status="Done"), NOV) == "done"


def test_due_before_the_meeting_lists_actions_milestones_and_reviews(write_plan, minimal):
    minimal["settings"]["next_meeting"] = dt.date(2026, 12, 21)
    minimal["actions"][0].update(due=dt.date(2026, 12, 4), status="On track")
    minimal["actions"][1].update(start="", due=dt.date(2027, 1, 20))  # after the meeting
    minimal["criteria"] = [_criterion(baseline="72%", milestone_autumn="68%", target="85%")]
    minimal["reviews"] = [{"date": dt.date(2026, 12, 10), "ref": "P1", "reviewer": "HT"}]
    plan = _read(write_plan, minimal)
    due = due_in_window(plan, plan.priorities[0], NOV, dt.date(2026, 12, 21))  # the autumn term ends on the 19th
    assert [(d.kind, d.ref) for d in due] == [("action", "P1.1.1"), ("review", "P1"), ("milestone", "SC1")]
    assert not due_in_window(plan, plan.priorities[0], NOV, dt.date(2026, 11, 30))


def test_a_report_date_outside_the_plans_year_is_said_once(write_plan, minimal, tmp_path):
    plan = _read(write_plan, minimal)
    assert outside_year(plan, NOV) == ""
    said = outside_year(plan, dt.date(2028, 1, 5))
    assert "5 Jan 2028" in said and "2026-27" in said and "--as-of" in said
    result = CliRunner().invoke(app, ["build", str(write_plan(minimal, "p.xlsx")), "--as-of", "2028-01-05"])
    assert result.exit_code == 0 and result.output.count("outside the plan's academic year") == 1


def test_a_plan_with_no_priorities_is_an_error_and_is_not_built(write_plan, minimal, tmp_path):
    for name in ("priorities", "objectives", "actions"):
        minimal[name] = []
    path = write_plan(minimal)
    assert [f.code for f in check_workbook(path, NOV).findings if f.severity.value == "error"] == ["PR108"]
    result = CliRunner().invoke(app, ["build", str(path), "-o", str(tmp_path / "out.docx"), "--as-of", "2026-11-01"])
    assert result.exit_code == 1 and not (tmp_path / "out.docx").exists()
    forced = CliRunner().invoke(app, ["build", str(path), "-o", str(tmp_path / "f.docx"), "--force"])
    assert forced.exit_code == 0 and (tmp_path / "f.docx").exists()


# -- words the board reads ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("marked", "plain"),
    [
        ("Open [-16-] {+20+} free breakfast club places", "Open 16 → 20 free breakfast club places"),
        ("Meet [-weekly-] with the SENCo", "Meet (removed: weekly) with the SENCo"),
        ("Train {+all+} TAs", "Train all TAs"),
        ("A price of £10 [or so] {not markup}", "A price of £10 [or so] {not markup}"),
    ],
)
def test_changes_read_without_diff_markup(marked, plain):
    assert readable(marked) == plain


def test_the_plans_status_says_draft_approved_or_awaiting_and_its_errors(write_plan, minimal):
    plan = _read(write_plan, minimal)
    assert plan_status(plan, 3) == "Draft; 3 errors in the plan"
    minimal["settings"].update(approved_on=dt.date(2026, 10, 14), version="v1.1")
    assert plan_status(_read(write_plan, minimal), 0) == "Approved 14 Oct 2026"
    minimal["settings"].update(approved_version="v1.0")
    assert plan_status(_read(write_plan, minimal), 1) == "v1.1 awaits approval; 1 error in the plan"


@pytest.mark.parametrize(
    ("costs", "spent", "said"),
    [
        ((100, 200), (150, 170), "£20 over"),
        ((100, 200), (100, None), "£200 not yet spent"),
        ((100, 200), (100, 200), "on plan"),
        ((100, 200), (None, None), ""),
    ],
)
def test_the_budget_difference_is_planned_against_spent(costs, spent, said):
    actions = [_action(cost=c, spent=s) for c, s in zip(costs, spent, strict=True)]
    assert difference_label(actions) == said


_INSIDES = re.compile(r"\b(?:[A-Z]{2}\d{3})\b|\[-|\{\+|\.xlsx|Staff sheet|\(Settings\)|Settings sheet")


def test_nothing_from_the_workbooks_insides_reaches_the_board(tmp_path, write_plan, minimal):
    from sipgen.document import build_document
    from sipgen.document.board_report import write_report

    from .test_document import document_text

    minimal["actions"][0]["owners"] = "DH, ZZ"  # initials nobody is named for
    path = write_plan(minimal)
    plan_doc = build_document(path, tmp_path / "plan.docx", force=True, as_of=NOV).output
    report = write_report([path], tmp_path / "report.docx", as_of=NOV).output
    for out in (plan_doc, report):
        text = document_text(out)
        assert not _INSIDES.findall(text), (out.name, _INSIDES.findall(text))
    assert "The plan gives no date for the next governing board meeting" in document_text(plan_doc)
    assert document_text(plan_doc).count("no date for the next") == 1


# -- one measure shows one figure in every part of the plan and the report ---------------------

JULY = dt.date(2026, 7, 1)


def _tables(path) -> list[list[list[str]]]:
    from docx import Document

    return [[[c.text for c in row.cells] for row in table.rows] for table in Document(str(path)).tables]


def test_each_linked_measure_shows_one_figure_in_every_part(tmp_path):
    from sipgen.document import build_document
    from sipgen.document.board_report import write_report
    from sipgen.progress import figure_text, latest_judgement, linked_criterion

    from .conftest import ROOT

    sample = ROOT / "samples" / "primary.xlsx"
    built = build_document(sample, tmp_path / "plan.docx", as_of=JULY)
    report = write_report([sample], tmp_path / "report.docx", as_of=JULY).output
    plan = built.check.plan
    linked = [(k, linked_criterion(plan, k)) for k in plan.kpis if k.criterion]
    assert len(linked) >= 3, "the primary sample links its KPIs to criteria"
    plan_tables, report_tables = _tables(built.output), _tables(report)
    rows = {row[0]: row for table in plan_tables for row in table}
    xml = (tmp_path / "plan.docx").read_bytes()
    for kpi, criterion in linked:
        kpi_row, criterion_row = rows[kpi.kpi], rows[criterion.ref]
        for column, actual in zip((3, 4, 5), criterion.actuals, strict=True):
            assert kpi_row[column].startswith(actual), (kpi.kpi, kpi_row[column], actual)
            if actual:
                assert f"Actual: {actual}" in criterion_row[column + 2], (criterion.ref, criterion_row)
        last = latest_judgement(criterion)
        if last is None:
            continue
        said = f"{figure_text(last.actual)} at {last.point} against {figure_text(last.milestone)}: {last.state}"
        for tables in (plan_tables, report_tables):
            summary = [
                row[3] for table in tables for row in table if len(row) > 3 and row[3].startswith(f"{criterion.ref} ")
            ]
            if summary:  # the priority's headline measure
                assert all(said in cell for cell in summary), (said, summary)
        behind = [row for table in report_tables for row in table if row[0] == criterion.ref]
        if last.state in ("missed", "close"):
            assert behind and behind[0][-1] == f"{last.actual} ({last.state})"
        assert f"actual {last.actual}".encode() in xml or b"Chart" not in xml


def test_the_cover_says_which_version_the_board_approved_and_that_this_one_awaits(write_plan, minimal, tmp_path):
    from sipgen.document import build_document

    from .test_document import document_text

    minimal["settings"].update(version="v1.1", approved_on=dt.date(2026, 10, 14), approved_version="v1.0")
    out = build_document(write_plan(minimal), tmp_path / "plan.docx", force=True, as_of=NOV).output
    text = document_text(out)
    assert "Version v1.0 approved by the governing board on 14/10/2026" in text or (
        "Version v1.0 approved by the governing board on 14 Oct 2026" in text
    )
    assert "this version, v1.1, awaits the governing board's approval" in text
    minimal["settings"]["approved_version"] = "v1.1"
    again = document_text(build_document(write_plan(minimal, "b.xlsx"), tmp_path / "b.docx", force=True).output)
    assert "Approved by the governing board" in again and "awaits" not in again


def test_a_review_without_a_rating_is_not_called_not_yet_reviewed(write_plan, minimal, tmp_path):
    from sipgen.document import build_document

    from .test_document import document_text

    minimal["reviews"] = [{"date": dt.date(2026, 10, 20), "ref": "P1", "reviewer": "HT", "impact": "Phonics 61%."}]
    text = document_text(build_document(write_plan(minimal), tmp_path / "p.docx", force=True, as_of=NOV).output)
    assert "Reviewed 20 Oct 2026, no rating given" in text and "Not yet reviewed" not in text
    later = document_text(build_document(write_plan(minimal, "q.xlsx"), tmp_path / "q.docx", force=True,
                                         as_of=dt.date(2026, 10, 1)).output)  # fmt: skip
    assert "Not yet reviewed" in later and "(to come)" in later


@pytest.mark.parametrize(
    ("typed", "linked"),
    [("SC1", True), ("sc 1", True), ("SC1 (phonics)", True), ("SC1.", True), ("Sc1 - Y1 phonics", True),
     ("SC12", False), ("phonics", False), ("SC", False)],
)  # fmt: skip
def test_a_kpi_links_to_its_criterion_as_schools_type_it(write_plan, minimal, typed, linked):
    minimal["criteria"] = [_criterion(baseline="72%", actual_autumn="69%", milestone_autumn="68%", target="85%")]
    minimal["kpis"] = [{"kpi": "Phonics (%)", "ref": "P1", "criterion": typed}]
    result = check_workbook(write_plan(minimal), NOV)
    shown = kpi_measure(result.plan, result.plan.kpis[0])
    assert (shown.actual_autumn == "69%") is linked
    dangling = [f for f in result.findings if f.code == "XR801" and f.sheet == "KPIs"]
    assert bool(dangling) is not linked


@pytest.mark.parametrize(
    ("typed", "marked"), [("Yes", True), ("y", True), ("X", True), ("✓", True), ("No", False), ("", False)]
)
def test_the_headline_mark_is_read_as_schools_mark_it(write_plan, minimal, typed, marked):
    minimal["criteria"] = [
        _criterion(ref="SC1", baseline="72%", target="85%"),
        _criterion(ref="SC2", baseline="40%", target="60%", headline=typed),
    ]
    result = check_workbook(write_plan(minimal), NOV)
    assert not [f for f in result.findings if f.code == "WB004"]
    assert (headline_criterion(result.plan, result.plan.priorities[0]).ref == "SC2") is marked
