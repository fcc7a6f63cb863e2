"""QA: monitoring, evaluation and review (guidance §18, §42-44; SIP article)."""

from __future__ import annotations

import re

from ..dates import MONTH_PATTERN, month_number, parse_date
from ..schema import PROCESS_EVALUATION, PROCESS_REVIEW, PROCESSES
from .registry import Hit, flag, listed, rule

_STAKEHOLDERS = re.compile(
    r"\b(?:views?|voice|surveys?|questionnaires?|interviews?|focus groups?|feedback|conversations?|"
    r"parents?|carers?|families|pupils'|trainees'|mentors'|staff views|evaluations? forms?|consultation|"
    r"discussions? with|meetings? with|panel)\b",
    re.I,
)
_SOURCE_SPLIT = re.compile(r"[,;+/\n]|\band\b|\bplus\b|\bas well as\b", re.I)
_EVERY = re.compile(
    r"\b(?:termly|half[- ]?termly|each term|every term|each half[- ]?term|every half[- "
    r"]?term|monthly|weekly|fortnightly|ongoing|regularly|three times|each review)\b",
    re.I,
)
_LATE = re.compile(
    r"\b(?:end of (?:the )?(?:academic )?year|year[- ]end|annually|annual|july|june|sum2|summer 2|end of summer)\b",
    re.I,
)
_TOKENS = re.compile(
    r"\b(?:aut(?:umn)?\s*[12]?|spr(?:ing)?\s*[12]?|sum(?:mer)?\s*[12]?|"
    + MONTH_PATTERN
    + r"|\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2})\b",
    re.I,
)


def checks_of(plan, priority, process=None):
    return [c for c in plan.checks if c.priority == priority.ref and (process is None or c.process == process)]


@rule("QA601", "monitoring, evaluation and review not separate", "warning", "guidance §42-43")
def not_separate(plan, ctx):
    """A priority does not set out monitoring, evaluation and review each separately.

    They are different processes: checking it happens, judging whether it works, and
    deciding what to change.

    Bad: P2 has one row, "Monitoring", covering everything.

    Good: P2 has three rows: Monitoring, Evaluation and Review, each with how, when, who and evidence.
    """
    for priority in plan.priorities:
        if not priority.ref:
            continue
        present = {c.process for c in checks_of(plan, priority)}
        missing = [p for p in PROCESSES if p not in present]
        if missing:
            rows = listed([f"a{'n' if m[0] in 'AEIOU' else ''} {m} row" for m in missing])
            yield Hit(
                priority,
                "ref",
                f"{priority.ref} does not set out its {listed([m.lower() for m in missing])} separately.",
                f"Add {rows} for {priority.ref} on the Monitoring sheet, each with how, when, who and evidence.",
            )


@rule("QA602", "incomplete monitoring arrangement", "warning", "guidance §43", each="checks", field="how")
def incomplete(check, ctx):
    """A monitoring, evaluation or review row is missing how, when, by whom, or the evidence.

    Bad: P1 Evaluation: How "Data analysis", When (blank), By whom (blank).

    Good: P1 Evaluation: How "Analysis of phonics assessments", When "Aut2, Spr2, Sum2",
    By whom "C&S", Evidence "tracker, pupil voice".
    """
    missing = [
        label
        for label, value in (
            ("how", check.how),
            ("when", check.when),
            ("by whom", check.who),
            ("evidence", check.evidence),
        )
        if not value
    ]
    if missing:
        field_name = {"how": "how", "when": "when", "by whom": "who", "evidence": "evidence"}[missing[0]]
        yield Hit(
            check,
            field_name,
            f"The {check.process.lower() or 'monitoring'} of {check.priority} does not say {listed(missing, 'or')}.",
            "Fill in how, when, by whom and the evidence used.",
            ref=check.priority,
        )


@rule("QA603", "checking your own work", "warning", "guidance §44")
def own_work(plan, ctx):
    """The person or group monitoring, evaluating or reviewing is one responsible for the actions.

    Bad: P3 Monitoring by AH, who owns most of P3's actions.

    Good: P3 Monitoring by the deputy head (DH) and the link governor, who own none of them.
    """
    owners: dict[str, set[str]] = {}
    for priority in plan.priorities:
        owners[priority.ref] = {i.casefold() for a in priority.every_action for i in a.owners}
    for check in plan.checks:
        own = [i for i in check.who if i.casefold() in owners.get(check.priority, set())]
        if own:
            yield Hit(
                check,
                "who",
                f"{listed(own)} {'is' if len(own) == 1 else 'are'} responsible for the "
                f"{check.process.lower()} of {check.priority}, "
                "but also own actions in it: they would be checking their own work.",
                "Give this to someone who does not own the actions, e.g. another leader, a governor or an "
                "external adviser.",
                ref=check.priority,
            )


@rule("QA604", "evidence from one source", "info", "guidance §44", each="checks", field="evidence")
def single_source(check, ctx):
    """The evidence comes from a single source, with no stakeholder views.

    Bad: Evidence: "Data".

    Good: Evidence: "Assessment data, book looks and pupil voice".
    """
    evidence = check.evidence.strip()
    if not evidence or _STAKEHOLDERS.search(evidence):
        return
    sources = [s for s in _SOURCE_SPLIT.split(evidence) if s.strip()]
    if len(sources) < 2:
        yield flag(
            f"The {check.process.lower() or 'monitoring'} of {check.priority} rests on one source: '{evidence}'.",
            ctx.say("Use the full range of evidence, including the views of {learners}, staff and parents."),
            ref=check.priority,
        )


def _points(text: str, year_start) -> list[int]:
    """Months (1-12) of the review points named in a When cell."""
    months = []
    for token in _TOKENS.findall(text):
        parsed = parse_date(token, year_start)
        if parsed is not None and parsed.dated:
            months.append(parsed.end.month)
            continue
        month = month_number(token) or month_number(token[:3])
        if month:
            months.append(month)
    return months


@rule("QA605", "review points badly timed", "warning", "guidance §18", each="checks", field="when")
def badly_timed(check, ctx):
    """Reviews are timed too early (before any evidence can exist) or too late (only at the end of the year).

    Too early, there is no evidence of impact; too late, there is no time to adjust.

    Bad: Review When: "End of year" (or only "July").

    Good: Review When: "Aut2, Spr2, Sum2" (December, March and June).
    """
    year_start = ctx.plan.settings.year_start.start if ctx.plan.settings.year_start else None
    if year_start is None:
        from ..dates import default_year_start

        year_start = default_year_start(ctx.plan.settings.academic_year)
    if check.process != PROCESS_REVIEW or not check.when or _EVERY.search(check.when):
        return
    months = _points(check.when, year_start)
    late = _LATE.search(check.when)
    if (months and all(m in (6, 7, 8) for m in months)) or (late and not months):
        yield flag(
            f"{check.priority} is reviewed only at the end of the year ('{check.when}'), too late to "
            "adjust what is not working.",
            "Add review points through the year, e.g. Aut2, Spr2 and Sum2.",
            ref=check.priority,
        )
    elif months and all(m in (9, 10) for m in months):
        yield flag(
            f"{check.priority} is reviewed only in the first weeks of the year ('{check.when}'), before "
            "there is evidence of impact.",
            "Spread review points through the year, e.g. Aut2, Spr2 and Sum2.",
            ref=check.priority,
        )


@rule("QA606", "no governor evaluation", "warning", "SIP article", each="priorities", field="link_governor")
def no_governor_evaluation(priority, ctx):
    """In a school plan, a priority has no governor evaluation mechanism (a committee or link governor).

    Governors hold leaders to account through a link governor or committee for each priority.

    Bad: P2 Link governor or committee: (blank), and no governor in its Evaluation row.

    Good: P2 Link governor or committee: C&S (Curriculum and standards committee).

    ITT: a partnership plan is not checked for this; its partnership board's part shows in
    the monitoring and evaluation rows (RS306 and QA603).
    """
    if ctx.is_itt:
        return
    if not priority.ref or priority.link_governor:
        return
    evaluations = checks_of(ctx.plan, priority, PROCESS_EVALUATION)
    if not any(ctx.is_governance(i) for c in evaluations for i in c.who):
        yield flag(
            f"{priority.ref} has no link governor or committee to evaluate it.",
            "Name the link governor or committee (listed on the Staff sheet) who will evaluate this priority.",
        )
