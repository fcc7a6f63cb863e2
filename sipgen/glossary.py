"""A glossary of the abbreviations a plan uses, for governors who do not know them.

This module holds a built-in dictionary of common English school and initial teacher training
(ITT) abbreviations with plain-English meanings, and :func:`glossary`, which lists the ones a
plan actually uses, plus the school's own (from its Glossary sheet), which always appear and
override the built-in meanings.

A wrong entry in a governors' document costs more trust than a missing one, so matching is
deliberately cautious: whole tokens only, case-sensitive, and abbreviations that are also English
words (ARE, SEND, MAT ...) are skipped where the text is shouting in capitals. Abbreviations whose
meaning is unclear in English schools (AP, IT, PD, AB, CP, DA ...) are left out on purpose.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

from .terms import ITT, PLAN_TYPES, SCHOOL, word

# Meanings that are the same in school and ITT plans. Keys are the usual spelling; other spellings
# are in _VARIANTS. Meanings may use sipgen.terms placeholders such as {organisation}.
_SHARED = {
    # Special educational needs and disabilities
    "SENCo": "special educational needs co-ordinator: the teacher who leads support for pupils with SEND",
    "SEND": "special educational needs and disabilities",
    "SEN": "special educational needs: pupils who need extra or different help to learn",
    "EHCP": "education, health and care plan: a legal document from the local authority setting out "
    "a child's special educational needs and the help they must get",
    "SEMH": "social, emotional and mental health needs (one of the four areas of special educational need)",
    "SLCN": "speech, language and communication needs",
    "ASD": "autism spectrum disorder (autism)",
    "ASC": "autism spectrum condition (autism)",
    "ADHD": "attention deficit hyperactivity disorder",
    "SpLD": "specific learning difficulty, such as dyslexia",
    "IEP": "individual education plan: a pupil's own targets and the support to reach them",
    "APDR": "assess, plan, do, review: the cycle used to plan and check support for pupils with SEN",
    "ELSA": "emotional literacy support assistant: a teaching assistant trained to support "
    "pupils' emotional well-being",
    "EP": "educational psychologist",
    "SALT": "speech and language therapy (or therapist)",
    "OT": "occupational therapy (or therapist)",
    "CAMHS": "child and adolescent mental health services: the NHS service for young people's mental health",
    "PRU": "pupil referral unit: a school for pupils who cannot attend a mainstream school, often after exclusion",
    # Attendance, welfare and safeguarding
    "EWO": "education welfare officer: works with families and the school to improve a pupil's attendance",
    "DSL": "designated safeguarding lead: the senior member of staff responsible for child protection",
    "DDSL": "deputy designated safeguarding lead",
    "KCSIE": "Keeping Children Safe in Education: the government's safeguarding guidance that schools must follow",
    "LADO": "local authority designated officer: deals with allegations against adults who work with children",
    "CIN": "child in need: a child who gets support from children's social care",
    "DBS": "Disclosure and Barring Service: the criminal record check for staff and volunteers",
    "SCR": "single central record: the school's register of safety checks on staff and volunteers",
    "LAC": "looked-after children: children in the care of the local authority",
    "CLA": "children looked after: children in the care of the local authority",
    "PEP": "personal education plan: the education part of a looked-after child's care plan",
    "VSH": "virtual school head: the local authority officer who oversees the education of looked-after children",
    # Disadvantage and language
    "PPG": "pupil premium grant: extra government funding for disadvantaged pupils",
    "FSM": "free school meals (often used as a measure of disadvantage)",
    "EAL": "English as an additional language: pupils whose first language is not English",
    # Early years and primary
    "EYFS": "early years foundation stage: from birth to age 5; in school, the nursery and Reception classes",
    "EYFSP": "early years foundation stage profile: the teacher's assessment of each child at the end of Reception",
    "GLD": "good level of development: the standard children are expected to reach by the end of Reception",
    "ELG": "early learning goal: one of the 17 goals children are assessed against at the end of Reception",
    "PSC": "phonics screening check: a national check of reading using phonics, taken in Year 1",
    "MTC": "multiplication tables check: an online check of times tables taken by pupils in Year 4",
    "SATs": "statutory assessment tests: national tests taken at the end of Year 6 (and, until 2023, of Year 2)",
    "ARE": "age-related expectations: the standard expected of pupils of that age",
    "WTS": "working towards the expected standard",
    "EXS": "working at the expected standard",
    "GDS": "working at greater depth within the expected standard",
    "RWI": "Read Write Inc.: a phonics programme for teaching early reading",
    # Secondary
    "GCSE": "General Certificate of Secondary Education: the exams most pupils take at the end of Year 11",
    "EBacc": "English Baccalaureate: GCSEs in English, maths, science, a language, and history or geography",
    "NEET": "not in education, employment or training",
    # Subjects and curriculum
    "PE": "physical education",
    "PSHE": "personal, social, health and economic education",
    "RSE": "relationships and sex education",
    "RE": "religious education",
    "SMSC": "spiritual, moral, social and cultural development",
    "MFL": "modern foreign languages",
    "DT": "design and technology",
    "ICT": "information and communication technology",
    "STEM": "science, technology, engineering and maths",
    "AfL": "assessment for learning: checking pupils' understanding during lessons to adjust the teaching",
    "T&L": "teaching and learning",
    # Staff and leadership
    "TA": "teaching assistant",
    "HLTA": "higher level teaching assistant: an experienced teaching assistant who can teach classes",
    "LSA": "learning support assistant: a teaching assistant who supports pupils with additional needs",
    "SLT": "senior leadership team",
    "SMT": "senior management team",
    "HT": "headteacher",
    "DHT": "deputy headteacher",
    "AHT": "assistant headteacher",
    "HoD": "head of department",
    "SBM": "school business manager",
    "CEO": "chief executive officer: in a trust, the leader responsible for all its schools",
    "TLR": "teaching and learning responsibility: extra pay for a teacher who takes on a responsibility "
    "such as leading a subject",
    "PPA": "planning, preparation and assessment time: time teachers have away from their class to plan and mark",
    "CPD": "continuing professional development: training for staff",
    "INSET": "in-service training: a training day for staff when pupils are not in school",
    "NPQ": "national professional qualification: a government-backed qualification for teachers and leaders",
    "NPQH": "national professional qualification for headship",
    "QA": "quality assurance: checking the quality of work such as teaching or marking",
    # Governance, inspection and national bodies
    "LGB": "local governing body: the governors of one school within a multi-academy trust",
    "FGB": "full governing body: a meeting of all the governors",
    "MAT": "multi-academy trust: a charity that runs several academies",
    "LA": "local authority (the council); in 'LA pupils', lower-attaining pupils",
    "SDP": "school development plan: the school's plan for improvement",
    "SEF": "self-evaluation form: the {organisation}'s own judgement of its strengths and what it must improve",
    "KPI": "key performance indicator: a measure used to track progress",
    "RAG": "red, amber, green: a colour rating of progress (red: off track, amber: some concern, green: on track)",
    "Ofsted": "the Office for Standards in Education, Children's Services and Skills: the inspectorate "
    "for schools and teacher training",
    "HMI": "His Majesty's Inspector: a senior inspector employed by Ofsted",
    "DfE": "Department for Education",
    "SIAMS": "Statutory Inspection of Anglican and Methodist Schools: the inspection of a Church school's "
    "Christian character",
    "EEF": "Education Endowment Foundation: a charity that researches what works in teaching",
    "FFT": "FFT (Fischer Family Trust): an organisation whose data many schools use to set targets and compare results",
    "NOR": "number on roll: how many pupils attend the school",
    "PAN": "published admission number: how many pupils the school admits into each year group",
    # Teacher training and early career
    "ECT": "early career teacher: a teacher in their first two years after qualifying",
    "NQT": "newly qualified teacher: the former name (before 2021) for a teacher in their first year after qualifying",
    "ECF": "Early Career Framework: the training programme for early career teachers "
    "(replaced by the ITTECF from September 2025)",
    "ITT": "initial teacher training",
    "ITE": "initial teacher education (another name for initial teacher training)",
    "ITTECF": "Initial Teacher Training and Early Career Framework: what trainee and early career "
    "teachers must be taught (from September 2025)",
    "QTS": "qualified teacher status: the professional status needed to teach in most state schools in England",
    "SCITT": "school-centred initial teacher training: a teacher training provider led by a group of schools",
    "PGCE": "Postgraduate Certificate in Education: an academic qualification often taken alongside QTS",
    "PGTA": "postgraduate teaching apprenticeship: a salaried route to QTS in which the trainee works in a school",
    "HEI": "higher education institution: a university or college",
    "SKE": "subject knowledge enhancement: a course to strengthen a trainee's knowledge of their subject",
    "ITAP": "intensive training and practice: short, focused blocks of teacher training in which trainees "
    "study one key part of teaching, practise it and get expert feedback",
    "TSH": "teaching school hub: a school that leads teacher training and development in its area",
}

# Abbreviations with no safe meaning in the other kind of plan: in an ITT partnership PP and PA are
# not its own measures, and SIP, SD and CCF mean other things (or nothing) in a school.
_BY_PLAN_TYPE = {
    SCHOOL: {
        "PA": "persistent absence: pupils who miss 10% or more of their school sessions",
        "PP": "pupil premium: extra government funding for disadvantaged pupils, such as those "
        "eligible for free school meals",
        "SIP": "school improvement plan (in some schools, the school improvement partner: "
        "an adviser who visits the school)",
    },
    ITT: {
        "SD": "School Direct: a route into teaching in which a school recruits the trainee and works "
        "with an accredited training provider",
        "CCF": "Core Content Framework: the government's minimum content for initial teacher training "
        "(replaced by the ITTECF from September 2025)",
    },
}

_VARIANTS = {
    "SENCo": ("SENCO", "SENDCo", "SENDCO", "SENDco", "Senco"),
    "SpLD": ("SPLD",),
    "KCSIE": ("KCSiE",),
    "SATs": ("SATS",),
    "RWI": ("RWInc",),
    "EBacc": ("EBACC", "Ebacc"),
    "AfL": ("AFL",),
    "DT": ("D&T",),
    "HoD": ("HOD",),
    "Ofsted": ("OFSTED",),
    "DfE": ("DFE",),
    "ITAP": ("ITaP",),
}

# Abbreviations that are also English words: skipped where they may be the word (see _is_word).
_WORDLIKE = frozenset({"ARE", "SEND", "MAT", "PAN", "STEM", "RAG", "SALT", "INSET", "NOR", "RE", "TA", "SIP", "PEP"})
# Read as something else when followed by these: "RE-launch", "RE: your email", "HT2" or "HT 2"
# (a half-term in some schools).
_NOT_BEFORE = {"RE": re.compile(r"[:\-]"), "HT": re.compile(r" ?\d")}

_HALF_TERMS = {
    "Aut1": "the first half of the autumn term (roughly September to October)",
    "Aut2": "the second half of the autumn term (roughly November to December)",
    "Spr1": "the first half of the spring term (roughly January to February)",
    "Spr2": "the second half of the spring term (roughly February to Easter)",
    "Sum1": "the first half of the summer term (roughly Easter to May)",
    "Sum2": "the second half of the summer term (roughly June to July)",
}
_KEY_STAGES = {
    "KS1": "key stage 1: Years 1 and 2 (ages 5 to 7)",
    "KS2": "key stage 2: Years 3 to 6 (ages 7 to 11)",
    "KS3": "key stage 3: Years 7 to 9 (ages 11 to 14)",
    "KS4": "key stage 4: Years 10 and 11 (ages 14 to 16), when pupils take GCSEs",
    "KS5": "key stage 5: the sixth form, Years 12 and 13 (ages 16 to 18)",
    "LKS2": "lower key stage 2: Years 3 and 4",
    "UKS2": "upper key stage 2: Years 5 and 6",
}
# References that are only abbreviations when a number follows ("SC19", "TS 2"); {ref} and {n}
# are filled from the first one the plan uses.
_NUMBERED = {
    "SC": {
        SCHOOL: "success criterion; {ref} is success criterion {n} in this plan",
        ITT: "success criterion; {ref} is success criterion {n} in this plan",
    },
    "TS": {
        SCHOOL: "Teachers' Standards, which every teacher is expected to meet; {ref} is Teachers' Standard {n}",
        ITT: "Teachers' Standards, which trainees must meet to be recommended for QTS; {ref} is Teachers' Standard {n}",
    },
}

# Every written form of a word abbreviation, and the entry it belongs to.
_SPELLINGS = {
    spelling: key
    for key in [*_SHARED, *_BY_PLAN_TYPE[SCHOOL], *_BY_PLAN_TYPE[ITT]]
    for spelling in (key, *_VARIANTS.get(key, ()))
}

# The school's own glossary may write "senco" for SENCo; no two entries differ only in case.
_FOLDED = {spelling.casefold(): key for spelling, key in _SPELLINGS.items()}


def _pattern() -> re.Pattern[str]:
    """One expression for every abbreviation, so a plan is scanned once, not once per entry."""
    # Longest first, so SENDCo is not read as SEND followed by letters.
    words = "|".join(re.escape(s) for s in sorted(_SPELLINGS, key=len, reverse=True))
    return re.compile(
        # Not inside a longer word or code ("PAN" is not PA, "KS2" in "UKS2" is not KS2).
        r"(?<![A-Za-z0-9_&@])(?:"
        # Half-terms: "Aut2", "Aut 2", "aut2"; but not "sum 2" or "SUM 2", which may be arithmetic.
        r"(?P<term>(?:Aut|AUT|Spr|SPR|Sum)\.? ?[12]|(?:aut|spr)\.? ?[12]|(?:sum|SUM)[12])"
        # Key stages: "KS2", "KS 2", "LKS2", and both of "KS1/2".
        r"|(?P<stage>[LU]?KS|[lu]?ks) ?(?P<n1>[1-5])(?:[/&-](?P<n2>[1-5]))?"
        r"|(?P<num>SC|TS) ?(?P<n>\d{1,3})"
        # Plurals and possessives count: "TAs", "EHCPs", "HT's", "TA's" (often written for TAs).
        rf"|(?P<word>{words})(?:s|['’]s)?"
        r")(?![A-Za-z0-9_])"
    )


_PATTERN = _pattern()
# A word in capitals that shows a sentence is shouting: three letters or more and no abbreviation
# ("ALL", "STAFF", "ATTEND"), or a short function word ("TO"); two-letter initials do not count.
_CAPS_WORD = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2,}(?![A-Za-z0-9])")
_SHORT_WORDS = frozenset("TO IN OF AT BY ON IS BE IT WE NO SO DO GO UP AS OR AN IF MY ME HE US".split())
_SENTENCE_END = re.compile(r"[.!?;\n\r]")
# "ARE you ready", "SEND them home": the word, written in capitals for emphasis.
_PRONOUNS = frozenset("i you we they he she it there these those this that your our their them him her us".split())
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")


def _shouting(text: str, position: int) -> bool:
    """Whether the sentence around ``position`` is written in capitals, like "ALL STAFF TO ATTEND"."""
    start = max(text.rfind(c, 0, position) for c in ".!?;\n\r") + 1
    end_match = _SENTENCE_END.search(text, position)
    sentence = text[start : end_match.start() if end_match else len(text)]
    ordinary = 0
    for found in _CAPS_WORD.finditer(sentence):
        caps = found.group()
        if (len(caps) >= 3 and caps not in _SPELLINGS) or caps in _SHORT_WORDS:
            ordinary += 1
    # Two ordinary words in capitals: a shouted sentence, not "SLT to review ALL data".
    return ordinary >= 2


def _is_word(text: str, match: re.Match[str], key: str) -> bool:
    """Whether a word abbreviation is more likely something else here (an English word, a prefix)."""
    rule = _NOT_BEFORE.get(key)
    if rule and rule.match(text, match.end()):
        return True
    if key not in _WORDLIKE:
        return False
    following = _NEXT_WORD.match(text, match.end())
    if following and following.group(1).casefold() in _PRONOUNS:
        return True
    return _shouting(text, match.start())


def _found_in(text: str, match: re.Match[str]) -> list[tuple[str, str, str]]:
    """(entry key, form as written, reference) for each abbreviation one match stands for."""
    if match["term"]:
        written = match["term"]
        key = written[:3].capitalize() + written[-1]
        return [(key, key, "")]
    if match["stage"]:
        prefix = match["stage"].upper()
        numbers = [match["n1"], match["n2"]] if match["n2"] else [match["n1"]]
        # "LKS1" does not exist; only KS numbers with no prefix, and LKS2/UKS2.
        keys = [prefix + n for n in numbers if prefix == "KS" or n == "2"]
        return [(key, key, "") for key in keys]
    if match["num"]:
        key = match["num"]
        return [(key, key, f"{key}{int(match['n'])}")]
    written = match["word"]
    key = _SPELLINGS[written]
    return [] if _is_word(text, match, key) else [(key, written, "")]


def built_in(plan_type: str = SCHOOL) -> dict[str, str]:
    """The built-in abbreviations and their meanings for ``plan_type``, numbered references excepted."""
    if plan_type not in PLAN_TYPES:
        raise ValueError(f"plan_type must be one of {PLAN_TYPES}, not {plan_type!r}")
    meanings = {**_SHARED, **_BY_PLAN_TYPE[plan_type], **_HALF_TERMS, **_KEY_STAGES}
    return {key: word(meaning, plan_type) for key, meaning in meanings.items()}


def _own_entries(own: Mapping[object, object] | None) -> dict[str, tuple[str, str]]:
    """The school's own entries, keyed by the built-in entry each replaces (or by itself).

    They are plain data: keys and meanings are only stripped, never evaluated. An entry with no
    meaning is left out, so it does not hide a built-in one.
    """
    entries: dict[str, tuple[str, str]] = {}
    for raw_key, raw_meaning in (own or {}).items():
        abbreviation = " ".join(str(raw_key or "").split())
        meaning = " ".join(str(raw_meaning if raw_meaning is not None else "").split())
        if not abbreviation or not meaning:
            continue
        # "aut 2" and "ks2" name the built-in Aut2 and KS2; other keys must be spelled as a built-in one.
        compact = abbreviation.replace(" ", "")
        if compact[:3].capitalize() + compact[3:] in _HALF_TERMS:
            key = compact[:3].capitalize() + compact[3:]
        elif compact.upper() in _KEY_STAGES:
            key = compact.upper()
        else:
            key = _SPELLINGS.get(abbreviation) or _FOLDED.get(abbreviation.casefold(), abbreviation)
        entries[key] = (abbreviation, meaning)
    return entries


def glossary(
    texts: Iterable[str],
    own: Mapping[str, str] | None = None,
    plan_type: str = SCHOOL,
    *,
    initials: Iterable[str] = (),
) -> list[tuple[str, str]]:
    """(abbreviation as the plan wrote it, meaning) for each abbreviation ``texts`` use, by name.

    ``texts`` is every text of the plan; anything that is not a string is skipped. ``own`` is the
    school's own glossary: its entries always appear and replace built-in meanings. ``initials``
    are the initials of the plan's people, which are never read as abbreviations: owners are
    often written as initials, and a teacher whose initials are QA is not quality assurance.
    """
    meanings = built_in(plan_type)
    people = {str(person).strip() for person in initials}
    forms: dict[str, Counter[str]] = {}
    references: dict[str, str] = {}
    for text in texts:
        if not isinstance(text, str):
            continue
        for match in _PATTERN.finditer(text):
            for key, written, reference in _found_in(text, match):
                if (key not in meanings and key not in _NUMBERED) or written in people:
                    continue
                forms.setdefault(key, Counter())[written] += 1
                references.setdefault(key, reference)
    entries = _own_entries(own)
    for key, counts in forms.items():
        if key in entries:
            continue
        # The spelling the plan uses most (the first, on a tie): SENCo or SENCO, as the school writes it.
        written = counts.most_common(1)[0][0]
        entries[key] = (written, _meaning(key, meanings, references[key], plan_type))
    return sorted(entries.values(), key=lambda entry: (entry[0].casefold(), entry[0]))


def _meaning(key: str, meanings: dict[str, str], reference: str, plan_type: str) -> str:
    """The built-in meaning of ``key``; for SC and TS, with the plan's first reference as the example."""
    if key not in _NUMBERED:
        return meanings[key]
    number = reference[len(key) :]
    return _NUMBERED[key][plan_type].replace("{ref}", reference).replace("{n}", number)
