"""Language heuristics shared by the rules: vague verbs, bland costs, unmeasured criteria ...

Each function answers one question about one piece of plan text. They err towards silence:
a false alarm costs more trust than a miss, so each is tested with statements it must flag
and near-misses it must not (tests/cases/language.toml).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..dates import MONTH_PATTERN

# Verbs that name an aspiration rather than a deed (guidance §27). Users add more in Settings.
VAGUE_VERBS = (
    "ensure",
    "make sure",
    "improve",
    "raise",
    "develop",
    "further develop",
    "promote",
    "support",
    "encourage",
    "enhance",
    "strengthen",
    "embed",
    "work towards",
    "work to",
    "strive",
    "aim to",
    "seek to",
    "foster",
    "boost",
    "continue to",
    "continue",
    "try to",
    "endeavour",
    "look to",
    "focus on",
    "address",
)
# Words that, on their own, make a resource statement bland (guidance §35). Users add more.
BLAND_RESOURCE_WORDS = (
    "time",
    "staff",
    "travel",
    "costs",
    "cost",
    "material",
    "materials",
    "resources",
    "resource",
    "tbc",
    "tba",
    "tbd",
    "supply",
    "cover",
    "training",
    "release",
    "budget",
    "various",
    "printing",
    "photocopying",
    "admin",
    "stationery",
    "meeting",
    "meetings",
    "expenses",
    "some",
    "as",
    "required",
    "needed",
    "and",
    "&",
    "of",
    "for",
    "the",
    "n/a",
    "na",
    "general",
    "misc",
    "miscellaneous",
    "cpd",
    "leadership",
    "teacher",
    "teachers",
    "ta",
    "tas",
    "hours",
    "days",
    "funding",
    "to",
    "be",
    "confirmed",
    "agreed",
    "other",
    "additional",
    "extra",
    "possible",
    "release",
    "costings",
    "consumables",
    # roles whose time is named without saying how much of it
    "senco",
    "sendco",
    "head",
    "headteacher",
    "deputy",
    "slt",
    "leader",
    "leaders",
    "lead",
    "leads",
    "mentor",
    "mentors",
    "governor",
    "governors",
    "office",
    "subject",
    "coordinator",
    "manager",
    # sizes that are not quantities
    "minimal",
    "small",
    "low",
    "limited",
    "nominal",
    "minor",
    "some",
    "usual",
    "normal",
    "existing",
)
NUMBER_WORDS = (
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "fifteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "half",
    "third",
    "thirds",
    "quarter",
    "quarters",
    "twice",
    "double",
    "single",
    "once",
    "dozen",
    "zero",
)
QUANTIFIERS = (
    "all",
    "every",
    "each",
    "no",
    "none",
    "majority",
    "minority",
    "most",
    "fewer",
    "proportion",
    "per cent",
    "percent",
    "percentage",
    "rate",
    "ratio",
    "number of",
    "score",
    "scores",
    "average",
)
SUBJECTIVE = (
    "effectively",
    "effective",
    "well",
    "strong",
    "strongly",
    "good",
    "better",
    "high quality",
    "high-quality",
    "confident",
    "confidently",
    "outstanding",
    "excellent",
    "consistent",
    "consistently",
    "robust",
    "secure",
    "appropriate",
    "appropriately",
    "successful",
    "successfully",
    "rich",
    "purposeful",
    "engaging",
    "positive",
    "improved",
    "enhanced",
    "clear",
    "clearly",
    "meaningful",
    "sufficient",
    "confidence",
    "quality",
)
# Subjects that may open an action before its verb: "Staff will ...", "SLT to ...".
_SUBJECT_WORDS = {
    "we",
    "staff",
    "all",
    "the",
    "teachers",
    "leaders",
    "each",
    "every",
    "our",
    "governors",
    "mentors",
    "tas",
    "subject",
    "class",
    "senior",
    "middle",
    "phase",
    "school",
    "partnership",
    "trainees",
    "headteacher",
    "head",
    "deputy",
    "senco",
    "english",
    "maths",
    "reading",
    "writing",
    "science",
    "support",
    "teaching",
    "year",
    "key",
    "lead",
    "leads",
    "ks1",
    "ks2",
    "eyfs",
    "sendco",
    "dsl",
    "team",
    "slt",
    "pastoral",
    "attendance",
    "office",
    "business",
    "manager",
    "link",
    "governor",
}
_BULLET = re.compile(r"^\s*(?:[-•*·–]+|\(?\d+[.)]|\(?[a-z][.)]|\d+\.\d+(?:\.\d+)*)\s*", re.I)
_MODAL = re.compile(r"^(?P<subject>(?:[\w'’&/-]+\s+){0,5}?)(?:will|shall|should|must|are to|is to|to)\s+", re.I)
_INITIALS_SUBJECT = re.compile(r"^[A-Z]{2,5}(?:\s*(?:,|and|&|/)\s*[A-Z]{2,5})*\s+(?:to|will)\s+")

_DIGIT = re.compile(r"\d")


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9&/'’-]+", text.casefold())


def leading_verb_phrase(action: str) -> str:
    """The action with bullets, numbering and an opening subject ("Staff will") removed."""
    text = _BULLET.sub("", action.strip())
    text = _BULLET.sub("", text)
    match = _INITIALS_SUBJECT.match(text)
    if match:
        return text[match.end() :]
    match = _MODAL.match(text)
    if match:
        subject = match.group("subject").split()
        if not subject or subject[0].casefold().strip("'’") in _SUBJECT_WORDS:
            return text[match.end() :]
    return text


@lru_cache(maxsize=64)
def _vague_pattern(extra: tuple[str, ...]) -> re.Pattern:
    verbs = sorted({*VAGUE_VERBS, *(v.casefold().strip() for v in extra if v.strip())}, key=len, reverse=True)
    return re.compile(
        r"(?:to|also|then|further|actively|continually|continuously)?\s*("
        + "|".join(re.escape(v) for v in verbs)
        + r")s?\b"
    )


def vague_verb(action: str, extra: tuple[str, ...] = ()) -> str | None:
    """The vague verb an action opens with ("ensure", "make sure" ...), or None."""
    phrase = leading_verb_phrase(action).casefold().lstrip()
    match = _vague_pattern(tuple(extra)).match(phrase)
    if not match:
        return None
    verb = match.group(1)
    rest = phrase[match.start(1) :]
    if verb == "support" and re.match(r"supports?\s+(?:staff|assistants?)\b", rest):
        return None  # "Support staff run ..." names people, not an aim
    if verb == "address" and re.match(r"address(?:es)?\s+(?:list|book|labels?)\b", rest):
        return None
    if verb == "develop" and re.match(r"develops?\s+(?:a|an|new|two|three|\d+)\b", rest):
        return None  # "Develop a tracker" makes a thing; "develop reading" names an aim
    return verb


def has_quantity(text: str) -> bool:
    """True when the text names a figure: a digit or a number word (two, half, a third ...)."""
    if _DIGIT.search(text):
        return True
    words = set(_words(text))
    return any(word in words for word in NUMBER_WORDS)


def is_no_cost(text: str) -> bool:
    """'No cost', 'Nil', 'Free: within PPA time' ... state clearly that there is no cost."""
    return bool(
        re.match(
            r"^\s*(?:no\s+(?:additional\s+|extra\s+|financial\s+)?costs?|nil|none|free|£?0(?:\.00)?\b|zero\s+cost)",
            text,
            re.I,
        )
    )


def bland_resource(text: str, extra: tuple[str, ...] = ()) -> bool:
    """True for resource statements with no specific quantity: 'Time', 'Travel costs', 'TBC'."""
    if not text.strip() or is_no_cost(text) or has_quantity(text):
        return False
    extra_phrases = [e.casefold().strip() for e in extra if e.strip()]
    lowered = " ".join(_words(text))
    if any(lowered == phrase for phrase in extra_phrases):
        return True
    for phrase in extra_phrases:
        lowered = lowered.replace(phrase, " ")
    bland = set(BLAND_RESOURCE_WORDS)
    remaining = [w for w in lowered.split() if w not in bland]
    return not remaining


def is_measured(*texts: str) -> bool:
    """True when any of the texts names a figure (a digit, a number word or a percentage)."""
    return any(has_quantity(t) for t in texts if t)


def has_quantifier(text: str) -> bool:
    lowered = " " + " ".join(_words(text)) + " "
    return any(f" {q} " in lowered for q in QUANTIFIERS)


def subjective_words(text: str) -> list[str]:
    """The generalised, subjective words in a criterion ('effectively', 'well', 'strong' ...)."""
    lowered = " " + " ".join(_words(text)) + " "
    found = [w for w in SUBJECTIVE if f" {w} " in lowered]
    return found


# Verbs (base and third-person forms) that make a clause of a criterion, for SC504.
_CLAUSE_VERBS = {
    "benefit",
    "set",
    "support",
    "attend",
    "plan",
    "mark",
    "improve",
    "fall",
    "rise",
    "grow",
    "enjoy",
    "read",
    "write",
    "use",
    "make",
    "achieve",
    "reach",
    "increase",
    "decrease",
    "feel",
    "show",
    "demonstrate",
    "know",
    "understand",
    "deliver",
    "teach",
    "receive",
    "complete",
    "become",
    "are",
    "is",
    "have",
    "has",
    "gain",
    "apply",
    "engage",
    "behave",
    "participate",
    "take",
    "give",
    "provide",
    "narrow",
    "close",
    "reduce",
    "speak",
    "talk",
    "explain",
    "choose",
    "attain",
    "progress",
    "learn",
    "access",
    "develop",
    "respond",
    "feedback",
    "observe",
    "lead",
    "monitor",
    "evaluate",
    "work",
    "contribute",
    "say",
    "report",
    "rate",
    "score",
    "borrow",
    "share",
    "model",
    "adapt",
    "identify",
    "communicate",
    "ask",
    "answer",
    "manage",
    "visit",
    "record",
    "track",
    "assess",
    "halve",
    "double",
    "treble",
    "triple",
    "drop",
    "climb",
    "enunciate",
    "sustain",
    "keep",
}


def _is_clause_verb(word: str) -> bool:
    w = word.casefold()
    if w in _CLAUSE_VERBS:
        return True
    if w.endswith("ies") and w[:-3] + "y" in _CLAUSE_VERBS:
        return True
    if w.endswith("es") and w[:-2] in _CLAUSE_VERBS:
        return True
    return w.endswith("s") and w[:-1] in _CLAUSE_VERBS


def _has_verb(segment: str) -> bool:
    return any(_is_clause_verb(w) for w in _words(segment))


def _starts_with_verb(segment: str) -> bool:
    words = _words(segment)
    return bool(words) and _is_clause_verb(words[0])


def merged_criteria(text: str) -> bool:
    """True when one criterion strings several together (guidance §38).

    'Mentors benefit from training, set targets and support trainees well' is three;
    '90% of pupils in Years 5 and 6 reach the expected standard' is one.
    """
    parts = [p for p in re.split(r";|\.\s+(?=[A-Z])", text) if p.strip()]
    if len(parts) >= 2 and sum(_has_verb(p) for p in parts) >= 2:
        return True
    segments = [
        s for s in re.split(r",\s*(?:and\s+|as well as\s+)?|\s+and\s+|\s+as well as\s+|\s+while\s+", text) if s.strip()
    ]
    if len(segments) < 2:
        return False
    with_verbs = [s for s in segments if _has_verb(s)]
    if len(segments) >= 3 and len(with_verbs) >= 3 and "," in text:
        return True
    # Two measured criteria side by side: "90% of mentors set targets and 95% of trainees ...".
    if (
        len(segments) == 2
        and re.match(r"\s*\d+(?:\.\d+)?\s*(?:%|per ?cent)\s+of\b", segments[1])
        and re.search(r"\d", segments[0])
    ):
        return True
    # Two clauses, each with its own subject: "Attendance rises and exclusions fall".
    if len(segments) == 2 and len(with_verbs) == 2 and not _starts_with_verb(segments[1]):
        first, second = (_words(s) for s in segments)
        return len(first) >= 2 and len(second) >= 2 and not _DIGIT.search(segments[1][:3])
    return False


_COMPLETION = re.compile(
    r"\b(?:attend|attends|attended|receive|receives|received|complete|completes|completed|purchased|bought|"
    r"launched|delivered|written|rewritten|shared|introduced|implemented|held|carried out|in place|published|"
    r"set up|installed|trained|take part|takes part|took part|participate|participates|participated|"
    r"appointed|created|updated|organised|arranged|ordered|distributed|undertaken|done|finished|"
    r"rolled out|put in place|issued|circulated|reviewed|approved|agreed|adopted|ratified|signed off|"
    r"revised|produced|drafted|redrafted)\b",
    re.I,
)
_RELATIVE = re.compile(r"\b(?:who|that|which|whose)\s+(?:\w+\s+){0,2}$", re.I)
_OUTCOME_VERBS = re.compile(
    r"\b(?:rises?|rose|risen|falls?|fell|fallen|increases?|increased|decreases?|decreased|reduces?|reduced|"
    r"improves?|improved|gains?|gained|achieves?|achieved|reach|reaches|reached|scores?|scored|shows?|showed|"
    r"uses?|used|sets?|reads?|applies|apply|applied|demonstrates?|demonstrated|rates?|rated|borrowed|"
    r"narrows?|narrowed|closes?|closed|meets?|met|attain|attains|attained|can|could|say|says|report|reports|"
    r"know|knows|explain|explains|make|makes|made|progress|becomes?|halves?|halved|doubles?|doubled)\b",
    re.I,
)


def completed_action_criterion(text: str) -> bool:
    """True when a criterion counts actions done ('All mentors attend training'), not impact."""
    for match in _COMPLETION.finditer(text):
        before, rest = text[: match.start()], text[match.end() :]
        if _RELATIVE.search(before):
            continue  # "mentors who attended training set targets": the attending is context
        if _OUTCOME_VERBS.search(rest) or _OUTCOME_VERBS.search(before):
            return False  # another verb says what changed as a result
        if re.search(r"\b(?:is|are|was|were)\s+(?:\w+\s+)?\w+(?:ed|en)\b", rest) and has_quantity(rest):
            return False  # "Books bought last year are borrowed by 80% ...": a new, measured predicate
        return True
    return False


_IMPACT_WORDS = re.compile(
    r"\b(?:impact|progress|rose|risen|rises?|fell|fallen|falls?|increased|increases?|decreased|reduced|"
    r"improved|improvement|gained|attainment|outcomes?|scores?|data|now\s+\w+|unchanged|no\s+change|"
    r"narrowed|closed|better|worse|higher|lower|fewer|more\s+\w+\s+than|compared|baseline|milestone|"
    r"target|on\s+track\s+to|evidence\s+shows?|show(?:s|ed|n)?|survey|voice|feedback\s+shows|"
    r"reports?|reported|says?|said|feels?|felt|confident|confidence|now|observed|seen|noticeably|declined?)\b",
    re.I,
)
_ACTIVITY = re.compile(
    r"\b(?:completed?|delivered|took\s+place|taken\s+place|held|launched|purchased|bought|carried\s+out|"
    r"in\s+place|attended|happened|done|finished|ran|run|implemented|introduced|started|begun|began|"
    r"set\s+up|on\s+track|organised|arranged|met|visited|were\s+made|was\s+made|updated|shared|approved|"
    r"appointed|sent|given|written|published|reviewed|agreed|trained|as\s+planned|has\s+met|have\s+met)\b",
    re.I,
)
_MONTH_NAMES = MONTH_PATTERN
# Figures that only date or count the activity, not its effect.
_NOT_IMPACT_FIGURES = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_NAMES}\b|\b{_MONTH_NAMES}\s+\d{{1,2}}\b|\b\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\b|"
    r"\bhalf[- ]?terms?\b|"
    r"\b\d+\s+(?:of|out of)\s+\d+\s+(?:\w+\s+){0,2}(?:attended|completed|took part|were trained|came)\b|"
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:\w+\s+){0,2}"
    r"(?:walks?|sessions?|meetings?|visits?|observations?|scrutin(?:y|ies)|twilights?|workshops?|letters?|calls?|courses?|days?|assemblies)\b",
    re.I,
)


def describes_activity_only(text: str) -> bool:
    """True when a review records what happened, not the impact it had (guidance §44)."""
    if not text.strip() or has_quantity(_NOT_IMPACT_FIGURES.sub(" ", text)):
        return False
    if _IMPACT_WORDS.search(text):
        return False
    return bool(_ACTIVITY.search(text))


_BASE_VERBS = {
    "improve",
    "raise",
    "reduce",
    "develop",
    "strengthen",
    "increase",
    "embed",
    "ensure",
    "secure",
    "close",
    "narrow",
    "establish",
    "introduce",
    "build",
    "extend",
    "promote",
    "enhance",
    "tackle",
    "address",
    "boost",
    "create",
    "implement",
    "deliver",
    "train",
    "recruit",
    "refine",
    "broaden",
    "accelerate",
    "eliminate",
    "sustain",
    "maintain",
    "expand",
    "launch",
    "redesign",
    "revise",
    "grow",
}


@lru_cache(maxsize=1024)
def several_priorities(title: str, max_words: int = 30) -> str | None:
    """Why a priority is not set out simply and precisely, or None (guidance §23)."""
    words = title.split()
    if len(words) > max_words:
        return f"it runs to {len(words)} words"
    if re.search(r"\band also\b|\bas well as\b|\bin addition\b", title, re.I):
        return "it joins several priorities together"
    if ";" in title and all(len(p.split()) >= 3 for p in title.split(";") if p.strip()):
        return "it lists several priorities separated by semicolons"
    for match in re.finditer(r"\b(?:and|,)\s+(\w+)\s+(\w+)", title, re.I):
        verb, following = match.group(1).casefold(), match.group(2).casefold()
        if verb in _BASE_VERBS and following not in ("and", "or", "of", "for", "in"):
            return f"it joins two aims with 'and {verb}'"
    return None
