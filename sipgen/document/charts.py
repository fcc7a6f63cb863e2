"""Native Word line charts of each KPI's year: its actuals against its milestones.

The charts are DrawingML chart parts, not pictures: Word and LibreOffice draw them from the
numbers, so they print crisply at any size, stay editable in Word ("Edit data" opens the
embedded workbook), and need no plotting library (matplotlib alone would add ~0.4 s to a build).

Each chart is three things the caller puts in place:

- ``Chart.drawing``, a ``<w:r>`` run for the body (``{{r chart.drawing }}`` in the template);
- ``Chart.chart_xml`` and ``Chart.workbook``, added to the package by :func:`add_charts`,
  related from the main document part with ``Chart.rid`` so the run finds its chart.

Element order follows the ECMA-376 schema (dml-chart.xsd): Word rejects out-of-order chart XML
with a repair prompt, even where LibreOffice forgives it.
"""

from __future__ import annotations

import io
import math
import zipfile
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from markupsafe import Markup

from ..colours import ACCENT
from ..progress import POINTS, figure, goes_down, judge
from .rich import flat

C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
RT_CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"
RT_PACKAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package"
CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
CT_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# The milestone line: a mid grey, so the accent-coloured actual stands out and the two still
# differ in black-and-white print (the milestone is also dashed).
MILESTONE_GREY = "808080"
# Gridlines and the category axis line: light enough not to be read as data.
GRID_GREY = "D9D9D9"
CATEGORIES = ("Baseline", "Autumn", "Spring", "Summer")
EMU_PER_CM = 360000
# docPr ids must be unique in the document; a high base keeps clear of the template's drawings.
DOCPR_BASE = 5000
TITLE_LIMIT = 60
# The embedded workbook's saved time, and its zip entries' stamp: fixed, so builds reproduce.
_STAMP = (2000, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Chart:
    number: int  # 1, 2, ... unique in the document
    rid: str  # the relationship id the drawing uses, e.g. "rIdSipgenChart1"
    drawing: str  # one <w:r> holding the inline chart (a Markup, ready for docxtpl's {{r }})
    chart_xml: bytes  # the part /word/charts/chart{number}.xml
    workbook: bytes  # an embedded .xlsx holding the chart's data, so "Edit data" works in Word


def kpi_charts(kpis, first_number: int = 1, width_cm: float = 7.8, height_cm: float = 5.2) -> list[Chart]:
    """A chart for each KPI with at least two figures to draw (baseline/milestones/actuals); others are skipped."""
    charts = []
    for kpi in kpis:
        planned, milestone, actual = _series(kpi)
        if sum(v is not None for v in (*milestone, *actual[1:])) < 2:
            continue  # one point (or none) is no trend
        number = first_number + len(charts)
        fmt = _number_format(kpi)
        rid = f"rIdSipgenChart{number}"
        size = (round(width_cm * EMU_PER_CM), round(height_cm * EMU_PER_CM))
        charts.append(
            Chart(
                number=number,
                rid=rid,
                drawing=_drawing(number, rid, _alt_text(kpi), size),
                chart_xml=_chart_xml(_title(kpi), planned, milestone, actual, fmt),
                workbook=_workbook(planned, milestone, actual, fmt),
            )
        )
    return charts


def add_charts(docx, charts: list[Chart]) -> None:
    """Add each chart's part (and its embedded workbook part) to a python-docx Document.

    ``docx`` is docxtpl's ``.docx`` or a python-docx ``Document``. Each chart is related from the
    main document part with exactly ``chart.rid``, so the drawing runs already in the body resolve.
    Call it before the document is saved.
    """
    from docx.opc.part import Part

    document = docx.part
    package = document.package
    for chart in charts:
        if chart.rid in document.rels:
            raise ValueError(f"the document already has a relationship {chart.rid}")
        # Part names are free (only the rid is referenced), so a template's own charts cannot clash.
        chart_part = Part(package.next_partname("/word/charts/chart%d.xml"), CT_CHART, chart.chart_xml, package)
        document.rels.add_relationship(RT_CHART, chart_part, chart.rid)
        book_name = package.next_partname("/word/embeddings/Microsoft_Excel_Sheet%d.xlsx")
        chart_part.rels.add_relationship(RT_PACKAGE, Part(book_name, CT_XLSX, chart.workbook, package), "rId1")


def _series(kpi) -> tuple[str, list[float | None], list[float | None]]:
    """The planned line's name, the planned line and the actual line; both start at the baseline.

    The year ends at the target: with no summer milestone the planned line ends there, and a KPI
    with no milestones at all still shows where it is heading (its line is named "Target").
    """
    baseline = figure(kpi.baseline)
    milestone = [baseline, *(figure(text) for text in kpi.milestones)]
    named = "Milestone" if any(v is not None for v in milestone[1:]) else "Target"
    if milestone[-1] is None:
        milestone[-1] = figure(kpi.target)
    actual = [baseline, *(figure(text) for text in kpi.actuals)]
    return named, milestone, actual


def _number_format(kpi) -> str:
    """General, or General"%" when the school wrote percentages.

    The figures are plain numbers (62 for "62%"), so Excel's percentage format, which multiplies
    by 100, would be wrong. General rather than 0 so an axis stepping by 0.5 reads 10.5%, 11%.
    """
    texts = (kpi.baseline, *kpi.milestones, *kpi.actuals)
    percent = any("%" in text for text in texts if figure(text) is not None)
    return 'General"%"' if percent else "General"


def _title(kpi) -> str:
    name = flat(kpi.kpi) or flat(kpi.ref) or "KPI"
    if len(name) <= TITLE_LIMIT:
        return name
    # Cut at a word; the alt text and the KPI table carry the full name.
    cut = name[: TITLE_LIMIT - 1].rsplit(" ", 1)[0] or name[: TITLE_LIMIT - 1]
    return cut.rstrip(" ,;:-") + "…"


def _alt_text(kpi) -> str:
    """What the chart shows, as a sentence a screen reader user can use instead of it."""
    down = goes_down(kpi.baseline, kpi.target)
    baseline = flat(kpi.baseline)
    parts = [f"baseline {baseline}" if baseline else "no baseline"]
    for (point, _), milestone, actual in zip(POINTS, kpi.milestones, kpi.actuals, strict=True):
        milestone, actual = flat(milestone), flat(actual)
        said = f"{point} milestone {milestone}" if milestone else f"{point} no milestone"
        if actual:
            state = judge(actual, milestone, down)
            said += f", actual {actual}" + (f" ({state})" if state else "")
        else:
            said += ", no figure yet"
        parts.append(said)
    if flat(kpi.target):
        parts.append(f"target {flat(kpi.target)}")
    name = flat(kpi.kpi) or flat(kpi.ref) or "a KPI"
    return f"Line chart of {name}: " + "; ".join(parts) + "." + (" Lower is better." if down else "")


def _drawing(number: int, rid: str, alt: str, size: tuple[int, int]) -> str:
    """The inline run; it declares its own namespaces so it is valid wherever it lands."""
    cx, cy = size
    return Markup(
        f'<w:r xmlns:w="{W}" xmlns:wp="{WP}" xmlns:a="{A}" xmlns:c="{C}" xmlns:r="{R}">'
        '<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{DOCPR_BASE + number}" name="Chart {number}" descr={quoteattr(alt)}/>'
        "<wp:cNvGraphicFramePr/>"
        f'<a:graphic><a:graphicData uri="{C}"><c:chart r:id={quoteattr(rid)}/></a:graphicData></a:graphic>'
        "</wp:inline></w:drawing></w:r>"
    )


def _text_props(size: int, bold: bool = False) -> str:
    """A c:txPr setting the font size (hundredths of a point) of an axis or the legend."""
    weight = ' b="1"' if bold else ' b="0"'
    return (
        f'<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="{size}"{weight}/></a:pPr>'
        '<a:endParaRPr lang="en-GB"/></a:p></c:txPr>'
    )


def _line(colour: str, width: int, dash: str | None = None) -> str:
    """An a:ln (width in EMU): fill, then dash, then join, as CT_LineProperties orders them."""
    dashed = f'<a:prstDash val="{dash}"/>' if dash else ""
    fill = f'<a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>'
    return f'<a:ln w="{width}" cap="rnd">{fill}{dashed}<a:round/></a:ln>'


def _points(values: list[float | None], fmt: str) -> str:
    # A blank value has no c:pt at all: with dispBlanksAs="gap" it is a gap, not a zero.
    pts = "".join(f'<c:pt idx="{i}"><c:v>{v:.15g}</c:v></c:pt>' for i, v in enumerate(values) if v is not None)
    return f'<c:formatCode>{escape(fmt)}</c:formatCode><c:ptCount val="{len(values)}"/>{pts}'


def _ser_xml(index: int, name: str, values: list[float | None], fmt: str, colour: str, dash: str | None) -> str:
    """One c:ser in CT_LineSer order: idx, order, tx, spPr, marker, cat, val, smooth."""
    column = "BC"[index]
    cats = "".join(f'<c:pt idx="{i}"><c:v>{c}</c:v></c:pt>' for i, c in enumerate(CATEGORIES))
    symbol, size = ("dash", 9) if dash else ("circle", 6)
    return (
        f'<c:ser><c:idx val="{index}"/><c:order val="{index}"/>'
        f'<c:tx><c:strRef><c:f>Sheet1!${column}$1</c:f><c:strCache><c:ptCount val="1"/>'
        f'<c:pt idx="0"><c:v>{name}</c:v></c:pt></c:strCache></c:strRef></c:tx>'
        f"<c:spPr>{_line(colour, 28575 if not dash else 19050, dash)}</c:spPr>"
        f'<c:marker><c:symbol val="{symbol}"/><c:size val="{size}"/><c:spPr>'
        f'<a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>{_line(colour, 9525)}</c:spPr></c:marker>'
        f'<c:cat><c:strRef><c:f>Sheet1!$A$2:$A${len(CATEGORIES) + 1}</c:f><c:strCache><c:ptCount val="'
        f'{len(CATEGORIES)}"/>{cats}</c:strCache></c:strRef></c:cat>'
        f"<c:val><c:numRef><c:f>Sheet1!${column}$2:${column}${len(values) + 1}</c:f>"
        f"<c:numCache>{_points(values, fmt)}</c:numCache></c:numRef></c:val>"
        '<c:smooth val="0"/></c:ser>'
    )


def value_range(values: list[float]) -> tuple[float, float, float]:
    """(lowest, highest, step) of the value axis: the figures with a margin, on round numbers.

    Fixed rather than left to the office suite, which may start at zero and flatten a trend
    from 68% to 79% into a line near the top of the chart.
    """
    low, high = min(values), max(values)
    span = high - low or abs(high) * 0.2 or 1.0
    raw = span * 1.3 / 4  # about four gridlines over the figures and a margin
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    bottom = math.floor((low - span * 0.15) / step) * step
    if low >= 0:
        bottom = max(bottom, 0.0)  # a count or a percentage never goes below zero
    top = math.ceil((high + span * 0.15) / step) * step
    return bottom, top, step


def _axes_xml(fmt: str, values: list[float]) -> str:
    """The category axis, then the value axis, each in CT_CatAx / CT_ValAx order."""
    bottom, top, step = value_range(values)
    # Booleans are written out: CT_Boolean's default is true, so a bare <c:delete/> would hide the axis.
    return (
        '<c:catAx><c:axId val="500001"/><c:scaling><c:orientation val="minMax"/></c:scaling>'
        '<c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/>'
        '<c:majorTickMark val="none"/><c:minorTickMark val="none"/>'
        # "low" keeps the labels under the plot even when a figure is negative.
        f'<c:tickLblPos val="low"/><c:spPr>{_line(GRID_GREY, 9525)}</c:spPr>{_text_props(800)}'
        '<c:crossAx val="500002"/><c:crosses val="autoZero"/>'
        '<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>'
        '<c:valAx><c:axId val="500002"/><c:scaling><c:orientation val="minMax"/>'
        f'<c:max val="{top:g}"/><c:min val="{bottom:g}"/></c:scaling>'
        '<c:delete val="0"/><c:axPos val="l"/>'
        f"<c:majorGridlines><c:spPr>{_line(GRID_GREY, 6350)}</c:spPr></c:majorGridlines>"
        f'<c:numFmt formatCode={quoteattr(fmt)} sourceLinked="0"/>'
        '<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
        f"<c:spPr><a:ln><a:noFill/></a:ln></c:spPr>{_text_props(800)}"
        '<c:crossAx val="500001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/>'
        f'<c:majorUnit val="{step:g}"/></c:valAx>'
    )


def _chart_xml(title: str, planned: str, milestone: list[float | None], actual: list[float | None], fmt: str) -> bytes:
    """The chart part, in CT_ChartSpace order; c:chart in CT_Chart order; the plot in CT_LineChart order."""
    # The milestone first, so the actual is drawn over it where they meet.
    series = _ser_xml(0, planned, milestone, fmt, MILESTONE_GREY, "dash")
    series += _ser_xml(1, "Actual", actual, fmt, ACCENT, None)
    xml = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        f'<c:chartSpace xmlns:c="{C}" xmlns:a="{A}" xmlns:r="{R}">'
        # Word rounds the frame's corners unless told not to.
        '<c:date1904 val="0"/><c:lang val="en-GB"/><c:roundedCorners val="0"/>'
        "<c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p>"
        '<a:pPr><a:defRPr sz="900" b="1"/></a:pPr>'
        f'<a:r><a:rPr lang="en-GB" sz="900" b="1"/><a:t>{escape(title)}</a:t></a:r></a:p></c:rich></c:tx>'
        '<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>'
        '<c:plotArea><c:layout/><c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>'
        f'{series}<c:marker val="1"/><c:smooth val="0"/><c:axId val="500001"/><c:axId val="500002"/>'
        f"</c:lineChart>{_axes_xml(fmt, [v for v in (*milestone, *actual) if v is not None])}</c:plotArea>"
        f'<c:legend><c:legendPos val="b"/><c:overlay val="0"/>{_text_props(800)}</c:legend>'
        '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>'
        '<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>'
        f"{_text_props(800)}"
        # The data lives in the embedded workbook (the chart part's rId1); Word must not refresh it.
        '<c:externalData r:id="rId1"><c:autoUpdate val="0"/></c:externalData>'
        "</c:chartSpace>"
    )
    return xml.encode("utf-8")


class _StampedZip(zipfile.ZipFile):
    """A zip whose entries all carry one fixed time, so the embedded workbook's bytes reproduce."""

    def writestr(self, name, data, *args, **kwargs):
        if isinstance(name, str):
            name = zipfile.ZipInfo(name, date_time=_STAMP)
            name.compress_type = zipfile.ZIP_DEFLATED
        super().writestr(name, data, *args, **kwargs)

    def write(self, filename, arcname=None, *args, **kwargs):
        # openpyxl writes each worksheet from a temporary file, which would carry that file's time.
        with open(filename, "rb") as source:
            self.writestr(arcname or str(filename), source.read())


def _workbook(planned: str, milestone: list[float | None], actual: list[float | None], fmt: str) -> bytes:
    """The chart's data as an .xlsx, laid out as the chart's c:f references say (Sheet1!A1:C5)."""
    import datetime as dt

    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter

    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append([None, planned, "Actual"])
    for row, (category, planned, got) in enumerate(zip(CATEGORIES, milestone, actual, strict=True), start=2):
        sheet.append([category, planned, got])
        for column in "BC":
            sheet[f"{column}{row}"].number_format = fmt
    # openpyxl's save() stamps the time now; writing through ExcelWriter keeps this fixed one.
    book.properties.creator = "sipgen"
    book.properties.created = book.properties.modified = dt.datetime(*_STAMP)
    buffer = io.BytesIO()
    ExcelWriter(book, _StampedZip(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    return buffer.getvalue()
