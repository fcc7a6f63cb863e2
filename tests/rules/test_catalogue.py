"""The catalogue: codes as published, every rule documented, examples that prove themselves."""

from __future__ import annotations

import re

import pytest

from sipgen.rules import RULES

from ..conftest import ROOT
from .test_language import TARGET, fires

PUBLISHED = set(re.findall(r"^\| ([A-Z]{2}\d{3}) \|", (ROOT.parent / "shared" / "PLANNING_RULES.md").read_text(), re.M)) \
    if (ROOT.parent / "shared" / "PLANNING_RULES.md").exists() else None


def test_codes_match_the_published_catalogue():
    if PUBLISHED is None:
        pytest.skip("the shared rule catalogue is not beside this checkout")
    assert set(RULES) == PUBLISHED


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_explains_itself_with_a_bad_and_a_good_example(code):
    declared = RULES[code]
    assert re.fullmatch(r"[A-Z]{2}\d{3}", code)
    assert declared.summary and declared.name and declared.source
    assert declared.example("Bad"), f"{code} has no Bad: example"
    assert declared.example("Good"), f"{code} has no Good: example"


@pytest.mark.parametrize("code", sorted(TARGET))
def test_language_rule_examples_are_its_first_test_cases(code):
    declared = RULES[code]
    bad = re.findall(r'"([^"]+)"', declared.example("Bad"))
    good = re.findall(r'"([^"]+)"', declared.example("Good"))
    assert bad and good
    assert fires(code, bad[0]), f"{code}'s own Bad example does not fire"
    assert not fires(code, good[0]), f"{code}'s own Good example fires"
