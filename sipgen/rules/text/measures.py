"""What the success-criteria rules (SC502-SC508) read in a criterion's wording.

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
from .quantities import AGE_GROUP

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
# What people receive, not how well they do: the guidance's own criterion with no quantifiable
# dimension (SC502) is "Trainees benefit from strong mentoring".
_BENEFIT_FROM = re.compile(
    r"\bbenefit(?:s|ing|ted)?\s+from\s+(?:a\s+|the\s+)?(?:strong|good|rich|high[- ]quality)\b", re.I
)
# A quality said of something as its state: "Phonics teaching is consistently strong".
_PREDICATE_JUDGEMENT = re.compile(
    r"\b(?:is|are|be|remains?|becomes?|feels?)\s+(?:\w+ly\s+)?(?:strong|consistent|clear|robust|rich|positive|"
    r"engaging|better|stronger)\b|\bmak(?:e|es|ing)\s+(?:strong|good|better|rapid|excellent|sustained)\s+progress\b"
    r"|\b(?:shows?|showing|demonstrates?|displays?|has|have)\s+(?:a\s+|an\s+)?(?:strong|good|clear|secure|excellent|"
    r"confident|mature)\b",
    re.I,
)


def judges(text: str) -> bool:
    """True when a criterion's subjective words judge how well people do or are (SC503), rather
    than only naming a change or an amount nobody measured (SC502)."""
    if _BENEFIT_FROM.search(text):
        text = _BENEFIT_FROM.sub(" benefit from ", text)
    return bool(JUDGEMENTS.intersection(subjective_words(text)) or _PREDICATE_JUDGEMENT.search(text))


# Possessing a thing: "Every class has a reading corner" is provision put in place, not its impact.
_HAS_A_THING = re.compile(
    r"\b(?:has|have)\s+(?:a|an|its\s+own|their\s+own|a\s+new|an\s+up-to-date)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:corner|area|library|display|board|space|room|handbook|policy|plan|tracker|folder|profile|passport|"
    r"timetable|kit|box|set|page|login|account)s?\b",
    re.I,
)
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
)
# A one-off verdict on a thing: it passes or it does not, so it has no baseline.
VERDICTS = ("pass", "passes", "passed", "compliant", "accredited", "accreditation", "awarded", "renewed")
# ... and as present-tense verbs of taking part ("attend", "complete the course").
TAKING_PART = (
    *("attend", "attends", "receive", "receives", "complete", "completes", "take part", "takes part"),
    *("participate", "participates", "have had", "has had", "undertake", "undertakes"),
)
# Participles that say what changed, so a completion word beside them is context.
OUTCOME_PARTICIPLES = (
    *("used", "borrowed", "followed", "applied", "seen", "evident", "visible", "reflected", "demonstrated"),
    *("achieved", "met", "visited", "read", "closed", "narrowed", "sustained", "maintained"),
)
# The people a school or partnership works for: their taking part is an outcome, not an action.
LEARNERS = ("pupils", "pupil", "children", "child", "students", "student", "learners", "learner")
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


def _words(words) -> str:
    """An alternation of the phrases, longest first, each allowed any spacing."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


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
            rf"\b(?:{_words(LABEL_WORDS)})\s*{_NUM}(?:\s*(?:[-–/&,+]|and|or|to)\s*{_NUM})*\b{_NOT_SHARE}",
            rf"\b[a-z]{{1,5}}\d{{1,3}}[a-z]?(?:\s*[-–/&]\s*[a-z]{{0,5}}\d{{1,3}})*\b{_NOT_SHARE}",  # KS2, Y3/4, Aut1
            r"\b\d{1,3}(?:st|nd|rd|th)\b(?!\s*(?:percentile|centile))|\b\d(?:d|rs|cs)\b",  # 2nd, 3D, 4Rs
            r"\b(?:one|1)(?:\s*[-:]\s*|[-\s]to[-\s])(?:one|1)\b|\bno\s+one\b|\bone\s+another\b|\bone[-\s]page\b",
            r"\b(?:office|microsoft)\s*365\b|\bcovid[-\s]?19\b|\b1stclass\b|\b5-a-day\b|\b11\s*(?:\+|plus)|\b24/7\b",
            r"\bhalf[-\s]?term(?:s|ly)?\b|\b(?:each|every|per|a)\s+quarter\b|\bzero\s+tolerance\b",
            # Ages that name a group: "funded 2YOs", "3-year-olds", "16-18 learners"
            rf"\b{AGE_GROUP}\b|\b1[0-9]\s*[-–]\s*(?:1[0-9]|2[0-5])(?=\s+(?:learners|students|study))",
            # "between the two schools", "at both sites": which ones, not how many
            r"\b(?:the|our|both)\s+(?:two|three|four|five)\s+(?:schools|sites|academies|settings|campuses|partners)\b",
        )
    ),
    re.I,
)
_FIGURE_WORDS = frozenset((*COUNT_WORDS, "half", "third", "thirds", "quarter", "quarters", "fifth", "tenth"))
_PERCENT = re.compile(r"\d\s*(?:%|per\s*cent\b|percent\b)", re.I)
_FIGURE = re.compile(
    rf"\d+(?:[.,]\d+)*|\b(?:{_words(COUNT_WORDS)})\b|\b(?:a|one|two|three|four)\s+(?:half|third|quarter|fifth|tenth)s?\b"
    rf"|\b(?:half|thirds?|quarters?)\s+of\b",
    re.I,
)
# Measures without a digit: a published benchmark, or a move between grades on a scale.
_BENCHMARK = re.compile(
    r"\b(?:above|below|in\s+line\s+with|at|better\s+than|higher\s+than|lower\s+than|exceeds?|exceeding|"
    r"match(?:es)?|close\s+to|closer\s+to)\s+(?:or\s+above\s+)?(?:the\s+)?(?:national|local\s+authority|la|county|"
    r"regional|fft|floor)\b(?!\s+(?:curriculum|conference|college|professional|tutoring|programme|trust|lottery))"
    rf"|\bfrom\s+['‘\"]?(?:{_words(GRADES)})['’\"]?\s+to\s+['‘\"]?(?:{_words(GRADES)})\b",
    re.I,
)


def _any_of(words) -> re.Pattern:
    """A pattern matching any of ``words`` as whole words, case forgiven."""
    return re.compile(rf"\b(?:{_words(words)})\b", re.I)


_QUANTIFIER = re.compile(rf"\b(?:{_words(QUANTIFIERS)})\b(?!\s+(?:longer|one|other|the\s+time)\b)", re.I)
_METRIC = _any_of(METRIC_WORDS)
_STATE_OF_MIND = _any_of(STATE_OF_MIND)
_SAID = _any_of(SAID)
_SUBJECTIVE = re.compile(rf"\b(?:{_words(SUBJECTIVE)})\b(?![-’'](?:being|s\b))", re.I)
_NOT_SUBJECTIVE = re.compile(
    rf"\b(?:{_words(NOT_SUBJECTIVE)})\b(?:\s+(?:as\s+)?(?:at\s+least\s+)?['‘\"]?(?:{_words(GRADES)}|strong|effective)"
    rf"['’\"]?(?:\s+or\s+(?:better|above|higher|{_words(GRADES)}))?)?",
    re.I,
)
_TOKEN = re.compile(r"[a-z0-9][a-z0-9'’%-]*", re.I)
_TITLE = re.compile(r"[A-Z][a-z'’-]+")
_SENTENCE_BREAKS = frozenset(".:;!?(\"'‘“-–—•*")  # after these a capital starts a sentence, not a name
_NAME_INSIDE = re.compile(r"[^\s.:;!?(\"'‘“\-–—•*]\s+[A-Z][a-z]")
_PARENTHESES = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_SENTENCES = re.compile(r";|\.\s+(?=[A-Z0-9])")
_COORDINATION = re.compile(r",\s*(?:and\s+)?|\s+and\s+|\s+as\s+well\s+as\s+|\s+while\s+|\s+whilst\s+", re.I)
_RELATIVE_WORDS = frozenset(("that", "which", "who", "whose", "where", "because", "so", "when", "if"))
_COMPLETED = _any_of(COMPLETED)
_COMPLETION_STARTS = frozenset(phrase.split()[0] for phrase in COMPLETED + TAKING_PART)
_VERDICT = _any_of(VERDICTS)
_TAKING_PART = _any_of(TAKING_PART)
_OUTCOME_PARTICIPLES = frozenset(OUTCOME_PARTICIPLES)
_RELATIVE_BEFORE = re.compile(r"\b(?:who|that|which|whose)\s+(?:\S+\s+){0,2}$", re.I)
_SUBORDINATE_BEFORE = re.compile(r"\b(?:after|following|once|when|since|now\s+that|as\s+soon\s+as|if)\b[^,;:]*$", re.I)
_LEARNER_AGENT = re.compile(
    r"^\s*(?:\S+\s+){0,6}?by\s+(?:at\s+least\s+|over\s+|more\s+than\s+)?(?:\S+\s+of\s+|all\s+|most\s+|every\s+)?"
    rf"(?:the\s+|their\s+)?(?:\S+\s+){{0,2}}(?:{_words(LEARNERS + FAMILIES)})\b",
    re.I,
)
_PROGRAMME_OBJECT = re.compile(rf"^\s*(?:the\s+|their\s+)?(?:\S+\s+)?(?:{_words(PROGRAMME_WORDS)})\b", re.I)
_BASELINE_IN_TEXT = re.compile(
    r"\bfrom\s+[^,;]*?\d[^,;]*?\bto\b|\b(?:compared\s+(?:to|with)|up\s+from|down\s+from|baseline|previously)\b[^;]*?\d",
    re.I,
)
_SHARE_FIRST = re.compile(r"\s*(?:at\s+least\s+|over\s+|more\s+than\s+)?\d+(?:\.\d+)?\s*(?:%|per\s*cent)\s", re.I)
_OF_GROUP = re.compile(r"\d+(?:\.\d+)?\s*(?:%|per\s*cent)\s+of\s+(?P<group>.*)", re.I)

_VERBS = frozenset(CLAUSE_VERBS)
_NOUN_VERBS = frozenset(NOUN_VERBS)
_AUXILIARIES = frozenset(AUXILIARIES)
_OBJECT_STARTS = frozenset(("the", "a", "an", "their", "his", "her", "its", "our", "them", "this", "these", "those"))
_APPROXIMATELY = frozenset(("at", "least", "most", "more", "less", "fewer", "than", "over", "under", "about", "around"))
_FIGURE_STARTS = frozenset(COUNT_WORDS) | {"a", "half"}
_HELPERS = frozenset(("can", "will", "to", "could", "must", "should", "may"))  # "can name", "able to plan"
_DETERMINERS = frozenset(DETERMINERS)
_NOUN_HEADS = frozenset(NOUN_HEADS)
_SUBJECTS = frozenset(SUBJECTS)
_OPENERS = frozenset(OPENERS)
_LEARNER_SET = frozenset(LEARNERS)
_LEARNERS_AND_FAMILIES = frozenset(LEARNERS + FAMILIES)
_FAMILY_SET = frozenset(FAMILIES)
_TRAINEE_SET = frozenset(TRAINEES)
_PROVIDER_SET = frozenset(PROVIDERS)
_PROVIDED_TO = re.compile(
    rf"^\W*(?:\S+\s+){{0,5}}?(?:{_words(LEARNERS + FAMILIES + TRAINEES)})\s+(?:\S+\s+){{0,3}}?"
    rf"(?:(?P<be>are|is|were|was|be|being)\s+(?:\S+ly\s+)?(?:{_words(PROVIDED_TO)})|(?P<get>{_words(RECEIVING)}))\b",
    re.I,
)
_DONE_TO = frozenset(LEARNERS + FAMILIES + TRAINEES)
_ACTED_ON = frozenset(max(phrase.split(), key=len) for phrase in PROVIDED_TO + RECEIVING)
_OUTCOME_NOUNS = _any_of(OUTCOME_NOUNS)
_PROVISION_NOUNS = _any_of(PROVISION_NOUNS)
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
_SCOPE_BEFORE = re.compile(r"\b(?:in|across|at|throughout|within)\s+$", re.I)
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
    if all(_SEEN_BEFORE.search(text, 0, m.start()) for m in _QUANTIFIER.finditer(text)):
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
    r"\b(?:[LU]?KS\d|Y\d{1,2}|(?:years?|yr|key\s+stage|progress|attainment)\s*\d{1,2}|(?:19|20)\d\d(?:[-/]\d{2,4})?)\b",
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
    own subject or their own object. Brackets name the evidence, so they are left out."""
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
    if _CHANGES_WITH.search(text):
        return True
    return any(_listed_states(s) for s in sentences) or _outcomes_listed(text) or _changes_listed(text)


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


def _may_complete(text: str) -> bool:
    """Whether a completion word could be in the text: a cheap look before the costly one."""
    return not _COMPLETION_STARTS.isdisjoint(_TOKEN.findall(text.casefold()))


@lru_cache(maxsize=8192)
def completed_action(text: str) -> bool:
    """True when a criterion counts an action done ("All mentors attend training", "New tracker
    in place by January") and no other verb in it says what changed as a result."""
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


# Those who provide, doing their part on a timetable: monitoring done, not its impact.
_ON_A_SCHEDULE = re.compile(
    r"^\s*(?:(?:the|our|each|every|all)\s+)?(?:[\w'’-]+\s+){0,2}?(?:" + _words(PROVIDERS) + r")\s+"
    r"(?:visits?|reports?|meets?|observes?|monitors?|checks?|reviews?|attends?|holds?|runs?|leads?)\s+"
    r"(?:[\w'’-]+\s+){0,4}?(?:termly|half[- ]termly|weekly|fortnightly|monthly|each\s+(?:term|half[- ]term|week|month)|"
    r"every\s+(?:term|half[- ]term|week|month)|regularly)\b",
    re.I,
)


# Those who provide, counted doing a task: "Governors carry out three learning walks of RE".
_PROVIDERS_COUNT = re.compile(
    r"^\s*(?:(?:the|our|each|every|all)\s+)?(?:[\w'’-]+\s+){0,2}?(?:" + _words(PROVIDERS) + r")\s+"
    r"(?:carry\s+out|complete|conduct|make|hold|undertake)\s+(?:\d+|two|three|four|five|six|ten|twelve)\s+"
    r"(?:[\w'’-]+\s+){0,2}?(?:walks?|visits?|observations?|audits?|scrutin(?:y|ies)|reviews?|meetings?|book\s+looks?)\b",
    re.I,
)

# Those who provide, with their monitoring done: "Phonics lead has observed every teacher twice".
_PROVIDERS_DONE = re.compile(
    r"^\s*(?:(?:the|our|each|every|all)\s+)?(?:[\w'’-]+\s+){0,2}?(?:" + _words(PROVIDERS) + r")\s+"
    r"(?:has|have)\s+(?:now\s+|all\s+)?(?:observed|visited|monitored|checked|met\s+with|scrutinised|"
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


# A figure for a review point written into the criterion: "Dec 88%", "Spring: 70%", "by Feb 90%".
_MILESTONE_IN_TEXT = re.compile(
    rf"\b(?:{MONTH_PATTERN}|autumn|spring|summer|aut[12]?|spr[12]?|sum[12]?|christmas|easter)\.?\s*(?:term\s*)?[:=-]?\s*"
    r"(?:\d{2,4}\s*[:=-]?\s*)?\d+(?:\.\d+)?\s*%",
    re.I,
)


def states_its_milestones(text: str) -> bool:
    """True when the criterion gives figures for two or more review points itself:
    "rises from 86% to 92% (Dec 88%, Mar 90%, Jul 92%)"."""
    return len(_MILESTONE_IN_TEXT.findall(text or "")) >= 2


def states_its_baseline(text: str) -> bool:
    """True when the criterion gives its own starting point: "rises from 68% to 82%",
    "compared to 80% in the previous year"."""
    return bool(_BASELINE_IN_TEXT.search(text) and _BASELINE_IN_TEXT.search(_NOT_A_MEASURE.sub(" ", text)))


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
