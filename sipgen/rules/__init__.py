"""The planning rules. Importing this package registers every rule in :data:`registry.RULES`."""

# Importing each module registers its rules.
from . import (  # noqa: F401
    actions,
    context,
    criteria,
    priorities,
    quality,
    references,
    resources,
    responsibilities,
    reviews,
    workbook,  # the WB codes the reader reports
)
from .registry import RULES, Hit, Rule, finding, flag, rule

# The order of `sipgen rules` and the README: the workbook first, then the plan from its
# priorities down to its reviews, cross-references and framing.
FAMILIES = ("WB", "PR", "AC", "RS", "RC", "SC", "QA", "RV", "XR", "CX")
_ordered = sorted(RULES.values(), key=lambda r: (FAMILIES.index(r.code[:2]), r.code))
RULES.clear()
RULES.update((r.code, r) for r in _ordered)

__all__ = ["FAMILIES", "RULES", "Hit", "Rule", "finding", "flag", "rule"]
