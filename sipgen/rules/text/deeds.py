"""Is an action a deed, or an aim written as one (AC201)? Vague verbs, soft verbs with abstract
objects, noun phrases that name a state wanted, and frames such as "to be helped to"."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from .common import _INITIALS_SUBJECT, _LABEL, _MODAL, _phrase_pattern, _strip_bullets, _words
from .lexicon import (
    _ABSTRACT_MODIFIERS,
    _NOT_NAMES,
    _PREPOSITIONS,
    _SUBJECT_WORDS,
    ABSTRACT_NOUNS,
    ACTION_VERBS,
    ASPIRATION_OPENERS,
    COLLABORATION_VERBS,
    DEED_NOUNS,
    SOFT_VERBS,
    VAGUE_VERBS,
    _listed,
)
from .owners import _is_owner, names_owner, trailing_initials
from .quantities import has_quantity, without_labels, without_year_groups
from .timings import _RECURRING, names_timing, strip_leading_timing

# Words in _SUBJECT_WORDS that are also verbs: a subject only before a noun they describe
# ("Support staff to run ..."), a verb otherwise ("Support mentors to give ...").
_VERB_SUBJECTS = {"support": frozenset(_listed("staff, assistant, assistants, team, teams, worker, workers"))}


def _is_subject(words: list[str]) -> bool:
    if not words:
        return True
    first = words[0].casefold().strip("'’")
    if first not in _SUBJECT_WORDS:
        return False
    nouns = _VERB_SUBJECTS.get(first)
    return nouns is None or (len(words) > 1 and words[1].casefold() in nouns)


def leading_verb_phrase(action: str) -> str:
    """The action with bullets, numbering, a short label or timing and an opening subject ("Staff will") removed."""
    text = strip_leading_timing(_strip_bullets(action))
    whole = _strip_bullets(action)
    if _FOCUS.match(text) and _DEED_NOUN.search(whole[: len(whole) - len(text)]):
        text = whole  # "Cluster meetings termly - focus on ...": the deed was the "timing"
    purpose = _PURPOSE_FIRST.match(text)
    if purpose:  # "To raise attendance, phone home by 9.30am ...": the deed follows the aim
        text = text[purpose.end() :]
    label = _LABEL.match(text)
    if label and len(label["label"].split()) <= 4:
        rest = text[label.end() :]
        # "Parent phonics workshop (Reception) - PL": the owner follows the dash, the deed went first;
        # "Cluster meetings termly - focus on ...": so does what the deed is about.
        if _TRAILING_OWNER.fullmatch(rest) or _is_owner(rest, None) or trailing_initials(text):
            text = label["label"]
        elif not (_FOCUS.match(rest) and _DEED_NOUN.search(label["label"])):
            text = rest
    match = _INITIALS_SUBJECT.match(text)
    if match:
        return text[match.end() :]
    match = _MODAL.match(text)
    if match and _is_subject(match.group("subject").split()):
        return text[match.end() :]
    match = _OWNER_FRAME.match(text)
    if match and _is_owner(_BRACKETS.sub(" ", match["who"]), None):
        return text[match.end() :]  # "SENCo (AB) to ...", "Mrs Patel will ..."
    return text


_FOCUS = re.compile(r"(?:focus(?:ing|ed)?|topic|theme|agenda|content)\b", re.I)
_TRAILING_OWNER = re.compile(r"\s*[A-Z]{2,4}(?:\s*[/,&]\s*[A-Z]{2,4})*\.?\s*")
# An aim given first as the purpose of the deed that follows: "To raise attendance, phone home ...".
_PURPOSE_FIRST = re.compile(r"^(?:in\s+order\s+)?to\s+[^,;:]{3,60},\s*(?=[a-z])", re.I)
# What learners get better at, said to improve as if that were the action: "Children's communication and
# language to improve".
LEARNER_SKILLS = _listed("""
    communication, language, reading, writing, vocabulary, oracy, phonics, speaking, listening, wellbeing, numeracy,
    literacy, fluency, comprehension
""")
# An outcome for learners written as an action: "All Y11 students to achieve at least a grade 4".
_LEARNER_OUTCOME = re.compile(
    r"^(?:(?:all|every|each|most|more)\s+)?(?:[\w'’-]+\s+){0,3}?(?:pupils|students|children|learners|trainees|"
    r"cohort|boys|girls|ects|apprentices)(?:\s+[\w'’-]+){0,3}?\s+(?:(?:to|will|should|must)\s+)?(?:achieve|reach|attain|make|meet|pass|score|gain|get|be\s+at|"
    r"have\s+(?:improved|better|greater|increased|more|wider)|make\s+(?:good|expected|rapid|accelerated|strong|better|"
    r"excellent|sustained)\s+progress)\b",
    re.I,
)
# An owner written before the verb, with what the owner-pattern above leaves: brackets, a title.
_OWNER_FRAME = re.compile(r"^(?P<who>[^.;:]{1,60}?)\s+(?:will|shall|should|must|is\s+to|are\s+to|to)\s+(?=[a-z])", re.I)
_BRACKETS = re.compile(r"\([^()]*\)")


def _gerund(verb: str) -> str:
    """'ensure' -> 'ensuring', 'embed' -> 'embedding', 'make sure' -> 'making sure'."""
    first, _, rest = verb.partition(" ")
    if first == "embed":
        first = "embedd"
    elif first.endswith("e") and not first.endswith("ee"):
        first = first[:-1]
    return f"{first}ing" + (f" {rest}" if rest else "")


# Vague verbs that never begin the name of a product or programme ("Boost Reading" is one).
_NEVER_NAMES = frozenset(
    _listed("ensure, make sure, continue, continue to, strive, aim to, seek to, endeavour, try to")
)
# Vague verbs that may open a programme's name only in their -ing form ("Embedding Formative
# Assessment", "Strengthening Families"); as a command ("Embed Little Wandle keep-up") they are aims.
_NAMES_ONLY_AS_ING = frozenset(_listed("embed, enhance, strengthen, foster, work towards, work to, focus on, develop"))


@lru_cache(maxsize=64)
def _vague_pattern(extra: tuple[str, ...]) -> tuple[re.Pattern, dict[str, str]]:
    """The pattern for an opening vague verb (or its -ing form), and each form's base verb."""
    verbs = {*VAGUE_VERBS, *(v.casefold().strip() for v in extra if v.strip())}
    base = {v: v for v in verbs} | {_gerund(v): v for v in verbs}
    pattern = re.compile(
        r"\s*(?:(?:to|also|then|further|actively|continually|continuously)\s+)?("
        + _phrase_pattern(tuple(base))
        + r")s?\b"
    )
    return pattern, base


_ONE_NAME_WORD = re.compile(r"\s*[A-Z][a-z]+\b")


def _names_a_product(original: str, end: int) -> bool:
    """True when a capitalised word follows the verb, as in "Boost Reading packs", "Raising Aspirations day".

    Only where capitals carry meaning: not in a line typed in capitals or with every word capitalised.
    """
    following = _ONE_NAME_WORD.match(original, end)
    if not following or following.group().strip().casefold() in _NOT_NAMES:
        return False
    long_words = re.findall(r"[A-Za-z]{4,}", original)
    capitalised = sum(w[0].isupper() for w in long_words)
    return capitalised < 0.9 * len(long_words)


# Objects that make an often-vague verb a deed: "Raise a purchase order", "Promote the deputy to ...".
_CONCRETE_OBJECTS = {
    "raise": re.compile(
        r"\s+(?:(?:a|an|the|all|any|\d+)\s+)?(?:\w+\s+){0,2}?(?:invoices?|(?:purchase\s+)?orders?|p\.?o\.?s?\b|requisitions?|"
        r"referrals?|tickets?|funds|money|£\s?\d)",
        re.I,
    ),
    "promote": re.compile(r"\s+(?:[\w'’-]+\s+){1,4}?to\s+(?:be\s+)?(?:the\s+)?(?:acting\s+|interim\s+)?[\w-]+", re.I),
}
# Verbs that, joined to the vague one or after a colon, say what will be done: "Develop and print a
# leaflet", "Develop the outdoor area: install a mud kitchen".
_DEED_VERBS = frozenset(ACTION_VERBS) - frozenset(VAGUE_VERBS) - {"work", "look", "support", "ensure", "develop"}
_OFTEN_DEEDS = frozenset(("develop", "raise", "promote", "support", "address", "improve"))


def _deed_after_all(verb: str, phrase: str, end: int) -> bool:
    """True where an often-vague verb is a deed: its object is concrete, another verb joined to it
    names the deed, or a colon spells the deed out."""
    concrete = _CONCRETE_OBJECTS.get(verb)
    if concrete and concrete.match(phrase, end):
        return True
    joined = re.match(r"\s*(?:and|&|/)\s+(\w+)", phrase[end:])
    if verb in _OFTEN_DEEDS and joined and joined.group(1) in _DEED_VERBS:
        return True
    colon = re.search(r":\s*(\w+)", phrase[end:])
    return bool(colon and colon.group(1) in _DEED_VERBS)


_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b", re.I)


def _continues_a_deed(rest: str) -> bool:
    """True for "continue" with a named, timed provision as its object ("... fortnightly DT clinics
    (Tues 3.30-4.30)"), not "continue to embed ..." or "continue developing ..."."""
    if re.match(r"\s*(?:to\b|with\s+(?:the\s+)?(?:work|focus|development)|\w+ing\b)", rest):
        return False
    when = names_timing(rest) or _RECURRING.search(rest) or _WEEKDAY.search(rest) or has_quantity(without_labels(rest))
    return bool(_DEED_NOUN.search(rest)) and bool(when)


# How, said after the aim: "by phoning every absent student before 10am", "through 2 days in a
# special school", "through a weekly mentor meeting". A bare channel ("through PSHE and assemblies",
# "through TTRS") still leaves the reader asking how.
_BY_DOING = re.compile(r"\bby\s+(?!(?:morning|evening|spring|during|nothing|something)\b)[a-z]{2,}ing\b")
_WITH_A = re.compile(r"\bwith\s+(?:a|an)\s+(?:\d|weekly|daily|fortnightly|monthly|termly|half-termly)", re.I)
_THROUGH = re.compile(r"\b(?:through|via)\s+(?P<means>[^.;]{3,80})")
# ... or after a colon: "Promote the open evening on social media: 3 posts a week through October".
_THEN_HOW = re.compile(r":\s*[^:]*?(?:\d|\b(?:daily|weekly|fortnightly|termly)\b)", re.I)
_HOW_OFTEN_OR_HOW_MUCH = re.compile(
    r"\b(?:daily|weekly|fortnightly|monthly|termly|half-termly|each|every|per)\b|\d", re.I
)


def _means_spelled_out(phrase: str, end: int) -> bool:
    """True when the deed follows the aim: a gerund after "by", or a means with a number or a frequency."""
    rest = phrase[end:]
    if _BY_DOING.search(rest) or _THEN_HOW.search(rest):
        return True
    if _WITH_A.search(rest):
        return True  # "Support 3 ECTs with a weekly 30-min mentor meeting"
    through = _THROUGH.search(rest)
    return bool(through) and bool(_HOW_OFTEN_OR_HOW_MUCH.search(_DEADLINE.sub(" ", through["means"])))


def vague_verb(action: str, extra: tuple[str, ...] = ()) -> str | None:
    """The vague verb an action opens with ("ensure", "continue to embed", "improving" ...), or None."""
    original = leading_verb_phrase(action).lstrip()
    phrase = original.lower()
    pattern, base = _vague_pattern(tuple(extra))
    match = pattern.match(phrase)
    if not match:
        return None
    verb = base[" ".join(match.group(1).split())]
    rest = phrase[match.start(1) :]
    as_command = verb in _NAMES_ONLY_AS_ING and not match.group(1).split()[0].endswith("ing")
    if verb not in _NEVER_NAMES and not as_command and _names_a_product(original, match.end(1)):
        return None  # "Boost Reading packs sent home": a product, not an aim
    if verb == "support" and re.match(
        r"support(?:s|ing)?\s+(?:staff|assistants?|from|by)\b(?!\s+(?:wellbeing|well-being|workload|development|morale|mental))",
        rest,
    ):
        return None  # "Support staff run ..." names people; "Support from the tutor" is help given
    if verb == "support" and re.match(
        r"support\s+(?:plans?|meetings?|sessions?|groups?|packages?|services?|hub|visits?|calls?)\b", rest
    ):
        return None  # "Support plan meetings for the 5 apprentices": a thing, named
    if verb == "address" and re.match(r"address(?:es)?\s+(?:list|book|labels?)\b", rest):
        return None
    if verb == "develop" and re.match(r"develop(?:s|ing)?\s+(?:a|an|new|two|three|\d+)\b", rest):
        if not _abstract_object(phrase[match.end() :]):
            return None  # "Develop a tracker" makes a thing; "develop a culture of ..." names an aim
    if _deed_after_all(verb, phrase, match.end()):
        return None
    if verb == "continue" and _continues_a_deed(phrase[match.end() :]):
        return None  # "Continue fortnightly DT clinics (Tues 3.30-4.30)": a timed provision kept going
    written = " ".join(match.group(1).split())
    following = pattern.match(phrase, match.end())
    if verb.startswith("continu") and following:
        return f"{written} {' '.join(following.group(1).split())}"  # "continue to embed"
    return written


_ABSTRACT = frozenset(ABSTRACT_NOUNS)
_MEASURES = frozenset(
    _listed("attendance, attainment, outcomes, progress, results, punctuality, behaviour, standards, retention, uptake")
)
# What teachers do, whose getting better is an aim: "Better questioning", "Improved feedback".
_PRACTICES = frozenset(
    _listed(
        "questioning, feedback, teaching, marking, planning, assessment, communication, transition, oracy, presentation"
    )
)
_OPENERS = frozenset(ASPIRATION_OPENERS)
_MODIFIERS = frozenset(_ABSTRACT_MODIFIERS)
_DEED_WORDS = frozenset(w for w in DEED_NOUNS if " " not in w)


def _abstract_object(text: str) -> str | None:
    """The abstract noun among the first words of an object ("a culture of ..."), unless a deed comes first."""
    for word in _words(text)[:4]:
        if word in _DEED_WORDS:
            return None
        if word in _ABSTRACT:
            return word
    return None


_SOFT_OPENING = re.compile(
    r"(?P<verb>" + _phrase_pattern(tuple(SOFT_VERBS) + tuple(_gerund(v) for v in SOFT_VERBS)) + r")s?\b"
)
_COLLABORATION = re.compile(
    r"(?:" + _phrase_pattern(tuple(COLLABORATION_VERBS) + tuple(_gerund(v) for v in COLLABORATION_VERBS)) + r")"
    r"\s+(?:[\w'’&-]+\s+){1,6}?to\s+"
)
_VAGUE_PASSIVE = re.compile(
    r"\b(?:to|will|shall|should|must|can|is|are)\s+be\s+(?:further\s+|more\s+|fully\s+|better\s+)?"
    r"(?P<verb>improved|developed|strengthened|raised|embedded|enhanced|promoted|encouraged|ensured|fostered|"
    r"boosted|addressed|sustained|increased|secured|extended|consolidated|deepened|broadened|refined|maintained)\b",
    re.I,
)


# States of mind or skill hoped for in people: "All staff to be aware of ...", "Mentors to be confident in ...".
STATES = _listed("""
    aware, clear, confident, familiar, knowledgeable, comfortable, secure, competent, skilled, proficient, mindful,
    conversant, au fait, alert, vigilant, upskilled, empowered, able, equipped, informed, well-informed,
    well informed, well-equipped, well equipped, well prepared, well-prepared, up to speed, consistent,
    more consistent, effective, more effective, proactive, rigorous, ambitious, reflective, responsive, safe,
    happy, valued, included, listened to, resilient, independent, motivated, engaged, enthusiastic, ready
""")
# The people such a state is hoped for in.
PEOPLE = _listed("""
    staff, colleagues, adults, everyone, everybody, teachers, teacher, leaders, leader, governors, governor, mentors,
    mentor, tutors, tutor, trainees, trainee, ects, ect, tas, ta, hltas, assistants, supervisors, volunteers,
    practitioners, pupils, pupil, children, child, students, student, learners, learner, parents, parent, families,
    carers, team, teams, members, we, apprentices, apprentice, childminders, practitioner, key workers
""")
_STATE_AIM = re.compile(
    r"^(?P<who>(?:[\w'’&/-]+\s+){0,5}?)"
    # The verb may be left out, as fragments do: "All staff confident logging concerns".
    r"(?:(?P<verb>(?:(?:will|shall|should|must|need\s+to|needs\s+to|are\s+to|is\s+to|to)\s+(?:be|become|feel)|are|is|be|"
    r"become|feel))\s+|(?<=\w\s))"
    r"(?:(?:fully|more|all|well|increasingly|very|much|sufficiently|suitably|better|made)\s+)?"
    # Any quality wanted more of, with a verb: "Students to be more resilient".
    r"(?P<state>" + _phrase_pattern(STATES) + r"|(?:more|less)\s+(?!of\b|than\b|time\b)[a-z][a-z-]+)\b",
    re.I,
)
_PEOPLE = frozenset(PEOPLE)
# Words that may describe the people: "All Year 6 teachers", "Partner school mentors", "New ECTs".
_PEOPLE_MODIFIERS = frozenset(
    (*_SUBJECT_WORDS, *_NOT_NAMES, *_listed("new, partner, relevant, early, career, lunchtime, midday, supply"))
)


_YEAR_GROUP_WORD = re.compile(r"(?:y|yr|year|ks)\d{1,2}(?:/\d{1,2})?")


def _state_aim(text: str) -> tuple[str, str] | None:
    """'All staff to be aware of ...', 'Mentors will feel confident ...': a state hoped for in people, no deed.

    Returns the words that name the state and the rest of the text after them.
    """
    match = _STATE_AIM.match(text)
    if not match:
        return None
    who = match["who"].strip()
    if match["state"].lower().startswith(("more ", "less ")) and not match["verb"]:
        return None  # "Staff more time to plan": a comparison with no verb may be anything
    words = _words(who)
    if who and not _is_owner(who, None):
        acronyms = {w.casefold() for w in re.findall(r"\b[A-Z]{2,6}s?\b", who)}  # "All PGTA apprentices"
        described = (
            w in _PEOPLE_MODIFIERS or w.isdigit() or _YEAR_GROUP_WORD.fullmatch(w) or w in acronyms for w in words[:-1]
        )
        if words[-1] not in _PEOPLE or not all(described):
            return None  # "Check that staff are aware ...": a deed, with the state as its object
    if not who and not re.match(r"(?:to\s+)?(?:be|become|feel)\b", text, re.I):
        return None
    return " ".join(match.group(0).split()).lower(), text[match.end() :]


def _soft_aim(phrase: str, extra: tuple[str, ...]) -> str | None:
    """'refine and develop', 'maintain a culture': a soft verb joined to a vague one, or with an abstract object."""
    match = _SOFT_OPENING.match(phrase)
    if not match:
        return None
    rest = phrase[match.end() :]
    joined = re.match(r"\s*(?:,|and|&|/)\s*", rest)
    if joined:
        pattern, base = _vague_pattern(extra)
        vague = pattern.match(rest, joined.end())
        if vague:
            return f"{match['verb']} and {base[' '.join(vague.group(1).split())]}"
    noun = _abstract_object(rest)
    if noun:
        return phrase[: phrase.index(noun, match.end()) + len(noun)]
    return None


def _opens_with_aim(opener: str, following: str) -> bool:
    """False where the opener and the next word name a thing or a deed: "quality assurance", "improvement plan"."""
    if opener in ("improvement", "improvements"):
        return following in _PREPOSITIONS
    return not (opener == "quality" and following in ("assurance", "assure", "assured", "mark"))


def _aim_phrase(phrase: str) -> str | None:
    """The opening words of a noun phrase that names a state wanted: 'greater consistency', 'a consistent approach'."""
    words = _words(phrase)
    start = 1 if words and words[0] in ("a", "an", "the") else 0
    opening = words[start : start + 3]
    for size in (2, 1):
        opener = " ".join(opening[:size])
        if opener in _OPENERS and len(opening) > size and _opens_with_aim(opener, opening[size]):
            end = start + size + (2 if opening[size] in _PREPOSITIONS else 1)
            return " ".join(words[:end])
    i = 0
    while i < 2 and i < len(words) and words[i] in _MODIFIERS:
        i += 1
    if i < len(words) and words[i] in _ABSTRACT and (i + 1 == len(words) or words[i + 1] in _PREPOSITIONS):
        return " ".join(words[: i + 1])
    return None


# Openers that compare with now: with an abstract noun after them the phrase is an outcome wanted,
# whatever programme or team it names ("Greater consistency in use of Do Nows").
_FOCUS_WORDS = frozenset(("focus", "emphasis", "priority", "attention"))  # "Greater focus on SEND"
_COMPARATIVES = frozenset(
    _listed("greater, better, improved, increased, higher, stronger, enhanced, raised, richer, wider, deeper, more")
)


def _comparative_aim(phrase: str) -> str | None:
    """'greater consistency', 'improved quality': a comparative and an abstract noun opening the action."""
    words = _words(phrase)
    start = 1 if words and words[0] in ("a", "an", "the") else 0
    pair = words[start : start + 2]
    if len(pair) == 2 and pair[0] in _COMPARATIVES and pair[1] == "quality":
        return " ".join(words[: start + 2]) + " of"  # "Better quality assessment visits": the quality is the aim
    if (
        len(pair) == 2
        and pair[0] in _COMPARATIVES
        and (pair[1] in _ABSTRACT or pair[1] in _MEASURES | _PRACTICES | _FOCUS_WORDS)
    ):
        return " ".join(words[: start + 2])
    if len(pair) == 2 and pair[0] in ("consistency", "consistent") and pair[1] in ("of", "in", "across", "approach"):
        return " ".join(words[: start + 2])  # "Consistency of AfL in KS3 science"
    if len(pair) == 2 and pair[0] in _COMPARATIVES and pair[1] == "use" and words[start + 2 : start + 3] == ["of"]:
        return " ".join(words[: start + 3])  # "Better use of observations": the use is the aim, whatever is used
    return None


_DEED_NOUN = re.compile(r"\b(?:" + _phrase_pattern(DEED_NOUNS) + r")\b", re.I)
_NAME_WORD = re.compile(r"\b(?:[A-Z][a-z]+|[A-Z]{2,}[A-Za-z0-9]*)\b")


def _names_something(text: str, known=None, year_start: dt.date | None = None) -> bool:
    """True when an action names something concrete: a figure, a deed, a product, an owner or a time."""
    if has_quantity(without_year_groups(text)) or _DEED_NOUN.search(text):
        return True
    long_words = re.findall(r"[A-Za-z]{4,}", text)
    if sum(w[0].isupper() for w in long_words) < 0.9 * len(long_words):
        names = _NAME_WORD.findall(text, text.find(" ") + 1 if " " in text else len(text))
        if any(n.casefold() not in _NOT_NAMES for n in names):
            return True  # "RWI", "Talk for Writing": a named programme
    return names_owner(text, known) or names_timing(text, year_start)


# Verbs that, with a measure as their object, state an outcome wanted rather than a deed:
# "Increase the number of pupils reading at home", "Reduce persistent absence".
OUTCOME_VERBS = _listed("""
    increase, reduce, decrease, lower, raise, improve, narrow, close, accelerate, boost, grow, halve, double,
    cut, diminish, minimise, maximise, lift, maintain, sustain, secure, drive up, drive, push up
""")
MEASURE_NOUNS = _listed("""
    number, numbers, proportion, proportions, percentage, percentages, rate, rates, gap, gaps, attendance,
    absence, absences, attainment, outcomes, progress, results, scores, exclusions, suspensions, incidents,
    referrals, uptake, take-up, participation, engagement, standards, achievement, punctuality, lateness,
    retention, completion, levels, level, figures, average, share, amount, pa, p8, progress 8, attainment 8, a8,
    gld, ebacc, improvement, improvements, use
""")
_OUTCOME = re.compile(
    r"(?P<verb>" + _phrase_pattern(OUTCOME_VERBS + tuple(_gerund(v) for v in OUTCOME_VERBS)) + r")s?\s+"
    r"(?:(?:the|our|overall|whole-school|pupils'?|pupil|persistent|average|mean)\s+){0,3}"
    r"(?:(?!(?:of|for|in|at|on|to|with|by)\b)[\w'’+-]+\s+){0,4}?"  # "high GLD outcomes", "strong KS1 phonics results"
    r"(?P<measure>" + _phrase_pattern(MEASURE_NOUNS) + r")\b",
    re.I,
)
# How an outcome will be reached, said after it: "... by phoning home on the first day", "through ...".
_MEANS = re.compile(r"\b(?:by|through|via|using|with\s+(?:a|an|the|\d+|weekly|daily))\s+\w+", re.I)
# Inquiries that promise no decision or deed: "Look into options for ...", "Explore ways to ...".
_INQUIRY = re.compile(
    r"(?P<verb>look(?:ing)?\s+again\s+at|re-?visit(?:ing)?|look(?:ing)?\s+into|look(?:ing)?\s+at\s+(?:options|ways|how|whether|(?:the\s+|our\s+)?(?:[\w-]+\s+)?"
    r"(?:policy|policies|approach|approaches|systems?|structures?|provision|offer|arrangements|use\s+of))|explor(?:e|ing)\s+"
    r"(?:options|ways|how|whether|the\s+possibility|(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:approach|model|idea)s?)|"
    r"work(?:ing)?\s+with\s+[^.;]{1,40}?\s+to\s+(?:look(?:ing)?\s+(?:at|into)|explore|consider|think\s+about)|consider(?:ing)?|investigat(?:e|ing)\s+(?:options|ways|"
    r"whether)|research(?:ing)?\s+(?:options|ways)|think(?:ing)?\s+about|prioriti[sz](?:e|ing))\b",
    re.I,
)
# A quality hoped for in people, written as having, taking or showing it: "All staff to have high
# expectations of ...", "Y12 students to take more ownership of their study".
_HAVE_AIM = re.compile(
    r"\b(?:to|will|should|must|need\s+to|needs\s+to)\s+(?:have|take|show|display|demonstrate)\s+(?:(?:a|an|the|"
    r"consistently|high|higher|clear|secure|good|strong|shared|greater|better|more|deep|deeper|sound|positive|full|"
    r"increased|real)\s+){0,4}"
    r"(?P<noun>" + _phrase_pattern((*ABSTRACT_NOUNS, "pride", "access to")) + r")\b",
    re.I,
)
# Watching for an effect, with no how or when: "Monitor the impact of interventions".
_WATCH_IMPACT = re.compile(
    r"(?P<verb>(?:monitor|evaluate|review|track|measure|assess|check)(?:ing|s)?\s+(?:the\s+)?"
    r"(?:impact|effectiveness|success|difference))\s+(?:of|made\s+by)\b",
    re.I,
)
_WATCH_HOW = re.compile(r"\b(?:using|through|via|against|at|during|in|with|from)\b", re.I)
# A target typed where the action goes: "Target: PP gap in maths closes to under 10 points".
_AIM_LABEL = re.compile(
    r"^\s*(?P<label>targets?|aims?|goals?|intended\s+outcomes?|outcomes?)\s*[:\-–]\s*(?P<rest>\S.*)", re.I
)
# A measure said to reach a level, with no deed: "PP attendance to be in line with non-PP by July".
_MEASURE_TO_BE = re.compile(
    r"^(?:[\w'’/-]+\s+){0,3}?(?:" + _phrase_pattern(MEASURE_NOUNS + LEARNER_SKILLS) + r")"
    r"(?:\s+(?:of|for|among|in)\s+(?:[\w'’/-]+\s+){0,2}?[\w'’/-]+)?"  # "Attendance of PP students to rise"
    r"\s+(?:to|will|should|must|needs?\s+to)\s+"
    r"(?:be\s+(?:in\s+line|at\s+least|at|above|below|closer|broadly|no\s+lower|no\s+higher|sustained|maintained)|"
    r"rise|fall|improve|increase|decrease|reduce|drop|go\s+(?:up|down)|reach|match|exceed|close|narrow|meet|return)\b",
    re.I,
)
# A quality of people's work said to reach a state, with no verb or deed: "Trainees' subject
# knowledge in primary maths secure by end of Placement A", "Phonics teaching consistent in KS1".
_QUALITY_STATE = re.compile(
    r"^(?:[\w'’/-]+\s+){0,2}?(?:knowledge|understanding|teaching|practice|feedback|planning|marking|assessment|"
    r"confidence|subject\s+knowledge|behaviour|provision)\b(?:\s+(?![\w'’/-]+(?:ed|en)\b)[\w'’/-]+){0,5}?\s+"
    r"(?:(?:is|are|to\s+be|will\s+be)\s+)?"
    r"(?:(?:more|fully|consistently|increasingly|very)\s+)?(?P<state>secure|consistent|strong|stronger|good|better|"
    r"effective|embedded|improved|outstanding|excellent|high\s+quality|robust)\b",
    re.I,
)
# People helped, with no helping said: "ECTs supported with behaviour management".
_PEOPLE_HELPED = re.compile(
    r"^(?:(?:all|new|our|the|every|each)\s+)?(?:[\w'’-]+\s+){0,2}?(?P<who>" + _phrase_pattern(PEOPLE) + r")\s+"
    r"(?:are\s+|to\s+be\s+|will\s+be\s+|being\s+)?(?P<verb>supported|developed|encouraged|helped|empowered|"
    r"enabled|upskilled|nurtured)\b(?!\s+by\b)",
    re.I,
)
# Someone helped to do something: the frame hides who does what ("Mentors to be helped to give ...").
_HELPED = re.compile(
    r"\b(?:to|will|shall|should|must|can|are\s+to|is\s+to)\s+be\s+(?:helped|supported|encouraged|enabled|"
    r"empowered|given\s+(?:the\s+)?(?:opportunity|opportunities|chance|time))\s+to\b",
    re.I,
)


# "Supported more effectively by in-school mentors": who does it, not how.
_AGENT = re.compile(
    r"\bby\s+(?:the\s+|their\s+|our\s+|all\s+)?(?:[\w'’-]+\s+){0,2}?(?:" + _phrase_pattern(PEOPLE) + r")\b", re.I
)
# "By the end of Placement A", "by July": a deadline, not the means ("by phoning home").
_DEADLINE = re.compile(
    r"\bby\s+(?:the\s+)?(?:end|start|beginning|half[- ]?term|christmas|easter|summer|autumn|spring|\d|jan|feb|mar|apr|"
    r"may|jun|jul|aug|sep|oct|nov|dec|aut|spr|sum)\w*",
    re.I,
)


def _concrete(text: str) -> bool:
    """True when the text names a deed or a quantity (year groups and key stages aside)."""
    return has_quantity(without_year_groups(text)) or bool(_DEED_NOUN.search(text))


def _outcome_or_inquiry(action: str, phrase: str) -> str | None:
    """An outcome written as an action ("Increase the number of ..."), an inquiry that decides
    nothing ("Look into options for ...") or a frame that hides the deed ("to be helped to"),
    unless the action also says how (by, through ...) or names the deed."""
    outcome = _OUTCOME.match(phrase)
    if outcome and not _MEANS.search(phrase, outcome.end()) and not _DEED_NOUN.search(phrase, outcome.end()):
        return " ".join(outcome.group(0).split())  # "maintain high gld outcomes"; the message restores the capitals
    inquiry = _INQUIRY.match(phrase)
    if inquiry:
        verb = " ".join(inquiry["verb"].split())
        rest = phrase[inquiry.end() :]
        # "Consider each request at the panel meeting" decides something; "Explore options for a
        # reading club" only names what the inquiry is about, so only a figure lets it off.
        decides = _concrete(rest) if verb.startswith(("consider", "prioriti")) else has_quantity(without_labels(rest))
        if not decides:
            return verb
    watch = _WATCH_IMPACT.match(phrase)
    if watch:
        rest = phrase[watch.end() :]
        if not (_HOW_OFTEN_OR_HOW_MUCH.search(rest) or _WATCH_HOW.search(rest) or _BY_DOING.search(rest)):
            return " ".join(watch["verb"].split())  # "monitor the impact": of what, how and when is the deed
    having = _HAVE_AIM.search(action)
    if having and not _DEED_NOUN.search(action):
        return " ".join(having.group(0).split())
    helped = _HELPED.search(action)
    if helped and not _DEED_NOUN.search(action):  # how they are helped: "... through 3 coaching sessions"
        return " ".join(helped.group(0).split()[-3:])
    return None


# A measure and its figure with no deed: "Whole-school attendance at 95% by July", "PA below 12%".
_TARGET_ONLY = re.compile(
    r"^(?:[\w'’-]+\s+){0,3}?(?:" + _phrase_pattern(MEASURE_NOUNS) + r")\s+(?:at|of|above|below|over|under|to|"
    r"reaches?|rises?\s+to|falls?\s+to|at\s+least)\s+[<>≥≤]?\d",
    re.I,
)


def _only_a_topic(text: str, known, year_start) -> bool:
    """A row that only names a topic ("KS2 arithmetic", "Cont. - writing stamina Y5/6"): no verb,
    three words or fewer once a "continued" mark is taken off, and nothing concrete named."""
    from .titles import _has_verb

    plain = _CONTINUED.sub("", text).strip(" -–:.")
    words = plain.split()
    if not words or len(words) > 3 or _has_verb(plain):
        return False
    return not _names_something(plain, known, year_start) or bool(_CONTINUED.match(text))


# "Cont." and "Continued": a row carried on from last year, naming no deed of its own.
_CONTINUED = re.compile(r"^\s*(?:cont(?:inued|inuing)?\.?|c/f|carried\s+forward)\s*[-–:]?\s*", re.I)


# People to do what they do now, only better: "Support staff to manage behaviour more consistently".
_MANNER_AIM = re.compile(
    r"^(?:(?:all|our|the|each|every)\s+)?(?:[\w'’-]+\s+){0,3}?(?:" + _phrase_pattern(PEOPLE) + r")\s+"
    r"(?:to|will|should|must)\s+[a-z]+\b[^.;:]*?\b(?:more|better|increasingly)\s+(?:consistently|effectively|"
    r"confidently|accurately|independently|safely|calmly|fluently|securely|well|regularly)\b",
    re.I,
)
_ALL_ACTION_VERBS = frozenset((*ACTION_VERBS, *VAGUE_VERBS))
# Learners doing something well, written as the action: "Y1 children will blend CVC words confidently".
_LEARNER_MANNER = re.compile(
    r"^(?:(?:all|most|our|the)\s+)?(?:[\w'’/-]+\s+){0,3}?(?:pupils|children|students|learners)\s+(?:will|to|should|must)\s+"
    r"[a-z]+\b[^.;:]*?\b(?:confidently|fluently|independently|accurately|securely|consistently|successfully)\b",
    re.I,
)
_BULLETS = re.compile(r"\s*(?:\n|[•·▪●◦])\s*")


def _every_bullet_an_aim(action: str, extra, known, year_start) -> tuple[str, str] | None:
    """For a cell of bullet points, the first aim when every bullet names one ("• Consistency of
    AfL • Better questioning"); None when any bullet is a deed."""
    lines = [line for line in _BULLETS.split(action) if len(line.split()) >= 2]
    if len(lines) < 2:
        return None
    found = [aim_not_deed(line, extra, known, year_start) for line in lines]
    return found[0] if all(found) else None


def aim_not_deed(action: str, extra: tuple[str, ...] = (), known=None, year_start=None) -> tuple[str, str] | None:
    """How an action names an aim rather than a deed, as (kind, words), or None.

    kind is "verb" for a vague verb ("ensure", "continue to embed", "maintain a culture") and
    "phrase" for a noun phrase that names the state wanted ("greater consistency"). Soft verbs,
    passives and noun phrases are let off when the action also names something concrete.
    """
    if _BULLETS.search(action.strip()):
        bullets = _every_bullet_an_aim(action.strip(), extra, known, year_start)
        if bullets:
            return bullets
    labelled = _AIM_LABEL.match(_strip_bullets(action))
    if labelled and labelled["rest"].split()[0].casefold() not in _ALL_ACTION_VERBS:
        return "phrase", labelled["label"].lower()  # "Target: PP gap closes to under 10 points"
    original = leading_verb_phrase(action).strip()
    phrase = original.lower()
    opener = _vague_pattern(tuple(extra))[0].match(phrase)
    if opener and _means_spelled_out(phrase, opener.end()):
        return None  # "Raise attendance by phoning every absent student before 10am": the deed is there
    verb = vague_verb(action, extra)
    if verb:
        return "verb", verb
    aim = _outcome_or_inquiry(action, phrase)
    if aim:
        return "verb", aim
    whole = strip_leading_timing(_strip_bullets(action)).strip()
    target = _TARGET_ONLY.match(phrase) or _MEASURE_TO_BE.match(whole)
    if target and not _DEED_NOUN.search(phrase) and not _MEANS.search(_DEADLINE.sub(" ", phrase)):
        return "phrase", " ".join(target.group(0).split())  # "Whole-school attendance at 95% by July"
    # Only after a subject, not after a verb: "Train TAs to deliver NELI more consistently" is a deed.
    opens_with_verb = original == whole and whole.split()[0].casefold() in _ALL_ACTION_VERBS
    manner = None if opens_with_verb else (_MANNER_AIM.match(whole) or _LEARNER_MANNER.match(whole))
    if manner and not _concrete(whole) and not _MEANS.search(_AGENT.sub(" ", _DEADLINE.sub(" ", whole))):
        return "phrase", " ".join(manner.group(0).split()).lower()  # "... to manage behaviour more consistently"
    helped = _PEOPLE_HELPED.match(whole)
    if helped and not _concrete(whole) and not _MEANS.search(_DEADLINE.sub(" ", whole)):
        return "phrase", " ".join(helped.group(0).split()).lower()  # "ECTs supported with behaviour"
    quality = _QUALITY_STATE.match(phrase)
    if quality and not _concrete(phrase) and not _MEANS.search(_DEADLINE.sub(" ", phrase)):
        return "phrase", " ".join(quality.group(0).split())  # "Trainees' subject knowledge ... secure"
    if _only_a_topic(original, known, year_start):
        return "phrase", original.strip()
    learners = _LEARNER_OUTCOME.match(whole)
    if learners:
        return "phrase", " ".join(learners.group(0).split()[-2:])
    soft = _soft_aim(phrase, tuple(extra))
    if soft and " and " in soft:
        return "verb", soft
    collaboration = _COLLABORATION.match(phrase)
    aimed = _vague_pattern(tuple(extra))[0].match(phrase, collaboration.end()) if collaboration else None
    passive = _VAGUE_PASSIVE.search(action)
    candidates = (
        ("verb", soft),
        ("verb", phrase[: aimed.end(1)] if aimed else None),
        ("verb", f"to be {passive['verb'].lower()}" if passive else None),
        ("phrase", _aim_phrase(original)),
    )
    found = next(((kind, words) for kind, words in candidates if words), None)
    if found and not _names_something(action, known, year_start):
        return found
    compared = _comparative_aim(original)
    used = (
        bool(compared)
        and (compared.endswith(" of") or compared.split()[-1] in _FOCUS_WORDS)  # "Better use of", "Greater focus on"
        and not has_quantity(without_year_groups(action))
    )
    if compared and (used or not _DEED_NOUN.search(action)) and not _MEANS.search(_DEADLINE.sub(" ", action)):
        return "phrase", compared  # "Greater consistency in Do Nows across all depts": a name does not make it a deed
    state = _state_aim(strip_leading_timing(_strip_bullets(action)))
    if state and not _concrete(state[1]):  # a named thing to be aware of is not a deed: "aware of the KCSIE changes"
        return "phrase", state[0]  # the people in the state are not its owners: "Mentors to be confident ..."
    return None
