"""Write templates/plan.docx, the Word template `sipgen build` renders with docxtpl.

    python templates/make_template.py

The template is an ordinary Word document with docxtpl tags ({{ }}, {%p %}, {%tr %}) in
its text, so a school can open the copy `sipgen template export` gives it, change fonts,
colours, logo and wording in Word, and pass it back with --template. This script is its
readable source: styles, page layout, and the body, section by section.

Layout: A4. Section 1 (portrait): cover, contents, introduction, context, priorities at a
glance. Section 2 (landscape): one part per priority with its matrix. Section 3 (portrait):
who does what, budget, key to initials, KPIs. Section 4 (landscape): review log and findings.
"""

from __future__ import annotations

import copy
import io
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from sipgen.colours import ACCENT  # the document matches the workbook
from sipgen.document.summary import TIMELINE_LABELS

HERE = Path(__file__).resolve().parent

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = f'xmlns:w="{W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

A4 = (11906, 16838)
PORTRAIT_TEXT = 11906 - 2 * 1134
LANDSCAPE_TEXT = 16838 - 2 * 1134

# -- small XML builders --------------------------------------------------------------------


def run(text: str, bold: bool = False, size: int | None = None, colour: str | None = None) -> str:
    props = (
        ("<w:b/>" if bold else "")
        + (f'<w:color w:val="{colour}"/>' if colour else "")
        + (f'<w:sz w:val="{size}"/>' if size else "")
    )
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(
    content: str = "",
    style: str | None = None,
    keep_next: bool = False,
    align: str | None = None,
    spacing_after: int | None = None,
) -> str:
    props = (f'<w:pStyle w:val="{style}"/>' if style else "") + ("<w:keepNext/>" if keep_next else "")
    if spacing_after is not None:
        props += f'<w:spacing w:after="{spacing_after}"/>'
    if align:
        props += f'<w:jc w:val="{align}"/>'
    ppr = f"<w:pPr>{props}</w:pPr>" if props else ""
    return f"<w:p>{ppr}{content}</w:p>"


def text(template_text: str, style: str | None = None, **kw) -> str:
    """A paragraph holding docxtpl text such as '{{ org }}' or '{%p for x in xs %}'."""
    return para(run(template_text), style, **kw)


def tag(statement: str) -> str:
    """A paragraph docxtpl removes, holding a {%p ... %} statement."""
    return text("{%p " + statement + " %}")


def cell(content: str, width: int, fill: str | None = None) -> str:
    shading = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shading}</w:tcPr>{content}</w:tc>'


def table(
    columns: list[tuple[str, int]],
    row_cells: list[str],
    loop: str | None,
    total_width: int,
    extra_rows: str = "",
    header: bool = True,
) -> str:
    """A table in the 'Plan Table' style: a header row repeated on every page, then rows.

    ``row_cells`` are paragraphs' XML (one a column) for the repeated row, and ``loop`` its
    `for` clause; rows never split across pages.
    """
    scale = total_width / sum(w for _, w in columns)
    widths = [int(w * scale) for _, w in columns]
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    head = ""
    if header:
        head = (
            "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
            + "".join(cell(para(run(label, bold=True)), w) for (label, _), w in zip(columns, widths, strict=True))
            + "</w:tr>"
        )
    rows = ""
    if loop:
        rows += "<w:tr>" + "".join(cell(text("{%tr " + loop + " %}"), w) for w in widths) + "</w:tr>"
    rows += (
        "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
        + "".join(cell(c, w) for c, w in zip(row_cells, widths, strict=True))
        + "</w:tr>"
    )
    if loop:
        rows += "<w:tr>" + "".join(cell(text("{%tr endfor %}"), w) for w in widths) + "</w:tr>"
    return (
        f'<w:tbl><w:tblPr><w:tblStyle w:val="PlanTable"/><w:tblW w:w="{total_width}" w:type="dxa"/>'
        '<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{head}{rows}{extra_rows}</w:tbl>"
    )


def rich(expression: str) -> str:
    """A paragraph whose content is a rich value made by sipgen (links, bookmarks, line breaks)."""
    return para(run("{{r " + expression + " }}"))


def heading(name: str) -> str:
    """A Heading 1 with a bookmark, for parts the document links to (h.NAME in the context)."""
    return para(run("{{r h." + name + " }}"), style="Heading1")


def plain(expression: str) -> str:
    return para(run("{{ " + expression + " }}"))


def section_break(orientation: str, first: bool = False) -> str:
    """An empty paragraph that ends a section; the section's page setup lives in it."""
    return f"<w:p><w:pPr>{sect_pr(orientation, first)}</w:pPr></w:p>"


def sect_pr(orientation: str, first: bool = False) -> str:
    width, height = A4 if orientation == "portrait" else (A4[1], A4[0])
    orient = ' w:orient="landscape"' if orientation == "landscape" else ""
    refs = "{HEADER_REFS}" if first else ""
    title_page = "<w:titlePg/>" if first else ""
    return (
        f'<w:sectPr>{refs}<w:type w:val="nextPage"/><w:pgSz w:w="{width}" w:h="{height}"{orient}/>'
        '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" '
        'w:header="567" w:footer="567" w:gutter="0"/>'
        f"{title_page}</w:sectPr>"
    )


def toc_field() -> str:
    """A Word table of contents over Headings 1-2, filled by Word (or LibreOffice for the PDF).

    Until it is updated it shows linked entries for every heading, which sipgen fills in.
    """
    begin = '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
    instr = '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-1" \\h \\z \\u </w:instrText></w:r>'
    sep = '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    return (
        para(begin + instr + sep)
        + tag("for entry in contents")
        + para(run("{{r entry.link }}"), style="{{ entry.style }}")
        + tag("endfor")
        + para(end)
    )


# -- the body --------------------------------------------------------------------------------


def body() -> str:
    P, L = PORTRAIT_TEXT, LANDSCAPE_TEXT
    parts = [
        # Cover
        para("", spacing_after=2400),
        text("{{ org }}", "Title"),
        text("{{ title }}", "Subtitle"),
        text("{{ year_label }}", "Subtitle"),
        text("{{ version_label }}"),
        para("", spacing_after=1200),
        tag("if draft"),
        para(run("DRAFT: ", bold=True, size=32, colour="C00000") + run("{{ draft_label }}", size=28, colour="C00000")),
        tag("else"),
        para(run("{{ approval_label }}", bold=True, size=24, colour=ACCENT)),
        tag("endif"),
        text("{{ prepared_label }}"),
        tag("if next_meeting_label"),
        text("{{ next_meeting_label }}"),
        tag("endif"),
        # Contents
        para('<w:r><w:br w:type="page"/></w:r>'),
        text("Contents", "TOC Heading"),
        toc_field(),
        section_break("portrait", first=True),
        # The board's summary (landscape): one row a priority
        heading("summary"),
        text("{{ summary_intro }}"),
        table(
            [
                ("Priority", 3.6),
                ("Who", 2.2),
                ("Reviews so far", 2.4),
                ("Headline measure", 4.2),
                ("Cost", 1.1),
                ("Actions", 2.2),
                ("Due before the next meeting", 2.3),
            ],
            [
                rich("s.priority"),
                plain("s.who"),
                rich("s.trend"),
                plain("s.measure"),
                plain("s.cost"),
                plain("s.actions"),
                rich("s.due"),
            ],
            "for s in summary",
            L,
        ),
        tag("if budget_note"),
        text("{{ budget_note }}"),
        tag("endif"),
        # Key performance indicators (landscape, after the summary): each figure beside its milestone
        tag("if kpis"),
        heading("kpis"),
        text("{{ kpis_intro }}"),
        table(
            [
                ("KPI", 3.4),
                ("For", 0.8),
                ("Baseline", 1.4),
                ("Autumn", 1.9),
                ("Spring", 1.9),
                ("Summer", 1.9),
                ("Target", 1.4),
                ("Notes", 4),
            ],
            [
                plain("k.kpi"),
                rich("k.ref"),
                plain("k.baseline"),
                para(run("{% cellbg k.autumn_fill %}{{ k.autumn }}")),
                para(run("{% cellbg k.spring_fill %}{{ k.spring }}")),
                para(run("{% cellbg k.summer_fill %}{{ k.summer }}")),
                plain("k.target"),
                rich("k.notes"),
            ],
            "for k in kpis",
            L,
        ),
        tag("endif"),
        section_break("landscape"),
        # Introduction
        tag("if intro"),
        heading("introduction"),
        tag("for part in intro"),
        tag("if part.heading"),
        text("{{ part.heading }}", "Heading2", keep_next=True),
        tag("endif"),
        rich("part.text"),
        tag("endfor"),
        tag("endif"),
        # Context
        tag("if context or aims"),
        heading("context"),
        tag("for area in context"),
        text("{{ area.name }}", "Heading2", keep_next=True),
        table(
            [("Measure", 3), ("Value", 2), ("Notes", 5)],
            [plain("row.measure"), plain("row.value"), rich("row.notes")],
            "for row in area.rows",
            P,
        ),
        para(),
        tag("endfor"),
        tag("if aims"),
        text("Our strategy", "Heading2", keep_next=True),
        text("The priorities of this plan serve these aims of the {{ organisation_word }}'s 3-5 year strategy."),
        table(
            [("Ref", 1), ("Aim", 7), ("By when", 2)],
            [rich("aim.ref"), plain("aim.aim"), plain("aim.horizon")],
            "for aim in aims",
            P,
        ),
        tag("endif"),
        tag("endif"),
        # Priorities at a glance
        heading("glance"),
        text("{{ glance_intro }}"),
        table(
            [
                ("Ref", 1),
                ("Priority", 6),
                ("Lead", 1.4),
                ("{{ link_governor_header }}", 2.2),
                ("Latest RAG", 1.6),
                ("Cost", 1.6),
            ],
            [
                rich("g.ref"),
                rich("g.title"),
                rich("g.lead"),
                rich("g.link_governor"),
                para(run("{% cellbg g.rag_fill %}{{ g.rag }}")),
                plain("g.cost"),
            ],
            "for g in glance",
            P,
            extra_rows="<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            + "".join(
                cell(c, w)
                for c, w in zip(
                    [
                        para(run("Total", bold=True)),
                        para(),
                        para(),
                        para(),
                        para(),
                        para(run("{{ total_cost }}", bold=True)),
                    ],
                    [int(x * P / 13.8) for x in (1, 6, 1.4, 2.2, 1.6, 1.6)],
                    strict=True,
                )
            )
            + "</w:tr>",
        ),
        section_break("portrait"),
        # One part a priority (landscape)
        tag("for p in priorities"),
        para(run("{{r p.heading }}"), style="Heading1"),
        rich("p.summary"),
        tag("if p.preface"),
        rich("p.preface"),
        tag("endif"),
        tag("if p.now or p.goal"),
        table([("Where we are now", 1), ("Where we want to be", 1)], [rich("p.now"), rich("p.goal")], None, L),
        tag("endif"),
        text("{{ p.work_heading }}", "Heading2", keep_next=True),
        tag("for o in p.objectives"),
        tag("if o.heading"),
        para(run("{{r o.heading }}"), style="Heading3", keep_next=True),
        rich("o.summary"),
        tag("endif"),
        tag("if o.actions"),
        table(
            [
                ("Ref", 1.1),
                ("Action", 6),
                ("Owner(s)", 1.3),
                ("Timescale", 2.2),
                ("Resources", 3.4),
                ("Cost", 1.1),
                ("Status", 1.2),
                ("Also serves", 1.3),
            ],
            [
                rich("a.ref"),
                rich("a.action"),
                rich("a.owners"),
                plain("a.when"),
                rich("a.resources"),
                plain("a.cost"),
                plain("a.status"),
                rich("a.also"),
            ],
            "for a in o.actions",
            L,
        ),
        tag("endif"),
        tag("endfor"),
        # The timeline: each action's months shaded, overdue ones red, and the months of the reviews.
        tag("if p.timeline"),
        text("Timeline", "Heading2", keep_next=True),
        table(
            [("Action", 1.8)] + [(month, 0.75) for month in TIMELINE_LABELS],
            [plain("t.label")]
            + [para(run(f"{{% cellbg t.f{i} %}}{{{{ t.x{i} }}}}")) for i in range(len(TIMELINE_LABELS))],
            "for t in p.timeline",
            L,
        ),
        tag("endif"),
        tag("if p.served_by"),
        para(run("Actions in other priorities that also serve {{ p.ref }}: ", bold=True) + run("{{r p.served_by }}")),
        tag("endif"),
        text("Success criteria and milestones", "Heading2", keep_next=True),
        tag("if progress_key"),
        text("{{ progress_key }}"),
        tag("endif"),
        tag("if p.criteria"),
        table(
            [
                ("Ref", 0.9),
                ("For", 0.9),
                ("Success criterion", 5),
                ("Kind", 1.2),
                ("Baseline", 1.7),
                ("Autumn", 1.7),
                ("Spring", 1.7),
                ("Summer", 1.7),
                ("Target", 1.7),
            ],
            [
                plain("c.ref"),
                rich("c.parent"),
                rich("c.criterion"),
                plain("c.kind"),
                plain("c.baseline"),
                plain("c.autumn"),
                plain("c.spring"),
                plain("c.summer"),
                plain("c.target"),
            ],
            "for c in p.criteria",
            L,
        ),
        tag("else"),
        text("No success criteria are recorded for this priority yet."),
        tag("endif"),
        text("Monitoring, evaluation and review", "Heading2", keep_next=True),
        tag("if p.checks"),
        table(
            [("", 1.4), ("How", 4), ("When", 2), ("By whom", 1.6), ("Evidence", 4)],
            [
                para(run("{{ m.process }}", bold=True)),
                rich("m.how"),
                plain("m.when"),
                rich("m.who"),
                rich("m.evidence"),
            ],
            "for m in p.checks",
            L,
        ),
        tag("else"),
        text("No monitoring, evaluation or review arrangements are recorded for this priority yet."),
        tag("endif"),
        text("Latest review", "Heading2", keep_next=True),
        tag("if p.latest"),
        table(
            [("Date", 1.3), ("RAG", 1.1), ("Impact to date", 6), ("Adjustments made", 4)],
            [
                plain("p.latest.date"),
                para(run("{% cellbg p.latest.rag_fill %}{{ p.latest.rag }}")),
                rich("p.latest.impact"),
                rich("p.latest.adjustments"),
            ],
            None,
            L,
        ),
        tag("else"),
        text("{{ p.ref }} has not been reviewed yet."),
        tag("endif"),
        tag("endfor"),
        # Rows whose priority or objective does not exist (built with --force)
        tag("if unplaced"),
        heading("unplaced"),
        text("{{ unplaced_intro }}"),
        table(
            [("Where", 1.6), ("What", 1.4), ("Ref", 1), ("Row", 6), ("Says it belongs to", 1.6), ("Cost", 1)],
            [plain("u.where"), plain("u.kind"), rich("u.ref"), rich("u.text"), plain("u.parent"), plain("u.cost")],
            "for u in unplaced",
            L,
        ),
        tag("endif"),
        section_break("landscape"),
        # Back matter (portrait)
        heading("who"),
        text("{{ who_intro }}"),
        table(
            [
                ("Who", 2.4),
                ("Leads", 1.8),
                ("Owns actions", 3.2),
                ("Monitors", 1.6),
                ("Evaluates", 1.6),
                ("Reviews", 1.6),
            ],
            [
                rich("w.who"),
                rich("w.leads"),
                rich("w.owns"),
                rich("w.monitors"),
                rich("w.evaluates"),
                rich("w.reviews"),
            ],
            "for w in who",
            P,
        ),
        heading("budget"),
        text("{{ budget_intro }}"),
        table(
            [("Ref", 1.2), ("Priority or objective", 7), ("Cost", 1.8)],
            [rich("b.ref"), rich("b.title"), rich("b.cost")],
            "for b in budget",
            P,
            extra_rows="<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            + "".join(
                cell(c, w)
                for c, w in zip(
                    [para(), para(run("Total", bold=True)), para(run("{{ total_cost }}", bold=True))],
                    [int(x * P / 10) for x in (1.2, 7, 1.8)],
                    strict=True,
                )
            )
            + "</w:tr>",
        ),
        tag("if budget_note"),
        text("{{ budget_note }}"),
        tag("endif"),
        heading("key"),
        text("Everyone the plan names by initials, with their role."),
        table(
            [("Initials", 1.3), ("Name", 3), ("Role or status", 3.2), ("Organisation", 3)],
            [rich("k.initials"), plain("k.name"), plain("k.role"), plain("k.organisation")],
            "for k in key",
            P,
        ),
        section_break("portrait"),
        # Appendices (landscape)
        heading("reviews"),
        text("{{ reviews_intro }}"),
        tag("if reviews"),
        table(
            [
                ("Date", 1.3),
                ("Ref", 1),
                ("Reviewer", 1.2),
                ("RAG", 1),
                ("Impact to date", 5),
                ("Evidence", 3),
                ("Adjustments made", 4),
            ],
            [
                plain("r.date"),
                rich("r.ref"),
                rich("r.reviewer"),
                para(run("{% cellbg r.rag_fill %}{{ r.rag }}")),
                rich("r.impact"),
                rich("r.evidence"),
                rich("r.adjustments"),
            ],
            "for r in reviews",
            L,
        ),
        tag("else"),
        text("No reviews are recorded yet."),
        tag("endif"),
        tag("if findings"),
        heading("findings"),
        text("{{ findings_intro }}"),
        table(
            [("Severity", 1.2), ("Code", 1), ("Where", 2.2), ("Ref", 1), ("Finding", 6), ("How to fix it", 5)],
            [
                plain("f.severity"),
                plain("f.code"),
                plain("f.where"),
                rich("f.ref"),
                plain("f.message"),
                plain("f.hint"),
            ],
            "for f in findings",
            L,
        ),
        tag("endif"),
    ]
    return "".join(parts)


# -- styles, header and footer -------------------------------------------------------------

STYLES = {
    "Hyperlink": (
        f'<w:style {NS} w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/>'
        '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr>'
        '<w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>'
    ),
    "TOC1": (
        f'<w:style {NS} w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/>'
        '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/>'
        '<w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9628"/></w:tabs>'
        '<w:spacing w:before="120" w:after="40"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>'
    ),
    "TOC2": (
        f'<w:style {NS} w:type="paragraph" w:styleId="TOC2"><w:name w:val="toc 2"/>'
        '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/>'
        '<w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9628"/></w:tabs>'
        '<w:spacing w:after="20"/><w:ind w:left="220"/></w:pPr></w:style>'
    ),
    "PlanTable": (
        f'<w:style {NS} w:type="table" w:customStyle="1" w:styleId="PlanTable">'
        '<w:name w:val="Plan Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:pPr>'
        '<w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr>'
        '<w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr><w:tblPr><w:tblBorders>'
        '<w:top w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>'
        '<w:left w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>'
        '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>'
        '<w:right w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>'
        '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>'
        '<w:insideV w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/></w:tblBorders><w:tblCellMar>'
        '<w:top w:w="28" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="28" w:type="dxa"/>'
        '<w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblStylePr w:type="firstRow"><w:rPr>'
        '<w:b/><w:color w:val="FFFFFF"/></w:rPr><w:tcPr>'
        f'<w:shd w:val="clear" w:color="auto" w:fill="{ACCENT}"/></w:tcPr></w:tblStylePr></w:style>'
    ),
}


def build(out: Path) -> Path:
    from docx import Document
    from docx.oxml import parse_xml
    from docx.shared import Pt, RGBColor

    document = Document()
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(6)
    for name, size in (("Title", 30), ("Subtitle", 16), ("Heading 1", 18), ("Heading 2", 13), ("Heading 3", 11.5)):
        styles[name].font.size = Pt(size)
        styles[name].font.color.rgb = RGBColor.from_string(ACCENT)
    styles["Heading 1"].paragraph_format.page_break_before = True
    styles["Heading 1"].paragraph_format.space_after = Pt(8)
    styles["Heading 2"].paragraph_format.space_before = Pt(12)
    styles["Heading 3"].paragraph_format.space_before = Pt(10)
    for xml in STYLES.values():
        styles.element.append(parse_xml(xml))

    section = document.sections[0]
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header.text = "{{ org }} · {{ title }}"
    header.alignment = 2
    for r in header.runs:
        r.font.size = Pt(8)
        r.font.color.rgb = RGBColor.from_string("595959")
    footer = section.footer.paragraphs[0]
    footer.alignment = 1
    footer._p.append(
        parse_xml(f'<w:r {NS}><w:rPr><w:sz w:val="16"/></w:rPr><w:t xml:space="preserve">Page </w:t></w:r>')
    )
    for instruction, between in (("PAGE", " of "), ("NUMPAGES", "")):
        for piece in (
            '<w:fldChar w:fldCharType="begin"/>',
            f'<w:instrText xml:space="preserve"> {instruction} </w:instrText>',
            '<w:fldChar w:fldCharType="separate"/>',
            "<w:t>1</w:t>",
            '<w:fldChar w:fldCharType="end"/>',
        ):
            footer._p.append(parse_xml(f'<w:r {NS}><w:rPr><w:sz w:val="16"/></w:rPr>{piece}</w:r>'))
        if between:
            footer._p.append(
                parse_xml(f'<w:r {NS}><w:rPr><w:sz w:val="16"/></w:rPr><w:t xml:space="preserve">{between}</w:t></w:r>')
            )

    sect = section._sectPr
    refs = "".join(
        el.xml if hasattr(el, "xml") else "" for el in sect if el.tag.endswith(("headerReference", "footerReference"))
    )
    refs = refs.replace(f' xmlns:w="{W}"', "").replace(
        ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"', ""
    )
    xml = body().replace("{HEADER_REFS}", refs)
    body_el = document.element.body
    for child in list(body_el):
        body_el.remove(child)
    for child in parse_xml(f"<w:body {NS}>{xml}{sect_pr('landscape')}</w:body>"):
        body_el.append(copy.deepcopy(child))

    document.core_properties.title = "{{ title }}"
    document.core_properties.subject = "{{ subject }}"
    document.core_properties.author = "{{ org }}"
    document.core_properties.comments = ""
    buffer = io.BytesIO()
    document.save(buffer)
    out.write_bytes(_fixed_zip(buffer.getvalue()))
    return out


def _fixed_zip(data: bytes) -> bytes:
    """The same archive with fixed timestamps, so the template is the same bytes every time."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2020, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "plan.docx"))
