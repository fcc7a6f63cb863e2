"""PDF copies of the document, made by LibreOffice when it is installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from .files import write_atomically

UNO_PYTHON = "/usr/bin/python3"
TIMEOUT = 300


class PdfError(Exception):
    """No PDF could be made. ``str()`` says why and what to do."""


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _uno_available() -> bool:
    if not os.path.exists(UNO_PYTHON):
        return False
    done = subprocess.run([UNO_PYTHON, "-c", "import uno"], capture_output=True, timeout=30)
    return done.returncode == 0


def export_pdf(docx: Path, pdf: Path) -> Path:
    """Write ``pdf`` from ``docx`` with LibreOffice, contents and links included."""
    office = soffice()
    if office is None:
        raise PdfError(
            "LibreOffice is not installed, so no PDF was made (the Word document was). "
            "Install it (Debian/Ubuntu: apt-get install libreoffice-writer-nogui), or save as PDF from Word."
        )
    with tempfile.TemporaryDirectory(prefix="sipgen-pdf-") as work:
        work_dir = Path(work)
        made = work_dir / (docx.stem + ".pdf")
        # A private profile and home, so nothing is left in the user's LibreOffice settings.
        env = {**os.environ, "HOME": work, "XDG_CACHE_HOME": work, "XDG_CONFIG_HOME": work}
        profile = work_dir / "profile"
        if _uno_available():
            command = [UNO_PYTHON, str(Path(__file__).with_name("uno_export.py")), str(docx), str(made), str(profile)]
        else:  # the contents page stays as sipgen wrote it, without page numbers
            command = [
                office,
                "--headless",
                "--norestore",
                f"-env:UserInstallation=file://{profile}",
                "--convert-to",
                "pdf:writer_pdf_Export",
                "--outdir",
                str(work_dir),
                str(docx),
            ]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, env=env)
        except subprocess.TimeoutExpired:
            raise PdfError(f"{pdf}: LibreOffice took longer than {TIMEOUT} seconds; no PDF was made.") from None
        # LibreOffice's exit code is unreliable: trust only a PDF that exists and is not empty.
        if not made.exists() or made.stat().st_size == 0 or not made.read_bytes().startswith(b"%PDF"):
            detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
            raise PdfError(f"{pdf}: LibreOffice could not make a PDF ({detail[0]}).")
        write_atomically(pdf, lambda temp: shutil.copyfile(made, temp))
    return pdf
