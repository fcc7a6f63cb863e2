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
import textwrap
import zipfile
from dataclasses import dataclass
from itertools import pairwise
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
# Title lines are wrapped at words to about this many characters, which fit the default width at
# 9 pt; the name is never cut, so a governor reads the whole measure on the chart.
TITLE_WIDTH = 45
# Each title line past the first adds this much height, so every chart's plot keeps the same height
# and slopes compare fairly from chart to chart (a 9 pt line with its leading is about 0.4 cm).
TITLE_LINE_CM = 0.4
# The title's last line for a measure that should fall, so a falling line is not read as failure.
LOWER_IS_BETTER = "Lower is better"
# The document's font (sipgen.document.template.FONT): without it in every run's properties the
# chart text falls back to the office suite's default, a serif in LibreOffice. LibreOffice
# substitutes Calibri's metric twin Carlito, as it does for the body text.
FONT = "Calibri"
# The text of axes and legend, and the "Lower is better" line: a dark grey, quieter than the data.
LABEL_GREY = "595959"
# The title's own colour, said outright: else it takes the chart-wide grey in LibreOffice.
TITLE_COLOUR = "000000"
# The least span of a percentage's value axis, in percentage points: a 1.2-point change in
# attendance must not fill the chart and look like a cliff.
PERCENT_SPAN = 10.0
# The value axis spans at least this multiple of the figures' own range.
SPAN_FACTOR = 1.6
# The embedded workbook's saved time, and its zip entries' stamp: fixed, so builds reproduce.
_STAMP = (2000, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Chart:
    number: int  # 1, 2, ... unique in the document
    rid: str  # the relationship id the drawing uses, e.g. "rIdSipgenChart1"
    drawing: str  # one <w:r> holding the inline chart (a Markup, ready for docxtpl's {{r }})
    chart_xml: bytes  # the part /word/charts/chart{number}.xml
    workbook: bytes  # an embedded .xlsx holding the chart's data, so "Edit data" works in Word
    # What the chart draws, so the caption above the charts (see caption()) promises no more:
    has_milestones: bool = False  # a milestone figure is plotted
    has_target: bool = False  # the grey line's summer point is the target
    has_actuals: bool = False  # an actual figure past the baseline is plotted
    dashed_line: bool = False  # the grey series joins two points (else it is only marks)
    lower_is_better: bool = False  # the measure should fall; the title says so


def kpi_charts(kpis, first_number: int = 1, width_cm: float = 7.8, height_cm: float = 5.2) -> list[Chart]:
    """A chart for each KPI with at least two figures to draw (baseline/milestones/actuals); others are skipped.

    ``height_cm`` is the height of a chart with a one-line title; each further title line adds
    TITLE_LINE_CM, so the plots of all charts are the same height.
    """
    charts = []
    for kpi in kpis:
        planned, milestone, actual = _series(kpi)
        if sum(v is not None for v in (*milestone, *actual[1:])) < 2:
            continue  # one point (or none) is no trend
        charts.append(_chart(kpi, first_number + len(charts), (width_cm, height_cm), planned, milestone, actual))
    return charts


def _chart(kpi, number: int, size_cm: tuple[float, float], planned: str, milestone: list, actual: list) -> Chart:
    """One KPI's chart, numbered ``number``."""
    fmt = _number_format(kpi)
    rid = f"rIdSipgenChart{number}"
    down = goes_down(kpi.baseline, kpi.target)
    lines = _title_lines(kpi) + ([LOWER_IS_BETTER] if down else [])
    width_cm, height_cm = size_cm
    height_cm += TITLE_LINE_CM * (len(lines) - 1)
    size = (round(width_cm * EMU_PER_CM), round(height_cm * EMU_PER_CM))
    target = figure(kpi.target)
    # Only the baseline (no milestone, no target): a lone grey mark under the first actual, no series.
    draws_plan = any(v is not None for v in milestone[1:])
    return Chart(
        number=number,
        rid=rid,
        drawing=_drawing(number, rid, _alt_text(kpi), size),
        chart_xml=_chart_xml(lines, down, planned if draws_plan else None, milestone, actual, fmt),
        workbook=_workbook(planned, milestone, actual, fmt),
        has_milestones=planned == "Milestone",
        has_target=target is not None and milestone[-1] == target,
        has_actuals=any(v is not None for v in actual[1:]),
        dashed_line=draws_plan and _joined(milestone),
        lower_is_better=down,
    )


def _joined(values: list[float | None]) -> bool:
    """Whether two neighbouring points are both figures: with blanks shown as gaps, only then is a line drawn."""
    return any(a is not None and b is not None for a, b in pairwise(values))


def caption(charts: list[Chart]) -> str:
    """The sentence above the charts; it names only what some chart draws ("" for no charts).

    A target-only KPI's grey series is a baseline mark and a target mark with nothing between
    (a gap, not an invented line), so "dashed" is said only when some chart joins two grey points.
    """
    drawn = {"milestones": [c.has_milestones for c in charts], "target": [c.has_target for c in charts]}
    named = [word for word, flags in drawn.items() if any(flags)]
    planned = ""
    if named:
        style = "dashed" if any(c.dashed_line for c in charts) else "grey marks"
        planned = f"{' and '.join(named)} ({style})"
        # The sentence speaks of each KPI: say so when some KPI lacks what is named.
        if not all(all(drawn[word][i] for word in named) for i in range(len(charts))):
            planned += ", where set"
    if any(c.has_actuals for c in charts):
        figures = "Each KPI's figures across the year (solid line)"
        return f"{figures} against its {planned}." if planned else f"{figures}."
    return f"Each KPI's {planned}; no figures for the year yet." if planned else ""


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


def _title_lines(kpi) -> list[str]:
    """The whole name, wrapped at words into lines of about TITLE_WIDTH characters.

    Never cut: a name cut short can read as a different measure. Words are not broken (a longer
    word is a line of its own) and hyphens are not break points, so the lines joined by spaces
    are the name again.
    """
    name = flat(kpi.kpi) or flat(kpi.ref) or "KPI"
    return textwrap.wrap(name, TITLE_WIDTH, break_long_words=False, break_on_hyphens=False) or [name]


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


def _char_props(tag: str, size: int, bold: bool = False, colour: str | None = None) -> str:
    """An a:defRPr, a:rPr or a:endParaRPr in the document's font: CT_TextCharacterProperties orders
    its children ln, fill, effect, highlight, underline, then latin, ea, cs (a fill after the fonts
    is invalid). Size is in hundredths of a point."""
    lang = "" if tag == "defRPr" else ' lang="en-GB"'
    fill = f'<a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>' if colour else ""
    fonts = "".join(f'<a:{script} typeface="{FONT}"/>' for script in ("latin", "ea", "cs"))
    return f'<a:{tag}{lang} sz="{size}" b="{int(bold)}">{fill}{fonts}</a:{tag}>'


def _text_props(size: int) -> str:
    """A c:txPr setting the font, size and grey of an axis's labels, the legend or the whole chart."""
    return (
        f"<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>{_char_props('defRPr', size, colour=LABEL_GREY)}</a:pPr>"
        f"{_char_props('endParaRPr', size, colour=LABEL_GREY)}</a:p></c:txPr>"
    )


def _title_xml(lines: list[str], lower_is_better: bool) -> str:
    """The c:title: a paragraph per line, bold; "Lower is better" last, smaller and grey.

    (LibreOffice 7.4 draws a whole title in its first run's size and weight; Word keeps each run's.)
    """
    paragraphs = []
    for index, line in enumerate(lines):
        note = lower_is_better and index == len(lines) - 1
        style = {"size": 800, "colour": LABEL_GREY} if note else {"size": 900, "bold": True, "colour": TITLE_COLOUR}
        paragraphs.append(
            f"<a:p><a:pPr>{_char_props('defRPr', **style)}</a:pPr>"
            f"<a:r>{_char_props('rPr', **style)}<a:t>{escape(line)}</a:t></a:r></a:p>"
        )
    return (
        f"<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/>{''.join(paragraphs)}</c:rich></c:tx>"
        '<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>'
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


def _nice_step(raw: float) -> float:
    """The least round step (1, 2, 2.5 or 5 times a power of ten) of at least ``raw``."""
    magnitude = 10 ** math.floor(math.log10(raw))
    return next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw * (1 - 1e-9))


def value_range(values: list[float], percent: bool = False) -> tuple[float, float, float]:
    """(lowest, highest, step) of the value axis: the figures inside a window on round numbers.

    Fixed rather than left to the office suite, which may start at zero and flatten a trend, or
    hug the figures and make a 1.2-point change in attendance look like a cliff. So the window
    spans at least SPAN_FACTOR times the figures' range (PERCENT_SPAN points for a percentage),
    centred on them; it never goes below 0 for figures that are not negative, nor above 100% for
    percentages up to 100, and is shifted rather than shrunk to keep clear of those (only a
    percentage window that would need more than 0-100% is cut to 0-100%).
    """
    low, high = min(values), max(values)
    need = max(SPAN_FACTOR * (high - low), PERCENT_SPAN if percent else 0.0) or abs(high) * 0.2 or 1.0
    step = _nice_step(need / 4)  # about four gridlines
    steps = math.ceil(need / step - 1e-9)
    bottom = round(((low + high) / 2 - steps * step / 2) / step) * step
    top = bottom + steps * step
    # Rounding to the step may leave a figure on the edge; every figure is inside the axis.
    bottom -= step if bottom >= low else 0
    top += step if top <= high else 0
    if low >= 0 and bottom < 0:
        bottom, top = 0.0, top - bottom
    if percent and high <= 100 < top:
        bottom, top = bottom - (top - 100), 100.0
        if abs(100 / step - round(100 / step)) > 1e-9:  # a step over 100 would leave 100 off the grid
            step = 100.0
            bottom = math.floor(bottom / step) * step
        if low >= 0 and bottom < 0:
            bottom = 0.0  # the window would need more than all of 0-100%
            step = min(step, _nice_step(100 / 5))  # so gridlines every 20 points at most
    return float(round(bottom, 9)), float(round(top, 9)), float(step)


def _axes_xml(fmt: str, values: list[float]) -> str:
    """The category axis, then the value axis, each in CT_CatAx / CT_ValAx order."""
    bottom, top, step = value_range(values, percent=fmt.endswith('"%"'))
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


def _chart_xml(
    title: list[str],
    lower_is_better: bool,
    planned: str | None,
    milestone: list[float | None],
    actual: list[float | None],
    fmt: str,
) -> bytes:
    """The chart part, in CT_ChartSpace order; c:chart in CT_Chart order; the plot in CT_LineChart order.

    ``title`` is its lines (the last LOWER_IS_BETTER when ``lower_is_better``); ``planned`` is the
    grey series' name, or None to leave it out (it would be only the baseline, named as a target).
    """
    # The milestone first, so the actual is drawn over it where they meet.
    series = _ser_xml(0, planned, milestone, fmt, MILESTONE_GREY, "dash") if planned else ""
    series += _ser_xml(1, "Actual", actual, fmt, ACCENT, None)
    # With no grey series its only figure is the baseline, which the actual line draws too.
    drawn = [v for v in (*milestone, *actual) if v is not None]
    xml = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        f'<c:chartSpace xmlns:c="{C}" xmlns:a="{A}" xmlns:r="{R}">'
        # Word rounds the frame's corners unless told not to.
        '<c:date1904 val="0"/><c:lang val="en-GB"/><c:roundedCorners val="0"/>'
        f"<c:chart>{_title_xml(title, lower_is_better)}"
        '<c:plotArea><c:layout/><c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>'
        f'{series}<c:marker val="1"/><c:smooth val="0"/><c:axId val="500001"/><c:axId val="500002"/>'
        f"</c:lineChart>{_axes_xml(fmt, drawn)}</c:plotArea>"
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
