"""Next year's plan from this year's: `sipgen new NEXT.xlsx --from THIS.xlsx` (sipgen.rollover)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from sipgen import model, reader, schema, workbook
from sipgen.checker import check_workbook
from sipgen.cli import app
from sipgen.reader import read_plan
from sipgen.rollover import RolloverError, next_year_data, write_next_year
from sipgen.schema import Column, Kind

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
PRIMARY_LINE = (
    "Carried 5 priorities, 12 objectives (10 with no actions left), 3 of 56 actions (53 done or dropped left out), "
    "21 criteria with baselines from last year's actuals and 6 KPIs (6 reporting a success criterion); "
    "moved 17 context figures into the notes as 2025-26's; cleared 10 reviews, the approval, the version history, "
    "the contingency drawn and the spending on 1 action. 10 objectives have no actions left: give each its actions "
    "for 2026-27, or delete them, before building; `sipgen check` lists them."
)
# The sheets no roll-over decision touches: every column of every row is carried as it was read.
UNCHANGED = ("introduction", "aims", "staff", "priorities", "objectives", "checks", "glossary")


def roll(source: Path, tmp_path: Path, name: str = "next.xlsx"):
    output = tmp_path / name
    summary = write_next_year(source, output)
    read = read_plan(output)
    assert [f for f in read.findings if f.code.startswith("WB")] == []
    return summary, read.plan


@pytest.fixture(scope="module")
def primary(tmp_path_factory):
    """The primary sample, this year's and next year's, and the summary of the roll-over."""
    tmp_path = tmp_path_factory.mktemp("rollover")
    source = tmp_path / "primary.xlsx"
    shutil.copy(SAMPLES / "primary.xlsx", source)
    summary, plan = roll(source, tmp_path)
    return read_plan(source).plan, plan, summary, tmp_path / "next.xlsx"


def test_the_primary_sample_rolls_over_to_next_year(primary):
    old, new, summary, _ = primary
    settings = new.settings
    assert (settings.academic_year, settings.title, settings.version) == (
        "2026-27",
        "School improvement plan 2026-27",
        "v1.0 draft",
    )
    assert settings.year_start.start == dt.date(2026, 9, 1)
    assert (settings.approved_on, settings.approval_minute, settings.approved_version, settings.history) == (
        None,
        "",
        "",
        "",
    )
    assert settings.contingency_drawn is None
    assert (settings.organisation, settings.budget, settings.overall_lead) == (
        old.settings.organisation,
        old.settings.budget,
        old.settings.overall_lead,
    )
    assert new.reviews == []
    assert (summary.old_year, summary.new_year) == ("2025-26", "2026-27")
    assert summary.line() == PRIMARY_LINE


def test_done_actions_are_left_out_and_unfinished_ones_carried_a_year_on(primary):
    old, new, _, _ = primary
    unfinished = [a for a in old.actions if a.status not in ("Done", "Dropped")]
    assert [a.ref for a in new.actions] == [a.ref for a in unfinished] == ["P3.1.3", "P3.1.5", "P3.2.2"]
    carried = {a.ref: a for a in new.actions}
    for before in unfinished:
        after = carried[before.ref]
        assert after.action == f"Carried from 2025-26: {before.action}"
        assert after.status == "Not started"
        assert (after.owners, after.cost, after.resources, after.funding) == (
            before.owners,
            before.cost,
            before.resources,
            before.funding,
        )
        assert after.spent is None
    assert (carried["P3.1.3"].start.start, carried["P3.1.3"].due.start) == (dt.date(2026, 9, 22), dt.date(2027, 7, 17))
    # A half-term stays as typed, and is read in the new year.
    assert str(carried["P3.1.5"].start) == "Aut2" and carried["P3.1.5"].start.start == dt.date(2026, 11, 3)
    assert str(carried["P3.1.5"].due) == "Sum2" and carried["P3.1.5"].due.end == dt.date(2027, 7, 20)


def test_baselines_come_from_the_latest_actuals_and_the_rest_is_cleared(primary):
    old, new, _, _ = primary
    assert len(new.criteria) == len(old.criteria) == 21
    sc1 = new.criteria[0]
    assert (sc1.ref, sc1.baseline, sc1.target) == ("SC1", "79% (spring 2026)", "85%")
    assert new.criteria[2].baseline == "8 of 9 (spring 2026)"
    for criterion in new.criteria:
        assert criterion.milestones == ("", "", "") and criterion.actuals == ("", "", "")
    for before, after in zip(old.criteria, new.criteria, strict=True):
        assert (after.criterion, after.parent, after.kind, after.headline, after.target) == (
            before.criterion,
            before.parent,
            before.kind,
            before.headline,
            before.target,
        )


def test_kpis_keep_their_link_to_a_criterion_and_no_figures(primary):
    old, new, _, _ = primary
    assert [(k.kpi, k.ref, k.criterion, k.notes) for k in new.kpis] == [
        (k.kpi, k.ref, k.criterion, k.notes) for k in old.kpis
    ]
    assert all(k.baseline == k.target == "" and k.actuals == ("", "", "") for k in new.kpis)


def test_context_figures_move_to_last_years_note(primary):
    old, new, _, _ = primary
    before, after = old.context[0], new.context[0]
    assert (after.area, after.measure, after.value) == (before.area, before.measure, "To update for 2026-27")
    assert after.notes == f"2025-26: {before.value}\n{before.notes}"


def test_every_other_column_is_carried_as_it_was_read(primary):
    old, new, _, _ = primary
    for key in UNCHANGED:
        assert getattr(new, key) == getattr(old, key), key
    assert [c.priority for c in new.checks] and new.glossary


def test_the_result_checks_with_no_structural_findings(primary):
    *_, path = primary
    result = check_workbook(path, dt.date(2026, 9, 1))
    assert not result.unreadable and not result.rules_skipped
    assert [f for f in result.findings if f.code.startswith("WB")] == []
    # What is left for the school: objectives whose actions were all done, new milestones.
    assert {f.code for f in result.findings if f.severity.value == "error"} == {"PR106"}


def test_the_input_is_never_modified(tmp_path):
    source = tmp_path / "primary.xlsx"
    shutil.copy(SAMPLES / "primary.xlsx", source)
    before = source.read_bytes()
    write_next_year(source, tmp_path / "next.xlsx")
    assert source.read_bytes() == before
    with pytest.raises(RolloverError, match="being rolled over"):
        write_next_year(source, source, force=True)
    assert source.read_bytes() == before


def test_an_existing_output_needs_force(tmp_path, write_plan, minimal):
    source = write_plan(minimal)
    output = tmp_path / "next.xlsx"
    output.write_bytes(b"mine")
    with pytest.raises(RolloverError, match="already exists"):
        write_next_year(source, output)
    assert output.read_bytes() == b"mine"
    write_next_year(source, output, force=True)
    assert read_plan(output).plan.settings.academic_year == "2027-28"


def test_an_empty_plan_rolls_over(tmp_path, write_plan):
    source = write_plan({"settings": {"organisation": "Empty School", "academic_year": "2026-27"}})
    summary, plan = roll(source, tmp_path)
    assert plan.settings.academic_year == "2027-28" and plan.settings.organisation == "Empty School"
    assert plan.priorities == plan.actions == plan.criteria == plan.reviews == []
    assert summary.line() == "Carried no priorities, objectives or actions."


def test_a_plan_with_no_dates_rolls_over(tmp_path, write_plan, minimal):
    for action in minimal["actions"]:
        del action["start"], action["due"]
    summary, plan = roll(write_plan(minimal), tmp_path)
    assert plan.settings.year_start is None and plan.settings.academic_year == "2027-28"
    assert [(a.ref, a.start, a.due) for a in plan.actions] == [("P1.1.1", None, None), ("P1.1.2", None, None)]
    assert summary.actions == 2


def test_dates_of_every_form_move_a_year_or_stay_as_typed(tmp_path, write_plan, minimal):
    minimal["settings"]["title"] = "SIP 2026/27 (draft)"
    forms = [
        ("Autumn 2026", "Sept 26 - Feb 27"),
        ("Oct 26 - Mar 27", None),  # a range in Start alone fills Start and Due
        ("Termly", "TBC"),
        ("Spring term", "End of Spr2"),
    ]
    minimal["actions"] = [
        {**minimal["actions"][0], "ref": f"P1.1.{n}", "start": start, "due": due, "cost": "TBC"}
        for n, (start, due) in enumerate(forms, start=1)
    ]
    _, plan = roll(write_plan(minimal), tmp_path)
    assert plan.settings.title == "SIP 2027/28 (draft)"
    assert [(str(a.start), str(a.due)) for a in plan.actions] == [
        ("Autumn term 2027", "Sep 2027 to Feb 2028"),
        ("Oct 2027", "Mar 2028"),
        ("Termly", "TBC"),
        ("Spring term", "End of Spr2"),
    ]
    assert plan.actions[0].due.end == dt.date(2028, 2, 29)
    assert plan.actions[3].start.start == dt.date(2028, 1, 5) and plan.actions[3].due.start == dt.date(2028, 3, 31)
    assert all(a.cost is None and "cost" in a.pending for a in plan.actions)  # TBC stays TBC


def test_a_criterion_with_no_actuals_keeps_its_baseline(tmp_path, write_plan, minimal):
    minimal["criteria"] = [
        {"ref": "SC1", "parent": "P1", "criterion": "85% pass the check", "baseline": "72%", "target": "85%"},
        {
            "ref": "SC2",
            "parent": "P1",
            "criterion": "90% attend",
            "baseline": "93%",
            "milestone_autumn": "94%",
            "actual_autumn": "94.5%",
            "actual_spring": "on track",  # no figure: not a baseline
            "target": "96%",
        },
        {"ref": "SC3", "parent": "P1.1", "criterion": "All observed", "actual_summer": "9 of 9", "target": "9 of 9"},
    ]
    minimal["kpis"] = [{"kpi": "Exclusions", "baseline": "4", "actual_spring": "2", "target": "1", "notes": "Fixed"}]
    summary, plan = roll(write_plan(minimal), tmp_path)
    assert [c.baseline for c in plan.criteria] == ["72%", "94.5% (autumn 2026)", "9 of 9 (summer 2027)"]
    assert all(c.milestones == ("", "", "") and c.actuals == ("", "", "") for c in plan.criteria)
    [kpi] = plan.kpis
    assert (kpi.baseline, kpi.actuals, kpi.target, kpi.notes) == ("2 (spring 2027)", ("", "", ""), "1", "Fixed")
    assert "3 criteria (2 with baselines from last year's actuals)" in summary.line()
    assert "1 KPI (1 with baselines from last year's actuals)" in summary.line()


def test_rolling_over_twice_does_not_repeat_carried_from(tmp_path, write_plan, minimal):
    first = tmp_path / "first.xlsx"
    write_next_year(write_plan(minimal), first)
    _, plan = roll(first, tmp_path, "second.xlsx")
    assert plan.settings.academic_year == "2028-29"
    assert plan.actions[0].action == "Carried from 2027-28: Train all Reception and Year 1 staff in the phonics scheme"
    assert plan.actions[0].start.start == dt.date(2028, 9, 7)


def test_an_itt_plan_keeps_its_type_and_words(tmp_path):
    summary, plan = roll(SAMPLES / "itt.xlsx", tmp_path)
    assert plan.plan_type == "itt" and plan.settings.title == "Partnership improvement plan 2026-27"
    sheet = load_workbook(tmp_path / "next.xlsx")["Context"]
    assert sheet["A2"].value == "Trainee information"
    assert "2 with baselines from last year's actuals" in summary.line()


def test_a_column_added_to_the_schema_is_carried(monkeypatch, tmp_path, write_plan, minimal):
    """The data is built from the schema's declarations, so a new column needs no roll-over code."""
    note = Column("review_note", "Review note", Kind.TEXT, "A note for the next review.")
    actions = dataclasses.replace(schema.ACTIONS, columns=(*schema.ACTIONS.columns, note))
    sheets = tuple(actions if sheet.key == "actions" else sheet for sheet in schema.SHEETS)
    for module in (schema, reader, workbook):
        monkeypatch.setattr(module, "SHEETS", sheets)
    noted = dataclasses.make_dataclass(
        "NotedAction", [("review_note", str, dataclasses.field(default=""))], bases=(model.Action,), kw_only=True
    )
    monkeypatch.setitem(reader.RECORD_TYPES, "actions", noted)
    minimal["actions"][1]["review_note"] = "Ask the cluster lead"
    _, plan = roll(write_plan(minimal), tmp_path)
    assert [a.review_note for a in plan.actions] == ["", "Ask the cluster lead"]
    data, _ = next_year_data(read_plan(tmp_path / "next.xlsx").plan)
    assert data["actions"][1]["review_note"] == "Ask the cluster lead"


def test_a_plan_with_reader_errors_is_refused(tmp_path, write_plan):
    blank = write_plan({})
    with pytest.raises(RolloverError, match=r"2 errors stop sipgen reading all of the plan, .* Run `sipgen check"):
        write_next_year(blank, tmp_path / "next.xlsx")
    assert not (tmp_path / "next.xlsx").exists()


# -- the command --------------------------------------------------------------------------------

runner = CliRunner()


def sipgen(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_new_from_writes_next_years_plan_and_says_what_it_did(tmp_path):
    output = tmp_path / "2026-27.xlsx"
    result = sipgen("new", output, "--from", SAMPLES / "primary.xlsx")
    assert result.exit_code == 0, result.output
    assert output.exists() and read_plan(output).plan.settings.academic_year == "2026-27"
    assert f"Wrote {output}: the 2026-27 plan" in result.output
    assert PRIMARY_LINE in result.output and f"sipgen check {output}" in result.output
    again = sipgen("new", output, "--from", SAMPLES / "primary.xlsx")
    assert again.exit_code == 2 and "already exists" in again.output
    assert sipgen("new", output, "--from", SAMPLES / "primary.xlsx", "--force").exit_code == 0


def test_new_from_an_unreadable_or_broken_plan_exits_2_with_one_line(tmp_path, write_plan):
    bad = tmp_path / "bad.xlsx"
    bad.write_text("Ref,Action\n")
    for source, words in (
        (bad, "not an Excel workbook"),
        (tmp_path / "missing.xlsx", "there is no file here"),
        (write_plan({}), "cannot be rolled over"),
    ):
        result = sipgen("new", tmp_path / "next.xlsx", "--from", source)
        assert result.exit_code == 2 and words in result.output
        assert len(result.output.strip().splitlines()) == 1
        assert not (tmp_path / "next.xlsx").exists()


def test_new_from_and_example_together_are_refused(tmp_path):
    result = sipgen("new", tmp_path / "next.xlsx", "--from", SAMPLES / "primary.xlsx", "--example")
    assert result.exit_code == 2 and "cannot be used together" in result.output


def test_what_the_reader_could_not_place_is_named_in_the_summary(tmp_path, edit_plan, minimal):
    def note_beside_the_table(book):
        book["Actions"]["Z2"] = "Ask the cluster lead"

    source = edit_plan(minimal, note_beside_the_table)
    summary = write_next_year(source, tmp_path / "next.xlsx")
    assert summary.not_read == 1
    assert summary.line().endswith("Not carried: 1 thing `sipgen check` reports as not read (WB007, WB008).")


def test_the_line_says_what_to_do_with_objectives_left_with_no_actions():
    from sipgen.rollover import Summary

    one = Summary("2025-26", "2026-27", objectives=3, objectives_without_actions=1).line()
    assert "3 objectives (1 with no actions left)" in one
    assert "1 objective has no actions left: give it its actions for 2026-27, or delete it, before building" in one
    assert "no actions left:" not in Summary("2025-26", "2026-27", objectives=3).line()
