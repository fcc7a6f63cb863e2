"""Each document table is declared once (sipgen/document/parts.py): the template is laid out from
the declaration, and the view cannot make a row the template does not expect."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from sipgen.document import parts
from sipgen.document.template import body, report_body, tasks_body

ROOT = Path(__file__).resolve().parent.parent


def test_a_row_must_have_exactly_the_declared_fields():
    row = dict(ref="P1", title="Reading", funding="", cost="£10", spent="£5", difference="£5 not yet spent")
    assert parts.BUDGET.row(**row) == row
    with pytest.raises(ValueError, match=r"missing \['cost'\]"):
        parts.BUDGET.row(**{k: v for k, v in row.items() if k != "cost"})
    with pytest.raises(ValueError, match=r"unexpected \['owner'\]"):
        parts.BUDGET.row(**row, owner="DH")


def test_a_shaded_column_needs_its_fill():
    assert "rag_fill" in parts.GLANCE.fields and "rag" in parts.GLANCE.fields
    assert "cost_fill" not in parts.GLANCE.fields


# Every declared table: the plan's and the board report's, and those of each person's tasks.
ALL_TABLES = parts.TABLES + parts.TASKS_TABLES


@pytest.mark.parametrize("table", ALL_TABLES, ids=lambda t: t.name)
def test_the_template_lays_out_every_declared_table(table):
    xml = body() + report_body() + tasks_body()
    for column in table.columns:
        assert f"{table.item}.{column.field}" in xml, f"{table.name}: {column.field} is not in the template"
        if column.show == parts.SHADED:
            assert f"{{% cellbg {table.item}.{column.field}_fill %}}" in xml
    if table.loop:
        assert "{%tr " + table.loop + " %}" in xml


def test_the_shipped_template_carries_the_declared_headers():
    xml = "".join(
        zipfile.ZipFile(ROOT / "templates" / name).read("word/document.xml").decode()
        for name in ("plan.docx", "report.docx", "tasks.docx")
    )
    for table in ALL_TABLES:
        for column in table.columns:
            assert f">{column.header}<" in xml.replace("&amp;", "&") or not column.header, (table.name, column.header)


def test_table_names_are_unique_and_widths_positive():
    names = [t.name for t in ALL_TABLES]
    assert len(names) == len(set(names))
    assert all(c.width > 0 for t in ALL_TABLES for c in t.columns)
