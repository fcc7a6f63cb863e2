"""The glossary of abbreviations: what a plan's texts must produce, and the near-misses that must not."""

from __future__ import annotations

import pytest

from sipgen.glossary import built_in, glossary


def names(texts, **kwargs) -> list[str]:
    return [abbreviation for abbreviation, _ in glossary(texts, **kwargs)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("SENCo (AB) to update pupil passports by Aut2", ["Aut2", "SENCo"]),
        ("Reduce PA for disadvantaged pupils to below 12%", ["PA"]),
        ("PA below 12% by end of Sum2", ["PA", "Sum2"]),
        ("HLTA-led MTC practice 3x weekly", ["HLTA", "MTC"]),
        ("ECTs observe KS1 phonics", ["ECT", "KS1"]),
        ("EWO home visits for PA pupils", ["EWO", "PA"]),
        ("SENCO to review EHCPs termly", ["EHCP", "SENCO"]),
        ("All TAs trained in precision teaching (Spr1)", ["Spr1", "TA"]),
        ("TA's to run Nessy interventions", ["TA"]),
        ("HLTAs to cover PPA", ["HLTA", "PPA"]),
        ("GLD at end of EYFS above national (68%)", ["EYFS", "GLD"]),
        ("KS 2 reading: 75% of pupils at ARE", ["ARE", "KS2"]),
        ("aut2", ["Aut2"]),
        ("Aut 1 - Spr 2", ["Aut1", "Spr2"]),
        ("Linked to SC19", ["SC"]),
        ("see SC 4 and SC5", ["SC"]),
        ("Ofsted inspection readiness: deep dive prep", ["Ofsted"]),
        ("OFSTED DEEP DIVE PREPARATION", ["OFSTED"]),
        ("HT's report to FGB each term", ["FGB", "HT"]),
        ("Close the gap between SEND and non-SEND pupils", ["SEND"]),
        ("LKS2 times tables rockstars; UKS2 arithmetic", ["LKS2", "UKS2"]),
        ("KS1/2 writing moderation with cluster schools", ["KS1", "KS2"]),
        ("Trust-wide CPD led by the MAT", ["CPD", "MAT"]),
        ("Paid for by PP", ["PP"]),
        ("DSL and DDSL to audit safeguarding logs (KCSiE 2025)", ["DDSL", "DSL", "KCSiE"]),
        ("INSET day: RSE training for all staff", ["INSET", "RSE"]),
        ("Teach RE to Y5 weekly", ["RE"]),
        ("SALT referrals; CAMHS waiting list tracked", ["CAMHS", "SALT"]),
        ("SENCO TO MEET ALL STAFF", ["SENCO"]),
        ("PAN raised to 30 from Sept", ["PAN"]),
        ("SLT to review ALL data", ["SLT"]),
        ("'PA' pupils targeted", ["PA"]),
        ("SLT/HT", ["HT", "SLT"]),
    ],
)
def test_plan_statements_give_entries(text, expected):
    assert names([text]) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mentors trained to host ITAP sessions", ["ITAP"]),
        ("SD trainees complete SKE before September", ["SD", "SKE"]),
        ("Map the curriculum from the CCF to the ITTECF", ["CCF", "ITTECF"]),
        ("Trainees secure TS2 by Spr1", ["Spr1", "TS"]),
        ("SCITT and HEI partners agree PGCE modules", ["HEI", "PGCE", "SCITT"]),
    ],
)
def test_itt_statements_give_entries(text, expected):
    assert names([text], plan_type="itt") == expected


@pytest.mark.parametrize(
    "text",
    [
        "It will be reviewed",
        "IT WILL BE REVIEWED",
        "PRACTICE PAPERS IN MAY",
        "ALL STAFF TO ATTEND",
        "Re-launch the reading scheme",
        "RE-LAUNCH of the reading scheme",
        "Re: parents' evening",
        "RE: parents evening",
        "ARE you ready",
        "a new maths mat for each table",
        "Mat Jones to lead",
        "Pupils will sum 2 numbers",
        "SUM 2 NUMBERS MENTALLY",
        "Autumn term review; Summer 2 data drop",
        "SC to sign off",
        "HT2 data drop",
        "HT 2 assessment week",
        "PASS rate up",
        "SENDIASS contacted",
        "Spread over 3 sessions",
        "TS to agree",
        "SEND AND INCLUSION REVIEW",
        "SEND them home with reading books",
        "Pay, paid and pa",
        "paid for by parents",
        "",
    ],
)
def test_near_misses_give_nothing(text):
    assert glossary([text]) == []


def test_paid_for_by_pp_gives_pp_but_not_pa():
    assert names(["Paid for by PP"]) == ["PP"]


def test_empty_plan_gives_nothing():
    assert glossary([]) == []


def test_texts_that_are_not_strings_are_skipped():
    assert names([None, 12.5, "Reduce PA"]) == ["PA"]


def test_texts_may_be_a_generator():
    assert names(text for text in ["HLTA cover", "PP spend"]) == ["HLTA", "PP"]


def test_sorted_case_insensitively():
    texts = ["Ofsted", "SENCo", "Aut2", "DfE", "EWO", "ARE in maths", "MTC"]
    assert names(texts) == ["ARE", "Aut2", "DfE", "EWO", "MTC", "Ofsted", "SENCo"]


def test_each_abbreviation_appears_once_in_the_spelling_used_most():
    assert names(["SENCO report", "SENCo to review", "SENCo (AB)", "SENCos meet"]) == ["SENCo"]


def test_half_terms_and_key_stages_are_shown_in_their_usual_form():
    assert names(["AUT 2", "ks 2"]) == ["Aut2", "KS2"]


def test_success_criterion_uses_the_plans_own_reference():
    meaning = dict(glossary(["See SC 07 and SC3"]))["SC"]
    assert meaning == "success criterion; SC7 is success criterion 7 in this plan"


def test_meanings_are_plain_english():
    meanings = dict(glossary(["PA", "Aut2", "MTC", "GLD", "ARE in reading"]))
    assert meanings["PA"] == "persistent absence: pupils who miss 10% or more of their school sessions"
    assert meanings["Aut2"].startswith("the second half of the autumn term")
    assert "Year 4" in meanings["MTC"]
    assert "Reception" in meanings["GLD"]
    assert meanings["ARE"].startswith("age-related expectations")


def test_own_entries_override_built_in_meanings():
    assert glossary(["Reduce PA"], own={"PA": "pupil attendance"}) == [("PA", "pupil attendance")]


def test_own_entries_appear_even_when_unused():
    assert glossary(["Reduce PA"], own={"RWM": "reading, writing and maths combined"}) == [
        ("PA", "persistent absence: pupils who miss 10% or more of their school sessions"),
        ("RWM", "reading, writing and maths combined"),
    ]


def test_own_entry_in_another_spelling_replaces_the_built_in_one():
    own = {"senco": "our inclusion lead", "aut 2": "November and December", "KS 2": "juniors"}
    assert glossary(["SENCo to review", "Aut2", "KS2 data"], own=own) == [
        ("aut 2", "November and December"),
        ("KS 2", "juniors"),
        ("senco", "our inclusion lead"),
    ]


def test_own_entries_are_plain_data():
    own = {"  =1+1 ": "{organisation} __import__('os')", "": "no key", "X": "", "Y": None}
    assert glossary([], own=own) == [("=1+1", "{organisation} __import__('os')")]


def test_own_entry_without_a_meaning_leaves_the_built_in_one():
    assert names(["Reduce PA"], own={"PA": "  "}) == ["PA"]
    assert dict(glossary(["Reduce PA"], own={"PA": "  "}))["PA"].startswith("persistent absence")


def test_plan_type_picks_the_meaning():
    assert names(["Reduce PA; PP spend"], plan_type="itt") == []
    assert names(["SD trainees"], plan_type="school") == []
    school = dict(glossary(["TS2"]))["TS"]
    itt = dict(glossary(["TS2"], plan_type="itt"))["TS"]
    assert "every teacher" in school and "trainees" in itt
    assert "partnership's own judgement" in dict(glossary(["SEF"], plan_type="itt"))["SEF"]
    assert "school's own judgement" in dict(glossary(["SEF"]))["SEF"]


def test_unknown_plan_type_is_refused():
    with pytest.raises(ValueError):
        glossary(["PA"], plan_type="college")


@pytest.mark.parametrize("plan_type", ["school", "itt"])
def test_built_in_dictionary(plan_type):
    entries = built_in(plan_type)
    assert 80 <= len(entries) <= 130
    for required in ("SENCo", "SEND", "EHCP", "EWO", "HLTA", "MTC", "GLD", "ECT", "QTS", "ITTECF", "KS2", "Sum1"):
        assert required in entries
    for abbreviation, meaning in entries.items():
        assert meaning and "{" not in meaning, abbreviation
    # Every entry is found when a plan writes it.
    found = names([f"{abbreviation} to be reviewed" for abbreviation in entries], plan_type=plan_type)
    assert sorted(found, key=str.casefold) == sorted(entries, key=str.casefold)


def test_capitals_for_emphasis_are_not_abbreviations():
    assert names(["ARE you ready for SATs?"]) == ["SATs"]


def test_possessive_counts_as_the_abbreviation():
    assert names(["PA's impact on attainment tracked by the EWO"]) == ["EWO", "PA"]


def test_peoples_initials_are_not_abbreviations():
    texts = ["MC, QA", "QA", "QA to review the TA timetable", "HT"]
    assert names(texts) == ["HT", "QA", "TA"]
    assert names(texts, initials=["QA ", "MC"]) == ["HT", "TA"]
