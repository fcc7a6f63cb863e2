"""The planning rules. Importing this package registers every rule in :data:`registry.RULES`."""

# Importing each module registers its rules; the order here is the order of `sipgen rules`.
from . import workbook  # noqa: F401  (the WB codes the reader reports)
from . import priorities, actions, responsibilities, resources, criteria, quality, reviews, references, framing  # noqa: F401,E401
from .registry import RULES, Hit, Rule, finding, rule

__all__ = ["RULES", "Hit", "Rule", "finding", "rule"]
