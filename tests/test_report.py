"""The text report: a finding many rows share is shown once; JSON and --annotate keep each one."""

from __future__ import annotations

import datetime as dt
import json

from sipgen.checker import check_workbook
from sipgen.findings import Finding, Severity
from sipgen.report import json_report, roll_up, text_report

from .conftest import ROOT

WEAK = ROOT / "samples" / "weak.xlsx"


def _finding(ref, cell, message=None, hint="Give the initials of the lead."):
    return Finding("RS304", Severity.WARNING, message or f"{ref} has no lead.", hint, "Objectives", cell, ref, "§30")


def test_many_rows_with_one_finding_become_one_entry():
    findings = [_finding(f"P1.{n}", f"E{n + 1}") for n in range(1, 9)]
    (entry,) = roll_up(findings)
    assert entry.ref == "P1.1, P1.2, P1.3 and 5 more"
    assert entry.cell == "E2, E3, E4 and 5 more"
    assert entry.message == "Each of these has no lead." and entry.hint == findings[0].hint


def test_two_rows_or_different_words_stay_apart():
    assert len(roll_up([_finding("P1.1", "E2"), _finding("P1.2", "E3")])) == 2
    mixed = [_finding("P1.1", "E2"), _finding("P1.2", "E3"), _finding("P1.3", "E4", hint="Something else.")]
    assert len(roll_up(mixed)) == 3
    middle = [_finding(f"P1.{n}", f"E{n}", message=f"The review of P1.{n} has no date.") for n in range(1, 5)]
    assert len(roll_up(middle)) == 4, "a reference inside the sentence is not rolled up"


def test_the_weak_sample_report_rolls_up_but_json_keeps_every_finding():
    result = check_workbook(WEAK, dt.date(2026, 3, 20))
    text = text_report(result)
    rows = json.loads(json_report([result]))
    assert len(rows) == len(result.findings)
    assert "and 4 more" in text or "and 5 more" in text or "more  " in text
    entries = sum(
        1
        for line in text.splitlines()
        if line.startswith("    ") and line[4:11].strip() in ("error", "warning", "info")
    )
    assert entries < len(result.findings)
    for finding in result.findings:
        assert "ctx." not in finding.message + finding.hint, finding
