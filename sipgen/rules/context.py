"""What every rule may consult besides the plan: the date, the wording, the plan's own settings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..model import Plan
from ..terms import terms_for, word


@dataclass
class RuleContext:
    plan: Plan
    as_of: dt.date
    terms: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        self.terms = terms_for(self.plan.plan_type)

    def say(self, text: str) -> str:
        """``text`` with its ``{learners}``-style words filled for this plan's type."""
        return word(text, self.plan.plan_type)

    @property
    def is_itt(self) -> bool:
        return self.plan.plan_type == "itt"
