"""The governor-ready Word document: check the plan, build its view, render it, write it safely."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..checker import CheckResult, check_workbook
from ..files import OutputError, check_output, write_atomically
from ..findings import Severity


class BuildError(Exception):
    """The document was not written. ``str()`` says why; ``exit_code`` is what the CLI returns."""

    def __init__(self, message: str, exit_code: int = 2):
        super().__init__(message)
        self.exit_code = exit_code


@dataclass
class BuildResult:
    check: CheckResult
    output: Path
    pdf: Path | None = None


def default_output(workbook: Path) -> Path:
    return workbook.with_suffix(".docx")


def build_document(
    workbook: str | Path,
    output: str | Path | None = None,
    *,
    template: str | Path | None = None,
    force: bool = False,
    with_findings: bool = False,
    as_of: dt.date | None = None,
    result: CheckResult | None = None,
    since: str | Path | None = None,
) -> BuildResult:
    """Check ``workbook`` and write its Word document to ``output`` (default: beside it).

    ``since`` (the last version's workbook) adds a part listing what changed since it.

    Raises :class:`BuildError` when the plan is unreadable, has errors (unless ``force``),
    or the template or output cannot be used; then nothing is written.
    """
    from .render import TemplateError, document_time, render
    from .view import build_view

    workbook = Path(workbook)
    output = Path(output) if output else default_output(workbook)
    result = result or check_workbook(workbook, as_of)
    if result.plan is None:
        unreadable = result.findings[0]
        raise BuildError(f"{unreadable.message}\nFix: {unreadable.hint}" if unreadable.hint else unreadable.message, 2)
    errors = [f for f in result.findings if f.severity is Severity.ERROR]
    if errors and not force:
        listed = "".join(f"\n  {f.where or '-'}  {f.code}  {f.message}" for f in errors[:10])
        more = f"\n  ... and {len(errors) - 10} more" if len(errors) > 10 else ""
        raise BuildError(
            f"{workbook}: {len(errors)} error{'s stop' if len(errors) != 1 else ' stops'} the build:{listed}{more}\n"
            f"Fix {'them' if len(errors) != 1 else 'it'} (`sipgen check {workbook}` explains each), or add "
            "--force to build anyway.",
            1,
        )
    try:
        inputs = (workbook,) + tuple(Path(p) for p in (template, since) if p)
        check_output(output, inputs=inputs)
    except OutputError as exc:
        raise BuildError(str(exc), 2) from None
    if template is not None and not Path(template).is_file():
        raise BuildError(f"{template}: there is no Word template here.", 2)
    changes = _changes_since(Path(since), result.plan) if since else None
    view = build_view(
        result.plan, result.findings if with_findings else None, as_of=as_of or dt.date.today(), changes=changes
    )
    try:
        data = render(view, Path(template) if template else None, document_time(result.plan.saved))
    except TemplateError as exc:
        raise BuildError(str(exc), 2) from None
    write_atomically(output, lambda temp: temp.write_bytes(data))
    return BuildResult(result, output)


def _changes_since(last: Path, plan) -> list:
    """What changed in the plan since ``last``, as the plan's changes part lists it."""
    from ..diff import diff_since

    compared = diff_since(last, plan)
    if compared.error:
        raise BuildError(compared.error, 2)
    return compared.changes
