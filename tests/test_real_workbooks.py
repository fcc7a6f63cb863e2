"""Workbooks as schools really keep them: headers in their own words, no objective level,
rows in any order, dates as typed, and rows whose parent is missing. Nothing may be lost."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from docx import Document
from openpyxl import Workbook

from sipgen.checker import check_workbook
from sipgen.document import build_document
from sipgen.reader import read_plan

from .test_document import body_xml, document_text


def _sheet(workbook, name, rows):
    sheet = workbook.create_sheet(name)
    for row in rows:
        sheet.append(list(row))
    return sheet


def school_workbook(path, actions_header=None, actions=None, priorities=None, extra=None):
    """A plan typed the way a school types it: its own headers, no Objectives sheet, a title row."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    _sheet(
        workbook,
        "Settings",
        [
            ("Setting", "Value"),
            ("School name", "Ashgrove CE Primary"),
            ("Plan type", "School"),
            ("Academic year", "2025-26"),
            ("Overall lead", "HT"),
        ],
    )
    _sheet(
        workbook,
        "Staff",
        [
            ("Initials", "Name", "Role"),
            ("HT", "Jo Reeve", "Headteacher"),
            ("DHT", "Sam Okafor", "Deputy head"),
            ("SENCo", "Ali Grant", "SENCo"),
            ("FGB", "Full governing board", "Governors"),
        ],
    )
    _sheet(
        workbook,
        "Priorities",
        [
            ("Ashgrove SIP 2025-26: key priorities",),
            ("Reference", "Key priority", "Source", "Lead", "Link governor"),
            *(
                priorities
                or [
                    ("P2", "Attendance of disadvantaged pupils", "Performance data", "DHT", "FGB"),
                    ("P1", "Early reading", "Inspection report", "HT", "FGB"),
                ]
            ),
        ],
    )
    _sheet(
        workbook,
        "Actions",
        [
            actions_header
            or (
                "No.",
                "Priority",
                "What will be done",
                "Lead person",
                "Start date",
                "Deadline",
                "Budget",
                "Resources needed",
            ),
            *(
                actions
                or [
                    (
                        "P2.2",
                        "P2",
                        "First-day calls to families of absent pupils",
                        "DHT",
                        "Sept 25",
                        "Ongoing",
                        0,
                        "Office time",
                    ),
                    (
                        "P1.1",
                        "P1",
                        "RWI training for all KS1 staff",
                        "HT",
                        "8 Sept 2025",
                        "31st Oct",
                        1200,
                        "2 training days",
                    ),
                    ("P2.1", "P2", "Attendance clinic with EWO", "DHT", "Autumn 2025", "Feb 26", 400, "EWO sessions"),
                    (
                        "P1.2",
                        "P1",
                        "Daily keep-up sessions for lowest 20%",
                        "SENCo",
                        "Nov 25",
                        "Termly",
                        3200,
                        "TA hours",
                    ),
                ]
            ),
        ],
    )
    for name, rows in (extra or {}).items():
        _sheet(workbook, name, rows)
    workbook.save(path)
    return path


def codes(result):
    return sorted(f.code for f in result.findings)


def test_a_plan_in_a_schools_own_words_is_read_whole(tmp_path):
    result = read_plan(school_workbook(tmp_path / "ashgrove.xlsx"))
    assert not [f for f in result.findings if f.code in ("WB003", "WB004", "WB006", "WB008")], result.findings
    actions = {a.ref: a for a in result.plan.actions}
    assert actions["P1.1"].owners == ("HT",) and actions["P1.1"].cost == 1200
    assert actions["P1.1"].start.start.isoformat() == "2025-09-08"
    assert actions["P1.1"].due.end.isoformat() == "2025-10-31"
    assert actions["P2.2"].due.label == "Ongoing" and not actions["P2.2"].due.dated
    assert actions["P2.1"].due.end.isoformat() == "2026-02-28"
    assert actions["P1.2"].resources == "TA hours"
    priority = {p.ref: p for p in result.plan.priorities}["P1"]
    assert [a.ref for a in priority.actions] == ["P1.1", "P1.2"]


def test_a_plan_without_objectives_passes_the_structure_rules(tmp_path):
    result = check_workbook(school_workbook(tmp_path / "ashgrove.xlsx"), None)
    assert not {"PR103", "PR106", "WB002", "WB006", "AC202"} & set(codes(result)), result.findings


def test_a_priority_with_neither_objectives_nor_actions_is_pr103(tmp_path):
    path = school_workbook(
        tmp_path / "p.xlsx",
        priorities=[
            ("P1", "Early reading", "Inspection report", "HT", "FGB"),
            ("P3", "Writing in KS2", "Self-evaluation", "HT", "FGB"),
        ],
        actions=[("P1.1", "P1", "RWI training for all KS1 staff", "HT", "8 Sept 2025", "31st Oct", 1200, "2 days")],
    )
    result = check_workbook(path, None)
    pr103 = [f for f in result.findings if f.code == "PR103"]
    assert [f.ref for f in pr103] == ["P3"]
    assert "no objectives and no actions" in pr103[0].message


@pytest.mark.parametrize(
    "start, due",
    [
        ("Start date", "Due date"),
        ("Starts", "By when"),
        ("From", "Completion date"),
        ("START DATE ", "deadline"),
        ("Begin", "Target date"),
        ("Start dates", "Due dates"),
    ],
)
def test_tidied_date_headers_keep_every_date(tmp_path, start, due):
    header = ("Ref", "Objective", "Action", "Owner", start, due, "Cost (£)", "Resources")
    path = school_workbook(tmp_path / "p.xlsx", actions_header=header)
    result = read_plan(path)
    assert not [f for f in result.findings if f.code in ("WB003", "WB008")], result.findings
    assert all(a.start and a.due for a in result.plan.actions)


@pytest.mark.parametrize("owner", ["Owner", "Responsible", "Who", "Lead person", "Person responsible", "Led by"])
@pytest.mark.parametrize("cost", ["Cost", "Cost (£)", "Budget", "Costs", "Estimated cost"])
def test_owner_and_cost_headers_as_schools_write_them(tmp_path, owner, cost):
    header = ("Ref", "Objective", "Action", owner, "Start", "Due", cost, "Resources")
    result = read_plan(school_workbook(tmp_path / "p.xlsx", actions_header=header))
    assert not result.findings, result.findings
    assert {a.ref: a.cost for a in result.plan.actions}["P1.2"] == 3200
    assert {a.ref: a.owners for a in result.plan.actions}["P1.2"] == ("SENCo",)


def test_an_unknown_header_in_the_place_of_a_missing_column_is_wb003_not_notes(tmp_path):
    header = ("Ref", "Objective", "Action", "Owner", "Kick-off", "Due", "Cost", "Resources")
    result = read_plan(school_workbook(tmp_path / "p.xlsx", actions_header=header))
    wb003 = [f for f in result.findings if f.code == "WB003"]
    assert [(f.sheet, f.cell) for f in wb003] == [("Actions", "E1")]
    assert "'Kick-off'" in wb003[0].message and "'Start'" in wb003[0].message
    assert "rename its header to 'Start'" in wb003[0].hint
    assert not [f for f in result.findings if f.code == "WB008"], "the column is named once, as WB003"


def test_an_unknown_header_named_like_a_missing_column_is_wb003(tmp_path):
    header = ("Ref", "Objective", "Action", "Owner", "Start", "Due", "Cost", "Resources and materials")
    result = read_plan(school_workbook(tmp_path / "p.xlsx", actions_header=header))
    assert [(f.code, f.cell) for f in result.findings] == [("WB003", "H1")]
    assert "'Resources'" in result.findings[0].message


def test_a_notes_column_after_the_plan_is_still_notes(tmp_path):
    header = ("Ref", "Objective", "Action", "Owner", "Start", "Due", "Cost", "Resources", "Comments")
    actions = [
        (
            "P1.1",
            "P1",
            "RWI training for all KS1 staff",
            "HT",
            "8 Sept 2025",
            "31st Oct",
            1200,
            "2 days",
            "Booked with the hub",
        )
    ]
    result = read_plan(school_workbook(tmp_path / "p.xlsx", actions_header=header, actions=actions))
    assert [(f.code, f.cell) for f in result.findings] == [("WB008", "I1:I2")]


def test_a_wrong_kind_of_column_in_the_gap_is_not_taken_for_the_missing_one(tmp_path):
    # Column E holds words, not dates, so it is not the missing Start column.
    header = ("Ref", "Objective", "Action", "Owner", "Notes", "Due", "Cost", "Resources")
    actions = [("P1.1", "P1", "RWI training", "HT", "Booked with the hub", "31st Oct", 1200, "2 days")]
    result = read_plan(school_workbook(tmp_path / "p.xlsx", actions_header=header, actions=actions))
    assert [f.code for f in result.findings] == ["WB008"]


def test_rows_in_any_order_give_the_document_in_reference_order(tmp_path):
    priorities = [
        ("P10", "Governance", "Self-evaluation", "HT", "FGB"),
        ("P2", "Attendance", "Performance data", "DHT", "FGB"),
        ("P1", "Early reading", "Inspection report", "HT", "FGB"),
    ]
    actions = [
        ("P1.2", "P1", "Keep-up sessions", "SENCo", "Nov 25", "Dec 25", 300, "TA hours"),
        ("P10.1", "P10", "Skills audit of the board", "HT", "Oct 25", "Nov 25", 0, "No cost"),
        ("P1.1", "P1", "RWI training", "HT", "Sept 25", "Oct 25", 1200, "2 days"),
        ("P2.1", "P2", "Attendance clinic", "DHT", "Sept 25", "Oct 25", 400, "EWO"),
    ]
    path = school_workbook(tmp_path / "p.xlsx", priorities=priorities, actions=actions)
    out = build_document(path, tmp_path / "p.docx", force=True).output
    document = Document(str(out))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1" and re.match(r"P\d", p.text)]
    assert headings == ["P1  Early reading", "P2  Attendance", "P10  Governance"]
    text = document_text(out)
    assert text.index("RWI training") < text.index("Keep-up sessions")
    # Who does what lists references in order too: HT leads P1 and P10, owns P1.1 and P10.1.
    assert "HT (Jo Reeve) P1, P10 P1.1, P10.1" in text


def test_force_places_every_row_and_counts_every_pound(tmp_path, write_plan, minimal):
    minimal["actions"].append(
        {
            "ref": "P1.9.1",
            "objective": "P1.9",
            "action": "Buy decodable readers",
            "owners": "DH",
            "start": "Aut1",
            "due": "Aut2",
            "cost": 800,
            "resources": "Books from the scheme",
        }
    )
    minimal["objectives"].append({"ref": "P7.1", "priority": "P7", "title": "Orphaned objective", "lead": "HT"})
    minimal["actions"].append(
        {
            "ref": "P7.1.1",
            "objective": "P7.1",
            "action": "Visit a partner school",
            "owners": "HT",
            "start": "Spr1",
            "due": "Spr1",
            "cost": 150,
            "resources": "Supply cover",
        }
    )
    minimal["criteria"] = [{"ref": "SC9", "parent": "P8", "criterion": "90% of pupils pass the phonics check"}]
    path = write_plan(minimal)
    result = build_document(path, path.with_suffix(".docx"), force=True)
    text = document_text(result.output)
    assert "Rows not placed in the plan" in text
    for typed in (
        "Buy decodable readers",
        "Orphaned objective",
        "Visit a partner school",
        "90% of pupils pass the phonics check",
    ):
        assert typed in text
    # 450 + 0 in P1, 800 and 150 not placed: the total counts them all.
    assert "£1,400" in text
    xml = body_xml(result.output)
    bookmarks = set(re.findall(r'<w:bookmarkStart w:id="\d+" w:name="([^"]+)"', xml))
    anchors = set(re.findall(r'<w:hyperlink w:anchor="([^"]+)"', xml))
    assert anchors <= bookmarks, anchors - bookmarks
    assert "ref_P1_9_1" in bookmarks and "ref_P7_1" in bookmarks


def test_one_reference_for_an_objective_and_an_action_is_wb005(write_plan, minimal):
    minimal["actions"][1]["ref"] = "P1.1"
    result = read_plan(write_plan(minimal))
    wb005 = [f for f in result.findings if f.code == "WB005"]
    assert len(wb005) == 1 and "objective" in wb005[0].message and wb005[0].cell == "A3"


def _cli(*args, cwd):
    return subprocess.run([sys.executable, "-m", "sipgen", *args], capture_output=True, text=True, cwd=cwd, timeout=60)


def test_a_workbook_that_is_not_a_plan_gets_one_sentence_and_exit_2(tmp_path):
    workbook = Workbook()
    workbook.active.title = "Budget 2025"
    workbook.active["A1"] = "Staffing"
    workbook.create_sheet("Sheet2")["B2"] = 12
    workbook.save(tmp_path / "budget.xlsx")
    for command in ("check", "build"):
        done = _cli(command, "budget.xlsx", cwd=tmp_path)
        assert done.returncode == 2, done
        output = " ".join((done.stdout + done.stderr).split())
        assert output.count("not a sipgen plan") == 1
        assert "'Budget 2025'" in output and "sipgen new" in output
        assert "Traceback" not in output
    result = check_workbook(tmp_path / "budget.xlsx")
    assert [f.code for f in result.findings] == ["WB002"] and result.exit_code() == 2


def test_a_missing_file_gets_advice_about_the_name_not_about_saving(tmp_path):
    done = _cli("check", "nothere.xlsx", cwd=tmp_path)
    assert done.returncode == 2
    assert "there is no file here" in done.stdout + done.stderr
    assert "Save the plan from Excel" not in done.stdout + done.stderr
    assert "quotes" in done.stdout + done.stderr


def test_actions_held_by_a_priority_are_a_sequence_checked_for_order(tmp_path):
    actions = [
        ("P1.1", "P1", "Keep-up sessions for the lowest 20%", "SENCo", "Jan 26", "Termly", 300, "TA hours"),
        ("P1.2", "P1", "RWI training for all KS1 staff", "HT", "Sept 25", "Oct 25", 1200, "2 days"),
        ("P2.1", "P2", "Attendance clinic", "DHT", "Sept 25", "Oct 25", 400, "EWO"),
    ]
    result = check_workbook(school_workbook(tmp_path / "p.xlsx", actions=actions), None)
    assert [(f.code, f.ref) for f in result.findings if f.code == "AC203"] == [("AC203", "P1.2")]


def test_a_range_in_one_cell_fills_start_and_due_and_timings_reach_the_document(tmp_path):
    actions = [
        ("P1.1", "P1", "RWI training for all KS1 staff", "HT", None, "Autumn 25 - Feb 26", 1200, "2 training days"),
        ("P1.2", "P1", "Keep-up sessions for the lowest 20%", "SENCo", "Sept 25", "Each half-term", 300, "TA hours"),
        ("P2.1", "P2", "Attendance clinic with the EWO", "DHT", "TBC", None, 400, "EWO sessions"),
    ]
    path = school_workbook(tmp_path / "p.xlsx", actions=actions)
    result = check_workbook(path, None)
    first, second, third = sorted(result.plan.actions, key=lambda a: a.ref)
    assert (first.start.label, first.due.label) == ("Autumn term 2025", "Feb 2026")
    assert first.start.start.isoformat() == "2025-09-01" and first.due.end.isoformat() == "2026-02-28"
    assert not second.due.dated and second.due.label == "Each half-term"
    assert [(f.code, f.ref) for f in result.findings if f.code in ("AC202", "WB004")] == [("AC202", "P2.1")]
    text = document_text(build_document(path, tmp_path / "p.docx", result=result).output)
    assert "Autumn term 2025 to Feb 2026" in text and "Each half-term from Sep 2025" in text and "TBC" in text


def test_build_as_of_sets_the_board_summarys_date(tmp_path):
    path = school_workbook(tmp_path / "p.xlsx")
    done = _cli("build", "p.xlsx", "--as-of", "2025-11-20", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Where each priority stands on 20 Nov 2025" in document_text(path.with_suffix(".docx"))


def test_an_aim_is_quoted_as_the_school_typed_it(tmp_path):
    actions = [("P1.1", "P1", "Quality CPD for every career stage", "HT", "Sept 25", "Oct 25", 0, "No cost")]
    result = check_workbook(school_workbook(tmp_path / "p.xlsx", actions=actions), None)
    (ac201,) = [f for f in result.findings if f.code == "AC201"]
    assert "'Quality CPD ...'" in ac201.message
