"""Receiving a form's workbooks: the CSRF check, then each file into a private folder deleted afterwards.

Nothing the user sends names a path here: a file is saved under a cleaned-up copy of its own
name inside a new temporary folder, and the folder's path is taken out of every message.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import unicodedata
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .security import CSRF_COOKIE, TooLarge, same

NAME_LENGTH = 80


class UploadError(Exception):
    """The form cannot be used; ``title`` and ``str()`` say why, ``status`` is the HTTP status."""

    def __init__(self, title: str, message: str, status: int = 400):
        super().__init__(message)
        self.title = title
        self.status = status


@dataclass
class Upload:
    folder: Path
    files: dict[str, Path] = field(default_factory=dict)  # form field -> the saved file
    options: dict[str, str] = field(default_factory=dict)  # the form's other fields

    def plain(self, text: str) -> str:
        """``text`` without the private folder's path, so a message names only the user's file."""
        return re.sub(re.escape(str(self.folder)) + r"(/\d+)?/?", "", text)


NAME_BYTES = 160  # well inside the 255 bytes a name may have on every disk, with -report.docx added
# What Windows forbids in a name: these characters, control characters, and a device's name.
FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
DEVICES = re.compile(r"(CON|PRN|AUX|NUL|COM\d|LPT\d)(\..*)?", re.IGNORECASE)


def safe_name(given: str | None, fallback: str) -> str:
    """The file's own name, in any language, with only what Windows forbids replaced by _; never a path.

    "Évaluation plan 2025–26.xlsx" stays as it is, so the documents made from it are named after it.
    """
    name = unicodedata.normalize("NFC", re.split(r"[/\\]", given or "")[-1])  # macOS sends é as e + ´
    name = FORBIDDEN.sub("_", name).strip(" .")[-NAME_LENGTH:]
    while len(name.encode("utf-8")) > NAME_BYTES:
        name = name[1:]
    name = name.lstrip(" .")
    if DEVICES.fullmatch(name):
        name = f"_{name}"
    return name or fallback


async def _form(request):
    kind = request.headers.get("content-type", "")
    if not kind.startswith("multipart/form-data"):
        raise UploadError(
            "This page takes a form with a file",
            "Use the form on sipgen's start page to choose a workbook and press a button.",
            415,
        )
    try:
        return await request.form(max_files=4, max_fields=20)
    except TooLarge:
        raise
    except Exception as exc:  # a malformed body: say so, never a traceback
        raise UploadError("The form could not be read", f"The upload was cut short or malformed ({exc}).") from None


@asynccontextmanager
async def receive(request, fields: tuple[str, ...]):
    """The form's files saved in a private folder (yielded as an :class:`Upload`), deleted on leaving."""
    form = await _form(request)
    if not same(form.get("csrf"), request.cookies.get(CSRF_COOKIE)):
        raise UploadError(
            "The form had expired",
            "Go back to sipgen's start page, choose the file again and press the button once more.",
            403,
        )
    folder = Path(tempfile.mkdtemp(prefix="sipgen-web-"))
    try:
        upload = Upload(folder, options={k: v for k, v in form.items() if isinstance(v, str)})
        for number, name in enumerate(fields):
            sent = form.get(name)
            if sent is None or isinstance(sent, str) or not sent.filename:
                raise UploadError("Choose a workbook first", "Choose a plan workbook (.xlsx), then press a button.")
            target = folder / str(number) / safe_name(sent.filename, "plan.xlsx")
            target.parent.mkdir()
            with target.open("wb") as out:
                shutil.copyfileobj(sent.file, out)
            upload.files[name] = target
        yield upload
    finally:
        await form.close()
        shutil.rmtree(folder, ignore_errors=True)
