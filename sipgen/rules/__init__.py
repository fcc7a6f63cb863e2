"""The planning rules. Importing this package registers every rule in :data:`registry.RULES`."""

# Importing each module registers its rules; the order here is the order of `sipgen rules`.
from . import (  # noqa: F401,E401
    actions,
    criteria,
    framing,
    priorities,
    quality,
    references,
    resources,
    responsibilities,
    reviews,
    workbook,  # noqa: F401  (the WB codes the reader reports)
)
from .registry import RULES, Hit, Rule, finding, rule

__all__ = ["RULES", "Hit", "Rule", "finding", "rule"]
