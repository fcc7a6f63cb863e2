"""Dates as staff type them, and what must not be mistaken for one."""

from __future__ import annotations

import datetime as dt

import pytest

from sipgen.dates import default_year_start, parse_date

START = dt.date(2026, 9, 1)


@pytest.mark.parametrize(
    "text, start, end, label",
    [
        ("14/10/2026", dt.date(2026, 10, 14), dt.date(2026, 10, 14), ""),
        ("2026-10-14", dt.date(2026, 10, 14), dt.date(2026, 10, 14), ""),
        ("14.10.2026", dt.date(2026, 10, 14), dt.date(2026, 10, 14), ""),
        ("14/10/26", dt.date(2026, 10, 14), dt.date(2026, 10, 14), ""),
        ("14 October 2026", dt.date(2026, 10, 14), dt.date(2026, 10, 14), ""),
        ("3 Feb 2027", dt.date(2027, 2, 3), dt.date(2027, 2, 3), ""),
        ("Aut1", dt.date(2026, 9, 1), dt.date(2026, 10, 24), "Aut1"),
        ("aut 2", dt.date(2026, 11, 3), dt.date(2026, 12, 19), "Aut2"),
        ("Autumn 2", dt.date(2026, 11, 3), dt.date(2026, 12, 19), "Aut2"),
        ("Spr1", dt.date(2027, 1, 5), dt.date(2027, 2, 13), "Spr1"),
        ("Spring 2", dt.date(2027, 2, 23), dt.date(2027, 3, 31), "Spr2"),
        ("Sum1", dt.date(2027, 4, 13), dt.date(2027, 5, 22), "Sum1"),
        ("Summer half-term 2", dt.date(2027, 6, 1), dt.date(2027, 7, 20), "Sum2"),
        ("Spring term", dt.date(2027, 1, 5), dt.date(2027, 3, 31), "Spring term"),
    ],
)
def test_readable_dates(text, start, end, label):
    parsed = parse_date(text, START)
    assert (parsed.start, parsed.end, parsed.label) == (start, end, label)


# "ASAP" and "ongoing" are now timings and "Sept" a month (tests/test_dates_real_plans.py).
@pytest.mark.parametrize(
    "text", ["after half term", "31/02/2027", "Autumn 3", "13/13/2026", "2026", "soon-ish", "after the trip"]
)
def test_not_dates(text):
    assert parse_date(text, START) is None


def test_half_terms_need_a_year():
    assert parse_date("Aut1", None) is None


def test_excel_datetimes_become_days():
    parsed = parse_date(dt.datetime(2026, 10, 14, 0, 0), START)
    assert parsed.start == parsed.end == dt.date(2026, 10, 14)


@pytest.mark.parametrize(
    "year, start",
    [
        ("2026-27", dt.date(2026, 9, 1)),
        ("2026/27", dt.date(2026, 9, 1)),
        ("2026-2027", dt.date(2026, 9, 1)),
        ("2026 to 2027", dt.date(2026, 9, 1)),
        ("2026-28", None),
        ("next year", None),
    ],
)
def test_academic_year(year, start):
    assert default_year_start(year) == start
