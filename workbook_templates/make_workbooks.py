"""Write the blank and example plan workbooks in this folder, as `sipgen new` writes them.

    python workbook_templates/make_workbooks.py

The .xlsx files are committed so people can download them from the repository without
installing sipgen; tests/test_workbook_templates.py checks they still match what
`sipgen new` writes. Run this again whenever the workbook's layout (sipgen/schema.py,
sipgen/workbook.py) or the example plan (sipgen/examples/primary.toml) changes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from sipgen.examples import load
from sipgen.workbook import write_workbook

HERE = Path(__file__).resolve().parent

# file name -> (plan type, example to fill it with), as `sipgen new NAME [--type itt | --example]`
WORKBOOKS = {
    "school-plan.xlsx": ("school", None),
    "itt-plan.xlsx": ("itt", None),
    "example-plan.xlsx": ("school", "primary"),
}


def write_workbooks(folder: Path = HERE) -> list[Path]:
    """Write every workbook of :data:`WORKBOOKS` to ``folder``; return the paths."""
    return [
        write_workbook(folder / name, plan_type, load(example) if example else None)
        for name, (plan_type, example) in WORKBOOKS.items()
    ]


if __name__ == "__main__":
    for path in write_workbooks(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(f"wrote {path}")
