"""Checking a plan: read the workbook, run every rule, sort out accepted and switched-off findings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from .findings import Finding, Severity, sort_key
from .model import Plan
from .reader import ReadResult, read_plan
from .rules import RULES, Hit
from .rules.registry import RuleContext, one_finding_a_weakness

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNREADABLE = 2
STRUCTURE_FIRST = {"WB002", "WB003"}


@dataclass
class CheckResult:
    """What ``sipgen check`` found in one workbook."""

    path: Path
    plan: Plan | None
    findings: list[Finding] = field(default_factory=list)
    # Findings the plan's rows accept (Accepted findings column): counted, not reported.
    accepted: list[Finding] = field(default_factory=list)
    read: ReadResult | None = None
    # True when the workbook's structure is too broken for the planning rules to be fair.
    rules_skipped: bool = False

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    @property
    def unreadable(self) -> bool:
        return self.plan is None

    def exit_code(self, strict: bool = False) -> int:
        """0 clean (or only info), 1 errors (or warnings with ``strict``), 2 unreadable."""
        if self.unreadable:
            return EXIT_UNREADABLE
        if self.count(Severity.ERROR) or (strict and self.count(Severity.WARNING)):
            return EXIT_FINDINGS
        return EXIT_OK


def check_workbook(path: str | Path, as_of: dt.date | None = None) -> CheckResult:
    """Read and check the workbook at ``path``. Never raises for a bad workbook."""
    read = read_plan(path)
    if read.plan is None:
        return CheckResult(Path(path), None, list(read.findings), [], read)
    # A missing sheet or column would make nearly every rule fire for the wrong reason.
    skip = any(f.code in STRUCTURE_FIRST for f in read.findings)
    open_findings, accepted = ([], []) if skip else run_rules(read.plan, as_of or dt.date.today())
    switched_off = read.plan.settings.rules_off
    structural = [f for f in read.findings if f.code not in switched_off or f.severity is Severity.ERROR]
    findings = sorted(structural + open_findings, key=sort_key)
    return CheckResult(Path(path), read.plan, findings, accepted, read, rules_skipped=skip)


def run_rules(plan: Plan, as_of: dt.date) -> tuple[list[Finding], list[Finding]]:
    """The findings of every planning rule over ``plan``: (open, accepted by a row)."""
    ctx = RuleContext(plan, as_of)
    open_findings: list[Finding] = []
    accepted: list[Finding] = []
    for declared in RULES.values():
        if declared.check is None or declared.code in plan.settings.rules_off:
            continue
        for hit in declared.run(plan, ctx):
            made = _finding(declared.code, hit)
            record = hit.record
            if record is not None and declared.code in getattr(record, "accepted", ()):
                accepted.append(made)
            else:
                open_findings.append(made)
    return one_finding_a_weakness(open_findings), accepted


def _finding(code: str, hit: Hit) -> Finding:
    declared = RULES[code]
    record = hit.record
    ref = hit.ref if hit.ref is not None else getattr(record, "ref", "") if record is not None else ""
    return Finding(
        code=code,
        severity=declared.severity,
        message=hit.message,
        hint=hit.hint,
        sheet=record.sheet if record is not None else hit.sheet,
        cell=record.cell(hit.field) if record is not None else hit.cell,
        ref=ref or "",
        source=declared.source,
    )
