"""A school's own choices travel in its workbook: limits, word lists, rules off, accepted findings."""

from __future__ import annotations

import copy
import datetime as dt

from sipgen.checker import check_workbook
from sipgen.examples import load
from sipgen.workbook import write_workbook

AS_OF = dt.date(2026, 7, 1)


def run(tmp_path, data, plan_type="school"):
    return check_workbook(write_workbook(tmp_path / "plan.xlsx", plan_type, data), AS_OF)


def codes(result):
    return [f.code for f in result.findings]


def primary():
    return copy.deepcopy(load("primary"))


def test_priority_limit_comes_from_settings(tmp_path):
    data = primary()
    assert "PR101" not in codes(run(tmp_path, data))
    data["settings"]["max_priorities"] = 3
    assert codes(run(tmp_path, data)).count("PR101") == 1


def test_owner_share_comes_from_settings(tmp_path):
    data = primary()
    data["settings"]["max_owner_share"] = 10
    hits = [f for f in run(tmp_path, data).findings if f.code == "RS305"]
    assert hits and all(f.sheet == "Staff" for f in hits)
    assert "limit of 10%" in hits[0].message


def test_extra_vague_verbs_and_bland_words(tmp_path):
    data = primary()
    data["actions"][0]["action"] = "Champion reading for pleasure in every class"
    data["actions"][1]["resources"] = "Subscription"
    assert {"AC201", "RC402"}.isdisjoint(codes(run(tmp_path, data)))
    data["settings"]["vague_verbs"] = "champion, spearhead"
    data["settings"]["bland_resources"] = "subscription"
    found = codes(run(tmp_path, data))
    assert found.count("AC201") == 1 and found.count("RC402") == 1


def test_rules_switched_off_for_the_plan(tmp_path):
    data = primary()
    for criterion in data["criteria"]:
        criterion["baseline"] = ""
    assert "SC507" in codes(run(tmp_path, data))
    data["settings"]["rules_off"] = "SC507, pr101"
    assert "SC507" not in codes(run(tmp_path, data))


def test_a_row_accepts_a_finding_by_code_and_it_is_counted(tmp_path):
    data = primary()
    data["actions"][0]["action"] = "Ensure phonics is taught daily"
    data["actions"][0]["accepted"] = "AC201"
    result = run(tmp_path, data)
    assert "AC201" not in codes(result)
    assert sorted(f.code for f in result.accepted) == ["AC201", "SC505"]
    data["actions"][0]["accepted"] = "RC402"  # accepting another code does not hide this one
    assert "AC201" in codes(run(tmp_path, data))


def test_itt_plans_need_partner_school_owners_and_no_governor_committee(tmp_path):
    data = copy.deepcopy(load("itt"))
    result = run(tmp_path, data, "itt")
    assert result.findings == []
    for priority in data["priorities"]:
        priority["link_governor"] = ""
    assert "QA606" not in codes(run(tmp_path, data, "itt"))  # a school-plan rule
    lead_school = {"organisation": "Fenmarsh Teaching Partnership"}
    for person in data["staff"]:
        person.update(lead_school)
    found = run(tmp_path, data, "itt")
    [rs306] = [f for f in found.findings if f.code == "RS306"]
    assert "partner school" in rs306.message


def test_school_plans_need_governors_in_monitoring(tmp_path):
    data = primary()
    for check in data["checks"]:
        check["who"] = "HT"
    for priority in data["priorities"]:
        priority["link_governor"] = ""
    found = run(tmp_path, data)
    assert [f.sheet for f in found.findings if f.code == "RS306"] == ["Monitoring"]
    assert codes(found).count("QA606") == len(data["priorities"])


def test_messages_use_the_plan_types_words(tmp_path):
    school = primary()
    school["criteria"][0]["criterion"] = "Phonics teaching is good"
    for key in ("baseline", "target", "milestone_autumn", "milestone_spring", "milestone_summer"):
        school["criteria"][0][key] = ""
    itt = copy.deepcopy(load("itt"))
    itt["criteria"][0]["criterion"] = "Trainees benefit from strong mentoring"
    for key in ("baseline", "target", "milestone_autumn", "milestone_spring", "milestone_summer"):
        itt["criteria"][0][key] = ""
    [school_hint] = [f.hint for f in run(tmp_path, school).findings if f.code in ("SC502", "SC503")]
    [itt_hint] = [f.hint for f in run(tmp_path, itt, "itt").findings if f.code in ("SC502", "SC503")]
    assert "pupils" in school_hint and "trainees" in itt_hint


def test_reviews_in_the_future_need_no_impact_yet(tmp_path):
    data = primary()
    data["reviews"][0]["impact"] = ""
    path = write_workbook(tmp_path / "plan.xlsx", "school", data)
    review_day = data["reviews"][0]["date"]
    assert "RV702" in codes(check_workbook(path, review_day))
    assert "RV702" not in codes(check_workbook(path, review_day - dt.timedelta(days=1)))


def test_braces_in_user_text_reach_messages_as_typed(tmp_path):
    data = primary()
    data["checks"][0]["evidence"] = "Data {learners} {0} {% x %}"
    [qa604] = [f for f in run(tmp_path, data).findings if f.code == "QA604"]
    assert "Data {learners} {0} {% x %}" in qa604.message
