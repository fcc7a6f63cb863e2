"""The words a plan uses for its people, which differ between a school and an ITT partnership.

Help text, instructions and messages are written with ``{placeholders}`` such as
``{learners}`` and ``{board}``; :func:`terms_for` gives the words to fill them with.
"""

from __future__ import annotations

import re

SCHOOL = "school"
ITT = "itt"
PLAN_TYPES = (SCHOOL, ITT)

# What a user sees in the Settings dropdown, and the plan type each label means.
PLAN_TYPE_LABELS = {SCHOOL: "School", ITT: "ITT partnership"}

_TERMS = {
    SCHOOL: {
        "learners": "pupils",
        "Learners": "Pupils",
        "learner": "pupil",
        "Learner": "Pupil",
        "board": "governing board",
        "Board": "Governing board",
        "governors": "governors",
        "Governors": "Governors",
        "link_governor": "link governor",
        "Link_governor_or_committee": "Link governor or committee",
        "organisation": "school",
        "Organisation": "School",
        "partners": "parents and pupils",
        "partner_schools": "other schools",
        "default_title": "School improvement plan",
    },
    ITT: {
        "learners": "trainees",
        "Learners": "Trainees",
        "learner": "trainee",
        "Learner": "Trainee",
        "board": "partnership board",
        "Board": "Partnership board",
        "governors": "partnership board members",
        "Governors": "Partnership board members",
        "link_governor": "link board member",
        "Link_governor_or_committee": "Link board member or committee",
        "organisation": "partnership",
        "Organisation": "Partnership",
        "partners": "partner schools",
        "partner_schools": "partner schools",
        "default_title": "Partnership improvement plan",
    },
}


def terms_for(plan_type: str) -> dict[str, str]:
    """The words to use for ``plan_type`` (``school`` or ``itt``)."""
    return _TERMS[plan_type]


def plan_type_from_label(text: str) -> str | None:
    """The plan type a Settings value names ("School", "ITT partnership", "itt" ...), or None."""
    key = " ".join(str(text).split()).casefold()
    for plan_type, label in PLAN_TYPE_LABELS.items():
        if key in (plan_type, label.casefold()):
            return plan_type
    if key in ("itt", "partnership", "teacher training", "scitt", "ite"):
        return ITT
    return None


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def word(text: str, plan_type: str) -> str:
    """``text`` with its ``{placeholders}`` filled for ``plan_type``; other braces stay as they are.

    Only sipgen's own wording goes through here, never text a user typed.
    """
    terms = _TERMS[plan_type]
    return _PLACEHOLDER.sub(lambda m: terms.get(m.group(1), m.group(0)), text)
