"""The yardstick for the planning rules: statements as real plans write them, and the codes each must raise.

Each case in tests/cases/real_plans.toml is one row placed into a small plan that is otherwise
clean (:data:`BASE`, one for a school and one for an ITT partnership). The plan is built in
memory from the model dataclasses, with every value converted as the reader converts the cell
(so "Spr1", "DH, SENCo" and "No cost" mean what they mean in a workbook); no workbook is written.

Which findings belong to the case (attribution), in :func:`on_row`:

1. a finding that points at the case's own row: same sheet, row :data:`CASE_ROW`;
2. a finding whose plan reference is the row's own reference (for a priority, objective or
   action row), e.g. a Monitoring finding about priority P2 when the case row is P2;
3. a finding of a code the case names (``fire``, ``fire_any`` or ``quiet``) whose reference is
   an ancestor of the row (P1.9.1 -> P1.9 -> P1; a criterion -> its parent) or empty (a
   finding about the plan as a whole, such as RS306). The base plan raises none of these;
4. a finding of a code the case names from a rule over the whole plan (declared without ``each``,
   such as PR101, which points at the first priority over the limit, wherever the case's row is).

Scoring (:func:`score`), per family (the code's two letters):

- TP: a code in ``fire`` that fired on the row; a ``fire_any`` group counts once, as a TP when
  any of its codes fired.
- FN: a code in ``fire`` (or a ``fire_any`` group) that did not.
- FP: a code in ``quiet`` that fired, or any other code of a family the case names that fired
  and is neither expected nor in ``allow``. An info-severity code that is not in the published
  catalogue (a new advisory finding, e.g. "copy the owner into the column") is not counted.

Case keys: ``id``, ``class`` (1-7), ``sheet`` (a Plan list: actions, criteria, priorities,
objectives, checks, reviews, staff ...), ``row`` (model field names; values as typed in the
workbook; a field left out is a blank cell), ``fire``, ``fire_any``, ``quiet``, ``allow``, ``why``,
and optionally ``plan`` ("school" or "itt"), ``extra`` (rows to add, by sheet), ``replace``
(rows that replace a base sheet's rows, by sheet), ``settings`` (Settings fields to change) and
``as_of`` (a date; else :data:`AS_OF`). Defaults: an action row with no ``objective`` goes in a
sequence of its own, P1.9 (added, led by DH); an action's ``ref`` defaults to P1.9.1, an
objective's to P1.9 (under P1), a priority's to P2, a criterion's to SC90 (parent P1). A row
whose ref is already in the base sheet replaces that base row. For criteria, ``milestones`` =
[autumn, spring, summer] may stand for the three milestone fields.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from sipgen import model
from sipgen.checker import run_rules
from sipgen.dates import default_year_start, fill_range
from sipgen.findings import Finding, Severity
from sipgen.parents import check_references, link
from sipgen.reader import RECORD_TYPES
from sipgen.rules import RULES
from sipgen.schema import SHEETS, Sheet
from sipgen.values import PENDING, BadValue, convert

ROOT = Path(__file__).resolve().parents[2]
CASES_PATH = ROOT / "tests" / "cases" / "real_plans.toml"
CATALOGUE_PATH = ROOT.parent / "shared" / "PLANNING_RULES.md"
AS_OF = dt.date(2025, 9, 1)  # the first day of the plan's year: nothing is overdue, no review has passed
CASE_ROW = 90  # the sheet row the case's own row sits on; extra rows follow it
CLASSES = {
    1: "AC201 vague verbs",
    2: "owners and timings inside the action",
    3: "inheritance of leads and governors",
    4: "structure and sources",
    5: "success criteria",
    6: "bland resources",
    7: "clean statements",
}
_PLAN_REF_SHEETS = ("Priorities", "Objectives", "Actions")
_RECORD_TYPES = RECORD_TYPES  # the reader's own table of sheet keys to record types
LISTS = tuple(key for key in _RECORD_TYPES if key not in ("settings", "introduction"))

# -- the base plans -------------------------------------------------------------------------------

_SCHOOL = {
    "settings": {
        "organisation": "St Aidan's CE Primary School",
        "academic_year": "2025-26",
        "title": "School improvement plan 2025-26",
        "overall_lead": "HT",
        "approved_on": "08/07/2025",
        "approval_minute": "FGB 8 July 2025, item 6",
        "layout": "Hybrid",
    },
    "introduction": {
        "overview": "Our plan for 2025-26 sets out one key priority for the whole school.",
        "how_compiled": "Drafted by the senior leadership team from the self-evaluation, with staff and governors "
        "at the June 2025 strategy day; the curriculum and standards committee agreed the final version.",
        "weaknesses_tackled": "Phonics outcomes in Year 1 have been below national for three years.",
    },
    "context": [
        {"area": "Pupil information", "measure": "Number on roll", "value": "212"},
        {"area": "Performance information", "measure": "Phonics screening check 2025", "value": "68%"},
        {"area": "Budget and staffing", "measure": "In-year budget", "value": "£1.12m; 9 teachers, 14 TAs"},
    ],
    "staff": [
        {"initials": "HT", "name": "Helen Okafor", "role": "Headteacher", "organisation": "St Aidan's"},
        {"initials": "DH", "name": "Mark Riley", "role": "Deputy headteacher and DSL", "organisation": "St Aidan's"},
        {"initials": "SENCo", "name": "Priya Shah", "role": "SENCo", "organisation": "St Aidan's"},
        {"initials": "EL", "name": "Tom Birch", "role": "English lead", "organisation": "St Aidan's"},
        {"initials": "ML", "name": "Aisha Khan", "role": "Maths lead", "organisation": "St Aidan's"},
        {"initials": "EYL", "name": "Jo Hart", "role": "EYFS lead", "organisation": "St Aidan's"},
        {"initials": "PL", "name": "Sian Evans", "role": "Phonics lead", "organisation": "St Aidan's"},
        {"initials": "BM", "name": "Dave Moss", "role": "School business manager", "organisation": "St Aidan's"},
        {"initials": "AO", "name": "Carol Dean", "role": "Attendance officer", "organisation": "St Aidan's"},
        {"initials": "CG", "name": "Ruth Adeyemi", "role": "Chair of governors", "organisation": "Governing board"},
        {"initials": "JP", "name": "James Parry", "role": "Governor (SEND link)", "organisation": "Governing board"},
        {
            "initials": "C&S",
            "name": "Curriculum and standards committee",
            "role": "Committee of the governing board",
            "organisation": "Governing board",
            "type": "Group",
        },
        {
            "initials": "FGB",
            "name": "Full governing board",
            "role": "Governing board",
            "organisation": "Governing board",
            "type": "Group",
        },
        {
            "initials": "SLT",
            "name": "Senior leadership team",
            "role": "HT, DH and SENCo",
            "organisation": "St Aidan's",
            "type": "Group",
        },
    ],
    "priorities": [
        {
            "ref": "P1",
            "title": "Raise attainment in early reading",
            "source": "Self-evaluation",
            "preface": "Year 1 phonics results have been below national for three years, and the lowest 20% of "
            "readers in Reception do not keep up with the programme.",
            "lead": "DH",
            "link_governor": "CG",
        }
    ],
    "objectives": [
        {"ref": "P1.1", "priority": "P1", "title": "Phonics taught with fidelity in Reception and KS1", "lead": "PL"}
    ],
    "actions": [
        {
            "ref": "P1.1.1",
            "objective": "P1.1",
            "action": "Train all Reception and KS1 staff in the Little Wandle programme",
            "owners": "PL",
            "start": "Aut1",
            "due": "Aut1",
            "cost": 1200,
            "resources": "Little Wandle training licence £1,200 (2 INSET days)",
        },
        {
            "ref": "P1.1.2",
            "objective": "P1.1",
            "action": "Timetable daily keep-up sessions for the lowest 20% of readers in Reception",
            "owners": "EYL",
            "start": "Aut1",
            "due": "Aut2",
            "cost": 0,
            "resources": "No cost: within the TA timetable (4 x 15 minutes a day)",
        },
        {
            "ref": "P1.1.3",
            "objective": "P1.1",
            "action": "Observe every phonics group once each half term and give written feedback",
            "owners": "EL",
            "start": "Aut2",
            "due": "Sum2",
            "cost": 0,
            "resources": "No cost: 1 hour a week of the English lead's leadership time",
        },
        {
            "ref": "P1.1.4",
            "objective": "P1.1",
            "action": "Assess the lowest 20% of readers with the programme's assessment every 6 weeks",
            "owners": "SENCo",
            "start": "Spr1",
            "due": "Sum2",
            "cost": 0,
            "resources": "No cost: 2 TA hours a half term",
        },
    ],
    "criteria": [
        {
            "ref": "SC1",
            "parent": "P1.1",
            "kind": "Provision",
            "criterion": "90% of phonics sessions observed follow the programme's lesson structure",
            "baseline": "55% (summer 2025 learning walks)",
            "milestones": ["70%", "80%", "90%"],
            "target": "90%",
        },
        {
            "ref": "SC2",
            "parent": "P1",
            "kind": "Outcome",
            "criterion": "Phonics screening check pass rate in Year 1 rises from 68% to 82%",
            "baseline": "68% (2025)",
            "milestones": ["Mock check 60%", "Mock check 72%", "82%"],
            "target": "82%",
        },
    ],
    "checks": [
        {
            "priority": "P1",
            "process": "Monitoring",
            "how": "Learning walks and drop-ins to phonics groups",
            "when": "Each half term",
            "who": "HT",
            "evidence": "Visit notes, the phonics tracker and pupil voice",
        },
        {
            "priority": "P1",
            "process": "Evaluation",
            "how": "English lead's report against the milestones, questioned by the committee",
            "when": "Aut2, Spr2, Sum2",
            "who": "C&S",
            "evidence": "Phonics assessment data, visit notes and the parent survey",
        },
        {
            "priority": "P1",
            "process": "Review",
            "how": "Headteacher and chair of governors review progress and adjust the plan",
            "when": "Aut2, Spr2, Sum2",
            "who": "HT, CG",
            "evidence": "The evaluation report, the tracker and staff views",
        },
    ],
}

_ITT = {
    "settings": {
        "organisation": "Wealdmoor Teacher Training Partnership",
        "academic_year": "2025-26",
        "title": "Partnership improvement plan 2025-26",
        "overall_lead": "PD",
        "approved_on": "10/07/2025",
        "approval_minute": "Partnership board 10 July 2025, item 4",
        "layout": "Hybrid",
    },
    "introduction": {
        "overview": "The partnership's plan for 2025-26, agreed with our partner schools.",
        "how_compiled": "Written by the partnership director with school leads and mentors at the June 2025 "
        "partnership conference, from the self-evaluation and the external examiner's report.",
        "weaknesses_tackled": "Mentor feedback on early reading varies too much between placement schools.",
    },
    "context": [
        {"area": "Trainee information", "measure": "Trainees (primary, 2025-26)", "value": "48"},
        {"area": "Performance information", "measure": "Completion rate 2024-25", "value": "94%"},
        {"area": "Budget and staffing", "measure": "Mentor payments budget", "value": "£38,400"},
    ],
    "staff": [
        {
            "initials": "PD",
            "name": "Dr Claire Ndlovu",
            "role": "Partnership director",
            "organisation": "Wealdmoor Teacher Training Partnership",
        },
        {
            "initials": "LT",
            "name": "Ben Carver",
            "role": "Lead tutor (primary)",
            "organisation": "Wealdmoor Teacher Training Partnership",
        },
        {
            "initials": "PT",
            "name": "Gemma Ross",
            "role": "Partnership tutor",
            "organisation": "Wealdmoor Teacher Training Partnership",
        },
        {
            "initials": "AL",
            "name": "Andrew Lowe",
            "role": "Assessment lead",
            "organisation": "Wealdmoor Teacher Training Partnership",
        },
        {
            "initials": "MB",
            "name": "Maria Bell",
            "role": "School-based mentor",
            "organisation": "Oakfield Infant School",
        },
        {"initials": "SL", "name": "Sunil Lal", "role": "School lead for ITT", "organisation": "Brackley Vale Academy"},
        {"initials": "EE", "name": "Dr Lena Fry", "role": "External examiner", "organisation": "University of Kent"},
        {
            "initials": "PB",
            "name": "Partnership board",
            "role": "Governance of the partnership",
            "organisation": "Partnership board",
            "type": "Group",
        },
    ],
    "priorities": [
        {
            "ref": "P1",
            "title": "Sharpen mentor feedback on trainees' teaching of early reading",
            "source": "External examiner",
            "preface": "The external examiner's report (June 2025) found that mentor targets for early reading were "
            "often generic, and trainees' confidence in teaching phonics varied between placements.",
            "lead": "PD",
            "link_governor": "PB",
        }
    ],
    "objectives": [{"ref": "P1.1", "priority": "P1", "title": "Weekly targets specific to the SSP", "lead": "LT"}],
    "actions": [
        {
            "ref": "P1.1.1",
            "objective": "P1.1",
            "action": "Run two twilight sessions for mentors on setting SSP-specific targets",
            "owners": "LT",
            "start": "Aut1",
            "due": "Aut1",
            "cost": 300,
            "resources": "2 x 2-hour twilights: venue and refreshments £150 each",
        },
        {
            "ref": "P1.1.2",
            "objective": "P1.1",
            "action": "Model a phonics feedback conversation for new mentors at Oakfield Infant School",
            "owners": "MB",
            "start": "Aut2",
            "due": "Aut2",
            "cost": 0,
            "resources": "No cost: 1 hour of the mentor meeting",
        },
        {
            "ref": "P1.1.3",
            "objective": "P1.1",
            "action": "Quality-assure 6 mentor meetings across the Brackley Vale cluster",
            "owners": "SL",
            "start": "Spr1",
            "due": "Spr2",
            "cost": 240,
            "resources": "1 supply day at £240",
        },
        {
            "ref": "P1.1.4",
            "objective": "P1.1",
            "action": "Visit each trainee's placement to observe one mentor meeting",
            "owners": "PT",
            "start": "Spr1",
            "due": "Sum1",
            "cost": 360,
            "resources": "20 visits at £18 mileage",
        },
    ],
    "criteria": [
        {
            "ref": "SC1",
            "parent": "P1.1",
            "kind": "Provision",
            "criterion": "90% of weekly mentor meetings set at least one SSP-specific target",
            "baseline": "52% (2024-25 QA visits)",
            "milestones": ["65%", "80%", "90%"],
            "target": "90%",
        },
        {
            "ref": "SC2",
            "parent": "P1",
            "kind": "Outcome",
            "criterion": "85% of trainees teach a phonics lesson at the expected standard in their final placement",
            "baseline": "71% (2024-25 cohort)",
            "milestones": ["Placement A: 60%", "Placement B: 75%", "85%"],
            "target": "85%",
        },
    ],
    "checks": [
        {
            "priority": "P1",
            "process": "Monitoring",
            "how": "Sampling of weekly mentor meeting records",
            "when": "Each half term",
            "who": "AL",
            "evidence": "Mentor meeting records, QA visit notes and trainee feedback",
        },
        {
            "priority": "P1",
            "process": "Evaluation",
            "how": "Board scrutiny of the assessment lead's report against the milestones",
            "when": "Aut2, Spr2, Sum2",
            "who": "PB",
            "evidence": "Trainee assessment data, QA reports and the trainee survey",
        },
        {
            "priority": "P1",
            "process": "Review",
            "how": "Partnership director and external examiner review progress and adjust the plan",
            "when": "Aut2, Spr2, Sum2",
            "who": "PD, EE",
            "evidence": "The evaluation report, the examiner's interim report and mentor views",
        },
    ],
}
BASE = {"school": _SCHOOL, "itt": _ITT}

# -- building a plan ------------------------------------------------------------------------------


@dataclass
class CaseResult:
    """What one case produced: the codes on its row, every finding, and problems with the case itself."""

    case: dict
    codes: frozenset[str]
    findings: list[Finding] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # unreadable values, WB005/WB006: the case is wrong


@lru_cache(maxsize=1)
def _sheets() -> dict[str, Sheet]:
    return {sheet.key: sheet for sheet in SHEETS}


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _record(key: str, values: dict, row: int, year_start: dt.date | None, problems: list[str]) -> model.Record:
    """A record of sheet ``key`` from ``values`` typed as in the workbook, converted as the reader does."""
    sheet = _sheets()[key]
    values = dict(values)
    if key == "criteria" and "milestones" in values:
        milestones = list(values.pop("milestones")) + ["", "", ""]
        for name, text in zip(("milestone_autumn", "milestone_spring", "milestone_summer"), milestones, strict=False):
            values.setdefault(name, text)
    converted: dict[str, object] = {}
    pending: set[str] = set()
    cells: dict[str, str] = {}
    for index, column in enumerate(sheet.columns):
        cells[column.field] = f"B{index + 1}" if sheet.form else f"{_letter(index)}{row}"
    for name, raw in values.items():
        try:
            column = sheet.column(name)
        except KeyError:
            problems.append(f"{sheet.name} has no field '{name}'")
            continue
        try:
            value = convert(column, raw, year_start)
        except BadValue as exc:
            problems.append(f"{sheet.name} {name} = {raw!r}: {exc}")
            continue
        if value is PENDING:  # "TBC": not yet known, as the reader keeps it
            pending.add(name)
        elif value not in (None, ""):
            converted[name] = value
    if "start" in converted or "due" in converted:
        converted["start"], converted["due"] = fill_range(converted.get("start"), converted.get("due"))
        converted = {k: v for k, v in converted.items() if v is not None}
    return _RECORD_TYPES[key](sheet=sheet.name, row=row, cells=cells, pending=pending, **converted)


def _default_row(case: dict) -> dict:
    """The case's row with its default reference and parent filled in."""
    row = dict(case.get("row", {}))
    sheet = case["sheet"]
    if sheet == "actions":
        row.setdefault("objective", "P1.9")
        row.setdefault("ref", f"{row['objective']}.{1 if row['objective'] == 'P1.9' else 9}")
    elif sheet == "objectives":
        row.setdefault("ref", "P1.9")
        row.setdefault("priority", row["ref"].rsplit(".", 1)[0])
    elif sheet == "priorities":
        row.setdefault("ref", "P2")
    elif sheet == "criteria":
        row.setdefault("ref", "SC90")
        row.setdefault("parent", "P1")
    elif sheet == "checks":
        row.setdefault("priority", "P1")
    return row


def plan_data(case: dict) -> tuple[dict, dict]:
    """The plan's data (sheet key -> rows as typed) and the case's row, before conversion."""
    data = copy.deepcopy(BASE[case.get("plan", "school")])
    data["settings"].update(case.get("settings", {}))
    for key, rows in case.get("replace", {}).items():
        data[key] = copy.deepcopy(rows)
    row = _default_row(case)
    sheet = case["sheet"]
    rows = data.setdefault(sheet, [])
    if row.get("ref") and sheet in ("priorities", "objectives", "actions", "criteria"):
        rows[:] = [r for r in rows if r.get("ref") != row["ref"]]  # the case's row replaces the base row
    if sheet == "actions" and row["objective"] == "P1.9":
        extra_objectives = case.get("extra", {}).get("objectives", [])
        if not any(o.get("ref") == "P1.9" for o in (*data.get("objectives", []), *extra_objectives)):
            lead = "LT" if case.get("plan") == "itt" else "DH"
            data.setdefault("objectives", []).append(
                {"ref": "P1.9", "priority": "P1", "title": "Steps under test", "lead": lead}
            )
    return data, row


def build(case: dict) -> tuple[model.Plan, model.Record, list[str]]:
    """The case's plan, linked as the reader links it; its row; and problems with the case."""
    data, row = plan_data(case)
    problems: list[str] = []
    settings = _record("settings", data["settings"], 1, None, problems)
    settings.plan_type = case.get("plan", "school")
    if settings.layout == "":
        settings.layout = "Hybrid"
    year_start = default_year_start(settings.academic_year)
    introduction = _record("introduction", data.get("introduction", {}), 1, year_start, problems)
    lists: dict[str, list[model.Record]] = {}
    for key in LISTS:
        lists[key] = [_record(key, values, n, year_start, problems) for n, values in enumerate(data.get(key, []), 2)]
    target = _record(case["sheet"], row, CASE_ROW, year_start, problems)
    lists[case["sheet"]].append(target)
    for n, (key, values) in enumerate(
        ((key, values) for key, rows in case.get("extra", {}).items() for values in rows), CASE_ROW + 1
    ):
        if key not in lists:
            problems.append(f"extra rows for an unknown sheet '{key}'")
            continue
        lists[key].append(_record(key, values, n, year_start, problems))
    sheets = tuple(sheet.name for sheet in SHEETS)
    plan = model.Plan(
        source=f"case {case.get('id', '')}", settings=settings, introduction=introduction, sheets=sheets, **lists
    )
    problems += [f"{f.code} {f.where}: {f.message}" for f in check_references(plan)]
    link(plan)
    return plan, target, problems


def _row_of(cell: str) -> int | None:
    digits = "".join(ch for ch in cell.split(":")[0] if ch.isdigit())
    return int(digits) if digits else None


def ancestors(ref: str) -> list[str]:
    """P1.9.1 -> [P1.9, P1]."""
    parts = ref.split(".")
    return [".".join(parts[:n]) for n in range(len(parts) - 1, 0, -1)]


def named(case: dict) -> set[str]:
    return {*case.get("fire", []), *case.get("fire_any", []), *case.get("quiet", [])}


def on_row(finding: Finding, record: model.Record, case: dict) -> bool:
    """Whether ``finding`` belongs to the case's row (see the module docstring)."""
    if finding.sheet == record.sheet and _row_of(finding.cell) == CASE_ROW:
        return True
    own = getattr(record, "ref", "")
    if own and record.sheet in _PLAN_REF_SHEETS and finding.ref == own:
        return True
    if finding.code not in named(case):
        return False
    if not finding.ref or RULES[finding.code].each is None:
        return True  # about the plan as a whole, pointed at wherever it shows
    parent = getattr(record, "parent", "") or getattr(record, "priority", "") or getattr(record, "objective", "")
    scope = {*ancestors(own)} if own and record.sheet in _PLAN_REF_SHEETS else set()
    if record.sheet == "Reviews" and own:
        scope |= {own, *ancestors(own)}
    if parent:
        scope |= {parent, *ancestors(parent)}
    return finding.ref in scope


def run_case_detail(case: dict) -> CaseResult:
    plan, record, problems = build(case)
    as_of = case.get("as_of", AS_OF)
    if isinstance(as_of, dt.datetime):
        as_of = as_of.date()
    findings, _accepted = run_rules(plan, as_of)
    codes = frozenset(f.code for f in findings if on_row(f, record, case))
    return CaseResult(case, codes, findings, problems)


def run_case(case: dict) -> frozenset[str]:
    """The codes that fired on the case's row."""
    return run_case_detail(case).codes


def run_base(plan_type: str = "school") -> list[Finding]:
    """Every finding on the base plan alone (it should have none)."""
    plan = base_plan(plan_type)
    return run_rules(plan, AS_OF)[0]


def base_plan(plan_type: str = "school") -> model.Plan:
    data = BASE[plan_type]
    problems: list[str] = []
    settings = _record("settings", data["settings"], 1, None, problems)
    settings.plan_type = plan_type
    year_start = default_year_start(settings.academic_year)
    lists = {
        key: [_record(key, v, n, year_start, problems) for n, v in enumerate(data.get(key, []), 2)] for key in LISTS
    }
    plan = model.Plan(
        source=f"base {plan_type}",
        settings=settings,
        introduction=_record("introduction", data["introduction"], 1, year_start, problems),
        sheets=tuple(sheet.name for sheet in SHEETS),
        **lists,
    )
    if problems or check_references(plan):
        raise AssertionError(f"the {plan_type} base plan does not read: {problems} {check_references(plan)}")
    link(plan)
    return plan


# -- the corpus -----------------------------------------------------------------------------------


def load_cases(path: Path = CASES_PATH) -> list[dict]:
    return tomllib.loads(path.read_text(encoding="utf-8"))["case"]


@lru_cache(maxsize=1)
def catalogue_codes() -> frozenset[str]:
    """The codes of the published catalogue (../shared/PLANNING_RULES.md), or none if it is not there."""
    if not CATALOGUE_PATH.exists():
        return frozenset()
    return frozenset(re.findall(r"^\|\s*([A-Z]{2}\d{3})\s*\|", CATALOGUE_PATH.read_text(encoding="utf-8"), re.M))


def known_codes() -> set[str]:
    return set(RULES) | set(catalogue_codes())


def _ignored(code: str) -> bool:
    """A new advisory code (info, not in the catalogue) does not count against a family's precision."""
    declared = RULES.get(code)
    return declared is not None and declared.severity is Severity.INFO and code not in catalogue_codes()


def family(code: str) -> str:
    return code[:2]


@dataclass
class Verdict:
    """How one case scored: per family TP/FP/FN, and the codes behind them."""

    case: dict
    got: frozenset[str]
    tp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fn: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    missed: list[str] = field(default_factory=list)
    unwanted: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.missed and not self.unwanted

    @property
    def families(self) -> set[str]:
        return {family(c) for c in named(self.case)}


def judge(case: dict, got: frozenset[str], problems: list[str] | None = None) -> Verdict:
    verdict = Verdict(case, got, problems=list(problems or ()))
    fire = list(case.get("fire", []))
    fire_any = list(case.get("fire_any", []))
    expected = {*fire, *fire_any}
    for code in fire:
        if code in got:
            verdict.tp[family(code)] += 1
        else:
            verdict.fn[family(code)] += 1
            verdict.missed.append(code)
    if fire_any:
        if got & set(fire_any):
            verdict.tp[family(fire_any[0])] += 1
        else:
            verdict.fn[family(fire_any[0])] += 1
            verdict.missed.append(" or ".join(fire_any))
    quiet = set(case.get("quiet", []))
    allowed = set(case.get("allow", []))
    families = verdict.families
    for code in sorted(got):
        if code in quiet or (
            family(code) in families and code not in expected and code not in allowed and not _ignored(code)
        ):
            verdict.fp[family(code)] += 1
            verdict.unwanted.append(code)
    return verdict


def judge_case(case: dict) -> Verdict:
    result = run_case_detail(case)
    return judge(case, result.codes, result.problems)


@dataclass
class Score:
    family: str
    cases: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def score(cases: list[dict]) -> tuple[dict[str, Score], list[Verdict]]:
    """Per family scores over ``cases`` (plus "all"), and every case's verdict."""
    verdicts = [judge_case(case) for case in cases]
    scores: dict[str, Score] = {}
    total = Score("all")
    for verdict in verdicts:
        for fam in verdict.families:
            scores.setdefault(fam, Score(fam)).cases += 1
        for attr in ("tp", "fp", "fn"):
            for fam, n in getattr(verdict, attr).items():
                entry = scores.setdefault(fam, Score(fam))
                setattr(entry, attr, getattr(entry, attr) + n)
                setattr(total, attr, getattr(total, attr) + n)
    total.cases = len(verdicts)
    ordered = dict(sorted(scores.items()))
    ordered["all"] = total
    return ordered, verdicts


def table(scores: dict[str, Score]) -> str:
    lines = [f"{'family':<7}{'cases':>6}{'TP':>5}{'FP':>5}{'FN':>5}{'precision':>11}{'recall':>8}"]
    for entry in scores.values():
        lines.append(
            f"{entry.family:<7}{entry.cases:>6}{entry.tp:>5}{entry.fp:>5}{entry.fn:>5}"
            f"{entry.precision:>11.0%}{entry.recall:>8.0%}"
        )
    return "\n".join(lines)


def describe(verdict: Verdict) -> str:
    case = verdict.case
    expected = ", ".join(case.get("fire", []) + ([" or ".join(case["fire_any"])] if case.get("fire_any") else []))
    lines = [
        f"{case['id']} (class {case.get('class')}): expected [{expected or '-'}], quiet "
        f"[{', '.join(case.get('quiet', [])) or '-'}], got [{', '.join(sorted(verdict.got)) or '-'}]"
    ]
    if verdict.missed:
        lines.append(f"    missed: {', '.join(verdict.missed)}")
    if verdict.unwanted:
        lines.append(f"    unwanted: {', '.join(verdict.unwanted)}")
    lines.append(f"    why: {case.get('why', '')}")
    return "\n".join(lines)
