"""Page numbers for the contents page of a built .docx, once LibreOffice has laid it out.

sipgen writes the result of the Word contents field itself: one TOC1/TOC2 paragraph per
entry, linking to its heading's bookmark, but with no page number, since only a layout
knows pages. When a PDF is made, LibreOffice reports the page of each entry and
:func:`number_contents` writes them in, so the Word document's contents page is complete
without anyone updating its fields.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator, Mapping

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCUMENT = "word/document.xml"
ENTRY_STYLES = ("TOC1", "TOC2")


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def contents_anchors(docx: bytes) -> list[str]:
    """The bookmark each contents entry links to, in order (entries without a link are left out)."""
    root = _parse(docx)
    anchors = (_anchor(paragraph) for paragraph, _ in _entries(root))
    return [anchor for anchor in anchors if anchor]


def number_contents(docx: bytes, pages: Mapping[str, int]) -> bytes:
    """``docx`` with a tab and a page number at the end of each contents entry.

    ``pages`` maps an entry's bookmark (its link's ``w:anchor``) or its title (whitespace
    collapsed) to its page. Entries found in neither, and entries that already have a page
    number, stay as they are; so does everything outside the contents. If no entry gets a
    number, the very same bytes come back.
    """
    root = _parse(docx)
    numbered = 0
    for paragraph, closing_run in _entries(root):
        if paragraph.xpath(".//w:r/w:tab", namespaces={"w": W}):
            continue  # numbered already (by Word, or by an earlier call)
        anchor = _anchor(paragraph)
        page = pages.get(anchor) if anchor in pages else pages.get(_title(paragraph))
        if page is None:
            continue
        tab, number = _run(), _run()
        etree.SubElement(tab, _w("tab"))
        etree.SubElement(number, _w("t")).text = str(page)
        if closing_run is not None:  # the field ends in this paragraph: the number goes before its end
            closing_run.addprevious(tab)
            closing_run.addprevious(number)
        else:
            paragraph.append(tab)
            paragraph.append(number)
        numbered += 1
    if not numbered:
        return docx
    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return _replace_part(docx, DOCUMENT, xml)


def _parse(docx: bytes):
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        data = archive.read(DOCUMENT)
    # A big plan's document can exceed libxml2's default limits; entities are never expanded.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    return etree.fromstring(data, parser)


def _entries(root) -> Iterator[tuple[etree._Element, etree._Element | None]]:
    """Each TOC1/TOC2 paragraph of a TOC field's result, with the run ending that field
    if it is in the same paragraph (as in contents Word wrote)."""
    fields: list[dict] = []  # the fields open at this point, outermost first
    for paragraph in root.iter(_w("p")):
        inside = any(f["toc"] and f["result"] for f in fields)
        closing_run = None
        for element in paragraph.iter(_w("fldChar"), _w("instrText")):
            if element.tag == _w("instrText"):
                if fields:
                    fields[-1]["code"] += element.text or ""
                continue
            kind = element.get(_w("fldCharType"))
            if kind == "begin":
                fields.append({"code": "", "toc": False, "result": False})
            elif kind == "separate" and fields:
                fields[-1].update(result=True, toc=fields[-1]["code"].split()[:1] == ["TOC"])
                inside = inside or fields[-1]["toc"]
            elif kind == "end" and fields:
                if fields.pop()["toc"] and inside:
                    closing_run = element.getparent()
        if inside and _style(paragraph) in ENTRY_STYLES:
            yield paragraph, closing_run


def _style(paragraph) -> str | None:
    style = paragraph.find(f"{_w('pPr')}/{_w('pStyle')}")
    return None if style is None else style.get(_w("val"))


def _anchor(paragraph) -> str | None:
    link = paragraph.find(f".//{_w('hyperlink')}[@{_w('anchor')}]")
    return None if link is None else link.get(_w("anchor"))


def _title(paragraph) -> str:
    return " ".join("".join(t.text or "" for t in paragraph.iter(_w("t"))).split())


def _run():
    return etree.Element(_w("r"))


def _replace_part(docx: bytes, name: str, data: bytes) -> bytes:
    """The archive with one part's contents replaced; entry order, dates and modes kept,
    so the same input always gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            entry.compress_type = info.compress_type
            entry.external_attr = info.external_attr
            entry.create_system = info.create_system
            target.writestr(entry, data if info.filename == name else source.read(info.filename))
    return out.getvalue()
