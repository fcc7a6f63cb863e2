"""Evidence of impact: does a review report a change, or only what was done (RV702, RV703)?"""

from __future__ import annotations

import re

from ...dates import MONTH_PATTERN
from .quantities import has_quantity

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
