"""Evidence of impact: does a review report a change, or only what was done (RV702, RV703)?"""

from __future__ import annotations

import re

from ...dates import MONTH_PATTERN
from ...references import REF_PATTERN
from .quantities import has_quantity, without_labels

_IMPACT_WORDS = re.compile(
    r"\b(?:impact|(?<!in\s)progress(?!\s+(?:meetings?|reviews?|checks?|reports?)\b)|rose|risen|rises?|fell|fallen|falls?|increased|increases?|decreased|reduced|"
    r"improved|improvement|gained|attainment|outcomes?|scores?|(?<!results\s)data(?!-|\s+(?:drops?|collections?|entry|capture|deadlines?|points?)\b)|now\s+\w+|unchanged|no\s+change|"
    r"narrowed|closed|better|worse|higher|lower|fewer|more\s+\w+\s+than|compared|baseline|milestone|"
    r"target(?!\s+(?:groups?|pupils|children|students|cohort|learners|list))|on\s+track\s+to|evidence\s+shows?|show(?:s|ed|n)?(?!\s+(?:how|round|around)\b)|survey(?!\s+(?:sent|issued|circulated|launched|distributed|went\s+out|out)\b)|"
    r"voice(?!\s+(?:gathered|collected|carried\s+out|done|held|taken|planned|booked))|feedback\s+shows|"
    r"more\s+(?:specific|accurate|consistent|consistently|confident|confidently|precise|focused|effective|secure|"
    r"independent|fluent|engaged|likely)|"
    r"reports?(?!\s+(?:to|written|shared|sent|completed|produced|circulated|done|uploaded)\b)|reported|says?|said|feels?|felt|confident|confidence|now|noticeably|declined?)\b",
    re.I,
)
_ACTIVITY = re.compile(
    r"\b(?:running|underway|under\s+way|sat|being\s+analysed|analysed|circulated|distributed|rolled\s+out|made|"
    r"enrolled|missed|caught\s+up|visited|on\s+file|discussed|noted|considered|presented|"
    r"completed?|delivered|delivering|signed|took\s+place|taken\s+place|held|launched|purchased|bought|carried\s+out|"
    r"in\s+place|attended|happened|done|finished|ran|run|implemented|introduced|started|begun|began|"
    r"set\s+up|on\s+track|organised|arranged|met|visited|were\s+made|was\s+made|updated|shared|approved|"
    r"appointed|sent|given|written|published|reviewed|agreed|trained|as\s+planned|has\s+met|have\s+met|installed|fitted|"
    r"briefed|issued|timetabled|ordered|shown|carried\s+(?:over|forward)|uploaded|booked|registered|recruited|"
    r"looked\s+at|gathered|collected|sampled|scrutinised|observed|moved|rescheduled|postponed)\b",
    re.I,
)
# The plan's own action numbers ("Actions 1.1.1 - 1.1.3 complete") and children by age ("all 3s").
_ACTION_NUMBERS = re.compile(r"\b\d{1,2}\.\d{1,2}\.\d{1,2}\b|\b(?:all|the|our|for|and|&)\s+[2-5]s\b", re.I)
# A range of days: "5-6 Dec"; a group counted: "group of 10"; a half-term named: "Autumn 2"; one
# from each: "one from each nursery".
_OTHER_LABELS = re.compile(
    rf"\b\d{{1,2}}\s*[-–]\s*\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_PATTERN}\b|\bgroups?\s+of\s+\d+\b|"
    r"\b(?:autumn|spring|summer)\s+[12]\b|\bone\s+(?:from|in|per)\s+each\b",
    re.I,
)
# Figures that only date or count the activity, not its effect.
# A day and month written in the text: "3 Dec", "14th January", "March 31".
_DAY_AND_MONTH = rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_PATTERN}\b|\b{MONTH_PATTERN}\s+\d{{1,2}}\b"
_NOT_IMPACT_FIGURES = re.compile(
    _DAY_AND_MONTH + r"|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|"
    r"\bhalf[- ]?terms?\b|"
    # Which one, not how many: "last one booked for 14 Jan".
    r"\b(?:last|next|first|each|this|that|the|every|no)\s+one\b|"
    # How often something was done: "OT visited twice", "met three times".
    r"\b(?:once|twice|(?:\d+|two|three|four|five|six)\s+times)\b(?!\s+(?:more|as|higher|lower|fewer|the))|"
    r"\bx\s?\d+\b|\b\d+\s?x\b(?!\s*\d)|"  # "panels held x2"
    r"\b\d+\s+(?:of|out of)\s+\d+\s+(?:\w+\s+){0,2}(?:attended|completed|took part|were trained|came)\b|"
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[\w'’-]+\s+){0,2}"
    r"(?:walks?|sessions?|meetings?|visits?|observations?|scrutin(?:y|ies)|twilights?|workshops?|letters?|calls?|courses?|days?|"
    r"assemblies|briefings?|clinics?|webinars?|notices?|fines|postcards|certificates|drop-ins?|catch-ups?)\b|"
    # How often it ran: "3x weekly", "twice a week".
    r"\b\d+\s*x\s*(?:weekly|daily|termly|fortnightly|a\s+week|per\s+week|a\s+day)\b",
    re.I,
)


# A share of visits or sessions done ("visited 18 of 20 placements", "observed 12 of 14 lessons"),
# or of the plan's own actions ("80% of actions completed", "2 carried over to spring").
_DONE_SHARE = re.compile(
    r"\b(?:visited|observed|delivered|held|ran|completed|attended|trained|given|offered|provided|sent|done|carried\s+out)"
    r"(?:\s+(?:to|at|in|for|with|across))?\s+"
    r"\d+\s+(?:of|out\s+of)\s+\d+\b(?:(?:\s+[\w'’-]+){0,2}?\s*\(\d+(?:\.\d+)?\s*%\))?"
    r"|\b\d+(?:\.\d+)?\s*(?:%|per\s*cent)\s+of\s+(?:(?:the|our|all|planned|agreed)\s+)*(?:actions?|tasks?|steps?|"
    r"activities|sessions|visits|observations|meetings)\b"
    r"|\b\d+\s+(?:(?:actions?|tasks?|steps?|visits?|sessions?)\s+)?(?:(?:were|are|was|is)\s+)?(?:carried\s+(?:over|forward)|"
    r"outstanding|still\s+to\s+(?:do|complete)|not\s+(?:yet\s+)?started|delayed|moved|rescheduled|postponed|"
    r"cancelled|deferred)\b"
    r"|\b\d+\s*/\s*\d+\s+(?:[\w'’-]+\s+){0,2}?(?:completed|done|held|visited|delivered|attended|came|took\s+part|"
    r"were\s+trained|signed\s+up|returned|booked)\b",
    re.I,
)
# Figures that count who took part ("Twelve staff completed ...", "with 12 children", "(40 families
# came)"): delivery, not a change in an outcome. A percentage is left: "61% of pupils" is a measure.
_PARTICIPANTS = re.compile(
    r"\b(?:\d+(?!\s*%|\.\d)|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|all|both)\s+(?:[\w'’-]+\s+){0,2}?(?:staff|teachers?|"
    r"families|parents|carers|pupils|children|trainees|mentors|tas|adults|people|governors|students|colleagues|tutors|coaches|"
    r"volunteers|attendees|delegates|books|records|files|admissions|cases|plans|"
    r"schools|primaries|academies|settings|partners|classes|sessions|twilights|visits|workshops|walks|meetings|"
    r"calls|phone\s+calls|referrals|letters|texts|emails|home\s+visits|assemblies|lessons|ects|apprentices|afternoons|"
    r"mornings|days|weeks|practitioners|childminders|providers|nurseries|heads|headteachers|leaders|settings|companies|employers|"
    r"businesses|organisations|agencies|languages|packs|leaflets|booklets|portfolios|candidates|samples|scripts|"
    r"\d?-?year-olds|classrooms|rooms|bases|sites)\b"
    # "(31 attended)", "40 came", "12 signed up": a count of who took part, with the people left unsaid.
    r"|\b\d+(?!\s*%|\.\d)\s+(?:attended|attending|came|took\s+part|joined|signed\s+up|attendees|participants|delegates|"
    r"booked|registered|enrolled|invited|trained)\b|\bremaining\s+\d+\b",
    re.I,
)
# The parts of a programme named by number: "ECF sessions 1-6", "session 4", "module 3".
_NUMBERED_PARTS = re.compile(
    r"\b(?:sessions?|modules?|units?|weeks?|steps?|phases?|blocks?|actions?|tasks?|placements?|twilights?|workshops?|"
    r"periods?|visits?|cycles?|waves?|clinics?|drops?|rounds?|surgeries|briefings?|walks?|class(?:es)?|rooms?)"
    r"\s+\d+(?:\.\d+)*"
    r"(?:\s*(?:[-–,&]|and)\s*\d+(?:\.\d+)*)*",
    re.I,
)
# Progress mentioned only as something noted or discussed: "Progress noted by governors".
_ONLY_NOTED = re.compile(
    r"\b(?:progress|impact|data|results|outcomes)\s+(?:was\s+|were\s+)?(?:noted|discussed|reviewed|shared|presented|"
    r"considered)\b|\b(?:reported|noted|discussed|shared|presented)\s+(?:on\s+)?(?:the\s+)?(?:progress|impact|data|"
    r"results)\b(?!\s*[:,]?\s*\d)",
    re.I,
)
# A change reported: "up from 48% in July", "down from 9 to 5", "from 55% to 74%".
_CHANGE = re.compile(r"\b(?:up|down)\s+(?:from|to|by)\b|\bfrom\s+\d+(?:\.\d+)?%?\s+to\s+\d", re.I)


# "Now" before what was done is delivery, not a change: "Sensory circuits now timetabled daily".
_NOW_DONE = re.compile(
    r"\bnow\s+(?=(?:being\s+\w+ed|delivering|running|using|holding|offering|providing|teaching|agreed|printed|written|published|adopted|launched|timetabled|in\s+place|running|set\s+up|installed|fitted|scheduled|booked|launched|"
    r"up\s+and\s+running|live|online|available|open|embedded\s+in\s+the\s+timetable)\b)",
    re.I,
)


# Progress of the actions, not of what they were for: "Good progress being made with all actions".
_ACTIONS_PROGRESS = re.compile(
    r"\b(?:good\s+|some\s+|steady\s+)?progress\s+(?:is\s+|being\s+)?(?:made\s+)?(?:with|on|against)\s+(?:all\s+|the\s+|our\s+)*"
    r"(?:actions?|tasks?|the\s+plan)\b",
    re.I,
)


def describes_activity_only(text: str) -> bool:
    """True when a review records what happened, not the impact it had (guidance §44): what was
    done, delivered or attended, and how many took part, with no change in an outcome or a measure."""
    plain = _NOW_DONE.sub(" ", _ONLY_NOTED.sub(" noted ", _ACTIONS_PROGRESS.sub(" made ", text)))
    if not text.strip() or _CHANGE.search(text) or _IMPACT_WORDS.search(plain):
        return False
    counted = _OTHER_LABELS.sub(" ", _ACTION_NUMBERS.sub(" ", _DONE_SHARE.sub(" ", text)))
    counted = _PARTICIPANTS.sub(" ", _NOT_IMPACT_FIGURES.sub(" ", _NUMBERED_PARTS.sub(" ", counted)))
    figures = without_labels(REF_PATTERN.sub(" ", counted))
    if has_quantity(figures):
        return False
    return bool(_ACTIVITY.search(text))


# What reviews write in place of an impact: a placeholder is no impact recorded (RV702).
_PLACEHOLDER = re.compile(
    r"(?:(?:tb[acd]|(?:impact\s+)?to\s+(?:follow|be\s+(?:confirmed|discussed|agreed|updated|added|reported|reviewed|"
    r"completed|written(?:\s+up)?|evaluated|assessed|decided|measured|judged))|to\s+come|pending|awaiting\s+\w+|"
    r"will\s+(?:report|update|feed\s+back|share|confirm)(?:\s+(?:back|on\s+(?:this|impact|progress)))?)(?:\s+(?:at|after|in|by|following|from|"
    r"once|when|until)\s+.{1,50})?"
    r"|(?:discussed|noted|shared|presented|raised)\s+(?:at|with|to|by)\s+(?:the\s+)?[\w&' -]{2,30}"
    r"|(?:this\s+is\s+the\s+)?first\s+review|in\s+progress|on-?going|cont(?:inued|inuing)?|tb[acd]|to\s+(?:follow|be\s+confirmed|come)|too\s+early\s+to\s+(?:judge|tell|say)"
    r"(?:\s+yet)?|see\s+(?:\S+\s+){0,6}?\S+|n/?a|none(?:\s+yet)?|nil|"
    r"not\s+yet(?:\s+known|\s+measured|\s+available)?|awaiting\s+(?:[\w'’/-]+\s+){0,3}?(?:data|results|figures|evidence|"
    r"outcomes|scores|analysis|report|information|validation|feedback|returns)|pending|"
    # A deferral or a report given out loud: "Update at next meeting", "Verbal update given".
    r"(?:(?:a\s+)?(?:verbal|oral)\s+)?(?:update|report|feedback)s?\s+(?:given|provided|shared|to\s+follow|"
    r"(?:at|to|for|in)\s+(?:the\s+)?(?:next|following|spring|summer|autumn)\s+.{1,40})|"
    r"on\s+track|as\s+above|-+|\?+|\.+|x+|impact(?:\s+to\s+date|\s+so\s+far)?|evidence\s+of\s+impact)",
    re.I,
)


# An impression with nothing behind it: "Going well - staff positive", "All fine".
_IMPRESSION = re.compile(
    r"(?:(?:it(?:'s|\s+is)\s+)?going\s+(?:well|to\s+plan)|progressing(?:\s+well)?|"
    r"(?:(?:good|some|steady|positive)\s+)?progress(?:\s+(?:is\s+|being\s+)?made)?"
    r"(?:\s+(?:this\s+(?:term|half[- ]term)|so\s+far|to\s+date))?|"
    r"(?:(?:staff|feedback|parents|pupils|children|trainees|mentors)\s+(?:very\s+)?)?(?:positive|happy|pleased)|"
    r"all\s+(?:good|fine|ok)|fine|ok|no\s+(?:concerns|issues|problems)|on\s+target|green|good)",
    re.I,
)
_DATED = re.compile(_DAY_AND_MONTH, re.I)


def is_placeholder(text: str) -> bool:
    """True when an impact says nothing of impact: "In progress", "TBC", "Too early to judge", "-",
    "See minutes of C&S 3 Dec", or only an impression ("Going well - staff positive")."""
    plain = " ".join(text.split()).strip(" .!;:")
    if re.search(r"\d", without_labels(_DATED.sub(" ", plain))):
        return False  # "See report: attendance 95%" gives a figure
    if not plain or _PLACEHOLDER.fullmatch(plain):
        return True
    parts = [p for p in re.split(r"\s*(?:[-–—;,.]|\band\b)\s*", plain) if p]
    return bool(parts) and all(_IMPRESSION.fullmatch(p) or _PLACEHOLDER.fullmatch(p) for p in parts)
