"""How a criterion's clauses read (SC504, SC508): where its verbs are, whether it strings several
criteria together, and whether it is about what the school provides or what learners achieve.

A criterion is a fragment more often than a sentence ("Y6 reading: 75% at EXS (KS2 SATs)"), so
verbs are found by their place among the words, not by a parser; tests/cases/criteria.toml holds
the statements each question must flag and the near-misses it must not.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...dates import MONTH_PATTERN
from .common import _phrase_pattern
from .measures import (
    _AUXILIARIES,
    _COMPLETED,
    _DETERMINERS,
    _DONE_TO,
    _TOKEN,
    _TRAINEE_SET,
    CLAUSE_VERBS,
    COUNT_WORDS,
    FAMILIES,
    LEARNERS,
    NOUN_HEADS,
    NOUN_VERBS,
    OPENERS,
    OUTCOME,
    OUTCOME_NOUNS,
    PROVIDED_TO,
    PROVIDERS,
    PROVISION,
    PROVISION_NOUNS,
    RECEIVING,
    SUBJECTS,
    TRAINEES,
    _any_of,
    _may_complete,
    names_a_measure,
    states_its_milestones,
)
from .quantities import AGE_RANGE

# -- Patterns ----------------------------------------------------------------------------------

_TITLE = re.compile(r"[A-Z][a-z'’-]+")
_SENTENCE_BREAKS = frozenset(".:;!?(\"'‘“-–—•*")  # after these a capital starts a sentence, not a name
_NAME_INSIDE = re.compile(r"[^\s.:;!?(\"'‘“\-–—•*]\s+[A-Z][a-z]")
_PARENTHESES = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_SENTENCES = re.compile(r";|\.\s+(?=[A-Z0-9])")
_COORDINATION = re.compile(r",\s*(?:and\s+)?|\s+and\s+|\s+as\s+well\s+as\s+|\s+while\s+|\s+whilst\s+", re.I)
_RELATIVE_WORDS = frozenset(("that", "which", "who", "whose", "where", "because", "so", "when", "if"))
_SHARE_FIRST = re.compile(r"\s*(?:at\s+least\s+|over\s+|more\s+than\s+)?\d+(?:\.\d+)?\s*(?:%|per\s*cent)\s", re.I)
_OF_GROUP = re.compile(r"\d+(?:\.\d+)?\s*(?:%|per\s*cent)\s+of\s+(?P<group>.*)", re.I)
_VERBS = frozenset(CLAUSE_VERBS)
_NOUN_VERBS = frozenset(NOUN_VERBS)
_OBJECT_STARTS = frozenset(("the", "a", "an", "their", "his", "her", "its", "our", "them", "this", "these", "those"))
_APPROXIMATELY = frozenset(("at", "least", "most", "more", "less", "fewer", "than", "over", "under", "about", "around"))
_FIGURE_STARTS = frozenset(COUNT_WORDS) | {"a", "half"}
_HELPERS = frozenset(("can", "will", "to", "could", "must", "should", "may"))  # "can name", "able to plan"
_NOUN_HEADS = frozenset(NOUN_HEADS)
_SUBJECTS = frozenset(SUBJECTS)
_OPENERS = frozenset(OPENERS)
_LEARNER_SET = frozenset(LEARNERS)
_FAMILY_SET = frozenset(FAMILIES)
_PROVIDER_SET = frozenset(PROVIDERS)
_PROVIDED_TO = re.compile(
    rf"^\W*(?:\S+\s+){{0,5}}?(?:{_phrase_pattern(LEARNERS + FAMILIES + TRAINEES)})\s+(?:\S+\s+){{0,3}}?"
    rf"(?:(?P<be>are|is|were|was|be|being)\s+(?:\S+ly\s+)?(?:{_phrase_pattern(PROVIDED_TO)})|(?P<get>{_phrase_pattern(RECEIVING)}))\b",
    re.I,
)
_ACTED_ON = frozenset(max(phrase.split(), key=len) for phrase in PROVIDED_TO + RECEIVING)
_OUTCOME_NOUNS = _any_of(OUTCOME_NOUNS)
_PROVISION_NOUNS = _any_of(PROVISION_NOUNS)

# -- Reading clauses (SC504, SC505, SC508) ------------------------------------------------------


def _tokens(text: str) -> list[str]:
    """The words of ``text``, lower-cased. A capitalised word inside a sentence is a name
    ("Read Write Inc.", "Talk for Writing"), so it is marked "^" and never read as a verb."""
    if text.isupper() or not _NAME_INSIDE.search(text):
        return _TOKEN.findall(text.casefold().replace("’", "'"))  # the common case: no names
    tokens = []
    for match in _TOKEN.finditer(text):
        word = match.group(0)
        token = word.casefold().replace("’", "'")
        if word[0].isupper() and _TITLE.fullmatch(word):
            i = match.start() - 1
            while i >= 0 and text[i].isspace():
                i -= 1
            if i >= 0 and text[i] not in _SENTENCE_BREAKS:
                token = "^" + token
        tokens.append(token)
    return tokens


def _possessive(word: str) -> bool:
    return word.endswith("'s") or word.endswith("s'")


@lru_cache(maxsize=4096)
def _lemma(word: str) -> str | None:
    """The clause verb ``word`` is a form of ("sets" -> "set", "applies" -> "apply"), or None."""
    if word in _VERBS:
        return word
    for suffix, ending in (("ies", "y"), ("es", ""), ("s", "")):
        if word.endswith(suffix) and word[: -len(suffix)] + ending in _VERBS:
            return word[: -len(suffix)] + ending
    return None


# Words that make "leads" a job title: "school leads", "subject leads", "phase leads".
_LED_THINGS = frozenset(
    ("school", "subject", "phase", "partnership", "trust", "department", "programme", "course", "curriculum")
    + ("placement", "hub", "cluster", "network", "area", "faculty", "module", "key", "stage")
)


def _is_verb(tokens: list[str], i: int) -> bool:
    """Whether tokens[i] is a verb where it stands: not after "the", "their", "of"; and a word
    that is also a noun ("plans", "scores") only after a subject, a helper or at a clause's start."""
    lemma = _lemma(tokens[i])
    if lemma is None:
        return False
    before = tokens[i - 1] if i else ""
    if before in _DETERMINERS or _possessive(before):
        return False
    if lemma == "lead" and before in _LED_THINGS:
        return False  # "with all school leads": people, not a verb
    if lemma not in _NOUN_VERBS:
        return True
    after = tokens[i + 1] if i + 1 < len(tokens) else ""
    if not after and i and before.endswith("s") and not before.endswith("ss"):
        return True  # "... and library loans double", "reading ages rise": a plural, then the verb last
    if i == 0:
        return after not in _NOUN_HEADS
    if before in _SUBJECTS or before in _AUXILIARIES or before.endswith("ly") or before.endswith("%"):
        return True  # "Pupils set ...", "can use ...", "85% secure a post"
    # "... in KS1 match the sounds", "... maths rises to 65%": an object or a change follows
    return after in _OBJECT_STARTS or (after in ("to", "from") and _figure_follows(tokens, i + 2))


def _figure_follows(tokens: list[str], i: int) -> bool:
    """Whether a figure starts at tokens[i], after "at least", "more than" and the like."""
    while i < len(tokens) and tokens[i] in _APPROXIMATELY:
        i += 1
    return i < len(tokens) and (tokens[i][:1].isdigit() or tokens[i] in _FIGURE_STARTS)


def _verbs(tokens: list[str]) -> list[int]:
    return [i for i in range(len(tokens)) if _is_verb(tokens, i)]


# Verbs that hold a measure where the clause before left it, rather than add a criterion.
_CONTINUING = frozenset(("stays", "stay", "remains", "remain", "holds", "hold", "is", "are", "then"))


def _clauses(sentence: str) -> int:
    """How many criteria one sentence holds: each verb with its own subject or its own object.

    "Staff understand the policy and know where the exemplars are" is two (two verbs, each with
    its own object); "Trainees plan and teach a sequence of lessons" is one (two verbs share an
    object: one compound skill); "Attendance rises and exclusions fall" is two (two subjects).
    """
    count, shares, continues = 0, False, False
    one_share = bool(_SHARE_FIRST.match(" " + sentence.lstrip()))  # "90% of pupils asked can name ... and explain ..."
    for segment in _COORDINATION.split(sentence):
        tokens = _tokens(segment)
        verbs = _verbs(tokens)
        if not verbs:
            later_figure = not _TIME_ONLY.sub("", _MEASURE_FIGURE.sub("", segment)).strip()
            if count and len(tokens) >= 3 and _SHARE_FIRST.match(segment) and not later_figure:
                count += 1  # its own measured group: "... and 85% secure a teaching post", not "... and 80% by July"
            continue  # else a noun in a list: "reading, writing and maths"
        if tokens[0] in _OPENERS and count == 0:
            continue  # "When teaching early reading, ...": the scene, not a criterion
        if count and tokens[0] in _CONTINUING:
            continue  # "... falls to 12% and stays below 12%": the same measure held, not another
        if any(t in _RELATIVE_WORDS for t in tokens[: verbs[0]]):
            continue  # "pupils who attend breakfast club": its verb is the relative clause's
        lead = 0
        while lead < len(tokens) and (tokens[lead] in _AUXILIARIES or tokens[lead].endswith("ly")):
            lead += 1  # "... and can apply", "... and then teach"
        opens_with_verb = verbs[0] <= lead
        if not opens_with_verb and len(tokens) >= 2:
            count += 1  # its own subject: "... and exclusions fall"
        elif opens_with_verb and count and one_share and not _MEASURE_FIGURE.search(segment):
            pass  # the opening share counts both: one measured task, not two criteria
        elif opens_with_verb and not (count and (shares or continues)):
            count += 1  # its own object: "... and know where the exemplars are"
        shares = _leaves_its_object(tokens, verbs)
        continues = any(t in _RELATIVE_WORDS for t in tokens[verbs[0] + 1 :])
    return count


def _leaves_its_object(tokens: list[str], verbs: list[int]) -> bool:
    """True when a segment ends on its verb, so the verb shares the next segment's object:
    "Pupils read [and write at the expected standard]", "are able to plan", "can name"."""
    main = [i for i in verbs if tokens[i] not in _AUXILIARIES]
    last = len(tokens) - 1
    if main and main[0] == last:
        return True
    return last > 0 and tokens[last - 1] in _HELPERS and _lemma(tokens[last]) is not None


# A figure that measures: a percentage, points, a score with decimals, "N of M", or a halving or doubling.
_MEASURE_FIGURE = re.compile(
    r"[-+]?\d+(?:\.\d+)?\s?%|\b\d+(?:\.\d+)?\s+(?:percentage\s+)?points?\b|[-+]?\b\d+\.\d+\b|"
    r"\b\d+\s+(?:of|out\s+of)\s+\d+\b|\b(?:halves?|halved|halving|doubles?|doubled|doubling|trebles?)\b|"
    r"\b(?:grade|level|band|step)s?\s+\d+(?:\s+or\s+(?:better|above|higher))?|"
    r"\b(?:no|zero)\s+(?:(?:permanent|fixed[- ]term|internal|external|serious|further|repeat|new)\s+)?"
    r"(?:suspensions|exclusions|incidents|complaints|referrals|restraints|lates)\b",
    re.I,
)
# "No permanent exclusions": a figure and its measure in one, so never a later figure of another measure.
_NONE_OF = re.compile(
    r"\b(?:no|zero)\s+(?:\S+\s+)?(?:suspensions|exclusions|incidents|complaints|referrals|restraints|lates)\b", re.I
)
# Where one measure's words join two things ("between 80% and 90%", "Y5 and Y6"), not two measures.
_ONE_SPAN = re.compile(r"\bbetween\s+\S+\s+and\s+\S+", re.I)
_MEASURE_JOIN = re.compile(
    r"\s*(?:;|,?\s+and\s+|,\s+with\s+|"
    r",(?!\s*(?:up|down|from|compared|against|including|in\s+20|judged|measured|assessed|as|by|using|on|at|where)\b)|"
    r"\s+as\s+well\s+as\s+|\s+plus\s+)\s*",
    re.I,
)
_LABEL_NUMBERS = re.compile(
    r"\b(?:[LU]?KS\d|Y\d{1,2}|(?:years?|yr|key\s+stage|progress|attainment)\s*\d{1,2}|(?:19|20)\d\d(?:[-/]\d{2,4})?)\b|"
    + AGE_RANGE,
    re.I,
)


_TIME_ONLY = re.compile(
    rf"\b(?:in|by|at|for|from|to|the|end|of|then|and|stays?|remains?|below|above|under|over|sustained|maintained|"
    rf"{MONTH_PATTERN}|autumn|spring|summer|term|year|half[- ]?term|"
    r"july|june|december|march|aut[12]?|spr[12]?|sum[12]?|placement|mocks?|[abc])\b|[.,]",
    re.I,
)


# "Y7 and Y8 pupils", "Years 5 & 6": one group, whose "and" joins no two measures.
_GROUPS_JOINED = re.compile(r"\b(?:y|yr|year|ks)\s?\d{1,2}\s*(?:and|&|/)\s*(?:y|yr|year|ks)?\s?\d{1,2}\b", re.I)
_HOW_OFTEN = re.compile(r"\s*(?:in|on|across|during|over|for)\s+(?:at\s+least\s+)?\d+\s+(?:of|out\s+of)\s+\d+\b", re.I)
_RELATIVE_OPEN = re.compile(r"\b(?:who|that|which|whose)\s+\w+(?:\s+\w+){0,4}$", re.I)


def measure_count(text: str) -> int:
    """How many measures one criterion states: the parts joined by "and", ";" or ", with" that
    each carry a figure of their own ("90% at ARE in maths and 85% in reading" is two)."""
    plain = _ONE_SPAN.sub(" ", _LABEL_NUMBERS.sub(" ", _PARENTHESES.sub(" ", _GROUPS_JOINED.sub(" groups ", text))))
    joined: list[str] = []
    for part in _MEASURE_JOIN.split(plain):
        # "80% of pupils who attend breakfast club and after-school club reach 96%": the "and" is
        # inside the relative clause, so both halves are one measure. "..., in 4 of 5 observed
        # transitions" says how often the same measure must hold.
        if joined and _HOW_OFTEN.match(part):
            continue
        if joined and _RELATIVE_OPEN.search(joined[-1]):
            joined[-1] += " and " + part
        else:
            joined.append(part)
    parts = [part for part in joined if _MEASURE_FIGURE.search(part)]
    # "... achieving grade 5+ in English and maths rises from 21% to 32%": a grade that says who is
    # counted is part of the measure whose change follows, not a measure of its own; unless the next
    # part opens with a share of its own ("ALPS grade 3 ... and 95% of Y13 secure ...").
    parts = [
        part
        for i, part in enumerate(parts)
        if _MEASURE_FIGURE.search(_THRESHOLD.sub(" ", part))
        or i + 1 == len(parts)
        or _SHARE_FIRST.match(parts[i + 1] + " ")
    ]
    # "... rises to 75% in 2026 and 80% in 2027": a later figure of the same measure, not another.
    return sum(
        1
        for i, part in enumerate(parts)
        if i == 0 or _NONE_OF.search(part) or _TIME_ONLY.sub("", _MEASURE_FIGURE.sub("", part)).strip()
    )


# Past participles a criterion leaves its verb off: "All TAs trained", "interventions timetabled".
_IRREGULAR_PARTICIPLES = frozenset(
    ("taught", "written", "given", "shown", "held", "run", "done", "set", "made", "seen")
)


_NOT_A_SUBJECT = frozenset(
    ("well", "fully", "very", "more", "less", "not", "also", "all", "both", "being", "been", "then")
)
_FRAGMENT_NOT_SUBJECT = frozenset(
    ("of", "in", "on", "for", "with", "from", "by", "at", "into", "about", "between", "among", "than", "to")
)


def _participle_fragment(tokens: list[str]) -> bool:
    """True for a verbless clause of a subject and a past participle: "All TAs trained in Precision Teaching"."""
    for j in range(1, min(4, len(tokens))):
        word = tokens[j]
        if not (word in _IRREGULAR_PARTICIPLES or (len(word) > 4 and word.endswith("ed"))):
            continue
        before = tokens[:j]
        after = tokens[j + 1] if j + 1 < len(tokens) else ""
        if before[0] in _OPENERS or before[-1] in _DETERMINERS or before[-1].endswith(("ed", "ly")):
            return False
        if not _FRAGMENT_NOT_SUBJECT.isdisjoint(before):
            return False  # "the gap between disadvantaged ...": an adjective inside a longer subject
        if all(w in _NOT_A_SUBJECT or w.endswith("ly") for w in before):
            return False  # "... and well supported at lunchtime": how, not who
        # "staff trained in ...", "interventions timetabled": the participle ends the clause or a phrase opens
        return not after or after in _DETERMINERS or after in ("to", "and", "across", "weekly", "termly", "daily")
    return False


def _listed_states(sentence: str) -> bool:
    """True for a list of states, each with its own subject, at least one without its verb: "All TAs
    trained in Precision Teaching, interventions timetabled and pupils make accelerated progress"."""
    fragments = clauses = 0
    for segment in _COORDINATION.split(sentence):
        tokens = _tokens(segment)
        if not tokens:
            continue
        verbs = _verbs(tokens)
        if not verbs and _participle_fragment(tokens):
            fragments += 1
        elif (
            verbs
            and verbs[0] > 0
            and (
                set(tokens[: verbs[0]]) & _SUBJECTS
                or (verbs[0] <= 3 and _FRAGMENT_NOT_SUBJECT.isdisjoint(tokens[: verbs[0]]))
            )
        ):  # its own subject: "pupils make ...", "restraints reduce"
            clauses += 1
    return fragments >= 1 and fragments + clauses >= 2


# A grade or level that a share is counted at: "grade 5+", "level 2 or above".
_THRESHOLD = re.compile(r"\b(?:grade|level|band|step)s?\s+\d+\+?(?:\s+or\s+(?:better|above|higher))?", re.I)


# Lines or bullet points in one cell, each a criterion of its own.
_LINES = re.compile(r"\s*(?:\n|[•·▪●◦])\s*")
# Words in quotation marks name something ("the 'say it, write it' routine"); an apostrophe is not one.
_QUOTED = re.compile(r"(?<!\w)['‘\"“][^'’\"”\n]{2,60}['’\"”](?!\w)")


_NUMBERED = re.compile(r"(?:^|\s)(?:\d{1,2}|[a-e])[).]\s+\S")


@lru_cache(maxsize=8192)
def merged_criteria(text: str) -> bool:
    """True when one criterion strings several together (guidance §38), as clauses with their
    own subject or their own object. Brackets name the evidence, so they are left out; figures
    for each review point ("91% by Dec, 92% by Easter, 93% by July") are one measure staged."""
    if states_its_milestones(text):
        return False
    if sum(1 for line in _LINES.split(text) if len(line.split()) >= 2) >= 2:
        return True  # "• PP attendance 95%  • PP reading at ARE 70%": criteria listed one under another
    head, colon, measured = text.partition(":")
    if colon and not names_a_measure(head) and names_a_measure(measured):
        text = measured  # "Pupils read widely and often: 75% log 3+ reads a week": the heading, then its measure
    text = _QUOTED.sub(" the routine ", text)  # "the 'say it, write it' routine": a name, not two clauses
    sentences = [s for s in _SENTENCES.split(_PARENTHESES.sub(" ", text)) if s.strip()]
    counts = [_clauses(s) for s in sentences]
    if len(_NUMBERED.findall(text)) >= 2 or sum(1 for part in text.split(";") if len(part.split()) >= 2) >= 2:
        return True  # "1) ... 2) ...", or criteria set one after another with semicolons
    if sum(1 for c in counts if c) >= 2 or any(c >= 2 for c in counts) or measure_count(text) >= 2:
        return True
    if _CHANGES_WITH.search(text) or _PARTICIPLES_LISTED.search(text) or _comparatives_listed(text):
        return True
    return any(_listed_states(s) for s in sentences) or _outcomes_listed(text) or _changes_listed(text)


# Three things done to one subject, each to judge on its own: "History is sequenced, resourced and taught consistently".
_PARTICIPLE = r"(?:[a-z]+ed|taught|written|seen|known|run|led|built|brought)"
_PARTICIPLES_LISTED = re.compile(
    rf"\b(?:is|are)\s+(?:[a-z]+ly\s+)?{_PARTICIPLE}\s*,\s*{_PARTICIPLE}\s*,?\s+(?:and|&)\s+{_PARTICIPLE}\b", re.I
)


def _comparatives_listed(text: str) -> bool:
    """True for changes listed, each opening with its own comparative: "Fewer interventions, better
    attendance and more qualifications"."""
    parts = [p for p in re.split(r"\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+", text.strip(" .")) if p.strip()]
    return len(parts) >= 2 and all(_COMPARATIVE_FIRST.match(p) and len(p.split()) >= 2 for p in parts)


_COMPARATIVE_FIRST = re.compile(r"(?:more|fewer|less|better|higher|lower|greater|improved|increased|reduced)\b", re.I)
# One change, then two more that come with it: "Behaviour improves, with fewer restraints and better
# sleep routines" is three measures.
_MORE_OR_LESS = r"(?:fewer|more|less|better|higher|lower|improved|reduced|increased|stronger|greater)"
_CHANGES_WITH = re.compile(
    rf"\b(?:improves?|rises?|increases?|falls?|better|improved|higher|lower)\b.*?\bwith\s+{_MORE_OR_LESS}\s+"
    rf"[^,;]+?(?:,\s*|\s+(?:and|&)\s+){_MORE_OR_LESS}\s+\w+",
    re.I,
)


# Three or more outcomes that all change with one verb: "Pupils' behaviour, attendance and reading all improve".
_OUTCOME_LIST = re.compile(
    r"^(?:[\w'’-]+\s+){0,2}?(?P<items>[\w'’-]+(?:\s+[\w'’-]+)?(?:\s*,\s*[\w'’-]+(?:\s+[\w'’-]+)?)+\s*,?\s+"
    r"(?:and|&)\s+[\w'’-]+(?:\s+[\w'’-]+)?)\s+(?:all\s+|each\s+)?(?:improve|improves|rise|rises|increase|increases|"
    r"get\s+better|gets\s+better|are\s+better|are\s+improved|fall|falls)\b",
    re.I,
)
_OUTCOME_WORDS = frozenset(
    (*OUTCOME_NOUNS, "reading", "writing", "maths", "punctuality", "wellbeing", "well-being", "engagement", "grades")
)


_CHANGE_WORD = re.compile(
    r"\b(?:up|down|higher|lower|better|improved|improves?|rises?|falls?|increased?|reduced?)\b", re.I
)


def _changes_listed(text: str) -> bool:
    """True for two or more outcomes, each with its own change: "Attendance up, retention higher & better grades"."""
    parts = [p for p in re.split(r"\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+", text) if p.strip()]
    changed = [
        p
        for p in parts
        if _CHANGE_WORD.search(p) and not _OUTCOME_WORDS.isdisjoint(_tokens(p) + ["grades"] * ("grade" in p.casefold()))
    ]
    return len(changed) >= 2 and len(changed) == len(parts)


def _outcomes_listed(text: str) -> bool:
    """True for a list of three or more outcomes joined to one verb of change, with no figure: each
    is a criterion of its own, to measure on its own ("Behaviour, attendance and reading all improve")."""
    match = _OUTCOME_LIST.match(text.strip())
    if not match or re.search(r"\d|\bcombined\b", _LABEL_NUMBERS.sub(" ", text)):
        return False
    items = re.split(r"\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+", match["items"])
    return sum(1 for item in items if item.split()[-1].casefold() in _OUTCOME_WORDS) >= 2


# -- Provision or outcome (SC508) ----------------------------------------------------------------


def _subject(text: str) -> str:
    """The part of a criterion that names whom or what it is about."""
    head, comma, tail = text.partition(",")
    opening = _tokens(head)
    if comma and opening and (opening[0] in _OPENERS or not _verbs(opening)):
        text = tail  # "When teaching early reading using SSP, 95% of trainees ...", "By July 2026, ..."
    done = _COMPLETED.search(text) if _may_complete(text) else None
    if done and done.start() > 0:
        text = text[: done.start()]  # "Provision maps in place for all pupils": the maps
    share = _OF_GROUP.search(text)
    if share and not _verbs(_tokens(text[: share.start()])):
        text = share.group("group")  # "90% of mentors set ...": the group after "of"
    tokens = _tokens(text)
    verbs = [i for i in _verbs(tokens) if i > 0]
    return " ".join(tokens[: verbs[0] if verbs else 8])


def _done_to_learners(text: str) -> bool:
    """True when learners or families are the ones acted on: "Families are phoned by 9.30am",
    "All pupils receive daily phonics" (not "Parents understand how phonics is taught")."""
    words = _TOKEN.findall(text.casefold())
    if _DONE_TO.isdisjoint(words) or _ACTED_ON.isdisjoint(words):
        return False  # no learner, or no verb of being given something: the common case
    match = _PROVIDED_TO.search(text)
    if not match:
        return False
    tokens = _tokens(text[: match.start("be") if match.group("be") else match.start("get")])
    return all(tokens[i] in _AUXILIARIES for i in _verbs(tokens))


@lru_cache(maxsize=8192)
def criterion_kind(text: str) -> str | None:
    """Provision (what staff, mentors, leaders or the school do or provide) or Outcome (what
    pupils or trainees achieve, attend, know or can do), read from the wording; None when the
    wording does not say. The first person named decides; then what is measured."""
    if _done_to_learners(text):
        return PROVISION  # "Families are phoned ...", "Pupils are taught ...": the school acts
    subject = _subject(text)
    for word in subject.split():
        word = word.removesuffix("'s").rstrip("'")
        if word in _LEARNER_SET or word in _TRAINEE_SET:
            return OUTCOME
        if word in _PROVIDER_SET:
            return PROVISION
        if word in _FAMILY_SET:
            return None  # parents' engagement is neither provision nor a learner's outcome
    outcome, provision = _OUTCOME_NOUNS.search(subject), _PROVISION_NOUNS.search(subject)
    if outcome and provision:
        return OUTCOME if outcome.start() < provision.start() else PROVISION
    return OUTCOME if outcome else PROVISION if provision else None


def kind_of(kind: str, text: str) -> str | None:
    """The criterion's kind: as its Kind cell says, else as its wording suggests."""
    given = kind.strip().casefold()
    if given.startswith("prov"):
        return PROVISION
    if given.startswith("out"):
        return OUTCOME
    return criterion_kind(text) if text else None
