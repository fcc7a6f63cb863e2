"""Small helpers every language question uses: words of a text, phrase patterns, bullets."""

from __future__ import annotations

import re
from collections.abc import Iterable

_BULLET = re.compile(r"^\s*(?:[-•*·–]+|\(?\d+[.)]|\(?[a-z][.)]|\d+\.\d+(?:\.\d+)*)\s*", re.I)
_MODAL = re.compile(r"^(?P<subject>(?:[\w'’&/-]+\s+){0,5}?)(?:will|shall|should|must|are to|is to|to)\s+", re.I)
_INITIALS_SUBJECT = re.compile(r"^[A-Z]{2,5}(?:\s*(?:,|and|&|/)\s*[A-Z]{2,5})*\s+(?:to|will)\s+")
# A short label before a colon or dash: "KS1 – greater fluency ...", "DH/SENCo: deliver ...".
_LABEL = re.compile(r"^(?P<label>[^:–—]{1,40}?)\s*(?::|\s[–—-])\s+(?=\S)")

_DIGIT = re.compile(r"\d")


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9&/'’-]+", text.casefold())


def _phrase_pattern(phrases: Iterable[str]) -> str:
    """An alternation of the phrases, longest first, any space between their words."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered)


def _strip_bullets(text: str) -> str:
    return _BULLET.sub("", _BULLET.sub("", text.strip()))
