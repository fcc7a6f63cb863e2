"""The schema is the one declaration: the model, template, Instructions and README follow it."""

from __future__ import annotations

import dataclasses

import pytest

from sipgen import docs, model
from sipgen.reader import RECORD_TYPES
from sipgen.schema import SHEETS, Kind, header_keys
from sipgen.workbook import build_workbook

from .conftest import ROOT


@pytest.mark.parametrize("sheet", SHEETS, ids=lambda s: s.name)
def test_model_fields_match_the_schema(sheet):
    record = RECORD_TYPES[sheet.key]
    base = {f.name for f in dataclasses.fields(model.Record)}
    links = {"objectives", "actions"}
    fields = {f.name for f in dataclasses.fields(record)} - base - links
    assert fields == {c.field for c in sheet.columns}


@pytest.mark.parametrize("sheet", SHEETS, ids=lambda s: s.name)
def test_every_column_has_help_a_width_and_a_unique_header(sheet):
    keys = [header_keys(c) for c in sheet.columns]
    for i, column in enumerate(sheet.columns):
        assert len(column.help) > 20, column.field
        assert 5 <= column.width <= 100
        assert (column.kind is Kind.CHOICE) == bool(column.choices), column.field
        for other in keys[i + 1 :]:
            assert not keys[i] & other, f"{column.field} shares a header with another column"


@pytest.mark.parametrize("plan_type", ["school", "itt"])
def test_template_has_every_declared_sheet_and_header(plan_type):
    from sipgen.terms import word

    workbook = build_workbook(plan_type)
    assert workbook.sheetnames == ["Instructions"] + [s.name for s in SHEETS]
    for sheet in SHEETS:
        ws = workbook[sheet.name]
        if sheet.form:
            labels = [ws.cell(r, 1).value for r in range(2, len(sheet.columns) + 2)]
            assert labels == [word(c.header, plan_type) for c in sheet.columns]
        else:
            headers = [ws.cell(1, c).value for c in range(1, len(sheet.columns) + 1)]
            assert headers == [word(c.header, plan_type) for c in sheet.columns]


def test_instructions_sheet_explains_every_column():
    from sipgen.terms import word

    workbook = build_workbook("school")
    text = "\n".join(str(c.value) for row in workbook["Instructions"].iter_rows() for c in row if c.value)
    for sheet in SHEETS:
        assert sheet.name in text
        for column in sheet.columns:
            assert word(column.help, "school") in text


def test_readme_tables_are_generated_from_the_declarations():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert docs.render(readme) == readme, "run: python -m sipgen.docs README.md"
    assert docs.sheets_table() in readme


@pytest.mark.parametrize("sheet", SHEETS, ids=lambda s: s.name)
def test_no_header_names_two_columns(sheet):
    from sipgen.headers import match_key

    owner: dict[str, str] = {}
    for column in sheet.columns:
        for key in {match_key(k) for k in header_keys(column)}:
            assert key, f"{sheet.name}: an alias of {column.field} is empty once punctuation is removed"
            assert owner.setdefault(key, column.field) == column.field, (
                f"{sheet.name}: '{key}' names {owner[key]} and {column.field}"
            )


def test_readme_lists_the_other_headers_sipgen_reads():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert docs.headers_table() in readme, "run: python -m sipgen.docs README.md"
    assert "| Actions | Start | Start date," in docs.headers_table()


def test_the_schemas_named_words_are_words():
    # A sheet declared under the same name as a word list once replaced the word silently.
    from sipgen import schema

    for name in ("PROCESS_MONITORING", "PROCESS_EVALUATION", "PROCESS_REVIEW", "DONE", "DROPPED"):
        assert isinstance(getattr(schema, name), str), name
    assert schema.PROCESSES == ("Monitoring", "Evaluation", "Review")
