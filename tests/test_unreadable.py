"""Files that are not workbooks: one clear WB001 line naming the file, the file untouched."""

from __future__ import annotations

import zipfile

import pytest

from sipgen.checker import check_workbook


def _docx(path):
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")


def _xls(path):
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "Workbook".encode("utf-16-le"))


def _encrypted(path):
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptedPackage".encode("utf-16-le"))


def _truncated(path, write_plan, minimal):
    data = write_plan(minimal).read_bytes()
    path.write_bytes(data[: len(data) // 2])


CASES = {
    "empty": (lambda p: p.write_bytes(b""), "empty"),
    "csv": (lambda p: p.write_text("Ref,Action\nP1.1.1,Train staff\n"), "CSV"),
    "text": (lambda p: p.write_text("just some notes"), "text file"),
    "docx": (_docx, "Word document"),
    "xls": (_xls, ".xls"),
    "encrypted": (_encrypted, "password"),
    "random": (lambda p: p.write_bytes(bytes(range(256)) * 4), "not an Excel workbook"),
}


@pytest.mark.parametrize("name", CASES)
def test_not_a_workbook_is_wb001(tmp_path, name):
    make, words = CASES[name]
    path = tmp_path / f"{name}.xlsx"
    make(path)
    before = path.read_bytes()
    result = check_workbook(path)
    assert result.unreadable and result.exit_code() == 2
    [finding] = result.findings
    assert finding.code == "WB001" and finding.severity.value == "error"
    assert str(path) in finding.message and words in finding.message
    assert "\n" not in finding.message
    assert path.read_bytes() == before


def test_truncated_workbook_is_wb001(tmp_path, write_plan, minimal):
    path = tmp_path / "cut.xlsx"
    _truncated(path, write_plan, minimal)
    result = check_workbook(path)
    assert [f.code for f in result.findings] == ["WB001"]
    assert "damaged" in result.findings[0].message


def test_missing_file_and_folder(tmp_path):
    assert "no file" in check_workbook(tmp_path / "nope.xlsx").findings[0].message
    assert "folder" in check_workbook(tmp_path).findings[0].message
