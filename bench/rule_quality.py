"""How well the planning rules do on statements as real plans write them: precision and recall per family.

    .venv/bin/python bench/rule_quality.py [--all] [--cases FILE] [--problems]

Reads tests/cases/real_plans.toml (the cases the rules were tuned on), or FILE, such as
tests/cases/real_plans_holdout.toml (cases written afterwards, by someone who had not seen the
rules, to measure them on text they were not tuned to), through the harness in
tests/rules/real_plans.py, prints a table
(family, cases, TP, FP, FN, precision, recall) and the failing cases (with --all, every case's codes).
Always exits 0: it measures, it does not judge.

With --problems it prints no scores and no codes, only what is wrong with the cases themselves
(unknown codes, repeated ids, rows that do not build a readable plan): the check someone writing a
fresh set runs, so that the first score stays unseen until the set is finished.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def main(argv: list[str]) -> int:
    from collections import Counter

    from tests.rules.real_plans import CLASSES, describe, load_cases, score, table

    if any(arg.startswith("-") and arg not in ("--all", "--cases", "--problems") for arg in argv):
        print(__doc__)  # --help, or an option it does not know: say how to use it, score nothing
        return 0
    path = Path(argv[argv.index("--cases") + 1]) if "--cases" in argv else None
    cases = load_cases(path) if path else load_cases()
    if "--problems" in argv:
        return _problems_only(cases)
    scores, verdicts = score(cases)
    by_class = Counter(case.get("class") for case in cases)
    print(f"{len(cases)} cases: " + ", ".join(f"class {n} {by_class[n]}" for n in sorted(CLASSES)))
    print()
    print(table(scores))
    failing = [v for v in verdicts if not v.passed]
    print()
    print(f"{len(failing)} failing case{'s' if len(failing) != 1 else ''} of {len(verdicts)}:")
    for verdict in failing:
        print(describe(verdict))
    if "--all" in argv:
        print()
        for verdict in verdicts:
            print(f"{verdict.case['id']}: {', '.join(sorted(verdict.got)) or '-'}")
    problems = [v for v in verdicts if v.problems]
    if problems:
        print()
        print("cases that do not build a readable plan (fix the case):")
        for verdict in problems:
            print(f"  {verdict.case['id']}: {'; '.join(verdict.problems)}")
    return 0


def _problems_only(cases) -> int:
    from collections import Counter

    from tests.rules.real_plans import CLASSES, known_codes, run_case_detail

    known = known_codes()
    print(f"{len(cases)} cases")
    found = [f"repeated id {i}" for i, n in Counter(c.get("id") for c in cases).items() if n > 1]
    for case in cases:
        listed = {*case.get("fire", []), *case.get("fire_any", []), *case.get("quiet", []), *case.get("allow", [])}
        if not listed:
            found.append(f"{case.get('id')}: names no code")
        if listed - known:
            found.append(f"{case.get('id')}: unknown codes {sorted(listed - known)}")
        if case.get("class") not in CLASSES or not case.get("why"):
            found.append(f"{case.get('id')}: needs a class (1-7) and a why")
        found += [f"{case.get('id')}: {problem}" for problem in run_case_detail(case).problems]
    print("\n".join(found) if found else "no problems: every case is well formed and builds a readable plan")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except BrokenPipeError:  # piped into head: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
    except Exception as exc:  # a rule or the model mid-change: say so, still exit 0
        print(f"rule_quality could not run: {type(exc).__name__}: {exc}")
        sys.exit(0)
