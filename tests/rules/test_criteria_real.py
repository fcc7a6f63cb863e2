"""SC507 and SC508 on plans built in memory: rules that read more than one cell or row.

The cases live in tests/cases/criteria.toml under [plans]: SC507 cases are one criterion with
its baseline; SC508 cases are the criteria of one priority, with their Kind ("" when blank).
"""

from __future__ import annotations

import datetime as dt
import tomllib

import pytest

from sipgen import model
from sipgen.parents import link
from sipgen.rules import RULES
from sipgen.rules.registry import RuleContext

from ..conftest import ROOT

PLANS = tomllib.loads((ROOT / "tests" / "cases" / "criteria.toml").read_text(encoding="utf-8"))["plans"]
AS_OF = dt.date(2025, 9, 1)


def plan_with(criteria: list[dict], plan_type: str = "school") -> model.Plan:
    """A plan with priority P1, objective P1.1 and ``criteria`` (alternately for P1 and P1.1)."""
    plan = model.Plan(
        source="test",
        settings=model.Settings(sheet="Settings", row=1, academic_year="2025-26", plan_type=plan_type),
        introduction=model.Introduction(sheet="Introduction", row=1),
        priorities=[model.Priority(sheet="Priorities", row=2, ref="P1", title="Raise attainment in early reading")],
        objectives=[model.Objective(sheet="Objectives", row=2, ref="P1.1", priority="P1", title="Phonics")],
        criteria=[
            model.Criterion(
                sheet="Success criteria",
                row=2 + n,
                ref=f"SC{n + 1}",
                parent=("P1", "P1.1")[n % 2],
                criterion=row["criterion"],
                kind=row.get("kind", ""),
                baseline=row.get("baseline", ""),
            )
            for n, row in enumerate(criteria)
        ],
    )
    link(plan)
    return plan


def fires(code: str, plan: model.Plan) -> bool:
    return any(True for _ in RULES[code].run(plan, RuleContext(plan, AS_OF)))


def cases(code: str, kind: str):
    return [pytest.param(case, id=f"{code}-{kind}-{n}") for n, case in enumerate(PLANS[code][kind])]


@pytest.mark.parametrize("case", cases("SC507", "flag"))
def test_sc507_asks_for_a_baseline(case):
    assert fires("SC507", plan_with([case], case.get("plan", "school"))), case["criterion"]


@pytest.mark.parametrize("case", cases("SC507", "pass"))
def test_sc507_does_not_ask_of_a_deliverable_or_a_criterion_that_states_its_start(case):
    assert not fires("SC507", plan_with([case], case.get("plan", "school"))), case["criterion"]


@pytest.mark.parametrize("case", cases("SC508", "flag"))
def test_sc508_fires_when_every_classified_criterion_is_of_one_kind(case):
    assert fires("SC508", plan_with(case)), [c["criterion"] for c in case]


@pytest.mark.parametrize("case", cases("SC508", "pass"))
def test_sc508_quiet_when_kinds_mix_or_fewer_than_two_are_classified(case):
    assert not fires("SC508", plan_with(case)), [c["criterion"] for c in case]


def test_sc508_reads_an_itt_plan_alike():
    mentors_only = [
        {"criterion": "90% of mentors set SSP-specific targets"},
        {"criterion": "Tutors quality-assure 20% of mentor meetings each half term"},
    ]
    assert fires("SC508", plan_with(mentors_only, "itt"))
    mixed = [mentors_only[0], {"criterion": "95% of trainees enunciate pure sounds clearly"}]
    assert not fires("SC508", plan_with(mixed, "itt"))


def test_sc508_says_when_it_read_the_wording():
    plan = plan_with([{"criterion": "90% of mentors set SSP-specific targets"}, {"criterion": "Tutors visit weekly"}])
    (hit,) = RULES["SC508"].run(plan, RuleContext(plan, AS_OF))
    assert "provision" in hit.message and "wording" in hit.message
    filled = plan_with([{"criterion": "x", "kind": "Outcome"}, {"criterion": "y", "kind": "Outcome"}])
    (hit,) = RULES["SC508"].run(filled, RuleContext(filled, AS_OF))
    assert "outcomes" in hit.message and "wording" not in hit.message


@pytest.mark.parametrize("code", ["SC502", "SC504", "SC505"])
def test_itt_examples_in_the_explanation_prove_themselves(code):
    """A rule's Bad (ITT) example fires on a partnership plan and its Good (ITT) one does not."""
    declared = RULES[code]
    bad = declared.example("Bad \\(ITT\\)").strip('."')
    good = declared.example("Good \\(ITT\\)").strip('."')
    assert bad and good, f"{code} has no ITT examples"

    def one(text):
        plan = plan_with([{"criterion": text}], "itt")
        return fires(code, plan)

    assert one(bad), f"{code}'s Bad (ITT) example does not fire"
    assert not one(good), f"{code}'s Good (ITT) example fires"


def test_guidance_examples_of_effective_criteria_pass_every_language_rule():
    """Guidance §37's examples are what good looks like; §38's weaknesses each fire their rule."""
    good = (
        "90% of mentors set SSP-specific targets.",
        "When teaching early reading using SSP, 95% of trainees enunciate clearly compared to 80% in the "
        "previous year.",
        "95% of trainees are confident that they can employ an unfamiliar phonics programme effectively.",
    )
    for text in good:
        plan = plan_with([{"criterion": text, "baseline": "80% (2024-25)"}], "itt")
        assert not [c for c in ("SC502", "SC503", "SC504", "SC505") if fires(c, plan)], text
    bad = {
        "SC503": "Mentors undertake their role effectively",
        "SC504": "Mentors benefit from mentor training, set targets and support trainees well",
        "SC502": "Trainees benefit from strong mentoring",
        "SC505": "All mentors attend training",
    }
    for code, text in bad.items():
        assert fires(code, plan_with([{"criterion": text}], "itt")), (code, text)
