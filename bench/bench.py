"""Time sipgen as a user runs it, on plans of four sizes, and the floor it cannot beat.

    python bench/bench.py [--runs 5] [--sizes S,M,L,XL] [--json bench/results.json] [--pdf-plans 10]

Each plan is generated through the schema (every sheet filled in proportion). Each command
runs as a whole process; the figure is the median of the runs, with the peak memory of the
slowest run. The floor, on the XL plan, is reading its cells and rendering one flat table of
its actions with docxtpl: the least any build of that plan must do. With LibreOffice installed,
a folder of S plans is built as Word files only and then with --pdf, to show what PDFs cost.
"""

from __future__ import annotations

import argparse
import compileall
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIZES = {  # priorities, actions
    "S": (1, 10),
    "M": (5, 60),
    "L": (10, 500),
    "XL": (20, 5000),
}
HERE = Path(__file__).resolve().parent
TARGETS = {"help": 0.3, "check M": 0.5, "build M": 1.0, "report M": 1.0}
PDF_RATIO = 6  # a folder's PDFs may take at most this many times its Word files' time


def plan_data(priorities: int, actions: int) -> dict:
    """A plan of the given size, with text of realistic length in every sheet."""
    import datetime as dt

    staff = [
        {"initials": f"S{i}", "name": f"Staff member {i}", "role": "Teacher", "organisation": "Bench Primary"}
        for i in range(1, 31)
    ]
    staff += [
        {
            "initials": "GB",
            "name": "Governing board",
            "role": "Full governing board",
            "organisation": "Governing board",
            "type": "Group",
        }
    ]
    per_priority = max(1, actions // priorities)
    objectives_per = max(1, min(4, per_priority // 3))
    data = {
        "settings": {
            "organisation": "Bench Primary School",
            "academic_year": "2026-27",
            "overall_lead": "S1",
            "approved_on": dt.date(2026, 10, 14),
            "title": "School improvement plan 2026-27",
        },
        "introduction": {
            key: "This plan was compiled by the senior team with staff and governors (see P1). " * 3
            for key in ("overview", "how_compiled", "weaknesses_tackled", "format_reason")
        },
        "context": [
            {"area": area, "measure": f"Measure {i}", "value": f"{60 + i}%", "notes": "National 58%; rising."}
            for area in ("Pupil information", "Performance information", "Budget and staffing")
            for i in range(4)
        ],
        "aims": [{"ref": "S1", "aim": "Every pupil reads fluently by the end of Year 2.", "horizon": "2029"}],
        "staff": staff,
        "priorities": [],
        "objectives": [],
        "actions": [],
        "criteria": [],
        "checks": [],
        "reviews": [],
        "kpis": [],
    }
    n = 0
    for p in range(1, priorities + 1):
        ref = f"P{p}"
        data["priorities"].append(
            {
                "ref": ref,
                "title": f"Attainment in area {p} rises from 62% to 75% at the expected standard",
                "source": "Self-evaluation",
                "aim": "S1",
                "preface": "Our self-evaluation found that teaching in this area varies between classes (see P1.1). "
                * 3,
                "now": "62% met the standard in 2026.",
                "goal": "75% meet the standard in 2027.",
                "lead": f"S{p % 30 + 1}",
                "link_governor": "GB",
            }
        )
        for o in range(1, objectives_per + 1):
            oref = f"{ref}.{o}"
            data["objectives"].append(
                {
                    "ref": oref,
                    "priority": ref,
                    "title": f"Consistent teaching of strand {o}",
                    "cause": "Staff new to the scheme have not been trained.",
                    "lead": f"S{(p + o) % 30 + 1}",
                }
            )
        count = per_priority if p < priorities else actions - n
        for a in range(count):
            o = a % objectives_per + 1
            k = a // objectives_per + 1
            day = dt.date(2026, 9, 7) + dt.timedelta(days=min(300, k * 2))
            data["actions"].append(
                {
                    "ref": f"{ref}.{o}.{k}",
                    "objective": f"{ref}.{o}",
                    "action": f"Train the staff of year group {k % 7} in the agreed sequence for strand {o}, "
                    "then observe one lesson each.",
                    "owners": f"S{(n % 29) + 2}",
                    "start": day,
                    "due": day + dt.timedelta(days=14),
                    "cost": 190 + (n % 5) * 50,
                    "resources": "1 supply day at £190 and 30 copies of the guidance at £2",
                    "also_serves": "P1" if n % 17 == 0 and p > 1 else "",
                }
            )
            n += 1
        data["criteria"] += [
            {
                "ref": f"SC{p}a",
                "parent": ref,
                "criterion": "90% of lessons observed follow the agreed sequence.",
                "kind": "Provision",
                "baseline": "60%",
                "milestone_autumn": "70%",
                "milestone_spring": "80%",
                "milestone_summer": "90%",
                "target": "90%",
            },
            {
                "ref": f"SC{p}b",
                "parent": ref,
                "criterion": "75% of pupils meet the expected standard.",
                "kind": "Outcome",
                "baseline": "62%",
                "milestone_autumn": "66%",
                "milestone_spring": "70%",
                "milestone_summer": "75%",
                "target": "75%",
            },
        ]
        for process in ("Monitoring", "Evaluation", "Review"):
            data["checks"].append(
                {
                    "priority": ref,
                    "process": process,
                    "how": "Learning walks and book looks",
                    "when": "Aut2, Spr2, Sum2",
                    "who": "GB",
                    "evidence": "Assessment data and pupil voice",
                }
            )
        data["reviews"] += [
            {
                "date": dt.date(2026, 12, 9),
                "ref": ref,
                "reviewer": "GB",
                "rag": "Green",
                "impact": "68% on track (milestone 66%).",
                "evidence": "Assessment data",
                "adjustments": "None needed.",
            },
        ]
    data["kpis"] = [{"kpi": "Attendance (%)", "baseline": "94.1", "actual_autumn": "95.0", "target": "96.0"}]
    return data


def make_plans(folder: Path, sizes) -> dict[str, Path]:
    from sipgen.workbook import write_workbook

    return {size: write_workbook(folder / f"{size}.xlsx", "school", plan_data(*SIZES[size])) for size in sizes}


def timed(command: list[str], runs: int) -> tuple[float, float]:
    """Median seconds over ``runs`` whole-process runs, and the largest peak memory in MB."""
    times, peaks = [], []
    for _ in range(runs):
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if hasattr(os, "wait4"):  # POSIX reports the child's peak memory; Windows does not, so it shows as nan
            _, status, usage = os.wait4(process.pid, 0)
            process.returncode = os.waitstatus_to_exitcode(status)
            peaks.append(usage.ru_maxrss / 1024)
        else:
            process.wait()
            peaks.append(math.nan)
        times.append(time.perf_counter() - started)
        if process.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(command)} failed with exit code {process.returncode}")
    return statistics.median(times), max(peaks)


FLOOR = r"""
import sys, time
from pathlib import Path
t0 = time.perf_counter()
from sipgen.xlsx import read_grids
grids, _, _ = read_grids(Path(sys.argv[1]))
actions = next(g for g in grids if g.name == "Actions")
rows = [[str(v) for _, v in sorted(actions.cells[r].items())] for r in sorted(actions.cells) if r > 1]
from docx import Document
from docxtpl import DocxTemplate
from jinja2.sandbox import ImmutableSandboxedEnvironment
doc = Document()
table = doc.add_table(rows=2, cols=8)
table.rows[0].cells[0].text = "{%tr for r in rows %}"
for i in range(8):
    table.rows[1].cells[i].text = "{{ r[%d] }}" % i
table.add_row().cells[0].text = "{%tr endfor %}"
template = Path(sys.argv[2])
doc.save(template)
tpl = DocxTemplate(str(template))
tpl.render({"rows": rows}, jinja_env=ImmutableSandboxedEnvironment(), autoescape=True)
tpl.save(sys.argv[3])
"""


def pdf_folder(folder: Path, count: int, runs: int, sipgen: list[str]) -> dict[str, dict]:
    """A folder of ``count`` S plans built as Word files, then with --pdf (medians of ``runs``)."""
    from sipgen.workbook import write_workbook

    plans = folder / "pdf-plans"
    plans.mkdir()
    plan = write_workbook(plans / "school00.xlsx", "school", plan_data(*SIZES["S"]))
    for i in range(1, count):
        (plans / f"school{i:02}.xlsx").write_bytes(plan.read_bytes())
    results = {}
    for name, extra in ((f"word {count} x S", []), (f"pdf {count} x S", ["--pdf"])):
        command = [*sipgen, "build", str(plans), "-o", str(folder / "pdf-docs"), *extra]
        results[name] = dict(zip(("seconds", "peak_mb"), timed(command, runs), strict=True))
    return results


def pdf_target(results: dict[str, dict], count: int) -> dict[str, bool]:
    """The PDFs' time as a multiple of the Word files' (added to ``results``), against its target."""
    pdf_key = f"pdf {count} x S"
    if pdf_key not in results:
        return {}
    ratio = results[pdf_key]["seconds"] / results[f"word {count} x S"]["seconds"]
    results[f"{pdf_key} / word"] = {"ratio": round(ratio, 2)}
    return {f"{pdf_key} within {PDF_RATIO} x the Word files' time": ratio <= PDF_RATIO}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="S,M,L,XL")
    parser.add_argument("--json", type=Path, default=HERE / "results.json")
    parser.add_argument("--trust", type=int, default=100, help="how many M plans to build as one folder (0 to skip)")
    parser.add_argument(
        "--pdf-plans", type=int, default=10, help="how many S plans to build as one folder with --pdf (0 to skip)"
    )
    args = parser.parse_args(argv)
    sizes = [s.strip() for s in args.sizes.split(",")]
    sipgen = [sys.executable, "-m", "sipgen"]
    # Time sipgen as an install runs it, with its bytecode compiled: an editable checkout whose
    # bytecode is stale (or never written) would time the compiler too.
    compileall.compile_dir(str(HERE.parent / "sipgen"), quiet=1)
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="sipgen-bench-") as work:
        folder = Path(work)
        plans = make_plans(folder, sizes)
        results["help"] = dict(zip(("seconds", "peak_mb"), timed([*sipgen, "--help"], args.runs), strict=True))
        for size, path in plans.items():
            results[f"check {size}"] = dict(
                zip(
                    ("seconds", "peak_mb"),
                    timed([*sipgen, "check", str(path), "--format", "json"], args.runs),
                    strict=True,
                )
            )
            results[f"build {size}"] = dict(
                zip(
                    ("seconds", "peak_mb"),
                    timed([*sipgen, "build", str(path), "-o", str(folder / f"{size}.docx")], args.runs),
                    strict=True,
                )
            )
            if size == "M":  # the board's report of a typical plan
                report = [*sipgen, "report", str(path), "-o", str(folder / "M-report.docx")]
                results["report M"] = dict(zip(("seconds", "peak_mb"), timed(report, args.runs), strict=True))
        if "M" in plans and args.trust:
            trust = folder / "trust"
            trust.mkdir()
            for i in range(args.trust):
                (trust / f"school{i:03}.xlsx").write_bytes(plans["M"].read_bytes())
            out = folder / "trust-docs"
            out.mkdir()
            results[f"build {args.trust} x M"] = dict(
                zip(
                    ("seconds", "peak_mb"),
                    timed([*sipgen, "build", str(trust), "-o", str(out)], min(args.runs, 3)),
                    strict=True,
                )
            )
            report = [*sipgen, "report", str(trust), "-o", str(folder / "trust-report.docx")]
            results[f"report {args.trust} x M"] = dict(
                zip(("seconds", "peak_mb"), timed(report, min(args.runs, 3)), strict=True)
            )
        if args.pdf_plans and shutil.which("soffice"):
            results.update(pdf_folder(folder, args.pdf_plans, args.runs, sipgen))
        if "XL" in plans:
            script = folder / "floor.py"
            script.write_text(FLOOR)
            results["floor XL"] = dict(
                zip(
                    ("seconds", "peak_mb"),
                    timed(
                        [
                            sys.executable,
                            str(script),
                            str(plans["XL"]),
                            str(folder / "floor-template.docx"),
                            str(folder / "floor.docx"),
                        ],
                        args.runs,
                    ),
                    strict=True,
                )
            )
    checks = {}
    for name, limit in TARGETS.items():
        if name in results:
            checks[f"{name} under {limit} s"] = results[name]["seconds"] < limit
    if "floor XL" in results and "build XL" in results:
        ratio = results["build XL"]["seconds"] / results["floor XL"]["seconds"]
        results["build XL / floor"] = {"ratio": round(ratio, 2)}
        checks["build XL within 1.5 x floor"] = ratio <= 1.5
        if not math.isnan(results["build XL"]["peak_mb"]):
            checks["build XL under 500 MB"] = results["build XL"]["peak_mb"] < 500
    trust_key = f"build {args.trust} x M"
    if trust_key in results and "build M" in results:
        expected = args.trust * results["build M"]["seconds"] / (os.cpu_count() or 1)
        results[f"{trust_key} vs {args.trust} x M / cores"] = {
            "expected_s": round(expected, 2),
            "ratio": round(results[trust_key]["seconds"] / expected, 2),
        }
        checks[f"{trust_key} within {args.trust} x (build M) / cores"] = results[trust_key]["seconds"] <= expected * 1.1
    report_key = f"report {args.trust} x M"
    if report_key in results and trust_key in results:
        ratio = results[report_key]["seconds"] / results[trust_key]["seconds"]
        results[f"{report_key} vs {trust_key}"] = {"ratio": round(ratio, 2)}
        checks[f"{report_key} within 2 x {trust_key}"] = ratio <= 2
    checks.update(pdf_target(results, args.pdf_plans))
    if all(f"build {s}" in results for s in ("M", "L", "XL")):
        per_ml = (results["build L"]["seconds"] - results["build M"]["seconds"]) / (SIZES["L"][1] - SIZES["M"][1])
        per_lxl = (results["build XL"]["seconds"] - results["build L"]["seconds"]) / (SIZES["XL"][1] - SIZES["L"][1])
        results["ms per action"] = {"M to L": round(per_ml * 1000, 3), "L to XL": round(per_lxl * 1000, 3)}
        checks["per action L to XL within 1.2 x M to L"] = per_lxl <= 1.2 * per_ml
    machine = {
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "system": platform.platform(),
        "runs": args.runs,
    }
    print(f"sipgen benchmark: median of {args.runs} runs, {machine['cores']} cores, Python {machine['python']}")
    print(f"{'what':<18}{'seconds':>10}{'peak MB':>10}")
    for name, figures in results.items():
        if "seconds" in figures:
            print(f"{name:<18}{figures['seconds']:>10.3f}{figures['peak_mb']:>10.0f}")
        else:
            print(f"{name:<18}  " + ", ".join(f"{k} {v}" for k, v in figures.items()))
    for name, ok in checks.items():
        print(f"{'met' if ok else 'MISSED':>7}  {name}")
    args.json.write_text(json.dumps({"machine": machine, "results": results, "targets": checks}, indent=2) + "\n")
    print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
