"""Rendering the view into a .docx with docxtpl, safely and reproducibly.

Templates render in a sandboxed Jinja environment with autoescaping (a user's own template
cannot reach Python, and text with < or & cannot break the XML). Every WordprocessingML part
is then put in the element order the standard requires (:mod:`sipgen.document.ooxml`), so Word
opens the file without a repair prompt whatever template it came from. The archive is written
with fixed timestamps, so the same workbook gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from pathlib import Path


def _default_template(name: str = "plan.docx") -> Path:
    """A template from the top-level templates/ folder, which installs as sipgen.word_templates."""
    from importlib.resources import files

    try:
        return Path(str(files("sipgen.word_templates").joinpath(name)))
    except ModuleNotFoundError:  # a source checkout used without installing (PYTHONPATH=.)
        return Path(__file__).resolve().parent.parent.parent / "templates" / name


DEFAULT_TEMPLATE = _default_template()
REPORT_TEMPLATE = _default_template("report.docx")
TASKS_TEMPLATE = _default_template("tasks.docx")
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WML_PART = "application/vnd.openxmlformats-officedocument.wordprocessingml."
APP_PROPERTIES = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>sipgen</Application><AppVersion>{version}</AppVersion>{company}"
    "<DocSecurity>0</DocSecurity><LinksUpToDate>false</LinksUpToDate></Properties>"
)
HYPERLINK_STYLE = (
    f'<w:style xmlns:w="{W}" w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/>'
    '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
    '<w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>'
)


class TemplateError(Exception):
    """The Word template cannot be used. ``str()`` says why, naming the template."""


def environment():
    """The Jinja environment every template renders in: sandboxed, autoescaping, strict."""
    from jinja2 import StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    return ImmutableSandboxedEnvironment(autoescape=True, undefined=StrictUndefined)


def document_time(saved: dt.datetime | None) -> dt.datetime:
    """The document's timestamp: SOURCE_DATE_EPOCH if set, else when the workbook was saved."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).replace(tzinfo=None)
    return (saved or dt.datetime(2020, 1, 1)).replace(tzinfo=None, microsecond=0)


def _template_class():
    import re

    from docxtpl import DocxTemplate
    from lxml import etree

    from .ooxml import drop_stray_text, fix_order, keep_last_rows_together

    class FastTemplate(DocxTemplate):
        """docxtpl, with two costs of large documents removed (measured on a 5,000-action plan).

        - resolve_listing rewrites every run to turn tabs and line breaks into Word XML: 1 s.
          sipgen's values already carry <w:br/> and <w:tab/>, so it runs only when needed.
        - map_tree moves the rendered body into python-docx's tree node by node: 1.4 s.
          The body is kept as bytes instead and written straight into the archive.

        The body is put in schema order in map_tree, where docxtpl has parsed it anyway (0.1 s
        for a 10 MB body, against 0.25 s to parse and serialise it again).
        """

        body_xml: bytes | None = None

        def resolve_listing(self, xml):
            if not _LISTING.search(xml):
                return xml
            return super().resolve_listing(xml)

        def map_tree(self, tree):
            keep_last_rows_together(tree)
            fix_order(tree)
            drop_stray_text(tree)
            self.body_xml = etree.tostring(tree, encoding="utf-8")

    _LISTING = re.compile("[\t\n\a\f]")
    return FastTemplate


def render(view: dict, template: Path | None, when: dt.datetime) -> bytes:
    """The rendered document as .docx bytes. Raises :class:`TemplateError` for a bad template.

    The view's ``charts`` (see :mod:`sipgen.document.charts`) are added to the package as parts.
    """
    from jinja2 import TemplateError as JinjaError

    source = Path(template) if template else DEFAULT_TEMPLATE
    try:
        document = _template_class()(str(source))
        document.init_docx()
    except Exception as exc:  # python-docx raises several types for a file that is not a .docx
        raise TemplateError(
            f"{source}: this is not a Word template sipgen can use ({type(exc).__name__}). Start from `sipgen "
            "template export`."
        ) from None
    try:
        document.render(view, jinja_env=environment(), autoescape=True)
    except JinjaError as exc:
        raise TemplateError(_jinja_reason(source, exc)) from None
    docx = document.docx
    if view.get("charts"):
        from .charts import add_charts

        add_charts(docx, view["charts"])
    _ensure_hyperlink_style(docx)
    _tidy_settings(docx)
    _describe(docx, view, when)
    _put_parts_in_order(docx, source)
    buffer = io.BytesIO()
    docx.save(buffer)
    return fixed_zip(buffer.getvalue(), when, {docx.part.partname.lstrip("/"): _document_xml(docx, document.body_xml)})


def _document_xml(docx, body: bytes) -> bytes:
    """word/document.xml with the rendered body in place of the template's."""
    from lxml import etree

    root = docx.element
    old_body = root.body
    placeholder = etree.Element(old_body.tag)
    placeholder.text = "SIPGEN-BODY"
    root.replace(old_body, placeholder)
    try:
        xml = etree.tostring(root, encoding="UTF-8", xml_declaration=True, standalone=True)
    finally:
        root.replace(placeholder, old_body)
    start = xml.index(b"SIPGEN-BODY")
    open_tag = xml.rindex(b"<", 0, start)
    close = xml.index(b">", start) + 1
    return xml[:open_tag] + body + xml[close:]


def _jinja_reason(source: Path, exc: Exception) -> str:
    from jinja2.exceptions import SecurityError, TemplateSyntaxError, UndefinedError

    if isinstance(exc, SecurityError):
        return (
            f"{source}: the template tries to reach parts of Python that templates may not use ({exc}). "
            "Nothing was run."
        )
    if isinstance(exc, UndefinedError):
        return (
            f"{source}: the template uses a name sipgen does not provide ({exc.message}). Check the "
            "spelling against `sipgen template export`."
        )
    if isinstance(exc, TemplateSyntaxError):
        return f"{source}: the template has a mistake in a {{{{ }}}} or {{% %}} tag ({exc.message})."
    return f"{source}: the template could not be filled in ({type(exc).__name__}: {exc})."


def _ensure_hyperlink_style(docx) -> None:
    # LibreOffice makes PDF links only from runs with a defined character style.
    from docx.oxml import parse_xml

    styles = docx.styles.element
    if not styles.xpath('w:style[@w:styleId="Hyperlink"]'):
        styles.append(parse_xml(HYPERLINK_STYLE))


def _tidy_settings(docx) -> None:
    """Settings that would make Word nag, or that the standard does not allow as written."""
    from docx.oxml.ns import qn

    settings = docx.settings.element
    # updateFields makes Word ask to update fields at every opening; sipgen writes the contents
    # itself. proofState "clean" describes the template's text, not this document's.
    for stale in settings.xpath("w:updateFields | w:proofState"):
        settings.remove(stale)
    for zoom in settings.xpath("w:zoom[not(@w:percent)]"):
        zoom.set(qn("w:percent"), "100")  # required by CT_Zoom; Word's templates often omit it


def document_title(org: str, title: str) -> str:
    """The title a file browser or screen reader shows: the school's name and the plan's title."""
    if org and title and org.casefold() in title.casefold():
        return title
    return ": ".join(part for part in (org, title) if part)


def _describe(docx, view: dict, when: dt.datetime) -> None:
    """Core and app properties that describe this plan, not the template it was made from."""
    org = view.get("org") or ""
    properties = docx.core_properties
    properties.title = document_title(org, view.get("title") or "")
    properties.subject = view.get("subject") or ""
    properties.author = org or "sipgen"
    properties.last_modified_by = "sipgen"
    properties.created = properties.modified = when
    properties.revision = 1
    _app_properties(docx.part.package, org)


def _app_properties(package, org: str) -> None:
    """docProps/app.xml naming sipgen, without the template's page and word counts.

    Those counts (and TotalTime, Template) describe the template, and only a layout could
    give right ones. The template's thumbnail goes too: it is a picture of another document.
    """
    from xml.sax.saxutils import escape

    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    company = f"<Company>{escape(org)}</Company>" if org else ""
    blob = APP_PROPERTIES.format(version=app_version(), company=company).encode("utf-8")
    rels = package.rels
    for rid in [rid for rid, rel in rels.items() if rel.reltype == RT.THUMBNAIL]:
        del rels[rid]
    app = next((rel.target_part for rel in rels.values() if rel.reltype == RT.EXTENDED_PROPERTIES), None)
    if app is None:
        package.relate_to(
            Part(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES, blob, package), RT.EXTENDED_PROPERTIES
        )
    else:
        app._blob = blob


def app_version() -> str:
    """sipgen's version as AppVersion wants it, XX.YYYY (ISO/IEC 29500-1 §22.2.2.2): 0.1.0 is 00.0100."""
    import re

    from .. import __version__

    numbers = [int(n) for n in re.findall(r"\d+", __version__)[:3]] + [0, 0, 0]
    return f"{numbers[0] % 100:02d}.{numbers[1] % 100:02d}{numbers[2] % 100:02d}"


def _put_parts_in_order(docx, source: Path) -> None:
    """Schema order in every WordprocessingML part but the body (done as it is rendered)."""
    from lxml import etree

    from .ooxml import drop_stray_text, fix_order

    for part in docx.part.package.iter_parts():
        if part is docx.part or not part.content_type.startswith(WML_PART):
            continue
        element = getattr(part, "element", None)
        if element is not None:  # styles, settings, numbering, headers, footers: parsed already
            fix_order(element)
            drop_stray_text(element)
            continue
        try:  # footnotes as docxtpl leaves them, fontTable, webSettings: python-docx keeps bytes
            tree = etree.fromstring(part.blob)
        except etree.XMLSyntaxError:
            raise TemplateError(
                f"{source}: its part {part.partname} is not well-formed XML, so Word could not open the document "
                "either. Open the template in Word and save it again, or start from `sipgen template export`."
            ) from None
        if fix_order(tree) + drop_stray_text(tree):
            part._blob = etree.tostring(tree, encoding="UTF-8", xml_declaration=True, standalone=True)


def fixed_zip(data: bytes, when: dt.datetime, replace: dict[str, bytes] | None = None) -> bytes:
    """The same archive with every entry stamped ``when`` (so output is reproducible), and
    the parts in ``replace`` swapped for new contents."""
    replace = replace or {}
    stamp = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, replace.get(info.filename) or source.read(info.filename))
    return out.getvalue()
