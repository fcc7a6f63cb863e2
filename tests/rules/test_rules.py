"""Each rule fires on a plan broken in its way, and stays silent on the clean sample plan.

The base plan is the primary sample's source (sipgen/examples/primary.toml); each case makes
one change to it, writes a real workbook, checks it, and expects the rule's code at a cell.
"""

from __future__ import annotations

import copy
import datetime as dt
import re

import pytest

from sipgen.checker import check_workbook
from sipgen.examples import load
from sipgen.progress import FIGURE_FIELDS
from sipgen.rules import RULES
from sipgen.workbook import write_workbook

AS_OF = dt.date(2026, 7, 1)
BASE = load("primary")


def first(rows, **match):
    return next(r for r in rows if all(r.get(k) == v for k, v in match.items()))


def _drop(rows, **match):
    rows[:] = [r for r in rows if not all(r.get(k) == v for k, v in match.items())]


def pr101(d):
    d["settings"]["max_priorities"] = 4


def pr103(d):
    d["priorities"].append(dict(d["priorities"][0], ref="P6", title="Improve attendance at after-school clubs"))


def pr106(d):
    d["objectives"].append(dict(d["objectives"][0], ref="P1.9", title="Consistent spelling"))


def ac203(d):
    actions = [a for a in d["actions"] if a["objective"] == "P1.1"]
    actions[1]["start"] = dt.date(2025, 9, 1)
    actions[1]["due"] = dt.date(2025, 9, 2)
    actions[0]["start"] = dt.date(2025, 9, 20)
    actions[0]["due"] = dt.date(2025, 9, 30)


def rs301(d):
    d["actions"][0]["owners"] = "ZZ"


def rs305(d):
    for action in d["actions"][:30]:
        action["owners"] = "HT"


def rs306(d):
    governance = {
        s["initials"]
        for s in d["staff"]
        if re.search(r"governor|committee|board|FGB", " ".join(str(v) for v in s.values()), re.I)
    }
    for check in d["checks"]:
        check["who"] = "HT"
    for priority in d["priorities"]:
        priority["link_governor"] = ""
    assert governance


def qa601(d):
    _drop(d["checks"], priority="P2", process="Evaluation")


def qa603(d):
    check = first(d["checks"], priority="P1", process="Monitoring")
    check["who"] = first(d["actions"], objective="P1.1")["owners"].split(",")[0]


def qa605(d):
    first(d["checks"], priority="P1", process="Review")["when"] = "End of year (July)"


def qa606(d):
    first(d["priorities"], ref="P1")["link_governor"] = ""
    for check in d["checks"]:
        if check["priority"] == "P1" and check["process"] == "Evaluation":
            check["who"] = "HT"


def sc501(d):
    _drop(d["criteria"], parent="P2")
    d["criteria"] = [c for c in d["criteria"] if not c["parent"].startswith("P2.")]


def sc508(d):
    for criterion in d["criteria"]:
        if criterion["parent"].split(".")[0] == "P1":
            criterion["kind"] = "Provision"


def rv704(d):
    review = d["reviews"][0]
    review["rag"] = "Red"
    review["adjustments"] = ""


def cx901(d):
    d["context"] = [c for c in d["context"] if c["area"] != "Budget and staffing"]


def pr108(d):
    for name in ("priorities", "objectives", "actions", "criteria", "checks", "reviews", "kpis"):
        d[name] = []


def xr803(d):
    criterion, kpi = d["criteria"][0], d["kpis"][0]
    for name in FIGURE_FIELDS:
        kpi.pop(name, None)
    kpi.update(criterion=criterion["ref"], actual_autumn="1%")


# code: (change to the base plan, sheet of the expected finding, cell or None for "any")
CASES = {
    "PR101": (pr101, "Priorities", "A6"),
    # The sample's preface says where P2 came from, so it is cleared too.
    "PR102": (
        lambda d: d["priorities"][1].update(source="", preface="Maths matters for life.", now=""),
        "Priorities",
        "C3",
    ),
    "PR103": (pr103, "Priorities", "A7"),
    "PR104": (lambda d: d["priorities"][0].update(preface=""), "Priorities", "E2"),
    "PR105": (
        lambda d: d["priorities"][0].update(title="Improve reading and also raise attendance"),
        "Priorities",
        "B2",
    ),
    "PR106": (pr106, "Objectives", None),
    "PR107": (lambda d: d["priorities"][2].update(aim=""), "Priorities", "D4"),
    "PR108": (pr108, "Priorities", "A2"),
    "AC201": (lambda d: d["actions"][0].update(action="Ensure phonics is taught consistently"), "Actions", "C2"),
    "AC202": (lambda d: d["actions"][3].update(start="", due=""), "Actions", "F5"),
    "AC203": (ac203, "Actions", None),
    "AC204": (lambda d: d["actions"][0].update(due=dt.date(2027, 10, 1)), "Actions", "F2"),
    "AC205": (lambda d: d["actions"][4].update(owners=""), "Actions", "D6"),
    "AC206": (lambda d: d["actions"][4].update(status="On track"), "Actions", "F6"),
    "RS301": (rs301, "Actions", "D2"),
    "RS302": (lambda d: d["staff"][2].update(role=""), "Staff", "C4"),
    "RS303": (lambda d: d["settings"].update(overall_lead=""), "Settings", "B9"),
    # An objective without a lead takes its priority's, so the priority's lead is cleared.
    "RS304": (lambda d: d["priorities"][0].update(lead=""), "Priorities", "H2"),
    "RS305": (rs305, None, None),
    "RS306": (rs306, "Monitoring", None),
    "RC401": (lambda d: d["actions"][2].update(cost="", resources=""), "Actions", "G4"),
    # A bland statement with no amount in Cost either: nothing on the row says how much.
    "RC402": (lambda d: d["actions"][2].update(resources="Staff time", cost=""), "Actions", "H4"),
    "RC403": (lambda d: d["settings"].update(budget=1000), "Settings", "B13"),
    "SC501": (sc501, "Priorities", "A3"),
    "SC502": (
        lambda d: d["criteria"][0].update(
            criterion="Pupils enjoy phonics more",
            baseline="",
            target="",
            milestone_autumn="",
            milestone_spring="",
            milestone_summer="",
        ),
        "Success criteria",
        "C2",
    ),
    "SC503": (
        lambda d: d["criteria"][0].update(
            criterion="Phonics is taught effectively",
            baseline="",
            target="",
            milestone_autumn="Most",
            milestone_spring="",
            milestone_summer="",
        ),
        "Success criteria",
        "C2",
    ),
    "SC504": (
        lambda d: d["criteria"][0].update(criterion="Staff attend training, plan better lessons and mark books well"),
        "Success criteria",
        "C2",
    ),
    "SC505": (
        lambda d: d["criteria"][0].update(criterion="All Year 1 staff attend the phonics training"),
        "Success criteria",
        "C2",
    ),
    "SC506": (
        lambda d: d["criteria"][0].update(milestone_autumn="", milestone_spring="", milestone_summer=""),
        "Success criteria",
        "F2",
    ),
    "SC507": (lambda d: d["criteria"][0].update(baseline=""), "Success criteria", "E2"),
    "SC508": (sc508, "Priorities", "A2"),
    "SC509": (lambda d: d["criteria"][0].update(actual_autumn=""), "Success criteria", "G2"),
    "QA601": (qa601, "Priorities", "A3"),
    "QA602": (lambda d: d["checks"][0].update(evidence=""), "Monitoring", "F2"),
    "QA603": (qa603, "Monitoring", None),
    "QA604": (lambda d: d["checks"][0].update(evidence="Data"), "Monitoring", "F2"),
    "QA605": (qa605, "Monitoring", None),
    "QA606": (qa606, "Priorities", "I2"),
    "RV701": (lambda d: d["reviews"][0].update(date=""), "Reviews", "A2"),
    "RV702": (lambda d: d["reviews"][0].update(impact=""), "Reviews", "E2"),
    "RV703": (
        lambda d: d["reviews"][0].update(impact="All actions completed on time. Training was delivered."),
        "Reviews",
        "E2",
    ),
    "RV704": (rv704, "Reviews", "G2"),
    "RV705": (lambda d: d["reviews"][1].update(rag="Green"), "Reviews", "D3"),
    "RV706": (lambda d: d["reviews"][0].update(date=dt.date(2026, 7, 20)), "Reviews", "A2"),
    "XR801": (
        lambda d: d["priorities"][0].update(preface="This builds on the work in P9.4 last year."),
        "Priorities",
        "E2",
    ),
    "XR802": (lambda d: d["actions"][0].update(also_serves="P8"), "Actions", "I2"),
    "XR803": (xr803, "KPIs", "F2"),
    "CX901": (cx901, "Context", "A1"),
    "CX902": (lambda d: d["introduction"].update(how_compiled=""), "Introduction", None),
    "CX903": (lambda d: d["settings"].update(approved_on=""), "Settings", "B10"),
}


def check(tmp_path, data, name="plan.xlsx"):
    return check_workbook(write_workbook(tmp_path / name, "school", data), AS_OF)


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    return check(tmp_path_factory.mktemp("clean"), BASE)


def test_every_planning_rule_has_a_case():
    planning = {code for code, r in RULES.items() if r.check is not None}
    assert planning == set(CASES)


def test_the_clean_sample_trips_nothing(clean):
    assert clean.findings == []
    assert [f.code for f in clean.accepted] == ["SC505"]


@pytest.mark.parametrize("code", sorted(CASES))
def test_rule_fires_where_the_plan_breaks_it(code, tmp_path, clean):
    change, sheet, cell = CASES[code]
    data = copy.deepcopy(BASE)
    change(data)
    result = check(tmp_path, data)
    hits = [f for f in result.findings if f.code == code]
    assert hits, f"{code} did not fire; found {[f.code for f in result.findings]}"
    if sheet:
        assert hits[0].sheet == sheet, hits[0]
    if cell:
        assert hits[0].cell == cell, hits[0]
    finding = hits[0]
    assert finding.severity == RULES[code].severity and finding.source == RULES[code].source
    assert finding.message and finding.hint and finding.message != finding.hint
    assert not [f for f in clean.findings if f.code == code]


def _overdue(tmp_path, as_of, status="", review=None):
    data = copy.deepcopy(BASE)
    action = data["actions"][4]
    action["status"] = status
    if review:
        data["reviews"].append(review)
    result = check_workbook(write_workbook(tmp_path / "plan.xlsx", "school", data), as_of)
    return [f for f in result.findings if f.code == "AC206"], action


def test_ac206_both_ways(tmp_path):
    hits, action = _overdue(tmp_path, AS_OF, status="Late")
    assert [f.ref for f in hits] == [action["ref"]]
    # Done or dropped is not overdue; nor is anything before its due date or once the year is over.
    assert not _overdue(tmp_path, AS_OF, status="Done")[0]
    assert not _overdue(tmp_path, AS_OF, status="Dropped")[0]
    assert not _overdue(tmp_path, dt.date(2025, 9, 2))[0]
    assert not _overdue(tmp_path, dt.date(2026, 11, 23))[0]
    # A review that names the action and says it is done counts; one that says it is not done does not.
    said = {"date": dt.date(2026, 3, 20), "ref": "P1", "reviewer": "C&S", "rag": "Green"}
    done = dict(said, impact=f"{action['ref']} completed: all staff trained.", adjustments="None needed.")
    assert not _overdue(tmp_path, AS_OF, review=done)[0]
    not_done = dict(said, impact=f"{action['ref']} is not yet complete.", adjustments="Moved to Sum1.")
    assert _overdue(tmp_path, AS_OF, review=not_done)[0]


def test_rc403_only_when_costs_exceed_the_allocation(tmp_path):
    total = sum(a.get("cost") or 0 for a in BASE["actions"])
    for budget, fires in ((total - 1, True), (total, False), (None, False)):
        data = copy.deepcopy(BASE)
        data["settings"]["budget"] = budget
        result = check_workbook(write_workbook(tmp_path / "plan.xlsx", "school", data), AS_OF)
        assert any(f.code == "RC403" for f in result.findings) is fires, budget


def test_one_weakness_gets_one_finding(tmp_path):
    """Where two codes would say the same of one cell, the more specific speaks: a deliverable is
    SC505 (not also SC502), a placeholder impact RV702 (not also RV703)."""
    data = copy.deepcopy(BASE)
    data["criteria"][0].update(criterion="The reading handbook is online and up to date", baseline="", target="")
    data["reviews"][0].update(impact="On track.")
    found = {(f.code, f.cell) for f in check(tmp_path, data).findings if f.sheet in ("Success criteria", "Reviews")}
    assert ("SC505", "C2") in found and ("SC502", "C2") not in found and ("SC503", "C2") not in found
    assert ("RV702", "E2") in found and ("RV703", "E2") not in found
