"""Every language rule against statements it must flag and near-misses it must not.

The cases live in tests/cases/language.toml and tests/cases/criteria.toml, one list of each
kind per rule (a rule's lists from both files are joined), so adding a case is one line.
"""

from __future__ import annotations

import datetime as dt
import tomllib

import pytest

from sipgen import model
from sipgen.reader import RECORD_TYPES
from sipgen.rules import RULES
from sipgen.rules.registry import RuleContext

from ..conftest import ROOT

CASES: dict[str, dict[str, list[str]]] = {}
for name in ("language.toml", "criteria.toml"):
    for code, lists in tomllib.loads((ROOT / "tests" / "cases" / name).read_text(encoding="utf-8")).items():
        if code != "plans":  # whole-plan cases, run by test_criteria_real.py
            joined = CASES.setdefault(code, {"flag": [], "pass": []})
            joined["flag"] += lists["flag"]
            joined["pass"] += lists["pass"]

# The rules with cases in the files; each rule's declaration says which record and field it reads.
TARGET = tuple(CASES)


def fires(code: str, text: str) -> bool:
    """Whether rule ``code`` flags a one-record plan whose field holds ``text``."""
    declared = RULES[code]
    key, field_name = declared.each, declared.field
    record = RECORD_TYPES[key](sheet="Sheet", row=2, ref="P1", **{field_name: text})
    plan = model.Plan(
        source="test",
        settings=model.Settings(sheet="Settings", row=1, academic_year="2025-26"),
        introduction=model.Introduction(sheet="Introduction", row=1),
        **{key: [record]},
    )
    return any(True for _ in declared.run(plan, RuleContext(plan, dt.date(2026, 7, 1))))


def cases(kind: str):
    return [pytest.param(code, text, id=f"{code}-{i}") for code in TARGET for i, text in enumerate(CASES[code][kind])]


def test_every_language_rule_has_at_least_eight_cases_each_way():
    for code in TARGET:
        assert len(CASES[code]["flag"]) >= 8 and len(CASES[code]["pass"]) >= 8, code


@pytest.mark.parametrize("code, text", cases("flag"))
def test_flags(code, text):
    assert fires(code, text), f"{code} should flag: {text}"


@pytest.mark.parametrize("code, text", cases("pass"))
def test_does_not_flag(code, text):
    assert not fires(code, text), f"{code} should not flag: {text}"
