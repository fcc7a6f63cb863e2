"""The .docx is valid Office Open XML: every part against the standard's transitional schemas.

The schemas are ISO/IEC 29500's (ECMA-376), vendored in tests/ooxml/ (see its README.md).
Word refuses markup they reject with a repair prompt even where LibreOffice reads it, so each
part of each sample document, and of one built with a user's re-saved template, must pass.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from sipgen.document import build_document, ooxml
from sipgen.document import render as render_module

from .conftest import ROOT

SAMPLES = ROOT / "samples"
SCHEMAS = Path(__file__).resolve().parent / "ooxml"
AS_OF = dt.date(2026, 7, 1)
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W = ooxml.W
XS = "{http://www.w3.org/2001/XMLSchema}"
CORE = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
}
APP = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
SAMPLE_BUILDS = {"primary": False, "itt": False, "weak": True}  # name: needs --force


# -- the validator ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "sipgen-parts.xsd")))


def understood() -> set[str]:
    """The namespaces the vendored schemas define: what a reader of the standard understands."""
    spaces = {MC}
    for path in SCHEMAS.glob("*.xsd"):
        spaces.add(etree.parse(str(path)).getroot().get("targetNamespace"))
    return spaces


UNDERSTOOD = understood()


def _namespace(name: str) -> str:
    return name[1:].split("}", 1)[0] if name.startswith("{") else ""


def set_aside_markup_compatibility(element, ignorable: frozenset = frozenset(), process: frozenset = frozenset()):
    """What a reader that knows only the standard sees (ECMA-376 Part 3, Markup Compatibility).

    Elements and attributes of the namespaces listed in mc:Ignorable (w14, w15, wp14 ...) are
    removed (an element named in mc:ProcessContent leaves its children in its place); of an
    mc:AlternateContent the first mc:Choice whose Requires namespaces are understood is kept,
    else its mc:Fallback. Anything else from an unknown namespace stays, for the schema to reject.
    """
    ignorable, process = _declared(element, ignorable, process)
    for name in list(element.attrib):
        if _namespace(name) in ignorable | {MC}:
            del element.attrib[name]
    index = 0
    while index < len(element):
        child = element[index]
        if isinstance(child.tag, str) and child.tag == f"{{{MC}}}AlternateContent":
            _replace(child, _chosen(child))  # what takes its place is looked at next
        elif isinstance(child.tag, str) and _namespace(child.tag) in ignorable:
            keep = child.tag in process or f"{{{_namespace(child.tag)}}}*" in process
            _replace(child, list(child) if keep else [])
        else:
            if isinstance(child.tag, str):
                set_aside_markup_compatibility(child, ignorable, process)
            index += 1


def _declared(element, ignorable: frozenset, process: frozenset) -> tuple[frozenset, frozenset]:
    """The ignorable namespaces and process-content names in force in ``element``."""
    listed = element.get(f"{{{MC}}}Ignorable", "").split()
    ignorable = ignorable | {element.nsmap.get(prefix) for prefix in listed}
    names = []
    for entry in element.get(f"{{{MC}}}ProcessContent", "").split():
        prefix, _, local = entry.partition(":")
        names.append(f"{{{element.nsmap.get(prefix)}}}{local}")
    return ignorable, process | set(names)


def _chosen(alternate) -> list:
    for branch in alternate:
        if branch.tag == f"{{{MC}}}Choice":
            required = [branch.nsmap.get(prefix) for prefix in branch.get("Requires", "").split()]
            if all(space in UNDERSTOOD for space in required):
                return list(branch)
        elif branch.tag == f"{{{MC}}}Fallback":
            return list(branch)
    return []


def _replace(element, replacement: list) -> None:
    parent = element.getparent()
    at = parent.index(element)
    parent.remove(element)
    for offset, child in enumerate(replacement):
        parent.insert(at + offset, child)


def invalid_parts(docx: Path, schema: etree.XMLSchema) -> dict[str, list[str]]:
    """Each XML part of ``docx`` the schemas reject, with the first few reasons."""
    problems = {}
    with zipfile.ZipFile(docx) as archive:
        for name in archive.namelist():
            if not name.endswith((".xml", ".rels")):
                continue
            root = etree.fromstring(archive.read(name))
            set_aside_markup_compatibility(root)
            if _namespace(root.tag) not in UNDERSTOOD:
                problems[name] = [f"no schema for {root.tag}"]
            elif not schema.validate(root):
                problems[name] = [f"line {e.line}: {e.message}" for e in list(schema.error_log)[:5]]
    return problems


# -- the documents ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def samples(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("ooxml")
    return {
        name: build_document(SAMPLES / f"{name}.xlsx", folder / f"{name}.docx", force=force, as_of=AS_OF).output
        for name, force in SAMPLE_BUILDS.items()
    }


@pytest.fixture(scope="module")
def users_template(tmp_path_factory) -> Path:
    """`sipgen template export`, restyled and saved by python-docx as a school's own would be,
    carrying what Word-made templates often do: settings out of order, a zoom without a percent."""
    from docx import Document
    from docx.oxml import parse_xml
    from docx.shared import Pt, RGBColor
    from typer.testing import CliRunner

    from sipgen.cli import app

    folder = tmp_path_factory.mktemp("template")
    exported = folder / "exported.docx"
    assert CliRunner().invoke(app, ["template", "export", str(exported)]).exit_code == 0
    document = Document(str(exported))
    document.styles["Normal"].font.name = "Arial"
    document.styles["Heading 1"].font.color.rgb = RGBColor(0x7B, 0x1F, 0xA2)
    document.styles["Heading 1"].font.size = Pt(20)
    settings = document.settings.element
    settings.insert(0, parse_xml(f'<w:updateFields xmlns:w="{W}" w:val="true"/>'))
    for zoom in settings.findall(f"{{{W}}}zoom"):
        zoom.attrib.pop(f"{{{W}}}percent", None)
    header = document.sections[0].header.paragraphs[0]._p
    header.pPr.insert(0, header.pPr[-1])  # its w:jc before its w:pStyle
    restyled = folder / "ours.docx"
    document.save(str(restyled))
    return restyled


@pytest.fixture(scope="module")
def with_template(users_template, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("built") / "ours.docx"
    return build_document(SAMPLES / "primary.xlsx", out, template=users_template, as_of=AS_OF).output


def part(docx: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(docx) as archive:
        return etree.fromstring(archive.read(name))


# -- the tests -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", SAMPLE_BUILDS)
def test_every_part_of_each_sample_is_valid(samples, schema, name):
    assert invalid_parts(samples[name], schema) == {}


def test_every_part_is_valid_when_built_with_a_users_resaved_template(users_template, with_template, schema):
    assert invalid_parts(users_template, schema)  # the template itself is not: sipgen mends it
    assert invalid_parts(with_template, schema) == {}


def test_the_validator_finds_what_docxtpl_and_word_templates_get_wrong(tmp_path, schema, monkeypatch):
    """Without the mending, the faults the review found are found: a cell's shading before its
    width ({% cellbg %}) and a zoom without its percent."""
    monkeypatch.setattr(ooxml, "fix_order", lambda root: 0)
    monkeypatch.setattr(render_module, "_tidy_settings", lambda docx: None)
    out = build_document(SAMPLES / "primary.xlsx", tmp_path / "raw.docx", as_of=AS_OF).output
    problems = invalid_parts(out, schema)
    assert any("tcW" in reason for reason in problems["word/document.xml"])
    assert any("percent" in reason for reason in problems["word/settings.xml"])


def test_word_is_not_asked_to_update_fields_and_the_zoom_is_complete(samples, with_template):
    for docx in (*samples.values(), with_template):
        settings = part(docx, "word/settings.xml")
        assert settings.find(f"{{{W}}}updateFields") is None
        for zoom in settings.iter(f"{{{W}}}zoom"):
            assert re.fullmatch(r"\d+%?", zoom.get(f"{{{W}}}percent", ""))


def test_app_properties_name_sipgen_and_carry_no_stale_counts(samples, with_template):
    for docx in (*samples.values(), with_template):
        app = part(docx, "docProps/app.xml")
        assert app.findtext(f"{APP}Application") == "sipgen"
        assert re.fullmatch(r"\d\d\.\d{4}", app.findtext(f"{APP}AppVersion"))  # ISO/IEC 29500-1 §22.2.2.2
        for stale in ("Pages", "Words", "Characters", "Lines", "Paragraphs", "TotalTime", "Template"):
            assert app.find(f"{APP}{stale}") is None, stale
        with zipfile.ZipFile(docx) as archive:
            assert not any("thumbnail" in name for name in archive.namelist())


def test_the_title_names_the_school_and_the_plan(samples, with_template):
    from sipgen.checker import check_workbook

    for name, docx in (*samples.items(), ("primary", with_template)):
        settings = check_workbook(SAMPLES / f"{name}.xlsx", AS_OF).plan.settings
        core = part(docx, "docProps/core.xml")
        title = core.findtext("dc:title", namespaces=CORE)
        assert settings.organisation in title and settings.title in title, title
        assert core.findtext("dc:creator", namespaces=CORE) == settings.organisation
        assert core.findtext("cp:lastModifiedBy", namespaces=CORE) == "sipgen"
        assert core.findtext("dc:subject", namespaces=CORE)


def test_a_title_that_already_names_the_school_is_not_repeated():
    assert render_module.document_title("Hollins Lane Primary", "SIP 2026") == "Hollins Lane Primary: SIP 2026"
    assert render_module.document_title("Hollins Lane Primary", "Hollins Lane primary SIP") == (
        "Hollins Lane primary SIP"
    )
    assert render_module.document_title("", "SIP 2026") == "SIP 2026"


def test_the_same_workbook_and_template_give_the_same_bytes(users_template, with_template, tmp_path):
    again = build_document(SAMPLES / "primary.xlsx", tmp_path / "again.docx", template=users_template, as_of=AS_OF)
    assert again.output.read_bytes() == with_template.read_bytes()


# -- the order table and the helpers ---------------------------------------------------------

# Each element ooxml.ORDER covers, and its types in wml.xsd: the first is the widest, and
# ORDER must be it exactly; the others must follow the same order.
TYPES = {
    "pPr": ["CT_PPr", "CT_PPrGeneral", "CT_PPrBase"],
    "rPr": ["CT_ParaRPr", "CT_RPr", "CT_RPrOriginal", "CT_ParaRPrOriginal"],
    "tcPr": ["CT_TcPr", "CT_TcPrInner", "CT_TcPrBase"],
    "tblPr": ["CT_TblPr", "CT_TblPrBase"],
    "trPr": ["CT_TrPr", "CT_TrPrBase"],
    "tblPrEx": ["CT_TblPrEx", "CT_TblPrExBase"],
    "sectPr": ["CT_SectPr", "CT_SectPrBase"],
    "tblBorders": ["CT_TblBorders"],
    "tcBorders": ["CT_TcBorders"],
    "pBdr": ["CT_PBdr"],
    "tblCellMar": ["CT_TblCellMar"],
    "tcMar": ["CT_TcMar"],
    "numPr": ["CT_NumPr"],
    "settings": ["CT_Settings"],
    "styles": ["CT_Styles"],
    "docDefaults": ["CT_DocDefaults"],
    "style": ["CT_Style"],
    "tblStylePr": ["CT_TblStylePr"],
    "numbering": ["CT_Numbering"],
    "abstractNum": ["CT_AbstractNum"],
    "lvl": ["CT_Lvl"],
    "num": ["CT_Num"],
    "lvlOverride": ["CT_NumLvl"],
}


def _declared_children(wml, name: str) -> list[str]:
    """A complex type's child elements in declaration order: base types and groups expanded."""
    types = {t.get("name"): t for t in wml.iter(f"{XS}complexType")}
    groups = {g.get("name"): g for g in wml.iter(f"{XS}group") if g.get("name")}

    def walk(node) -> list[str]:
        found = []
        for child in node.iterchildren(f"{XS}*"):
            kind = etree.QName(child).localname
            if kind == "element":
                found.append(child.get("name") or child.get("ref"))
            elif kind == "group":
                found += walk(groups[child.get("ref")])
            elif kind == "extension":
                found += walk(types[child.get("base")]) + walk(child)
            elif kind in ("sequence", "choice", "all", "complexContent"):
                found += walk(child)
        return found

    return walk(types[name])


def test_the_order_table_is_the_schemas():
    wml = etree.parse(str(SCHEMAS / "wml.xsd")).getroot()
    assert set(TYPES) == set(ooxml.ORDER)
    for tag, (widest, *others) in TYPES.items():
        order = ooxml.ORDER[tag].split()
        assert order == _declared_children(wml, widest), tag
        for other in others:
            declared = _declared_children(wml, other)
            assert declared == [name for name in order if name in declared], (tag, other)


def test_fix_order_sorts_property_elements_and_keeps_unknown_children_in_place():
    cell = etree.fromstring(
        f'<w:tc xmlns:w="{W}" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"><w:tcPr>'
        '<w:vAlign w:val="center"/><w:shd w:fill="FF0000"/><w14:x/><w:tcW w:w="100"/><!-- kept --><w:gridSpan/>'
        "</w:tcPr><w:p><w:pPr><w:jc w:val='right'/><w:pStyle w:val='Normal'/></w:pPr></w:p></w:tc>"
    )
    assert ooxml.fix_order(cell) == 2
    names = [etree.QName(c).localname if isinstance(c.tag, str) else "comment" for c in cell[0]]
    assert names == ["tcW", "comment", "gridSpan", "shd", "x", "vAlign"]
    assert [etree.QName(c).localname for c in cell[1][0]] == ["pStyle", "jc"]
    assert ooxml.fix_order(cell) == 0


def test_stray_text_is_dropped_from_wordprocessingml_only():
    paragraph = etree.fromstring(
        f'<w:p xmlns:w="{W}" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        "junk<w:r><w:t>kept</w:t>junk</w:r>&lt;w:r&gt;<w:r><w:drawing><a:t>kept too</a:t></w:drawing></w:r></w:p>"
    )
    assert ooxml.drop_stray_text(paragraph) == 3
    assert "".join(paragraph.itertext()) == "keptkept too"


def test_a_template_with_a_broken_part_is_refused_with_a_reason(tmp_path):
    from sipgen.document import BuildError
    from sipgen.document.render import DEFAULT_TEMPLATE

    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(DEFAULT_TEMPLATE) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            target.writestr(item, b"<w:fonts><unclosed>" if item.filename == "word/fontTable.xml" else data)
    with pytest.raises(BuildError) as error:
        build_document(SAMPLES / "primary.xlsx", tmp_path / "plan.docx", template=broken, as_of=AS_OF)
    assert "broken.docx" in str(error.value) and "fontTable.xml" in str(error.value)
    assert not (tmp_path / "plan.docx").exists()
