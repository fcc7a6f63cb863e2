"""Showing check results: a readable report grouped by sheet, or stable JSON."""

from __future__ import annotations

import json
import os
import sys
import textwrap
from itertools import groupby

from .checker import CheckResult
from .findings import Finding, Severity

_COLOURS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_BOLD = "\033[1m"
_DIM = "\033[2m"
_RESET = "\033[0m"
JSON_FIELDS = ("code", "severity", "message", "hint", "sheet", "cell", "ref", "source")


def use_colour(stream=None) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def summary_line(result: CheckResult) -> str:
    """'3 errors, 5 warnings, 1 info (2 accepted)', or 'No problems found'."""
    return counts_line(
        result.count(Severity.ERROR), result.count(Severity.WARNING), result.count(Severity.INFO), len(result.accepted)
    )


def counts_line(errors: int, warnings: int, infos: int, accepted: int = 0) -> str:
    parts = [
        f"{n} {noun}{'s' if n != 1 and noun != 'info' else ''}"
        for n, noun in ((errors, "error"), (warnings, "warning"), (infos, "info"))
        if n
    ]
    text = ", ".join(parts) if parts else "No problems found"
    return text + (f" ({accepted} accepted)" if accepted else "")


def text_report(result: CheckResult, colour: bool = False, width: int = 100) -> str:
    """The report ``sipgen check`` prints: findings grouped by sheet, then a summary line."""

    def paint(text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if colour else text

    lines = [paint(str(result.path), _BOLD)]
    for sheet, group in groupby(result.findings, key=lambda f: f.sheet):
        lines.append("")
        lines.append(paint(f"  {sheet or 'Workbook'}", _BOLD))
        for finding in group:
            lines.extend(_finding_lines(finding, paint, width))
    lines.append("")
    if result.rules_skipped:
        lines.append("The planning rules were not checked, because sheets or columns are missing. Fix those first.")
    lines.append(paint(summary_line(result), _BOLD))
    return "\n".join(lines)


def _finding_lines(finding: Finding, paint, width: int) -> list[str]:
    where = finding.where or "-"
    ref = f"  {finding.ref}" if finding.ref else ""
    head = f"    {paint(finding.severity.value.ljust(7), _COLOURS[finding.severity])} {finding.code}  {where}{ref}"
    indent = " " * 18
    body = textwrap.wrap(finding.message, width - len(indent)) or [""]
    lines = [head] + [indent + line for line in body]
    if finding.hint:
        hint = textwrap.wrap("Fix: " + finding.hint, width - len(indent))
        lines += [indent + paint(line, _DIM) for line in hint]
    return lines


def json_report(results: list[CheckResult]) -> str:
    """A JSON list of findings, each with exactly :data:`JSON_FIELDS` plus ``file``."""
    rows = []
    for result in results:
        for finding in result.findings:
            row = {"file": str(result.path)}
            row.update({key: finding.to_dict()[key] for key in JSON_FIELDS})
            rows.append(row)
    return json.dumps(rows, indent=2, ensure_ascii=False)
