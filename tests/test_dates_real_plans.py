"""Dates as real school plans write them: months, ordinals, seasons with a year, "End of ...",
ranges in one cell, and timings such as "Termly" or "TBC" that are not dates at all.

Plans here are for 2025-26 (the year starts 1 Sep 2025) unless a case says otherwise.
"""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest
import typer

from sipgen.checker import check_workbook
from sipgen.cli import _parse_as_of
from sipgen.dates import fill_range, parse_date
from sipgen.document import build_document
from sipgen.model import DATE, TIMING, UNDECIDED, PlanDate
from sipgen.reader import read_plan
from sipgen.rules.quality import _points
from sipgen.schema import ACTIONS, REVIEWS
from sipgen.values import BadValue, convert

YS = dt.date(2025, 9, 1)
D = dt.date


def day(y, m, d, label=""):
    return (D(y, m, d), D(y, m, d), label)


# text: (start, end, label) with the plan's year known; None where it cannot be read without it.
WITH_AND_WITHOUT_YEAR = {
    # 1. a month and a year is the whole month, labelled the same however it was typed
    "September 2025": (D(2025, 9, 1), D(2025, 9, 30), "Sep 2025"),
    "Sept 25": (D(2025, 9, 1), D(2025, 9, 30), "Sep 2025"),
    "Sep 2025": (D(2025, 9, 1), D(2025, 9, 30), "Sep 2025"),
    "sept. 2025": (D(2025, 9, 1), D(2025, 9, 30), "Sep 2025"),
    "SEPT 25": (D(2025, 9, 1), D(2025, 9, 30), "Sep 2025"),
    "Feb 26": (D(2026, 2, 1), D(2026, 2, 28), "Feb 2026"),
    "February 2026": (D(2026, 2, 1), D(2026, 2, 28), "Feb 2026"),
    "Feb 2028": (D(2028, 2, 1), D(2028, 2, 29), "Feb 2028"),
    "Sept 2040": (D(2040, 9, 1), D(2040, 9, 30), "Sep 2040"),  # a year, however far; AC204 will say so
    # 3. days, with ordinals, weekdays and "week commencing"
    "8 Sept 2025": day(2025, 9, 8),
    "1st September 2025": day(2025, 9, 1),
    "8th of September 2025": day(2025, 9, 8),
    "Monday 8 September 2025": day(2025, 9, 8),
    "Tuesday, 14th October 2025": day(2025, 10, 14),
    "March 31, 2026": day(2026, 3, 31),
    "March 31st 2026": day(2026, 3, 31),
    "w/c 8 Sept 2025": day(2025, 9, 8),
    "w/c 8/9/25": day(2025, 9, 8),
    "Week commencing 12 January 2026": day(2026, 1, 12),
    # 4. a season with a year, whatever the plan's own year
    "Autumn 2025": (D(2025, 9, 1), D(2025, 12, 19), "Autumn term 2025"),
    "Autumn term 2025": (D(2025, 9, 1), D(2025, 12, 19), "Autumn term 2025"),
    "Aut 25": (D(2025, 9, 1), D(2025, 12, 19), "Autumn term 2025"),
    "Spring 26": (D(2026, 1, 5), D(2026, 3, 31), "Spring term 2026"),
    "Summer 2026": (D(2026, 4, 13), D(2026, 7, 20), "Summer term 2026"),
    "Autumn 1 2025": (D(2025, 9, 1), D(2025, 10, 24), "Aut1 2025"),
    "Aut1 2025": (D(2025, 9, 1), D(2025, 10, 24), "Aut1 2025"),
    "Spr2 2027": (D(2027, 2, 23), D(2027, 3, 31), "Spr2 2027"),
    # 5. "by" a day, "end of" something with its own year
    "by 31/3/26": day(2026, 3, 31, "By 31 Mar 2026"),
    "By the end of March 2026": day(2026, 3, 31, "End of Mar 2026"),
    "End of Autumn 2025": day(2025, 12, 19, "End of Autumn term 2025"),
    # 6. ranges in one cell
    "Autumn 25 - Feb 26": (D(2025, 9, 1), D(2026, 2, 28), "Autumn term 2025 to Feb 2026"),
    "Sept 2025 to July 2026": (D(2025, 9, 1), D(2026, 7, 31), "Sep 2025 to Jul 2026"),
    "Sept 2025 through July 2026": (D(2025, 9, 1), D(2026, 7, 31), "Sep 2025 to Jul 2026"),
    "Sep 25 – Jul 26": (D(2025, 9, 1), D(2026, 7, 31), "Sep 2025 to Jul 2026"),
    "Sep 25—Jul 26": (D(2025, 9, 1), D(2026, 7, 31), "Sep 2025 to Jul 2026"),
    "1/9/25 - 31/10/25": (D(2025, 9, 1), D(2025, 10, 31), "1 Sep 2025 to 31 Oct 2025"),
    "2025-09-01 - 2025-10-31": (D(2025, 9, 1), D(2025, 10, 31), "1 Sep 2025 to 31 Oct 2025"),
    # the left end takes its year from the right end
    "Sept - Dec 2025": (D(2025, 9, 1), D(2025, 12, 31), "Sep 2025 to Dec 2025"),
    "September until December 2025": (D(2025, 9, 1), D(2025, 12, 31), "Sep 2025 to Dec 2025"),
    "Nov - Feb 2026": (D(2025, 11, 1), D(2026, 2, 28), "Nov 2025 to Feb 2026"),
    "Mar-Dec 2025": (D(2025, 3, 1), D(2025, 12, 31), "Mar 2025 to Dec 2025"),
    "Sept – Dec 2024": (D(2024, 9, 1), D(2024, 12, 31), "Sep 2024 to Dec 2024"),
    # and the right end from the left one
    "Sept 2025 - July": (D(2025, 9, 1), D(2026, 7, 31), "Sep 2025 to Jul 2026"),
}

# Readable only once the plan's academic year is known.
IN_THE_ACADEMIC_YEAR = {
    # 2. a month alone: Sep-Dec in the first calendar year, Jan-Aug in the second
    "March": (D(2026, 3, 1), D(2026, 3, 31), "Mar 2026"),
    "Sept": (D(2025, 9, 1), D(2025, 9, 30), "Sep 2025"),
    "Jul": (D(2026, 7, 1), D(2026, 7, 31), "Jul 2026"),
    "december": (D(2025, 12, 1), D(2025, 12, 31), "Dec 2025"),
    # 3. a day and month without a year
    "31st March": day(2026, 3, 31),
    "March 31st": day(2026, 3, 31),
    "Mon 8th Sept": day(2025, 9, 8),
    "W/C 3rd Nov": day(2025, 11, 3),
    # 5. the edges of a term, half-term, month or the year
    "End of Spring term": day(2026, 3, 31, "End of Spring term"),
    "by the end of Autumn 2": day(2025, 12, 19, "End of Aut2"),
    "End of Sum1": day(2026, 5, 22, "End of Sum1"),
    "Start of Autumn term": day(2025, 9, 1, "Start of Autumn term"),
    "Beginning of Spr2": day(2026, 2, 23, "Beginning of Spr2"),
    "End of March": day(2026, 3, 31, "End of Mar 2026"),
    "By Spr1": day(2026, 2, 13, "By Spr1"),
    "By Feb half term": day(2026, 2, 13, "By Feb half term"),
    "by October half-term": day(2025, 10, 24, "By Oct half term"),
    "By Christmas": day(2025, 12, 19, "By Christmas"),
    "End of year": day(2026, 7, 20, "End of year"),
    "By the end of the academic year": day(2026, 7, 20, "End of year"),
    # 6. ranges of half-terms, terms and yearless months
    "Aut1-Aut2": (D(2025, 9, 1), D(2025, 12, 19), "Aut1 to Aut2"),
    "Spring term to Summer 1": (D(2026, 1, 5), D(2026, 5, 22), "Spring term to Sum1"),
    "Jan till Mar": (D(2026, 1, 1), D(2026, 3, 31), "Jan 2026 to Mar 2026"),
    "Aut2 to end of Spr1": (D(2025, 11, 3), D(2026, 2, 13), "Aut2 to End of Spr1"),
}


@pytest.mark.parametrize("text", sorted(WITH_AND_WITHOUT_YEAR))
def test_dates_with_their_own_year(text):
    expected = WITH_AND_WITHOUT_YEAR[text]
    for year_start in (YS, None):
        parsed = parse_date(text, year_start)
        assert parsed is not None, (text, year_start)
        assert (parsed.start, parsed.end, parsed.label, parsed.kind) == (*expected, DATE), year_start


@pytest.mark.parametrize("text", sorted(IN_THE_ACADEMIC_YEAR))
def test_dates_read_in_the_plans_academic_year(text):
    parsed = parse_date(text, YS)
    assert (parsed.start, parsed.end, parsed.label, parsed.kind) == (*IN_THE_ACADEMIC_YEAR[text], DATE)
    assert parse_date(text, None) is None


@pytest.mark.parametrize(
    "text, year_start, expected",
    [
        # a 1-2 digit number after a month is a year near the plan's year, else the day
        ("Sept 25", YS, (D(2025, 9, 1), D(2025, 9, 30), "Sep 2025")),
        ("Sept 24", YS, (D(2024, 9, 1), D(2024, 9, 30), "Sep 2024")),
        ("Sept 27", YS, (D(2027, 9, 1), D(2027, 9, 30), "Sep 2027")),
        ("Sept 28", YS, day(2025, 9, 28)),
        ("Sept 30", YS, day(2025, 9, 30)),
        ("Feb 13", YS, day(2026, 2, 13)),
        ("Sept 30", None, (D(2030, 9, 1), D(2030, 9, 30), "Sep 2030")),
        ("Sept 30", D(2029, 9, 1), (D(2030, 9, 1), D(2030, 9, 30), "Sep 2030")),
        ("Sept 30th", None, None),  # an ordinal is always a day, so it needs the year
        ("Sept 30th", YS, day(2025, 9, 30)),
    ],
)
def test_a_month_and_a_number_is_a_year_or_a_day(text, year_start, expected):
    parsed = parse_date(text, year_start)
    assert (parsed and (parsed.start, parsed.end, parsed.label)) == expected


def test_a_season_with_the_plans_own_year_uses_the_plan_and_other_years_stand_alone():
    late_start = D(2025, 9, 3)
    assert parse_date("Autumn 2025", late_start) == PlanDate(D(2025, 9, 1), D(2025, 12, 19), "Autumn term 2025")
    assert parse_date("Aut1 2026", late_start) == PlanDate(D(2026, 9, 1), D(2026, 10, 24), "Aut1 2026")
    assert parse_date("Summer 2025", late_start) == PlanDate(D(2025, 4, 13), D(2025, 7, 20), "Summer term 2025")


def test_a_range_keeps_its_two_ends():
    parsed = parse_date("Autumn 25 - Feb 26", YS)
    autumn = PlanDate(D(2025, 9, 1), D(2025, 12, 19), "Autumn term 2025")
    february = PlanDate(D(2026, 2, 1), D(2026, 2, 28), "Feb 2026")
    assert parsed.parts == (autumn, february)
    assert parse_date("14/10/2025", YS).parts is None and parse_date("Sep 2025", YS).parts is None


@pytest.mark.parametrize(
    "text",
    [
        "Ongoing",
        "On-going",
        "on going",
        "Termly",
        "Weekly",
        "Fortnightly",
        "Monthly",
        "Half-termly",
        "Each half-term",
        "Every half term",
        "Each term",
        "Every week",
        "Daily",
        "Annually",
        "Throughout the year",
        "All year",
        "As required",
        "As and when needed",
        "Continuous",
        "Regularly",
        "Immediately",
        "ASAP",
        "End of each term",
        "Weekly from Sept",
        "Termly (governors' meetings)",
        "End of term",
        "Every Monday",
        "From Spr1 onwards",
    ],
)
def test_timings_are_kept_as_typed(text):
    for year_start in (YS, None):
        assert parse_date(text, year_start) == PlanDate(None, None, text, kind=TIMING)


def test_a_timing_label_is_stripped_with_spaces_collapsed():
    parsed = parse_date("  Termly \n  (governors'   meetings) ", YS)
    assert (parsed.label, parsed.kind, parsed.dated) == ("Termly (governors' meetings)", TIMING, False)


@pytest.mark.parametrize("text", ["TBC", "tbc", "TBA", "T.B.C.", "To be confirmed", "To be arranged", "Date TBC"])
def test_undecided_dates_are_undecided(text):
    for year_start in (YS, None):
        assert parse_date(text, year_start) == PlanDate(None, None, text, kind=UNDECIDED)


@pytest.mark.parametrize(
    "text",
    [
        "13/13/2026",
        "31/02/2027",
        "Autumn 3",
        "Aut 3 2025",
        "after the trip",
        "after half term",
        "soon-ish",
        "2026",
        "Feb 29",  # 29 Feb 2026 does not exist
        "32 March 2026",
        "Sept 123",
        "Monday",
        "w/c Aut1",
        "Sept 2025 - soon",
        "End of Autumn 3",
        "Aut2-Aut1",
        "Jul 26 - Sep 25",  # ranges that end before they start
    ],
)
def test_near_misses_stay_unreadable(text):
    assert parse_date(text, YS) is None


def test_2026_alone_is_not_a_date_without_the_year_either():
    assert parse_date("2026", None) is None and parse_date("Autumn 3", None) is None


# -- fill_range ------------------------------------------------------------------------------

RANGE = parse_date("Autumn 25 - Feb 26", None)
DAY = parse_date("14/10/2025", None)
TERMLY = parse_date("Termly", None)


@pytest.mark.parametrize(
    "start, due, expected",
    [
        (None, RANGE, RANGE.parts),
        (RANGE, None, RANGE.parts),
        (DAY, RANGE, (DAY, RANGE)),
        (RANGE, TERMLY, (RANGE, TERMLY)),
        (DAY, None, (DAY, None)),
        (None, DAY, (None, DAY)),
        (None, None, (None, None)),
    ],
)
def test_fill_range_splits_a_range_when_the_other_cell_is_blank(start, due, expected):
    assert fill_range(start, due) == expected


# -- values.convert: timings only where the column allows them -------------------------------

DUE = ACTIONS.column("due")
REVIEW_DATE = REVIEWS.column("date")


def test_the_schema_allows_timings_for_action_dates_only():
    assert DUE.timings and ACTIONS.column("start").timings and not REVIEW_DATE.timings


@pytest.mark.parametrize("text, kind", [("Termly", TIMING), ("Ongoing", TIMING), ("TBC", UNDECIDED)])
def test_an_action_date_may_be_a_timing(text, kind):
    assert convert(DUE, text, YS) == PlanDate(None, None, text, kind=kind)


def test_a_review_date_may_not_be_a_timing():
    with pytest.raises(BadValue) as caught:
        convert(REVIEW_DATE, "Termly", YS)
    assert str(caught.value) == "'Termly' is a timing, not a date; this needs a date."
    assert "14/10/2026" in caught.value.hint


def test_a_review_date_may_not_be_tbc():
    with pytest.raises(BadValue) as caught:
        convert(REVIEW_DATE, "TBC", YS)
    assert str(caught.value) == "'TBC' is a placeholder, not a date; this needs a date."
    assert caught.value.hint


def test_a_review_date_may_be_a_month():
    assert convert(REVIEW_DATE, "Dec 25", YS) == PlanDate(D(2025, 12, 1), D(2025, 12, 31), "Dec 2025")


def test_unreadable_text_lists_the_forms_sipgen_reads_and_timings_only_where_allowed():
    with pytest.raises(BadValue) as in_actions:
        convert(DUE, "after the trip", YS)
    with pytest.raises(BadValue) as in_reviews:
        convert(REVIEW_DATE, "after the trip", YS)
    assert str(in_actions.value) == "'after the trip' is not a date sipgen can read."
    for form in ("14/10/2026", "Sept 25", "Autumn 2025", "Aut1", "Termly"):
        assert form in in_actions.value.hint
    assert "Sept 25" in in_reviews.value.hint and "Termly" not in in_reviews.value.hint


@pytest.mark.parametrize(
    "text, what",
    [
        ("March", "a date without a year"),
        ("31st March", "a date without a year"),
        ("Aut1", "a half-term"),
        ("Aut1-Aut2", "a date without a year"),
    ],
)
def test_a_date_that_needs_the_academic_year_says_so(text, what):
    with pytest.raises(BadValue) as caught:
        convert(DUE, text, None)
    assert str(caught.value).startswith(f"'{text}' is {what}, but the plan's academic year is not set")
    assert "Academic year" in caught.value.hint


# -- the rules, on small plans (2026-27) ------------------------------------------------------

AS_OF = D(2027, 7, 1)


def findings(write_plan, data):
    result = check_workbook(write_plan(data), AS_OF)
    return [(f.code, f.cell) for f in result.findings], result


def test_a_timing_is_a_timescale_for_ac202(minimal, write_plan):
    minimal["actions"][1].update(start="Termly", due="Ongoing")
    found, result = findings(write_plan, minimal)
    assert not [f for f in found if f[0] in ("WB004", "AC202", "AC203", "AC204")], found
    action = result.plan.actions[1]
    assert (action.start.kind, action.due.kind) == (TIMING, TIMING)


def test_tbc_is_not_a_date_for_ac202(minimal, write_plan):
    minimal["actions"][1].update(start="", due="TBC")
    found, result = findings(write_plan, minimal)
    assert ("AC202", "F3") in found and not [f for f in found if f[0] == "WB004"]
    [hit] = [f for f in result.findings if f.code == "AC202"]
    assert "'TBC'" in hit.message and "Spr1" in hit.hint


def test_tbc_in_start_only_is_reported_at_start(minimal, write_plan):
    minimal["actions"][1].update(start="To be confirmed", due="")
    found, _ = findings(write_plan, minimal)
    assert ("AC202", "E3") in found


def test_tbc_beside_a_real_date_is_enough(minimal, write_plan):
    minimal["actions"][1].update(start="TBC", due="Spr1")
    found, _ = findings(write_plan, minimal)
    assert not [f for f in found if f[0] == "AC202"]


def test_order_and_year_rules_skip_timings_but_still_check_dates(minimal, write_plan):
    minimal["actions"][0].update(start="Weekly", due=D(2026, 9, 30))
    minimal["actions"][1].update(start="TBC", due="Aut2")
    minimal["actions"].append(dict(minimal["actions"][1], ref="P1.1.3", start="Ongoing", due="Sept 2028"))
    found, _ = findings(write_plan, minimal)
    assert ("AC204", "F4") in found  # Sept 2028 is outside 2026-27; "Ongoing" is not compared
    assert not [f for f in found if f[0] in ("AC203", "WB004") or f == ("AC204", "E4")], found


def test_order_is_still_checked_between_dated_actions(minimal, write_plan):
    minimal["actions"][0].update(start="Weekly", due="Spr2")
    minimal["actions"][1].update(start="Termly", due="Aut2")
    found, _ = findings(write_plan, minimal)
    assert ("AC203", "F3") in found  # Aut2 comes before Spr2, the step before it


def test_a_timing_in_a_review_date_is_wb004(minimal, write_plan):
    minimal["reviews"] = [{"date": "Termly", "ref": "P1", "reviewer": "CG", "rag": "Green", "impact": "On track."}]
    read = read_plan(write_plan(minimal))
    [finding] = [f for f in read.findings if f.code == "WB004"]
    assert (finding.sheet, finding.cell) == ("Reviews", "A2") and "is a timing, not a date" in finding.message


def test_real_plan_dates_build_a_document(minimal, write_plan, tmp_path):
    minimal["actions"][0].update(start="w/c 7 Sept 2026", due="End of Aut1")
    minimal["actions"][1].update(start="Termly (governors' meetings)", due="Aut2 - Spr1")
    out = tmp_path / "plan.docx"
    build_document(write_plan(minimal), out, force=True)
    with zipfile.ZipFile(out) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    assert "End of Aut1" in xml and "Aut2 to Spr1" in xml and "governors" in xml


# -- where dates are read outside the plan -------------------------------------------------


def test_review_points_ignore_timings_and_read_months():
    assert _points("Aut2, Spr2 and Sum2", YS) == [12, 3, 7]
    assert _points("December, March and July", YS) == [12, 3, 7]
    assert _points("December, March and July", None) == [12, 3, 7]
    assert _points("Termly", YS) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2026-11-23", D(2026, 11, 23)),
        ("23/11/2026", D(2026, 11, 23)),
        ("23 November 2026", D(2026, 11, 23)),
        ("Monday 23rd Nov 2026", D(2026, 11, 23)),
    ],
)
def test_as_of_takes_one_day(text, expected):
    assert _parse_as_of(text) == expected


@pytest.mark.parametrize("text", ["Nov 2026", "Termly", "TBC", "Aut1", "Autumn 2026", "1/9/26 - 31/10/26", "someday"])
def test_as_of_refuses_anything_but_one_day(text):
    with pytest.raises(typer.Exit):
        _parse_as_of(text)


def test_parsing_stays_fast_for_a_big_plan():
    import time

    cells = ["14/10/2025", "Aut1", "Sept 25", "Termly", "Autumn 25 - Feb 26", "after the trip"] * 5000
    began = time.perf_counter()
    for cell in cells:
        parse_date(cell, YS)
    assert time.perf_counter() - began < 5  # about 0.3 s; generous for a slow CI machine


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("09-Dec-2025", dt.date(2025, 12, 9)),  # as a finance system exports it
        ("9-dec-25", dt.date(2025, 12, 9)),
        ("14/10/2025 09:30", dt.date(2025, 10, 14)),  # a date with the time it was typed
        ("2025-10-14 00:00:00", dt.date(2025, 10, 14)),  # a date cell pasted as text
        ("2025-10-14T09:30:00", dt.date(2025, 10, 14)),
    ],
)
def test_dates_as_other_systems_export_them(typed, day):
    found = parse_date(typed, dt.date(2025, 9, 1))
    assert found is not None and found.start == day == found.end


def test_a_month_with_a_hyphen_is_the_month():
    found = parse_date("Dec-25", dt.date(2025, 9, 1))
    assert (found.start, found.end) == (dt.date(2025, 12, 1), dt.date(2025, 12, 31))
    assert parse_date("P1-2025", dt.date(2025, 9, 1)) is None  # not a month: left for WB004 to name
