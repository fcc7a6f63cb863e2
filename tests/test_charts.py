"""The KPI charts: native Word line charts whose XML, parts and data Word and LibreOffice accept."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from lxml import etree

from sipgen.document.charts import CATEGORIES, add_charts, kpi_charts
from sipgen.model import Kpi

from .conftest import require_soffice

NS = {
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
}
CHART_CT = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
XLSX_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def kpi(name="Reading at the expected standard", **values) -> Kpi:
    return Kpi(sheet="KPIs", row=2, kpi=name, **values)


READING = kpi(
    baseline="62%",
    milestone_autumn="64%",
    autumn="63%",
    milestone_spring="66%",
    spring="67%",
    milestone_summer="70%",
    target="70%",
)
ABSENCE = kpi(
    "Persistent absence",
    baseline="14%",
    milestone_autumn="12%",
    autumn="12.5%",
    milestone_spring="11%",
    spring="10.5%",
    milestone_summer="10%",
    target="10%",
)
VISITS = kpi(
    "Governor visits", baseline="2", milestone_autumn="4", autumn="3", milestone_spring="7", milestone_summer="9"
)


def only(kpis) -> tuple:
    charts = kpi_charts(kpis)
    assert len(charts) == 1
    return charts[0], etree.fromstring(charts[0].chart_xml)


def points(series) -> dict[int, float]:
    return {
        int(p.get("idx")): float(p.findtext("c:v", namespaces=NS)) for p in series.iterfind(".//c:numCache/c:pt", NS)
    }


def series(chart) -> dict[str, etree._Element]:
    return {s.findtext("c:tx//c:v", namespaces=NS): s for s in chart.iterfind(".//c:ser", NS)}


def docpr(chart) -> etree._Element:
    return etree.fromstring(str(chart.drawing)).find(".//wp:docPr", NS)


def test_a_kpi_with_figures_gives_a_chart_of_its_milestones_and_actuals():
    made, chart = only([READING])
    assert (made.number, made.rid) == (1, "rIdSipgenChart1")
    lines = series(chart)
    assert list(lines) == ["Milestone", "Actual"]
    for line in lines.values():
        assert [p.findtext("c:v", namespaces=NS) for p in line.iterfind("c:cat//c:pt", NS)] == list(CATEGORIES)
        assert line.findtext("c:cat//c:f", namespaces=NS) == "Sheet1!$A$2:$A$5"
        assert line.find("c:val//c:ptCount", NS).get("val") == "4"
    assert points(lines["Milestone"]) == {0: 62, 1: 64, 2: 66, 3: 70}
    assert points(lines["Actual"]) == {0: 62, 1: 63, 2: 67}
    assert lines["Actual"].findtext("c:val//c:f", namespaces=NS) == "Sheet1!$C$2:$C$5"
    assert chart.find(".//c:dispBlanksAs", NS).get("val") == "gap"
    external = chart.find("c:externalData", NS)
    assert external.get(f"{{{NS['r']}}}id") == "rId1" and external.find("c:autoUpdate", NS).get("val") == "0"
    # Dashed grey milestone, solid accent actual: the two differ in black-and-white print too.
    assert lines["Milestone"].find("c:spPr/a:ln/a:prstDash", NS).get("val") == "dash"
    assert lines["Actual"].find("c:spPr/a:ln/a:prstDash", NS) is None
    assert lines["Actual"].find("c:spPr//a:srgbClr", NS).get("val") == "1F4E79"
    assert chart.find("c:chart/c:legend/c:legendPos", NS).get("val") == "b"
    assert chart.find(".//c:catAx/c:delete", NS).get("val") == "0"
    assert chart.find(".//c:view3D", NS) is None and chart.find(".//a:gradFill", NS) is None


def test_a_missing_actual_is_a_gap_not_a_zero():
    _, chart = only([kpi(baseline="5", milestone_autumn="6", autumn="", milestone_spring="7", spring="7.5")])
    assert points(series(chart)["Actual"]) == {0: 5, 2: 7.5}


@pytest.mark.parametrize(
    "values",
    [
        {"baseline": "on track", "milestone_autumn": "on track", "autumn": "good progress"},
        {"baseline": "40%", "milestone_autumn": "TBC", "autumn": ""},
        {"milestone_summer": "9"},
        {},
    ],
)
def test_a_kpi_with_fewer_than_two_figures_gets_no_chart(values):
    assert kpi_charts([kpi(**values)]) == []


def test_charts_are_numbered_in_turn_skipping_kpis_without_one():
    charts = kpi_charts([READING, kpi(baseline="on track"), VISITS], first_number=3)
    assert [(c.number, c.rid) for c in charts] == [(3, "rIdSipgenChart3"), (4, "rIdSipgenChart4")]
    ids = [docpr(c).get("id") for c in charts]
    assert len(set(ids)) == 2 and all(int(i) > 5000 for i in ids)
    assert [docpr(c).get("name") for c in charts] == ["Chart 3", "Chart 4"]


def test_user_text_in_names_stays_text():
    name = 'Reading & writing <KS2> "combined" </w:t>'
    made, chart = only([kpi(name, baseline="1", milestone_autumn="2 & <3>")])
    assert chart.findtext("c:chart/c:title//a:t", namespaces=NS) == name
    assert docpr(made).get("descr").startswith(f"Line chart of {name}: baseline 1; autumn milestone 2 & <3>")
    run = etree.fromstring(str(made.drawing))
    assert run.tag == f"{{{NS['w']}}}r" and len(run.findall(".//w:t", NS)) == 0
    assert run.find(".//c:chart", NS).get(f"{{{NS['r']}}}id") == made.rid


def test_a_very_long_name_is_shortened_in_the_title_but_not_the_alt_text():
    name = "Pupils reaching the expected standard in reading, writing and mathematics combined at the end of KS2"
    made, chart = only([kpi(name, baseline="60%", milestone_autumn="62%")])
    title = chart.findtext("c:chart/c:title//a:t", namespaces=NS)
    assert title.endswith("…") and len(title) <= 60 and name.startswith(title[:-1])
    assert name in docpr(made).get("descr")


def test_the_alt_text_says_what_the_chart_shows():
    (absence,) = kpi_charts([ABSENCE])
    assert docpr(absence).get("descr") == (
        "Line chart of Persistent absence: baseline 14%; autumn milestone 12%, actual 12.5% (close); "
        "spring milestone 11%, actual 10.5% (met); summer milestone 10%, no figure yet; target 10%. Lower is better."
    )
    rising = kpi(baseline="50%", milestone_autumn="60%", autumn="52%", spring="on track", target="70%")
    descr = docpr(kpi_charts([rising])[0]).get("descr")
    assert "autumn milestone 60%, actual 52% (missed)" in descr
    assert "spring no milestone, actual on track;" in descr
    assert "Lower is better" not in descr


def test_percent_labels_only_for_percentages():
    def value_format(made) -> str:
        return made[1].find(".//c:valAx/c:numFmt", NS).get("formatCode")

    percent = value_format(only([READING]))
    # Shown with a % sign, not Excel's percentage format (which would show 62 as 6200%).
    assert percent.endswith('"%"') and "0%" not in percent.replace('"%"', "")
    assert "%" not in value_format(only([VISITS]))


def test_chart_xml_follows_the_schema_order():
    """Word rejects chart XML whose elements are out of the schema's order (dml-chart.xsd)."""
    order = {
        "chartSpace": "date1904 lang roundedCorners style clrMapOvr pivotSource protection chart spPr txPr "
        "externalData printSettings userShapes extLst",
        "chart": "title autoTitleDeleted pivotFmts view3D floor sideWall backWall plotArea legend plotVisOnly "
        "dispBlanksAs showDLblsOverMax extLst",
        "lineChart": "grouping varyColors ser dLbls dropLines hiLowLines upDownBars marker smooth axId extLst",
        "ser": "idx order tx spPr marker dPt dLbls trendline errBars cat val smooth extLst",
        "catAx": "axId scaling delete axPos majorGridlines minorGridlines title numFmt majorTickMark minorTickMark "
        "tickLblPos spPr txPr crossAx crosses crossesAt auto lblAlgn lblOffset tickLblSkip tickMarkSkip "
        "noMultiLvlLbl extLst",
        "valAx": "axId scaling delete axPos majorGridlines minorGridlines title numFmt majorTickMark minorTickMark "
        "tickLblPos spPr txPr crossAx crosses crossesAt crossBetween majorUnit minorUnit dispUnits extLst",
        "legend": "legendPos legendEntry layout overlay spPr txPr extLst",
        "marker": "symbol size spPr extLst",
    }
    _, chart = only([READING])
    for element in chart.iter(f"{{{NS['c']}}}*"):
        name = etree.QName(element).localname
        if name not in order or (name == "marker" and element.getparent().tag.endswith("lineChart")):
            continue
        children = [etree.QName(child).localname for child in element]
        expected = order[name].split()
        assert all(child in expected for child in children), (name, children)
        positions = [expected.index(child) for child in children]
        assert positions == sorted(positions), (name, children)


def document_with(charts):
    import docx

    document = docx.Document()
    document.add_paragraph("KPIs")
    for chart in charts:
        document.add_paragraph()._p.append(etree.fromstring(str(chart.drawing)))
    add_charts(document, charts)
    return document


def test_add_charts_makes_a_document_with_the_parts_word_needs(tmp_path):
    import docx
    import openpyxl

    charts = kpi_charts([READING, ABSENCE, VISITS])
    path = tmp_path / "charts.docx"
    document_with(charts).save(path)
    reopened = docx.Document(str(path))
    related = {rid: rel.target_part.partname for rid, rel in reopened.part.rels.items()}
    archive = zipfile.ZipFile(path)
    types = etree.fromstring(archive.read("[Content_Types].xml"))
    rels = etree.fromstring(archive.read("word/_rels/document.xml.rels"))
    overrides = {o.get("PartName"): o.get("ContentType") for o in types}
    for chart in charts:
        (rel,) = [r for r in rels if r.get("Id") == chart.rid]
        assert rel.get("Type") == "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"
        part = f"/word/{rel.get('Target')}"
        assert related[chart.rid] == part and overrides[part] == CHART_CT
        assert archive.read(part.lstrip("/")) == chart.chart_xml
        chart_rels = etree.fromstring(archive.read(part.replace("charts/", "charts/_rels/").lstrip("/") + ".rels"))
        (book,) = [r for r in chart_rels if r.get("Id") == "rId1"]
        assert book.get("Type") == "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package"
        assert book.get("Target").startswith("../embeddings/") and book.get("Target").endswith(".xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(archive.read("word/" + book.get("Target")[3:])))["Sheet1"]
        rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=1, max_row=5, max_col=3)]
        assert rows[0] == [None, "Milestone", "Actual"] and [r[0] for r in rows[1:]] == list(CATEGORIES)
        chart_series = series(etree.fromstring(chart.chart_xml))
        assert {i: r[1] for i, r in enumerate(rows[1:]) if r[1] is not None} == points(chart_series["Milestone"])
        assert {i: r[2] for i, r in enumerate(rows[1:]) if r[2] is not None} == points(chart_series["Actual"])
    assert any(t.get("Extension") == "xlsx" and t.get("ContentType") == XLSX_CT for t in types) or (
        sum(ct == XLSX_CT for ct in overrides.values()) == len(charts)
    )
    assert len(reopened.inline_shapes) == len(charts)


def test_add_charts_refuses_a_relationship_id_already_taken():
    charts = kpi_charts([READING])
    document = document_with(charts)
    with pytest.raises(ValueError, match="rIdSipgenChart1"):
        add_charts(document, charts)


def test_the_chart_is_the_same_bytes_each_build():
    assert kpi_charts([READING, VISITS]) == kpi_charts([READING, VISITS])


def test_the_drawing_goes_into_a_docxtpl_template_as_a_run(tmp_path):
    import docx
    from docxtpl import DocxTemplate

    template = docx.Document()
    template.add_paragraph("{{r chart.drawing }}")
    template.save(tmp_path / "template.docx")
    (chart,) = kpi_charts([kpi('A & "B"', baseline="1", milestone_autumn="2")])
    rendered = DocxTemplate(str(tmp_path / "template.docx"))
    rendered.render({"chart": chart}, autoescape=True)
    add_charts(rendered.docx, [chart])
    rendered.save(tmp_path / "out.docx")
    reopened = docx.Document(str(tmp_path / "out.docx"))
    (shape,) = reopened.inline_shapes
    assert shape._inline.docPr.get("descr").startswith('Line chart of A & "B"')
    assert reopened.part.rels[chart.rid].target_part.content_type == CHART_CT


def test_libreoffice_draws_the_charts(tmp_path):
    from pypdf import PdfReader

    from sipgen.pdf import export_pdf

    require_soffice()
    path = tmp_path / "charts.docx"
    document_with(kpi_charts([READING, VISITS])).save(path)
    export_pdf(path, tmp_path / "charts.pdf")  # as `sipgen build --pdf` makes it
    text = " ".join((PdfReader(str(tmp_path / "charts.pdf")).pages[0].extract_text() or "").split())
    for label in ("Reading at the expected standard", "Governor visits", *CATEGORIES, "Milestone", "Actual"):
        assert label in text, label
    # The value axis of the percentage chart is labelled in % (the figures are 62, not 0.62).
    assert re.search(r"\b[5-8]\d%", text) and "0.6" not in text


@pytest.mark.parametrize(
    "values",
    [
        [72, 68, 69, 78, 79, 85],
        [19.1, 18, 17.6, 19.5, 19.9, 21],
        [93.9, 95, 95.1],
        [5, 7, 9],
        [0, 0.5],
        [-3, 2],
        [40, 40],
    ],
)
def test_the_value_axis_holds_every_figure_on_round_steps(values):
    from sipgen.document.charts import value_range

    bottom, top, step = value_range(values)
    assert bottom < min(values) or bottom == 0 == min(values)
    assert top > max(values)
    assert 2 <= round((top - bottom) / step) <= 8
    assert abs(bottom / step - round(bottom / step)) < 1e-9
    if min(values) >= 0:
        assert bottom >= 0


def test_a_trend_is_not_flattened_against_zero():
    from sipgen.document.charts import value_range

    bottom, _, _ = value_range([68, 69, 78, 79, 85])
    assert bottom >= 50


def test_every_entry_of_the_embedded_workbook_carries_the_fixed_time():
    # Worksheets are written from temporary files; their time must not leak in (same plan, same bytes).
    from sipgen.document.charts import _STAMP

    (chart,) = kpi_charts([READING])
    entries = zipfile.ZipFile(io.BytesIO(chart.workbook)).infolist()
    assert any(e.filename.startswith("xl/worksheets/") for e in entries)
    assert {e.date_time for e in entries} == {_STAMP}


def test_the_planned_line_ends_at_the_target_and_is_named_target_without_milestones():
    # An ITT partnership's KPIs often have a baseline, actuals and a target, but no milestones.
    _, chart = only([kpi("Trainees recommended for QTS (%)", baseline="95%", autumn="97%", spring="97%", target="98%")])
    lines = series(chart)
    assert list(lines) == ["Target", "Actual"]
    assert points(lines["Target"]) == {0: 95, 3: 98}
    # With milestones but none for the summer, the line still ends at the target.
    _, chart = only([kpi(baseline="40%", milestone_autumn="50%", autumn="52%", target="70%")])
    assert points(series(chart)["Milestone"]) == {0: 40, 1: 50, 3: 70}
