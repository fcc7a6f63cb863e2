"""Success written as something done (SC505) or delivered once (SC507): "All mentors attend
training", "New tracker in place by January", "Phonics lead has observed every teacher twice".

A completion word is context, not the criterion, where another verb says what changed as a result.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .clauses import _CHANGE_WORD, _possessive, _tokens, _verbs, criterion_kind
from .common import _phrase_pattern
from .measures import (
    _AUXILIARIES,
    _COMPLETED,
    _DETERMINERS,
    _DONE_TO,
    _PERCENT,
    _TRAINEE_SET,
    FAMILIES,
    LEARNERS,
    OUTCOME,
    OUTCOME_PARTICIPLES,
    PROGRAMME_WORDS,
    PROVIDERS,
    TAKING_PART,
    VERDICTS,
    _any_of,
    _may_complete,
    names_a_measure,
)
from .quantities import AGE_GROUP

# -- Patterns ----------------------------------------------------------------------------------

# Possessing a thing: "Every class has a reading corner" is provision put in place, not its impact.
_HAS_A_THING = re.compile(
    r"\b(?:has|have)\s+(?:a|an|its\s+own|their\s+own|a\s+new|an\s+up-to-date)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:corner|area|library|display|board|space|room|handbook|policy|plan|tracker|folder|profile|passport|"
    r"timetable|kit|box|set|page|login|account|statement|map|overview|register|log)s?\b",
    re.I,
)
_VERDICT = _any_of(VERDICTS)
_TAKING_PART = _any_of(TAKING_PART)
_OUTCOME_PARTICIPLES = frozenset(OUTCOME_PARTICIPLES)
_RELATIVE_BEFORE = re.compile(r"\b(?:who|that|which|whose)\s+(?:\S+\s+){0,2}$", re.I)
_SUBORDINATE_BEFORE = re.compile(r"\b(?:after|following|once|when|since|now\s+that|as\s+soon\s+as|if)\b[^,;:]*$", re.I)
_LEARNER_AGENT = re.compile(
    r"^\s*(?:\S+\s+){0,6}?by\s+(?:at\s+least\s+|over\s+|more\s+than\s+)?(?:\S+\s+of\s+|all\s+|most\s+|every\s+)?"
    rf"(?:the\s+|their\s+)?(?:\S+\s+){{0,2}}(?:{_phrase_pattern(LEARNERS + FAMILIES)})\b",
    re.I,
)
_PROGRAMME_OBJECT = re.compile(rf"^\s*(?:the\s+|their\s+)?(?:\S+\s+)?(?:{_phrase_pattern(PROGRAMME_WORDS)})\b", re.I)
_LEARNERS_AND_FAMILIES = frozenset(LEARNERS + FAMILIES)

# A time limit: "within 4 weeks", "within 5 school days of admission".
_WITHIN_A_TIME = re.compile(
    r"\bwithin\s+(?:\d+|one|two|three|four|five|ten)\s+(?:school\s+|working\s+)?(?:days?|weeks?|hours?|months?)\b", re.I
)

# A frequency owed to each: "at least 2 observations a month".
_AT_LEAST_EACH = re.compile(
    r"\bat\s+least\s+\d+\s+[\w-]+(?:\s+[\w-]+)?\s+(?:a|per|each)\s+(?:day|week|month|term|half[- ]term)\b", re.I
)

# -- Completed actions (SC505) and deliverables (SC507) ------------------------------------------


def _has_outcome_verb(text: str, skip: tuple[int, int]) -> bool:
    """True when, outside the completion phrase at ``skip``, a finite verb or an outcome
    participle says what changed ("... are borrowed by 80% of pupils", "... and 90% use it")."""
    head = _tokens(text[: skip[0]])
    tokens = head + _tokens(" , " + text[skip[1] :])
    if any(t in _OUTCOME_PARTICIPLES for t in tokens):
        return True
    for i in _verbs(tokens):
        word = tokens[i]
        if word in _AUXILIARIES or _TAKING_PART.fullmatch(word):
            continue
        if i == len(head) - 1 and word.endswith("s") and len(head) > 1:
            continue  # "Attendance records migrated ...": the plural noun before the participle is its subject
        before = tokens[i - 1] if i else ""
        if before == "to" and (i < 2 or tokens[i - 2] != "able"):
            continue  # "trained to deliver the scheme": a purpose, not a result
        return True
    return False


# "Undertake their role", "duties carried out": doing a job, not completing an action (guidance §38
# gives "Mentors undertake their role effectively" as subjective wording, not as a completed action).
_DOING_A_JOB = frozenset(("undertake", "undertakes", "undertaken", "carried out"))
_ROLE_AFTER = re.compile(
    r"^\s*(?:(?:their|his|her|its|the|our|your|this|that|a|an|each|every)\s+)?(?:[\w'’-]+\s+){0,2}?"
    r"(?:roles?|duties|duty|responsibilities|responsibility|jobs?|functions?)\b",
    re.I,
)
_ROLE_BEFORE = re.compile(
    r"\b(?:roles?|duties|duty|responsibilities|responsibility|jobs?|functions?)\s+(?:(?:is|are|was|were|being|been|"
    r"fully|well|effectively|consistently)\s+)*$",
    re.I,
)


# A year group named as the learners: "Three quarters of Y10 complete their homework".
_YEAR_GROUP_TOKEN = re.compile(r"\b(?:Y|Yr|Year)\s?\d{1,2}\b|\b(?:reception|nursery|sixth\s+form|post-16)\b", re.I)


def _is_context(text: str, match: re.Match) -> bool:
    """True when a completion word describes, rather than states, what succeeded."""
    before, after = text[: match.start()], text[match.end() :]
    if " ".join(match.group(0).casefold().split()) in _DOING_A_JOB and (
        _ROLE_AFTER.match(after) or _ROLE_BEFORE.search(before)
    ):
        return True  # "Mentors undertake their role ...", "Safeguarding duties carried out ...": a job done
    previous = (_tokens(before)[-1:] or [""])[0]
    if previous in _DETERMINERS or previous.isdigit() or previous in ("newly", "recently") or _possessive(previous):
        return True  # "the agreed policy", "of timetabled sessions", "5 agreed strategies", "mentors' written feedback"
    if _RELATIVE_BEFORE.search(before) or _SUBORDINATE_BEFORE.search(before):
        return True  # "mentors who attended training ...", "Once the scheme is launched, ..."
    if _LEARNER_AGENT.match(after):
        return True  # "homework completed by 90% of pupils": what pupils do is an outcome
    if re.match(r"\s+(?:effectively|well|consistently|with\s+fidelity|to\s+(?:a|the)\s+\w+\s+standard)\b", after, re.I):
        return True  # "90% of sessions are delivered effectively": how well, not whether, it was done
    if re.search(r"\b(?:well|badly|poorly|effectively|clearly|carefully)\s+$", before, re.I):
        return True  # "lessons are well organised": a quality judged, not a task done
    if re.match(r"\s+(?:rated|judged|graded|assessed|scored|shows?|showed|include|includes|meets?)\b", after, re.I):
        return True  # "80% of lessons visited rated 'strong'": which lessons, then what they show
    if re.search(r"\b(?:fewer|more|less)\s+(?:[\w'’-]+\s+){1,3}$", before, re.I):
        return True  # "Fewer behaviour points issued": a count that should change, not a task
    if re.match(r"\s+of\b", after) and match.group(0).casefold().startswith("sent"):
        return True  # "Fewer students are sent out of lessons": removed from class, not an action done
    moved = match.group(0).casefold().split()[0] in ("moved", "migrated", "transferred", "switched")
    if moved and previous in _DONE_TO:
        return True  # "40% of pupils moved to ARE": learners' progress, not a system moved
    if _TAKING_PART.fullmatch(match.group(0)):
        subject = set(_tokens(before))
        year_group = (_YEAR_GROUP_TOKEN.search(before) or re.search(AGE_GROUP, before, re.I)) and subject.isdisjoint(
            PROVIDERS
        )  # "Three quarters of Y10 attend", "9 of the 11 funded 2YOs attend"
        if not subject.isdisjoint(_LEARNERS_AND_FAMILIES) or year_group:
            return True  # "95% of pupils attend", "parents attend the workshops": engagement
        if subject & _TRAINEE_SET and _PROGRAMME_OBJECT.match(after):
            return True  # "96% of trainees complete the course": an ITT outcome
    return False


@lru_cache(maxsize=8192)
def completed_action(text: str) -> bool:
    """True when a criterion counts an action done ("All mentors attend training", "New tracker
    in place by January") and no other verb in it says what changed as a result."""
    if (_WITHIN_A_TIME.search(text) or _AT_LEAST_EACH.search(text)) and _PERCENT.search(text):
        return False  # "... shared within 4 weeks for 95% of children": how often on time, a measure
    if _HAS_A_THING.search(text) and not _has_outcome_verb(text, _HAS_A_THING.search(text).span()):
        return True
    done = _PROVIDERS_DONE.match(text)
    if done and (
        _has_outcome_verb(text, done.span()) or _CHANGE_WORD.search(text, done.end()) or _PERCENT.search(text)
    ):
        done = None  # "Mentors have observed improved questioning in 80% of lessons": what they saw
    if _PROVIDERS_COUNT.match(text) or done:
        return True  # "Governors carry out three learning walks of RE": the tasks counted, not what they found
    if _ON_A_SCHEDULE.match(text) and not names_a_measure(text):
        return True  # "Link governor visits termly and reports back to FGB": the work done, on a timetable
    if not _may_complete(text):
        return False
    for pattern in (_COMPLETED, _TAKING_PART):
        for match in pattern.finditer(text):
            if not _is_context(text, match):
                return not _has_outcome_verb(text, match.span())
    return False


# Those who provide, opening the criterion as its subject: "The phonics lead ...", "All mentors ...".
_PROVIDERS_FIRST = (
    r"^\s*(?:(?:the|our|each|every|all)\s+)?(?:[\w'’-]+\s+){0,2}?(?:" + _phrase_pattern(PROVIDERS) + r")\s+"
)


# Those who provide, doing their part on a timetable: monitoring done, not its impact.
_ON_A_SCHEDULE = re.compile(
    _PROVIDERS_FIRST
    + r"(?:visits?|reports?|meets?|observes?|monitors?|checks?|reviews?|attends?|holds?|runs?|leads?|receives?)\s+"
    r"(?:[\w'’-]+\s+){0,4}?(?:termly|half[- ]termly|weekly|fortnightly|monthly|each\s+(?:term|half[- ]term|week|month)|"
    r"every\s+(?:term|half[- ]term|week|month)|regularly)\b",
    re.I,
)


# Those who provide, counted doing a task: "Governors carry out three learning walks of RE".
_PROVIDERS_COUNT = re.compile(
    _PROVIDERS_FIRST
    + r"(?:carry\s+out|complete|conduct|make|hold|undertake)\s+(?:\d+|two|three|four|five|six|ten|twelve)\s+"
    r"(?:[\w'’-]+\s+){0,2}?(?:walks?|visits?|observations?|audits?|scrutin(?:y|ies)|reviews?|meetings?|book\s+looks?)\b",
    re.I,
)

# Those who provide, with their monitoring done: "Phonics lead has observed every teacher twice".
_PROVIDERS_DONE = re.compile(
    _PROVIDERS_FIRST + r"(?:has|have)\s+(?:now\s+|all\s+)?(?:observed|visited|monitored|checked|met\s+with|scrutinised|"
    r"quality[- ]assured|coached|seen)\b",
    re.I,
)


def is_deliverable(text: str) -> bool:
    """True for a one-off deliverable ("Policy published on the website by October", "Single
    central record passes the audit"): it is done or not, so it has no baseline to start from.
    What learners pass ("Pupils pass the phonics check") is an outcome, not a deliverable."""
    if names_a_measure(text):
        return False
    return completed_action(text) or bool(_VERDICT.search(text) and criterion_kind(text) != OUTCOME)
