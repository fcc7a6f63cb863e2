"""Rendering the view into a .docx with docxtpl, safely and reproducibly.

Templates render in a sandboxed Jinja environment with autoescaping (a user's own template
cannot reach Python, and text with < or & cannot break the XML). The archive is written
with fixed timestamps, so the same workbook gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from pathlib import Path


def _default_template() -> Path:
    """plan.docx from the top-level templates/ folder, which installs as sipgen.word_templates."""
    from importlib.resources import files

    try:
        return Path(str(files("sipgen.word_templates").joinpath("plan.docx")))
    except ModuleNotFoundError:  # a source checkout used without installing (PYTHONPATH=.)
        return Path(__file__).resolve().parent.parent.parent / "templates" / "plan.docx"


DEFAULT_TEMPLATE = _default_template()
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
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

    class FastTemplate(DocxTemplate):
        """docxtpl, with two costs of large documents removed (measured on a 5,000-action plan).

        - resolve_listing rewrites every run to turn tabs and line breaks into Word XML: 1 s.
          sipgen's values already carry <w:br/> and <w:tab/>, so it runs only when needed.
        - map_tree moves the rendered body into python-docx's tree node by node: 1.4 s.
          The body is kept as bytes instead and written straight into the archive.
        """

        body_xml: bytes | None = None

        def resolve_listing(self, xml):
            if not _LISTING.search(xml):
                return xml
            return super().resolve_listing(xml)

        def map_tree(self, tree):
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
    _ask_word_to_update_fields(docx)
    properties = docx.core_properties
    properties.created = properties.modified = when
    properties.revision = 1
    properties.last_modified_by = "sipgen"
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


def _ask_word_to_update_fields(docx) -> None:
    # Word then fills the table of contents and page numbers when the document opens.
    from docx.oxml import parse_xml

    settings = docx.settings.element
    if not settings.xpath("w:updateFields"):
        settings.append(parse_xml(f'<w:updateFields xmlns:w="{W}" w:val="true"/>'))


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
