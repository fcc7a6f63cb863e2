"""What changed between two versions of a plan, compared by reference rather than by row.

Schools review their plan every term and keep each term's workbook. Compared row by row, one
inserted action would look like every later action reworded; so each row is matched by what it
is (a reference such as P2.1.3, a person's initials, a KPI's name), a row renumbered with the
same wording is *moved*, and rows merely sorted differently are no change at all.

Which records and fields are compared, and how, is declared once in :data:`RECORDS`.
:func:`diff_plans` compares two plans already read; :func:`diff_workbooks` reads two files (side
by side on two cores where it can, since reading is nearly all the time); :func:`text_report` and
:func:`json_report` show the changes.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
import textwrap
import threading
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field, replace
from difflib import SequenceMatcher
from functools import cache
from itertools import groupby
from pathlib import Path
from typing import NamedTuple

from .dates import uk
from .model import Plan, PlanDate
from .progress import goes_down, judge
from .references import ref_order
from .schema import SHEETS
from .terms import PLAN_TYPE_LABELS, word
from .values import money

# How a field is compared and described.
TEXT = "text"  # words: a rewording shows the words that changed
VALUE = "value"  # a short value shown whole, before -> after (a baseline, a role)
PEOPLE = "people"  # initials; the order they are listed in is not a change
DATE = "date"  # by the days between: slipped or brought forward
MONEY = "money"
CHOICE = "choice"  # one of a dropdown's values
STATUS = "status"  # an action's status: a choice people look for on its own
REFS = "refs"  # a list of plan references; order is not a change
CODES = "codes"  # rule codes accepted or switched off
ACTUAL = "actual"  # a measure's actual at a review point, judged against its milestone

# Change kinds, in the order a priority's changes are listed; JSON carries these names.
KINDS = (
    "rag", "added", "removed", "moved", "reworded", "owners", "date", "cost", "status", "actual", "changed",
    "setting",
)  # fmt: skip
_KIND_FOR = {TEXT: "reworded", PEOPLE: "owners", DATE: "date", MONEY: "cost", STATUS: "status", ACTUAL: "actual"}
UNREADABLE = "(unreadable)"  # a cell `sipgen check` reports as WB004: there is no value to compare
NO_CHANGES = "No changes between the two versions."


@dataclass(frozen=True)
class Compared:
    """One sheet's rows as the diff sees them."""

    attr: str  # the Plan attribute (and schema sheet key)
    noun: str  # what a row is called in a report
    ident: tuple[str, ...]  # fields that say which row this is in both versions
    main: str  # the wording that marks a renumbered row as the same row
    fields: tuple[tuple[str, str], ...]  # (field, how) compared between matched rows
    parent: tuple[str, ...] = ()  # fields naming the priority the row belongs to, first filled wins
    # Shown beside the wording of a row added or removed: (field, the word before its value).
    summary: tuple[tuple[str, str], ...] = ()
    # The row's identity is its own wording (a KPI's name): a renamed one is matched by similar words.
    by_text: bool = False
    kind: str = ""  # every field change is this kind (Settings), instead of the kind of its field


RECORDS = (
    Compared("settings", "setting", (), "", (
        ("organisation", VALUE), ("plan_type", CHOICE), ("academic_year", VALUE), ("year_start", DATE),
        ("title", VALUE), ("version", VALUE), ("history", TEXT), ("overall_lead", PEOPLE), ("approved_on", DATE),
        ("approved_version", VALUE), ("approval_minute", VALUE), ("budget", MONEY), ("contingency", MONEY),
        ("contingency_drawn", MONEY), ("next_meeting", DATE),
        ("layout", CHOICE), ("max_priorities", VALUE), ("max_owner_share", VALUE), ("vague_verbs", VALUE),
        ("bland_resources", VALUE), ("rules_off", CODES),
    ), kind="setting"),
    Compared("introduction", "introduction", (), "", (
        ("overview", TEXT), ("format_reason", TEXT), ("how_compiled", TEXT), ("distinctive_features", TEXT),
        ("related_plans", TEXT), ("weaknesses_tackled", TEXT),
    )),
    Compared("context", "context item", ("measure",), "measure", (
        ("measure", TEXT), ("area", CHOICE), ("value", VALUE), ("notes", TEXT),
    ), summary=(("value", "value"),), by_text=True),
    Compared("aims", "aim", ("ref",), "aim", (("aim", TEXT), ("horizon", VALUE))),
    Compared("staff", "person", ("initials",), "name", (
        ("name", VALUE), ("role", VALUE), ("organisation", VALUE), ("type", CHOICE),
    ), summary=(("role", ""),)),
    Compared("priorities", "priority", ("ref",), "title", (
        ("title", TEXT), ("source", CHOICE), ("aim", VALUE), ("preface", TEXT), ("now", TEXT), ("goal", TEXT),
        ("lead", PEOPLE), ("link_governor", PEOPLE), ("accepted", CODES),
    ), parent=("ref",), summary=(("lead", "lead"),)),
    Compared("objectives", "objective", ("ref",), "title", (
        ("title", TEXT), ("cause", TEXT), ("lead", PEOPLE), ("accepted", CODES),
    ), parent=("ref", "priority"), summary=(("lead", "lead"),)),
    Compared("actions", "action", ("ref",), "action", (
        ("action", TEXT), ("owners", PEOPLE), ("start", DATE), ("due", DATE), ("cost", MONEY), ("spent", MONEY),
        ("funding", VALUE), ("resources", TEXT), ("also_serves", REFS), ("status", STATUS), ("accepted", CODES),
    ), parent=("ref", "objective"), summary=(("owners", "owners"), ("due", "due"), ("cost", "cost"))),
    Compared("criteria", "success criterion", ("ref",), "criterion", (
        ("criterion", TEXT), ("parent", VALUE), ("kind", CHOICE), ("headline", CHOICE), ("baseline", VALUE),
        ("milestone_autumn", VALUE), ("actual_autumn", ACTUAL), ("milestone_spring", VALUE),
        ("actual_spring", ACTUAL), ("milestone_summer", VALUE), ("actual_summer", ACTUAL), ("target", VALUE),
        ("accepted", CODES),
    ), parent=("parent",), summary=(("target", "target"),)),
    Compared("checks", "check", ("priority", "process"), "how", (
        ("how", TEXT), ("when", VALUE), ("who", PEOPLE), ("evidence", TEXT), ("accepted", CODES),
    ), parent=("priority",), summary=(("who", "by"), ("when", ""))),
    Compared("reviews", "review", ("ref", "date"), "impact", (
        ("reviewer", PEOPLE), ("rag", CHOICE), ("impact", TEXT), ("evidence", TEXT), ("adjustments", TEXT),
        ("decision", TEXT), ("accepted", CODES),
    ), parent=("ref",), summary=(("rag", "RAG"), ("reviewer", "by"))),
    Compared("kpis", "KPI", ("kpi",), "kpi", (
        ("kpi", TEXT), ("ref", VALUE), ("criterion", VALUE), ("baseline", VALUE), ("milestone_autumn", VALUE),
        ("actual_autumn", ACTUAL), ("milestone_spring", VALUE), ("actual_spring", ACTUAL),
        ("milestone_summer", VALUE), ("actual_summer", ACTUAL), ("target", VALUE), ("notes", TEXT),
    ), parent=("ref",), summary=(("target", "target"),), by_text=True),
    Compared("glossary", "glossary entry", ("abbreviation",), "meaning", (
        ("meaning", TEXT),
    ), summary=(("meaning", ""),)),
)  # fmt: skip
# Columns the diff leaves out, and why (a test holds every schema column to RECORDS or here).
NOT_COMPARED = {
    ("objectives", "priority"): "an objective's reference already names its priority",
    ("actions", "objective"): "an action's reference already names its objective",
}
# A row renumbered and reworded in the same term (or a KPI renamed) is still the same row when this
# much of its wording is kept. Tried within a priority, and only while the pairs to try stay few.
SIMILAR = 0.75
MOST_TRIES = 2_000
# Under this much wording kept, a reference's new text may belong to another row renumbered into
# its place; it is paired by reference only if no such row turns up.
EDITED = 0.5


@dataclass(frozen=True)
class Change:
    """One difference between the two versions, where it is in the new workbook, and in words.

    ``sheet`` and ``cell`` are in the new workbook, except for a row removed (in the old one).
    ``words`` is a rewording as (``same`` / ``removed`` / ``added``, words) pieces.
    """

    kind: str
    record: str
    ref: str
    priority: str = ""
    sheet: str = ""
    cell: str = ""
    field: str = ""
    before: str = ""
    after: str = ""
    detail: str = ""
    text: str = ""
    words: tuple[tuple[str, str], ...] = ()

    @property
    def where(self) -> str:
        """``Actions!F14``, quoted as Excel quotes a sheet name with spaces."""
        sheet = f"'{self.sheet}'" if " " in self.sheet else self.sheet
        return f"{sheet}!{self.cell}" if self.sheet and self.cell else sheet


JSON_FIELDS = tuple(f for f in Change.__dataclass_fields__)


class Day(NamedTuple):
    """A date reduced to the day it is compared by (None for "Termly" or "TBC") and how it was written."""

    day: int | None  # an ordinal, so two days subtract to the days between them
    label: str  # "Aut2", "Sep 2025", "TBC"; empty for a plain date


class Entry(NamedTuple):
    """One row reduced to plain values: cheap to compare, and to send back from a worker process."""

    key: str  # which row this is, the same in both versions
    name: str  # how a report names it: P2.1.3, JC, "P2 Monitoring"
    priority: str
    wording: str  # its main text, spaces evened out and case folded, to find it renumbered
    sheet: str
    row: int
    cells: dict[str, str]
    values: dict[str, object]


class Snapshot(NamedTuple):
    """A plan as the diff compares it."""

    rows: dict[str, list[Entry]]
    sheets: tuple[str, ...]
    plan_type: str


# -- reading the plan into entries -----------------------------------------------------------------


def snapshot(plan: Plan) -> Snapshot:
    """The rows of ``plan`` the diff compares, each with its values in comparable form."""
    rows = {}
    for compared in RECORDS:
        found = getattr(plan, compared.attr)
        records = found if isinstance(found, list) else [found]
        seen: dict[str, int] = {}
        rows[compared.attr] = [_entry(compared, record, seen) for record in records]
    return Snapshot(rows, tuple(plan.sheets), plan.plan_type)


@cache
def _names(compared: Compared) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Every field an entry keeps (its identity, the fields compared, those a report shows), and its dates."""
    found = (*compared.ident, compared.main, *(f for f, _ in compared.fields), *(f for f, _ in compared.summary))
    names = tuple(name for name in dict.fromkeys(found) if name)
    return names, tuple(n for n in names if n == "date" or dict(compared.fields).get(n) == DATE)


def _entry(compared: Compared, record, seen: dict[str, int]) -> Entry:
    # Values stay as the reader made them; only dates and cells without a value are changed here,
    # so that a 5,000-action plan is snapshotted in about the time it takes to copy a dict a row.
    names, dates = _names(compared)
    found = record.__dict__
    values = {name: found.get(name) for name in names}
    for name in record.pending:
        values[name] = "TBC"
    for name in record.unreadable:
        values[name] = UNREADABLE
    for name in dates:
        if isinstance(values[name], PlanDate):
            values[name] = _day(name, values[name])
    if "plan_type" in values:
        values["plan_type"] = PLAN_TYPE_LABELS.get(values["plan_type"], values["plan_type"])
    shown = [v if type(v) is str else _show(VALUE, v) for v in map(values.__getitem__, compared.ident)]
    name = " ".join(filter(None, shown))
    key = _fold(name) if len(shown) == 1 else "|".join(map(_fold, shown))
    if not name:
        name = f"row {record.row}" if compared.ident else compared.noun.title()
        key = "~" + _fold(values.get(compared.main)) if compared.ident else ""  # known by its wording
    count = seen[key] = seen.get(key, 0) + 1
    if count > 1:
        key += f"#{count}"  # a repeated reference (WB005) stays a row of its own
    parent = next((values[f] for f in compared.parent if values.get(f)), "")
    top = _PRIORITY.match(parent.upper()) if type(parent) is str else None
    wording = _fold(values.get(compared.main)) if compared.main else ""
    priority = top.group(0) if top else ""
    return Entry(key, name, priority, wording, record.sheet, record.row, record.cells, values)


_PRIORITY = re.compile(r"P\d+")  # the priority a reference belongs to: P2 for P2.1.3


def _day(name: str, value: PlanDate) -> Day:
    # An action is late or early by its due day: the end of a span such as Spr1.
    day = value.end if name == "due" else value.start
    return Day(day.toordinal() if value.dated and day else None, value.label)


def _show(how: str, value: object) -> str:
    """A value as a report shows it: 14 Oct 2026, £450, DH, JC."""
    if value is None:
        return ""
    if isinstance(value, Day):  # as typed ("Spr1", "TBC"), or a plain date as 14 Oct 2026
        return value.label or uk(dt.date.fromordinal(value.day))
    if isinstance(value, tuple | frozenset):
        return ", ".join(sorted(value) if isinstance(value, frozenset) else value)
    if how == MONEY and isinstance(value, float):
        return money(value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _fold(value: object) -> str:
    return " ".join(str(value or "").split()).casefold()


# -- comparing -------------------------------------------------------------------------------------


def diff_plans(old: Plan, new: Plan) -> list[Change]:
    """Every change from ``old`` to ``new``, by priority in reference order, then by kind."""
    return compare(snapshot(old), snapshot(new))


def compare(old: Snapshot, new: Snapshot) -> list[Change]:
    """Every change between two snapshots, in report order."""
    changes: list[Change] = []
    for compared in RECORDS:
        changes += _compare_rows(compared, old.rows[compared.attr], new.rows[compared.attr], new.plan_type)
    rag = _rag_changes(old, new)
    # A review's RAG edited in place is already told as the priority's latest RAG.
    told = {(c.ref, c.before, c.after) for c in rag}
    changes = [c for c in changes if not (c.record == "reviews" and c.field == "rag" and _rag_key(c) in told)]
    changes += rag + _total_changes(old, new) + _sheet_changes(old, new)
    return sorted(changes, key=_order)


def _rag_key(change: Change) -> tuple[str, str, str]:
    return (change.ref.split(" ")[0], change.before, change.after)


_RECORD_ORDER = {compared.attr: n for n, compared in enumerate(RECORDS)}
_FIELD_ORDER = {(c.attr, name): n for c in RECORDS for n, (name, _) in enumerate(c.fields)}


def _order(change: Change) -> tuple:
    record = _RECORD_ORDER.get(change.record, len(RECORDS))
    kind = KINDS.index(change.kind)
    column = _FIELD_ORDER.get((change.record, change.field), -1)
    if not change.priority:  # the whole plan reads best sheet by sheet, settings in their own order
        return ((1,), record, kind, column, ref_order(change.ref))
    return ((0, ref_order(change.priority)), kind, record, ref_order(change.ref), column)


def _compare_rows(compared: Compared, olds: list[Entry], news: list[Entry], plan_type: str) -> list[Change]:
    pairs, removed, added = _match(compared, olds, news)
    changes = []
    for before, after in pairs:
        if before.values != after.values or before.name != after.name:  # most rows are unchanged
            changes += _pair_changes(compared, before, after, plan_type)
    changes += [_row_change("removed", compared, entry, plan_type) for entry in removed]
    changes += [_row_change("added", compared, entry, plan_type) for entry in added]
    return changes


def _match(compared: Compared, olds: list[Entry], news: list[Entry]):
    """Rows that are the same in both versions (pairs), rows only in the old, rows only in the new.

    Same identity and same wording first; then the same wording under another reference (a
    renumbered row), so that inserting a row reads as one row added, not each later one reworded;
    then the same identity with its wording edited; then a row left over on each side worded
    nearly alike (renumbered and reworded); last, the same identity with all new wording.
    """
    waiting = {entry.key: entry for entry in olds}
    pairs, unmatched = [], []
    for entry in news:
        same = waiting.get(entry.key)
        if same is not None and same.wording == entry.wording:
            pairs.append((waiting.pop(entry.key), entry))
        else:
            unmatched.append(entry)
    by_wording = defaultdict(list)
    for entry in waiting.values():
        by_wording[entry.wording].append(entry)
    edited, added = [], []
    for entry in unmatched:
        moved = [e for e in by_wording.get(entry.wording, ()) if e.key in waiting] if entry.wording else []
        same = waiting.get(entry.key)
        if moved:
            pairs.append((waiting.pop(moved[0].key), entry))
        elif same is not None and _likeness(compared, same, entry) >= EDITED:
            edited.append((waiting.pop(entry.key), entry))
        else:
            added.append(entry)
    removed = list(waiting.values())
    pairs += edited + _similar(compared, removed, added)
    left = {entry.key: entry for entry in removed}
    kept = {entry.key for entry in added if entry.key in left}  # all new wording, but still that reference
    pairs += [(left[entry.key], entry) for entry in added if entry.key in kept]
    return pairs, [e for e in removed if e.key not in kept], [e for e in added if e.key not in kept]


def _text(compared: Compared, entry: Entry):
    # A KPI's name letter by letter ("PA %" is "PA (%)"); other wording word by word.
    return _fold(entry.name) if compared.by_text else entry.wording.split()


def _likeness(compared: Compared, old: Entry, new: Entry) -> float:
    """How much of their wording two rows share, from 0 to 1 (1 when either has none to compare)."""
    a, b = _text(compared, old), _text(compared, new)
    return SequenceMatcher(None, a, b, autojunk=False).ratio() if a and b else 1.0


def _similar(compared: Compared, removed: list[Entry], added: list[Entry]) -> list[tuple[Entry, Entry]]:
    """Pairs of a removed and an added row of one priority worded nearly alike; taken out of both lists."""
    pairs: list[tuple[Entry, Entry]] = []
    if len(removed) * len(added) > MOST_TRIES:
        return pairs
    for old in list(removed):
        best, score = None, SIMILAR
        for new in added:
            if new.priority != old.priority or not _text(compared, old) or not _text(compared, new):
                continue
            matcher = SequenceMatcher(None, _text(compared, old), _text(compared, new), autojunk=False)
            if matcher.real_quick_ratio() >= score and matcher.quick_ratio() >= score and matcher.ratio() >= score:
                best, score = new, matcher.ratio()
        if best is not None:
            pairs.append((old, best))
            added.remove(best)
            removed.remove(old)
    return pairs


def _pair_changes(compared: Compared, old: Entry, new: Entry, plan_type: str) -> list[Change]:
    changes = []
    if old.name != new.name and _fold(old.name) != _fold(new.name) and not compared.by_text:
        verb = "renumbered" if compared.ident == ("ref",) else "moved"
        same = "with the same wording" if old.wording == new.wording else "and reworded"
        text = f"{compared.noun[0].upper()}{compared.noun[1:]} {verb} from {old.name} to {new.name}, {same}."
        changes.append(_change(compared, new, "moved", compared.ident[0], before=old.name, after=new.name,
                               detail=verb, text=text))  # fmt: skip
    for name, how in compared.fields:
        before, after = old.values.get(name), new.values.get(name)
        if not _same(how, before, after):
            changes.append(_field_change(compared, old, new, name, how, plan_type))
    return changes


def _same(how: str, before: object, after: object) -> bool:
    if how in (PEOPLE, REFS) and isinstance(before, tuple | None) and isinstance(after, tuple | None):
        return set(before or ()) == set(after or ())
    if isinstance(before, Day) and isinstance(after, Day):
        if before.day is not None or after.day is not None:
            return before.day == after.day  # "Spr1" and 13/02/2026 are the same due day
        return _fold(before.label) == _fold(after.label)
    if isinstance(before, str) and isinstance(after, str):
        return before.split() == after.split()  # spacing and line breaks are not a change; case is
    return (before or None) == (after or None)


# -- describing ------------------------------------------------------------------------------------


def _change(compared: Compared, entry: Entry, kind: str, field: str = "", ref: str = "", **rest) -> Change:
    cell = entry.cells.get(field) or next(iter(entry.cells.values()), f"A{entry.row}")
    return Change(kind, compared.attr, ref or entry.name, entry.priority, entry.sheet, cell, field, **rest)


def _label(compared: Compared, name: str, plan_type: str) -> str:
    """The column's header in the plan's own words, without its "(£)"."""
    sheet = next(s for s in SHEETS if s.key == compared.attr)
    return word(sheet.column(name).header, plan_type).replace(" (£)", "")


def _row_change(kind: str, compared: Compared, entry: Entry, plan_type: str) -> Change:
    hows = dict(compared.fields)
    main = _show(VALUE, entry.values.get(compared.main))
    extras = [(words, _show(hows.get(name, VALUE), entry.values.get(name))) for name, words in compared.summary]
    shown = ", ".join(f"{words} {value}".strip() for words, value in extras if value)
    field = compared.ident[0] if compared.ident else ""
    change = _change(compared, entry, kind, field, before=main if kind == "removed" else "",
                     after=main if kind == "added" else "")  # fmt: skip
    what = f"{compared.noun[0].upper()}{compared.noun[1:]} {kind}" + (f" ({shown})" if shown else "")
    return replace(change, text=f"{what}: {main}" if main else f"{what}.")


def _field_change(compared: Compared, old: Entry, new: Entry, name: str, how: str, plan_type: str) -> Change:
    label = _label(compared, name, plan_type)
    before, after = old.values.get(name), new.values.get(name)
    shown_before, shown_after = _show(how, before), _show(how, after)
    kind = compared.kind or _KIND_FOR.get(how, "changed")
    if how == TEXT and not (shown_before and shown_after):
        kind = compared.kind or "changed"  # text filled in or cleared: nothing was reworded
    detail, words = "", ()
    if how == TEXT and shown_before and shown_after:
        words = tuple(word_diff(shown_before, shown_after))
        detail = marked(words)
        text = f"{label} reworded: {detail}"
    elif how == ACTUAL:
        detail, text = _actual(new, name, shown_before, shown_after)
    else:
        detail = _detail(how, before, after, plain=bool(compared.kind))
        text = f"{label}: {shown_before or 'blank'} → {shown_after or 'blank'}" + (f" ({detail})" if detail else "")
    # A form such as Settings has one row: each change is named by its setting.
    ref = "" if compared.ident else label
    return _change(compared, new, kind, name, ref, before=shown_before, after=shown_after, detail=detail, text=text,
                   words=words)  # fmt: skip


def _detail(how: str, before: object, after: object, plain: bool = False) -> str:
    """A few words on what a change amounts to: slipped by 14 days, +£150, JC added.

    ``plain`` is for a date that is not a deadline (the next board meeting): 14 days later, not slipped.
    """
    if isinstance(before, Day) and isinstance(after, Day) and before.day is not None and after.day is not None:
        days = after.day - before.day
        span = f"{abs(days)} day{'s' if abs(days) != 1 else ''}"
        if plain:
            return f"{span} {'later' if days > 0 else 'earlier'}"
        return f"slipped by {span}" if days > 0 else f"brought forward by {span}"
    if how == MONEY and isinstance(before, float) and isinstance(after, float):
        return ("+" if after > before else "-") + money(abs(after - before))
    if how == PEOPLE and isinstance(before, tuple | None) and isinstance(after, tuple | None):
        came = [p for p in after or () if p not in (before or ())]
        went = [p for p in before or () if p not in (after or ())]
        return "; ".join(part for part in (_listed(came, "added"), _listed(went, "removed")) if part)
    return ""


def _listed(people: list[str], what: str) -> str:
    return f"{', '.join(people)} {what}" if people else ""


def _actual(entry: Entry, name: str, before: str, after: str) -> tuple[str, str]:
    """A measure's actual newly recorded (or corrected) at a review point, judged against its milestone."""
    point = name.removeprefix("actual_")
    if not after:
        return "removed", f"{point.capitalize()} actual removed (it was {before})."
    milestone = _show(VALUE, entry.values.get(f"milestone_{point}"))
    down = goes_down(_show(VALUE, entry.values.get("baseline")), _show(VALUE, entry.values.get("target")))
    state = judge(after, milestone, down)
    got = f"{before} → {after}" if before else after
    if state is None:
        against = f" against {milestone}" if milestone else ""
        return "recorded", f"{point.capitalize()} actual: {got}{against} (not judged: no figure to compare)."
    return state, f"{point.capitalize()} actual: {got} against {milestone} ({state})."


def word_diff(before: str, after: str) -> list[tuple[str, str]]:
    """The words of ``before`` and ``after`` as pieces: ("same" | "removed" | "added", words)."""
    old, new = before.split(), after.split()
    pieces = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append(("same", " ".join(old[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(("removed", " ".join(old[i1:i2])))
        if j2 > j1:
            pieces.append(("added", " ".join(new[j1:j2])))
    return pieces


CONTEXT_WORDS = 6  # words kept either side of a change in a long text; the rest is "…"


def marked(pieces, context: int = CONTEXT_WORDS) -> str:
    """A rewording as text: ``Meet [-weekly-] {+fortnightly+} with ...``, long unchanged runs cut short."""
    out = []
    for n, (op, text) in enumerate(pieces):
        if op == "removed":
            out.append(f"[-{text}-]")
        elif op == "added":
            out.append(f"{{+{text}+}}")
        else:
            words = text.split()
            first, last = n == 0, n == len(pieces) - 1
            kept = context * ((not first) + (not last))
            if len(words) > kept + 3:  # cut only where it saves a few words
                head = [] if first else words[:context]
                tail = [] if last else words[-context:]
                words = [*head, "…", *tail]
            out.append(" ".join(words))
    return " ".join(out)


# -- whole-plan changes ----------------------------------------------------------------------------


def _rag_changes(old: Snapshot, new: Snapshot) -> list[Change]:
    """Each priority (or objective) whose latest RAG rating is not what it was."""
    reviews = RECORDS[_RECORD_ORDER["reviews"]]
    was, now = _latest_ratings(old), _latest_ratings(new)
    changes = []
    for ref, entry in now.items():
        before = str(was[ref].values["rag"]) if ref in was else ""
        after = str(entry.values["rag"])
        if before != after:
            when = _show(DATE, entry.values.get("date")) or "an undated review"
            text = f"Latest RAG rating {before or 'none'} → {after} (review of {when})."
            changes.append(_change(reviews, entry, "rag", "rag", ref, before=before, after=after, detail=when,
                                   text=text))  # fmt: skip
    return changes


def _latest_ratings(snap: Snapshot) -> dict[str, Entry]:
    """The latest review with a RAG rating for each reference reviewed (undated reviews count as earliest)."""
    rated = [e for e in snap.rows["reviews"] if e.values.get("rag") and e.values.get("ref")]
    rated.sort(key=lambda e: (_ordinal(e.values.get("date")), e.row))
    return {str(e.values["ref"]): e for e in rated}


def _ordinal(value: object) -> int:
    return value.day if isinstance(value, Day) and value.day is not None else 0


def _total_changes(old: Snapshot, new: Snapshot) -> list[Change]:
    """The plan's total planned cost, when it moved."""
    (before, tbc_before), (after, tbc_after) = _total(old), _total(new)
    if before == after and tbc_before == tbc_after:
        return []
    cells = [e.cells["cost"] for e in new.rows["actions"] if "cost" in e.cells]
    cell = f"{cells[0]}:{cells[-1]}" if len(cells) > 1 else "".join(cells)
    detail = ("+" if after >= before else "-") + money(abs(after - before))
    tbc = f"; {tbc_after} cost{'s' if tbc_after != 1 else ''} still TBC" if tbc_after else ""
    text = f"Planned costs in total: {money(before)} → {money(after)} ({detail}{tbc})."
    return [Change("cost", "actions", "total", "", "Actions", cell, "cost", money(before), money(after), detail, text)]


def _total(snap: Snapshot) -> tuple[float, int]:
    costs = [e.values.get("cost") for e in snap.rows["actions"]]
    return sum(c for c in costs if isinstance(c, float)), sum(1 for c in costs if c == "TBC")


def _sheet_changes(old: Snapshot, new: Snapshot) -> list[Change]:
    """Sheets added to or taken out of the workbook, by name (their rows are compared above)."""
    changes = []
    for kind, names, other in (("removed", old.sheets, new.sheets), ("added", new.sheets, old.sheets)):
        for name in names:
            if name not in other:
                before, after = (name, "") if kind == "removed" else ("", name)
                text = f"Sheet '{name}' {kind}."
                changes.append(Change(kind, "sheets", name, "", name, "", "", before, after, text=text))
    return changes


# -- reading two workbooks -------------------------------------------------------------------------


@dataclass
class DiffResult:
    """What ``sipgen diff`` found: the changes, or the one-line reason a workbook could not be read."""

    old: Path
    new: Path
    changes: list[Change] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)  # each priority's title, for headings
    error: str = ""

    @property
    def exit_code(self) -> int:
        """0 no changes, 1 changes, 2 a workbook could not be read (as `diff` does)."""
        return 2 if self.error else 1 if self.changes else 0


def diff_workbooks(old_path: str | Path, new_path: str | Path) -> DiffResult:
    """Read both workbooks and compare them. Never raises for a bad file: that is ``error``."""
    old_path, new_path = Path(old_path), Path(new_path)
    if _same_bytes(old_path, new_path):  # a copy: read it once, only to be sure it is a plan
        found = read_snapshot(new_path)
        return DiffResult(old_path, new_path, error=found if isinstance(found, str) else "")
    old, new = _read_both(old_path, new_path)
    errors = [found for found in (old, new) if isinstance(found, str)]
    if errors or old is None:
        return DiffResult(old_path, new_path, error=errors[0])
    return DiffResult(old_path, new_path, compare(old, new), _titles(old, new))


def diff_since(old_path: str | Path, new: Plan) -> DiffResult:
    """Compare the workbook at ``old_path`` with a plan already read, as `build --since` and
    `report --since` have it, so that the new workbook is not read a second time."""
    old_path = Path(old_path)
    old = read_snapshot(old_path)
    if isinstance(old, str):
        return DiffResult(old_path, Path(new.source), error=old)
    mine = snapshot(new)
    return DiffResult(old_path, Path(new.source), compare(old, mine), _titles(old, mine))


def _titles(old: Snapshot, new: Snapshot) -> dict[str, str]:
    """Each priority's title, for the report's headings (the new version's where both have it)."""
    return {e.name: str(e.values.get("title") or "") for e in (*old.rows["priorities"], *new.rows["priorities"])}


def _same_bytes(old: Path, new: Path) -> bool:
    try:
        return old.stat().st_size == new.stat().st_size and old.read_bytes() == new.read_bytes()
    except OSError:  # missing, a folder, not allowed: read_snapshot says so plainly
        return False


def read_snapshot(path: Path) -> Snapshot | str:
    """The plan at ``path`` as the diff compares it, or one line saying why it cannot be read."""
    from .reader import read_plan

    read = read_plan(path)
    if read.plan is None:
        return read.findings[0].message if read.findings else f"{path}: this workbook cannot be read as a plan."
    return snapshot(read.plan)


# Reading a workbook is nearly all of a diff's time, on one core; two large ones are read side by
# side where a process can be forked cheaply (Linux). Below this size a second process costs more
# than it saves.
PARALLEL_FROM = 256 * 1024  # bytes


def _read_both(old: Path, new: Path) -> tuple[Snapshot | str | None, Snapshot | str]:
    """Both plans' snapshots, or for each the line saying why it cannot be read (None: not read,
    because the other could not be)."""
    if not _worth_a_second_process(old, new):
        return read_snapshot(old), read_snapshot(new)
    from multiprocessing.connection import Pipe

    here, there = Pipe()
    worker = os.fork()
    if worker == 0:  # the forked worker: it never returns
        here.close()
        _worker(old, there)
    there.close()
    theirs = mine = None
    try:
        mine = read_snapshot(new)
        fingerprints = here.recv()
        if isinstance(fingerprints, str) or isinstance(mine, str):  # one could not be read
            return (fingerprints if isinstance(fingerprints, str) else None), mine
        here.send(_wanted(fingerprints, mine))
        theirs = _rebuilt(fingerprints, here.recv(), mine)
    except (EOFError, OSError):  # the worker died (out of memory, killed): read it here instead
        theirs = None
    finally:
        here.close()
        os.waitpid(worker, 0)
    return (theirs or read_snapshot(old)), (mine if mine is not None else read_snapshot(new))


def _worker(path: Path, connection) -> None:
    """Read ``path``, send each row's fingerprint, then in full only the rows asked for."""
    try:
        snap = read_snapshot(path)
        if isinstance(snap, str):
            connection.send(snap)
            return
        connection.send((_fingerprints(snap), snap.sheets, snap.plan_type))
        wanted = connection.recv()
        connection.send({attr: [e for e in snap.rows[attr] if e.key in keys] for attr, keys in wanted.items()})
    finally:
        os._exit(0)  # whatever happened: the parent reads the workbook itself if nothing came


# Sending every row of a 5,000-action plan between processes takes longer than comparing them; a
# row is sent only when its fingerprint differs from the same row read here. (The forked worker
# hashes strings with this process's seed.)
def _fingerprint(entry: Entry) -> int:
    return hash((entry.name, entry.wording, tuple(entry.values.values())))


def _fingerprints(snap: Snapshot) -> dict[str, list[tuple[str, int]]]:
    return {attr: [(e.key, _fingerprint(e)) for e in entries] for attr, entries in snap.rows.items()}


def _wanted(fingerprints, mine: Snapshot) -> dict[str, set[str]]:
    wanted = {}
    for attr, rows in fingerprints[0].items():
        here = {e.key: e for e in mine.rows[attr]}
        wanted[attr] = {key for key, print_ in rows if key not in here or _fingerprint(here[key]) != print_}
    # A priority's latest RAG rating is told apart by the order of its reviews, so all of them come.
    wanted["reviews"] = {key for key, _ in fingerprints[0]["reviews"]}
    return wanted


def _rebuilt(fingerprints, sent: dict[str, list[Entry]], mine: Snapshot) -> Snapshot:
    """The other plan's snapshot: the rows it sent, and for the rest the identical rows read here."""
    rows = {}
    for attr, prints in fingerprints[0].items():
        known = {e.key: e for e in mine.rows[attr]} | {e.key: e for e in sent[attr]}
        rows[attr] = [known[key] for key, _ in prints]
    return Snapshot(rows, *fingerprints[1:])


def _worth_a_second_process(old: Path, new: Path) -> bool:
    # A fork copies only the thread that makes it: with other threads running it could deadlock.
    if not hasattr(os, "fork") or sys.platform == "darwin" or threading.active_count() > 1:
        return False
    if (os.cpu_count() or 1) < 2:
        return False
    try:
        return min(old.stat().st_size, new.stat().st_size) >= PARALLEL_FROM
    except OSError:
        return False  # a missing file: read_snapshot says so plainly


# -- reports ---------------------------------------------------------------------------------------

# The codes, like the decision to use them (sipgen.console.colour, which the CLI passes as
# ``colour``), are the console's: check's report and this one paint alike.
from . import console  # noqa: E402

_GREEN, _RED, _YELLOW, _CYAN = console.GREEN, console.RED, console.YELLOW, console.CYAN
_BOLD, _RESET = console.BOLD, console.RESET
_KIND_COLOURS = {"added": _GREEN, "removed": _RED, "moved": _CYAN}
# An actual by how it was judged, a RAG rating by its new colour.
_STATE_COLOURS = {"met": _GREEN, "close": _YELLOW, "missed": _RED, "Green": _GREEN, "Amber": _YELLOW, "Red": _RED}
# How the summary line counts each kind: (one, many).
_COUNTED = {
    "rag": ("RAG rating", "RAG ratings"), "added": ("added", "added"), "removed": ("removed", "removed"),
    "moved": ("moved", "moved"), "reworded": ("reworded", "reworded"), "owners": ("owner change", "owner changes"),
    "date": ("date", "dates"), "cost": ("cost", "costs"), "status": ("status", "statuses"),
    "actual": ("actual", "actuals"), "changed": ("other change", "other changes"),
    "setting": ("setting", "settings"),
}  # fmt: skip


def summary_line(changes: list[Change]) -> str:
    """'9 changes: 2 added, 1 moved, 3 dates ...', or that there are none."""
    if not changes:
        return NO_CHANGES
    counts = Counter(c.kind for c in changes)
    parts = [f"{counts[k]} {_COUNTED[k][counts[k] != 1]}" for k in KINDS if counts[k]]
    return f"{len(changes)} change{'s' if len(changes) != 1 else ''}: {', '.join(parts)}."


def text_report(
    changes: list[Change], colour: bool = False, titles: dict[str, str] | None = None, heading: str = "", width=100
) -> str:
    """The report ``sipgen diff`` prints: changes grouped by priority, then the whole plan, then a count."""

    def paint(text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if colour and code else text

    lines = [paint(heading, _BOLD)] if heading else []
    for priority, group in groupby(changes, key=lambda c: c.priority):
        title = (titles or {}).get(priority, "")
        lines += ["", paint(f"  {priority}  {title}".rstrip() if priority else "  Whole plan", _BOLD)]
        for change in group:
            lines += _change_lines(change, paint, width)
    lines += ["", paint(summary_line(changes), _BOLD)]
    return "\n".join(lines).strip("\n")


def _change_lines(change: Change, paint, width: int) -> list[str]:
    state = change.after if change.kind == "rag" else change.detail
    colour = _KIND_COLOURS.get(change.kind) or _STATE_COLOURS.get(state) or _YELLOW
    where = change.where + (" in the old workbook" if change.kind == "removed" and change.cell else "")
    head = f"    {paint(change.kind.ljust(9), colour)} {change.ref}  {where}".rstrip()
    indent = " " * 14
    body = textwrap.wrap(change.text, width - len(indent), break_on_hyphens=False) or [""]
    text = "\n".join(indent + line for line in body)
    # The rewording's marks stay in plain text; colour only makes them easier to see.
    text = re.sub(r"\[-.*?-\]", lambda m: paint(m.group(0), _RED), text, flags=re.S)
    text = re.sub(r"\{\+.*?\+\}", lambda m: paint(m.group(0), _GREEN), text, flags=re.S)
    return [head, *text.split("\n")]


def json_report(changes: list[Change]) -> str:
    """A JSON list of changes, each with exactly :data:`JSON_FIELDS` (``words`` as {op, text} objects)."""
    rows = []
    for change in changes:
        row = asdict(change)
        row["words"] = [{"op": op, "text": text} for op, text in change.words]
        rows.append(row)
    return json.dumps(rows, indent=2, ensure_ascii=False)
