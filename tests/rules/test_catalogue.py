"""The catalogue: codes as published, every rule documented, examples that prove themselves."""

from __future__ import annotations

import re

import pytest

from sipgen.rules import RULES

from ..conftest import ROOT
from .test_language import TARGET, fires

PUBLISHED = (
    set(re.findall(r"^\| ([A-Z]{2}\d{3}) \|", (ROOT.parent / "shared" / "PLANNING_RULES.md").read_text(), re.M))
    if (ROOT.parent / "shared" / "PLANNING_RULES.md").exists()
    else None
)


# Codes the published catalogue lists whose rules need columns or parts of the plan that are
# still to come (the planning-rules and board-pack issues); each is removed when it lands.
STILL_TO_COME: set[str] = set()


def test_codes_match_the_published_catalogue():
    assert PUBLISHED is not None, "the shared rule catalogue (../shared/PLANNING_RULES.md) is not beside this checkout"
    assert set(RULES) == PUBLISHED - STILL_TO_COME
    assert not STILL_TO_COME & set(RULES), "a rule has landed: take its code out of STILL_TO_COME"


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


@pytest.mark.parametrize("code", sorted(c for c, r in RULES.items() if r.each))
def test_a_rule_that_walks_records_names_a_real_list_and_field(code):
    from sipgen.reader import RECORD_TYPES

    declared = RULES[code]
    assert declared.each in RECORD_TYPES, f"{code} walks '{declared.each}', which the plan does not have"
    fields = RECORD_TYPES[declared.each].__dataclass_fields__
    assert declared.field in fields, f"{code} points at '{declared.field}', which a {declared.each} row does not have"


@pytest.mark.parametrize("code", sorted(c for c, r in RULES.items() if r.check is not None))
def test_a_rule_that_reads_a_partnership_plan_differently_explains_how(code):
    import inspect

    declared = RULES[code]
    if "is_itt" not in inspect.getsource(declared.check):
        return
    doc = declared.doc
    assert "Bad (ITT):" in doc or "ITT:" in doc, (
        f"{code} treats ITT plans differently but its explanation does not say how"
    )
    # The school example comes first.
    assert doc.index("Bad:") < doc.index("ITT")
