"""The Word document: structure, links, content, safety and reproducibility."""

from __future__ import annotations

import copy
import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest
from docx import Document

from sipgen.checker import check_workbook
from sipgen.document import BuildError, build_document, parts
from sipgen.examples import load
from sipgen.progress import figure_text, judge
from sipgen.references import text_fields
from sipgen.rules.responsibilities import initials_used
from sipgen.states import headline_criterion

from .conftest import ROOT, require_soffice

SAMPLES = ROOT / "samples"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Settings that tune sipgen rather than describe the plan are not printed.
NOT_PRINTED = {"vague_verbs", "bland_resources", "rules_off", "layout", "plan_type"}


@pytest.fixture(scope="module", params=["primary", "itt"])
def built(request, tmp_path_factory):
    out = tmp_path_factory.mktemp("doc") / f"{request.param}.docx"
    result = build_document(SAMPLES / f"{request.param}.xlsx", out)
    return result


def body_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("word/document.xml").decode("utf-8")


def document_text(path: Path) -> str:
    xml = body_xml(path)
    xml = re.sub(r"<w:br/>|<w:tab/>|</w:p>", "<w:t> </w:t>", xml)  # a line or paragraph ends: a space
    text = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))
    import html

    return " ".join(html.unescape(text).split())


def test_headings_use_words_built_in_styles(built):
    document = Document(str(built.output))
    styles = [(p.style.name, p.text) for p in document.paragraphs]
    assert styles[1][0] == "Title" and styles[1][1] == built.check.plan.settings.organisation
    heading1 = [text for style, text in styles if style == "Heading 1"]
    for priority in built.check.plan.priorities:
        assert any(text.startswith(f"{priority.ref}  {priority.title}") for text in heading1)
    for part in ("Priorities at a glance", "Who does what", "Budget", "Key to initials", "Appendix: review log"):
        assert part in heading1
    settings = built.check.plan.settings
    assert document.core_properties.title == f"{settings.organisation}: {settings.title}"
    assert document.core_properties.author == built.check.plan.settings.organisation


def test_every_reference_is_a_bookmark_and_every_link_lands(built):
    xml = body_xml(built.output)
    bookmarks = set(re.findall(r'<w:bookmarkStart w:id="\d+" w:name="([^"]+)"', xml))
    anchors = set(re.findall(r'<w:hyperlink w:anchor="([^"]+)"', xml))
    plan = built.check.plan
    for ref in plan.by_ref:
        assert "ref_" + ref.replace(".", "_") in bookmarks, ref
    assert anchors and anchors <= bookmarks, anchors - bookmarks
    ids = re.findall(r'<w:bookmarkStart w:id="(\d+)"', xml)
    assert len(ids) == len(set(ids))
    assert all(len(name) <= 40 for name in bookmarks)


def test_references_typed_in_narrative_become_links(built):
    xml = body_xml(built.output)
    plan = built.check.plan
    mentioned = {
        m for _, _, text in text_fields(plan) for m in re.findall(r"\bP\d+(?:\.\d+)*\b", text) if m in plan.by_ref
    }
    linked = set(re.findall(r'<w:hyperlink w:anchor="ref_([^"]+)"', xml))
    assert {m.replace(".", "_") for m in mentioned} <= linked


def test_tables_repeat_headers_never_split_rows_and_priorities_are_landscape(built):
    document = Document(str(built.output))
    for table in document.tables:
        first = table.rows[0]._tr
        assert first.find(f"{W}trPr/{W}tblHeader") is not None
        for row in table.rows:
            assert row._tr.find(f"{W}trPr/{W}cantSplit") is not None
    orientations = [(s.page_width > s.page_height, round(s.page_width.mm)) for s in document.sections]
    # Cover and contents; the board summary; introduction to the key; the priorities, budget and appendices:
    # the page turns three times.
    assert orientations == [(False, 210), (True, 297), (False, 210), (True, 297)]


def test_rag_cells_are_shaded_and_worded(built):
    xml = body_xml(built.output)
    for rag, fill in (("Green", "B7E1B0"), ("Amber", "FFE199")):
        assert re.search(rf'w:fill="{fill}"/>.*?<w:t[^>]*>{rag}</w:t>', xml, re.S)


def test_key_lists_exactly_the_initials_used_and_the_log_every_review(built):
    document = Document(str(built.output))
    plan = built.check.plan
    used = {i.casefold() for _, _, i in initials_used(plan)}
    headers = [t for t in document.tables if t.rows[0].cells[0].text == "Initials"]
    [key] = headers
    listed = {row.cells[0].text.casefold() for row in key.rows[1:]}
    assert listed == used
    [log] = [t for t in document.tables if [c.text for c in t.rows[0].cells][:3] == ["Date", "Ref", "Reviewer"]]
    assert len(log.rows) - 1 == len(plan.reviews)


def test_every_text_cell_of_the_sample_is_in_the_document(built):
    text = document_text(built.output)
    plan = built.check.plan
    used = {i.casefold() for _, _, i in initials_used(plan)}
    missing = []
    for record, field, value in text_fields(plan):
        if field in NOT_PRINTED or (record.sheet == "Staff" and record.initials.casefold() not in used):
            continue
        if " ".join(value.split()) not in text:
            missing.append(f"{record.where(field)}: {value[:60]}")
    assert not missing, missing[:5]


def test_same_workbook_gives_the_same_bytes(tmp_path):
    first = build_document(SAMPLES / "primary.xlsx", tmp_path / "a.docx").output.read_bytes()
    second = build_document(SAMPLES / "primary.xlsx", tmp_path / "b.docx").output.read_bytes()
    assert first == second


def test_source_date_epoch_sets_the_document_time(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 1 Jan 2026
    out = build_document(SAMPLES / "primary.xlsx", tmp_path / "a.docx").output
    assert Document(str(out)).core_properties.created.year == 2026
    with zipfile.ZipFile(out) as archive:
        assert {info.date_time[:3] for info in archive.infolist()} == {(2026, 1, 1)}


def test_draft_mark_until_approved(tmp_path, write_plan, minimal):
    out = build_document(write_plan(minimal), tmp_path / "draft.docx", force=True).output
    assert "DRAFT: not yet approved by the governing board" in document_text(out)
    minimal["settings"]["approved_on"] = __import__("datetime").date(2026, 10, 14)
    minimal["settings"]["approval_minute"] = "FGB 14/10/26 item 5"
    out = build_document(write_plan(minimal, "approved.xlsx"), tmp_path / "approved.docx", force=True).output
    text = document_text(out)
    assert "DRAFT" not in text and "Approved by the governing board on 14 Oct 2026 (minute FGB 14/10/26 item 5)" in text


def test_user_text_is_data_never_template_or_xml(tmp_path, write_plan, minimal):
    hostile = 'Cost {{ 7*7 }} {% if 1 %}yes{% endif %} <w:p>&amp; & "quotes" < > — Ysgol Gymraeg ŵ ŷ، שלום 🎉'
    minimal["actions"][0]["action"] = "Train staff: " + hostile
    minimal["priorities"][0]["preface"] = "See P1.1 " + hostile
    out = build_document(write_plan(minimal), tmp_path / "plan.docx", force=True).output
    text = document_text(out)
    assert "Train staff: " + " ".join(hostile.split()) in text
    assert "49" not in text
    assert "See P1.1 " + " ".join(hostile.split()) in text
    Document(str(out))  # still a valid document


def test_a_template_that_reaches_for_python_is_refused(tmp_path):
    from docx import Document as New

    template = tmp_path / "evil.docx"
    document = New()
    document.add_paragraph("{{ ''.__class__.__mro__[1].__subclasses__() }}")
    document.save(template)
    out = tmp_path / "plan.docx"
    with pytest.raises(BuildError) as error:
        build_document(SAMPLES / "primary.xlsx", out, template=template)
    assert "evil.docx" in str(error.value) and "Nothing was run" in str(error.value)
    assert not out.exists()


def test_exported_template_builds_the_same_document(tmp_path):
    from typer.testing import CliRunner

    from sipgen.cli import app

    exported = tmp_path / "ours.docx"
    assert CliRunner().invoke(app, ["template", "export", str(exported)]).exit_code == 0
    a = build_document(SAMPLES / "primary.xlsx", tmp_path / "a.docx").output.read_bytes()
    b = build_document(SAMPLES / "primary.xlsx", tmp_path / "b.docx", template=exported).output.read_bytes()
    assert a == b


def test_errors_stop_the_build_unless_forced(tmp_path):
    with pytest.raises(BuildError) as error:
        build_document(SAMPLES / "weak.xlsx", tmp_path / "weak.docx")
    assert error.value.exit_code == 1 and "--force" in str(error.value)
    assert not (tmp_path / "weak.docx").exists()
    out = build_document(SAMPLES / "weak.xlsx", tmp_path / "weak.docx", force=True, with_findings=True).output
    text = document_text(out)
    assert "Appendix: open check findings" in text and "PR103" in text


def test_output_problems_are_clear_and_leave_nothing_behind(tmp_path, monkeypatch):
    import shutil

    plan = tmp_path / "plan.xlsx"
    shutil.copy(SAMPLES / "primary.xlsx", plan)
    before = plan.read_bytes()
    with pytest.raises(BuildError, match="never overwrites"):
        build_document(plan, plan)
    (tmp_path / "~$plan.docx").write_text("lock")
    with pytest.raises(BuildError, match="open in Word"):
        build_document(plan, tmp_path / "plan.docx")
    with pytest.raises(BuildError, match="does not exist"):
        build_document(plan, tmp_path / "nowhere" / "plan.docx")
    assert plan.read_bytes() == before

    from sipgen.document import render as render_module

    def fail_half_way(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(render_module, "fixed_zip", fail_half_way)
    with pytest.raises(RuntimeError):
        build_document(plan, tmp_path / "other.docx")
    assert list(tmp_path.glob("other*")) == [] and list(tmp_path.glob(".other*")) == []


def test_pdf_without_libreoffice_says_so(tmp_path, monkeypatch):
    from sipgen import pdf

    monkeypatch.setattr(pdf, "soffice", lambda: None)
    out = build_document(SAMPLES / "primary.xlsx", tmp_path / "plan.docx").output
    with pytest.raises(pdf.PdfError, match="LibreOffice is not installed"):
        pdf.export_pdf(out, tmp_path / "plan.pdf")
    assert not (tmp_path / "plan.pdf").exists()


@pytest.mark.parametrize("name", ["primary", "itt", "weak"])
def test_libreoffice_opens_each_sample_and_the_pdf_has_contents_and_links(name, tmp_path):

    from pypdf import PdfReader

    from sipgen import pdf

    require_soffice()
    out = build_document(SAMPLES / f"{name}.xlsx", tmp_path / f"{name}.docx", force=True).output
    made = pdf.export_pdf(out, tmp_path / f"{name}.pdf")
    reader = PdfReader(str(made))
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    plan = check_workbook(SAMPLES / f"{name}.xlsx").plan
    for priority in plan.priorities:
        assert " ".join(priority.title.split())[:40] in text, priority.ref
    links = sum(
        1 for page in reader.pages for a in (page.get("/Annots") or []) if a.get_object().get("/Subtype") == "/Link"
    )
    assert links > len(plan.priorities) * 3
    contents = reader.pages[1].extract_text()
    assert "Priorities at a glance" in contents and re.search(r"Priorities at a glance\.*\s*\d", contents)
    # No header word and no sum of money is broken across lines (fonts and widths hold on this machine).
    lines_text = "\n".join(page.extract_text() or "" for page in reader.pages)
    for word in {w for table in parts.TABLES for c in table.columns for w in c.header.split() if "{" not in w}:
        for cut in range(2, len(word) - 1):
            broken = rf"(?:^|\s){re.escape(word[:cut])}\n{re.escape(word[cut:])}(?:\s|$)"
            assert not re.search(broken, lines_text), f"{word!r} is broken after {word[:cut]!r}"
    cells = {c.text for t in Document(str(out)).tables for row in t.rows for c in row.cells}
    for figure in {f for text in cells for f in re.findall(r"£[\d,]*\d(?:\.\d\d)?", text)}:
        assert figure in lines_text, f"{figure} is split across lines"
    # Up to six priorities, the board summary is one landscape page naming each, with its trend and measure.
    pages = [" ".join((page.extract_text() or "").split()) for page in reader.pages]
    first = next(i for i, page in enumerate(pages) if "Board summary Where each priority stands" in page)
    box = reader.pages[first].mediabox
    assert box.width > box.height, "the board summary is on a landscape page"
    for priority in plan.priorities if len(plan.priorities) <= 6 else ():
        assert f"{priority.ref} {' '.join(priority.title.split())[:30]}" in pages[first], priority.ref
    if name == "primary":
        assert pages[first].count("Headline") == 1 and "from 72%, target 85%" in pages[first]
        assert "spent of" in pages[first] and "budget allocated" in pages[first]
        # Nothing of the summary spills over: the next page opens with the KPIs, below the running header.
        assert pages[first + 1].split(plan.settings.title, 1)[-1].strip().startswith("Key performance indicators")


def test_text_xml_cannot_hold_is_dropped():
    from sipgen.document.rich import clean, run

    assert clean("Bell\x07 and form\x0cfeed\x00") == "Bell and formfeed"
    assert run("a < b & {{ c }}") == '<w:r><w:t xml:space="preserve">a &lt; b &amp; {{ c }}</w:t></w:r>'


def test_committed_template_matches_its_source(tmp_path):
    from sipgen.document.template import build

    for name, kind in (("plan.docx", "plan"), ("report.docx", "report")):
        fresh = build(tmp_path / name, kind).read_bytes()
        assert fresh == (ROOT / "templates" / name).read_bytes(), "run: python -m sipgen.document.template"


def test_priority_summary_names_source_lead_and_link_governor(built):
    text = document_text(built.output)
    priority = built.check.plan.priorities[0]
    assert f"Source: {priority.source}" in text
    lead = built.check.plan.people[priority.lead[0]]
    # By name, initials in brackets: a governor reads the name, the initials lead to the key.
    assert f"Lead: {lead.name} ({lead.initials})" in text


def test_an_action_serving_another_priority_links_both_ways(built):
    plan = built.check.plan
    owner = {a.ref: o.priority for o in plan.objectives for a in o.actions}
    crossing = [(a, ref) for a in plan.actions for ref in a.also_serves if ref.split(".")[0] != owner.get(a.ref)]
    assert crossing, "the sample should have an action that also serves another priority"
    action, ref = crossing[0]
    xml = body_xml(built.output)
    target = ref.split(".")[0]
    assert f"Actions in other priorities that also serve {target}: " in document_text(built.output)
    assert f'w:anchor="ref_{action.ref.replace(".", "_")}"' in xml
    assert f'w:anchor="ref_{ref.replace(".", "_")}"' in xml


def test_each_actions_status_is_shown_in_its_row(tmp_path, write_plan, minimal):
    minimal["actions"][0]["status"] = "Done"
    minimal["actions"][1]["status"] = "late"
    out = build_document(write_plan(minimal), tmp_path / "plan.docx").output
    rows = [[c.text for c in row.cells] for table in Document(str(out)).tables for row in table.rows]
    by_ref: dict[str, list] = {}
    for row in rows:  # the action table comes before the timeline, whose rows start with the same refs
        if row and row[0].startswith("P1.1."):
            by_ref.setdefault(row[0], row)
    assert "Done" in by_ref["P1.1.1"] and "Late" in by_ref["P1.1.2"]


def _summary(path):
    document = Document(str(path))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Priority" and len(t.columns) in (6, 7))
    return [[c.text for c in row.cells] for row in table.rows[1:]]


def test_the_board_summary_reports_each_priority_at_the_as_of_date(tmp_path):
    out = tmp_path / "primary.docx"
    built = build_document(SAMPLES / "primary.xlsx", out, as_of=dt.date(2026, 3, 20))
    rows = _summary(out)
    plan = built.check.plan
    assert [row[0].split()[0] for row in rows] == sorted((p.ref for p in plan.priorities), key=lambda r: int(r[1:]))
    p1 = rows[0]
    assert "Lead: " in p1[1] and "Link governor: " in p1[1]
    # Reviews in date order, each RAG with its date: P1 was Green in December, Amber in March.
    assert p1[2].index("Green") < p1[2].index("Amber") and "9 Dec" in p1[2] and "17 Mar" in p1[2]
    headline = headline_criterion(plan, plan.priorities[0])
    state = judge(headline.actual_spring, headline.milestone_spring)
    assert p1[3].startswith(headline.ref) and f"from {figure_text(headline.baseline)}" in p1[3]
    spring = f"{figure_text(headline.actual_spring)} at spring against {figure_text(headline.milestone_spring)}"
    assert f"{spring}: {state}" in p1[3]
    assert f"target {figure_text(headline.target)}" in p1[3]
    assert "Planned costs £15,586 + contingency £914 = £16,500, the budget allocated." in document_text(out)
    assert "20 Mar 2026" in document_text(out)


def test_action_states_and_what_falls_due_before_the_next_meeting(tmp_path, write_plan, minimal):
    minimal["settings"]["next_meeting"] = dt.date(2026, 12, 10)
    actions = minimal["actions"]
    actions[0].update(due=dt.date(2026, 9, 30), status="")  # overdue on 1 Nov
    actions[1].update(start=dt.date(2026, 11, 2), due=dt.date(2026, 11, 20), status="On track")  # due before 10 Dec
    actions.append(dict(actions[1], ref="P1.1.3", due=dt.date(2026, 9, 1), status="Done"))
    actions.append(dict(actions[1], ref="P1.1.4", due=dt.date(2027, 1, 20), status=""))  # after the meeting
    actions.append(dict(actions[1], ref="P1.1.5", due=dt.date(2026, 10, 1), status="Dropped"))
    out = build_document(write_plan(minimal), tmp_path / "plan.docx", force=True, as_of=dt.date(2026, 11, 1)).output
    (row,) = _summary(out)
    assert row[5] == "1 done, 2 on track, 1 overdue, 1 dropped"
    assert row[6] == "By 10 Dec 2026: 1 action: P1.1.2"


def test_kpi_figures_sit_beside_their_milestones_and_are_shaded_by_state(tmp_path, write_plan, minimal):
    minimal["kpis"] = [
        {
            "kpi": "Attendance (%)",
            "ref": "P1",
            "baseline": "93%",
            "milestone_autumn": "95%",
            "actual_autumn": "95.2%",
            "milestone_spring": "95%",
            "actual_spring": "94.5%",
            "target": "96%",
        },
        {
            "kpi": "Persistent absence (%)",
            "ref": "P1",
            "baseline": "18%",
            "milestone_autumn": "16%",
            "actual_autumn": "17.5%",
            "target": "12%",
        },
    ]
    out = build_document(write_plan(minimal), tmp_path / "plan.docx").output
    document = Document(str(out))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "KPI")
    cells = {(r, c): table.rows[r].cells[c] for r in (1, 2) for c in (3, 4)}
    assert "Milestone: 95% (met)" in cells[1, 3].text and "(close)" in cells[1, 4].text
    assert "Milestone: 16% (missed)" in cells[2, 3].text  # lower is better: 17.5% missed 16%

    def fill(cell):
        shd = cell._tc.find(f"{W}tcPr/{W}shd")
        return shd.get(f"{W}fill") if shd is not None else None

    assert (fill(cells[1, 3]), fill(cells[1, 4]), fill(cells[2, 3])) == ("B7E1B0", "FFE199", "F4B6B6")
    # The KPIs follow the board summary, before the introduction.
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings.index("Key performance indicators") == headings.index("Board summary") + 1


def test_the_timeline_shades_each_actions_months(tmp_path, write_plan, minimal):
    from sipgen.document.summary import SPAN_FILL

    actions = minimal["actions"]  # a 2026-27 plan
    actions[0].update(start="Aut2", due="Aut2", status="")  # a half-term: November and December
    actions[1].update(start=dt.date(2026, 11, 20), due=dt.date(2027, 2, 5), status="On track")  # across the new year
    actions.append(dict(actions[1], ref="P1.1.3", start="Termly", due="Ongoing"))  # an open timing: no months
    actions.append(dict(actions[1], ref="P1.1.4", start=dt.date(2026, 9, 7), due=dt.date(2026, 9, 30), status=""))
    minimal["reviews"] = [
        {
            "date": dt.date(2026, 12, 8),
            "ref": "P1",
            "reviewer": "CG",
            "rag": "Amber",
            "impact": "On track",
            "adjustments": "None needed",
        }
    ]
    out = build_document(write_plan(minimal), tmp_path / "plan.docx", as_of=dt.date(2026, 11, 1)).output
    document = Document(str(out))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Action" and len(t.columns) == 12)

    def fills(row):
        return [c._tc.find(f"{W}tcPr/{W}shd") for c in row.cells[1:]]

    def months(row, colour):
        return [
            table.rows[0].cells[i + 1].text
            for i, shd in enumerate(fills(row))
            if shd is not None and shd.get(f"{W}fill") == colour
        ]

    rows = {row.cells[0].text: row for row in table.rows[1:]}
    assert months(rows["P1.1.1"], SPAN_FILL) == ["Nov", "Dec"]
    assert months(rows["P1.1.2"], SPAN_FILL) == ["Nov", "Dec", "Jan", "Feb"]
    assert months(rows["P1.1.3 (Termly; Ongoing)"], SPAN_FILL) == []
    assert months(rows["P1.1.4"], "F4B6B6") == ["Sep"]  # overdue on 1 Nov: red
    assert [c.text for c in rows["Reviews"].cells[1:]].index("◆") == 3  # December


def test_a_priority_with_many_actions_gets_a_timeline_of_its_objectives(tmp_path, write_plan, minimal):
    from sipgen.document.summary import TIMELINE_MAX_ACTIONS

    template = minimal["actions"][0]
    minimal["objectives"].append(dict(minimal["objectives"][0], ref="P1.2", title="Reading at home"))
    minimal["actions"] = [
        dict(
            template,
            ref=f"P1.{1 + n % 2}.{n}",
            objective=f"P1.{1 + n % 2}",
            start=dt.date(2026, 9 + n % 3, 7),
            due=dt.date(2026, 10 + n % 3, 20),
            status="",
        )
        for n in range(1, TIMELINE_MAX_ACTIONS + 3)
    ]
    out = build_document(write_plan(minimal), tmp_path / "plan.docx", as_of=dt.date(2026, 9, 1)).output
    table = next(t for t in Document(str(out)).tables if t.rows[0].cells[0].text == "Action" and len(t.columns) == 12)
    assert [row.cells[0].text for row in table.rows[1:]] == ["P1.1", "P1.2"]
    assert [c.text for c in table.rows[0].cells[1:4]] == ["Sep", "Oct", "Nov"]


@pytest.mark.parametrize(
    "costs, spent, words",
    [
        ((500, 300), (None, None), "£800 planned"),
        ((500, 300), (550, None), "£550 spent of £800"),
        ((500, 300), (600, 300), "£900 spent of £800 (£100 over)"),
        ((500, None), (0, None), "£0 spent of £500"),  # spending recorded as nothing yet
        ((500, "TBC"), (600, None), "£600 spent of £500 + 1 cost TBC"),  # not "over": the TBC may cover it
    ],
)
def test_spend_against_plan(costs, spent, words):
    from sipgen.document.summary import spend
    from sipgen.model import Action

    actions = [
        Action(
            sheet="Actions",
            row=n,
            ref=f"P1.1.{n}",
            cost=None if cost == "TBC" else cost,
            spent=paid,
            pending={"cost"} if cost == "TBC" else set(),
        )
        for n, (cost, paid) in enumerate(zip(costs, spent, strict=True), start=2)
    ]
    assert spend(actions) == words


def test_the_summary_shows_spending_and_the_budget_note_totals_it(tmp_path, write_plan, minimal):
    minimal["settings"].update(budget=1000, contingency=100)
    minimal["actions"][0].update(cost=500, spent=520)
    minimal["actions"][1].update(cost=300)
    out = build_document(write_plan(minimal), tmp_path / "plan.docx", as_of=dt.date(2026, 11, 1)).output
    (row,) = _summary(out)
    assert row[4] == "£520 spent of £800"
    assert "Planned costs £800 + contingency £100 = £900; budget allocated £1,000: £100 left unallocated." in (
        document_text(out)
    )
    assert "£520 spent of £800 so far." in document_text(out)


def _rated(data, rag, spring_actual):
    """P1's spring review rated ``rag``, with SC2's spring actual set (its milestone is 68%)."""
    review = next(r for r in data["reviews"] if r["ref"] == "P1" and r["date"] == dt.date(2026, 3, 17))
    review["rag"] = rag
    next(c for c in data["criteria"] if c["ref"] == "SC2")["actual_spring"] = spring_actual
    return data


@pytest.mark.parametrize(
    "rag, actual, shown",
    [
        ("Green", "60%", "But the spring measures: SC2 60% against 68% score 32 or more (missed)"),
        ("Red", "70%", "But every spring measure met its milestone"),
        ("Amber", "60%", None),  # the rating fits a miss
        ("Green", "68%", None),  # exactly on the milestone is met: Green fits
        ("Green", "on track", None),  # text is not judged
    ],
)
def test_the_summary_shows_the_measures_beside_a_rating_they_contradict(tmp_path, write_plan, rag, actual, shown):
    data = _rated(copy.deepcopy(load("primary")), rag, actual)
    out = build_document(write_plan(data), tmp_path / "plan.docx", as_of=dt.date(2026, 7, 1)).output
    trend = " ".join(_summary(out)[0][2].split())
    assert f"{rag} 17 Mar" in trend
    if shown:
        assert shown in trend
    else:
        assert "But " not in trend


def test_the_cover_says_the_date_progress_is_reported_at(tmp_path, write_plan, minimal):
    out = build_document(write_plan(minimal), tmp_path / "plan.docx", as_of=dt.date(2026, 11, 1)).output
    assert "Progress reported as at 1 Nov 2026" in document_text(out)


def test_each_kpi_with_figures_gets_a_native_chart_with_alt_text(tmp_path):
    out = build_document(SAMPLES / "primary.xlsx", tmp_path / "plan.docx", as_of=dt.date(2026, 7, 1)).output
    archive = zipfile.ZipFile(out)
    charts = sorted(n for n in archive.namelist() if n.startswith("word/charts/chart"))
    plan = check_workbook(SAMPLES / "primary.xlsx").plan
    assert len(charts) == len(plan.kpis) == 6
    xml = body_xml(out)
    for kpi in plan.kpis:
        assert f'descr="Line chart of {kpi.kpi}' in xml
    assert "Each KPI's figures across the year" in document_text(out)


def test_a_plan_without_kpi_figures_has_no_charts(tmp_path, write_plan, minimal):
    minimal["kpis"] = [{"kpi": "Parent survey", "ref": "P1", "baseline": "positive", "target": "more positive"}]
    out = build_document(write_plan(minimal), tmp_path / "plan.docx").output
    assert not [n for n in zipfile.ZipFile(out).namelist() if "charts/" in n]
    assert "Each KPI's figures across the year" not in document_text(out)


def test_a_long_title_is_cut_at_a_word_in_the_summary_only():
    from sipgen.document.summary import TITLE_LIMIT, shortened

    title = "Improve writing across the whole school so that all pupils write at length in every subject " * 3
    cut = shortened(title)
    assert len(cut) <= TITLE_LIMIT + 2 and cut.endswith(" …") and title.startswith(cut[:-2])
    assert shortened("Improve reading") == "Improve reading"


def test_the_headline_measure_skips_criteria_without_figures(tmp_path, write_plan, minimal):
    criterion = {"parent": "P1", "criterion": "Pupils reading at the expected standard", "kind": "Impact"}
    minimal["criteria"] = [
        dict(criterion, ref="SC1", baseline="Some teachers", target="All teachers"),
        dict(criterion, ref="SC2", baseline="40%", target="60%"),
    ]
    out = build_document(write_plan(minimal), tmp_path / "plan.docx", force=True).output
    (row,) = _summary(out)
    assert row[3].startswith("SC2 ") and "from 40%" in row[3] and "target 60%" in row[3]
    assert "not yet measured" in row[3].lower()


def _action_rows(path) -> dict[str, list[str]]:
    """Each action's row in its table, by reference (the timeline, later, has rows with the same refs)."""
    rows: dict[str, list[str]] = {}
    for table in Document(str(path)).tables:
        if table.rows[0].cells[0].text == "Ref" and table.rows[0].cells[1].text == "Action":
            for row in table.rows[1:]:
                rows.setdefault(row.cells[0].text, [c.text for c in row.cells])
    return rows


@pytest.mark.parametrize("typed", ["TBC", "tbc - awaiting quote", "To be confirmed", "TBA"])
def test_a_cost_marked_tbc_reads_tbc_and_is_left_out_of_the_totals(tmp_path, write_plan, minimal, typed):
    minimal["actions"][0].update(cost=typed)
    minimal["actions"][1].update(cost=250)
    result = check_workbook(write_plan(minimal))
    assert not [f for f in result.findings if f.code == "WB004"]
    action = result.plan.actions[0]
    assert action.cost is None and action.pending == {"cost"}
    out = build_document(write_plan(minimal), tmp_path / "plan.docx", as_of=dt.date(2026, 11, 1)).output
    rows = _action_rows(out)
    assert rows["P1.1.1"][5] == "TBC" and rows["P1.1.2"][5] == "£250"
    assert "£250 + 1 cost TBC" in document_text(out)


@pytest.mark.parametrize("typed", ["£300 TBC", "about 300, tbc"])
def test_a_tbc_cost_with_a_figure_is_not_quietly_dropped(write_plan, minimal, typed):
    minimal["actions"][0].update(cost=typed)
    result = check_workbook(write_plan(minimal))
    assert [f.cell for f in result.findings if f.code == "WB004"] == [result.plan.actions[0].cell("cost")]


def test_no_cost_reads_as_a_dash_not_pounds_nought(tmp_path, write_plan, minimal):
    minimal["actions"][0].update(cost=0, resources="No cost: within staff meetings")
    out = build_document(write_plan(minimal), tmp_path / "plan.docx").output
    rows = _action_rows(out)
    assert rows["P1.1.1"][5] == "—"


def test_no_table_leaves_one_row_overleaf(built):
    """Each table's last two rows travel together; a short table is kept whole with its heading."""
    document = Document(str(built.output))
    checked = 0
    for table in document.tables:
        if len(table.rows) < 3:
            continue
        second_last = table.rows[-2]._tr
        paragraphs = second_last.findall(f".//{W}p")
        assert paragraphs and all(p.find(f"{W}pPr/{W}keepNext") is not None for p in paragraphs)
        checked += 1
    assert checked >= 5
    monitoring = [t for t in document.tables if t.rows[0].cells[1].text == "How"]
    assert monitoring and all(
        p.find(f"{W}pPr/{W}keepNext") is not None for t in monitoring for p in t.rows[1]._tr.findall(f".//{W}p")
    )
