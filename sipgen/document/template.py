"""Write templates/plan.docx, the Word template `sipgen build` renders with docxtpl.

    python -m sipgen.document.template

The template is an ordinary Word document with docxtpl tags ({{ }}, {%p %}, {%tr %}) in
its text, so a school can open the copy `sipgen template export` gives it, change fonts,
colours, logo and wording in Word, and pass it back with --template. This script is its
readable source: styles, page layout, and the body, section by section.

The tables are declared in :mod:`sipgen.document.parts`; this module lays them out.

Layout: A4, in four sections, so the page turns three times: the cover, contents and how to read
the plan (portrait); the board summary, the KPIs and the changes (landscape); introduction,
context, priorities at a glance, who does what, the key to initials and the abbreviations
(portrait); one part a priority, then the budget, the review log and the findings (landscape).
"""

from __future__ import annotations

import copy
import dataclasses
import io
import itertools
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from ..colours import ACCENT, DRAFT_RED, LINK  # the document matches the workbook
from .parts import (
    ACTIONS,
    AIMS,
    ATTENTION,
    BEHIND,
    BOLD,
    BUDGET,
    CHANGES,
    CHECKED,
    CHECKS,
    CONTEXT,
    CRITERIA,
    DECISIONS,
    DUE_NEXT,
    DUE_SOON,
    EVERYONE,
    FILL_SUFFIX,
    FINDINGS,
    GLANCE,
    GLOSSARY,
    KEY,
    KPIS,
    LATE,
    LED,
    NOW_AND_GOAL,
    OWNED,
    REVIEWED,
    REVIEWS,
    RICH,
    SHADED,
    SUMMARY,
    TIMELINE,
    TRUST,
    UNPLACED,
    WHO,
    Column,
    Table,
)

# Where the templates live in a source checkout (they install as the package sipgen.word_templates).
SOURCE_TEMPLATE = Path(__file__).resolve().parent.parent.parent / "templates" / "plan.docx"
SOURCE_REPORT_TEMPLATE = SOURCE_TEMPLATE.with_name("report.docx")
SOURCE_TASKS_TEMPLATE = SOURCE_TEMPLATE.with_name("tasks.docx")

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


def shown(table: Table, column: Column) -> str:
    """The paragraph of a column's cell: its field shown the way the column declares (kept with
    the next row when the table is kept together)."""
    value = f"{table.item}.{column.field}"
    keep = table.together
    if column.show == RICH:
        return para(run("{{r " + value + " }}"), keep_next=keep)
    if column.show == SHADED:
        return para(run(f"{{% cellbg {value}{FILL_SUFFIX} %}}{{{{ {value} }}}}"), keep_next=keep)
    return para(run("{{ " + value + " }}", bold=column.show == BOLD), keep_next=keep)


def table(part: Table, header: bool = True, source: str = "") -> str:
    """A declared table in the 'Plan Table' style: a header row repeated on every page, the row
    repeated by its loop (rows never split across pages), and its total row if it has one.

    A table with optional columns is written once for each choice of them, and the view's flags
    (``show.TABLE_FIELD``) pick the one to print: a column nobody filled in is left out.
    """
    if source:  # the same table over another list, e.g. each school's summary in a trust's report
        part = dataclasses.replace(part, loop=f"for {part.item} in {source}")
    optional = [c for c in part.columns if c.optional]
    if not optional:
        return _table(part, part.columns, header)
    choices = []
    for number, shown_ones in enumerate(itertools.product((True, False), repeat=len(optional))):
        on = dict(zip(optional, shown_ones, strict=True))
        condition = " and ".join(("" if on[c] else "not ") + part.flag(c) for c in optional)
        columns = [c for c in part.columns if on.get(c, True)]
        choices.append(tag(("if " if number == 0 else "elif ") + condition) + _table(part, columns, header))
    return "".join(choices) + tag("endif")


def _table(part: Table, columns, header: bool) -> str:
    total_width = LANDSCAPE_TEXT if part.landscape else PORTRAIT_TEXT
    scale = total_width / sum(c.width for c in columns)
    widths = [int(c.width * scale) for c in columns]
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    head = ""
    if header:
        head = _row([para(run(c.header, bold=True), keep_next=True) for c in columns], widths, "<w:tblHeader/>")
    rows = _row([shown(part, c) for c in columns], widths)
    if part.loop:
        rows = _loop_row("{%tr " + part.loop + " %}", widths) + rows + _loop_row("{%tr endfor %}", widths)
    if part.total:
        totals = dict(part.total)
        rows += _row([para(run(totals[c.field], bold=True)) if c.field in totals else para() for c in columns], widths)
    return (
        f'<w:tbl><w:tblPr><w:tblStyle w:val="PlanTable"/><w:tblW w:w="{total_width}" w:type="dxa"/>'
        '<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{head}{rows}</w:tbl>"
    )


def _row(cells: list[str], widths: list[int], properties: str = "") -> str:
    return (
        f"<w:tr><w:trPr><w:cantSplit/>{properties}</w:trPr>"
        + "".join(cell(c, w) for c, w in zip(cells, widths, strict=True))
        + "</w:tr>"
    )


def _loop_row(statement: str, widths: list[int]) -> str:
    """A row docxtpl removes, holding a {%tr %} statement."""
    return "<w:tr>" + "".join(cell(text(statement), w) for w in widths) + "</w:tr>"


def rich(expression: str) -> str:
    """A paragraph whose content is a rich value made by sipgen (links, bookmarks, line breaks)."""
    return para(run("{{r " + expression + " }}"))


def heading(name: str, new_page: bool = True) -> str:
    """A Heading 1 with a bookmark, for parts the document links to (h.NAME in the context).

    A part starts a new page unless ``new_page`` is False: short parts flow on after the last.
    """
    keep = "" if new_page else '<w:pageBreakBefore w:val="0"/>'
    return f'<w:p><w:pPr><w:pStyle w:val="Heading1"/>{keep}</w:pPr>{run("{{r h." + name + " }}")}</w:p>'


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
    # Not marked dirty: Word would ask to update fields on every opening. sipgen writes the entries.
    begin = '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
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


# -- the body, part by part ---------------------------------------------------------------


def body() -> str:
    return "".join(
        (
            _cover(),
            _how_to_read(),
            section_break("portrait", first=True),
            _board_summary(),
            _kpis(),
            _if("changes", heading("changes"), text("{{ changes_intro }}"), table(CHANGES)),
            section_break("landscape"),
            _introduction(),
            _context(),
            _glance(),
            _people(),
            section_break("portrait"),
            tag("for p in priorities"),
            _priority_head(),
            _priority_review(),  # near the top, where a reader of the part looks first
            _priority_work(),
            _priority_measures(),
            tag("endfor"),
            _unplaced(),
            _budget(),
            _appendices(),
        )
    )


def _if(condition: str, *content: str, otherwise: str = "") -> str:
    """Content shown only when ``condition`` holds, else ``otherwise``."""
    alternative = tag("else") + otherwise if otherwise else ""
    return tag(f"if {condition}") + "".join(content) + alternative + tag("endif")


def _cover() -> str:
    """The cover (its title, year, version, approval and dates) and the contents."""
    return "".join(
        (
            # The logo's place: a note only the template shows (a Jinja comment is gone once built).
            para(run("{# Your logo: put it here with Insert > Pictures, and delete this note. #}"), spacing_after=2000),
            text("{{ org }}", "Title"),
            text("{{ title }}", "Subtitle"),
            text("{{ year_label }}", "Subtitle"),
            text("{{ version_label }}"),
            para("", spacing_after=1200),
            _if(
                "draft",
                para(
                    run("DRAFT: ", bold=True, size=32, colour=DRAFT_RED)
                    + run("{{ draft_label }}", size=28, colour=DRAFT_RED)
                ),
                otherwise=para(run("{{ approval_label }}", bold=True, size=24, colour=ACCENT)),
            ),
            text("{{ prepared_label }}"),
            text("{{ report_date_label }}"),
            _if("next_meeting_label", text("{{ next_meeting_label }}")),
            _if(
                "history",
                text("Version history", "Heading2"),
                tag("for line in history"),
                para(run("{{ line }}", size=18), spacing_after=40),
                tag("endfor"),
            ),
            para('<w:r><w:br w:type="page"/></w:r>'),
            text("Contents", "TOC Heading"),
            toc_field(),
        )
    )


def _board_summary() -> str:
    """The board's summary (landscape): one row a priority, then how the budget reconciles."""
    return "".join(
        (
            heading("summary"),
            text("{{ summary_intro }}"),
            table(SUMMARY),
            _if("summary_note", text("{{ summary_note }}")),
            _if("budget_note", text("{{ budget_note }}")),
        )
    )


def _how_to_read() -> str:
    """How the document judges progress, said once near the start rather than under every priority."""
    return "".join(
        (
            heading("how_to_read", new_page=False),
            tag("for line in how_to_read"),
            text("{{ line }}"),
            tag("endfor"),
        )
    )


def _kpis() -> str:
    """The KPIs after the summary: each term's figure beside its milestone, then their trends."""
    return _if(
        "kpis",
        heading("kpis"),
        text("{{ kpis_intro }}"),
        table(KPIS),
        _if("kpi_charts", text("{{ kpi_charts_intro }}", keep_next=True), rich("kpi_charts")),
    )


def _introduction() -> str:
    return _if(
        "intro",
        heading("introduction"),
        tag("for part in intro"),
        _if("part.heading", text("{{ part.heading }}", "Heading2", keep_next=True)),
        rich("part.text"),
        tag("endfor"),
    )


def _context() -> str:
    """The context by area, then the strategy's aims the priorities serve."""
    return _if(
        "context or aims",
        heading("context"),
        tag("for area in context"),
        text("{{ area.name }}", "Heading2", keep_next=True),
        table(CONTEXT),
        para(),
        tag("endfor"),
        _if(
            "aims",
            text("Our strategy", "Heading2", keep_next=True),
            text("The priorities of this plan serve these aims of the {{ organisation_word }}'s 3-5 year strategy."),
            table(AIMS),
        ),
    )


def _glance() -> str:
    return heading("glance") + text("{{ glance_intro }}") + table(GLANCE)


def _priority_head() -> str:
    """A priority's heading, its source, lead and link, its preface, and where it starts and aims."""
    return "".join(
        (
            para(run("{{r p.heading }}"), style="Heading1"),
            rich("p.summary"),
            _if("p.preface", rich("p.preface")),
            _if("p.now or p.goal", table(NOW_AND_GOAL)),
        )
    )


def _priority_work() -> str:
    """Its objectives with their actions, the timeline, and actions elsewhere that serve it."""
    return "".join(
        (
            text("{{ p.work_heading }}", "Heading2", keep_next=True),
            tag("for o in p.objectives"),
            _if(
                "o.heading",
                para(run("{{r o.heading }}"), style="Heading3", keep_next=True),
                para(run("{{r o.summary }}"), keep_next=True),  # the heading travels with its first row
            ),
            _if("o.actions", table(ACTIONS)),
            tag("endfor"),
            _if("p.timeline", text("Timeline", "Heading2", keep_next=True), table(TIMELINE)),
            _if(
                "p.served_by",
                para(
                    run("Actions in other priorities that also serve {{ p.ref }}: ", bold=True)
                    + run("{{r p.served_by }}")
                ),
            ),
        )
    )


def _priority_measures() -> str:
    """Its success criteria with milestones and actuals, and its monitoring, evaluation and review."""
    return "".join(
        (
            _if("p.criteria", text("Success criteria and milestones", "Heading2", keep_next=True), table(CRITERIA)),
            _if(
                "p.checks",
                text("Monitoring, evaluation and review", "Heading2", keep_next=True),
                table(CHECKS),
            ),
        )
    )


def _priority_review() -> str:
    return _if("p.latest", text("Latest review", "Heading2", keep_next=True), rich("p.latest"))


def _unplaced() -> str:
    """Rows whose priority or objective does not exist (built with --force)."""
    return _if("unplaced", heading("unplaced"), text("{{ unplaced_intro }}"), table(UNPLACED))


def _people() -> str:
    """Who does what and the key to initials, before the priorities that use the initials."""
    return "".join(
        (
            heading("who"),
            text("{{ who_intro }}"),
            table(WHO),
            heading("key", new_page=False),
            text("Everyone the plan names by initials, with their role."),
            table(KEY),
            _if(
                "glossary",
                heading("glossary", new_page=False),
                text("The abbreviations this plan uses, in full."),
                table(GLOSSARY),
            ),
        )
    )


def _budget() -> str:
    return "".join(
        (
            heading("budget"),
            text("{{ budget_intro }}"),
            table(BUDGET),
            _if("budget_note", text("{{ budget_note }}")),
        )
    )


def _appendices() -> str:
    """The review log and the open findings (landscape)."""
    return "".join(
        (
            heading("reviews"),
            text("{{ reviews_intro }}"),
            _if("reviews", table(REVIEWS), otherwise=text("No reviews are recorded yet.")),
            _if("findings", heading("findings", new_page=False), text("{{ findings_intro }}"), table(FINDINGS)),
        )
    )


# -- the board's report (sipgen report) ------------------------------------------------------


def report_body() -> str:
    """The report: a title, for a trust one row a school, then for each plan its summary and
    only what needs attention (landscape throughout, as the summary is)."""
    return "".join(
        (
            text("{{ org }}", "Title"),
            text("{{ report_title }}", "Subtitle"),
            text("{{ report_label }}"),
            _if("trust", text("Across the trust", "Heading2", keep_next=True), table(TRUST)),
            _if(
                "failed",
                text("Plans that could not be read", "Heading2", keep_next=True),
                tag("for f in failed"),
                text("{{ f }}"),
                tag("endfor"),
            ),
            tag("for sch in schools"),
            _if("sch.heading", text("{{ sch.heading }}", "Heading1")),
            _report_section(),
            tag("endfor"),
        )
    )


def _report_section() -> str:
    """One plan's part of the report: the summary, then each list of exceptions it has."""
    return "".join(
        (
            _if(
                "sch.decisions",
                text("{{ sch.decisions_heading }}", "Heading2", keep_next=True),
                table(DECISIONS),
            ),
            text("Where each priority stands", "Heading2", keep_next=True),
            table(SUMMARY, source="sch.summary"),
            _if("sch.summary_note", text("{{ sch.summary_note }}")),
            _if("sch.budget_note", text("{{ sch.budget_note }}")),
            _if(
                "not sch.attention and not sch.behind and not sch.late and not sch.money",
                text(
                    "Nothing needs the board's attention: no priority is rated amber or red, no measure "
                    "is behind its milestone, no action is overdue and no spending is over plan."
                ),
            ),
            _if("sch.attention", text("Priorities rated amber or red", "Heading2", keep_next=True), table(ATTENTION)),
            _if("sch.behind", text("Measures behind their milestones", "Heading2", keep_next=True), table(BEHIND)),
            _if("sch.late", text("Actions overdue or slipped", "Heading2", keep_next=True), table(LATE)),
            _if(
                "sch.money",
                text("Spending over plan", "Heading2", keep_next=True),
                tag("for line in sch.money"),
                text("{{ line }}"),
                tag("endfor"),
            ),
            _if(
                "sch.next_meeting",
                text("Due before the next meeting", "Heading2", keep_next=True),
                _if(
                    "sch.due_next",
                    table(DUE_NEXT),
                    otherwise=text("Nothing falls due before the next meeting on {{ sch.next_meeting }}."),
                ),
            ),
            _if(
                "sch.changes or sch.changes_note",
                text("What changed in the plan since the last version", "Heading2", keep_next=True),
                _if("sch.changes", table(CHANGES, source="sch.changes")),
                _if("sch.changes_note", text("{{ sch.changes_note }}")),
            ),
        )
    )


# -- each person's tasks (sipgen tasks) -----------------------------------------------------


def tasks_body() -> str:
    """A person's (or group's) tasks, or with ``is_summary`` everyone's counts on one page (portrait).

    One template for both, so they share the plan's styles, header and footer.
    """
    return "".join(
        (
            text("{{ heading }}", "Title"),
            _if("subheading", text("{{ subheading }}", "Subtitle")),
            text("{{ tasks_label }}"),
            _if("is_summary", _everyone(), otherwise=_person_tasks()),
        )
    )


def _person_tasks() -> str:
    """What one person owns, what falls due soon, what they lead, monitor, evaluate and review."""
    return "".join(
        (
            text("{{ counts_line }}"),
            _if("owned", text("Actions", "Heading2", keep_next=True), text("{{ owned_intro }}"), table(OWNED)),
            text("Due in the coming half-term", "Heading2", keep_next=True),
            _if("due_soon", text("{{ due_intro }}"), table(DUE_SOON), otherwise=text("{{ nothing_due }}")),
            _if("led", text("{{ led_heading }}", "Heading2", keep_next=True), table(LED)),
            _if(
                "checked",
                text("Monitoring, evaluation and review", "Heading2", keep_next=True),
                text("{{ checked_intro }}"),
                table(CHECKED),
            ),
            _if("reviewed", text("Reviews", "Heading2", keep_next=True), text("{{ reviewed_intro }}"), table(REVIEWED)),
        )
    )


def _everyone() -> str:
    """One row a person or group with their counts, so a head can see who carries most."""
    return "".join(
        (
            _if("everyone", text("{{ everyone_intro }}"), _compact(table(EVERYONE)), otherwise=text("{{ nobody }}")),
            _if("left_out_line", text("{{ left_out_line }}")),
        )
    )


def _compact(xml: str) -> str:
    """A table's cells without the space after each paragraph, so a row is a line: everyone's
    counts stay on one page."""
    tight = '<w:spacing w:after="0"/>'
    return xml.replace("<w:p><w:r>", f"<w:p><w:pPr>{tight}</w:pPr><w:r>").replace(
        "<w:pPr><w:keepNext/></w:pPr>", f"<w:pPr><w:keepNext/>{tight}</w:pPr>"
    )


# -- styles, header and footer -------------------------------------------------------------

STYLES = {
    "Hyperlink": (
        f'<w:style {NS} w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/>'
        '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr>'
        f'<w:color w:val="{LINK}"/></w:rPr></w:style>'
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


def build(out: Path, kind: str = "plan") -> Path:
    """Write the template to ``out``: styles, header and footer, then the body, section by section.

    ``kind`` is "plan" (the plan itself), "report" (the board's short report) or "tasks" (each
    person's tasks), which share their styles, header and footer, so they look alike.
    """
    from docx import Document

    document = Document()
    _styles(document)
    _font_table(document)
    section = document.sections[0]
    section.different_first_page_header_footer = True
    _header_and_footer(section)
    if kind == "report":
        _install_body(document, section, report_body(), sect_pr("landscape", first=True))
    elif kind == "tasks":
        _install_body(document, section, tasks_body(), sect_pr("portrait", first=True))
    else:
        _install_body(document, section, body(), sect_pr("landscape"))
    document.core_properties.title = "{{ title }}"
    document.core_properties.subject = "{{ subject }}"
    document.core_properties.author = "{{ org }}"
    document.core_properties.comments = ""
    buffer = io.BytesIO()
    document.save(buffer)
    out.write_bytes(_fixed_zip(buffer.getvalue()))
    return out


def _styles(document) -> None:
    from docx.oxml import parse_xml
    from docx.shared import Pt, RGBColor

    styles = document.styles
    _defaults(styles.element)
    normal = styles["Normal"]
    normal.font.size = Pt(10.5)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.widow_control = True  # no single line of a paragraph alone on a page
    for name, size in (("Title", 30), ("Subtitle", 16), ("Heading 1", 18), ("Heading 2", 13), ("Heading 3", 11.5)):
        styles[name].font.size = Pt(size)
        styles[name].font.color.rgb = RGBColor.from_string(ACCENT)
    styles["Heading 1"].paragraph_format.page_break_before = True
    styles["Heading 1"].paragraph_format.space_after = Pt(8)
    styles["Heading 2"].paragraph_format.space_before = Pt(12)
    styles["Heading 3"].paragraph_format.space_before = Pt(10)
    for xml in STYLES.values():
        styles.element.append(parse_xml(xml))


# Every style names this font through the document defaults; the font table gives its metric twin,
# so an office suite without Calibri lays the pages out the same (scripts/setup installs Carlito).
FONT, FONT_TWIN = "Calibri", "Carlito"
LANGUAGE = "en-GB"


def _defaults(styles) -> None:
    """English (UK) and one font for the whole document: styles take the defaults, not the theme's."""
    from docx.oxml import parse_xml

    defaults = styles.find(f"{{{W}}}docDefaults/{{{W}}}rPrDefault/{{{W}}}rPr")
    for old in defaults.findall(f"{{{W}}}rFonts") + defaults.findall(f"{{{W}}}lang"):
        defaults.remove(old)
    fonts = f'<w:rFonts {NS} w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'
    defaults.insert(0, parse_xml(fonts))
    defaults.append(parse_xml(f'<w:lang {NS} w:val="{LANGUAGE}" w:eastAsia="{LANGUAGE}" w:bidi="ar-SA"/>'))
    for themed in styles.iter(f"{{{W}}}rFonts"):
        if themed.getparent() is not defaults and any("Theme" in name for name in themed.attrib):
            themed.getparent().remove(themed)


def _font_table(document) -> None:
    """Name the document's font with its metric-compatible twin (w:altName) in the font table."""
    from lxml import etree

    part = next(p for p in document.part.package.iter_parts() if p.partname == "/word/fontTable.xml")
    table = etree.fromstring(part.blob)
    for old in table.findall(f"{{{W}}}font[@{{{W}}}name='{FONT}']"):
        table.remove(old)
    table.insert(
        0,
        etree.fromstring(
            f'<w:font {NS} w:name="{FONT}"><w:altName w:val="{FONT_TWIN}"/>'
            '<w:panose1 w:val="020F0502020204030204"/><w:charset w:val="00"/><w:family w:val="swiss"/>'
            '<w:pitch w:val="variable"/></w:font>'
        ),
    )
    part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)


def _header_and_footer(section) -> None:
    """The school and plan in small grey type at the head of each page; 'Page N of M' at the foot."""
    from docx.oxml import parse_xml
    from docx.shared import Pt, RGBColor

    header = section.header.paragraphs[0]
    header.alignment = 2
    # Every inner page of an unapproved plan says so: a printed page must not pass as the final plan.
    header._p.append(parse_xml(f'<w:r {NS}><w:t xml:space="preserve">{{% if draft %}}</w:t></w:r>'))
    draft = header.add_run("DRAFT: not yet approved   ·   ")
    draft.bold = True
    draft.font.color.rgb = RGBColor.from_string(DRAFT_RED)
    header._p.append(parse_xml(f'<w:r {NS}><w:t xml:space="preserve">{{% endif %}}</w:t></w:r>'))
    header.add_run("{{ org }} · {{ title }}").font.color.rgb = RGBColor.from_string("595959")
    for r in header.runs:
        r.font.size = Pt(8)
    footer = section.footer.paragraphs[0]
    footer.alignment = 1

    def small(content: str) -> None:
        footer._p.append(parse_xml(f'<w:r {NS}><w:rPr><w:sz w:val="16"/></w:rPr>{content}</w:r>'))

    small('<w:t xml:space="preserve">Page </w:t>')
    for instruction, between in (("PAGE", " of "), ("NUMPAGES", "")):
        small('<w:fldChar w:fldCharType="begin"/>')
        small(f'<w:instrText xml:space="preserve"> {instruction} </w:instrText>')
        small('<w:fldChar w:fldCharType="separate"/>')
        small("<w:t>1</w:t>")
        small('<w:fldChar w:fldCharType="end"/>')
        if between:
            small(f'<w:t xml:space="preserve">{between}</w:t>')


def _install_body(document, section, xml: str, last: str) -> None:
    """Replace the document's body with the template's, the first section keeping the header refs."""
    from docx.oxml import parse_xml

    refs = "".join(
        el.xml if hasattr(el, "xml") else ""
        for el in section._sectPr
        if el.tag.endswith(("headerReference", "footerReference"))
    )
    refs = refs.replace(f' xmlns:w="{W}"', "").replace(
        ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"', ""
    )
    xml = (xml + last).replace("{HEADER_REFS}", refs)
    body_el = document.element.body
    for child in list(body_el):
        body_el.remove(child)
    for child in parse_xml(f"<w:body {NS}>{xml}</w:body>"):
        body_el.append(copy.deepcopy(child))


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
    if len(sys.argv) > 1:
        print(build(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "plan"))
    else:
        print(build(SOURCE_TEMPLATE))
        print(build(SOURCE_REPORT_TEMPLATE, "report"))
        print(build(SOURCE_TASKS_TEMPLATE, "tasks"))
