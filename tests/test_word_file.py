"""The Word file as a school meets it: language, fonts, draft marks, order, and a quieter page."""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest
from docx import Document

from sipgen.document import build_document
from sipgen.findings import Finding, Severity

from .conftest import ROOT
from .test_document import _action_rows, body_xml, document_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def part(path, name: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name).decode("utf-8")


@pytest.fixture
def build(tmp_path, write_plan):
    def make(data, **options):
        options.setdefault("as_of", dt.date(2026, 11, 1))
        return build_document(write_plan(data), tmp_path / "plan.docx", **options).output

    return make


def test_english_uk_and_one_font_with_its_metric_twin(build, minimal):
    out = build(minimal)
    styles = part(out, "word/styles.xml")
    assert '<w:lang w:val="en-GB"' in styles and "en-US" not in styles
    assert 'w:ascii="Calibri"' in styles and "Theme=" not in styles
    fonts = part(out, "word/fontTable.xml")
    assert '<w:font w:name="Calibri"><w:altName w:val="Carlito"/>' in fonts


def test_links_read_as_text_in_the_accent_without_underline(build, minimal):
    from sipgen.colours import LINK

    styles = part(build(minimal), "word/styles.xml")
    hyperlink = styles[styles.index('w:styleId="Hyperlink"') :].split("</w:style>")[0]
    assert f'<w:color w:val="{LINK}"/>' in hyperlink and "<w:u " not in hyperlink


def test_no_field_asks_to_be_updated(build, minimal):
    xml = body_xml(build(minimal))
    assert "w:dirty" not in xml


@pytest.mark.parametrize("approved", [None, dt.date(2026, 10, 14)])
def test_every_inner_page_of_an_unapproved_plan_says_draft(build, minimal, approved):
    minimal["settings"]["approved_on"] = approved
    out = build(minimal)
    headers = [part(out, n) for n in zipfile.ZipFile(out).namelist() if n.startswith("word/header")]
    assert any("Test Primary School" in h for h in headers)
    assert any("DRAFT: not yet approved" in h for h in headers) == (approved is None)


def test_the_key_and_who_does_what_come_before_the_priorities(build, minimal):
    document = Document(str(build(minimal)))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    first_priority = next(i for i, text in enumerate(headings) if text.startswith("P1 "))
    assert headings.index("Who does what") < first_priority and headings.index("Key to initials") < first_priority
    assert headings.index("Budget") > first_priority
    # Short parts flow on: the key starts on the page after who does what, not a new one.
    key = next(p for p in document.paragraphs if p.text == "Key to initials" and p.style.name == "Heading 1")
    assert key._p.find(f"{W}pPr/{W}pageBreakBefore").get(f"{W}val") == "0"


def test_the_contents_lists_exactly_the_parts_present(build, minimal):
    minimal["kpis"] = [
        {"kpi": "Attendance (%)", "ref": "P1", "baseline": "93%", "actual_autumn": "95%", "target": "96%"}
    ]
    minimal["actions"][1]["action"] = "Improve phonics"  # a vague action: a finding for the appendix
    out = build(minimal, with_findings=True)
    document = Document(str(out))
    contents = [p.text.strip() for p in document.paragraphs if p.style.name.lower().startswith("toc 1")]
    headings = [" ".join(p.text.split()) for p in document.paragraphs if p.style.name == "Heading 1"]
    assert [" ".join(c.split()) for c in contents] == headings
    assert "Key performance indicators" in contents and "Appendix: open check findings" in contents
    assert "Context" not in contents


def test_the_findings_appendix_puts_errors_first_and_prints_no_markdown(tmp_path, minimal, write_plan):
    from sipgen.document.view import build_view
    from sipgen.reader import read_plan

    plan = read_plan(write_plan(minimal)).plan
    findings = [
        Finding("AC201", Severity.WARNING, "Say what `changes`.", "Run `sipgen explain AC201`.", sheet="Actions"),
        Finding("WB004", Severity.ERROR, "Not a date.", "Type a date.", sheet="Actions"),
    ]
    rows = build_view(plan, findings, dt.date(2026, 11, 1))["findings"]
    assert [r["code"] for r in rows] == ["WB004", "AC201"]
    assert "`" not in str(rows[1]["message"]) + str(rows[1]["hint"])


def test_empty_columns_are_left_out(build, minimal):
    out = build(minimal)  # no action has a status or serves another priority; one organisation apart from CG
    headers = [[c.text for c in t.rows[0].cells] for t in Document(str(out)).tables]
    actions = next(h for h in headers if h[:2] == ["Ref", "Action"])
    assert "Also serves" not in actions and "Status" not in actions and "Cost" in actions
    minimal["actions"][0].update(status="Done", also_serves="P1")
    out = build(minimal)
    headers = [[c.text for c in t.rows[0].cells] for t in Document(str(out)).tables]
    actions = next(h for h in headers if h[:2] == ["Ref", "Action"])
    assert "Also serves" in actions and "Status" in actions
    assert _action_rows(out)["P1.1.1"][actions.index("Status")] == "Done"


@pytest.mark.parametrize("organisations, shown", [(("School", "School", "School"), False), (("School", "LA"), True)])
def test_the_organisation_column_only_when_people_come_from_more_than_one(build, minimal, organisations, shown):
    for person, organisation in zip(minimal["staff"], organisations, strict=False):
        person["organisation"] = organisation
    for person in minimal["staff"][len(organisations) :]:
        person["organisation"] = organisations[0]
    out = build(minimal)
    key = next(t for t in Document(str(out)).tables if t.rows[0].cells[0].text == "Initials")
    assert ("Organisation" in [c.text for c in key.rows[0].cells]) == shown


def test_the_latest_review_is_one_line_linking_to_the_log(build, minimal):
    minimal["reviews"] = [
        {
            "date": dt.date(2026, 10, 20),
            "ref": "P1",
            "reviewer": "CG",
            "rag": "Amber",
            "impact": "Phonics checks rose to 61% against 60%. Two groups still behind, see the tracker.",
            "adjustments": "Extra keep-up sessions for the two groups.",
        }
    ]
    out = build(minimal)
    text = document_text(out)
    assert "20 Oct 2026: Amber Phonics checks rose to 61% against 60%. The full entry is in the review log." in text
    assert "Two groups still behind" in text  # in the log, once
    assert text.count("Extra keep-up sessions") == 1
    xml = body_xml(out)
    anchor = xml.split('<w:hyperlink w:anchor="log_')[1].split('"')[0]
    assert f'w:name="log_{anchor}"' in xml


def test_the_cover_gives_the_year_once_and_the_version_history(build, minimal):
    minimal["settings"]["history"] = "v1.0 14/10/2026 approved by the FGB\nv1.1 10/12/2026 autumn changes"
    paragraphs = [p.text for p in Document(str(build(minimal))).paragraphs]
    cover = paragraphs[: paragraphs.index("Contents")]
    assert sum(text.count("2026-27") for text in cover) == 1
    history = cover.index("Version history")
    assert cover[history + 1 : history + 3] == ["v1.0 14/10/2026 approved by the FGB", "v1.1 10/12/2026 autumn changes"]


def test_the_logo_note_is_in_the_template_only(build, minimal):
    note = "Your logo: put it here with Insert > Pictures"
    assert note.replace(">", "&gt;") in part(ROOT / "templates" / "plan.docx", "word/document.xml")
    assert "Your logo" not in body_xml(build(minimal))


def test_paragraphs_keep_their_lines_together(build, minimal):
    styles = part(build(minimal), "word/styles.xml")
    normal = styles[styles.index('w:styleId="Normal"') :].split("</w:style>")[0]
    assert "<w:widowControl/>" in normal


def test_spent_that_is_not_money_is_told_how_to_fix_it_and_a_tbc_contingency_reads_tbc(
    build, tmp_path, write_plan, minimal
):
    from sipgen.checker import check_workbook

    minimal["actions"][0]["spent"] = "half of it"
    (found,) = [f for f in check_workbook(write_plan(minimal)).findings if f.code == "WB004"]
    assert found.cell == "K2" and "'half of it' is not an amount of money" in found.message
    assert "Resources" not in found.hint and "leave the cell blank" in found.hint
    del minimal["actions"][0]["spent"]
    minimal["settings"].update(budget=1000, contingency="TBC")
    assert "Planned costs £450; contingency TBC; budget allocated £1,000." in document_text(build(minimal))
