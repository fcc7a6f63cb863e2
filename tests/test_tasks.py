"""Each person's tasks (`sipgen tasks`): one short document a person or group, and everyone's on a page."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import zipfile

import pytest
from docx import Document
from lxml import etree
from typer.testing import CliRunner

from sipgen.checker import check_workbook
from sipgen.cli import app
from sipgen.document import parts
from sipgen.document.tasks import (
    SUMMARY_NAME,
    TasksError,
    coming_half_term,
    file_names,
    people_tasks,
    write_tasks,
)
from sipgen.document.template import body, build, report_body, tasks_body
from sipgen.findings import Severity

from .conftest import ROOT, require_soffice
from .test_document import document_text

SAMPLES = ROOT / "samples"
MAY = dt.date(2026, 5, 1)  # in Sum1: the coming half-term runs to the end of Sum2, 20 Jul 2026
AFTER_JULY_DEADLINES = dt.date(2026, 7, 18)  # KF's two actions due 17 Jul 2026 are overdue


def tables(path) -> dict[tuple[str, ...], list[list[str]]]:
    """Each table of a document by its header row: its other rows' cell texts."""
    found = {}
    for table in Document(str(path)).tables:
        rows = [[c.text for c in row.cells] for row in table.rows]
        found[tuple(rows[0])] = rows[1:]
    return found


def rows_under(path, first: str, second: str) -> list[list[str]]:
    """The rows of the table whose header starts with ``first``, ``second`` ([] when there is none)."""
    return next((rows for header, rows in tables(path).items() if header[:2] == (first, second)), [])


def column(path, first: str, second: str, name: str) -> list[str]:
    """One column, by its header, of the table whose header starts with ``first``, ``second``."""
    for header, rows in tables(path).items():
        if header[:2] == (first, second):
            index = next(i for i, h in enumerate(header) if h.startswith(name))
            return [row[index] for row in rows]
    return []


@pytest.fixture(scope="module")
def primary_in_may(tmp_path_factory):
    return write_tasks(SAMPLES / "primary.xlsx", tmp_path_factory.mktemp("tasks") / "out", MAY)


# -- one document a person with something to do ------------------------------------------------


def test_the_primary_sample_gives_a_document_to_each_person_and_group_with_something_to_do(primary_in_may):
    result = primary_in_may
    plan = check_workbook(SAMPLES / "primary.xlsx").plan
    owners = {i for a in plan.actions for i in a.owners}
    named = {p.initials for p in result.people}
    assert owners <= named and {"SLT", "C&S", "FGB", "RS&W", "EA"} <= named  # groups, and reviewers
    assert [p.label for p in result.left_out] == ["Elaine Wardle (EW)"]  # on the key, given nothing to do
    assert len(result.documents) == len(result.people) == 27
    names = sorted(path.name for path in result.folder.iterdir())
    assert names == sorted([*(p.name for p in result.documents), SUMMARY_NAME])
    assert "Lucy Whitfield (LW).docx" in names and "Curriculum and standards committee (C&S).docx" in names
    assert not any("Elaine Wardle" in name for name in names)


def test_a_persons_document_lists_their_actions_and_only_theirs_overdue_first(tmp_path):
    result = write_tasks(SAMPLES / "primary.xlsx", tmp_path / "out", AFTER_JULY_DEADLINES)
    path = result.folder / "Karen Fell (KF).docx"
    actions = rows_under(path, "Ref", "Action")
    plan = check_workbook(SAMPLES / "primary.xlsx").plan
    assert sorted(row[0] for row in actions) == sorted(a.ref for a in plan.actions if "KF" in a.owners)
    # The two due on 17 Jul 2026 and not done are overdue on the 18th: first, then the rest by date.
    states = column(path, "Ref", "Action", "State on 18 Jul 2026")
    assert [row[0] for row in actions] == ["P3.1.3", "P3.2.2", "P3.1.1", "P3.2.1", "P3.2.3", "P3.2.4"]
    assert states == ["Overdue", "Overdue", "Done", "Done", "Done", "Done"]
    assert actions[3][1].startswith("Meet the family of each of the 41 pupils")
    assert column(path, "Ref", "Action", "Shared with")[3] == "Claire Morton (CM)"
    text = document_text(path)
    assert "Karen Fell (KF)" in text and "Family support and attendance officer" in text
    assert "6 actions, 2 overdue" in text
    # Once Sum2 has begun, the coming half-term is next year's first. Her overdue actions are not
    # "due" in it; the summer milestone of P3.1, which she leads, still is (the term ends 20 Jul).
    assert result.window.label == "Aut1" and result.window.end == dt.date(2026, 10, 24)
    assert "between 18 Jul 2026 and the end of next half-term (Aut1, 24 Oct 2026)" in text
    assert [row[:2] for row in rows_under(path, "Due", "Ref")] == [["20 Jul 2026", "SC12"]]


def test_what_falls_due_in_the_coming_half_term_is_theirs_and_in_the_window(primary_in_may):
    due = rows_under(primary_in_may.folder / "Karen Fell (KF).docx", "Due", "Ref")
    # Her two open actions due 17 Jul, and the summer milestone of the measure of P3.1, which she leads.
    assert [row[:2] for row in due] == [["17 Jul 2026", "P3.1.3"], ["17 Jul 2026", "P3.2.2"], ["20 Jul 2026", "SC12"]]
    assert due[2][2].startswith("Summer milestone 95% (P3.1): ")
    # Done actions never fall due: GE's purchases were all made.
    assert rows_under(primary_in_may.folder / "Gareth Evans (GE).docx", "Due", "Ref") == []


def test_leads_link_governors_monitoring_and_reviews_are_in_their_documents(primary_in_may):
    folder = primary_in_may.folder
    ben = folder / "Ben Hussain (BH).docx"
    roles = rows_under(ben, "Ref", "Priority or objective")
    assert [(row[0], row[2]) for row in roles] == [("P1", "Link governor"), ("P5", "Link governor")]
    assert roles[0][1].startswith("Year 1 phonics results rise from 72% to 85%")
    checks = rows_under(ben, "For", "What")
    assert [row[:2] for row in checks] == [["P1", "Evaluation"], ["P5", "Evaluation"]]
    assert column(ben, "For", "What", "With") == ["Martin Hollis (EA)", "Martin Hollis (EA)"]
    assert rows_under(ben, "Ref", "Action") == []  # he owns no action: no actions table
    head = folder / "Rachel Ashworth (HT).docx"
    assert rows_under(head, "Ref", "Priority or objective")[0][2] == "Overall lead"
    reviews = rows_under(folder / "Curriculum and standards committee (C&S).docx", "Date", "For")
    assert [(row[0], row[1], row[3], row[4]) for row in reviews] == [
        ("9 Dec 2025", "P1", "Held", "Green"),
        ("9 Dec 2025", "P2", "Held", "Amber"),
        ("9 Dec 2025", "P5", "Held", "Green"),
        ("17 Mar 2026", "P1", "Held", "Amber"),
        ("17 Mar 2026", "P2", "Held", "Green"),
        ("17 Mar 2026", "P5", "Held", "Amber"),
    ]


def test_a_review_still_to_come_falls_due_for_its_reviewer(tmp_path, write_plan, minimal):
    minimal["reviews"] = [
        {"date": dt.date(2026, 9, 21), "ref": "P1", "reviewer": "CG", "rag": "Green", "impact": "Started well."},
        {"date": dt.date(2026, 12, 7), "ref": "P1", "reviewer": "CG", "rag": "Amber", "impact": "Planned."},
        {"date": dt.date(2027, 3, 8), "ref": "P1", "reviewer": "CG"},
    ]
    result = write_tasks(write_plan(minimal), tmp_path / "out", dt.date(2026, 10, 1))  # Aut1: window to 19 Dec
    governor = result.folder / "Pat Governor (CG).docx"
    reviews = rows_under(governor, "Date", "For")
    # A rating typed ahead of its date is not shown: the review has not been held.
    assert [(row[0], row[3], row[4]) for row in reviews] == [
        ("21 Sep 2026", "Held", "Green"),
        ("7 Dec 2026", "To come", ""),
        ("8 Mar 2027", "To come", ""),
    ]
    assert rows_under(governor, "Due", "Ref") == [["7 Dec 2026", "P1", "Review: Raise attainment in early reading"]]
    # The deputy leads P1, but its reviews are the governor's to carry out.
    assert all(
        row[2] != "Review: Raise attainment in early reading"
        for row in rows_under(result.folder / "Sam Deputy (DH).docx", "Due", "Ref")
    )


def test_the_summary_counts_equal_each_persons_document(primary_in_may):
    summary = rows_under(primary_in_may.summary, "Who", "Actions owned")
    assert len(summary) == len(primary_in_may.documents)
    by_name = {row[0]: row[1:] for row in summary}
    for path in primary_in_may.documents:
        actions = rows_under(path, "Ref", "Action")
        roles = [row[2] for row in rows_under(path, "Ref", "Priority or objective")]
        checks = rows_under(path, "For", "What") + rows_under(path, "Date", "For")
        counted = [
            len(actions),
            column(path, "Ref", "Action", "State on").count("Overdue"),
            sum(role in ("Lead", "Overall lead") for role in roles),
            sum(role == "Link governor" for role in roles),
            len(checks),
            len(rows_under(path, "Due", "Ref")),
        ]
        assert [int(n) for n in by_name[path.stem]] == counted, path.stem
    # Busiest first: Dawn Okafor owns the most actions.
    assert summary[0][0] == "Dawn Okafor (DO)" and int(summary[0][1]) == max(int(r[1]) for r in summary)
    assert "left out: Elaine Wardle (EW)" in document_text(primary_in_may.summary)


# -- plans of every shape ------------------------------------------------------------------------


def test_an_empty_plan_gives_only_the_summary_saying_nobody_has_anything(tmp_path, write_plan):
    result = write_tasks(write_plan({}), tmp_path / "out", MAY)
    assert result.documents == [] and result.people == []
    assert [p.name for p in result.folder.iterdir()] == [SUMMARY_NAME]
    assert "gives nobody anything to do yet" in document_text(result.summary)


def test_a_person_with_nothing_to_do_is_left_out_and_named(tmp_path, write_plan, minimal):
    minimal["staff"].append({"initials": "TA", "name": "Terry Assistant", "role": "Teaching assistant"})
    result = write_tasks(write_plan(minimal), tmp_path / "out", dt.date(2026, 10, 1))
    assert [p.initials for p in result.left_out] == ["TA"]
    assert sorted(p.name for p in result.documents) == [
        "Alex Head (HT).docx",
        "Pat Governor (CG).docx",
        "Sam Deputy (DH).docx",
    ]
    assert "left out: Terry Assistant (TA)" in document_text(result.summary)
    assert [row[0] for row in rows_under(result.summary, "Who", "Actions owned")] == [
        "Sam Deputy (DH)",  # two actions, one overdue
        "Alex Head (HT)",
        "Pat Governor (CG)",
    ]


def test_a_plan_with_no_dates_still_gets_its_documents(tmp_path, write_plan, minimal):
    minimal["settings"]["academic_year"] = ""
    for action in minimal["actions"]:
        action.update(start=None, due=None)
    minimal["actions"][1]["due"] = "Termly"
    result = write_tasks(write_plan(minimal), tmp_path / "out", dt.date(2026, 11, 2))
    deputy = result.folder / "Sam Deputy (DH).docx"
    refs = column(deputy, "Ref", "Action", "Ref")
    assert refs == ["P1.1.1", "P1.1.2"]  # neither has a date: in reference order
    assert column(deputy, "Ref", "Action", "Due") == ["No date", "Termly"]
    assert column(deputy, "Ref", "Action", "State on") == ["No date", "Ongoing"]
    # Without the plan's year, the half-terms are those of the year the report date is in.
    assert result.window.label == "Aut2" and result.window.end == dt.date(2026, 12, 19)
    assert "Nothing falls due between 2 Nov 2026" in document_text(deputy)


def test_user_text_with_markup_stays_text_and_a_name_windows_forbids_is_made_safe(tmp_path, write_plan, minimal):
    minimal["staff"][1]["name"] = 'Sam "Deputy" <Head/Deputy>'
    minimal["actions"][0]["action"] = "Train staff in <phonics> & check {{ 1 + 1 }} and {% if x %} tags"
    result = write_tasks(write_plan(minimal), tmp_path / "out", dt.date(2026, 10, 1))
    (deputy,) = [p for p in result.documents if "(DH)" in p.name]
    assert deputy.name == "Sam -Deputy- -Head-Deputy- (DH).docx"
    text = document_text(deputy)
    assert "Train staff in <phonics> & check {{ 1 + 1 }} and {% if x %} tags" in text
    assert 'Sam "Deputy" <Head/Deputy> (DH)' in text


def test_file_names_never_clash_or_name_a_device():
    from sipgen.document.tasks import PersonTasks

    people = [PersonTasks("ab", MAY, name="Ann"), PersonTasks("AB", MAY, name="Ann"), PersonTasks("CON", MAY)]
    people.append(PersonTasks("EVERYONE'S TASKS", MAY))  # would be the summary's name
    assert file_names(people) == ["Ann (ab).docx", "Ann (AB) 2.docx", "_CON.docx", "EVERYONE'S TASKS 2.docx"]


def test_a_plan_with_errors_is_written_and_says_how_many_without_the_workbooks_insides(tmp_path):
    result = write_tasks(SAMPLES / "weak.xlsx", tmp_path / "out", MAY)
    assert result.errors == check_workbook(SAMPLES / "weak.xlsx", MAY).count(Severity.ERROR)
    assert result.errors > 0 and result.documents
    for path in (*result.documents, result.summary):
        text = document_text(path)
        assert not re.search(r"\b[A-Z]{2}\d{3}\b", text), path.name  # no rule codes
        assert "sheet" not in text.casefold() and not re.search(r"!\$?[A-Z]+\$?\d", text), path.name  # no cells


def test_an_unreadable_workbook_is_refused_and_the_folder_not_made(tmp_path):
    bad = tmp_path / "plan.xlsx"
    bad.write_text("not a workbook")
    with pytest.raises(TasksError) as refused:
        write_tasks(bad, tmp_path / "out")
    assert refused.value.exit_code == 2 and str(bad) in str(refused.value)
    assert not (tmp_path / "out").exists()


def test_the_coming_half_term_runs_to_the_end_of_the_next_one_to_start():
    plan = check_workbook(SAMPLES / "primary.xlsx").plan
    assert coming_half_term(plan, dt.date(2025, 9, 10)).label == "Aut2"  # in Aut1: to the end of Aut2
    assert coming_half_term(plan, dt.date(2025, 10, 28)).end == dt.date(2025, 12, 19)  # in a holiday: the next
    assert coming_half_term(plan, dt.date(2026, 2, 16)).label == "Spr2"  # February half-term week
    assert coming_half_term(plan, MAY).end == dt.date(2026, 7, 20)
    summer = coming_half_term(plan, dt.date(2026, 8, 10))
    assert (summer.label, summer.end) == ("Aut1", dt.date(2026, 10, 24))  # next year's first


def test_people_tasks_matches_initials_whatever_their_case(write_plan, minimal):
    minimal["actions"][1]["owners"] = "ht, DH"
    plan = check_workbook(write_plan(minimal)).plan
    head = next(p for p in people_tasks(plan, MAY) if p.initials == "HT")
    assert [a.ref for a in head.owned] == ["P1.1.2"] and head.label == "Alex Head (HT)"


# -- the template, Word and LibreOffice --------------------------------------------------------


@pytest.mark.parametrize("table", parts.TASKS_TABLES, ids=lambda t: t.name)
def test_the_tasks_template_lays_out_each_of_its_tables(table):
    xml = tasks_body()
    for column in table.columns:
        assert f"{table.item}.{column.field}" in xml, column.field
    assert "{%tr " + table.loop + " %}" in xml
    shipped = zipfile.ZipFile(ROOT / "templates" / "tasks.docx").read("word/document.xml").decode()
    for column in table.columns:
        assert f">{column.header}<" in shipped.replace("&amp;", "&"), column.header
    assert table not in parts.TABLES and table.name not in {t.name for t in parts.TABLES}
    assert "{%tr " + table.loop + " %}" not in body() + report_body()


def test_the_shipped_tasks_template_is_the_generated_one(tmp_path):
    assert build(tmp_path / "tasks.docx", "tasks").read_bytes() == (ROOT / "templates" / "tasks.docx").read_bytes()


def test_every_part_of_a_tasks_document_is_valid_office_open_xml(primary_in_may):
    from .test_ooxml import SCHEMAS, invalid_parts

    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "sipgen-parts.xsd")))
    assert invalid_parts(primary_in_may.documents[0], schema) == {}
    assert invalid_parts(primary_in_may.summary, schema) == {}


def test_libreoffice_opens_a_persons_document_and_the_summary_fits_a_page(primary_in_may, tmp_path):
    from pypdf import PdfReader

    from sipgen.pdf import export_pdf

    require_soffice()
    person = export_pdf(primary_in_may.folder / "Karen Fell (KF).docx", tmp_path / "kf.pdf")
    text = " ".join((page.extract_text() or "") for page in PdfReader(str(person)).pages)
    assert "Karen Fell (KF)" in text and "P3.1.3" in text and "Due in the coming half-term" in text
    summary = PdfReader(str(export_pdf(primary_in_may.summary, tmp_path / "all.pdf")))
    assert len(summary.pages) == 1 and "Dawn Okafor (DO)" in summary.pages[0].extract_text()


# -- the command ---------------------------------------------------------------------------------


def test_the_command_writes_the_folder_beside_the_workbook_and_says_what_it_did(tmp_path):
    plan = tmp_path / "primary.xlsx"
    shutil.copy(SAMPLES / "primary.xlsx", plan)
    before = plan.read_bytes()
    result = CliRunner().invoke(app, ["tasks", str(plan), "--as-of", "2026-05-01"])
    assert result.exit_code == 0, result.output
    folder = tmp_path / "primary tasks"
    assert "Wrote 27 documents of tasks" in result.output and str(folder) in result.output
    assert "Left out 1 named in the plan with nothing to do: Elaine Wardle (EW)" in result.output
    assert "error" not in result.output
    assert len(list(folder.glob("*.docx"))) == 28 and plan.read_bytes() == before


def test_the_command_writes_a_plan_with_errors_and_says_how_many(tmp_path):
    out = tmp_path / "weak"
    result = CliRunner().invoke(app, ["tasks", str(SAMPLES / "weak.xlsx"), "-o", str(out), "--as-of", "2026-05-01"])
    assert result.exit_code == 0, result.output
    assert re.search(r"The check found \d+ errors?; `sipgen check .*weak.xlsx` lists them", result.output)
    assert (out / SUMMARY_NAME).exists()


def test_the_command_refuses_an_unreadable_workbook_a_file_for_a_folder_and_a_bad_date(tmp_path):
    bad = tmp_path / "plan.xlsx"
    bad.write_text("not a workbook")
    unreadable = CliRunner().invoke(app, ["tasks", str(bad)])
    assert unreadable.exit_code == 2 and unreadable.output.startswith(f"sipgen: {bad}: ")
    assert "Traceback" not in unreadable.output and not (tmp_path / "plan tasks").exists()
    a_file = tmp_path / "notes.txt"
    a_file.write_text("mine")
    refused = CliRunner().invoke(app, ["tasks", str(SAMPLES / "primary.xlsx"), "-o", str(a_file)])
    assert refused.exit_code == 2 and "this is a file" in refused.output and a_file.read_text() == "mine"
    assert CliRunner().invoke(app, ["tasks", str(SAMPLES / "primary.xlsx"), "--as-of", "soon"]).exit_code == 2


def test_the_command_has_help_with_an_example():
    result = CliRunner().invoke(app, ["tasks", "--help"])
    assert result.exit_code == 0 and "Example" in result.output and "sipgen tasks plan.xlsx" in result.output
