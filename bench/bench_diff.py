"""Time `sipgen diff` as a user runs it, on two versions of the extra-large benchmark plan.

    python bench/bench_diff.py [--runs 7] [--size XL]

The plan is the one bench/bench.py generates (XL: 20 priorities, 5,000 actions). The second
version has a term's worth of edits: an action reworded, one slipped, a cost, a status and an
owner changed, an action inserted (renumbering the ones after it), an actual recorded, a review
added and the version changed. Each command runs as a whole process; the figure is the median
of the runs, with the largest peak memory. Then the same work in one process, step by step, to
show where the time goes. The floor is the least a diff must do: start Python and read one of
the two workbooks with read_plan (the other is read at the same time on another core).
Target: the diff of two XL plans under 1 second end to end.

Figures are with Python's bytecode cache, as an installed sipgen runs: PYTHONDONTWRITEBYTECODE is
unset for the commands timed.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from bench import SIZES, plan_data, timed  # noqa: E402

TARGET = 1.0  # seconds, for two XL plans
FLOOR = "import sys; from sipgen.reader import read_plan; read_plan(sys.argv[1])"


def edited(data: dict) -> dict:
    """A later version of ``data`` with the changes a term's review makes."""
    new = copy.deepcopy(data)
    actions = new["actions"]
    actions[10]["action"] = actions[10]["action"].replace("observe one lesson", "observe two lessons")
    actions[20]["due"] += dt.timedelta(days=14)
    actions[30]["cost"] = 999
    actions[40]["status"] = "Done"
    actions[50]["owners"] = "S3, S4"
    # A new action before the last of P1.1: the last one is renumbered, not reworded.
    first = [a for a in actions if a["objective"] == "P1.1"]
    last = first[-1]
    moved = dict(last, ref=f"P1.1.{len(first) + 1}")
    inserted = dict(last, action="Phone the families of pupils absent on the first day.", owners="S5")
    actions[actions.index(last)] = inserted
    actions.insert(actions.index(inserted) + 1, moved)
    new["criteria"][0]["actual_autumn"] = "66%"
    new["reviews"].append(
        {
            "date": dt.date(2027, 3, 16),
            "ref": "P1",
            "reviewer": "GB",
            "rag": "Amber",
            "impact": "64% on track against a milestone of 70%.",
            "evidence": "Assessment data",
            "adjustments": "Two extra tutoring sessions a week from April.",
        }
    )
    new["settings"]["version"] = "v1.1"
    return new


def steps(old: Path, new: Path, runs: int) -> dict[str, float]:
    """Medians of each step in one process: reading, comparing, reporting."""
    from sipgen import diff

    times: dict[str, list[float]] = {}

    def clock(name, call, *args):
        started = time.perf_counter()
        value = call(*args)
        times.setdefault(name, []).append(time.perf_counter() - started)
        return value

    for _ in range(runs):
        a = clock("read old", diff.read_snapshot, old)
        b = clock("read new", diff.read_snapshot, new)
        changes = clock("compare", diff.compare, a, b)
        clock("text report", diff.text_report, changes)
        clock("read both side by side", diff._read_both, old, new)
    return {name: statistics.median(values) for name, values in times.items()}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--size", default="XL", choices=list(SIZES))
    args = parser.parse_args(argv)
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    from sipgen.workbook import write_workbook

    sipgen = [sys.executable, "-m", "sipgen"]
    with tempfile.TemporaryDirectory(prefix="sipgen-bench-diff-") as work:
        folder = Path(work)
        data = plan_data(*SIZES[args.size])
        old = write_workbook(folder / "autumn.xlsx", "school", data)
        new = write_workbook(folder / "spring.xlsx", "school", edited(data))
        same = folder / "copy.xlsx"
        same.write_bytes(old.read_bytes())
        # The first run also writes the bytecode cache of any module changed since the last one.
        found = subprocess.run([*sipgen, "diff", str(old), str(new)], capture_output=True, text=True)
        summary = found.stdout.strip().splitlines()[-1] if found.stdout.strip() else found.stderr.strip()
        results = {
            f"diff {args.size}, a few changes": timed([*sipgen, "diff", str(old), str(new)], args.runs),
            f"diff {args.size}, --format json": timed([*sipgen, "diff", str(old), str(new), "-f", "json"], args.runs),
            f"diff {args.size}, a copy (no changes)": timed([*sipgen, "diff", str(old), str(same)], args.runs),
            "sipgen --help": timed([*sipgen, "--help"], args.runs),
            f"floor: read one {args.size} workbook": timed([sys.executable, "-c", FLOOR, str(new)], args.runs),
        }
        inside = steps(old, new, args.runs)
    print(f"sipgen diff benchmark: median of {args.runs} runs, {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(f"  found: {summary}")
    print(f"{'whole process':<36}{'seconds':>10}{'peak MB':>10}")
    for name, (seconds, peak) in results.items():
        print(f"{name:<36}{seconds:>10.3f}{peak:>10.0f}")
    print(f"{'in one process':<36}{'seconds':>10}")
    for name, seconds in inside.items():
        print(f"{name:<36}{seconds:>10.3f}")
    headline = results[f"diff {args.size}, a few changes"][0]
    if args.size == "XL":
        print(f"{'met' if headline < TARGET else 'MISSED':>7}  diff XL under {TARGET} s ({headline:.2f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
