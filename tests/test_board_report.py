"""The board's short report: the summary, then only what needs attention; one plan or a trust's folder."""

from __future__ import annotations

import copy
import datetime as dt
import shutil

import pytest
from docx import Document

from sipgen.document.board_report import ReportError, write_report

from .conftest import ROOT, require_soffice
from .test_document import document_text

SAMPLES = ROOT / "samples"
JULY = dt.date(2026, 7, 1)


def headings(path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs if p.style.name.startswith("Heading")]


def table_rows(path, *header: str, exact: bool = False) -> list[list[str]]:
    """The rows of the first table whose header row starts with (or, ``exact``, is) ``header``."""
    for table in Document(str(path)).tables:
        found = [c.text for c in table.rows[0].cells]
        if (found if exact else found[: len(header)]) == list(header):
            return [[c.text for c in row.cells] for row in table.rows[1:]]
    return []


def test_the_primary_report_shows_the_summary_and_what_needs_attention(tmp_path):
    out = write_report([SAMPLES / "primary.xlsx"], tmp_path / "report.docx", as_of=JULY).output
    text = document_text(out)
    assert "Report to the governing board" in text and "Progress as at 1 Jul 2026 · plan v1.2" in text
    assert [row[0].split()[0] for row in table_rows(out, "Priority")[:5]] == ["P1", "P2", "P3", "P4", "P5"]
    found = headings(out)
    assert "Priorities rated amber or red" in found and "Measures behind their milestones" in found
    attention = table_rows(out, "Priority", "Latest RAG")
    assert [row[0].split()[0] for row in attention] == ["P1", "P3", "P5"]  # rated amber at the spring review
    behind = table_rows(out, "Ref", "For", "Success criterion")
    assert ["SC2", "P1"] == behind[0][:2] and behind[0][-1] == "64% (missed)"
    assert "Planned costs £15,586 + contingency £914 = £16,500" in text


def test_a_plan_with_nothing_behind_says_so(tmp_path, write_plan, minimal):
    out = write_report([write_plan(minimal)], tmp_path / "report.docx", as_of=dt.date(2026, 9, 1)).output
    assert "Nothing needs the board's attention" in document_text(out)
    assert "Priorities rated amber or red" not in headings(out)


def test_overdue_actions_and_what_falls_due_before_the_next_meeting(tmp_path, write_plan, minimal):
    minimal["settings"]["next_meeting"] = dt.date(2026, 12, 10)
    minimal["actions"][0].update(due=dt.date(2026, 9, 30), status="Late")
    minimal["actions"][1].update(start=dt.date(2026, 11, 2), due=dt.date(2026, 11, 20), status="On track")
    out = write_report([write_plan(minimal)], tmp_path / "report.docx", as_of=dt.date(2026, 11, 1)).output
    (late,) = table_rows(out, "Ref", "Action", "Who", "Due", "What happened")
    assert late[0] == "P1.1.1" and late[2] == "Sam Deputy (DH)" and late[-1] == "Overdue: marked late"
    (soon,) = table_rows(out, "Ref", "What falls due", "Who", "Due", exact=True)
    assert soon[0] == "P1.1.2" and soon[-1] == "20 Nov 2026"  # due before the meeting on 10 December


def test_a_trusts_folder_gets_a_row_a_school_and_a_broken_plan_does_not_stop_it(tmp_path, write_plan, minimal):
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(SAMPLES / "primary.xlsx", folder / "hollins.xlsx")
    second = copy.deepcopy(minimal)
    second["settings"]["organisation"] = "Test Academy"
    shutil.copy(write_plan(second, "academy.xlsx"), folder / "academy.xlsx")
    (folder / "broken.xlsx").write_bytes(b"not a workbook")
    result = write_report([folder], as_of=JULY)
    assert result.output == tmp_path / "plans-report.docx" and result.plans == 2
    assert len(result.failed) == 1 and "broken.xlsx" in result.failed[0]
    trust = table_rows(result.output, "School")
    assert [row[0].split(" (")[0] for row in trust] == ["Test Academy", "Hollins Lane Primary School"]
    # The file is named only where two plans share a school's name; each row says approved or draft.
    assert not any("(" in row[0] for row in trust)
    assert trust[0][1] == "Draft" and trust[1][1] == "Approved 14 Oct 2025"
    assert trust[1][3] == "2" and "P1 Amber" in trust[1][2]  # SC2 and SC10 missed their spring milestones
    text = document_text(result.output)
    assert "Plans that could not be read" in text and "broken.xlsx" in text


def test_nothing_to_report_on_and_an_output_that_is_an_input_are_refused(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(ReportError, match="no workbooks here"):
        write_report([tmp_path / "empty"], tmp_path / "r.docx")
    plan = tmp_path / "plan.xlsx"
    shutil.copy(SAMPLES / "primary.xlsx", plan)
    with pytest.raises(ReportError, match="never overwrites"):
        write_report([plan], plan)


def test_the_report_is_two_to_four_pages(tmp_path):

    from pypdf import PdfReader

    from sipgen import pdf

    require_soffice()
    out = write_report([SAMPLES / "primary.xlsx"], tmp_path / "report.docx", as_of=JULY).output
    made = pdf.export_pdf(out, tmp_path / "report.pdf")
    pages = len(PdfReader(str(made)).pages)
    assert 2 <= pages <= 4, pages


def test_since_lists_what_changed_in_the_plan_and_counts_the_progress(tmp_path):
    out = write_report(
        [SAMPLES / "primary.xlsx"], tmp_path / "report.docx", as_of=JULY, since=SAMPLES / "primary-autumn.xlsx"
    ).output
    changes = [tuple(row) for row in table_rows(out, "Priority", "Ref", "What changed")]
    assert ("P5", "P5.2.4", "Due: 13 Mar 2026 → 27 Mar 2026 (slipped by 14 days)") in changes
    assert any(row[1] == "P3.2.2" and row[2].startswith("Action reworded") for row in changes)
    assert not [row for row in changes if row[1] == "SC1"]  # figures recorded are progress, shown above
    late = table_rows(out, "Ref", "Action", "Who", "Due", "What happened")
    assert ["P5.2.4", "Slipped 14 days since the last version"] == [late[0][0], late[0][-1]]
    text = document_text(out)
    # The linked KPIs carry no figures of their own: their criteria's 21 results are counted once.
    assert "Since the last version, 21 termly results, 20 action statuses, 5 ratings, 5 reviews" in text
    assert "[-" not in text and "{+" not in text and "Open 16 → 20 free breakfast club places" in text
    decisions = table_rows(out, "Ref", "Decision", "Why")
    assert ["P3.2.2", "Approve the cost of P3.2.2 rising from £2,880 to £3,600"] == decisions[2][:2]
    assert decisions[1][1] == "Note that P2.2.6 now belongs to Michael Adeyemi (MA)"


def test_since_with_a_folder_is_refused(tmp_path):
    with pytest.raises(ReportError, match="one workbook"):
        write_report([SAMPLES], tmp_path / "r.docx", since=SAMPLES / "primary-autumn.xlsx")


def test_build_since_adds_a_changes_part_linked_to_each_row(tmp_path):
    from sipgen.document import build_document

    out = build_document(
        SAMPLES / "primary.xlsx", tmp_path / "plan.docx", as_of=JULY, since=SAMPLES / "primary-autumn.xlsx"
    ).output
    found = headings(out)
    assert found.index("Changes since the last version") == found.index("Key performance indicators") + 1
    rows = table_rows(out, "Priority", "Ref", "What changed")
    assert ["P5", "P5.2.4"] == rows[[r[1] for r in rows].index("P5.2.4")][:2]
    from .test_document import body_xml

    part = body_xml(out).split('w:name="sec_changes"')[1].split('w:name="sec_introduction"')[0]
    assert '<w:hyperlink w:anchor="ref_P5_2_4"' in part


def test_the_report_command_for_a_plan_a_folder_and_a_missing_file(tmp_path):
    from .test_cli import sipgen

    result = sipgen("report", SAMPLES / "primary.xlsx", "-o", tmp_path / "r.docx", "--as-of", "2026-07-01")
    assert result.exit_code == 0 and "Wrote" in result.output and (tmp_path / "r.docx").exists()
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(SAMPLES / "itt.xlsx", folder / "itt.xlsx")
    (folder / "broken.xlsx").write_text("not a workbook")
    result = sipgen("report", folder, "-o", tmp_path / "t.docx")
    assert result.exit_code == 2 and (tmp_path / "t.docx").exists()
    assert "broken.xlsx" in result.output and "Traceback" not in result.output
    assert "broken.xlsx                  not read: this is a text file" in result.output  # the table ends the run
    assert "itt.xlsx                     Fenmarsh Teaching Partnership" in result.output
    result = sipgen("report", tmp_path / "nothing.xlsx")
    assert result.exit_code == 2 and "nothing.xlsx" in result.output and "Traceback" not in result.output


def test_build_since_from_the_command_line(tmp_path):
    from .test_cli import sipgen

    out = tmp_path / "plan.docx"
    args = ("build", SAMPLES / "primary.xlsx", "--since", SAMPLES / "primary-autumn.xlsx", "-o", out)
    assert sipgen(*args).exit_code == 0
    assert "Changes since the last version" in headings(out)
    refused = sipgen("build", SAMPLES, "--since", SAMPLES / "primary-autumn.xlsx")
    assert refused.exit_code == 2 and "one workbook" in refused.output
