"""The KPI charts: native Word line charts whose XML, parts and data Word and LibreOffice accept."""

from __future__ import annotations

import io
import math
import re
import zipfile

import pytest
from lxml import etree

from sipgen.document.charts import CATEGORIES, add_charts, caption, kpi_charts, value_range
from sipgen.model import Kpi

from .conftest import ROOT, require_soffice

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
    """A KPI row as the reader makes it; ``autumn=`` is short for ``actual_autumn=``."""
    seasons = ("autumn", "spring", "summer")
    return Kpi(sheet="KPIs", row=2, kpi=name, **{f"actual_{k}" if k in seasons else k: v for k, v in values.items()})


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


def title_lines(chart) -> list[str]:
    """The title's text, a line for each a:p (a paragraph's runs joined)."""
    paragraphs = chart.iterfind("c:chart/c:title/c:tx/c:rich/a:p", NS)
    return ["".join(p.xpath(".//a:t/text()", namespaces=NS)) for p in paragraphs]


def extent(made) -> tuple[int, int]:
    found = etree.fromstring(str(made.drawing)).find(".//wp:extent", NS)
    return int(found.get("cx")), int(found.get("cy"))


LONG_NAME = (
    "Pupils persistently absent, missing ten per cent or more of possible sessions, in each year group, "
    "including disadvantaged pupils and pupils with SEND"
)


@pytest.mark.parametrize(
    "name",
    [
        LONG_NAME,
        "Pupils reaching the expected standard in reading, writing and mathematics combined at the end of KS2",
        # A word longer than a line stays whole; a hyphenated word is not split at its hyphen.
        "Re-engagement of https://example.org/a-very-long-address-that-is-one-word-of-many-characters pupils",
    ],
)
def test_a_long_name_is_wrapped_whole_over_title_lines_and_the_chart_grows_to_fit(name):
    assert len(LONG_NAME) == 150
    made, chart = only([kpi(name, baseline="60%", milestone_autumn="62%")])
    lines = title_lines(chart)
    assert " ".join(lines) == name and "…" not in "".join(lines)
    assert len(lines) >= 3 and all(len(line) <= 45 or " " not in line for line in lines)
    assert all(len(" ".join(pair)) > 45 for pair in zip(lines, lines[1:], strict=False))  # no line left short
    assert name in docpr(made).get("descr")
    # Each further line adds height, so the plot below is as tall as a one-line chart's.
    short, _ = only([kpi("Reading", baseline="60%", milestone_autumn="62%")])
    assert extent(made)[0] == extent(short)[0]
    assert extent(made)[1] - extent(short)[1] == round(0.4 * 360000) * (len(lines) - 1)


def test_a_short_name_is_one_title_line():
    _, chart = only([READING])
    assert title_lines(chart) == ["Reading at the expected standard"]


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


def document_with(charts, heading: str | None = "KPIs"):
    import docx

    document = docx.Document()
    if heading:
        document.add_paragraph(heading)
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


def pdf_fonts(node, seen=None) -> set[str]:
    """The base font names a PDF page uses, its form XObjects' (where a chart's text may be) included."""
    seen = set() if seen is None else seen
    node = node.get_object()
    if id(node) in seen or not hasattr(node, "get"):
        return set()
    seen.add(id(node))
    resources = node.get("/Resources")
    resources = resources.get_object() if resources is not None else {}
    found = {str(f.get_object().get("/BaseFont")) for f in resources.get("/Font", {}).values()}
    for xobject in resources.get("/XObject", {}).values():
        found |= pdf_fonts(xobject, seen)
    return found


def test_libreoffice_draws_the_title_whole_says_lower_is_better_and_sets_it_in_calibri(tmp_path):
    from pypdf import PdfReader

    from sipgen.pdf import export_pdf

    require_soffice()
    absence = kpi(LONG_NAME, baseline="17.8%", milestone_autumn="16%", autumn="16.5%", target="12.0%")
    path = tmp_path / "charts.docx"
    document_with(kpi_charts([absence]), heading=None).save(path)  # no body text: every font is the chart's
    export_pdf(path, tmp_path / "charts.pdf")
    page = PdfReader(str(tmp_path / "charts.pdf")).pages[0]
    text = " ".join((page.extract_text() or "").split())
    assert f"{LONG_NAME} Lower is better" in text
    # Calibri, or its metric twin Carlito where Calibri is not installed; never the serif fallback.
    fonts = pdf_fonts(page)
    assert fonts and all(re.search(r"(Calibri|Carlito)", font) for font in fonts), fonts


@pytest.mark.parametrize("percent", [False, True])
@pytest.mark.parametrize(
    "values",
    [
        [72, 68, 69, 78, 79, 85],
        [19.1, 18, 17.6, 19.5, 19.9, 21],
        [93.9, 95, 95.1, 94.9, 95],
        [17.8, 16, 14, 12, 16.5, 14.2],
        [5, 7, 9],
        [0, 0.5],
        [-3, 2],
        [40, 40],
        [0, 0],
        [98, 99.5, 100],
        [0, 80],
        [3, 97],
        [-250, 80],
        [1200, 1350, 1420],
    ],
)
def test_the_value_axis_holds_every_figure_on_round_steps_with_room_to_read_a_change(values, percent):
    bottom, top, step = value_range(values, percent=percent)
    low, high = min(values), max(values)
    # Every figure inside the axis: on its edge only at 0, or at 100 for a percentage.
    assert bottom < low or bottom == 0 == low
    assert top > high or (percent and top == 100 == high)
    assert 2 <= round((top - bottom) / step) <= 8
    for end in (bottom, top):
        assert abs(end / step - round(end / step)) < 1e-9
    assert round(step / 10 ** math.floor(math.log10(step)), 9) in (1, 2, 2.5, 5)
    if low >= 0:
        assert bottom >= 0
    fits = not (percent and 0 <= low and high <= 100)  # a percentage's window is at most 0-100
    if percent and high <= 100:
        assert top <= 100
    # Room to read a change: at least 1.6 times the figures' range, 10 points for a percentage.
    least = max(1.6 * (high - low), 10 if percent else 0)
    assert top - bottom >= (least if fits else min(least, 100)) - 1e-9


def test_a_small_change_in_a_percentage_is_drawn_small():
    # Attendance 93.9% to 95.1%: once an axis of 93.5-95.5%, where 1.2 points looked like a cliff.
    assert value_range([93.9, 95, 95.1, 94.9, 95], percent=True) == (90, 100, 2.5)
    # Not a percentage, the same figures need not span ten: 1.6 times their range will do.
    bottom, top, _ = value_range([93.9, 95, 95.1, 94.9, 95])
    assert 1.6 * 1.2 <= top - bottom < 10 and bottom > 90


def test_a_percentage_near_a_limit_shifts_the_window_rather_than_shrink_it():
    assert value_range([98, 99.5, 100], percent=True) == (90, 100, 2.5)
    assert value_range([0.5, 1, 2], percent=True) == (0, 10, 2.5)
    # A window that would need more than 0-100% is all of it, in steps a reader can count.
    assert value_range([0, 80], percent=True) == (0, 100, 20)
    # A percentage above 100 (a growth, a recovery rate) is not held under 100.
    assert value_range([90, 104], percent=True)[1] > 104


def test_a_trend_is_not_flattened_against_zero():
    bottom, _, _ = value_range([68, 69, 78, 79, 85])
    assert bottom >= 50
    bottom, _, _ = value_range([68, 69, 78, 79, 85], percent=True)
    assert bottom >= 50


def axis(chart) -> tuple[float, float]:
    scaling = chart.find(".//c:valAx/c:scaling", NS)
    return float(scaling.find("c:min", NS).get("val")), float(scaling.find("c:max", NS).get("val"))


def test_the_chart_axis_is_the_value_range_of_the_figures_drawn():
    attendance = kpi("Attendance", baseline="93.9%", autumn="95.0%", spring="95.1%", summer="94.9%", target="95.0%")
    assert axis(only([attendance])[1]) == (90, 100)
    # Whole numbers are not a percentage: their axis is not stretched to ten.
    score = kpi("Mean score", baseline="19.1", autumn="19.5", spring="19.9", target="21.0")
    assert axis(only([score])[1]) == value_range([19.1, 19.5, 19.9, 21.0])[:2] == (18, 22)


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


def test_a_measure_that_should_fall_says_lower_is_better_under_its_title():
    made, chart = only([ABSENCE])
    assert made.lower_is_better and title_lines(chart) == ["Persistent absence", "Lower is better"]
    # Smaller and quieter than the name above it.
    name, note = chart.iterfind("c:chart/c:title//a:rPr", NS)
    assert int(note.get("sz")) < int(name.get("sz")) and note.get("b") == "0" and name.get("b") == "1"
    made, chart = only([READING])
    assert not made.lower_is_better and "Lower is better" not in " ".join(title_lines(chart))
    # The rule is the one the judgements use: the target below the baseline, whatever the name says.
    assert only([kpi("Fixed-term exclusions", baseline="40", milestone_autumn="35", target="30")])[0].lower_is_better
    assert not only([kpi("Fixed-term exclusions", baseline="40", milestone_autumn="35")])[0].lower_is_better
    # A long name and the note: the note is a line of its own after the whole name.
    _, chart = only([kpi(LONG_NAME, baseline="17.8%", milestone_autumn="16%", autumn="16.5%", target="12.0%")])
    assert " ".join(title_lines(chart)[:-1]) == LONG_NAME and title_lines(chart)[-1] == "Lower is better"


def test_all_chart_text_is_in_the_documents_font():
    _, chart = only([ABSENCE])
    properties = chart.xpath(".//a:defRPr | .//a:rPr | .//a:endParaRPr", namespaces=NS)
    # The title's two lines (paragraph and run each), both axes, the legend and the chart as a whole.
    assert len(properties) >= 2 * 2 + 4 * 2
    for element in properties:
        children = [etree.QName(child).localname for child in element]
        assert [c for c in children if c in ("latin", "ea", "cs")] == ["latin", "ea", "cs"], children
        assert {child.get("typeface") for child in element if etree.QName(child).localname != "solidFill"} == {
            "Calibri"
        }
        # CT_TextCharacterProperties: the fill comes before the fonts.
        assert children.index("latin") > (children.index("solidFill") if "solidFill" in children else -1)
    for txpr in chart.iterfind(".//c:txPr", NS):
        assert txpr.find("a:p/a:pPr/a:defRPr/a:latin", NS) is not None


@pytest.fixture(scope="module")
def ooxml_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(ROOT / "tests" / "ooxml" / "sipgen-parts.xsd")))


@pytest.mark.parametrize(
    "measure",
    [
        READING,
        ABSENCE,
        VISITS,
        kpi(LONG_NAME, baseline="17.8%", milestone_autumn="16%", autumn="16.5%", target="12.0%"),
        kpi("Mean score", baseline="19.1", autumn="19.5", spring="19.9", target="21.0"),
        kpi("Visits logged", autumn="3", spring="5"),
    ],
)
def test_the_chart_part_is_valid_against_the_standards_schema(measure, ooxml_schema):
    """Word refuses chart XML that breaks dml-chart.xsd (e.g. a:latin before a:solidFill)."""
    _, chart = only([measure])
    ooxml_schema.assertValid(chart)


ITT = kpi("Trainees recommended for QTS (%)", baseline="95%", autumn="97%", spring="97%", target="98%")
# A measure followed without milestones or a target: only its figures are drawn.
UNPLANNED = kpi("Visits logged", baseline="2", autumn="3", spring="5")


def test_a_chart_records_what_it_draws():
    def drawn(made):
        flags = ("has_milestones", "has_target", "has_actuals", "dashed_line", "lower_is_better")
        return {flag for flag in flags if getattr(made, flag)}

    reading, absence, visits, itt, unplanned = kpi_charts([READING, ABSENCE, VISITS, ITT, UNPLANNED])
    assert drawn(reading) == {"has_milestones", "has_target", "has_actuals", "dashed_line"}
    assert drawn(absence) == {"has_milestones", "has_target", "has_actuals", "dashed_line", "lower_is_better"}
    assert drawn(visits) == {"has_milestones", "has_actuals", "dashed_line"}  # no target set
    # Baseline and target with nothing between: two grey marks, no dashed line.
    assert drawn(itt) == {"has_target", "has_actuals"}
    assert drawn(unplanned) == {"has_actuals"}
    (milestones_only,) = kpi_charts([kpi(milestone_autumn="4", milestone_spring="7")])
    assert drawn(milestones_only) == {"has_milestones", "dashed_line"}


def test_a_chart_with_nothing_planned_draws_no_grey_series():
    # Its grey series would be the baseline alone under the first actual, named "Target" in the legend.
    _, chart = only([UNPLANNED])
    assert list(series(chart)) == ["Actual"]
    assert points(series(chart)["Actual"]) == {0: 2, 1: 3, 2: 5}
    assert axis(chart)[0] < 2 and axis(chart)[1] > 5


def test_the_caption_promises_only_what_the_charts_draw():
    def said(*measures) -> str:
        return caption(kpi_charts(measures))

    assert said() == ""
    assert said(READING, ABSENCE) == (
        "Each KPI's figures across the year (solid line) against its milestones and target (dashed)."
    )
    assert said(VISITS) == "Each KPI's figures across the year (solid line) against its milestones (dashed)."
    assert said(ITT) == "Each KPI's figures across the year (solid line) against its target (grey marks)."
    assert said(UNPLANNED) == "Each KPI's figures across the year (solid line)."
    assert said(READING, UNPLANNED) == (
        "Each KPI's figures across the year (solid line) against its milestones and target (dashed), where set."
    )
    assert said(VISITS, ITT) == (
        "Each KPI's figures across the year (solid line) against its milestones and target (dashed), where set."
    )
    assert said(kpi(milestone_autumn="4", milestone_spring="7")) == (
        "Each KPI's milestones (dashed); no figures for the year yet."
    )
