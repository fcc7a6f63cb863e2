"""`sipgen diff`: two versions of a plan compared by reference, as a deputy head reads them."""

from __future__ import annotations

import copy
import datetime as dt
import json
import random

import pytest
from typer.testing import CliRunner

from sipgen import diff
from sipgen.cli import app
from sipgen.diff import NO_CHANGES, RECORDS, diff_workbooks, json_report, text_report
from sipgen.examples import load
from sipgen.schema import SHEETS

from .conftest import ROOT

runner = CliRunner()


def sipgen(*args):
    return runner.invoke(app, [str(a) for a in args])


# Written the way schools type their plans: fragments, initials, "Sept 26", shorthand.
EXTRA = {
    "staff": [
        {"initials": "JC", "name": "Jo Clark", "role": "Attendance officer", "organisation": "Test Primary School"},
    ],
    "context": [
        {"area": "Pupil information", "measure": "PP pupils", "value": "88 (29%)", "notes": "Nat. approx 26%"},
    ],
    "aims": [{"ref": "S1", "aim": "All pupils read fluently by end of Y2", "horizon": "2029"}],
    "actions": [
        {
            "ref": "P1.1.3",
            "objective": "P1.1",
            "action": "DH + JC to meet EWO weekly re PA pupils",
            "owners": "DH",
            "start": "Sept 26",
            "due": "Oct 26",
            "cost": "TBC",
            "resources": "EWO time (LA traded service)",
        },
    ],
    "criteria": [
        {
            "ref": "SC1",
            "parent": "P1",
            "criterion": "85% Y1 pass PSC (national 80%)",
            "kind": "Outcome",
            "baseline": "72% (June 26)",
            "milestone_autumn": "70% on track",
            "milestone_spring": "78%",
            "milestone_summer": "85%",
            "target": "85%",
        },
        {
            "ref": "SC2",
            "parent": "P1",
            "criterion": "PA for PP pupils down to 15%",
            "kind": "Outcome",
            "baseline": "22%",
            "milestone_autumn": "20%",
            "milestone_spring": "18%",
            "milestone_summer": "15%",
            "target": "15%",
        },
    ],
    "checks": [
        {
            "priority": "P1",
            "process": "Monitoring",
            "how": "Learning walks + book looks",
            "when": "Half-termly",
            "who": "HT",
            "evidence": "Notes, pupil voice",
        },
    ],
    "reviews": [
        {
            "date": dt.date(2026, 12, 9),
            "ref": "P1",
            "reviewer": "CG",
            "rag": "Amber",
            "impact": "66% on track (milestone 70%) - 4 pupils moved groups",
            "evidence": "Dec assess.",
            "adjustments": "Extra keep-up sessions from Jan (DH)",
        },
    ],
    "kpis": [{"kpi": "PA (% of pupils)", "ref": "P1", "baseline": "17.8", "target": "12", "notes": "Termly from MIS"}],
}


@pytest.fixture
def plan(minimal) -> dict:
    """The conftest plan with a row or two on every sheet."""
    data = copy.deepcopy(minimal)
    for key, rows in EXTRA.items():
        data[key] = data.get(key, []) + copy.deepcopy(rows)
    data["settings"].update(version="v1.0", budget=2000, next_meeting=dt.date(2026, 12, 15))
    return data


@pytest.fixture
def compare(write_plan):
    """Write two versions and return the changes from the first to the second."""

    def run(old: dict, new: dict, new_type: str = "school"):
        result = diff_workbooks(write_plan(old, "old.xlsx"), write_plan(new, "new.xlsx", new_type))
        assert result.error == ""
        return result.changes

    return run


def found(changes, kind, ref=None, field=None):
    """The changes of one kind (and reference, and field)."""
    return [
        c for c in changes if c.kind == kind and (ref is None or c.ref == ref) and (field is None or c.field == field)
    ]


def row(data, key, **match):
    return next(r for r in data[key] if all(r.get(k) == v for k, v in match.items()))


# -- each kind of change, found both ways --------------------------------------------------------------


def _add_action(d):
    d["actions"].append(
        {"ref": "P1.1.4", "objective": "P1.1", "action": "Phone home day 1 of absence (JC)", "owners": "JC"}
    )


def _add_objective(d):
    d["objectives"].append({"ref": "P1.2", "priority": "P1", "title": "Keep-up sessions daily", "lead": "DH"})
    d["actions"].append({"ref": "P1.2.1", "objective": "P1.2", "action": "Timetable 10 min keep-up", "owners": "DH"})


def _add_priority(d):
    d["priorities"].append({"ref": "P2", "title": "PA down to 12%", "source": "Self-evaluation", "lead": "HT"})
    d["actions"].append({"ref": "P2.1", "objective": "P2", "action": "First-day calls", "owners": "JC"})


SIDES = {"added": "removed", "removed": "added"}
# (what the change is, how to make it, what is found: kind, reference)
BOTH_WAYS = [
    ("action", _add_action, "added", "P1.1.4"),
    ("objective", _add_objective, "added", "P1.2"),
    ("priority", _add_priority, "added", "P2"),
    ("criterion", lambda d: d["criteria"].append({"ref": "SC3", "parent": "P1.1", "criterion": "9/9 staff 90%+ on audit"}), "added", "SC3"),  # noqa: E501
    ("KPI", lambda d: d["kpis"].append({"kpi": "Attendance %", "ref": "P1", "target": "96"}), "added", "Attendance %"),
    ("check", lambda d: d["checks"].append({"priority": "P1", "process": "Review", "how": "FGB termly", "who": "CG"}), "added", "P1 Review"),  # noqa: E501
    ("context item", lambda d: d["context"].append({"area": "Budget and staffing", "measure": "SIP budget", "value": "£2k"}), "added", "SIP budget"),  # noqa: E501
    ("aim", lambda d: d["aims"].append({"ref": "S2", "aim": "Attendance above national"}), "added", "S2"),
    ("person", lambda d: d["staff"].append({"initials": "KF", "name": "Kim Ford", "role": "FSO"}), "added", "KF"),
    ("review", lambda d: d["reviews"].append({"date": dt.date(2027, 3, 17), "ref": "P1", "reviewer": "CG", "rag": "Green", "impact": "79% (milestone 78%)"}), "added", "P1 17 Mar 2027"),  # noqa: E501
    ("priority reworded", lambda d: d["priorities"][0].update(title="Raise attainment in early reading + phonics"), "reworded", "P1"),  # noqa: E501
    ("owners", lambda d: row(d, "actions", ref="P1.1.3").update(owners="DH, JC"), "owners", "P1.1.3"),
    ("lead", lambda d: d["objectives"][0].update(lead="HT"), "owners", "P1.1"),
    ("link governor", lambda d: d["priorities"][0].update(link_governor="HT"), "owners", "P1"),
    ("due date", lambda d: row(d, "actions", ref="P1.1.1").update(due=dt.date(2026, 10, 14)), "date", "P1.1.1"),
    ("cost", lambda d: row(d, "actions", ref="P1.1.1").update(cost=600), "cost", "P1.1.1"),
    ("status", lambda d: row(d, "actions", ref="P1.1.1").update(status="Done"), "status", "P1.1.1"),
    ("actual", lambda d: d["criteria"][0].update(actual_autumn="69%"), "actual", "SC1"),
    ("milestone", lambda d: d["criteria"][0].update(milestone_spring="80%"), "changed", "SC1"),
    ("RAG", lambda d: d["reviews"][0].update(rag="Green"), "rag", "P1"),
    ("setting", lambda d: d["settings"].update(version="v1.1"), "setting", "Version"),
    ("role", lambda d: d["staff"][3].update(role="Family support officer"), "changed", "JC"),
    ("context value", lambda d: d["context"][0].update(value="91 (30%)"), "changed", "PP pupils"),
    ("check wording", lambda d: d["checks"][0].update(how="Learning walks, book looks + pupil voice"), "reworded", "P1 Monitoring"),  # noqa: E501
]  # fmt: skip


@pytest.mark.parametrize(("what", "change", "kind", "ref"), BOTH_WAYS, ids=[case[0] for case in BOTH_WAYS])
def test_each_change_is_found_both_ways(plan, compare, what, change, kind, ref):
    edited = copy.deepcopy(plan)
    change(edited)
    forward = compare(plan, edited)
    assert found(forward, kind, ref), f"{what}: {[(c.kind, c.ref) for c in forward]}"
    backward = compare(edited, plan)
    assert found(backward, SIDES.get(kind, kind), ref), f"{what} undone: {[(c.kind, c.ref) for c in backward]}"
    assert all(c.sheet and c.text for c in forward + backward)


def test_an_unchanged_copy_has_no_changes(plan, write_plan, tmp_path):
    old = write_plan(plan, "old.xlsx")
    copied = tmp_path / "copy.xlsx"
    copied.write_bytes(old.read_bytes())
    result = diff_workbooks(old, copied)
    assert result.changes == [] and result.exit_code == 0
    cli = sipgen("diff", old, copied)
    assert cli.exit_code == 0 and cli.output.strip() == NO_CHANGES


def test_two_copies_of_a_file_that_is_not_a_plan_are_still_exit_2(tmp_path):
    notes = tmp_path / "notes.xlsx"
    notes.write_text("Ref,Action\nP1.1.1,Train staff\n")
    result = sipgen("diff", notes, notes)
    assert result.exit_code == 2 and "notes.xlsx" in result.output and "CSV" in result.output


def test_the_sample_plan_written_twice_has_no_changes(write_plan):
    sample = load("primary")
    assert diff_workbooks(write_plan(sample, "a.xlsx"), write_plan(copy.deepcopy(sample), "b.xlsx")).changes == []


def test_reordering_rows_is_no_change(plan, compare):
    shuffled = copy.deepcopy(plan)
    for key in ("actions", "staff", "criteria", "reviews"):
        random.Random(4).shuffle(shuffled[key])
    shuffled["actions"].reverse()
    assert compare(plan, shuffled) == []


def test_spacing_is_no_change_but_case_is_a_rewording(plan, compare):
    edited = copy.deepcopy(plan)
    row(edited, "actions", ref="P1.1.3")["action"] = "DH + JC  to meet EWO\nweekly re PA pupils "
    assert compare(plan, edited) == []
    row(edited, "actions", ref="P1.1.3")["action"] = "DH + JC to meet EWO weekly re PA Pupils"
    assert [c.detail for c in compare(plan, edited)] == ["DH + JC to meet EWO weekly re PA [-pupils-] {+Pupils+}"]


# -- rewording, renumbering ------------------------------------------------------------------------


def test_rewording_shows_the_words_that_changed(plan, compare):
    edited = copy.deepcopy(plan)
    row(edited, "actions", ref="P1.1.3")["action"] = "DH + JC to meet EWO fortnightly re PA pupils"
    [change] = compare(plan, edited)
    assert (change.kind, change.ref, change.field) == ("reworded", "P1.1.3", "action")
    assert "[-weekly-] {+fortnightly+}" in change.text
    assert ("removed", "weekly") in change.words and ("added", "fortnightly") in change.words
    assert change.before.endswith("weekly re PA pupils") and change.after.endswith("fortnightly re PA pupils")
    assert change.where == "Actions!C4"


def test_a_long_text_keeps_only_the_words_near_the_change():
    before = "Our self-evaluation found that " + "teaching varies between classes and year groups " * 6 + "so we act."
    after = before.replace("so we act.", "so we will act in Spr1.")
    shown = diff.marked(diff.word_diff(before, after))
    assert shown.startswith("… ") and "{+will act in Spr1.+}" in shown and len(shown) < 120


def test_an_inserted_action_renumbers_the_rest_as_moved(plan, compare):
    edited = copy.deepcopy(plan)
    actions = edited["actions"]
    for action in actions:  # P1.1.2 -> P1.1.3, P1.1.3 -> P1.1.4
        if action["ref"] in ("P1.1.2", "P1.1.3"):
            action["ref"] = f"P1.1.{int(action['ref'][-1]) + 1}"
    actions.append({"ref": "P1.1.2", "objective": "P1.1", "action": "Audit RWI groupings (Sept 26)", "owners": "DH"})
    changes = compare(plan, edited)
    assert [(c.kind, c.ref) for c in changes if c.record == "actions"] == [
        ("added", "P1.1.2"),
        ("moved", "P1.1.3"),
        ("moved", "P1.1.4"),
    ]
    moved = found(changes, "moved", "P1.1.4")[0]
    assert (moved.before, moved.after) == ("P1.1.3", "P1.1.4") and "renumbered" in moved.text
    assert not found(changes, "removed") and not found(changes, "reworded")


def test_an_action_renumbered_and_reworded_is_still_the_same_action(plan, compare):
    edited = copy.deepcopy(plan)
    edited["actions"] = [a for a in edited["actions"] if a["ref"] != "P1.1.2"]
    row(edited, "actions", ref="P1.1.3").update(ref="P1.1.2", action="DH + JC to meet EWO fortnightly re PA pupils")
    changes = compare(plan, edited)
    assert [(c.kind, c.ref) for c in changes] == [("removed", "P1.1.2"), ("moved", "P1.1.2"), ("reworded", "P1.1.2")]
    assert changes[1].text == "Action renumbered from P1.1.3 to P1.1.2, and reworded."
    assert changes[0].before == "Observe every phonics group once"


def test_a_renamed_kpi_is_reworded_not_removed(plan, compare):
    edited = copy.deepcopy(plan)
    edited["kpis"][0]["kpi"] = "PA (% pupils)"
    changes = compare(plan, edited)
    assert [(c.kind, c.field) for c in changes] == [("reworded", "kpi")]


# -- dates, costs, measures, reviews -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after", "detail"),
    [
        (dt.date(2026, 9, 30), dt.date(2026, 10, 14), "slipped by 14 days"),
        (dt.date(2026, 10, 14), dt.date(2026, 9, 30), "brought forward by 14 days"),
        (dt.date(2027, 2, 26), dt.date(2027, 3, 1), "slipped by 3 days"),
        (dt.date(2026, 10, 1), dt.date(2026, 9, 30), "brought forward by 1 day"),
        ("Sept 26", "Oct 26", "slipped by 31 days"),  # a month is due at its end
        ("Aut2", dt.date(2026, 12, 19), None),  # the same due day, written another way
    ],
)
def test_a_due_date_moved_says_by_how_many_days(plan, compare, before, after, detail):
    old, new = copy.deepcopy(plan), copy.deepcopy(plan)
    row(old, "actions", ref="P1.1.1")["due"] = before
    row(new, "actions", ref="P1.1.1")["due"] = after
    changes = found(compare(old, new), "date")
    if detail is None:
        assert changes == []
        return
    [change] = changes
    assert change.detail == detail and change.field == "due" and change.where == "Actions!F2"
    assert detail in change.text


def test_an_undated_timing_compares_by_its_words(plan, compare):
    edited = copy.deepcopy(plan)
    row(plan, "actions", ref="P1.1.3")["due"] = "TBC"
    row(edited, "actions", ref="P1.1.3")["due"] = dt.date(2027, 3, 20)
    [change] = found(compare(plan, edited), "date")
    assert (change.before, change.after, change.detail) == ("TBC", "20 Mar 2027", "")
    assert "TBC → 20 Mar 2027" in change.text


def test_a_cost_change_and_the_plan_total(plan, compare):
    edited = copy.deepcopy(plan)
    row(edited, "actions", ref="P1.1.1")["cost"] = 600
    row(edited, "actions", ref="P1.1.3")["cost"] = 150  # was TBC
    changes = compare(plan, edited)
    cost = found(changes, "cost", "P1.1.1")[0]
    assert (cost.before, cost.after, cost.detail) == ("£450", "£600", "+£150")
    assert found(changes, "cost", "P1.1.3")[0].before == "TBC"
    total = found(changes, "cost", "total")[0]
    assert (total.before, total.after, total.priority) == ("£450", "£750", "")


def test_a_status_change(plan, compare):
    old, new = copy.deepcopy(plan), copy.deepcopy(plan)
    row(old, "actions", ref="P1.1.1")["status"] = "On track"
    row(new, "actions", ref="P1.1.1")["status"] = "late"  # typed in lower case: read as Late
    [change] = compare(old, new)
    assert (change.kind, change.before, change.after, change.where) == ("status", "On track", "Late", "Actions!J2")


@pytest.mark.parametrize(
    ("criterion", "actual", "state"),
    [("SC1", "69% (Dec assess.)", "close"), ("SC1", "72%", "met"), ("SC1", "60%", "missed"), ("SC2", "19%", "met")],
)
def test_an_actual_newly_recorded_is_judged_against_its_milestone(plan, compare, criterion, actual, state):
    edited = copy.deepcopy(plan)
    row(edited, "criteria", ref=criterion)["actual_autumn"] = actual
    [change] = compare(plan, edited)
    assert (change.kind, change.ref, change.detail, change.after) == ("actual", criterion, state, actual)
    assert change.text.startswith(f"Autumn actual: {actual} against ") and f"({state})" in change.text


def test_an_actual_without_a_figure_is_recorded_not_judged(plan, compare):
    edited = copy.deepcopy(plan)
    edited["kpis"][0]["actual_autumn"] = "on track"
    [change] = compare(plan, edited)
    assert (change.kind, change.detail) == ("actual", "recorded")


def test_a_review_added_and_the_rag_it_changes(plan, compare):
    edited = copy.deepcopy(plan)
    edited["reviews"].append(
        {"date": dt.date(2027, 3, 17), "ref": "P1", "reviewer": "CG", "rag": "Green", "impact": "79% (milestone 78%)"}
    )
    changes = compare(plan, edited)
    assert [(c.kind, c.ref) for c in changes] == [("rag", "P1"), ("added", "P1 17 Mar 2027")]
    rag = changes[0]
    assert (rag.before, rag.after) == ("Amber", "Green") and "review of 17 Mar 2027" in rag.text
    assert changes[1].text == "Review added (RAG Green, by CG): 79% (milestone 78%)"


def test_a_rag_edited_in_place_is_told_once(plan, compare):
    edited = copy.deepcopy(plan)
    edited["reviews"][0]["rag"] = "Red"
    assert [(c.kind, c.before, c.after) for c in compare(plan, edited)] == [("rag", "Amber", "Red")]


# -- the whole plan --------------------------------------------------------------------------------


def test_settings_changes(plan, compare):
    edited = copy.deepcopy(plan)
    edited["settings"].update(
        version="v1.1", budget=2500, approved_on=dt.date(2026, 10, 14), next_meeting=dt.date(2026, 12, 8)
    )
    changes = {c.field: c for c in compare(plan, edited)}
    assert set(changes) == {"version", "budget", "approved_on", "next_meeting"}
    assert all(c.kind == "setting" and c.priority == "" and c.sheet == "Settings" for c in changes.values())
    assert changes["budget"].text == "Budget allocated: £2,000 → £2,500 (+£500)"
    assert changes["approved_on"].text.startswith("Approved by the governing board on: blank → 14 Oct 2026")
    assert changes["next_meeting"].detail == "7 days earlier"


def test_staff_added_removed_and_role_changed(plan, compare):
    edited = copy.deepcopy(plan)
    edited["staff"] = [p for p in edited["staff"] if p["initials"] != "CG"]
    edited["staff"].append({"initials": "KF", "name": "Kim Ford", "role": "FSO", "organisation": "Test Primary"})
    row(edited, "staff", initials="JC")["role"] = "Family support officer"
    changes = [(c.kind, c.ref, c.field) for c in compare(plan, edited) if c.record == "staff"]
    assert changes == [("added", "KF", "initials"), ("removed", "CG", "initials"), ("changed", "JC", "role")]


def test_the_report_groups_by_priority_then_the_whole_plan(plan, compare):
    edited = copy.deepcopy(plan)
    edited["settings"]["version"] = "v1.1"
    row(edited, "actions", ref="P1.1.3")["action"] = "DH + JC to meet EWO fortnightly re PA pupils"
    row(edited, "actions", ref="P1.1.1")["due"] = dt.date(2026, 10, 14)
    changes = compare(plan, edited)
    assert [c.priority for c in changes] == ["P1", "P1", ""]
    text = text_report(changes, titles={"P1": "Raise attainment in early reading"}, heading="old -> new")
    lines = text.splitlines()
    assert lines[0] == "old -> new" and "  P1  Raise attainment in early reading" in lines
    assert lines.index("  Whole plan") > lines.index("  P1  Raise attainment in early reading")
    assert "Actions!C4" in text and "Actions!F2" in text and "Settings!B7" in text
    assert "[-weekly-] {+fortnightly+}" in text and "slipped by 14 days" in text
    assert lines[-1] == "3 changes: 1 reworded, 1 date, 1 setting."
    assert "\033[" not in text and "\033[32m{+fortnightly+}" in text_report(changes, colour=True)


def test_a_removed_row_names_where_it_was_in_the_old_workbook(plan, compare):
    edited = copy.deepcopy(plan)
    edited["actions"] = [a for a in edited["actions"] if a["ref"] != "P1.1.2"]
    [change] = found(compare(plan, edited), "removed")
    assert change.where == "Actions!A3" and "removed   P1.1.2  Actions!A3 in the old workbook" in text_report([change])
    assert change.before == "Observe every phonics group once"


def test_an_added_sheet_and_an_extra_column_still_compare(plan, compare, edit_plan, write_plan):
    def add_notes(workbook):
        workbook.create_sheet("Notes")["A1"] = "Ask CG about the Dec review"
        actions = workbook["Actions"]
        column = actions.max_column + 1
        actions.cell(1, column, "RAG (our own)")
        actions.cell(2, column, "G")

    old = write_plan(plan, "old.xlsx")
    new = edit_plan(plan, add_notes, "new.xlsx")
    result = diff_workbooks(old, new)
    assert [(c.kind, c.record, c.ref) for c in result.changes] == [("added", "sheets", "Notes")]


def test_plans_of_different_types_still_compare(plan, compare):
    edited = copy.deepcopy(plan)
    edited["settings"]["plan_type"] = "ITT partnership"
    row(edited, "actions", ref="P1.1.1")["cost"] = 600
    changes = compare(plan, edited, new_type="itt")
    assert [(c.kind, c.ref) for c in changes] == [("cost", "P1.1.1"), ("setting", "Plan type"), ("cost", "total")]
    assert found(changes, "setting")[0].text == "Plan type: School → ITT partnership"


def test_the_sample_plan_after_a_term(write_plan):
    autumn = load("primary")
    spring = copy.deepcopy(autumn)
    action = spring["actions"][5]
    action["owners"] = action["owners"] + ", JB"
    spring["settings"]["version"] = "v1.3"
    changes = diff_workbooks(write_plan(autumn, "autumn.xlsx"), write_plan(spring, "spring.xlsx")).changes
    assert [(c.kind, c.ref) for c in changes] == [("owners", action["ref"]), ("setting", "Version")]
    assert changes[0].detail == "JB added" and changes[0].text.endswith(f"{action['owners']} (JB added)")


# -- the table of what is compared ---------------------------------------------------------------------


def test_every_column_is_compared_or_left_out_with_a_reason():
    for sheet in SHEETS:
        compared = next(c for c in RECORDS if c.attr == sheet.key)
        named = {f for f, _ in compared.fields} | set(compared.ident)
        for column in sheet.columns:
            assert column.field in named or (sheet.key, column.field) in diff.NOT_COMPARED, (sheet.key, column.field)
        assert named <= {c.field for c in sheet.columns}, sheet.key


# -- the command -----------------------------------------------------------------------------------


def test_diff_command_text_and_exit_code(plan, write_plan):
    edited = copy.deepcopy(plan)
    row(edited, "actions", ref="P1.1.1")["due"] = dt.date(2026, 10, 14)
    old, new = write_plan(plan, "autumn.xlsx"), write_plan(edited, "spring.xlsx")
    result = sipgen("diff", old, new)
    assert result.exit_code == 1
    assert "P1  Raise attainment in early reading" in result.output
    assert "date      P1.1.1  Actions!F2" in result.output
    assert "Due: 30 Sep 2026 → 14 Oct 2026 (slipped by 14 days)" in result.output
    assert "\033[" not in result.output  # not a terminal: no colour


def test_diff_command_json(plan, write_plan):
    edited = copy.deepcopy(plan)
    row(edited, "actions", ref="P1.1.3")["action"] = "DH + JC to meet EWO fortnightly re PA pupils"
    result = sipgen("diff", write_plan(plan, "a.xlsx"), write_plan(edited, "b.xlsx"), "--format", "json")
    assert result.exit_code == 1
    [change] = json.loads(result.output)
    assert list(change) == list(diff.JSON_FIELDS)
    assert change["kind"] == "reworded" and change["ref"] == "P1.1.3" and change["priority"] == "P1"
    assert (change["sheet"], change["cell"], change["field"]) == ("Actions", "C4", "action")
    assert {"op": "removed", "text": "weekly"} in change["words"]
    assert json.loads(json_report([])) == []


def test_diff_command_help_has_an_example_in_plain_words():
    from tests.test_help import NOTATION, help_text

    text = help_text(["diff"])
    assert "sipgen diff autumn.xlsx spring.xlsx" in text and "OLD.xlsx NEW.xlsx" in text.splitlines()[0]
    assert not [mark for mark in NOTATION if mark in text] and all(len(line) <= 80 for line in text.splitlines())


@pytest.mark.parametrize("which", ["old", "new"])
def test_a_missing_file_is_exit_2_naming_it(plan, write_plan, tmp_path, which):
    real, missing = write_plan(plan), tmp_path / "Spring plan.xlsx"
    args = (missing, real) if which == "old" else (real, missing)
    result = sipgen("diff", *args)
    assert result.exit_code == 2 and "Traceback" not in result.output
    [line] = result.output.strip().splitlines()
    assert "Spring plan.xlsx" in line and "no file" in line


def _not_a_plan(path):
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.title = "Budget 2026"
    workbook.active["A1"] = "Supply cover"
    workbook.save(path)
    return path


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda p: p.write_text("Ref,Action\nP1.1.1,Train staff\n"), "CSV"),
        (_not_a_plan, "not a sipgen plan"),
    ],
    ids=["csv", "not a plan"],
)
def test_a_file_that_is_not_a_plan_is_exit_2_naming_it(plan, write_plan, tmp_path, make, says):
    bad = tmp_path / "notes.xlsx"
    make(bad)
    result = sipgen("diff", write_plan(plan), bad)
    assert result.exit_code == 2 and "Traceback" not in result.output
    [line] = result.output.strip().splitlines()
    assert "notes.xlsx" in line and says in line


@pytest.fixture
def side_by_side(monkeypatch):
    """Read even small workbooks in two processes; record what this process read itself."""
    if not diff.sys.platform.startswith("linux"):
        pytest.skip("workbooks are read side by side only where a process can be forked")
    monkeypatch.setattr(diff, "PARALLEL_FROM", 0)
    read_here = []
    reader = diff.read_snapshot
    monkeypatch.setattr(diff, "read_snapshot", lambda path: read_here.append(path.name) or reader(path))
    return read_here


def test_two_large_workbooks_are_read_side_by_side(plan, write_plan, side_by_side):
    edited = copy.deepcopy(plan)
    row(edited, "actions", ref="P1.1.1")["cost"] = 600
    edited["reviews"][0]["rag"] = "Green"
    edited["staff"].reverse()
    old, new = write_plan(plan, "old.xlsx"), write_plan(edited, "new.xlsx")
    together = diff_workbooks(old, new)
    assert side_by_side == ["new.xlsx"]  # the old one was read by the other process
    diff.PARALLEL_FROM = 10**12
    assert together.changes == diff_workbooks(old, new).changes


def test_a_worker_that_dies_is_read_here_instead(plan, write_plan, side_by_side, monkeypatch):
    monkeypatch.setattr(diff, "_worker", lambda path, connection: diff.os._exit(1))
    edited = copy.deepcopy(plan)
    row(edited, "actions", ref="P1.1.1")["status"] = "Done"
    result = diff_workbooks(write_plan(plan, "old.xlsx"), write_plan(edited, "new.xlsx"))
    assert [(c.kind, c.ref) for c in result.changes] == [("status", "P1.1.1")]
    assert sorted(side_by_side) == ["new.xlsx", "old.xlsx"]


def test_a_bad_workbook_read_by_the_worker_is_reported(plan, write_plan, tmp_path, side_by_side):
    bad = tmp_path / "autumn.xlsx"
    bad.write_text("Ref,Action\nP1.1.1,Train staff\n")
    result = diff_workbooks(bad, write_plan(plan))
    assert result.exit_code == 2 and "autumn.xlsx" in result.error and "CSV" in result.error


def test_a_plan_already_read_compares_as_its_workbook_does():
    from sipgen.diff import diff_since, diff_workbooks
    from sipgen.reader import read_plan

    autumn, summer = ROOT / "samples" / "primary-autumn.xlsx", ROOT / "samples" / "primary.xlsx"
    assert diff_since(autumn, read_plan(summer).plan).changes == diff_workbooks(autumn, summer).changes
    assert "nothing.xlsx" in diff_since(ROOT / "nothing.xlsx", read_plan(summer).plan).error
