"""A finding: one thing wrong with a plan, where it is, and how to put it right."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import Enum
from functools import lru_cache


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


@dataclass(frozen=True)
class Finding:
    """What a check found. ``cell`` is a cell (``C14``) or a range (``H2:H9``); empty if none."""

    code: str
    severity: Severity
    message: str
    hint: str = ""
    sheet: str = ""
    cell: str = ""
    ref: str = ""
    source: str = ""

    @property
    def where(self) -> str:
        """``Actions!C14``, or just the sheet, or the empty string."""
        if not self.sheet:
            return ""
        sheet = f"'{self.sheet}'" if " " in self.sheet else self.sheet
        return f"{sheet}!{self.cell}" if self.cell else sheet

    def to_dict(self) -> dict[str, str]:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data


def sort_key(finding: Finding) -> tuple:
    """Order findings by sheet order, then row, then column, then code."""
    order = _sheet_order()
    row, col = _cell_position(finding.cell)
    return (order.get(finding.sheet, -1 if not finding.sheet else len(order)), finding.sheet, row, col, finding.code)


@lru_cache(maxsize=1)
def _sheet_order() -> dict[str, int]:
    from .schema import SHEETS

    return {sheet.name: i for i, sheet in enumerate(SHEETS)}


def _cell_position(cell: str) -> tuple[int, int]:
    first = cell.split(":")[0]
    letters = "".join(ch for ch in first if ch.isalpha())
    digits = "".join(ch for ch in first if ch.isdigit())
    col = 0
    for ch in letters.upper():
        col = col * 26 + ord(ch) - 64
    return (int(digits) if digits else 0, col)
