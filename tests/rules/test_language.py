"""Every language rule against statements it must flag and near-misses it must not.

The cases live in tests/cases/language.toml, one list of each kind per rule, so adding a
case is one line.
"""

from __future__ import annotations

import datetime as dt
import tomllib

import pytest

from sipgen import model
from sipgen.rules import RULES
from sipgen.rules.context import RuleContext

from ..conftest import ROOT

CASES = tomllib.loads((ROOT / "tests" / "cases" / "language.toml").read_text(encoding="utf-8"))

# Which record and field each rule reads.
TARGET = {
    "AC201": ("actions", model.Action, "action"),
    "RC402": ("actions", model.Action, "resources"),
    "SC502": ("criteria", model.Criterion, "criterion"),
    "SC503": ("criteria", model.Criterion, "criterion"),
    "SC504": ("criteria", model.Criterion, "criterion"),
    "SC505": ("criteria", model.Criterion, "criterion"),
    "RV703": ("reviews", model.Review, "impact"),
    "PR105": ("priorities", model.Priority, "title"),
}


def fires(code: str, text: str) -> bool:
    """Whether rule ``code`` flags a one-record plan whose field holds ``text``."""
    key, record_type, field_name = TARGET[code]
    record = record_type(sheet="Sheet", row=2, ref="P1", **{field_name: text})
    plan = model.Plan(
        source="test",
        settings=model.Settings(sheet="Settings", row=1, academic_year="2025-26"),
        introduction=model.Introduction(sheet="Introduction", row=1),
        **{key: [record]},
    )
    return any(True for _ in RULES[code].check(plan, RuleContext(plan, dt.date(2026, 7, 1))))


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
