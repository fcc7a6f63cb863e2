"""Is a priority set out simply and precisely (PR105)?"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import ACTION_VERBS, SOFT_VERBS, VAGUE_VERBS, _listed

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


TOPIC = "it names a topic, not what will change"


@lru_cache(maxsize=1024)
def several_priorities(title: str, max_words: int = 30) -> str | None:
    """Why a priority is not set out simply and precisely, or None (guidance §23)."""
    words = title.split()
    if len(words) > max_words:
        return f"it runs to {len(words)} words"
    if re.search(r"\band also\b|\bas well as\b|\bin addition\b|,\s*plus\b|\bplus\s+(?:the|our|a|an)\b", title, re.I):
        return "it joins several priorities together"
    parts = [p for p in title.split(";") if p.strip()]
    if len(parts) > 2 or (len(parts) > 1 and all(len(p.split()) >= 3 or _has_verb(p) for p in parts)):
        return "it lists several priorities separated by semicolons"
    if len(re.findall(r"(?:^|\s)\d{1,2}[.)]\s+\S", title)) >= 2:
        return "it numbers several priorities in one"
    sentences = [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", title.strip()) if _has_verb(s)]
    if len(sentences) >= 2:
        return f"it sets out {len(sentences)} sentences, each a priority of its own"  # "Improve X. Also reduce Y."
    if _UNFINISHED.search(title):
        return "it stops mid-sentence"
    if "?" in title:
        return "it asks a question or leaves a note instead of stating the priority"
    lines = [line for line in _LINES.split(title.strip()) if line.strip(" -*")]
    if len(lines) >= 2:
        return f"it lists {len(lines)} priorities one under another"
    if _GENERAL_AIM.match(title):
        return "it names a general aim, not what in particular will change"
    if _CARRIED_ON.match(title):
        return "it points to last year's priorities instead of saying what will change this year"
    if _names_a_topic(_SEE_ELSEWHERE.sub("", title)) or _FRAMEWORK_HEADING.fullmatch(title.strip(" .:")):
        return TOPIC  # "Curriculum - see SEF": a heading with a pointer
    items = [i for i in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*", title.strip(" .")) if i.strip()]
    slashed = [i for i in title.split("/") if i.strip()]
    if len(slashed) >= 3 and not _has_verb(slashed[0]):  # "Post-16 / T Levels / work experience"
        return f"it lists {len(slashed)} things, each a priority of its own"
    if title.count(",") >= 2 and len(items) >= (4 if _has_verb(title) else 3):
        return f"it lists {len(items)} things, each a priority of its own"
    if title.count(",") == 1 and len(items) >= 3 and _ALL_TO_CHANGE.search(title):
        return f"it lists {len(items)} things, each a priority of its own"  # "A, B and C all to improve"
    if _two_phases(title):
        return "it joins two priorities for different phases"
    joined = re.search(r"\band\s+to\s+(\w+)\b", title, re.I)
    if joined and joined.group(1).casefold() in _BASE_VERBS and re.match(r"\s*to\s+\w+", title, re.I):
        return f"it joins two aims with 'and to {joined.group(1).casefold()}'"  # "To raise ... and to develop ..."
    for match in re.finditer(r"\b(?:and|,)\s+(\w+)\s+(\w+)", title, re.I):
        verb, following = match.group(1).casefold(), match.group(2).casefold()
        if verb in _BASE_VERBS and following not in ("and", "or", "of", "for", "in"):
            return f"it joins two aims with 'and {verb}'"
    return None


# A title that stops where the sentence should go on: "Improve outcomes so that:", "Raise ... by".
_UNFINISHED = re.compile(
    r"(?::|\bso\s+that|\bsuch\s+that|\b(?:and|or|to|by|through|with|so|including|by\s+ensuring)|…|\.\.\.|-|–"
    # A word that must be followed by more, in lower case: not "Placement A", "Year A".
    r"|\b(?-i:of|that|the|a|an|for|in|on|which|whose|from|into|at|than|between|whether|where|because|are|is|be|"
    r"will|can|should|were|was|have|has))\s*$",
    re.I,
)
_DIGIT = re.compile(r"\d")
# Lines or bullet points in one cell: "• Reading • Writing • Oracy", "- phonics\n- maths fluency".
_LINES = re.compile(r"\s*(?:\n\s*[-*]?|[•·▪●◦])\s*|^\s*[-*]\s+")
# An aim any school could write, naming no focus: "Continue to improve T&L", "Raise standards".
_GENERAL_AIM = re.compile(
    r"^\s*(?:to\s+)?(?:continue\s+to\s+)?(?:improve|raise|develop|enhance|strengthen)\s+(?:the\s+)?(?:quality\s+of\s+)?"
    r"(?:t\s*&\s*l|t\s+and\s+l|teaching(?:\s+and\s+learning)?|standards|outcomes|provision|education|"
    r"the\s+quality\s+of\s+education)\s*\.?\s*$",
    re.I,
)
# The headings of an inspection framework, written as if a priority: "Quality of Education".
_FRAMEWORK_HEADING = re.compile(
    r"(?:the\s+)?(?:quality\s+of\s+education|behaviour\s+and\s+attitudes|personal\s+development|leadership\s+and\s+"
    r"management|effectiveness\s+of\s+leadership(?:\s+and\s+management)?|early\s+years(?:\s+provision)?|"
    r"sixth[- ]form\s+provision|"
    r"outcomes\s+for\s+(?:pupils|children|learners|trainees)|teaching,?\s+learning\s+and\s+assessment)",
    re.I,
)
# A pointer to another document after a heading: "Curriculum - see SEF", "Attendance (see SEF p.4)".
_SEE_ELSEWHERE = re.compile(r"\s*(?:[-–—:(]\s*)?\bsee\b.*$", re.I)
# "Continue with last year's priorities", "As previous plan": a pointer, not a priority.
_CARRIED_ON = re.compile(
    r"^\s*(?:to\s+)?(?:continu\w*|carry\s+on|as\s+per|as\s+in|same\s+as|see)\s+(?:with\s+)?(?:the\s+|our\s+)?"
    r"(?:last\s+year['’]?s?|previous|existing|current|2\d{3}[-/]\d{2,4})\s+(?:priorit\w+|plan|sip|targets?|work)\b",
    re.I,
)


@lru_cache(maxsize=1)
def _verb_forms() -> frozenset[str]:
    """Every verb the lexicons know, in its base, -s, -ed and -ing forms."""
    from .deeds import OUTCOME_VERBS

    bases = {w for w in (*ACTION_VERBS, *VAGUE_VERBS, *SOFT_VERBS, *OUTCOME_VERBS, *_BASE_VERBS) if " " not in w}
    bases |= set(
        _listed("meet, reach, rise, fall, become, achieve, attain, make, know, use, read, write, speak, listen")
    )
    forms = set()
    for verb in bases:
        stem = verb[:-1] if verb.endswith("e") else verb
        forms |= {verb, verb + "s", verb + "es", stem + "ed", stem + "ing", verb + "d"}
        if verb.endswith("y"):
            forms |= {verb[:-1] + "ies", verb[:-1] + "ied"}
    forms |= {"rises", "rose", "risen", "falls", "fell", "fallen", "meets", "met", "reaches", "made", "knows"}
    return frozenset(forms)


_DETERMINERS = frozenset(_listed("the, a, an, our, all, every, each, their, its, this, these, more, further, pupils'"))


_PHASE = re.compile(
    r"\b(?:eyfs|reception|nursery|ks\d|key\s+stage\s+\d|y(?:ear\s*)?\d{1,2}|sixth\s+form|post-16)\b", re.I
)


def _two_phases(title: str) -> bool:
    """True for two topics, each in its own phase, joined by "and": "EYFS + KS1 phonics and Y6 SATs maths"."""
    sides = re.split(r"\s+and\s+", title, flags=re.I)
    if len(sides) != 2 or _has_verb(title):
        return False
    topics = [re.findall(r"[a-z]{3,}", _PHASE.sub(" ", side).casefold()) for side in sides]
    if not all(set(words) - {"in", "for", "the", "and", "across", "at"} for words in topics):
        return False  # "Phonics in Reception and Year 1": one topic over two year groups
    phases = [{m.group(0).casefold().replace(" ", "") for m in _PHASE.finditer(side)} for side in sides]
    return all(phases) and phases[0].isdisjoint(phases[1])


def _has_verb(text: str) -> bool:
    """True when some word of ``text`` is a verb the lexicons know ("Raise", "improves", "embedding").

    Acronyms in capitals are names ("SEND"); an -ing form of a verb of doing is read as a noun
    ("Reading for pleasure", "Mentoring, assessment ...") unless a determiner follows it."""
    # A hyphenated compound is one word, and not a verb: "Post-16", "high-quality", "work-related".
    words = [w for w in re.findall(r"[A-Za-z'’]+(?:-[A-Za-z0-9'’]+)*", text) if "-" not in w]
    aims = {w for v in (*VAGUE_VERBS, *SOFT_VERBS, *_BASE_VERBS) for w in (v, v + "ing", v[:-1] + "ing")}
    for i, word in enumerate(words):
        lower = word.casefold()
        if (word.isupper() and len(word) > 1) or lower not in _verb_forms():
            continue
        if lower.endswith("ing") and lower not in aims:
            following = words[i + 1].casefold() if i + 1 < len(words) else ""
            if following not in _DETERMINERS:
                continue
        return True
    return False


_LIST_SEPARATOR = re.compile(r"\s*(?:/|,|&|\band\b|\+)\s*", re.I)


# Several outcomes given one verb: "Y6 SATs results, Y11 GCSE results and sixth form retention all to improve".
_ALL_TO_CHANGE = re.compile(
    r"\b(?:all|each|both)\s+(?:to\s+|will\s+|should\s+|needs?\s+to\s+)?(?:improve|rise|increase|fall|reduce|get\s+better)"
    r"\w*\s*\.?$",
    re.I,
)


def _names_a_topic(title: str) -> bool:
    """True for a title that is only a heading: one or two words ("Safeguarding", "SEND"), or a list
    of such ("Leadership and management", "SEND / inclusion / behaviour"), with no verb and no figure.
    A focused noun phrase ("Attendance of pupils with SEND") says what it is about, so it passes."""
    if _PHASE.fullmatch(title.strip(" .:")):
        return True  # "Post-16", "EYFS": a phase alone names no subject and no change
    if _has_verb(title) or _DIGIT.search(title):
        return False
    items = [item for item in _LIST_SEPARATOR.split(title.strip(" .:")) if item]
    return bool(items) and all(len(item.split()) <= 2 for item in items) and (len(items) > 1 or len(title.split()) <= 2)
