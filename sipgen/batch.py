"""Checking and building many plans at once: a trust's folder, in parallel, one failure at a time.

Each workbook is handled on its own in a worker process; whatever goes wrong with one is
recorded in its row of the summary and the others carry on.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import as_completed
from dataclasses import dataclass
from pathlib import Path

from .xlsx import SAVE_AS_STEPS

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
# Spreadsheets sipgen cannot read: a folder's are listed as unreadable, never silently left out.
OTHER_SPREADSHEETS = {
    ".ods": "an OpenDocument spreadsheet (.ods, LibreOffice's own format)",
    ".xls": "an old-style Excel file (.xls)",
    ".xlsb": "an Excel binary workbook (.xlsb)",
    ".csv": "a CSV file (.csv)",
    ".numbers": "an Apple Numbers file (.numbers)",
}


@dataclass
class Row:
    """One workbook's line in the summary."""

    workbook: Path
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    accepted: int = 0
    output: Path | None = None
    pdf: Path | None = None
    status: str = ""
    exit_code: int = 0
    message: str = ""
    notice: str = ""  # a warning that did not stop the build, e.g. a report date outside the plan's year


def expand(paths: Iterable[Path]) -> list[Path]:
    """The workbooks named, with each folder replaced by the spreadsheets in it (sorted); each once.

    A folder's spreadsheets in other formats (.ods, .xls, .csv ...) are listed too, so that each
    is reported as unreadable (see :func:`other_format`) rather than left out unseen, unless it
    has been saved as .xlsx beside itself (south.ods with south.xlsx). Excel's lock
    files (~$plan.xlsx) and hidden files are left out; a path that does not exist stays, so
    that it gets its own clear message.
    """
    found: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        folder = path.is_dir() and path.suffix.lower() != ".numbers"  # a Numbers file may be a package
        for item in _spreadsheets(path) if folder else [path]:
            if item.resolve() not in seen:
                seen.add(item.resolve())
                found.append(item)
    return found


def _spreadsheets(folder: Path) -> list[Path]:
    """The folder's workbooks, and its spreadsheets in other formats that have no .xlsx copy beside them."""
    found = [
        p
        for p in folder.iterdir()
        if p.suffix.lower() in WORKBOOK_SUFFIXES + tuple(OTHER_SPREADSHEETS)
        and not p.name.startswith(("~$", "."))
        and (p.is_file() or p.suffix.lower() == ".numbers")
    ]
    saved_as_xlsx = {p.stem.casefold() for p in found if p.suffix.lower() in WORKBOOK_SUFFIXES}
    return sorted(p for p in found if p.suffix.lower() in WORKBOOK_SUFFIXES or p.stem.casefold() not in saved_as_xlsx)


def other_format(path: Path) -> tuple[str, str]:
    """Why sipgen cannot read ``path``, a spreadsheet in another format, and how to save it as .xlsx;
    ("", "") for any other file."""
    kind = OTHER_SPREADSHEETS.get(path.suffix.lower())
    if kind is None:
        return "", ""
    numbers = "; in Numbers, File > Export To > Excel" if path.suffix.lower() == ".numbers" else ""
    return f"{path}: this is {kind}, and sipgen reads only Excel workbooks (.xlsx).", f"{SAVE_AS_STEPS}{numbers}."


def check_one(workbook: Path, as_of: dt.date | None = None):
    """:func:`sipgen.checker.check_workbook`, but a spreadsheet in another format is unreadable
    with a finding that says how to save it as .xlsx."""
    from .checker import CheckResult, check_workbook
    from .rules.registry import finding

    message, hint = other_format(workbook)
    if not message:
        return check_workbook(workbook, as_of)
    return CheckResult(workbook, None, [finding("WB001", message, hint)])


def output_names(workbooks: list[Path], out_dir: Path | None) -> list[Path]:
    """Each workbook's document, in ``out_dir`` or beside the workbook, named after it.

    Where two would be one file (plan.xlsx in two folders; or Plan.xlsx and plan.xlsx, one
    name on Windows' and macOS's disks), the later are numbered as Windows numbers copies:
    plan (2).docx. The summary table shows which document is whose.
    """
    wanted = [(out_dir / wb.with_suffix(".docx").name) if out_dir else wb.with_suffix(".docx") for wb in workbooks]
    taken = {_same_file(p) for p in wanted}
    claimed: set[str] = set()
    outputs = []
    for first in wanted:
        path, number = first, 1
        # its own name unless an earlier workbook has it; a number no other workbook's name has
        while _same_file(path) in (claimed if number == 1 else taken):
            number += 1
            path = first.with_name(f"{first.stem} ({number}).docx")
        claimed.add(_same_file(path))
        taken.add(_same_file(path))
        outputs.append(path)
    return outputs


def _same_file(path: Path) -> str:
    """A key two paths share if they name one file on a disk that ignores case."""
    return str(path.resolve()).casefold()


def _counts(result) -> dict:
    from .findings import Severity

    return {
        "errors": result.count(Severity.ERROR),
        "warnings": result.count(Severity.WARNING),
        "infos": result.count(Severity.INFO),
        "accepted": len(result.accepted),
    }


def build_one(workbook: Path, output: Path, options: dict) -> Row:
    """Build one workbook's document; never raises, whatever goes wrong is in the row."""
    from .document import BuildError, build_document
    from .files import OutputError

    row = Row(workbook)
    try:
        result = check_one(workbook, options.get("as_of"))
        row.__dict__.update(_counts(result))
        if result.plan is not None:
            from .states import outside_year

            row.notice = outside_year(result.plan, options.get("as_of") or dt.date.today())
        built = build_document(
            workbook,
            output,
            template=options.get("template"),
            force=options.get("force", False),
            with_findings=options.get("with_findings", False),
            as_of=options.get("as_of"),
            result=result,
            since=options.get("since"),
        )
        row.output, row.status = built.output, "written"
        if options.get("pdf"):
            from .pdf import convert_all, pdf_job

            add_pdf(row, convert_all([pdf_job(built.output)])[0])
    except BuildError as exc:
        row.exit_code = exc.exit_code
        row.status = "has errors" if exc.exit_code == 1 else "not built"
        row.message = str(exc)
    except OutputError as exc:  # the document is read-only, or open in another program
        row.exit_code, row.status, row.message = 2, "not built", str(exc)
    except Exception as exc:  # one broken workbook must not stop a trust's whole run
        row.exit_code, row.status, row.message = 3, "failed", f"{workbook}: {type(exc).__name__}: {exc}"
    return row


def add_pdf(row: Row, outcome) -> None:
    """Record in ``row`` how its PDF went (a :class:`sipgen.pdf.Outcome`)."""
    if outcome.pdf:
        row.pdf, row.status = outcome.pdf, "written, with PDF"
    if outcome.error:
        row.status = row.status if outcome.pdf else "written, no PDF"
        row.exit_code, row.message = max(row.exit_code, 2), outcome.error


def build_many(
    workbooks: list[Path],
    out_dir: Path | None,
    options: dict,
    jobs: int | None = None,
    progress: Callable[[Row], None] | None = None,
) -> list[Row]:
    """Build every workbook's document, in parallel over the machine's cores.

    Documents go to ``out_dir`` (default: beside each workbook; created if missing). Rows
    come back in the order of ``workbooks``. With ``options["pdf"]``, one LibreOffice per
    worker converts the documents as they are written (starting it is most of a PDF's time).
    """
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    outputs = output_names(workbooks, out_dir)
    workers = max(1, min(jobs or os.cpu_count() or 1, len(workbooks)))
    rows: list[Row | None] = [None] * len(workbooks)
    if not options.get("pdf"):
        for index, row in _built(workbooks, outputs, options, workers):
            rows[index] = row
            if progress:
                progress(row)
        return rows
    from .pdf import Converter, pdf_job

    with Converter(workers) as converter:
        for index, row in _built(workbooks, outputs, {**options, "pdf": False}, workers, converter.start):
            rows[index] = row
            if row.output:
                converter.submit(pdf_job(row.output, key=index))
            elif progress:
                progress(row)
        for outcome in converter.outcomes():
            add_pdf(rows[outcome.job.key], outcome)
            if progress:
                progress(rows[outcome.job.key])
    return rows


def _built(
    workbooks: list[Path], outputs: list[Path], options: dict, workers: int, forked: Callable[[], None] = lambda: None
) -> Iterator[tuple[int, Row]]:
    """Each workbook's index and row, as its Word document is done (in parallel if ``workers`` > 1).

    ``forked`` is called once the worker processes exist: threads may start from then on.
    """
    if workers == 1:
        forked()
        for index, (workbook, output) in enumerate(zip(workbooks, outputs, strict=True)):
            yield index, build_one(workbook, output, options)
        return
    from .processes import executor  # started as the platform allows: Windows has only spawn

    with executor(workers) as pool:
        futures = {
            pool.submit(build_one, wb, out, options): i
            for i, (wb, out) in enumerate(zip(workbooks, outputs, strict=True))
        }
        forked()  # a pool that forks has forked all its workers at the first submit
        for future in as_completed(futures):
            index = futures[future]
            try:
                row = future.result()
            except Exception as exc:  # the worker itself died (out of memory, killed)
                row = Row(workbooks[index], status="failed", exit_code=3, message=f"{workbooks[index]}: {exc}")
            yield index, row


def check_many(workbooks: list[Path], as_of: dt.date | None = None):
    """Check every workbook; the results in order (checking is quick enough to run in turn)."""
    return [check_one(workbook, as_of) for workbook in workbooks]


def check_rows(results) -> list[Row]:
    """One summary row for each checked workbook."""
    from .findings import Severity

    rows = []
    for result in results:
        errors = result.count(Severity.ERROR)
        status = "unreadable" if result.unreadable else ("has errors" if errors else "ok")
        rows.append(
            Row(result.path, errors, result.count(Severity.WARNING), result.count(Severity.INFO), status=status)
        )
    return rows


def summary_table(rows: list[Row]) -> str:
    """The table that ends a batch run: workbook, findings by severity, output, status."""
    headers = ("workbook", "errors", "warnings", "info", "output", "status")
    lines = [
        (str(r.workbook), str(r.errors), str(r.warnings), str(r.infos), str(r.output or "-"), r.status) for r in rows
    ]
    widths = [max(len(h), *(len(line[i]) for line in lines)) if lines else len(h) for i, h in enumerate(headers)]
    out = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))]
    out.append("  ".join("-" * w for w in widths))
    out += ["  ".join(v.ljust(w) for v, w in zip(line, widths, strict=True)) for line in lines]
    written = sum(1 for r in rows if r.output)
    out.append(f"{written} of {len(rows)} documents written.")
    return "\n".join(out)
