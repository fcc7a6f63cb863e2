"""The planning rules. Importing this package registers every rule in :data:`registry.RULES`."""

from . import workbook  # noqa: F401  (registers the WB codes the reader reports)
from .registry import RULES, Hit, Rule, finding, rule

__all__ = ["RULES", "Hit", "Rule", "finding", "rule"]
