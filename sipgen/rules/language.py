"""Language heuristics shared by the rules: vague verbs, bland costs, unmeasured criteria ...

Each function answers one question about one piece of plan text. They err towards silence:
a false alarm costs more trust than a miss, so each is tested with statements it must flag
and near-misses it must not (tests/cases/language.toml).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from ..dates import MONTH_PATTERN, parse_date


def _listed(text: str) -> tuple[str, ...]:
    """A word list written as comma-separated text, so long lists stay readable."""
    return tuple(" ".join(w.split()) for w in text.split(",") if w.strip())


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
# Budgets and funding streams: a resource statement that only says where the money comes from
# ("Pupil premium", "Met from the staffing budget") does not say what is needed or how much.
FUNDING_WORDS = _listed("""
    budget, budgets, budgeted, funding, funded, fund, funds, grant, premium, pupil, pp, ppg, sport, sports, pe,
    recovery, catch-up, delegated, devolved, core, main, central, school, school's, staffing, cpd, itt, scitt,
    send, sen, high, needs, notional, trust, partnership, allocation, allocated, met, from, within, covered,
    by, in, our, existing, line
""")
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
# -- Actions: aims written as actions (AC201), owners and timings written in the text (AC205, AC202) --

# Verbs that are deeds with a concrete object and aims with an abstract one: "Maintain the SEND
# register weekly" is a deed, "Maintain a culture of high expectations" an aim.
SOFT_VERBS = _listed("""
    maintain, sustain, build, build on, establish, secure, deepen, broaden, widen, extend, refine,
    consolidate, reinforce, nurture, instil, cultivate, grow, increase
""")
# Verbs of working alongside others, vague when what they lead to is only an aim:
# "Work with partner schools to improve mentoring".
COLLABORATION_VERBS = _listed("work with, work closely with, liaise with, collaborate with, engage with, partner with")
# Qualities and states: nothing anyone can do, buy, count or visit.
ABSTRACT_NOUNS = _listed("""
    culture, ethos, climate, love, consistency, expectations, understanding, knowledge, confidence, capacity,
    profile, focus, emphasis, awareness, commitment, engagement, ambition, aspiration, aspirations, resilience,
    independence, standards, quality, outcomes, progress, attainment, provision, approach, vision, values,
    momentum, practice, ownership, accountability, enjoyment, motivation, wellbeing, well-being, opportunities,
    challenge, participation, cohesion, inclusion, achievement, fluency, oversight
""")
# Words that open a noun-phrase action by describing the state wanted: "Greater consistency in feedback".
ASPIRATION_OPENERS = _listed("""
    quality, high quality, high-quality, greater, better, improved, increased, higher, stronger, consistent,
    consistently, effective, more effective, enhanced, raised, robust, rich, richer, wider, deeper, sustained,
    continued, strong, improvement, improvements, excellent, outstanding, good, further
""")
# Words that may stand before an abstract noun in such a phrase: "A whole-school approach to oracy".
_ABSTRACT_MODIFIERS = _listed("""
    a, an, the, our, more, whole-school, whole school, school-wide, shared, common, clear, collective, positive,
    high, staff, pupil, pupils', pupils’, trainee, trainees', trainees’, mentor, mentors', mentors’, parental,
    parent, teacher, teachers', teachers’, children's, children’s, learners', learners’
""")
# Nouns that name a deed or a thing to buy: a phrase with one is concrete ("Phonics training for
# all KS1 staff"), even without a verb. Bare "CPD" or "teaching" is not: nothing says what.
DEED_NOUNS = _listed("""
    training, audit, audits, visit, visits, workshop, workshops, coaching, observation, observations, book look,
    book looks, learning walk, learning walks, drop-in, drop-ins, twilight, twilights, session, sessions, inset,
    meeting, meetings, moderation, scrutiny, scrutinies, survey, surveys, questionnaire, questionnaires, course,
    courses, conference, conferences, briefing, briefings, tutoring, intervention, interventions, club, clubs,
    assembly, assemblies, trip, trips, lesson study, team teaching, deep dive, deep dives, event, events,
    competition, competitions, masterclass, masterclasses, pack, packs, licence, licences, subscription,
    subscriptions, tracker, trackers, handbook, handbooks, app, apps, kit, kits, toolkit, timetable, quiz, quizzes,
    test, tests, screening, programme, residential
""")
# Capitalised words that are not names of products or programmes, and acronyms for groups,
# stages and subjects: "KS2", "SEND" and "Year" make nothing concrete.
_NOT_NAMES = _listed("""
    i, year, years, reception, nursery, key, stage, english, maths, mathematics, science, history, geography,
    french, spanish, german, music, art, computing, pe, re, pshe, rshe, british, christian, pupil, pupils,
    premium, ks1, ks2, ks3, ks4, ks5, lks2, uks2, eyfs, send, sen, pp, cpd, ta, tas, hlta, eal, fsm, slt, ect, ects,
    itt, ehcp, ehcps, dsl, mfl, dt, smsc, sats, school, schools, all, every, each, our, the, a, an
""")
# Roles that name who will act, written into an action: "SENCo to ...", "led by the HT".
OWNER_ROLES = _listed("""
    senco, sendco, inco, headteacher, head teacher, head, head of school, executive head, executive headteacher,
    deputy, deputy head, deputy headteacher, assistant head, assistant headteacher, principal, vice principal,
    ht, dht, dh, aht, ceo, slt, senior leaders, senior leadership team, business manager, sbm, office manager,
    bursar, attendance officer, education welfare officer, ewo, family support worker, learning mentor, elsa, dsl,
    ddsl, deputy dsl, mentor, mentors, lead mentor, lead mentors, tutor, tutors, induction tutor, partnership tutor,
    partnership tutors, lead tutor, link tutor, university tutor, visiting tutor, personal tutor, governor,
    governors, link governor, chair of governors, chair, trustees, class teacher, class teachers, ta, tas, hlta,
    hltas, teaching assistant, teaching assistants, partnership director, programme director, external examiner,
    site manager, caretaker, educational psychologist, speech and language therapist, school nurse, ect mentor
""")
# Verbs an owner written as the subject may go on with: "Attendance officer phones home ...".
ACTION_VERBS = _listed("""
    phone, call, ring, email, text, write, hold, run, lead, meet, visit, observe, train, audit, check, hear, read,
    teach, deliver, model, moderate, review, buy, order, purchase, publish, send, share, present, report, track,
    monitor, plan, prepare, screen, assess, test, update, set, give, coach, mentor, host, attend, complete,
    analyse, brief, contact, invite, agree, introduce, launch, timetable, organise, arrange, produce, create,
    design, draft, rewrite, revise, collect, record, log, sample, scrutinise, look, carry, chair, oversee,
    evaluate, interview, survey, film, facilitate, use, map, identify, book, allocate, appoint, recruit, release,
    provide, celebrate, reward, display, support, ensure, develop, work, liaise, cover, follow, apply, print, mark,
    speak, talk, walk, tell, show, demonstrate, maintain, keep, issue, distribute, circulate, post, upload,
    quality-assure
""")
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
# A short label before a colon or dash: "KS1 – greater fluency ...", "DH/SENCo: deliver ...".
_LABEL = re.compile(r"^(?P<label>[^:–—]{1,40}?)\s*(?::|\s[–—-])\s+(?=\S)")

_DIGIT = re.compile(r"\d")


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9&/'’-]+", text.casefold())


def _phrase_pattern(phrases: tuple[str, ...]) -> str:
    """An alternation of the phrases, longest first, any space between their words."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered)


def _strip_bullets(text: str) -> str:
    return _BULLET.sub("", _BULLET.sub("", text.strip()))


# A timing before a colon, comma or dash: "Spring term:", "w/c 15 Sept:", "By Christmas,", "From Aut2 -".
_LEADING_TIMING = re.compile(r"^(?P<when>[^:–—,;()]{2,50}?)\s*(?::|,|\s[–—-]|[–—])\s*(?=\S)")


def strip_leading_timing(text: str) -> str:
    """The text without an opening timing label or phrase, so that an owner or verb after it opens the text."""
    match = _LEADING_TIMING.match(text)
    if match and len(match["when"].split()) <= 6 and names_timing(match["when"]):
        return text[match.end() :]
    return text


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
    label = _LABEL.match(text)
    if label and len(label["label"].split()) <= 4:
        text = text[label.end() :]
    match = _INITIALS_SUBJECT.match(text)
    if match:
        return text[match.end() :]
    match = _MODAL.match(text)
    if match and _is_subject(match.group("subject").split()):
        return text[match.end() :]
    return text


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
    if verb not in _NEVER_NAMES and _names_a_product(original, match.end(1)):
        return None  # "Boost Reading packs sent home": a product, not an aim
    if verb == "support" and re.match(r"support(?:s|ing)?\s+(?:staff|assistants?|from|by)\b", rest):
        return None  # "Support staff run ..." names people; "Support from the tutor" is help given
    if verb == "address" and re.match(r"address(?:es)?\s+(?:list|book|labels?)\b", rest):
        return None
    if verb == "develop" and re.match(r"develop(?:s|ing)?\s+(?:a|an|new|two|three|\d+)\b", rest):
        if not _abstract_object(phrase[match.end() :]):
            return None  # "Develop a tracker" makes a thing; "develop a culture of ..." names an aim
    written = " ".join(match.group(1).split())
    following = pattern.match(phrase, match.end())
    if verb.startswith("continu") and following:
        return f"{written} {' '.join(following.group(1).split())}"  # "continue to embed"
    return written


_ABSTRACT = frozenset(ABSTRACT_NOUNS)
_OPENERS = frozenset(ASPIRATION_OPENERS)
_MODIFIERS = frozenset(_ABSTRACT_MODIFIERS)
_DEED_WORDS = frozenset(w for w in DEED_NOUNS if " " not in w)
_PREPOSITIONS = frozenset(
    _listed("in, of, for, to, across, among, amongst, within, with, around, at, throughout, on, by")
)


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
    well informed, well-equipped, well equipped, well prepared, well-prepared, up to speed
""")
# The people such a state is hoped for in.
PEOPLE = _listed("""
    staff, colleagues, adults, everyone, everybody, teachers, teacher, leaders, leader, governors, governor, mentors,
    mentor, tutors, tutor, trainees, trainee, ects, ect, tas, ta, hltas, assistants, supervisors, volunteers,
    practitioners, pupils, pupil, children, child, students, student, learners, learner, parents, parent, families,
    carers, team, teams, members, we
""")
_STATE_AIM = re.compile(
    r"^(?P<who>(?:[\w'’&/-]+\s+){0,5}?)"
    r"(?:(?:will|shall|should|must|need\s+to|needs\s+to|are\s+to|is\s+to|to)\s+(?:be|become|feel)|are|is|become|feel)"
    r"\s+(?:(?:fully|more|all|well|increasingly|very|much|sufficiently|suitably|better)\s+)?"
    r"(?P<state>" + _phrase_pattern(STATES) + r")\b",
    re.I,
)
_PEOPLE = frozenset(PEOPLE)
# Words that may describe the people: "All Year 6 teachers", "Partner school mentors", "New ECTs".
_PEOPLE_MODIFIERS = frozenset(
    (*_SUBJECT_WORDS, *_NOT_NAMES, *_listed("new, partner, relevant, early, career, lunchtime, midday, supply"))
)


def _state_aim(text: str) -> tuple[str, str] | None:
    """'All staff to be aware of ...', 'Mentors will feel confident ...': a state hoped for in people, no deed.

    Returns the words that name the state and the rest of the text after them.
    """
    match = _STATE_AIM.match(text)
    if not match:
        return None
    who = match["who"].strip()
    words = _words(who)
    if who and not _is_owner(who, None):
        if words[-1] not in _PEOPLE or any(w not in _PEOPLE_MODIFIERS and not w.isdigit() for w in words[:-1]):
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


_DEED_NOUN = re.compile(r"\b(?:" + _phrase_pattern(DEED_NOUNS) + r")\b", re.I)
# Numbers that only name a year group or key stage ("KS2", "Y3", "Year 6"), not a quantity.
_YEAR_GROUPS = re.compile(
    r"\b(?:[LU]?KS\d|Y\d{1,2}(?:\s*[/&-]\s*\d{1,2})?|(?:years?|yr|key\s+stage)\s*\d{1,2}"
    r"(?:\s*(?:[/&-]|and|to)\s*\d{1,2})?)\b",
    re.I,
)
_NAME_WORD = re.compile(r"\b(?:[A-Z][a-z]+|[A-Z]{2,}[A-Za-z0-9]*)\b")


def _names_something(text: str, known=None, year_start: dt.date | None = None) -> bool:
    """True when an action names something concrete: a figure, a deed, a product, an owner or a time."""
    if has_quantity(_YEAR_GROUPS.sub(" ", text)) or _DEED_NOUN.search(text):
        return True
    long_words = re.findall(r"[A-Za-z]{4,}", text)
    if sum(w[0].isupper() for w in long_words) < 0.9 * len(long_words):
        names = _NAME_WORD.findall(text, text.find(" ") + 1 if " " in text else len(text))
        if any(n.casefold() not in _NOT_NAMES for n in names):
            return True  # "RWI", "Talk for Writing": a named programme
    return names_owner(text, known) or names_timing(text, year_start)


def aim_not_deed(action: str, extra: tuple[str, ...] = (), known=None, year_start=None) -> tuple[str, str] | None:
    """How an action names an aim rather than a deed, as (kind, words), or None.

    kind is "verb" for a vague verb ("ensure", "continue to embed", "maintain a culture") and
    "phrase" for a noun phrase that names the state wanted ("greater consistency"). Soft verbs,
    passives and noun phrases are let off when the action also names something concrete.
    """
    verb = vague_verb(action, extra)
    if verb:
        return "verb", verb
    original = leading_verb_phrase(action).strip()
    phrase = original.lower()
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
    state = _state_aim(strip_leading_timing(_strip_bullets(action)))
    if state and not _names_something(state[1], known, year_start):
        return "phrase", state[0]  # the people in the state are not its owners: "Mentors to be confident ..."
    return None


# -- Owners written in the action's text (AC205) ---------------------------------------------------

_ROLE = re.compile(
    r"(?:"
    + _phrase_pattern(OWNER_ROLES)
    + r"|(?:[\w&/'’-]+\s+){1,2}?(?:leads?|leaders?|co-?ordinators?|teams?)"
    + r"|(?:year|yr|y)\s*\d+\s+(?:teachers?|teams?|staff|tas?))",
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
    r"|\b(?:owners?|responsible|who)\s*:\s*(?P<named>[^.;()]{1,60})",
    re.I,
)
_BRACKETED = re.compile(r"\((?P<who>[^()]{1,50})\)")
_TRAILING = re.compile(r"\s[–—-]\s*(?P<who>[^–—-]{1,40})$")
_VERBS = frozenset(ACTION_VERBS)


def _is_owner(part: str, known) -> bool:
    part = _OWNER_DETERMINER.sub("", part.strip(" .:;()[]'’"))
    if not part:
        return False
    if _ROLE.fullmatch(part):
        return True
    return known is not None and bool(_INITIALS.fullmatch(part)) and bool(known(part))


def _all_owners(text: str, known) -> bool:
    parts = [p for p in _OWNER_SEPARATOR.split(text) if p.strip()]
    return bool(parts) and all(_is_owner(p, known) for p in parts)


def _owners_lead(text: str, known) -> bool:
    """True when the text begins with owners: 'the SENCo and HT, with ...', 'the partnership tutor when ...'."""
    words = text.split()[:8]
    return any(_all_owners(" ".join(words[:n]), known) for n in range(len(words), 0, -1))


def _is_verb(word: str) -> bool:
    w = word.casefold()
    return w in _VERBS or (w.endswith("s") and w[:-1] in _VERBS) or (w.endswith("es") and w[:-2] in _VERBS)


def _owner_as_subject(text: str, known) -> bool:
    """'DH to run ...', 'SENCo: audit ...', 'Attendance officer phones ...', 'Mentors in each school hold ...'."""
    for pattern in (_BEFORE_COLON, _BEFORE_MODAL):
        match = pattern.match(text)
        if match and (_all_owners(match["who"], known) or _all_owners(_QUALIFIER.sub("", match["who"]), known)):
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
    trailing = _TRAILING.search(text)
    return bool(trailing) and _all_owners(trailing["who"], known)


# -- A lead named in a priority's preface (RS304) ------------------------------------------------

# Only a statement about the priority itself, opening a sentence: "Led by the headteacher ...",
# "This priority is led by DH", "Lead: SENCo". Not "Learning walks led by the DH found ...".
_LEAD_STATED = re.compile(
    r"(?:^|[.;!?]\s+|\n)\s*(?:(?:this|the|our)\s+(?:priority|work)\s+(?:is|will\s+be)\s+)?(?:co-?)?led\s+"
    r"(?:jointly\s+)?by\s+(?P<who>[^.;()\n]{1,60})"
    r"|(?:^|[.;!?]\s+|\n)\s*(?:priority\s+)?lead(?:er)?s?\s*:\s*(?P<named>[^.;()\n]{1,60})",
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


# -- Timings written in the action's text (AC202) --------------------------------------------------

_RECURRING = re.compile(
    r"\b(?:half[- ]?termly|termly|weekly|fortnightly|monthly|daily|annually|yearly|bi-?annually|bi-?weekly)\b", re.I
)
# A recurring word after a definite article names a thing, not when: "Redesign the termly report".
_NAMES_A_THING = re.compile(r"(?:\b(?:the|our|their|its|this|that|these|those)|['’]s?)\s+$", re.I)
_EVERY_PERIOD = re.compile(
    r"\b(?:each|every|per|once\s+a|twice\s+a|times\s+a|(?:sessions?|lessons?|minutes|mins|hours?|hrs|visits?|"
    r"meetings?|days?)\s+(?:a|per))\s+(?:half[- ]?term|term|week|fortnight|month|year|day|morning|afternoon|"
    r"evening|monday|tuesday|wednesday|thursday|friday)s?\b(?!\s*(?:group|team|\d))",
    re.I,
)
_BOUNDED = re.compile(
    r"\bfor\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+"
    r"(?:weeks?|months?|terms?|half[- ]terms?|sessions?|days?)\b",
    re.I,
)
_TIMING_PHRASE = re.compile(
    r"\b(?:on-?going|throughout\s+the\s+(?:academic\s+|school\s+)?year|all\s+year(?:\s+round)?"
    r"|(?:at|by|before|after|from|until|over|during|in)\s+(?:the\s+)?(?:start|end|beginning)\s+of\s+"
    r"(?:the\s+|each\s+|every\s+)?(?:half[- ]?term|term|year)"
    r"|(?:by|before|after|until|from|at|over|during|in)\s+(?:the\s+)?(?:next\s+)?half[- ]?term"
    r"|(?:on|at|during|in|by|before|after)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}inset(?:\s+days?)?|inset\s+days?"
    r"|(?:first|second|last)\s+(?:week|day|fortnight)\s+(?:of|back\s+after)\s+(?:the\s+)?(?:[\w-]+\s+)?term"
    r"|next\s+(?:staff|governors['’]?|fgb|slt|phase)\s+meeting)\b",
    re.I,
)
# Words a date or term can hang on; "May" and "March" only with a capital, as verbs are lower case.
_DATE_ANCHOR = re.compile(
    rf"(?:{MONTH_PATTERN}|autumn|spring|summer|aut[12]?|spr[12]?|sum[12]|christmas|xmas|easter"
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{4}-\d{1,2}-\d{1,2})\.?",
    re.I,
)
_LOWER_CASE_VERBS = frozenset(("may", "march", "mar"))
_SEASONS = frozenset(("autumn", "spring", "summer"))
_SEASON_BEFORE = frozenset(
    _listed("in, by, during, over, from, until, before, after, across, throughout, this, next, at, on")
)
_SEASON_AFTER = re.compile(r"(?:term|half|half-term|[12]|one|two|\d{2}|\d{4})$", re.I)
_DEADLINE = re.compile(r"\b(?:before|until|till|ahead\s+of|no\s+later\s+than)\b", re.I)
_TOKEN = re.compile(r"[^\s,;()\[\]]+")
_ANY_YEAR = dt.date(2001, 9, 1)  # a year to read half-terms against when the plan gives none


def names_timing(text: str, year_start: dt.date | None = None) -> bool:
    """True when an action's text says when: a recurrence ("fortnightly", "each term"), a date or
    term sipgen can read ("by Easter", "w/c 8 Sept", "over the summer term"), or "on the first INSET day".
    """
    if not _BOUNDED.search(text):  # "weekly sessions for 6 weeks" is a block that still needs dating
        for match in _RECURRING.finditer(text):
            if not _NAMES_A_THING.search(text[: match.start()]):
                return True
        if _EVERY_PERIOD.search(text):
            return True
    if _TIMING_PHRASE.search(text):
        return True
    tokens = [t.rstrip(".:") for t in _TOKEN.findall(_DEADLINE.sub("by", text))]
    for i, token in enumerate(tokens):
        if _is_anchor(token) and _can_be_a_date(tokens, i) and _reads_as_date(tokens, i, year_start):
            return True
    return False


_RANGE_DASH = re.compile(r"[-–—]")


def _is_anchor(token: str) -> bool:
    """A word a date can hang on, or a range of two ("Jan-April", "Sept–Dec", "Aut1-Spr2")."""
    if _DATE_ANCHOR.fullmatch(token):
        return True
    parts = _RANGE_DASH.split(token)
    return len(parts) == 2 and all(_DATE_ANCHOR.fullmatch(part) for part in parts)


def _can_be_a_date(tokens: list[str], i: int) -> bool:
    token = tokens[i]
    if any(p.casefold() in _LOWER_CASE_VERBS and not p[0].isupper() for p in _RANGE_DASH.split(token) if p):
        return False
    if token.casefold() not in _SEASONS:
        return True
    before = [t.casefold() for t in tokens[max(0, i - 2) : i]]
    if before and before[-1] == "the":
        before.pop()
    after = tokens[i + 1] if i + 1 < len(tokens) else ""
    # "Summer school", "for the summer reading challenge": a season that only describes a thing.
    return bool(_SEASON_AFTER.match(after)) or (bool(before) and before[-1] in _SEASON_BEFORE)


def _reads_as_date(tokens: list[str], i: int, year_start: dt.date | None) -> bool:
    """True when some few words around tokens[i] read as a date ("by Easter", "w/c 8 Sept", "Autumn 1")."""
    year_start = year_start or _ANY_YEAR
    for first in range(max(0, i - 3), i + 1):
        for last in range(i + 1, min(len(tokens), i + 4) + 1):
            found = parse_date(" ".join(tokens[first:last]), year_start)
            if found is not None and found.dated:
                return True
    return False


# -- Where a priority comes from, said in its preface (PR102) --------------------------------------

# Evidence a priority can come from: self-evaluation, inspection, an examiner, monitoring, data, surveys.
EVIDENCE_SOURCES = _listed("""
    self-evaluation, self evaluation, self-review, sef, sed, ofsted, inspection, inspectors, inspector, siams,
    external examiner, examiner, examiner's, examiner’s, report, review, audit, lesson visits, visits,
    learning walks, learning walk, book looks, book look, work scrutiny, book scrutiny, scrutiny, observations,
    drop-ins, deep dive, deep dives, monitoring, survey, surveys, questionnaire, questionnaires, pupil voice,
    parent voice, student voice, focus group, focus groups, data, results, assessments, assessment, tests,
    scores, check, sats, mtc, idsr, isdr, asp, fft, analyse school performance, tracking, tracker, evaluation,
    feedback, adviser, advisor, local authority, trust, dfe, moderation
""")
_EVIDENCE = r"\b(?:" + _phrase_pattern(EVIDENCE_SOURCES) + r")\b"
_FOUND = (
    r"\b(?:found|finds|showed|shows|shown|revealed|reveals|identified|identifies|highlighted|highlights|noted|"
    r"notes|said|says|reported|recommended|recommends|judged|indicated|indicates|confirmed|confirms|suggested|"
    r"suggests|asked|raised|concluded|recorded|rated|graded|gave)\b"
)
_SOURCE_STATED = re.compile(
    rf"{_EVIDENCE}[^.;!?]{{0,100}}?{_FOUND}"  # "lesson visits last term found ...", "ISDR shows ..."
    r"|\b(?:told|tell)\s+us\b"  # "a third of parents told us ..."
    rf"|\b(?:identified|highlighted|raised|noted|recommended|arising|as\s+shown)\s+(?:in|by|from|through)\s+"
    rf"(?:[\w'’-]+\s+){{0,3}}?{_EVIDENCE}"
    r"|\b(?:previous|last\s+year['’]s|last|20\d\d[-–/]\d{2,4})\s+(?:school\s+)?(?:improvement\s+|development\s+)?"
    r"(?:plan|sip|sdp|pip)\b|\bcarried\s+(?:forward|over)\b",  # the previous plan
    re.I,
)
# Evidence cited with its year or a figure: "In the 2025 KS2 assessments 58% ...", "exit survey (June 2025): 40% ...".
# A bare "results went down last year" cites nothing a reader could look up.
_DATED_EVIDENCE = re.compile(
    rf"{_EVIDENCE}[^.;!?]{{0,80}}?(?:\b20\d\d\b|\d\s*%)|\b20\d\d\b[^.;!?]{{0,60}}?{_EVIDENCE}"
    r"|\d\s*%[^.;!?]{0,80}?\b20\d\d\b|\b20\d\d\b[^.;!?]{0,80}?\d\s*%",  # a result and its year
    re.I,
)
_FUTURE = re.compile(
    r"\b(?:will|shall|expect|expects|going\s+to|intend|plan\s+to|hope|want|wants|aim|aims|target|by\s+20\d\d)\b", re.I
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def states_source(*texts: str) -> bool:
    """True when a priority's preface (or 'now') says where it came from, in a sentence about the past.

    "Lesson visits last term found ...", "a third of parents told us ...", "our Ofsted report (May 2025)
    said ...", "the previous plan ..."; not "We will survey parents in the spring".
    """
    for text in texts:
        for sentence in _SENTENCE.split(text or ""):
            if _FUTURE.search(sentence):
                continue
            if _SOURCE_STATED.search(sentence) or _DATED_EVIDENCE.search(sentence):
                return True
    return False


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
    remaining = [w for w in lowered.split() if w not in _BLAND]
    return not remaining


_BLAND = frozenset((*BLAND_RESOURCE_WORDS, *FUNDING_WORDS))
_MONEY = frozenset(
    _listed("budget, budgets, budgeted, funding, funded, fund, funds, grant, premium, pp, ppg, delegated, devolved")
)


def names_funding_only(text: str) -> bool:
    """True when a bland resource statement names a budget or grant ("PP funding", "Within budget")."""
    return any(w in _MONEY for w in _words(text))


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
