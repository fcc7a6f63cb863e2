"""Who acts: owners written in an action's text (AC205), a lead named in a preface (RS304), and
governors evaluating, written in a Monitoring row (RS306)."""

from __future__ import annotations

import re

from .common import _phrase_pattern, _strip_bullets, _words
from .lexicon import _PREPOSITIONS, ACTION_VERBS, OWNER_ROLES, _listed
from .timings import _TOKEN, strip_leading_timing

# -- Owners written in the action's text (AC205) ---------------------------------------------------

_ROLE = re.compile(
    # A role may be named for its year group or key stage: "Y4 HLTA", "KS2 lead", "Year 6 teachers".
    r"(?:(?:y|yr|year|ks|key\s+stage)\s*\d{1,2}\s+)?(?:"
    + _phrase_pattern(OWNER_ROLES)
    + r"|(?:[\w&/'’-]+\s+){1,2}?(?:leads?|leaders?|co-?ordinators?|teams?|managers?|directors?|officers?|"
    r"administrators?)" + r"|(?:year|yr|y)\s*\d+\s+(?:teachers?|teams?|staff|tas?))",
    re.I,
)
_INITIALS = re.compile(r"[A-Z][A-Za-z0-9&]{1,5}")
_OWNER_DETERMINER = re.compile(r"^(?:(?:the|our|all|each|every|their|a)\s+)+", re.I)
_OWNER_SEPARATOR = re.compile(r"\s*(?:/|,|&|\+|;|\band\b)\s*", re.I)
_QUALIFIER = re.compile(r"\s+(?:in|at|from|across|for|within)\s+.*$", re.I)
_BEFORE_COLON = re.compile(r"^(?P<who>[^:–—()]{1,50}?)\s*(?::|\s[–—-]|[–—])\s*\S")
_BEFORE_MODAL = re.compile(r"^(?P<who>.{1,60}?)\s+(?:will|shall|should|must|is\s+to|are\s+to|to)\s+[a-z]", re.I)
_AGENT = re.compile(
    r"\b(?:led|run|delivered|organised|organized|co-?ordinated|overseen|chaired|facilitated|taught|modell?ed|"
    r"completed|carried\s+out|done|provided|managed|monitored|planned|written|conducted|undertaken|supported|"
    r"arranged|given|checked|reviewed|presented|hosted|owned|tracked|coached|moderated|observed|quality[- ]assured)"
    r"\s+(?:jointly\s+|directly\s+)?by\s+(?P<who>[^.;()]{1,60})"
    r"|\b(?:support|help|input|coaching|guidance|advice|challenge|training|modelling|visits?)\s+"
    r"(?:[\w'’-]+\s+){0,3}?from\s+(?P<helper>[^.;()]{1,60})"
    r"|(?<!attended )(?<!used )(?<!read )(?<!seen )(?<!heard )(?<!taken )(?<!received )(?<!funded )"
    r"(?<!covered )(?<!followed )\bby\s+(?P<agent>[^.;()]{1,60})"
    r"|\b(?:owners?|responsible|who|leads?|led\s+by)\s*:\s*(?P<named>[^.;()]{1,60})",
    re.I,
)
_BRACKETED = re.compile(r"\((?P<who>[^()]{1,50})\)")
_CLOSING_ROLE = re.compile(r",\s*(?P<who>[A-Za-z][\w&'’ -]{1,30}?)\.?\s*$")
_LABELLED_NAME = re.compile(
    r"(?:^|[–—,;(]|\s-)\s*(?i:owners?|lead|responsible|led\s+by)\s*[:\-–]?\s*"
    r"(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+)?[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)?\s*\)?\s*$"
)
_TRAILING = re.compile(r"\s[–—-]\s*(?P<who>[^–—-]{1,40})$")
_VERBS = frozenset(ACTION_VERBS)


# A person by first name and surname, to look up on the Staff sheet: "Jo Hart".
_FULL_NAME = re.compile(r"[A-Z][a-z'’-]+(?:\s+[A-Z][\w'’-]+){1,2}")
# A first name alone, to look up on the Staff sheet: "Sunil".
_FIRST_NAME = re.compile(r"[A-Z][a-z'’-]{2,}(?:\s+[A-Z]\.?)?")  # "Sunil", "Tom B."
# A person by title and surname: "Mrs Patel", "Mr O'Neill", "Dr Chen-Ward".
_TITLED = re.compile(r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?")


def _is_owner(part: str, known) -> bool:
    part = _OWNER_DETERMINER.sub("", part.strip(" .:;()[]'’"))
    if not part:
        return False
    if _ROLE.fullmatch(part) or _TITLED.fullmatch(part):
        return True
    if known is not None and (_FULL_NAME.fullmatch(part) or _FIRST_NAME.fullmatch(part)) and known(part):
        return True  # "Jo Hart to re-plan ...", "Sunil hosting ...": someone on the Staff sheet, by name
    return known is not None and bool(_INITIALS.fullmatch(part)) and bool(known(part))


def _all_owners(text: str, known) -> bool:
    parts = [p for p in _OWNER_SEPARATOR.split(text) if p.strip()]
    return bool(parts) and all(_is_owner(p, known) for p in parts)


def _owners_lead(text: str, known) -> bool:
    """True when the text begins with owners: 'the SENCo and HT, with ...', 'the partnership tutor when ...'."""
    words = text.split()[:8]
    return any(_all_owners(" ".join(words[:n]), known) for n in range(len(words), 0, -1))


def _is_verb(word: str) -> bool:
    w = re.sub(r"^(?:co|re|pre)-", "", word.casefold())  # "co-plan", "re-write", "pre-teach"
    return w in _VERBS or (w.endswith("s") and w[:-1] in _VERBS) or (w.endswith("es") and w[:-2] in _VERBS)


def _owner_as_subject(text: str, known) -> bool:
    """'DH to run ...', 'SENCo: audit ...', 'Attendance officer phones ...', 'Mentors in each school hold ...'."""
    for pattern in (_BEFORE_COLON, _BEFORE_MODAL):
        match = pattern.match(text)
        if not match:
            continue
        who = _BRACKETED.sub(" ", match["who"]).strip()  # "Mrs Patel (Y6) to run ...": the class in brackets
        if _all_owners(who, known) or _all_owners(_QUALIFIER.sub("", who), known):
            return True
    words = text.split()
    for size in range(1, min(4, len(words) - 1) + 1):
        if not _all_owners(" ".join(words[:size]), known):
            continue
        rest = words[size : size + 7]
        if _is_verb(rest[0]) or (rest[0].casefold() in _PREPOSITIONS and any(_is_verb(w) for w in rest[1:])):
            return True
    return False


def names_owner(text: str, known=None) -> bool:
    """True when an action's text says who will do it (initials ``known`` accepts, or a role).

    As the subject ("DH to run ...", "SENCo: audit ..."), as the agent ("led by the SENCo and HT",
    "support from the partnership tutor"), in brackets ("(maths lead)") or after a closing dash.
    A role that is only the object or beneficiary ("Train TAs ...", "for the SENCo's groups") does not count.
    """
    text = _strip_bullets(text)
    if _owner_as_subject(text, known) or _owner_as_subject(strip_leading_timing(text), known):
        return True
    for match in _AGENT.finditer(text):
        if _owners_lead(match["who"] or match["helper"] or match["agent"] or match["named"], known):
            return True
    if any(any(_is_owner(p, known) for p in _OWNER_SEPARATOR.split(m["who"])) for m in _BRACKETED.finditer(text)):
        return True
    closing = _CLOSING_ROLE.search(text)
    if closing and _is_owner(closing["who"], known):
        return True  # "From Jan, run weekly Lego therapy for 4 Y7 pupils, SENCo"
    if _LABELLED_NAME.search(text):
        return True  # "... – owner Ben Carver": labelled as the owner, so a name, listed or not
    trailing = _TRAILING.search(text)
    return bool(trailing) and _owners_lead(trailing["who"], known)  # "- Sunil hosting at Brackley Vale"


# An owner or a name not yet known: "TBC", "tbc (new AHT)", "Vacancy", "New AHT (to be appointed)".
_NOT_APPOINTED = re.compile(
    r"\s*(?:(?:tb[acd]|to\s+be\s+(?:confirmed|appointed|agreed|decided|recruited)|vacan(?:t|cy)|not\s+yet\s+appointed)"
    r"\b.*|.*\(\s*(?:vacant|vacancy|to\s+be\s+(?:appointed|recruited))\s*\)\s*)",
    re.I,
)


def not_appointed(text: str) -> bool:
    """True when an owner or a Staff name says nobody is in post yet ("tbc (new AHT)", "Vacancy")."""
    return bool(text) and bool(_NOT_APPOINTED.fullmatch(text))


# Initials written as who acts at the start of an action's text: "DH and RW to observe ...". Not the
# subject of a passive ("PE to be taught twice a week"), which names a subject, not a person.
_INITIALS_WORD = r"(?:[A-Z]{2,4}|[A-Z][a-z]?[A-Z][A-Za-z]?)"  # "WT", "SLT", "HoS", "DoL"
_ACTING_INITIALS = re.compile(
    rf"^\s*(?P<who>{_INITIALS_WORD}(?:\s*(?:,|and|&|/)\s*{_INITIALS_WORD})*)\s+(?:to|will)\s+"
    r"(?!be\b|reduce\b|rise\b|fall\b|improve\b|increase\b|decrease\b|drop\b|grow\b|reach\b|exceed\b|narrow\b)[a-z]"
    # ... or named as the lead in a label: "Lead: TW. Set up ..."
    rf"|^\s*(?i:lead|owner|who|responsible)\s*:\s*(?P<led>{_INITIALS_WORD}(?:\s*(?:,|and|&|/)\s*{_INITIALS_WORD})*)\b"
)


# Initials closing the action after a dash or a slash, as plans often sign off a row: "... - KP", "... / VP".
_TRAILING_INITIALS = re.compile(
    rf"\s(?:[–—/-]|--)\s*(?P<who>{_INITIALS_WORD}(?:\s*(?:,|and|&|/)\s*{_INITIALS_WORD})*)"
    # ... and perhaps when: "... - AL, Jan-Feb", "... - JW by 17 Oct"
    r"(?:\s*,\s*[A-Z][a-z]{2,8}(?:\s*[-–]\s*[A-Z][a-z]{2,8})?(?:\s+\d{2,4})?"
    r"|\s+(?:by|before|from|in|w/c)\s+[\w/ ]{1,15}?)?\.?\s*$"
)


def trailing_initials(text: str) -> str | None:
    """The initials an action's text ends with after a dash or slash ("... twilight - KP": "KP"), known or not."""
    match = _TRAILING_INITIALS.search(text or "")
    return match["who"] if match else None


def acting_initials(text: str) -> str | None:
    """The initials an action's text opens with as who acts ("JB to run ...": "JB"), known or not."""
    match = _ACTING_INITIALS.match(text or "")
    return (match["who"] or match["led"]) if match else None


# -- A lead named in a priority's preface (RS304) ------------------------------------------------

# Only a statement about the priority itself, opening a sentence or a bracket: "Led by the headteacher ...",
# "This priority is led by DH", "Lead: SENCo", "Y11 maths intervention (lead: ML)". Not "Learning walks
# led by the DH found ...".
_LEAD_STATED = re.compile(
    r"(?:^|[.;!?]\s+|\n|\()\s*(?:(?:this|the|our)\s+(?:priority|work)\s+(?:is|will\s+be)\s+)?(?:co-?)?led\s+"
    r"(?:jointly\s+)?by\s+(?P<who>[^.;()\n]{1,60})"
    r"|(?:^|[.;!?]\s+|\n|\()\s*(?:priority\s+)?lead(?:er)?s?\s*:\s*(?P<named>[^.;()\n]{1,60})",
    re.I,
)


def states_lead(text: str, known=None) -> bool:
    """True when a preface says who leads the priority: "Led by the headteacher with ...", "Lead: DH".

    The lead must be a role or initials ``known`` accepts, named straight after "led by" or "Lead:".
    """
    return any(_owners_lead(m["who"] or m["named"], known) for m in _LEAD_STATED.finditer(text or ""))


# -- Governors evaluating, written in a Monitoring or Evaluation row's "How" (RS306) --------------

# By whom names who does the work; the How text counts only where it hands the result to governors,
# a governors' committee or the board, who then weigh it: "HT reports progress to the curriculum and
# standards committee, which questions it", "Scrutiny of the SEND report by the full governing board".
_GOVERNANCE = (
    r"(?:the\s+|each\s+|every\s+|a\s+|our\s+)?(?:(?:link|parent|foundation|staff|co-opted)\s+)?governors?(?:['’]s?)?"
    r"(?:\s+(?:[\w&'’-]+\s+){0,3}?(?:committee|meetings?))?"
    r"|(?:the\s+|each\s+|every\s+)?(?:chair\s+of\s+governors|governing\s+(?:board|body)|board\s+of\s+(?:governors|trustees)"
    r"|(?:full|trust|local)\s+(?:governing\s+)?board|trustees|fgb|lgb|lgc)(?:\s+meetings?)?"
    r"|(?:the\s+|each\s+|every\s+)?(?:[\w&'’-]+\s+){0,4}?committee(?:\s+meetings?)?"
)
_TO_GOVERNANCE = re.compile(
    r"\b(?:reports?|reported|reporting|presents?|presented|presenting|shares?|shared|sharing|submits?|submitted|"
    r"feeds?\s+back|fed\s+back|accounts?|accountable)\b[^.;]{0,80}?\bto\s+(?P<who>" + _GOVERNANCE + r")\b",
    re.I,
)
_GOVERNANCE_WEIGHS = re.compile(
    r"\b(?P<who>" + _GOVERNANCE + r")(?:\s*,?\s+(?:which|who|then))?\s+(?:scrutin|question|challeng|"
    r"evaluat|quiz|prob|hold\w*\s+(?:\S+\s+){0,3}?to\s+account)\w*"
    r"|\b(?:scrutiny|challenge|questioning|evaluation)\s+(?:[\w'’-]+\s+){0,5}?by\s+(?P<by>" + _GOVERNANCE + r")\b",
    re.I,
)
# Committees that are not the board's: "the pupil wellbeing committee", "the PTA committee".
_NOT_GOVERNANCE = frozenset(
    _listed("pupil, pupils, pupils', student, students, eco, parent, parents, pta, friends, staff, children, school's")
)
_NEGATED = re.compile(r"\b(?:no|not|without|nor|never)\s+(?:\S+\s+){0,3}$", re.I)


def governors_evaluate(text: str, is_governance=None) -> bool:
    """True when the How text hands the work to governors to weigh: a report to them, or their scrutiny of it.

    ``is_governance`` says whether a word is the initials of a governor or committee on the Staff sheet,
    as in "Report to C&S each term".
    """
    text = text or ""
    for pattern in (_TO_GOVERNANCE, _GOVERNANCE_WEIGHS):
        for match in pattern.finditer(text):
            who = match["who"] or match["by"] or ""
            if _NEGATED.search(text[: match.start()]):
                continue
            if re.search(r"committee", who, re.I) and not _NOT_GOVERNANCE.isdisjoint(_words(who)):
                continue
            return True
    if is_governance is None:
        return False
    words = [t.strip(".,;:'’") for t in _TOKEN.findall(text)]
    for i, word in enumerate(words):
        if is_governance(word):
            after = words[i + 1] if i + 1 < len(words) else ""
            if (i and words[i - 1].casefold() == "to") or re.match(r"(?:scrutin|question|challeng)", after, re.I):
                return True  # "Report to C&S each term", "C&S scrutinise the report"
    return False
