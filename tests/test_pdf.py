"""PDFs: tagged for screen readers, laid out in Calibri's metrics, their page numbers written
back into the Word contents page, and made by one LibreOffice per worker however many plans."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import sys
import uuid
import zipfile
from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

from sipgen import pdf
from sipgen.cli import app
from sipgen.document import build_document
from sipgen.document.pages import contents_anchors, number_contents

from .conftest import ROOT, soffice, tools_required

SAMPLES = ROOT / "samples"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def need_office(bridge: bool = True) -> None:
    """Skip without LibreOffice (or its Python bridge), except under CI, which installs both."""
    missing = None
    if soffice() is None:
        missing = "LibreOffice is not installed"
    elif bridge and not pdf._uno_available():
        missing = "LibreOffice's Python bridge (python3-uno) is not installed"
    if missing:
        if tools_required():
            pytest.fail(f"{missing}; .ci/run installs it")
        pytest.skip(f"{missing} (scripts/setup --test installs it)")


def offices_under(root: Path) -> list[str]:
    """The processes still running whose command line names ``root`` (LibreOffice's profile is there)."""
    done = subprocess.run(["pgrep", "-af", str(root)], capture_output=True, text=True)
    return [line for line in done.stdout.splitlines() if "pgrep" not in line]


@pytest.fixture
def private_root(tmp_path, monkeypatch):
    """A folder of its own for LibreOffice's private profiles, so this test can find its processes."""
    root = tmp_path / f"offices-{uuid.uuid4().hex[:12]}"
    root.mkdir()
    monkeypatch.setattr(pdf, "WORK_ROOT", root)
    return root


@pytest.fixture(scope="module")
def primary(tmp_path_factory):
    """The primary sample built with --pdf, as if neither Calibri nor Carlito were installed."""
    need_office()
    folder = tmp_path_factory.mktemp("primary")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pdf, "_font_families", lambda: {"DejaVu Sans", "Liberation Serif"})
        command = ["build", str(SAMPLES / "primary.xlsx"), "-o", str(folder / "p.docx"), "--pdf"]
        result = CliRunner().invoke(app, [*command, "--as-of", "2026-07-01"])
    return result, folder / "p.docx", folder / "p.pdf"


# -- accessible PDF --------------------------------------------------------------------------


def test_the_pdf_is_tagged_with_a_language_an_outline_and_links(primary):
    from pypdf import PdfReader

    result, _, made = primary
    assert result.exit_code == 0, result.output
    reader = PdfReader(str(made))
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert catalog["/MarkInfo"]["/Marked"].value is True
    assert str(catalog["/Lang"]).startswith("en"), catalog["/Lang"]
    assert len(reader.outline) >= 5, "the headings are the PDF's bookmarks"
    links = sum(1 for page in reader.pages for a in page.get("/Annots") or [] if a.get_object()["/Subtype"] == "/Link")
    assert links > 20


def test_the_pdf_embeds_carlito_or_calibri(primary):
    families = pdf._font_families()
    if families is not None and not {"carlito", "calibri"} & {f.lower() for f in families}:
        if tools_required():
            pytest.fail("Carlito is not installed; scripts/setup installs it")
        pytest.skip("neither Calibri nor Carlito is installed (scripts/setup installs Carlito)")
    from pypdf import PdfReader

    fonts = set()
    for page in PdfReader(str(primary[2])).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    assert any(name.startswith(("Carlito", "Calibri")) for name in fonts), fonts


# -- fonts ----------------------------------------------------------------------------------


def test_the_font_check_warns_only_without_calibri_and_carlito(monkeypatch):
    monkeypatch.setattr(pdf, "_font_families", lambda: {"DejaVu Sans", "Liberation Sans"})
    warning = pdf.font_warning()
    assert "Carlito" in warning and "apt-get install fonts-crosextra-carlito" in warning
    assert "\n" not in warning
    for installed in ({"Carlito", "DejaVu Sans"}, {"Calibri"}, {"calibri light", "Calibri"}):
        monkeypatch.setattr(pdf, "_font_families", lambda installed=installed: installed)
        assert pdf.font_warning() is None
    monkeypatch.setattr(pdf, "_font_families", lambda: None)  # no fontconfig: nothing to say
    assert pdf.font_warning() is None


def test_the_font_check_reads_fontconfig(monkeypatch):
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    assert pdf._font_families() is None


def test_without_the_fonts_pdf_warns_in_one_line_and_still_makes_the_pdf(primary):
    result, docx, made = primary
    assert result.exit_code == 0
    warnings = [line for line in result.stderr.splitlines() if "Carlito" in line]
    assert len(warnings) == 1 and "fonts-crosextra-carlito" in warnings[0], result.stderr
    assert made.read_bytes().startswith(b"%PDF") and docx.exists()
    assert "Traceback" not in result.output


# -- contents page numbers ------------------------------------------------------------------


def contents_entries(docx: Path) -> list[tuple[str, str]]:
    """Each contents entry's title and what follows its tab (the page number, if any)."""
    entries = []
    for paragraph in Document(str(docx)).paragraphs:
        if paragraph.style.style_id in ("TOC1", "TOC2"):
            title, _, page = paragraph.text.partition("\t")
            entries.append((" ".join(title.split()), page))
    return entries


def outline_pages(reader) -> dict[str, int]:
    pages = {}

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                pages.setdefault(" ".join(item.title.split()), reader.get_destination_page_number(item) + 1)

    walk(reader.outline)
    return pages


def test_the_word_contents_page_gets_the_pdfs_page_numbers(primary):
    from pypdf import PdfReader

    _, docx, made = primary
    reader = PdfReader(str(made))
    headings = outline_pages(reader)
    entries = contents_entries(docx)
    assert entries and all(page.isdigit() for _, page in entries), entries
    matched = {title: int(page) for title, page in entries if title in headings}
    assert len(matched) >= 3 and "Board summary" in matched, (entries, headings)
    assert matched == {title: headings[title] for title in matched}
    # The heading really is on that page of the PDF, not only in its outline.
    for title in ("Board summary", "Budget"):
        text = " ".join((reader.pages[matched[title] - 1].extract_text() or "").split())
        assert title in text, title


def test_numbers_go_into_contents_entries_and_nowhere_else(tmp_path):
    docx = build_document(SAMPLES / "primary.xlsx", tmp_path / "p.docx").output.read_bytes()
    anchors = contents_anchors(docx)
    assert anchors[:2] == ["sec_how_to_read", "sec_summary"] and len(anchors) >= 5
    pages = {anchor: 10 + i for i, anchor in enumerate(anchors)}
    numbered = number_contents(docx, {**pages, "Budget": 99})
    before, after = (zipfile.ZipFile(io.BytesIO(data)) for data in (docx, numbered))
    entries = [[(i.filename, i.date_time) for i in archive.infolist()] for archive in (before, after)]
    assert entries[0] == entries[1]
    for name in before.namelist():
        if name != "word/document.xml":
            assert before.read(name) == after.read(name), name
    old, new = (_paragraphs(archive.read("word/document.xml")) for archive in (before, after))
    assert len(old) == len(new)
    changed = [(o, n) for o, n in zip(old, new, strict=True) if o != n]
    assert len(changed) == len(anchors)
    for (old_xml, new_xml), anchor in zip(changed, anchors, strict=True):
        assert 'w:pStyle w:val="TOC1"' in old_xml and f'w:anchor="{anchor}"' in old_xml
        assert new_xml == old_xml.replace("</w:p>", f"<w:r><w:tab/></w:r><w:r><w:t>{pages[anchor]}</w:t></w:r></w:p>")
    assert number_contents(numbered, pages) == numbered, "an entry with a number keeps it"
    assert number_contents(docx, {}) == docx
    assert number_contents(docx, pages) == numbered, "the same input gives the same bytes"


def test_an_entry_without_a_link_is_numbered_by_its_title():
    body = (
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \\o "1-1" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r></w:p>'
        '<w:p><w:pPr><w:pStyle w:val="TOC2"/></w:pPr><w:r><w:t>P9   A  priority</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        '<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr><w:r><w:t>P9 A priority</w:t></w:r></w:p>'
    )
    xml = f'<w:document xmlns:w="{W[1:-1]}"><w:body>{body}</w:body></w:document>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", xml)
    numbered = number_contents(buffer.getvalue(), {"P9 A priority": 7})
    paragraphs = _paragraphs(zipfile.ZipFile(io.BytesIO(numbered)).read("word/document.xml"))
    # The number goes before the field's end; the paragraph after the field is not an entry.
    assert "<w:t>7</w:t></w:r><w:r><w:fldChar" in paragraphs[1]
    assert "<w:tab/>" not in paragraphs[2]


def _paragraphs(xml: bytes) -> list[str]:
    return re.findall(r"<w:p>.*?</w:p>|<w:p [^>]*>.*?</w:p>", xml.decode("utf-8"))


def test_without_pdf_the_contents_has_no_numbers(tmp_path):
    result = CliRunner().invoke(app, ["build", str(SAMPLES / "primary.xlsx"), "-o", str(tmp_path / "p.docx")])
    assert result.exit_code == 0
    assert all(page == "" for _, page in contents_entries(tmp_path / "p.docx"))


def test_without_the_python_bridge_the_pdf_is_still_tagged_and_the_word_file_unchanged(
    tmp_path, monkeypatch, private_root
):
    need_office(bridge=False)
    from pypdf import PdfReader

    monkeypatch.setattr(pdf, "_uno_available", lambda: False)
    docx = build_document(SAMPLES / "primary.xlsx", tmp_path / "p.docx").output
    before = docx.read_bytes()
    (outcome,) = pdf.convert_all([pdf.pdf_job(docx)])
    assert outcome.error == "" and outcome.pages == {}
    catalog = PdfReader(str(tmp_path / "p.pdf")).trailer["/Root"]
    assert "/StructTreeRoot" in catalog and catalog["/MarkInfo"]["/Marked"].value is True
    assert docx.read_bytes() == before
    assert offices_under(private_root) == [] and list(private_root.iterdir()) == []


# -- failures -------------------------------------------------------------------------------


def test_without_libreoffice_the_word_file_is_written_and_one_line_says_why(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf, "soffice", lambda: None)
    result = CliRunner().invoke(app, ["build", str(SAMPLES / "primary.xlsx"), "-o", str(tmp_path / "p.docx"), "--pdf"])
    assert result.exit_code == 2
    said = [line for line in result.stderr.splitlines() if "LibreOffice" in line]
    assert len(said) == 1 and "LibreOffice is not installed" in said[0] and str(tmp_path / "p.pdf") in said[0]
    assert (tmp_path / "p.docx").exists() and not (tmp_path / "p.pdf").exists()
    assert "Traceback" not in result.output


FAKE_HELPER = """
import json, pathlib, sys, time
print("a line that is not an answer", flush=True)
print(json.dumps({"ready": True}), flush=True)
for line in sys.stdin:
    job = json.loads(line)
    name = pathlib.Path(job["source"]).stem
    if name == "crash":
        sys.exit(3)
    if name == "hang":
        time.sleep(120)
    if name == "refuse":
        print(json.dumps({"ok": False, "error": "LibreOffice could not open the document"}), flush=True)
        continue
    with open(job["target"], "wb") as pdf:
        pdf.write(b"%PDF-1.4 made by the fake")
    print(json.dumps({"ok": True, "pages": {a: 5 for a in job["anchors"]}}), flush=True)
"""


@pytest.fixture
def fake_office(tmp_path, monkeypatch, private_root):
    """sipgen's converter driving a stand-in for LibreOffice that crashes, hangs or refuses on cue."""
    helper = private_root.parent / f"fake-office-{uuid.uuid4().hex[:8]}.py"
    helper.write_text(FAKE_HELPER)
    monkeypatch.setattr(pdf, "HELPER", helper)
    monkeypatch.setattr(pdf, "UNO_PYTHON", sys.executable)
    monkeypatch.setattr(pdf, "soffice", lambda: "/bin/true")
    monkeypatch.setattr(pdf, "_uno_available", lambda: True)
    docx = build_document(SAMPLES / "primary.xlsx", tmp_path / "plan.docx").output.read_bytes()

    def jobs(*names: str) -> list[pdf.Job]:
        made = []
        for name in names:
            (tmp_path / f"{name}.docx").write_bytes(docx)
            made.append(pdf.pdf_job(tmp_path / f"{name}.docx"))
        return made

    return jobs, helper


@pytest.mark.posix_only
def test_a_crash_or_a_hang_fails_that_document_only_and_leaves_nothing_running(fake_office, monkeypatch, private_root):
    jobs, helper = fake_office
    monkeypatch.setattr(pdf, "TIMEOUT", 2)
    outcomes = pdf.convert_all(jobs("first", "crash", "hang", "refuse", "last"), processes=1)
    errors = {o.job.docx.stem: o.error for o in outcomes}
    assert errors["first"] == errors["last"] == ""
    assert "LibreOffice stopped unexpectedly" in errors["crash"]
    assert "LibreOffice took longer than 2 seconds" in errors["hang"]
    assert "could not open the document" in errors["refuse"]
    for name in ("crash", "hang", "refuse"):
        assert errors[name].startswith(str(private_root.parent / f"{name}.pdf")) and "\n" not in errors[name]
        assert not (private_root.parent / f"{name}.pdf").exists()
    assert (private_root.parent / "last.pdf").read_bytes().startswith(b"%PDF")
    assert all(page == "5" for _, page in contents_entries(private_root.parent / "last.docx"))
    assert offices_under(helper) == [] and list(private_root.iterdir()) == []


def test_a_pdf_that_cannot_be_written_fails_alone(fake_office, private_root):
    jobs, _ = fake_office
    batch = jobs("one", "two")
    (private_root.parent / "one.pdf").mkdir()  # a folder where the PDF should go
    one, two = pdf.convert_all(batch, processes=2)
    assert one.error.startswith(str(private_root.parent / "one.pdf")) and "no PDF was made" in one.error
    assert two.error == "" and two.pdf.read_bytes().startswith(b"%PDF")


@pytest.mark.posix_only
def test_a_libreoffice_that_times_out_is_stopped_and_its_profile_deleted(tmp_path, monkeypatch, private_root):
    need_office()
    docx = build_document(SAMPLES / "primary.xlsx", tmp_path / "p.docx").output
    monkeypatch.setattr(pdf, "TIMEOUT", 0.05)
    with pytest.raises(pdf.PdfError, match=r"took longer than 0\.05 seconds") as raised:
        pdf.export_pdf(docx, tmp_path / "p.pdf")
    assert str(raised.value).startswith(str(tmp_path / "p.pdf")) and "\n" not in str(raised.value)
    assert not (tmp_path / "p.pdf").exists()
    assert offices_under(private_root) == [] and list(private_root.iterdir()) == []


# -- calm pages ----------------------------------------------------------------------------------

# A page holding this many lines of text or fewer (besides its running header and page number)
# reads as near-empty: a table's last row overleaf, or a heading cut off from its part.
NEAR_EMPTY = 8


def page_layout(path: Path) -> list[tuple[str, int]]:
    """Each page's orientation (P or L) and how many lines of text it holds, header and footer aside."""
    from pypdf import PdfReader

    pages = []
    for number, page in enumerate(PdfReader(str(path)).pages, start=1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        text = subprocess.run(
            ["pdftotext", "-layout", "-f", str(number), "-l", str(number), str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        lines = [line for line in text.splitlines() if line.strip()]
        pages.append(("L" if width > height else "P", len(lines) - 2))
    return pages


@pytest.mark.parametrize("sample", ["primary", "itt"])
def test_the_pages_turn_at_most_three_times_and_none_is_near_empty(sample, tmp_path):
    need_office(bridge=False)
    built = build_document(SAMPLES / f"{sample}.xlsx", tmp_path / "plan.docx", as_of=dt.date(2026, 7, 1))
    made = pdf.export_pdf(built.output, tmp_path / "plan.pdf")
    pages = page_layout(made)
    turns = sum(1 for (a, _), (b, _) in zip(pages, pages[1:], strict=False) if a != b)
    assert turns <= 3, [o for o, _ in pages]
    # The cover is short by design and the last page ends wherever the log ends.
    near_empty = [n for n, (_, lines) in enumerate(pages[1:-1], start=2) if lines <= NEAR_EMPTY]
    assert not near_empty, f"near-empty pages {near_empty} of {len(pages)}"
