"""The plan's dates as a calendar file (iCalendar, RFC 5545) for Outlook, Google and Apple Calendar.

One all-day event for each action's due date (and its start, where that is another day); one at
each review point (the end of the autumn, spring and summer terms) for each priority with
milestones there; one for each dated review on the Reviews sheet; one for the next board
meeting. ``--owner`` keeps one person's events.

The file is written with the ``icalendar`` library, which escapes text, folds lines at 75 octets
and ends them with CRLF. The same workbook gives the same bytes: each UID is a hash of what the
event is (organisation, academic year, record, reference, due/start/milestone/review/meeting), so
a calendar that imports next term's file updates its events rather than doubling them, and
DTSTAMP is the workbook's saved time (or SOURCE_DATE_EPOCH), never the time of the run.

The plan gives days, never times, so every event is all-day: DTSTART and DTEND are DATE values
(DTEND the next day, as RFC 5545 asks), which carry no time zone. Should a time ever be given, it
must be written with TZID=Europe/London (zoneinfo's) and the calendar given that VTIMEZONE
(``icalendar.Calendar.add_missing_timezones``), so a meeting at 6pm stays at 6pm in British Summer
Time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .dates import plan_year_start, uk
from .model import Action, Criterion, Plan, PlanDate, Priority, Review
from .progress import POINTS, figure_text, goes_down, judge, point_ends
from .references import ref_order
from .rules.criteria import criteria_for
from .schema import DROPPED
from .states import action_state, is_held
from .terms import word

KINDS = ("due", "start", "milestone", "review", "meeting")
TITLE_LIMIT = 80
PRODID = "-//sipgen//Improvement plan calendar//EN"
UID_DOMAIN = "sipgen"
# SEQUENCE counts minutes from here to the workbook's saved time: a later save gives a higher
# number, so a calendar that compares them takes a re-imported event as the newer version.
SEQUENCE_EPOCH = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)


class CalendarError(ValueError):
    """The calendar cannot be made as asked. ``str()`` is the one-line reason."""


@dataclass(frozen=True)
class Event:
    """One all-day event: ``kind`` is one of :data:`KINDS`; ``uid`` is stable across runs."""

    kind: str
    ref: str
    day: dt.date
    title: str
    description: str
    uid: str = ""
    # What the UID is made from, before duplicates are numbered: (record kind, reference, what).
    key: tuple[str, str, str] = field(default=("", "", ""), repr=False)


@dataclass
class CalendarResult:
    """What :func:`write_calendar` wrote: the file, its events, and the actions left out."""

    path: Path
    events: list[Event]
    undated: list[Action]  # no date, only a timing such as "Termly", or "TBC"
    dropped: list[Action]
    owner: str | None = None

    @property
    def written(self) -> bool:
        """False when there was nothing to put in a calendar, so no file was written."""
        return bool(self.events)

    def line(self) -> str:
        """'Wrote plan.ics: 62 events (54 action dates, 3 milestones, ...); 2 actions ... left out.'"""
        if not self.written:
            whose = f"{self.owner} has" if self.owner else "The plan has"
            undated = f" {_count(len(self.undated), 'action')} with no date." if self.undated else ""
            return (
                f"{whose} no dated actions, milestones, reviews or meetings, so no calendar was written.{undated} "
                "Give actions a Start or Due date (a date, or a half-term such as Spr1) to put them in one."
            )
        counts = Counter(e.kind for e in self.events)
        kinds = [
            (counts["due"] + counts["start"], "action date"),
            (counts["milestone"], "milestone date"),
            (counts["review"], "review"),
            (counts["meeting"], "board meeting"),
        ]
        parts = ", ".join(_count(n, noun) for n, noun in kinds if n)
        text = f"Wrote {self.path}: {_count(len(self.events), 'event')}" + (f" ({parts})" if parts else "")
        left = []
        if self.undated:
            left.append(_count(len(self.undated), "action") + " with no date (or only a timing, or TBC)")
        if self.dropped:
            left.append(f"{len(self.dropped)} dropped")
        return text + ("; left out: " + ", ".join(left) if left else "") + "."


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


# -- who: --owner -------------------------------------------------------------------------------


def find_owner(plan: Plan, owner: str) -> str:
    """The initials as the Staff sheet writes them, matched without regard to case; a
    :class:`CalendarError` naming the Staff sheet's initials when no one has them."""
    wanted = owner.strip().casefold()
    for initials in plan.people:
        if initials.casefold() == wanted:
            return initials
    known = ", ".join(plan.people)
    listed = f"its initials are {known}" if known else "it lists no one"
    raise CalendarError(f"'{owner}' is not on the Staff sheet ({listed}).")


def _has(initials: tuple[str, ...], owner: str | None) -> bool:
    return owner is None or owner.casefold() in (i.strip().casefold() for i in initials)


def _leads_any(plan: Plan, owner: str | None) -> bool:
    """True for everyone when no owner is asked for; else for the overall lead or a priority's lead."""
    return _has(plan.settings.overall_lead, owner) or any(_has(p.lead, owner) for p in plan.priorities)


# -- the events ---------------------------------------------------------------------------------


def calendar_events(plan: Plan, as_of: dt.date, owner: str | None = None) -> list[Event]:
    """Every event of the plan (or of the person with initials ``owner``), in date order, each
    with its UID. Raises :class:`CalendarError` when ``owner`` is not on the Staff sheet."""
    who = find_owner(plan, owner) if owner is not None else None
    priority_of = _priorities_of_actions(plan)
    events: list[Event] = []
    for action in plan.actions:
        if _has(action.owners, who) and action_state(action, as_of) != "dropped":
            events += _action_events(plan, action, priority_of.get(id(action)), as_of)
    for priority in plan.priorities:
        if _has(priority.lead, who):
            events += _milestone_events(plan, priority)
    events += _review_events(plan, as_of, who)
    if _leads_any(plan, who):
        events += _meeting_events(plan)
    events.sort(key=lambda e: (e.day, KINDS.index(e.kind), ref_order(e.ref), e.title))
    return _with_uids(plan, events)


def left_out(plan: Plan, owner: str | None = None) -> tuple[list[Action], list[Action]]:
    """The actions (of ``owner``, when given) that get no event: (with no date, dropped)."""
    who = find_owner(plan, owner) if owner is not None else None
    mine = [a for a in plan.actions if _has(a.owners, who)]
    dropped = [a for a in mine if a.status == DROPPED]
    undated = [a for a in mine if a.status != DROPPED and not _dated(a.due) and not _dated(a.start)]
    return undated, dropped


def _dated(value: PlanDate | None) -> bool:
    return value is not None and value.dated and value.start is not None


def _priorities_of_actions(plan: Plan) -> dict[int, Priority]:
    return {id(a): p for p in plan.priorities for a in p.every_action}


def _action_events(plan: Plan, action: Action, priority: Priority | None, as_of: dt.date) -> list[Event]:
    ref = action.ref or f"Actions row {action.row}"
    text = action.action.strip() or "(no description)"  # as typed, line breaks kept; titles are one line
    due_day = action.due.end if _dated(action.due) else None
    lines = [
        f"{ref}: {text}",
        "Owners: " + (", ".join(_person(plan, i) for i in action.owners) or "none named"),
        _priority_line(priority, action.objective),
    ]
    if _dated(action.start):
        lines.append(f"Starts: {_when(action.start, action.start.start)}")
    if due_day is not None:
        lines.append(f"Due: {_when(action.due, due_day)}")
    lines += [f"State on {uk(as_of)}: {action_state(action, as_of)}", _source(plan, action.where("due"))]
    description = "\n".join(lines)
    events = []
    if due_day is not None:
        title = f"{ref} due: {_shorten(text)}"
        events.append(Event("due", action.ref, due_day, title, description, key=("action", ref, "due")))
    if _dated(action.start) and action.start.start != due_day:
        title = f"{ref} starts: {_shorten(text)}"
        events.append(Event("start", action.ref, action.start.start, title, description, key=("action", ref, "start")))
    return events


def _when(value: PlanDate, day: dt.date) -> str:
    """'17 Oct 2025', or 'by 19 Dec 2025 (Aut2)' for a span the school wrote as a label."""
    if value.label and value.start != value.end:
        return f"{'by ' if day == value.end else 'from '}{uk(day)} ({value.label})"
    return uk(day) + (f" ({value.label})" if value.label else "")


def _milestone_events(plan: Plan, priority: Priority) -> list[Event]:
    year_start = plan_year_start(plan.settings)
    if year_start is None:
        return []
    criteria = sorted(criteria_for(plan, priority), key=lambda c: (ref_order(c.parent), ref_order(c.ref), c.row))
    events = []
    for index, ((point, _), day) in enumerate(zip(POINTS, point_ends(year_start).values(), strict=True)):
        due = [c for c in criteria if c.milestones[index].strip()]
        if not due:
            continue
        listed = ", ".join(f"{c.ref or 'a criterion'} {_figure(c.milestones[index])}" for c in due)
        lines = [f"{priority.ref} {priority.title}".strip(), _leads(plan, priority), ""]
        lines += [_milestone_line(c, index) for c in due]
        lines.append(_source(plan, due[0].where(f"milestone_{point}")))
        title = f"{priority.ref} {point} milestones: {_shorten(listed)}"
        key = ("priority", priority.ref or f"row {priority.row}", f"milestone {point}")
        events.append(Event("milestone", priority.ref, day, title, "\n".join(lines), key=key))
    return events


def _figure(milestone: str) -> str:
    """A milestone in a few words: '9 of 9' or '10 pupils' as written, '78%' for '78% score 32 or
    more (March practice check)'."""
    short = milestone.split("(", 1)[0].strip() or milestone.strip()
    return short if len(short) <= 10 else figure_text(short)


def _milestone_line(criterion: Criterion, index: int) -> str:
    """'SC1 (P1): Year 1 pupils ... Milestone 78%; actual 79% (met)', or 'no actual yet'."""
    milestone, actual = criterion.milestones[index].strip(), criterion.actuals[index].strip()
    judged = judge(actual, milestone, goes_down(criterion.baseline, criterion.target)) if actual else None
    got = f"actual {actual}" + (f" ({judged})" if judged else "") if actual else "no actual recorded yet"
    name = " ".join(criterion.criterion.split()).rstrip(".")
    return f"{criterion.ref} ({criterion.parent}): {name}. Milestone {milestone}; {got}."


def _review_events(plan: Plan, as_of: dt.date, who: str | None) -> list[Event]:
    dated = [r for r in plan.reviews if _dated(r.date)]
    dated.sort(key=lambda r: (r.date.start, r.row))
    seen: Counter[str] = Counter()
    events = []
    for review in dated:
        seen[review.ref] += 1  # the first, second ... review of its priority, by date: its UID
        if not _has(review.reviewer, who):
            continue
        held = is_held(review, as_of)
        record = plan.by_ref.get(review.ref)
        name = getattr(record, "title", "") or ""
        title = f"{review.ref or 'Plan'} review{'' if held else ' (planned)'}: {_shorten(name)}".rstrip(": ")
        description = "\n".join(_review_lines(plan, review, record, held, as_of))
        key = ("review", review.ref or "plan", f"review {seen[review.ref]}")
        events.append(Event("review", review.ref, review.date.start, title, description, key=key))
    return events


def _review_lines(plan: Plan, review: Review, record, held: bool, as_of: dt.date) -> list[str]:
    lines = [_priority_line(record if isinstance(record, Priority) else None, review.ref)]
    lines.append("Reviewer: " + (", ".join(_person(plan, i) for i in review.reviewer) or "none named"))
    if not held:
        lines.append(f"Planned: not yet held on {uk(as_of)}.")
    else:
        lines += [f"Rated {review.rag}." if review.rag else "Held; no rating given."]
        lines += [f"Decision for the board: {review.decision}"] if review.decision.strip() else []
    return [*lines, _source(plan, review.where("date"))]


def _meeting_events(plan: Plan) -> list[Event]:
    meeting = plan.settings.next_meeting
    if not _dated(meeting):
        return []
    board = word("{board}", plan.plan_type)
    title = f"{board[0].upper()}{board[1:]} meeting"
    description = f"The next {board} meeting, as the plan's Settings give it.\n" + _source(
        plan, plan.settings.where("next_meeting")
    )
    # A later meeting is another event: next term's file adds it and keeps this one.
    key = ("settings", "next meeting", f"meeting {meeting.start.isoformat()}")
    return [Event("meeting", "", meeting.start, title, description, key=key)]


# -- small pieces of text --------------------------------------------------------------------


def _person(plan: Plan, initials: str) -> str:
    from .document.summary import person_name

    return person_name(plan, initials)


def _leads(plan: Plan, priority: Priority) -> str:
    return "Lead: " + (", ".join(_person(plan, i) for i in priority.lead) or "none named")


def _priority_line(priority: Priority | None, parent: str) -> str:
    if priority is None:
        return f"Priority: not found for {parent}" if parent else "Priority: none given"
    return f"Priority {priority.ref}: {' '.join(priority.title.split())}"


def _source(plan: Plan, where: str) -> str:
    """'From the School improvement plan 2025-26 of Hollins Lane Primary School, Actions!D14.'"""
    settings = plan.settings
    title = " ".join((settings.title or word("{default_title}", plan.plan_type)).split())
    year = f" {settings.academic_year}" if settings.academic_year and settings.academic_year not in title else ""
    org = f" of {settings.organisation}" if settings.organisation else ""
    return f"From the {title}{year}{org}, {where}."


def _shorten(text: str, limit: int = TITLE_LIMIT) -> str:
    """``text`` on one line, cut at a word before ``limit`` characters with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


# -- UIDs, and the file ----------------------------------------------------------------------


def _with_uids(plan: Plan, events: list[Event]) -> list[Event]:
    """Each event with its UID: a hash of the organisation, the academic year and the event's key.
    A key met twice (two actions sharing a reference) is numbered, so UIDs stay unique."""
    from dataclasses import replace

    settings = plan.settings
    year = plan_year_start(settings)
    scope = (" ".join(settings.organisation.split()), settings.academic_year.strip() or str(year or ""))
    seen: Counter[tuple] = Counter()
    made = []
    for event in events:
        seen[event.key] += 1
        parts = (*scope, *event.key) + ((str(seen[event.key]),) if seen[event.key] > 1 else ())
        digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]
        made.append(replace(event, uid=f"{digest}@{UID_DOMAIN}"))
    return made


def calendar_stamp(plan: Plan) -> dt.datetime:
    """DTSTAMP: SOURCE_DATE_EPOCH if set, else when the workbook was saved, in UTC."""
    from .document.render import document_time

    return document_time(plan.saved).replace(tzinfo=dt.UTC)


def calendar_name(plan: Plan, owner: str | None = None) -> str:
    settings = plan.settings
    title = " ".join((settings.title or word("{default_title}", plan.plan_type)).split())
    name = " - ".join(part for part in (settings.organisation.strip(), title) if part)
    return name + (f" ({_person(plan, owner)})" if owner else "")


def calendar_bytes(plan: Plan, events: list[Event], owner: str | None = None) -> bytes:
    """The iCalendar file for ``events``: UTF-8, CRLF line ends, folded at 75 octets."""
    import icalendar

    stamp = calendar_stamp(plan)
    sequence = max(0, int((stamp - SEQUENCE_EPOCH).total_seconds() // 60))
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", calendar_name(plan, owner))
    for event in events:
        item = icalendar.Event()
        item.add("uid", event.uid)
        item.add("dtstamp", stamp)
        item.add("sequence", sequence)
        item.add("dtstart", event.day)  # a date: VALUE=DATE, all day
        item.add("dtend", event.day + dt.timedelta(days=1))
        item.add("summary", event.title)
        item.add("description", event.description)
        item.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy
        calendar.add_component(item)
    return calendar.to_ical()


def default_output(workbook: str | Path, owner: str | None = None) -> Path:
    """Beside the workbook: plan.ics, or plan-DH.ics for one person's."""
    workbook = Path(workbook)
    mark = "-" + re.sub(r"[^\w&+-]", "_", owner) if owner else ""  # no / or : in a file name
    return workbook.with_name(f"{workbook.stem}{mark}.ics")


def write_calendar(
    plan: Plan, output: str | Path, as_of: dt.date, owner: str | None = None, inputs: tuple[Path, ...] = ()
) -> CalendarResult:
    """Write the calendar of ``plan`` (or of ``owner``'s events) to ``output``, atomically; with no
    events to put in it, write nothing (the result's ``written`` is False and its line says so).

    ``inputs`` are files it must never overwrite (the workbook). Raises :class:`CalendarError`
    for unknown initials and :class:`sipgen.files.OutputError` for an output that cannot be used.
    """
    from .files import check_output, write_atomically

    output = Path(output)
    who = find_owner(plan, owner) if owner is not None else None
    events = calendar_events(plan, as_of, who)
    undated, dropped = left_out(plan, who)
    check_output(output, inputs=tuple(Path(p) for p in inputs))
    if events:  # an empty calendar imports as nothing and looks like a fault; the line says why
        data = calendar_bytes(plan, events, who)
        write_atomically(output, lambda temp: temp.write_bytes(data))
    return CalendarResult(output, events, undated, dropped, who)
