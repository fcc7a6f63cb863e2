"""Word lists the language questions consult: data, not rules (users add to some in Settings)."""

from __future__ import annotations


def _listed(text: str) -> tuple[str, ...]:
    """A word list written as comma-separated text, so long lists stay readable."""
    return tuple(" ".join(w.split()) for w in text.split(",") if w.strip())


# Verbs that name an aspiration rather than a deed (guidance §27). Users add more in Settings.
VAGUE_VERBS = (
    "ensure",
    *("ensrue", "enusre", "esnure", "ensrure"),  # as typed in a hurry: still "ensure"
    "tackle",
    "aim for",
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
    "tighten",
    "tighten up",
    "sharpen",
    "bolster",
    "reinvigorate",
    "revitalise",
    "maximise",
    "optimise",
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
    test, tests, screening, programme, residential, clinic, clinics, surgery, surgeries, panel, panels
""")
# Capitalised words that are not names of products or programmes, and acronyms for groups,
# stages and subjects: "KS2", "SEND" and "Year" make nothing concrete.
_NOT_NAMES = _listed("""
    i, year, years, reception, nursery, key, stage, english, maths, mathematics, science, history, geography,
    french, spanish, german, music, art, computing, pe, re, pshe, rshe, british, christian, pupil, pupils,
    premium, ks1, ks2, ks3, ks4, ks5, lks2, uks2, eyfs, send, sen, pp, cpd, ta, tas, hlta, eal, fsm, slt, ect, ects,
    itt, ehcp, ehcps, dsl, mfl, dt, smsc, sats, school, schools, all, every, each, our, the, a, an, grt, lac, cla,
    hap, hpa, mat, sema, slcn, asc, adhd, semh
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
    phone, call, ring, email, text, write, hold, run, lead, meet, visit, observe, train, audit, check, hear, read, sign,
    teach, deliver, model, moderate, review, buy, order, purchase, publish, send, share, present, report, track,
    monitor, plan, prepare, screen, assess, test, update, set, give, coach, mentor, host, attend, complete,
    analyse, brief, contact, invite, agree, introduce, launch, timetable, organise, arrange, produce, create,
    design, draft, rewrite, revise, collect, record, log, sample, scrutinise, look, carry, chair, oversee,
    evaluate, interview, survey, film, facilitate, use, map, identify, book, allocate, appoint, recruit, release,
    provide, celebrate, reward, display, support, ensure, develop, work, liaise, cover, follow, apply, print, mark,
    speak, talk, walk, tell, show, demonstrate, maintain, keep, issue, distribute, circulate, post, upload,
    quality-assure, install, build, fit, paint, plant, refurbish, equip, stock, renew, replace, redecorate,
    relocate, move, restructure, rewrite, trial, pilot, chase, invite
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
_PREPOSITIONS = frozenset(
    _listed("in, of, for, to, across, among, amongst, within, with, around, at, throughout, on, by")
)
