"""What every rule may consult besides the plan: the date, the wording, the plan's own settings."""

from __future__ import annotations

import datetime as dt
import re
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

    def person(self, initials: str):
        """The Staff row for ``initials`` (case forgiven), or None."""
        return self._people.get(initials.casefold())

    @property
    def _people(self):
        if not hasattr(self, "_people_cache"):
            self._people_cache = {}
            for person in self.plan.staff:
                if person.initials:
                    self._people_cache.setdefault(person.initials.casefold(), person)
        return self._people_cache

    def is_governance(self, initials: str) -> bool:
        """True for a governor, trustee, committee or board (or, in ITT, a partnership board member)."""
        person = self.person(initials)
        text = " ".join((initials, person.name, person.role, person.organisation)) if person else initials
        return bool(_GOVERNANCE.search(text))

    def is_partner_school(self, initials: str) -> bool:
        """True for someone whose organisation is a school other than the plan's own."""
        person = self.person(initials)
        if person is None or not person.organisation:
            return False
        organisation = person.organisation.casefold()
        if organisation == self.plan.settings.organisation.casefold():
            return False
        return bool(
            re.search(r"\b(?:partner|school|academy|primary|secondary|infant|junior|college)\b", organisation)
        ) and not re.search(r"\b(?:university|board|governing)\b", organisation)


_GOVERNANCE = re.compile(r"\b(?:governors?|governing|committee|trustees?|board|FGB|LGB|LGC|chair)\b", re.I)
