"""`sipgen calendar`: the plan's dates as an iCalendar file, read back with icalendar itself."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import subprocess
import sys

import pytest
from icalendar import Calendar
from typer.testing import CliRunner

from sipgen.calendar_export import CalendarError, calendar_bytes, calendar_events, find_owner, write_calendar
from sipgen.checker import check_workbook
from sipgen.cli import app

from .conftest import ROOT

SAMPLE = ROOT / "samples" / "primary.xlsx"
AS_OF = dt.date(2026, 1, 10)
runner = CliRunner()


def sipgen(*args):
    return runner.invoke(app, [str(a) for a in args])


def events_of(path) -> list:
    calendar = Calendar.from_ical(path.read_bytes())
    return list(calendar.walk("VEVENT"))


def by_title(events, start: str):
    found = [e for e in events if str(e["SUMMARY"]).startswith(start)]
    assert len(found) == 1, [str(e["SUMMARY"]) for e in events if str(e["SUMMARY"]).startswith(start[:2])]
    return found[0]


def day(event, name="DTSTART") -> dt.date:
    return event[name].dt


@pytest.fixture
def sample(tmp_path):
    copy = tmp_path / "primary.xlsx"
    shutil.copyfile(SAMPLE, copy)
    return copy


@pytest.fixture
def dated(minimal) -> dict:
    """The conftest plan with criteria, a held and a planned review, and a next meeting."""
    minimal["settings"]["next_meeting"] = dt.date(2027, 1, 20)
    minimal["criteria"] = [
        {
            "ref": "SC1",
            "parent": "P1",
            "criterion": "85% of Year 1 pupils pass the phonics check.",
            "kind": "Outcome",
            "baseline": "72%",
            "milestone_autumn": "70% on track (December assessment)",
            "actual_autumn": "69%",
            "milestone_spring": "78%",
            "milestone_summer": "85%",
            "target": "85%",
        },
        {
            "ref": "SC2",
            "parent": "P1.1",
            "criterion": "9 of 9 adults score 90% on the fidelity audit",
            "kind": "Process",
            "milestone_spring": "7 of 9",
            "target": "9 of 9",
        },
    ]
    minimal["reviews"] = [
        {"date": dt.date(2026, 12, 9), "ref": "P1", "reviewer": "CG", "rag": "Amber", "impact": "66% on track"},
        {"date": dt.date(2027, 3, 17), "ref": "P1", "reviewer": "CG"},
        {"date": "Termly", "ref": "P1", "reviewer": "HT"},
    ]
    return minimal


# -- the sample plan ------------------------------------------------------------------------------


def test_sample_plan_gives_dated_actions_with_their_dates_titles_and_descriptions(sample):
    result = sipgen("calendar", sample, "--as-of", "2026-01-10")
    assert result.exit_code == 0, result.output
    events = events_of(sample.with_suffix(".ics"))
    due = by_title(events, "P2.1.3 due: ")
    title = "P2.1.3 due: Purchase a 12-month licence for an online times-table practice tool for Years…"
    assert str(due["SUMMARY"]) == title  # the action cut at a word before 80 characters
    assert day(due) == dt.date(2025, 10, 3) and day(due, "DTEND") == dt.date(2025, 10, 4)
    assert due["DTSTART"].params.get("VALUE") == "DATE"
    text = str(due["DESCRIPTION"])
    assert "Owners: Gareth Evans (GE)" in text
    assert "Priority P2: KS2 maths attainment rises to 75%" in text
    assert "State on 10 Jan 2026: done" in text
    start = by_title(events, "P2.1.3 starts: ")
    assert day(start) == dt.date(2025, 9, 22)
    # P2.2.2 starts and ends on 8 Oct: one event, not two
    assert [str(e["SUMMARY"])[:11] for e in events if str(e["SUMMARY"]).startswith("P2.2.2")] == ["P2.2.2 due:"]
    # an on-track action due in July is on track in January; a half-term label falls on its last day
    assert "State on 10 Jan 2026: on track" in str(by_title(events, "P3.1.3 due: ")["DESCRIPTION"])
    assert day(by_title(events, "P1.1.4 due: ")) == dt.date(2025, 12, 19)
    plan = check_workbook(SAMPLE, AS_OF).plan
    assert sum(str(e["SUMMARY"]).split()[1] == "due:" for e in events) == len(plan.actions)


def test_sample_plan_gives_milestones_reviews_and_the_meeting(sample):
    sipgen("calendar", sample, "--as-of", "2026-01-10")
    events = events_of(sample.with_suffix(".ics"))
    spring = by_title(events, "P1 spring milestones: ")
    assert str(spring["SUMMARY"]).startswith("P1 spring milestones: SC1 78%, SC2 68%, SC3 8 of 9")
    assert day(spring) == dt.date(2026, 3, 31)
    assert "SC1 (P1): 85% of Year 1 pupils" in str(spring["DESCRIPTION"])
    assert "Lead: Lucy Whitfield (LW)" in str(spring["DESCRIPTION"])
    reviews = [e for e in events if " review" in str(e["SUMMARY"]).split(":")[0]]
    assert len(reviews) == 10
    assert {day(e) for e in reviews if "(planned)" in str(e["SUMMARY"])} == {
        dt.date(2026, 3, 17),
        dt.date(2026, 3, 10),
        dt.date(2026, 3, 24),
    }
    held = by_title(events, "P3 review: ")
    assert day(held) == dt.date(2025, 12, 2) and "Rated Red." in str(held["DESCRIPTION"])
    meeting = by_title(events, "Governing board meeting")
    assert day(meeting) == dt.date(2026, 7, 14)


# -- stable UIDs and bytes -------------------------------------------------------------------


def test_uids_are_unique_and_the_same_workbook_gives_the_same_bytes(sample, tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first, second = tmp_path / "one.ics", tmp_path / "two.ics"
    assert sipgen("calendar", sample, "-o", first, "--as-of", "2026-01-10").exit_code == 0
    assert sipgen("calendar", sample, "-o", second, "--as-of", "2026-01-10").exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    uids = [str(e["UID"]) for e in events_of(first)]
    assert len(uids) == len(set(uids)) == 134
    assert all(u.endswith("@sipgen") for u in uids)
    stamps = {e["DTSTAMP"].dt for e in events_of(first)}
    saved = check_workbook(SAMPLE, AS_OF).plan.saved
    assert saved is not None and stamps == {saved.replace(tzinfo=dt.UTC)}  # the workbook's saved time, not now


def test_a_moved_date_keeps_its_uid_so_a_reimport_updates(write_plan, minimal):
    before = check_workbook(write_plan(minimal, "autumn.xlsx"), AS_OF).plan
    minimal["actions"][0]["due"] = dt.date(2026, 10, 16)
    after = check_workbook(write_plan(minimal, "spring.xlsx"), AS_OF).plan
    old = {e.title[:11]: e for e in calendar_events(before, AS_OF)}
    new = {e.title[:11]: e for e in calendar_events(after, AS_OF)}
    assert old["P1.1.1 due:"].uid == new["P1.1.1 due:"].uid
    assert (old["P1.1.1 due:"].day, new["P1.1.1 due:"].day) == (dt.date(2026, 9, 30), dt.date(2026, 10, 16))
    assert old["P1.1.1 due:"].uid != old["P1.1.1 star"].uid
    minimal["settings"]["organisation"] = "Another Primary School"
    other = check_workbook(write_plan(minimal, "other.xlsx"), AS_OF).plan
    assert {e.uid for e in calendar_events(other, AS_OF)}.isdisjoint(e.uid for e in calendar_events(after, AS_OF))


def test_duplicate_references_still_get_unique_uids(write_plan, minimal):
    minimal["actions"][1]["ref"] = "P1.1.1"  # an error the check reports; the calendar still works
    plan = check_workbook(write_plan(minimal), AS_OF).plan
    uids = [e.uid for e in calendar_events(plan, AS_OF)]
    assert len(uids) == 4 and len(set(uids)) == 4


def test_source_date_epoch_fixes_the_stamp(write_plan, minimal, monkeypatch):
    plan = check_workbook(write_plan(minimal), AS_OF).plan
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 1 Jan 2026
    events = list(Calendar.from_ical(calendar_bytes(plan, calendar_events(plan, AS_OF))).walk("VEVENT"))
    assert {e["DTSTAMP"].dt for e in events} == {dt.datetime(2026, 1, 1, tzinfo=dt.UTC)}


# -- --owner -------------------------------------------------------------------------------------


def test_owner_keeps_their_actions_reviews_and_led_priorities(write_plan, dated, tmp_path):
    path = write_plan(dated)
    result = sipgen("calendar", path, "--owner", "ht", "--as-of", "2026-11-01")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "plan-HT.ics").exists() and not (tmp_path / "plan.ics").exists()
    titles = [str(e["SUMMARY"]) for e in events_of(tmp_path / "plan-HT.ics")]
    # HT owns P1.1.2 and is the overall lead (so the meeting); DH leads P1 (so not its milestones)
    assert sorted(t.split(":")[0] for t in titles) == ["Governing board meeting", "P1.1.2 due", "P1.1.2 starts"]
    sipgen("calendar", path, "--owner", "DH")
    dh = [str(e["SUMMARY"]) for e in events_of(tmp_path / "plan-DH.ics")]
    assert any(t.startswith("P1 spring milestones: SC1 78%, SC2 7 of 9") for t in dh)
    assert not any("review" in t for t in dh)
    sipgen("calendar", path, "--owner", "CG", "--as-of", "2027-01-10")
    cg = [str(e["SUMMARY"]) for e in events_of(tmp_path / "plan-CG.ics")]
    assert [t.split(":")[0] for t in cg] == ["P1 review", "P1 review (planned)"]


def test_owner_with_unknown_initials_is_refused_naming_the_staff_initials(write_plan, minimal, tmp_path):
    result = sipgen("calendar", write_plan(minimal), "--owner", "XY")
    assert result.exit_code == 2
    assert result.output.strip() == "sipgen: --owner: 'XY' is not on the Staff sheet (its initials are HT, DH, CG)."
    assert list(tmp_path.glob("*.ics")) == []
    plan = check_workbook(write_plan(minimal), AS_OF).plan
    assert find_owner(plan, " dh ") == "DH"
    with pytest.raises(CalendarError):
        calendar_events(plan, AS_OF, owner="D")


def test_a_person_with_nothing_gets_no_file_and_a_line_saying_why(write_plan, minimal, tmp_path):
    minimal["staff"].append({"initials": "OM", "name": "Office Manager", "role": "Office"})
    result = sipgen("calendar", write_plan(minimal), "--owner", "OM")
    assert result.exit_code == 0, result.output
    assert "OM has no dated actions, milestones, reviews or meetings, so no calendar was written." in result.output
    assert not (tmp_path / "plan-OM.ics").exists()


# -- plans with little in them -----------------------------------------------------------------


def test_an_empty_plan_writes_no_calendar(write_plan, minimal, tmp_path):
    minimal.update(priorities=[], objectives=[], actions=[])
    result = sipgen("calendar", write_plan(minimal))
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "plan.ics").exists()
    assert "The plan has no dated actions" in result.output and "The check found" in result.output


def test_a_plan_with_no_dates_leaves_its_actions_out_and_says_how_many(write_plan, minimal, tmp_path):
    minimal["settings"]["academic_year"] = ""
    minimal["actions"][0].update(start=None, due="Termly")
    minimal["actions"][1].update(start="TBC", due="TBC")
    minimal["actions"].append(dict(minimal["actions"][1], ref="P1.1.3", status="Dropped", due=dt.date(2026, 9, 1)))
    minimal["criteria"] = [{"ref": "SC1", "parent": "P1", "criterion": "85% pass", "milestone_spring": "78%"}]
    result = sipgen("calendar", write_plan(minimal))
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "plan.ics").exists()  # no year: no review points to date milestones by
    assert "no calendar was written. 2 actions with no date." in result.output
    minimal["actions"][0].update(due=dt.date(2026, 3, 1))
    result = sipgen("calendar", write_plan(minimal))
    assert events_of(tmp_path / "plan.ics") != []
    assert "left out: 1 action with no date (or only a timing, or TBC), 1 dropped." in result.output


def test_a_criterion_with_no_actuals_says_so(write_plan, dated):
    plan = check_workbook(write_plan(dated), AS_OF).plan
    events = {e.title.split(":")[0]: e for e in calendar_events(plan, AS_OF) if e.kind == "milestone"}
    assert sorted(events) == ["P1 autumn milestones", "P1 spring milestones", "P1 summer milestones"]
    autumn, spring = events["P1 autumn milestones"], events["P1 spring milestones"]
    assert autumn.title == "P1 autumn milestones: SC1 70%"
    assert "Milestone 70% on track (December assessment); actual 69% (close)." in autumn.description
    assert "SC2 (P1.1): 9 of 9 adults score 90% on the fidelity audit. Milestone 7 of 9; no actual" in (
        spring.description
    )
    assert autumn.day == dt.date(2026, 12, 19) and spring.day == dt.date(2027, 3, 31)


def test_itt_plans_use_their_own_word_for_the_board(write_plan, dated):
    plan = check_workbook(write_plan(dated, plan_type="itt"), AS_OF).plan
    assert [e.title for e in calendar_events(plan, AS_OF) if e.kind == "meeting"] == ["Partnership board meeting"]


# -- the file itself ------------------------------------------------------------------------------


def test_lines_are_folded_at_75_octets_and_end_in_crlf(sample):
    sipgen("calendar", sample)
    data = sample.with_suffix(".ics").read_bytes()
    assert data.endswith(b"END:VCALENDAR\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    lines = data.split(b"\r\n")[:-1]
    assert max(len(line) for line in lines) <= 75
    assert sum(line.startswith(b" ") for line in lines) > 100  # long descriptions really were folded
    for line in lines:
        line.decode("utf-8")  # a fold never splits a character


def test_commas_semicolons_newlines_and_emoji_survive(write_plan, minimal, tmp_path):
    text = "Buy books, pens; and paper\nfor Year 1 🎉 (£40, ≥ 3 sets)"
    minimal["actions"][0]["action"] = text
    minimal["staff"][1]["name"] = "Zoë Łukasz-Ng"
    minimal["settings"]["organisation"] = "St Mary's C of E; Primary, 🏫"
    path = write_plan(minimal)
    result = sipgen("calendar", path)
    assert result.exit_code == 0, result.output
    raw = (tmp_path / "plan.ics").read_bytes()
    assert b"books\\, pens\\; and paper\\nfor Year 1 \xf0\x9f\x8e\x89" in raw
    event = by_title(events_of(tmp_path / "plan.ics"), "P1.1.1 due: ")
    assert str(event["SUMMARY"]) == "P1.1.1 due: Buy books, pens; and paper for Year 1 🎉 (£40, ≥ 3 sets)"
    assert text in str(event["DESCRIPTION"])
    assert "Zoë Łukasz-Ng (DH)" in str(event["DESCRIPTION"]) and "St Mary's C of E; Primary, 🏫" in str(
        event["DESCRIPTION"]
    )


def test_output_is_ascii_and_survives_a_cp1252_console(write_plan, minimal, tmp_path):
    minimal["settings"]["organisation"] = "Ysgol Gymraeg 🐉"
    minimal["staff"][1]["name"] = "Siân Ŵyn"
    path = write_plan(minimal)
    env = dict(os.environ, PYTHONIOENCODING="cp1252", PYTHONUTF8="0")
    done = subprocess.run(
        [sys.executable, "-m", "sipgen", "calendar", str(path), "--owner", "DH"],
        capture_output=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    line = done.stdout.decode("cp1252").strip()
    assert line.isascii() and line.startswith("Wrote ") and "plan-DH.ics" in line
    assert "Siân Ŵyn (DH)" in (tmp_path / "plan-DH.ics").read_text(encoding="utf-8")


# -- the command ----------------------------------------------------------------------------------


def test_the_command_writes_the_file_prints_one_line_and_leaves_the_workbook_alone(sample, tmp_path):
    before = hashlib.sha256(sample.read_bytes()).hexdigest()
    result = sipgen("calendar", sample, "-o", tmp_path / "dates.ics", "--as-of", "2026-01-10")
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        f"Wrote {tmp_path / 'dates.ics'}: 134 events (108 action dates, 15 milestone dates, 10 reviews, "
        "1 board meeting)."
    ]
    assert hashlib.sha256(sample.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dates.ics", "primary.xlsx"]  # no temporary file left


def test_the_command_refuses_what_it_cannot_use(tmp_path, sample):
    text = tmp_path / "notes.xlsx"
    text.write_text("not a workbook")
    result = sipgen("calendar", text)
    assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1
    assert "not an Excel workbook" in result.output and not (tmp_path / "notes.ics").exists()
    assert sipgen("calendar", sample, "-o", tmp_path / "dates.docx").exit_code == 2
    assert "does not exist" in sipgen("calendar", sample, "-o", tmp_path / "nowhere" / "x.ics").output
    assert "is not a date" in sipgen("calendar", sample, "--as-of", "Termly").output


def test_the_command_has_plain_help_with_an_example():
    from .test_help import NOTATION, help_text

    text = help_text(["calendar"])
    assert "sipgen calendar plan.xlsx --owner DH" in text
    assert "--owner INITIALS" in text and "-o, --output FILE.ics" in text
    assert not [mark for mark in NOTATION if mark in text] and all(len(line) <= 80 for line in text.splitlines())


def test_write_calendar_from_python(write_plan, minimal, tmp_path):
    plan = check_workbook(write_plan(minimal), AS_OF).plan
    written = write_calendar(plan, tmp_path / "out.ics", AS_OF, owner="dh")
    assert [e.kind for e in written.events] == ["start", "due", "start", "due"]
    assert written.line() == f"Wrote {tmp_path / 'out.ics'}: 4 events (4 action dates)."
    assert written.undated == [] and written.dropped == []
