"""Which column of a sheet is which: headers as people really type them.

A table sheet's header row is found among its first rows; each header is matched to a
declared column by its name or one of its aliases (case, spacing, punctuation and a plural
"s" forgiven). A header sipgen does not know that stands where one of the plan's columns
is missing is never taken for notes: :func:`guess_unknown` says which column it probably is,
from its name, its place between the known columns, and what its cells hold.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from openpyxl.utils import get_column_letter

from .findings import Finding
from .rules import finding
from .schema import Column, Kind, Sheet, header_keys, normalise_header
from .terms import word
from .values import BadValue, as_text, convert

HEADER_SEARCH_ROWS = 10
# Words too common in headers to say which column is meant ("Date of review", "Cost (£)").
_COMMON_WORDS = {
    "the",
    "of",
    "a",
    "an",
    "and",
    "or",
    "to",
    "for",
    "by",
    "in",
    "on",
    "date",
    "dates",
    "s",
    "be",
    "we",
    "will",
    "is",
}
# How alike a header must be to a column's name to be taken for it (difflib's ratio).
_NAME_LIKENESS = 0.75
# The share of a column's filled cells that must fit a typed column (dates, money ...).
_CONTENT_FIT = 0.6


def match_key(text: object) -> str:
    """A header reduced for matching: letters and digits, without a plural 's' at the end."""
    key = normalise_header(text)
    return key[:-1] if len(key) > 3 and key.endswith("s") and not key.endswith("ss") else key


def column_keys(sheet: Sheet) -> dict[str, Column]:
    """Every key that names a column of ``sheet``, under either plan type's words."""
    return {match_key(key): column for column in sheet.columns for key in header_keys(column)}


def find_header(sheet: Sheet, rows: dict[int, dict[int, object]]) -> tuple[int | None, dict[int, Column]]:
    """The header row among the first rows (the one naming most columns) and its mapping."""
    keys = column_keys(sheet)
    best: tuple[int, int | None, dict[int, Column]] = (0, None, {})
    for row in sorted(rows)[:HEADER_SEARCH_ROWS]:
        mapping: dict[int, Column] = {}
        for col, value in sorted(rows[row].items()):
            column = keys.get(match_key(value)) if isinstance(value, str) else None
            if column is not None and column not in mapping.values():
                mapping[col] = column
        if len(mapping) > best[0]:
            best = (len(mapping), row, mapping)
    return best[1], best[2]


@dataclass(frozen=True)
class Guess:
    """An unknown header taken to be a missing column, and why."""

    col: int
    header: str
    column: Column
    reason: str  # "name", or "place" (it stands where the column goes and its cells fit)


def guess_unknown(
    sheet: Sheet,
    rows: dict[int, dict[int, object]],
    header_row: int,
    mapping: dict[int, Column],
    plan_type: str,
    year_start,
) -> list[Guess]:
    """For each unknown header, the missing column it most probably is (if any is likely)."""
    missing = [c for c in sheet.columns if c not in mapping.values()]
    unknown = {col: as_text(v) for col, v in rows[header_row].items() if col not in mapping and as_text(v)}
    guesses: list[Guess] = []
    taken: set[str] = set()
    for col, header in sorted(unknown.items()):
        candidates = [c for c in missing if c.field not in taken]
        by_name = _by_name(header, candidates, plan_type)
        if by_name is not None:
            guesses.append(Guess(col, header, by_name, "name"))
            taken.add(by_name.field)
            continue
        values = [cols[col] for row, cols in rows.items() if row > header_row and col in cols]
        for column in _in_place(sheet, col, mapping, candidates):
            if _fits(column, values, year_start, inside=_has_right_neighbour(col, mapping)):
                guesses.append(Guess(col, header, column, "place"))
                taken.add(column.field)
                break
    return guesses


def _words(text: str) -> set[str]:
    """The telling words of a header, without plural endings: 'Actions to take' -> {action, take}."""
    found = (w[:-1] if len(w) > 3 and w.endswith("s") else w for w in re.findall(r"[a-z]+", text.casefold()))
    return {w for w in found if w not in _COMMON_WORDS}


def _by_name(header: str, candidates: list[Column], plan_type: str) -> Column | None:
    """The candidate whose name or alias is most like ``header``, if alike enough."""
    key = match_key(header)
    best: tuple[float, Column | None] = (0.0, None)
    for column in candidates:
        names = (word(column.header, plan_type), *column.aliases)
        for name in names:
            likeness = difflib.SequenceMatcher(None, key, match_key(name)).ratio()
            if _words(header) & _words(name):
                likeness = max(likeness, _NAME_LIKENESS)
            if likeness > best[0]:
                best = (likeness, column)
    return best[1] if best[0] >= _NAME_LIKENESS else None


def _in_place(sheet: Sheet, col: int, mapping: dict[int, Column], candidates: list[Column]) -> list[Column]:
    """The missing columns whose declared place lies between the known columns around ``col``."""
    order = {c.field: i for i, c in enumerate(sheet.columns)}
    left = [order[c.field] for k, c in mapping.items() if k < col]
    right = [order[c.field] for k, c in mapping.items() if k > col]
    low = max(left) if left else -1
    high = min(right) if right else len(sheet.columns)
    return [c for c in candidates if low < order[c.field] < high]


def _has_right_neighbour(col: int, mapping: dict[int, Column]) -> bool:
    return any(k > col for k in mapping)


def _fits(column: Column, values: list[object], year_start, inside: bool) -> bool:
    """Whether the cells below an unknown header look like ``column``'s values.

    Dates, money, references and codes can be told by their form. Free text cannot, so a text
    column is only assumed when the unknown column stands inside the table, between known
    ones, not appended after it (where people keep their own notes).
    """
    filled = [v for v in values if as_text(v)]
    if column.kind in (Kind.TEXT, Kind.LONG_TEXT, Kind.CHOICE):
        return inside
    if not filled:
        return inside
    fitting = 0
    for value in filled:
        try:
            converted = convert(column, value, year_start)
        except BadValue:
            continue
        if column.kind in (Kind.REF, Kind.REFS) and not _looks_like_refs(as_text(value)):
            continue
        if column.kind is Kind.INITIALS and not all(len(p) <= 6 and p.isupper() for p in converted):
            continue
        if column.kind is Kind.CODES and not converted:
            continue
        fitting += 1
    return fitting / len(filled) >= _CONTENT_FIT


def _looks_like_refs(text: str) -> bool:
    return bool(
        re.fullmatch(r"[A-Za-z]{0,3}\s*\d+(?:\.\d+)*(?:\s*[,;/]\s*[A-Za-z]{0,3}\s*\d+(?:\.\d+)*)*", text.strip())
    )


# -- what to tell the user (WB003) ----------------------------------------------------------


def no_header(sheet: Sheet, plan_type: str) -> Finding:
    required = ", ".join(word(c.header, plan_type) for c in sheet.columns if c.required)
    return finding(
        "WB003",
        f"The '{sheet.name}' sheet has no header row sipgen recognises, so none of its rows can be read.",
        f"Put the headers in the first row; it needs at least: {required}.",
        sheet=sheet.name,
        cell="A1",
    )


def column_findings(
    sheet: Sheet,
    rows: dict[int, dict[int, object]],
    header_row: int,
    mapping: dict[int, Column],
    guesses: list[Guess],
    plan_type: str,
) -> list[Finding]:
    """WB003 for each guessed column, then for each required column still missing."""
    found = [_guess_finding(sheet, rows, header_row, guess, plan_type) for guess in guesses]
    guessed = {g.column.field for g in guesses}
    taken = {g.col for g in guesses}
    unmatched = {col: as_text(v) for col, v in rows[header_row].items() if col not in mapping and col not in taken}
    for column in sheet.columns:
        if column.required and column not in mapping.values() and column.field not in guessed:
            found.append(_missing_finding(sheet, rows, header_row, column, unmatched, plan_type))
    return found


def _guess_finding(sheet: Sheet, rows, header_row: int, guess: Guess, plan_type: str) -> Finding:
    target = word(guess.column.header, plan_type)
    letter = get_column_letter(guess.col)
    count = sum(1 for r, cols in rows.items() if r > header_row and guess.col in cols)
    why = (
        ""
        if guess.reason == "name"
        else f" It stands where the '{target}' column goes, and its cells hold what that column holds."
    )
    return finding(
        "WB003",
        f"Column {letter} is headed '{guess.header}', which sipgen does not know, so its {count} filled "
        f"cell{'s are' if count != 1 else ' is'} not read. It is probably the '{target}' column.{why}",
        f"If column {letter} holds the {target.lower()}, rename its header to '{target}'; "
        "if it holds something else, give it a header of its own after the plan's columns.",
        sheet=sheet.name,
        cell=f"{letter}{header_row}",
    )


def _missing_finding(sheet: Sheet, rows, header_row: int, column: Column, unmatched: dict, plan_type: str) -> Finding:
    header = word(column.header, plan_type)
    names = [h.casefold() for h in unmatched.values()]
    close = difflib.get_close_matches(header.casefold(), names, n=1, cutoff=0.4)
    if close:
        col = next(c for c, h in unmatched.items() if h.casefold() == close[0])
        hint = f"If column {get_column_letter(col)} ('{unmatched[col]}') holds it, rename that header to '{header}'."
    else:
        col = max(rows[header_row]) + 1
        hint = f"Add a column headed '{header}'."
    return finding(
        "WB003",
        f"The '{sheet.name}' sheet has no '{header}' column, which sipgen needs.",
        hint,
        sheet=sheet.name,
        cell=f"{get_column_letter(col)}{header_row}",
    )
