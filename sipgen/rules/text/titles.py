"""Is a priority set out simply and precisely (PR105)?"""

from __future__ import annotations

import re
from functools import lru_cache

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
