"""Where a priority comes from, said in its preface (PR102)."""

from __future__ import annotations

import re

from .common import _phrase_pattern
from .lexicon import _listed

# -- Where a priority comes from, said in its preface (PR102) --------------------------------------

# Evidence a priority can come from: self-evaluation, inspection, an examiner, monitoring, data, surveys.
EVIDENCE_SOURCES = _listed("""
    self-evaluation, self evaluation, self-review, sef, sed, ofsted, inspection, inspectors, inspector, siams,
    external examiner, examiner, examiner's, examiner’s, report, review, audit, lesson visits, visits,
    learning walks, learning walk, book looks, book look, work scrutiny, book scrutiny, scrutiny, observations,
    drop-ins, deep dive, deep dives, monitoring, survey, surveys, questionnaire, questionnaires, pupil voice,
    parent voice, student voice, focus group, focus groups, data, results, assessments, assessment, tests,
    scores, check, sats, mtc, idsr, isdr, asp, fft, analyse school performance, tracking, tracker, evaluation,
    feedback, adviser, advisor, local authority, trust, dfe, moderation, framework, requirement, requirements,
    legislation, statutory guidance
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
# A bare "results went down last year" cites nothing a reader could look up; a figure and its year alone
# ("Y4 writing was 52% at ARE in summer 2025") says what is wrong, not where that was found.
_DATED_EVIDENCE = re.compile(
    rf"{_EVIDENCE}[^.;!?]{{0,80}}?(?:\b20\d\d\b|\d\s*%)|\b20\d\d\b[^.;!?]{{0,60}}?{_EVIDENCE}",
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


# A sentence about the plan's priorities as a whole saying where they come from: "The priorities below
# come from our autumn self-evaluation", "All our priorities arise from the Ofsted report".
_ALL_PRIORITIES_FROM = re.compile(
    rf"\bpriorit(?:y|ies)\b[^.;!?]{{0,80}}?\b(?:come|came|comes|arise|arose|arises|emerged?|emerges|stem|stems|"
    rf"stemmed|flow|flows|are\s+(?:drawn|taken|based|informed|identified)|were\s+(?:drawn|taken|identified|agreed|"
    rf"chosen|informed)|based)\s+(?:from|on|in|by|through)\b[^.;!?]{{0,80}}?{_EVIDENCE}"
    r"|\b(?:from|following|after)\s+(?:our|the)\s+[^.;!?]{0,60}?(?:self[- ]evaluation|sef|review|inspection)"
    r"[^.;!?]{0,60}?\bpriorit(?:y|ies)\b",
    re.I,
)


def states_source_for_all(*texts: str) -> bool:
    """True when the plan's title or introduction gives the source of every priority at once."""
    return any(_ALL_PRIORITIES_FROM.search(sentence) for text in texts for sentence in _SENTENCE.split(text or ""))
