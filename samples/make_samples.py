"""Write the sample workbooks in this folder from the example plans in sipgen/examples.

    python samples/make_samples.py

The .xlsx files are committed so people can open them without installing anything;
a test checks that they still match what this script writes.

primary-autumn.xlsx is the primary plan as it stood after the autumn review (version 1.1),
made from the summer-term version by taking back what happened since: with primary.xlsx it is
the pair `sipgen diff` and `sipgen report --since` are shown on.
"""

from __future__ import annotations

import copy
import datetime as dt
import sys
from pathlib import Path

from sipgen.dates import parse_date
from sipgen.examples import NAMES, load
from sipgen.terms import plan_type_from_label
from sipgen.workbook import write_workbook

HERE = Path(__file__).resolve().parent


def plan_type(data: dict) -> str:
    return plan_type_from_label(data.get("settings", {}).get("plan_type", "School")) or "school"


# The autumn review's board meeting: what the autumn version knew.
AUTUMN = dt.date(2025, 12, 19)
# What the spring review changed, taken back: (action, field, value in the autumn version).
AUTUMN_VALUES = (
    ("P5.2.4", "due", dt.date(2026, 3, 13)),  # moved to April after the spring review
    ("P3.2.2", "cost", 2880),  # breakfast club places raised from 16 to 20 (16 x 30 weeks x £6)
    ("P3.2.2", "action", "Open 16 free breakfast club places at 8:15am for persistently absent disadvantaged pupils."),
    (
        "P3.2.2",
        "resources",
        "16 places for 30 weeks at £6 a week per place (food and 1 extra supervisor), from the pupil premium budget.",
    ),
    ("P2.2.6", "owners", "TR"),  # MA took over the booster sessions
)


def autumn_version(data: dict) -> dict:
    """The plan as it stood after the autumn review: later reviews, actuals, statuses and spending taken out."""
    autumn = copy.deepcopy(data)
    settings = autumn["settings"]
    settings.update(version="v1.1", next_meeting=dt.date(2026, 3, 24))
    settings.pop("contingency_drawn", None)  # drawn after the spring review
    settings["history"] = "\n".join(settings["history"].splitlines()[:2])
    autumn["reviews"] = [r for r in autumn["reviews"] if r["date"] <= AUTUMN]
    for measure in (*autumn["criteria"], *autumn.get("kpis", [])):
        for name in ("actual_spring", "actual_summer", "spring", "summer"):
            measure.pop(name, None)
    for action in autumn["actions"]:
        start, due = (_day(action.get(name), settings["year_start"]) for name in ("start", "due"))
        if due is not None and due.end > AUTUMN:
            action["status"] = "On track" if start is not None and start.start <= AUTUMN else "Not started"
            action.pop("spent", None)
    by_ref = {a["ref"]: a for a in autumn["actions"]}
    for ref, name, value in AUTUMN_VALUES:
        by_ref[ref][name] = value
    return autumn


def _day(value, year_start: dt.date):
    """A date or a term label ("Spr2") as the reader reads it; None for no date."""
    if isinstance(value, dt.date):
        return parse_date(value, year_start)
    day = parse_date(value, year_start) if value else None
    return day if day is not None and day.dated else None


def write_samples(folder: Path = HERE) -> list[Path]:
    """Write every example plan to ``folder``/NAME.xlsx, and the primary plan's autumn version; return the paths."""
    written = []
    for name in NAMES:
        data = load(name)
        written.append(write_workbook(folder / f"{name}.xlsx", plan_type(data), data))
    primary = load("primary")
    written.append(write_workbook(folder / "primary-autumn.xlsx", plan_type(primary), autumn_version(primary)))
    return written


if __name__ == "__main__":
    for path in write_samples(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(f"wrote {path}")
