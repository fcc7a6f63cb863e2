"""The blank workbook feels like a well-made Excel file: help, dropdowns, frozen headers, print setup."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from sipgen.schema import SHEETS, Kind
from sipgen.workbook import write_workbook


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    path = write_workbook(tmp_path_factory.mktemp("t") / "plan.xlsx")
    return load_workbook(path)


def _validations(sheet):
    found = {}
    for dv in sheet.data_validations.dataValidation:
        for cell_range in dv.sqref.ranges:
            found[cell_range.coord.split(":")[0]] = dv
    return found


@pytest.mark.parametrize("declared", [s for s in SHEETS if not s.form], ids=lambda s: s.name)
def test_table_sheets_have_help_and_dropdowns_on_every_column(template, declared):
    sheet = template[declared.name]
    assert sheet.freeze_panes == "B2"
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    validations = _validations(sheet)
    for col, column in enumerate(declared.columns, start=1):
        header = sheet.cell(1, col)
        assert header.comment is not None and len(header.comment.text) > 20
        assert sheet.column_dimensions[header.column_letter].width == column.width
        dv = validations[f"{header.column_letter}2"]
        assert dv.showInputMessage and dv.prompt, column.field
        if column.choices:
            assert dv.type == "list" and column.choices[0].split("{")[0] in dv.formula1
        elif column.dropdown:
            assert dv.type == "list" and dv.formula1 == column.dropdown
        elif column.kind is Kind.DATE:
            assert dv.type == "date"


def test_dropdown_lists_are_defined_names_over_the_source_sheets(template):
    names = {name: dn.attr_text for name, dn in template.defined_names.items()}
    assert names["StaffInitials"].startswith("Staff!$A$2")
    assert names["PriorityRefs"].startswith("Priorities!$A$2")
    assert names["ObjectiveRefs"].startswith("Objectives!$A$2")


def test_rag_cells_are_coloured(template):
    rules = template["Reviews"].conditional_formatting
    formulas = sorted(r.formula[0] for cf in rules for r in cf.rules)
    assert formulas == ['"Amber"', '"Green"', '"Red"']


def test_settings_offers_plan_type_and_layout_choices(template):
    sheet = template["Settings"]
    validations = _validations(sheet)
    assert "ITT partnership" in validations["B3"].formula1
    assert sheet["B3"].value == "School"
