"""Plan references (P2, P2.1, P2.1.3) as they appear in text, for checks and for links."""

from __future__ import annotations

import re

from .model import Plan, Record
from .schema import SHEETS, Kind

# A reference not inside a longer word or number: "see P2.1." finds P2.1.
REF_PATTERN = re.compile(r"(?<![\w.])P\d{1,2}(?:\.\d{1,3}){0,2}(?![\w]|\.\d)")


def ref_order(ref: str) -> tuple:
    """A sort key that puts references in their natural order: P2 before P10, P1.1.2 after P1.1.1."""
    return tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.findall(r"\d+|[^\d.\s]+", ref.upper())
    )


# "P8" is also Progress 8, the secondary measure: "improved P8 for disadvantaged students", "P8 -0.3".
# Read as the measure where a figure or a measure word goes with it, or where the plan has no P8.
_PROGRESS_8 = re.compile(
    r"P8(?=\s*(?:[-+−]\s?\d|\d?\.\d|scores?\b|measures?\b|figures?\b|gap\b|for\b|of\s+[-+−]?\d))"
    r"|(?<=progress\s)P8|(?<=improved\s)P8|(?<=improve\s)P8|(?<=raise\s)P8|(?<=secure\s)P8|(?<=KS4\s)P8",
    re.I,
)


def find_refs(text: str) -> list[re.Match]:
    """Every plan reference mentioned in ``text``; not "P8" where it means Progress 8."""
    return [m for m in REF_PATTERN.finditer(text or "") if not is_progress_8(text, m)]


def is_progress_8(text: str, match: re.Match) -> bool:
    """True when the "P8" at ``match`` is the Progress 8 measure, not priority 8."""
    return match.group(0) == "P8" and bool(_PROGRESS_8.match(text, match.start()))


def text_fields(plan: Plan):
    """Every free-text value in the plan: (record, field, text), in sheet order."""
    for sheet in SHEETS:
        value = getattr(plan, sheet.key)
        records: list[Record] = value if isinstance(value, list) else [value]
        fields = [c.field for c in sheet.columns if c.kind in (Kind.TEXT, Kind.LONG_TEXT)]
        for record in records:
            for name in fields:
                text = getattr(record, name)
                if text:
                    yield record, name, text
