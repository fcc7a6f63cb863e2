"""What each button does to a saved upload: the same library calls as the CLI, run in a worker thread.

Each function takes the :class:`~sipgen.web.uploads.Upload` and returns a :class:`Made` file or
raises :class:`~sipgen.document.BuildError` with a message naming only the user's file.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from ..checker import CheckResult, check_workbook
from ..document import BuildError
from ..findings import Finding, Severity
from .uploads import Upload

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass
class Made:
    """A file to download: its bytes, its name and its type."""

    data: bytes
    name: str
    media_type: str


def _out(upload: Upload, suffix: str) -> Path:
    plan = upload.files["workbook"]
    folder = upload.folder / "out"
    folder.mkdir(exist_ok=True)
    return folder / f"{plan.stem}{suffix}"


def _force(upload: Upload) -> bool:
    return upload.options.get("force") == "yes"


def check(upload: Upload) -> CheckResult:
    return check_workbook(upload.files["workbook"])


@dataclass
class Checked:
    """What the findings page shows of a check: small, so that a worker process sends it back quickly."""

    name: str
    findings: list[Finding]
    summary: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    skipped: bool = False  # the planning rules were not run: sheets or columns are missing
    unreadable: str = ""  # why the workbook could not be read; empty when it was


def checked(upload: Upload) -> Checked:
    """Check the uploaded plan (run in a worker process: twenty checks at once share the cores)."""
    from ..report import summary_line

    result = check(upload)
    name = upload.files["workbook"].name
    if result.unreadable:
        return Checked(name, [], unreadable=upload.plain(_unreadable(result)))
    counts = {s.value: result.count(s) for s in Severity}
    return Checked(name, result.findings, summary_line(result), counts, result.rules_skipped)


def word(upload: Upload) -> Made:
    from ..document import build_document

    out = _out(upload, ".docx")
    try:
        build_document(upload.files["workbook"], out, force=_force(upload))
    except BuildError as exc:
        raise BuildError(upload.plain(str(exc)), exc.exit_code) from None
    return Made(out.read_bytes(), out.name, DOCX)


def annotated(upload: Upload) -> Made:
    from ..annotate import annotate

    result = check(upload)
    if result.unreadable:
        raise BuildError(upload.plain(_unreadable(result)))
    out = annotate(result, _out(upload, "-checked.xlsx"))
    return Made(out.read_bytes(), out.name, XLSX)


def board_report(upload: Upload) -> Made:
    from ..document.board_report import ReportError, write_report

    out = _out(upload, "-report.docx")
    try:
        write_report([upload.files["workbook"]], out, jobs=1)
    except ReportError as exc:
        raise BuildError(upload.plain(str(exc)), exc.exit_code) from None
    return Made(out.read_bytes(), out.name, DOCX)


ICS = "text/calendar"
ZIP = "application/zip"


def _initials(upload: Upload) -> str | None:
    """The optional initials typed on the form: one person's calendar or tasks."""
    return " ".join(upload.options.get("initials", "").split()) or None


def _readable_plan(upload: Upload):
    result = check(upload)
    if result.unreadable:
        raise BuildError(upload.plain(_unreadable(result)))
    return result.plan


def calendar(upload: Upload) -> Made:
    """The plan's dates as an iCalendar file (everyone's, or one person's), as `sipgen calendar` writes it."""
    import datetime as dt

    from ..calendar_export import CalendarError, write_calendar

    owner = _initials(upload)
    out = _out(upload, f"-{owner}.ics" if owner else ".ics")
    try:
        written = write_calendar(_readable_plan(upload), out, dt.date.today(), owner)
    except CalendarError as exc:
        raise BuildError(upload.plain(str(exc))) from None
    if not written.written:
        raise BuildError(upload.plain(written.line()))
    return Made(out.read_bytes(), out.name, ICS)


def tasks(upload: Upload) -> Made:
    """Each person's tasks (`sipgen tasks`): one person's document when initials are given, else a
    .zip of everyone's and the summary."""
    import datetime as dt
    import io
    import zipfile

    from ..document.tasks import TasksError, write_tasks

    folder = upload.folder / "out" / "tasks"
    try:
        result = write_tasks(upload.files["workbook"], folder, dt.date.today())
    except TasksError as exc:
        raise BuildError(upload.plain(str(exc)), exc.exit_code) from None
    owner = _initials(upload)
    if owner:
        mine = [
            d
            for d, p in zip(result.documents, _with_tasks(result), strict=True)
            if p.initials.casefold() == owner.casefold()
        ]
        if not mine:
            raise BuildError(f"{owner}: nobody with these initials has anything to do in this plan.")
        return Made(mine[0].read_bytes(), mine[0].name, DOCX)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for document in (*result.documents, result.summary):
            archive.write(document, document.name)
    return Made(buffer.getvalue(), f"{upload.files['workbook'].stem} tasks.zip", ZIP)


def _with_tasks(result):
    """The people who got a document, in the order of ``result.documents``."""
    return [p for p in result.people if p.has_tasks]


def next_year(upload: Upload) -> Made:
    """Next year's workbook from this year's (`sipgen new NEXT.xlsx --from THIS.xlsx`)."""
    from ..rollover import RolloverError, write_next_year

    out = _out(upload, " next year.xlsx")
    try:
        write_next_year(upload.files["workbook"], out, force=True)
    except RolloverError as exc:
        raise BuildError(upload.plain(str(exc))) from None
    return Made(out.read_bytes(), out.name, XLSX)


def compare(upload: Upload):
    """What changed between the two uploaded versions (`sipgen diff`), with messages naming only the files.

    Run in a worker process, like every job: diff_workbooks may fork to read two large workbooks side by side,
    which is safe in a worker but not in the server, whose threads could hold a lock.
    """
    from ..diff import diff_workbooks

    result = diff_workbooks(upload.files["old"], upload.files["new"])
    result.error = upload.plain(result.error)
    return result


def _unreadable(result: CheckResult) -> str:
    first = result.findings[0] if result.findings else None
    return f"{first.message} {first.hint}".strip() if first else f"{result.path.name}: it could not be read."


class PdfService:
    """One LibreOffice for the whole server, started by the first PDF asked for and kept warm.

    LibreOffice converts one document at a time, so requests take turns (the lock).
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._converter = None

    @staticmethod
    def available() -> bool:
        from ..pdf import soffice

        return soffice() is not None

    def pdf(self, upload: Upload) -> Made:
        from ..pdf import NOT_INSTALLED, Converter, pdf_job

        if not self.available():
            raise BuildError(NOT_INSTALLED)
        docx = word(upload)  # checks and writes the Word file first, as `build --pdf` does
        job = pdf_job(_out(upload, ".docx"))
        with self._lock:
            if self._converter is None:
                self._converter = Converter(1)
            self._converter.submit(job)
            outcome = self._converter.next_outcome()
        if outcome.error:
            raise BuildError(upload.plain(outcome.error))
        return Made(job.pdf.read_bytes(), docx.name.removesuffix(".docx") + ".pdf", "application/pdf")

    def close(self) -> None:
        with self._lock:
            if self._converter is not None:
                self._converter.__exit__(None, None, None)
                self._converter = None


def _preload() -> None:
    """Import the document code as a worker starts, so that no user's first document waits for it."""
    from .. import annotate  # noqa: F401
    from ..document import (  # noqa: F401
        board_report,  # noqa: F401
        render,
        view,
    )


class Workers:
    """Processes that make the documents, one for each core, started by the first document asked for.

    Checking a plan and building its Word file are Python work that holds the GIL: in threads,
    twenty at once would take turns on one core.
    """

    def __init__(self, processes: int | None = None):
        self._processes = processes
        self._pool = None
        self._lock = threading.Lock()

    def _started(self):
        import os

        from ..processes import executor

        with self._lock:
            if self._pool is None:
                # Never plain fork (the server runs threads); executor picks forkserver, or spawn on Windows.
                self._pool = executor(self._processes or os.cpu_count() or 1, initializer=_preload)
            return self._pool

    async def run(self, job, upload: Upload):
        import asyncio

        return await asyncio.get_running_loop().run_in_executor(self._started(), job, upload)

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(cancel_futures=True)
                self._pool = None
