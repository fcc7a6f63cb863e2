"""Reading workbooks into the plan model: round trips, forgiving headers, and the WB codes."""

from __future__ import annotations

import datetime as dt

import pytest

from sipgen.reader import read_plan
from sipgen.schema import SETTINGS


def codes(result):
    return [f.code for f in result.findings]


def test_round_trip_reads_every_value_with_its_cell(minimal, write_plan):
    result = read_plan(write_plan(minimal))
    assert result.findings == []
    plan = result.plan
    assert plan.settings.organisation == "Test Primary School"
    assert plan.settings.plan_type == "school"
    assert plan.settings.year_start is None and plan.settings.max_priorities == 5
    assert [p.ref for p in plan.priorities] == ["P1"]
    first, second = plan.actions
    assert first.owners == ("DH",)
    assert second.owners == ("HT", "DH")
    assert first.start.start == dt.date(2026, 9, 7)
    assert first.cost == 450.0
    assert first.where("action") == "Actions!C2"
    assert second.where("due") == "Actions!F3"
    assert plan.settings.where("organisation") == "Settings!B2"
    assert plan.priorities[0].objectives[0].actions == [first, second]


def test_half_term_labels_resolve_against_the_academic_year(minimal, write_plan):
    plan = read_plan(write_plan(minimal)).plan
    second = plan.actions[1]
    assert second.start.label == "Aut2" and second.start.start == dt.date(2026, 11, 3)
    assert second.due.label == "Spr1" and second.due.end == dt.date(2027, 2, 13)


def test_dates_typed_as_text_are_read(minimal, write_plan):
    minimal["actions"][0]["start"] = "14/10/2026"
    minimal["actions"][0]["due"] = "2026-10-21"
    minimal["actions"][1]["start"] = "Autumn 2"
    minimal["actions"][1]["due"] = "Summer term"
    result = read_plan(write_plan(minimal))
    assert result.findings == []
    first, second = result.plan.actions
    assert first.start.start == dt.date(2026, 10, 14)
    assert first.due.start == dt.date(2026, 10, 21)
    assert second.start.label == "Aut2"
    assert (second.due.start, second.due.end) == (dt.date(2027, 4, 13), dt.date(2027, 7, 20))


def test_a_date_that_is_not_a_date_is_wb004_naming_the_cell(minimal, write_plan):
    minimal["actions"][0]["due"] = "after half term"
    result = read_plan(write_plan(minimal))
    [finding] = result.findings
    assert (finding.code, finding.sheet, finding.cell) == ("WB004", "Actions", "F2")
    assert "after half term" in finding.message and "14/10/2026" in finding.hint


def test_a_cost_in_words_is_wb004_but_pounds_and_no_cost_are_read(minimal, write_plan):
    minimal["actions"][0]["cost"] = "about 300"
    minimal["actions"][1]["cost"] = "No cost"
    minimal["actions"].append(dict(minimal["actions"][1], ref="P1.1.3", cost="£1,250"))
    result = read_plan(write_plan(minimal))
    assert [(f.code, f.cell) for f in result.findings] == [("WB004", "G2")]
    assert [a.cost for a in result.plan.actions] == [None, 0.0, 1250.0]


def test_columns_are_found_by_header_in_any_order_case_and_spacing(minimal, edit_plan):
    def shuffle(workbook):
        sheet = workbook["Actions"]
        sheet.move_range("A1:B20", rows=0, cols=12)  # Ref and Objective to columns M and N
        sheet["C1"] = "  ACTION "
        sheet["D1"] = "owner(s)"
        sheet.insert_rows(1)  # a title row above the headers
        sheet["A1"] = None

    result = read_plan(edit_plan(minimal, shuffle))
    assert result.findings == []
    action = result.plan.actions[0]
    assert action.ref == "P1.1.1" and action.objective == "P1.1" and action.owners == ("DH",)
    assert action.where("ref") == "Actions!M3"


def test_blank_rows_are_skipped_and_rows_after_them_still_read(minimal, edit_plan):
    def gap(workbook):
        sheet = workbook["Actions"]
        sheet.insert_rows(3, amount=5)

    result = read_plan(edit_plan(minimal, gap))
    assert result.findings == []
    assert [a.row for a in result.plan.actions] == [2, 8]


def test_extra_columns_and_sheets_are_reported_not_lost(minimal, edit_plan):
    def extras(workbook):
        workbook["Actions"]["M1"] = "Notes"
        workbook["Actions"]["M2"] = "Ask the English hub"
        workbook["Actions"]["O3"] = "stray"
        workbook.create_sheet("My notes")["B2"] = "remember the budget"

    result = read_plan(edit_plan(minimal, extras))
    found = sorted((f.code, f.sheet, f.cell) for f in result.findings)
    assert found == [("WB008", "Actions", "M1:M2"), ("WB008", "Actions", "O3"), ("WB008", "My notes", "B2")]
    assert len(result.plan.actions) == 2


def test_missing_sheet_is_wb002_listing_the_sheets_found(minimal, edit_plan):
    def drop(workbook):
        workbook["Actions"].title = "Action plan"

    result = read_plan(edit_plan(minimal, drop))
    wb002 = [f for f in result.findings if f.code == "WB002"]
    assert len(wb002) == 1
    assert "'Actions'" in wb002[0].message and "Action plan" in wb002[0].message
    assert "Rename the sheet 'Action plan'" in wb002[0].hint


def test_renamed_required_header_is_wb003_suggesting_the_closest(minimal, edit_plan):
    def rename(workbook):
        workbook["Actions"]["C1"] = "Actions to take"

    result = read_plan(edit_plan(minimal, rename))
    wb003 = [f for f in result.findings if f.code == "WB003"]
    assert [(f.sheet, f.cell) for f in wb003] == [("Actions", "C1")]
    assert "'Action'" in wb003[0].message and "'Actions to take'" in wb003[0].message
    assert "rename its header to 'Action'" in wb003[0].hint


def test_duplicate_references_are_wb005(minimal, write_plan):
    minimal["actions"][1]["ref"] = "P1.1.1"
    minimal["staff"].append({"initials": "dh", "name": "Dee Hall", "role": "Teacher"})
    result = read_plan(write_plan(minimal))
    assert sorted((f.code, f.cell) for f in result.findings) == [("WB005", "A3"), ("WB005", "A5")]


def test_missing_parent_is_wb006(minimal, write_plan):
    minimal["actions"][1]["objective"] = "P1.4"
    minimal["objectives"].append({"ref": "P2.1", "priority": "P2", "title": "Orphan"})
    result = read_plan(write_plan(minimal))
    assert sorted((f.code, f.sheet, f.cell) for f in result.findings) == [
        ("WB006", "Actions", "B3"),
        ("WB006", "Objectives", "B3"),
    ]


def test_formula_without_value_and_error_values_are_wb007(minimal, edit_plan):
    def formulas(workbook):
        workbook["Actions"]["G2"] = "=2*190"
        workbook["Actions"]["G3"] = "#REF!"
        workbook["Actions"]["G3"].data_type = "e"

    result = read_plan(edit_plan(minimal, formulas))
    assert sorted((f.code, f.cell) for f in result.findings) == [("WB007", "G2"), ("WB007", "G3")]
    assert "#REF!" in [f for f in result.findings if f.cell == "G3"][0].message


def test_required_value_missing_on_a_row_is_reported(minimal, write_plan):
    minimal["actions"][0]["action"] = ""
    result = read_plan(write_plan(minimal))
    assert [(f.code, f.cell, f.ref) for f in result.findings] == [("WB004", "C2", "P1.1.1")]


def test_itt_wording_reads_the_same(minimal, write_plan):
    minimal["settings"]["plan_type"] = "ITT partnership"
    result = read_plan(write_plan(minimal, plan_type="itt"))
    assert result.findings == []
    assert result.plan.plan_type == "itt"
    assert result.plan.settings.organisation == "Test Primary School"


def test_numbers_stored_as_text_and_initials_lists(minimal, write_plan):
    minimal["actions"][0]["cost"] = "450"
    minimal["actions"][0]["owners"] = "DH/HT and CG"
    minimal["actions"][1]["also_serves"] = "p1, P1.1;P1.1.1"
    result = read_plan(write_plan(minimal))
    assert result.findings == []
    first, second = result.plan.actions
    assert first.cost == 450.0 and first.owners == ("DH", "HT", "CG")
    assert second.also_serves == ("P1", "P1.1", "P1.1.1")


def test_limits_out_of_range_are_wb004_and_fall_back_to_defaults(minimal, write_plan):
    minimal["settings"]["max_priorities"] = -1
    minimal["settings"]["max_owner_share"] = 250
    result = read_plan(write_plan(minimal))
    # The template writes one setting a row, in the schema's order, below a header row.
    rows = {c.field: f"B{i}" for i, c in enumerate(SETTINGS.columns, start=2)}
    assert sorted((f.code, f.cell) for f in result.findings) == [
        ("WB004", rows["max_priorities"]),
        ("WB004", rows["max_owner_share"]),
    ]
    assert result.plan.settings.max_priorities == 5 and result.plan.settings.max_owner_share == 40


@pytest.mark.parametrize("letters, index", [("A", 1), ("Z", 26), ("AA", 27), ("AB", 28), ("ZZ", 702), ("XFD", 16384)])
def test_a_cell_references_letters_give_its_column(letters, index):
    from sipgen.xlsx import column_index

    assert column_index(letters) == index


@pytest.mark.parametrize(("typed", "amount"), [("£1.2k", 1200.0), ("£2K", 2000.0), ("1.5k", 1500.0)])
def test_costs_in_thousands_are_read(minimal, write_plan, typed, amount):
    minimal["actions"][0]["cost"] = typed
    result = read_plan(write_plan(minimal))
    assert result.plan.actions[0].cost == amount and not result.findings


@pytest.mark.parametrize("typed", ["-300", "-£300", "(300)", -300])
def test_a_negative_cost_is_named_as_negative(minimal, write_plan, typed):
    minimal["actions"][0]["cost"] = typed
    [finding] = [f for f in read_plan(write_plan(minimal)).findings if f.code == "WB004"]
    assert "negative" in finding.message and finding.cell.startswith("G")
