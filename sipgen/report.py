"""Showing check results: a readable report grouped by sheet, or stable JSON."""

from __future__ import annotations

import json
import textwrap
from dataclasses import replace
from itertools import groupby

from . import console
from .checker import CheckResult
from .findings import Finding, Severity

_COLOURS = {Severity.ERROR: console.RED, Severity.WARNING: console.YELLOW, Severity.INFO: console.CYAN}
_BOLD, _DIM, _RESET = console.BOLD, console.DIM, console.RESET
JSON_FIELDS = ("code", "severity", "message", "hint", "sheet", "cell", "ref", "source")


def use_colour(stream=None) -> bool:
    """Colour only on a terminal that shows it, never when piped or with NO_COLOR: :func:`sipgen.console.colour`."""
    return console.colour(stream)


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
        for entry in roll_up(list(group)):
            lines.extend(_finding_lines(entry, paint, width))
    lines.append("")
    if result.rules_skipped:
        lines.append("The planning rules were not checked, because sheets or columns are missing. Fix those first.")
    lines.append(paint(summary_line(result), _BOLD))
    return "\n".join(lines)


# A finding shared by at least this many rows of a sheet is shown once, listing the rows.
ROLL_UP_FROM = 3
SHOWN = 3  # references and cells named before "and N more"


def roll_up(findings: list[Finding]) -> list[Finding]:
    """One entry for each finding that many rows share ("P1.1, P1.2, P1.3 and 5 more").

    Findings are the same when only the row's reference differs in the message and the hint
    is identical. Only the text report rolls up; JSON and --annotate keep every finding.
    """
    groups: dict[tuple, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(_same_key(finding), []).append(finding)
    entries, shown = [], set()
    for finding in findings:
        key = _same_key(finding)
        members = groups[key]
        if len(members) < ROLL_UP_FROM or key[0] is None:
            entries.append(finding)
        elif key not in shown:
            shown.add(key)
            entries.append(_rolled(members))
    return entries


def _same_key(finding: Finding) -> tuple:
    message, ref = finding.message, finding.ref
    if ref and message.startswith(ref + " "):
        template = "\0" + message[len(ref) :]
    elif ref and ref in message:
        return (None, id(finding))  # the reference sits mid-sentence: keep it as it is
    else:
        template = message
    return (finding.code, finding.sheet, template, finding.hint)


def _rolled(members: list[Finding]) -> Finding:
    first = members[0]
    refs = [f.ref for f in members if f.ref]
    message = first.message
    if first.ref and message.startswith(first.ref + " "):
        message = "Each of these" + message[len(first.ref) :]
    cells = _more([f.cell for f in members if f.cell])
    return replace(first, message=message, cell=cells, ref=_more(refs))


def _more(items: list[str]) -> str:
    if len(items) <= SHOWN + 1:
        return ", ".join(items)
    return f"{', '.join(items[:SHOWN])} and {len(items) - SHOWN} more"


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
