"""Whether a criterion measures anything (SC502, SC503), whether it states its own baseline and
milestones (SC506, SC507), and the word lists the criteria modules share (clauses.py reads its
clauses for SC504 and SC508, completions.py reads actions done for SC505 and SC507).

Real criteria are fragments: "All staff confident teaching phonics by Easter 2027", "New
tracker in place by January", "Y6 reading: 75% at EXS (KS2 SATs)". Each function answers one
question about one criterion. They lean towards silence, because a false alarm on a sound
criterion costs more trust than a missed weak one; tests/cases/criteria.toml holds the
statements each must flag and the near-misses it must not.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from ...dates import MONTH_PATTERN, parse_date
from .common import _phrase_pattern
from .quantities import AGE_GROUP, AGE_RANGE

PROVISION = "Provision"
OUTCOME = "Outcome"

# -- Word lists --------------------------------------------------------------------------------

# Number words that count people or things ("three times a week", "two strategies").
# "single" and "once" are left out: "single central record", "Once trained, staff ...".
COUNT_WORDS = (
    *("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"),
    *("fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "dozen", "zero", "twice"),
    *("double", "doubles", "doubled", "halve", "halves", "halved", "treble", "trebles", "triple", "triples"),
)
# Words before a number that make it a name, not a measure: "Year 6", "Standard 5", "Phase 3".
LABEL_WORDS = (
    *("year", "years", "yr", "yrs", "key stage", "key stages", "standard", "standards", "phase", "phases"),
    *("tier", "wave", "stage", "stages", "step", "level", "levels", "grade", "placement", "progress review"),
    *("review point", "term", "half term", "half-term", "week", "day", "session", "lesson", "unit"),
    *("module", "block", "cycle", "class", "group", "room", "chapter", "section", "article", "paragraph"),
    *("version",),
)
# Grades on a published scale: "from RI to good" is a measure even without a digit.
GRADES = (
    *("inadequate", "requires improvement", "ri", "good", "outstanding", "secure", "emerging", "developing"),
    *("expected", "exceeding", "greater depth", "working towards", "wts", "exs", "gds", "red", "amber", "green"),
)
# Words that name how many or what share, so a criterion has a countable dimension.
QUANTIFIERS = (
    # "fewer" is not among them: "Fewer students are sent out" says which way, not how many.
    *("all", "every", "each", "no", "none", "majority", "minority", "most", "proportion"),
    *("per cent", "percent", "percentage", "rate", "ratio", "number of", "score", "scores", "average"),
)
# Of those, the ones that name a metric: they measure even a state of mind ("the proportion of
# parents who understand ..."), where "all" and "every" only assert it.
METRIC_WORDS = ("proportion", "per cent", "percent", "percentage", "rate", "rates", "ratio", "number of", "average")
# States of mind: nobody sees them, so "All parents understand ..." is not a measure.
STATE_OF_MIND = (
    *("understand", "understands", "understanding", "know", "knows", "aware", "awareness"),
    *("feel", "feels", "feeling", "felt", "confident", "confidently", "confidence", "believe", "believes"),
    *("value", "values", "valued", "enjoy", "enjoys", "enjoyment", "appreciate", "appreciates", "happy"),
    *("happier", "comfortable", "motivated", "welcome", "welcomed", "proud", "familiar"),
)
# What makes a state of mind observable: people say it in a survey, or show it on request.
SAID = (
    *("say", "says", "said", "report", "reports", "reported", "rate", "rates", "rated", "agree", "agrees"),
    *("tell", "tells", "respond", "respondents", "survey", "questionnaire", "pupil voice", "conferencing"),
    *("can explain", "can name", "can show", "can describe", "can tell", "can identify", "can recall"),
)
# Generalised, subjective words (guidance §38: "Mentors undertake their role effectively").
SUBJECTIVE = (
    *("effectively", "effective", "well", "strong", "strongly", "stronger", "good", "better", "high quality"),
    *("high-quality", "confident", "confidently", "confidence", "outstanding", "excellent", "consistent"),
    *("consistently", "consistency", "robust", "secure", "securely", "appropriate", "appropriately"),
    *("successful", "successfully", "rich", "purposeful", "engaging", "engaged", "positive", "positively"),
    *("improved", "enhanced", "clear", "clearly", "meaningful", "sufficient", "quality", "understand"),
    *("understands", "understanding", "know", "knows", "aware", "awareness", "feel", "feels", "greater"),
    *("deeper", "highly", "motivated", "skilful", "skilfully", "skilled", "stimulating", "inspiring"),
    *("vibrant", "nurturing"),
)
# Of those, the words that judge how well people do or are ("effectively", "well prepared", "strong
# leadership", as the catalogue's SC503 lists them): a criterion resting on one is subjective (SC503).
# Words of change or amount ("improved", "greater", "stronger", "understand") leave it unmeasured
# (SC502). One weakness, one finding.
JUDGEMENTS = frozenset(
    (
        *("effectively", "effective", "well", "good", "confident", "confidently", "outstanding", "excellent"),
        *("successful", "successfully", "appropriate", "appropriately", "secure", "securely", "high quality"),
        *("high-quality", "purposeful", "highly", "positively", "skilful", "skilfully", "skilled", "strong"),
        *("strongly", "robust", "rich", "stimulating", "inspiring", "vibrant", "nurturing"),
    )
)
# A comparative makes a quality a change: "Trainees are more confident" says it should grow (SC502).
_MORE_OF = re.compile(r"\b(?:more|less|increasingly|better|greater)\s+[\w-]+", re.I)
# What people receive, not how well they do: the guidance's own criterion with no quantifiable
# dimension (SC502) is "Trainees benefit from strong mentoring".
_BENEFIT_FROM = re.compile(
    r"\bbenefit(?:s|ing|ted)?\s+from\s+(?:a\s+|the\s+)?(?:strong|good|rich|high[- ]quality)\b", re.I
)
# A quality said of something as its state: "Phonics teaching is consistently strong".
_PREDICATE_JUDGEMENT = re.compile(
    r"\b(?:is|are|be|remains?|becomes?|feels?)\s+(?:\w+ly\s+)?(?:strong|consistent|clear|robust|rich|positive|"
    r"engaging)\b|\bmak(?:e|es|ing)\s+(?:strong|good|rapid|excellent|sustained)\s+progress\b"
    r"|\b(?:shows?|showing|demonstrates?|displays?|has|have)\s+(?:a\s+|an\s+)?(?:strong|good|clear|secure|excellent|"
    r"confident|mature)\b",
    re.I,
)


def judges(text: str) -> bool:
    """True when a criterion's subjective words judge how well people do or are (SC503), rather
    than only naming a change or an amount nobody measured (SC502)."""
    if _BENEFIT_FROM.search(text):
        text = _BENEFIT_FROM.sub(" benefit from ", text)
    text = _MORE_OF.sub(" ", text)  # "more confident", "increasingly secure": a change wanted, not a judgement
    return bool(JUDGEMENTS.intersection(subjective_words(text)) or _PREDICATE_JUDGEMENT.search(text))


# Phrases whose subjective-looking word is a name or a grade, not a judgement.
NOT_SUBJECTIVE = (
    *("as well as", "good level of development", "greater depth", "graded", "judged", "rated", "assessed as"),
    *("secure fit",),
)
# Verbs that make a clause of a criterion (base forms; -s, -es and -ies forms are read too).
CLAUSE_VERBS = (
    *("benefit", "set", "support", "attend", "plan", "mark", "improve", "fall", "rise", "grow", "enjoy"),
    *("read", "write", "use", "make", "achieve", "reach", "increase", "decrease", "feel", "show"),
    *("demonstrate", "know", "understand", "deliver", "teach", "receive", "complete", "become", "are", "is"),
    *("have", "has", "gain", "apply", "engage", "behave", "participate", "take", "give", "provide"),
    *("narrow", "close", "reduce", "speak", "talk", "explain", "choose", "attain", "learn", "access"),
    *("develop", "respond", "observe", "lead", "monitor", "evaluate", "work", "contribute", "say", "report"),
    *("rate", "score", "borrow", "share", "model", "adapt", "identify", "communicate", "ask", "answer"),
    *("manage", "visit", "record", "track", "assess", "halve", "double", "treble", "triple", "drop"),
    *("climb", "enunciate", "sustain", "keep", "comply", "follow", "meet", "match", "include", "contain"),
    *("check", "prepare", "review", "moderate", "agree", "recognise", "describe", "recall", "spell"),
    *("decode", "blend", "discuss", "justify", "solve", "calculate", "perform", "listen", "remember"),
    *("retain", "stay", "remain", "value", "find", "arrive", "employ", "recommend", "can", "will"),
    *(
        "challenge",
        "question",
        "hold",
        "raise",
        "update",
        "address",
        "build",
        "extend",
        "tell",
        "name",
        "hear",
        "refer",
    ),
    *("secure", "obtain", "pass", "fail", "move", "return", "join", "leave", "act", "sign"),
)
# Clause verbs that are also everyday nouns in plans ("action plans", "test scores", "spot
# checks"): read as verbs only where a verb can stand.
NOUN_VERBS = (
    *("plan", "record", "report", "score", "rate", "use", "set", "model", "mark", "support", "visit"),
    *("share", "lead", "work", "track", "show", "talk", "access", "review", "answer", "rise", "fall"),
    *("increase", "drop", "close", "check", "value", "match", "double", "decrease", "find", "question"),
    *("hold", "raise", "update", "address", "name", "extend", "build", "secure", "pass", "move"),
)
# Words that only help another verb ("are able to plan", "can name").
AUXILIARIES = ("are", "is", "be", "been", "have", "has", "can", "will", "able", "to", "not", "also", "then")
# Words after which a verb-looking word is a noun ("the plan", "their scores", "of use").
DETERMINERS = (
    *("the", "a", "an", "their", "his", "her", "its", "our", "your", "these", "those", "this", "of", "in"),
    *("on", "for", "with", "from", "by", "at", "into", "about", "per", "any", "some", "no", "every", "each"),
)
# Words after which a clause-opening verb-looking word is a noun ("support staff", "use of").
NOUN_HEADS = (
    *("plans", "plan", "staff", "assistants", "of", "for", "records", "scores", "rates", "meetings"),
    *("sessions", "systems", "texts", "time", "data", "groups", "reviews", "checks", "walks", "in", "from"),
)
# People and measures that can be the subject of a clause ("Mentors set ...", "Attendance rises").
SUBJECTS = (
    *("pupils", "pupil", "children", "child", "students", "learners", "trainees", "trainee", "staff"),
    *("teachers", "teacher", "mentors", "mentor", "tutors", "tutor", "leaders", "leader", "leads", "tas"),
    *("ta", "assistants", "governors", "parents", "families", "carers", "senco", "sendco", "headteacher"),
    *("slt", "ects", "ect", "everyone", "adults", "practitioners", "schools", "school", "partnership"),
    *("boys", "girls", "cohort", "class", "classes", "group", "groups", "they", "we", "who", "that"),
    *("which", "it", "he", "she", "all", "both", "most", "many", "attendance", "absence", "attainment"),
    *("results", "outcomes", "scores", "incidents", "suspensions", "exclusions", "gap", "gaps", "rate"),
    *("rates", "numbers", "standards", "behaviour", "progress", "data", "confidence", "proportion"),
    *("percentage", "figures", "books", "lessons", "sessions", "feedback", "marking", "teaching"),
    *("plans", "records", "work", "targets", "walks", "observations", "reviews", "visits", "survey"),
    *("surveys", "scrutiny", "looks", "checks", "audit", "audits", "evidence"),
)
# Words that open a clause setting the scene for a criterion, not a criterion of its own.
OPENERS = ("when", "if", "after", "following", "once", "as", "before", "since", "while", "whilst", "although")
# Success as something done (guidance §38: "All mentors attend training"), as participles ...
COMPLETED = (
    *("attended", "completed", "delivered", "purchased", "bought", "ordered", "launched", "introduced"),
    *("implemented", "established", "set up", "put in place", "in place", "rolled out", "held"),
    *("carried out", "undertaken", "done", "finished", "written", "rewritten", "drafted", "redrafted"),
    *("produced", "created", "updated", "revised", "reviewed", "approved", "agreed", "adopted"),
    *("ratified", "signed off", "published", "shared", "issued", "circulated", "distributed", "sent"),
    *("sent out", "installed", "appointed", "recruited", "trained", "organised", "arranged", "timetabled"),
    *("scheduled", "booked", "opened", "refurbished", "received", "took place", "taken place"),
    *("up and running", "on the website", "on the school website", "goes live", "go live", "went live"),
    *("online", "is live", "are live", "up to date", "up-to-date", "runs", "is running", "are running", "visited"),
    *("uploaded", "posted", "registered", "allocated", "assigned", "logged in", "signed up"),
    *("have signed", "has signed", "signed the", "moved to", "migrated to", "transferred to", "switched to"),
    *("has been to", "have been to", "have all been to", "has gone to", "have gone to"),
)
# A one-off verdict on a thing: it passes or it does not, so it has no baseline.
VERDICTS = ("pass", "passes", "passed", "compliant", "accredited", "accreditation", "awarded", "renewed")
# ... and as present-tense verbs of taking part ("attend", "complete the course").
TAKING_PART = (
    *("attend", "attends", "receive", "receives", "complete", "completes", "take part", "takes part"),
    *("participate", "participates", "have had", "has had", "undertake", "undertakes", "have read the", "has read the"),
)
# Participles that say what changed, so a completion word beside them is context.
OUTCOME_PARTICIPLES = (
    *("used", "borrowed", "followed", "applied", "seen", "evident", "visible", "reflected", "demonstrated"),
    *("achieved", "met", "visited", "read", "closed", "narrowed", "sustained", "maintained"),
)
# The people a school or partnership works for: their taking part is an outcome, not an action.
LEARNERS = (
    *("pupils", "pupil", "children", "child", "students", "student", "learners", "learner", "inpatients", "boarders"),
    "people",  # "young people"
)
FAMILIES = ("parents", "parent", "families", "family", "carers", "carer")
TRAINEES = ("trainees", "trainee", "ects", "ect")
# Those who provide: what they do is provision (guidance §40-41).
PROVIDERS = (
    *("staff", "teachers", "teacher", "mentors", "mentor", "tutors", "tutor", "leaders", "leader"),
    *("leads", "lead", "tas", "ta", "assistants", "senco", "sendco", "headteacher", "slt", "governors"),
    *("governor", "school", "schools", "partnership", "adults", "practitioners", "we", "dsl", "senior"),
    *("middle", "coordinator", "coordinators", "trainers", "trust", "office", "team", "teams", "volunteers"),
    *("officer", "officers", "manager", "managers", "clerk", "trustees", "board", "committee"),
)
# What is done to learners and families: in the passive ("Families are phoned"), the school acts.
PROVIDED_TO = (
    *("taught", "given", "offered", "provided", "supported", "phoned", "called", "contacted", "visited"),
    *("heard", "screened", "sent", "invited", "mentored", "coached", "allocated", "assigned", "matched"),
)
# What learners are given: "All pupils in KS1 receive daily phonics" is the school's provision.
RECEIVING = ("receive", "receives", "get", "gets", "have access to", "has access to", "access")
# What a criterion is about when no person is named first.
OUTCOME_NOUNS = (
    *("attendance", "absence", "attainment", "results", "outcomes", "progress", "scores", "gap", "gaps"),
    *("exclusions", "suspensions", "incidents", "behaviour", "phonics screening check", "gld", "reading age"),
    *("pass rate", "completion", "retention", "employment", "qts", "standard", "sats", "mtc", "achievement"),
)
PROVISION_NOUNS = (
    *("lessons", "lesson", "teaching", "curriculum", "sessions", "interventions", "feedback", "marking"),
    *("training", "cpd", "policy", "planning", "provision", "mentoring", "meetings", "observations"),
    *("learning walks", "support", "targets", "induction", "visits", "workshops"),
)
# The ITT programme itself: a trainee completing it is an outcome (completion is an ITT measure).
PROGRAMME_WORDS = ("programme", "course", "placement", "placements", "qts", "itt", "training year", "year")

# -- Compiled patterns ---------------------------------------------------------------------------


_MONTH = rf"\b{MONTH_PATTERN}\b\.?"
_NUM = r"(?:\d{1,2}[a-z]?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen)"
_NOT_SHARE = r"(?!\s*(?:%|per\s*cent|percent|[.,]\d))"
# Stretches of text whose digits date, name or label something; none of them is a measure.
_NOT_A_MEASURE = re.compile(
    "|".join(
        (
            rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:\s*,?\s*\d{{2,4}})?",  # 14 October 2026
            rf"{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:\s*,?\s*\d{{4}})?{_NOT_SHARE}",  # March 31st 2026
            r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b",  # 31/3/26, 2026-03-31
            r"(?<![£$€\d.,:/])\b(?:19|20)\d{2}(?:\s*(?:[-–/]|to)\s*(?:(?:19|20)\d{2}|\d{2}))?\b" + _NOT_SHARE,
            rf"\b(?:autumn|spring|summer|aut|spr|sum)\s*(?:term\s*)?(?:[12]|\d{{2}})\b{_NOT_SHARE}",  # Spring 2
            r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)\b|\b(?:by|at|before|after|until)\s+\d{1,2}[:.]\d{2}\b",  # 9:30am
            # "Year 6", "Years 5 and 6", "Standard 5", "Phase 3" (not "each year 3 ...", "Year 6 85%")
            r"(?<!\bthis\s)(?<!\beach\s)(?<!\bper\s)(?<!\blast\s)(?<!\bnext\s)(?<!\bevery\s)(?<!\ba\s)"
            rf"\b(?:{_phrase_pattern(LABEL_WORDS)})\s*{_NUM}(?:\s*(?:[-–/&,+]|and|or|to)\s*{_NUM})*\b{_NOT_SHARE}",
            rf"\b[a-z]{{1,5}}\d{{1,3}}[a-z]?(?:\s*[-–/&]\s*[a-z]{{0,5}}\d{{1,3}})*\b{_NOT_SHARE}",  # KS2, Y3/4, Aut1
            r"\b\d{1,3}(?:st|nd|rd|th)\b(?!\s*(?:percentile|centile))|\b\d(?:d|rs|cs)\b",  # 2nd, 3D, 4Rs
            r"\b(?:one|1)(?:\s*[-:]\s*|[-\s]to[-\s])(?:one|1)\b|\bno\s+one\b|\bone\s+another\b|\bone[-\s]page\b",
            r"\b(?:office|microsoft)\s*365\b|\bcovid[-\s]?19\b|\b1stclass\b|\b5-a-day\b|\b11\s*(?:\+|plus)|\b24/7\b",
            r"\bhalf[-\s]?term(?:s|ly)?\b|\b(?:each|every|per|a)\s+quarter\b|\bzero\s+tolerance\b",
            # Ages that name a group: "funded 2YOs", "3-year-olds", "16-18 learners"
            rf"\b{AGE_GROUP}\b|{AGE_RANGE}",
            # "between the two schools", "at both sites": which ones, not how many
            r"\b(?:the|our|both|all)\s+(?:two|three|four|five|six)\s+(?:schools|sites|academies|settings|campuses|partners|"
            r"classes|classrooms|departments|phases|key\s+stages|year\s+groups|hubs|nurseries)\b",
        )
    ),
    re.I,
)
_FIGURE_WORDS = frozenset((*COUNT_WORDS, "half", "third", "thirds", "quarter", "quarters", "fifth", "tenth"))
_PERCENT = re.compile(r"\d\s*(?:%|per\s*cent\b|percent\b)", re.I)
_FIGURE = re.compile(
    rf"\d+(?:[.,]\d+)*|\b(?:{_phrase_pattern(COUNT_WORDS)})\b|\b(?:a|one|two|three|four)\s+(?:half|third|quarter|fifth|tenth)s?\b"
    rf"|\b(?:half|thirds?|quarters?)\s+of\b",
    re.I,
)
# Measures without a digit: a published benchmark, or a move between grades on a scale.
_BENCHMARK = re.compile(
    r"\b(?:above|below|in\s+line\s+with|at|better\s+than|higher\s+than|lower\s+than|exceeds?|exceeding|"
    r"match(?:es)?|close\s+to|closer\s+to)\s+(?:or\s+above\s+)?(?:the\s+)?(?:national|local\s+authority|la|county|"
    r"regional|fft|floor)\b(?!\s+(?:curriculum|conference|college|professional|tutoring|programme|trust|lottery))"
    rf"|\bfrom\s+['‘\"]?(?:{_phrase_pattern(GRADES)})['’\"]?\s+to\s+['‘\"]?(?:{_phrase_pattern(GRADES)})\b",
    re.I,
)


def _any_of(words) -> re.Pattern:
    """A pattern matching any of ``words`` as whole words, case forgiven."""
    return re.compile(rf"\b(?:{_phrase_pattern(words)})\b", re.I)


_QUANTIFIER = re.compile(rf"\b(?:{_phrase_pattern(QUANTIFIERS)})\b(?!\s+(?:longer|one|other|the\s+time)\b)", re.I)
_METRIC = _any_of(METRIC_WORDS)
_STATE_OF_MIND = _any_of(STATE_OF_MIND)
_SAID = _any_of(SAID)
_SUBJECTIVE = re.compile(rf"\b(?:{_phrase_pattern(SUBJECTIVE)})\b(?![-’'](?:being|s\b))", re.I)
_NOT_SUBJECTIVE = re.compile(
    rf"\b(?:{_phrase_pattern(NOT_SUBJECTIVE)})\b(?:\s+(?:as\s+)?(?:at\s+least\s+)?['‘\"]?(?:{_phrase_pattern(GRADES)}|strong|effective)"
    rf"['’\"]?(?:\s+or\s+(?:better|above|higher|{_phrase_pattern(GRADES)}))?)?",
    re.I,
)
_TOKEN = re.compile(r"[a-z0-9][a-z0-9'’%-]*", re.I)
_COMPLETED = _any_of(COMPLETED)
_COMPLETION_STARTS = frozenset(phrase.split()[0] for phrase in COMPLETED + TAKING_PART)
_BASELINE_IN_TEXT = re.compile(
    r"\bfrom\s+[^,;]*?\d[^,;]*?\bto\b|\b(?:compared\s+(?:to|with)|up\s+from|down\s+from|baseline|previously)\b[^;]*?\d",
    re.I,
)

_AUXILIARIES = frozenset(AUXILIARIES)
_DETERMINERS = frozenset(DETERMINERS)
_TRAINEE_SET = frozenset(TRAINEES)
_DONE_TO = frozenset(LEARNERS + FAMILIES + TRAINEES)
_PROBE_YEAR = dt.date(2001, 9, 1)  # any academic year, so that "Spr1" reads as a date

# -- Measures (SC502, SC503) ---------------------------------------------------------------------


@lru_cache(maxsize=8192)
def names_a_measure(text: str, benchmarks: bool = True) -> bool:
    """True when the text names a figure that measures something: a percentage, a count, a
    score, a rate, a fraction, a ratio, or a move on a published scale.

    Dates, years, year groups, key stages and labels ("Standard 5", "Phase 3", "1:1") are
    numbers too, but they say when or which, not how much. With ``benchmarks``, "in line with
    national" and "from RI to good" count too: a criterion or target may aim at them, but a
    baseline of "below national" does not say where the school stands.
    """
    if not text or not text.strip():
        return False
    if _PERCENT.search(text):
        return True  # the common case; no label or date ends in "%"
    benchmark = benchmarks and bool(_BENCHMARK.search(text))
    if any(c.isdigit() for c in text):
        whole = parse_date(text.strip(), _PROBE_YEAR)
        if whole is not None and whole.dated:
            return False  # a whole cell that is a date: "Spr2", "31/3/26", "Sept - Dec 2025"
    elif _FIGURE_WORDS.isdisjoint(_TOKEN.findall(text.casefold())):
        return benchmark  # no digit and no number word: nothing to count
    return benchmark or any(not _labels(text, figure) for figure in _FIGURE.finditer(text))


def _labels(text: str, figure: re.Match) -> bool:
    """True when the figure lies in a date, a year, a year group or a label ("Y3/4", "Standard
    5"). Only the words around it are read, so a long criterion costs no more than a short one."""
    start = text.rfind(" ", 0, max(0, figure.start() - 40)) + 1
    end = text.find(" ", figure.end() + 40)
    window = text[start : end if end >= 0 else len(text)]
    at, to = figure.start() - start, figure.end() - start
    return any(m.start() <= at and to <= m.end() for m in _NOT_A_MEASURE.finditer(window))


def is_measured(criterion: str, target: str = "", *figures: str) -> bool:
    """True when the criterion or its target names a measure, or any of ``figures`` (its baseline
    and milestones) names a figure."""
    return (
        names_a_measure(criterion)
        or names_a_measure(target)
        or any(names_a_measure(t, benchmarks=False) for t in figures if t)
    )


# A change named first, with nothing to say how much: "Improved outcomes ...", "Better attendance ...".
_CHANGE_FIRST = re.compile(
    r"\s*(?:improved|better|stronger|greater|higher|raised|increased|enhanced|more\s+consistent|wider|deeper)\b", re.I
)
# "... in all academies", "... across every class": a quantifier that says where, not how many.
_SCOPE_BEFORE = re.compile(r"\b(?:in|across|at|throughout|within)\s+(?:(?:all|every|each|both|the)\s+)?$", re.I)
# A change said as a verb, with nothing to say how much: "Attendance improves in every academy".
_CHANGE_VERB = re.compile(
    r"\b(?:improves?|improving|rises?|falls?|reduces?|increases?|decreases?|gets?\s+better)\b", re.I
)
# "... by pupils from every year group": where they come from, not how many.
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.I)
# ... and where a quality is to be seen: "Reading for pleasure visible in every classroom" counts nothing.
_SEEN_BEFORE = re.compile(
    r"\b(?:visible|evident|seen|apparent|embedded|obvious|noticeable|promoted|celebrated)\s+"
    r"(?:[\w'’-]+\s+){0,2}?(?:in|across|at|throughout|within)\s+$",
    re.I,
)


@lru_cache(maxsize=8192)
def counts_people_or_things(text: str) -> bool:
    """True when the criterion says how many without a figure: "All pupils ...", "No pupil ...",
    "the proportion of ...". "All"/"every" over a state of mind ("All parents understand ...")
    does not count: nobody can see it unless they say it (a survey) or show it."""
    if not _QUANTIFIER.search(text):
        return False
    if _CHANGE_FIRST.match(text) and all(_SCOPE_BEFORE.search(text, 0, m.start()) for m in _QUANTIFIER.finditer(text)):
        return False  # "Improved KS4 outcomes in all academies": where it should change, not how much
    scoped = judges(text) or _CHANGE_VERB.search(text)  # "Planning is strong across all three classes"
    if all(
        _SEEN_BEFORE.search(text, 0, m.start())
        or _FROM_BEFORE.search(text, 0, m.start())
        or (scoped and _SCOPE_BEFORE.search(text, 0, m.start()))
        for m in _QUANTIFIER.finditer(text)
    ):
        return False  # "Reading for pleasure visible in every classroom": where to look, not what to count
    if _STATE_OF_MIND.search(text) and not _SAID.search(text):
        return bool(_METRIC.search(text))
    return True


@lru_cache(maxsize=8192)
def subjective_words(text: str) -> tuple[str, ...]:
    """The generalised, subjective words in a criterion, in the order they appear."""
    plain = _NOT_SUBJECTIVE.sub(" ", text)
    found: list[str] = []
    for match in _SUBJECTIVE.finditer(plain):
        word = " ".join(match.group(0).casefold().split())
        if word not in found:
            found.append(word)
    return tuple(found)


def _may_complete(text: str) -> bool:
    """Whether a completion word could be in the text: a cheap look before the costly one."""
    return not _COMPLETION_STARTS.isdisjoint(_TOKEN.findall(text.casefold()))


# A figure for a review point written into the criterion: "Dec 88%", "Spring: 70%", "by Feb 90%".
_MILESTONE_IN_TEXT = re.compile(
    rf"\b(?:{MONTH_PATTERN}|autumn|spring|summer|aut[12]?|spr[12]?|sum[12]?|christmas|easter)\.?\s*(?:term\s*)?[:=-]?\s*"
    r"(?:\d{2,4}\s*[:=-]?\s*)?\d+(?:\.\d+)?\s*%",
    re.I,
)


# ... or the figure first: "91% by Dec, 92% by Easter, 93% by July".
_FIGURE_BY_POINT = re.compile(
    rf"\d+(?:\.\d+)?\s*%\s*(?:by|at|in)\s+(?:the\s+end\s+of\s+)?(?:{MONTH_PATTERN}|autumn|spring|summer|aut[12]?|spr[12]?|"
    r"sum[12]?|christmas|easter)\b",
    re.I,
)


def states_its_milestones(text: str) -> bool:
    """True when the criterion gives figures for two or more review points itself:
    "rises from 86% to 92% (Dec 88%, Mar 90%, Jul 92%)", "91% by Dec, 92% by Easter, 93% by July"."""
    text = text or ""
    return len(_MILESTONE_IN_TEXT.findall(text)) >= 2 or len(_FIGURE_BY_POINT.findall(text)) >= 2


def states_its_baseline(text: str) -> bool:
    """True when the criterion gives its own starting point: "rises from 68% to 82%",
    "compared to 80% in the previous year"."""
    return bool(_BASELINE_IN_TEXT.search(text) and _BASELINE_IN_TEXT.search(_NOT_A_MEASURE.sub(" ", text)))
