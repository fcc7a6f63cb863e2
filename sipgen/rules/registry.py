"""The rule catalogue: each rule declared once, with its code, severity, source and examples.

A rule is a function decorated with :func:`rule`. Its docstring is the explanation that
``sipgen explain`` prints; it must have a ``Bad:`` and a ``Good:`` example (a test checks).
Checks yield :class:`Hit` objects; :func:`sipgen.checker.run_rules` turns them into findings,
so accepted findings and switched-off rules are handled in one place, not in every rule.
Structural rules (WB) have no check function: the reader reports them through :func:`finding`.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..findings import Finding, Severity
from ..model import Record


@dataclass(frozen=True)
class Hit:
    """What a check function yields: the record and field at fault, and what to say."""

    record: Record | None
    field: str | None
    message: str
    hint: str = ""
    ref: str | None = None  # defaults to the record's ref
    # For findings about the plan as a whole, where no record is at fault.
    sheet: str = ""
    cell: str = ""


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    source: str
    doc: str
    check: Callable[..., Iterable[Hit]] | None = None

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0] if self.doc.strip() else self.name

    def example(self, label: str) -> str:
        """The text after ``Bad:`` or ``Good:`` in the docstring, up to the next blank line."""
        match = re.search(rf"^{label}:\s*(.*?)(?:\n\s*\n|\Z)", self.doc, re.S | re.M)
        return " ".join(match.group(1).split()) if match else ""


RULES: dict[str, Rule] = {}


def rule(code: str, name: str, severity: Severity | str, source: str) -> Callable:
    """Register the decorated function as the check for ``code``."""

    def register(func: Callable) -> Callable:
        if code in RULES:
            raise ValueError(f"rule {code} is declared twice")
        RULES[code] = Rule(code, name, Severity(severity), source, inspect.getdoc(func) or "", func)
        return func

    return register


def declare(code: str, name: str, severity: Severity | str, source: str, doc: str) -> None:
    """Register a rule that the reader reports itself (the WB codes)."""
    if code in RULES:
        raise ValueError(f"rule {code} is declared twice")
    RULES[code] = Rule(code, name, Severity(severity), source, inspect.cleandoc(doc), None)


def listed(items: list[str], conjunction: str = "and") -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def finding(code: str, message: str, hint: str = "", sheet: str = "", cell: str = "", ref: str = "") -> Finding:
    """A finding for rule ``code``, with the severity and source its declaration gives."""
    declared = RULES[code]
    return Finding(code, declared.severity, message, hint, sheet, cell, ref, declared.source)
