"""Write the sample workbooks in this folder from the example plans in sipgen/examples.

    python samples/make_samples.py

The .xlsx files are committed so people can open them without installing anything;
a test checks that they still match what this script writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from sipgen.examples import NAMES, load
from sipgen.terms import plan_type_from_label
from sipgen.workbook import write_workbook

HERE = Path(__file__).resolve().parent


def plan_type(data: dict) -> str:
    return plan_type_from_label(data.get("settings", {}).get("plan_type", "School")) or "school"


def write_samples(folder: Path = HERE) -> list[Path]:
    """Write every example plan to ``folder``/NAME.xlsx; return the paths."""
    written = []
    for name in NAMES:
        data = load(name)
        written.append(write_workbook(folder / f"{name}.xlsx", plan_type(data), data))
    return written


if __name__ == "__main__":
    for path in write_samples(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(f"wrote {path}")
