"""The document's tables, each declared once: its columns, their widths, and the view field each shows.

The template generator (:mod:`sipgen.document.template`) lays out each table from its
declaration, and the view (:mod:`sipgen.document.view`) makes each row with
:meth:`Table.row`, which refuses a row whose fields differ from the declaration. A column
added here appears in the template and is demanded of the view; neither retypes a header,
a width or a field name.
"""

from __future__ import annotations

from dataclasses import dataclass

# How a cell shows its field (the template writes each kind as its own docxtpl tag):
TEXT = "text"  # a plain value, escaped by Jinja: {{ x }}
RICH = "rich"  # run XML made by sipgen.document.rich (links, bookmarks, chips): {{r x }}
SHADED = "shaded"  # a plain value on a coloured ground given by the field FIELD_fill
BOLD = "bold"  # a plain value in bold
FILL_SUFFIX = "_fill"
# When an optional column is printed:
IF_ANY = "if any"  # some row has something in it (no empty "Also serves" column)
IF_VARIED = "if varied"  # the rows differ (no column repeating the school's name on every row)


@dataclass(frozen=True)
class Column:
    header: str  # may be a template expression, e.g. "{{ link_governor_header }}"
    width: float  # relative to the table's other columns
    field: str
    show: str = TEXT
    optional: str = ""  # IF_ANY or IF_VARIED: when the column is worth printing


@dataclass(frozen=True)
class Table:
    """A table of the document. ``loop`` is its docxtpl ``for`` clause; without one it has one row,
    whose fields belong to ``item``. ``landscape`` says which page width it spans."""

    name: str
    item: str
    columns: tuple[Column, ...]
    loop: str = ""
    landscape: bool = True
    total: tuple[tuple[str, str], ...] = ()  # (field, template text): a bold last row, such as the total cost
    # A short table kept on one page with its heading: a row or two left overleaf reads as a
    # near-empty page at the end of a priority's part.
    together: bool = False

    @property
    def fields(self) -> frozenset[str]:
        """The fields a row must have: one a column, and a fill for each shaded one."""
        names = {c.field for c in self.columns}
        return frozenset(names | {c.field + FILL_SUFFIX for c in self.columns if c.show == SHADED})

    def flag(self, column: Column) -> str:
        """The view's flag that says whether an optional column is shown."""
        return f"show.{self.name}_{column.field}"

    def shows(self, rows: list[dict]) -> dict[str, bool]:
        """The flags of this table's optional columns: shown when any row has something in them."""
        flags = {}
        for column in (c for c in self.columns if c.optional):
            values = {str(row[column.field]).strip() for row in rows} - {""}
            needed = 1 if column.optional == IF_ANY else 2
            flags[self.flag(column).removeprefix("show.")] = len(values) >= needed
        return flags

    def row(self, **values) -> dict:
        """A row of this table; a missing or unexpected field is a mistake in sipgen, said at once."""
        if set(values) != self.fields:
            missing, extra = sorted(self.fields - set(values)), sorted(set(values) - self.fields)
            raise ValueError(f"a row of the {self.name} table: missing {missing}, unexpected {extra}")
        return values


def _columns(*specs: tuple) -> tuple[Column, ...]:
    return tuple(Column(*spec) for spec in specs)


SUMMARY = Table(
    "summary",
    "s",
    _columns(
        ("Priority", 3.2, "priority", RICH),
        ("Who", 2.7, "who"),
        ("Reviews so far", 2.1, "trend", RICH),
        ("Headline measure", 4.7, "measure", RICH),
        ("Spend", 1.5, "spend"),
        ("Actions", 1.5, "actions"),
        ("Due before the next meeting", 1.9, "due", RICH, IF_ANY),
    ),
    loop="for s in summary",
)
KPIS = Table(
    "kpis",
    "k",
    _columns(
        ("KPI", 3.4, "kpi"),
        ("For", 0.8, "ref", RICH),
        ("Baseline", 1.4, "baseline"),
        ("Autumn", 1.9, "autumn", SHADED),
        ("Spring", 1.9, "spring", SHADED),
        ("Summer", 1.9, "summer", SHADED),
        ("Target", 1.4, "target"),
        ("Notes", 4, "notes", RICH, IF_ANY),
    ),
    loop="for k in kpis",
)
CONTEXT = Table(
    "context",
    "row",
    _columns(("Measure", 3, "measure"), ("Value", 2, "value"), ("Notes", 5, "notes", RICH)),
    loop="for row in area.rows",
    landscape=False,
)
AIMS = Table(
    "aims",
    "aim",
    _columns(("Ref", 1, "ref", RICH), ("Aim", 7, "aim"), ("By when", 2, "horizon")),
    loop="for aim in aims",
    landscape=False,
)
GLANCE = Table(
    "glance",
    "g",
    _columns(
        ("Ref", 1, "ref", RICH),
        ("Priority", 6, "title", RICH),
        ("Lead", 1.4, "lead", RICH),
        ("{{ link_governor_header }}", 2.2, "link_governor", RICH),
        ("Latest RAG", 1.6, "rag", SHADED),
        ("Cost", 1.6, "cost"),
    ),
    loop="for g in glance",
    landscape=False,
    total=(("ref", "Total"), ("cost", "{{ total_cost }}")),
)
NOW_AND_GOAL = Table(
    "now_and_goal",
    "p",
    _columns(("Where we are now", 1, "now", RICH), ("Where we want to be", 1, "goal", RICH)),
    together=True,
)
ACTIONS = Table(
    "actions",
    "a",
    _columns(
        ("Ref", 1.1, "ref", RICH),
        ("Action", 6, "action", RICH),
        ("Owner(s)", 1.3, "owners", RICH),
        ("Timescale", 2.2, "when"),
        ("Resources", 3.4, "resources", RICH),
        ("Cost", 1.1, "cost"),
        ("Status", 1.2, "status", TEXT, IF_ANY),
        ("Also serves", 1.3, "also", RICH, IF_ANY),
    ),
    loop="for a in o.actions",
)
# One column a month of the academic year, September to July (work in August is shown in July);
# a month's cell is shaded over an action's span.
TIMELINE_LABELS = ("Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul")
TIMELINE = Table(
    "timeline",
    "t",
    _columns(("Action", 1.8, "label"), *((month, 0.75, f"m{i}", SHADED) for i, month in enumerate(TIMELINE_LABELS))),
    loop="for t in p.timeline",
)
CRITERIA = Table(
    "criteria",
    "c",
    _columns(
        ("Ref", 0.9, "ref"),
        ("For", 0.9, "parent", RICH),
        ("Success criterion", 5, "criterion", RICH),
        ("Kind", 1.2, "kind"),
        ("Baseline", 1.7, "baseline"),
        ("Autumn", 1.7, "autumn", SHADED),
        ("Spring", 1.7, "spring", SHADED),
        ("Summer", 1.7, "summer", SHADED),
        ("Target", 1.7, "target"),
    ),
    loop="for c in p.criteria",
)
CHECKS = Table(
    "checks",
    "m",
    _columns(
        ("", 1.4, "process", BOLD),
        ("How", 4, "how", RICH),
        ("When", 2, "when"),
        ("By whom", 1.6, "who", RICH),
        ("Evidence", 4, "evidence", RICH),
    ),
    loop="for m in p.checks",
    together=True,
)
UNPLACED = Table(
    "unplaced",
    "u",
    _columns(
        ("Where", 1.6, "where"),
        ("What", 1.4, "kind"),
        ("Ref", 1, "ref", RICH),
        ("Row", 6, "text", RICH),
        ("Says it belongs to", 1.6, "parent"),
        ("Cost", 1, "cost"),
    ),
    loop="for u in unplaced",
)
WHO = Table(
    "who",
    "w",
    _columns(
        ("Who", 2.4, "who", RICH),
        ("Leads", 1.8, "leads", RICH),
        ("Owns actions", 3.2, "owns", RICH),
        ("Monitors", 1.6, "monitors", RICH),
        ("Evaluates", 1.6, "evaluates", RICH),
        ("Reviews", 1.6, "reviews", RICH),
    ),
    loop="for w in who",
    landscape=False,
)
BUDGET = Table(
    "budget",
    "b",
    _columns(
        ("Ref", 1.2, "ref", RICH),
        ("Priority or objective", 7, "title", RICH),
        ("Funded by", 2.4, "funding", TEXT, IF_ANY),
        ("Planned", 1.8, "cost", RICH),
        ("Spent", 1.8, "spent", TEXT, IF_ANY),
        ("Difference", 2.2, "difference", TEXT, IF_ANY),
    ),
    loop="for b in budget",
    total=(
        ("title", "Total"),
        ("cost", "{{ total_cost }}"),
        ("spent", "{{ total_spent }}"),
        ("difference", "{{ total_difference }}"),
    ),
)
GLOSSARY = Table(
    "glossary",
    "g",
    _columns(("Abbreviation", 1.6, "abbreviation", BOLD), ("Meaning", 8, "meaning")),
    loop="for g in glossary",
    landscape=False,
)
KEY = Table(
    "key",
    "k",
    _columns(
        ("Initials", 1.3, "initials", RICH),
        ("Name", 3, "name"),
        ("Role or status", 3.2, "role"),
        ("Organisation", 3, "organisation", TEXT, IF_VARIED),
    ),
    loop="for k in key",
    landscape=False,
)
REVIEWS = Table(
    "reviews",
    "r",
    _columns(
        ("Date", 1.3, "date", RICH),
        ("Ref", 1, "ref", RICH),
        ("Reviewer", 1.5, "reviewer", RICH),
        ("RAG", 1, "rag", SHADED),
        ("Impact to date", 5, "impact", RICH),
        ("Evidence", 2.7, "evidence", RICH),
        ("Adjustments made", 3.6, "adjustments", RICH),
        ("{{ decision_header }}", 2.8, "decision", RICH, IF_ANY),
    ),
    loop="for r in reviews",
)
FINDINGS = Table(
    "findings",
    "f",
    _columns(
        ("Severity", 1.2, "severity"),
        ("Code", 1, "code"),
        ("Where", 2.2, "where"),
        ("Ref", 1, "ref", RICH),
        ("Finding", 6, "message"),
        ("How to fix it", 5, "hint"),
    ),
    loop="for f in findings",
)

# -- the board report (sipgen report): what needs the board's attention ------------------------

TRUST = Table(
    "trust",
    "t",
    _columns(
        ("School", 3.2, "school", RICH),
        ("Plan", 2.2, "status"),
        ("Latest RAG of each priority", 3.4, "rags", RICH),
        ("Measures behind", 1.5, "behind"),
        ("Actions overdue", 1.5, "overdue"),
        ("Spend against allocation", 3, "spend"),
    ),
    loop="for t in trust",
)
ATTENTION = Table(
    "attention",
    "a",
    _columns(
        ("Priority", 3.2, "priority", RICH),
        ("Latest RAG", 1.2, "rag", SHADED),
        ("What the review found", 5, "impact"),
        ("What is being done", 4.4, "adjustments"),
    ),
    loop="for a in sch.attention",
)
BEHIND = Table(
    "behind",
    "c",
    _columns(
        ("Ref", 0.9, "ref"),
        ("For", 0.9, "parent"),
        ("Success criterion", 6, "criterion"),
        ("Review point", 1.4, "point"),
        ("Milestone", 2.2, "milestone"),
        ("Actual", 2.2, "actual", SHADED),
    ),
    loop="for c in sch.behind",
)
LATE = Table(
    "late",
    "a",
    _columns(
        ("Ref", 1, "ref"),
        ("Action", 7, "action"),
        ("Who", 2.2, "owners"),
        ("Due", 1.8, "due"),
        ("What happened", 2.6, "state"),
    ),
    loop="for a in sch.late",
)
DUE_NEXT = Table(
    "due_next",
    "a",
    _columns(("Ref", 1, "ref"), ("What falls due", 8, "action"), ("Who", 2.4, "owners"), ("Due", 2.2, "due")),
    loop="for a in sch.due_next",
)
DECISIONS = Table(
    "decisions",
    "d",
    _columns(("Ref", 1, "ref"), ("Decision", 9, "decision"), ("Why", 5, "why")),
    loop="for d in sch.decisions",
)
CHANGES = Table(
    "changes",
    "c",
    _columns(("Priority", 1.2, "priority"), ("Ref", 2.2, "ref", RICH), ("What changed", 12, "text")),
    loop="for c in changes",
)

TABLES = (
    SUMMARY,
    KPIS,
    CONTEXT,
    AIMS,
    GLANCE,
    NOW_AND_GOAL,
    ACTIONS,
    TIMELINE,
    CRITERIA,
    CHECKS,
    UNPLACED,
    WHO,
    BUDGET,
    GLOSSARY,
    KEY,
    REVIEWS,
    FINDINGS,
    TRUST,
    ATTENTION,
    BEHIND,
    LATE,
    DUE_NEXT,
    DECISIONS,
    CHANGES,
)

# -- each person's tasks (sipgen tasks): what one person or group does in the plan -------------
# Not in TABLES, whose tables the plan and report templates lay out: the tasks template lays out these.

OWNED = Table(
    "owned",
    "a",
    _columns(
        ("Ref", 1.1, "ref", BOLD),
        ("Action", 6, "action"),
        ("Due", 1.9, "due"),
        ("Status", 1.3, "status", TEXT, IF_ANY),
        ("State on {{ as_of }}", 1.5, "state", SHADED),
        ("Shared with", 2.2, "shared", TEXT, IF_ANY),
    ),
    loop="for a in owned",
    landscape=False,
)
DUE_SOON = Table(
    "due_soon",
    "d",
    _columns(("Due", 1.5, "due"), ("Ref", 1.1, "ref", BOLD), ("What falls due", 8, "what")),
    loop="for d in due_soon",
    landscape=False,
)
LED = Table(
    "led",
    "l",
    _columns(("Ref", 1.1, "ref", BOLD), ("Priority or objective", 6.6, "title"), ("Role", 2.4, "role")),
    loop="for l in led",
    landscape=False,
)
CHECKED = Table(
    "checked",
    "m",
    _columns(
        ("For", 0.9, "ref", BOLD),
        ("What", 1.5, "process"),
        ("How", 4.6, "how"),
        ("When", 2.6, "when"),
        ("With", 1.8, "shared", TEXT, IF_ANY),
    ),
    loop="for m in checked",
    landscape=False,
)
REVIEWED = Table(
    "reviewed",
    "r",
    _columns(
        ("Date", 1.5, "date"),
        ("For", 0.9, "ref", BOLD),
        ("Priority", 5.2, "title"),
        ("Held or to come", 1.6, "held"),
        ("RAG", 1.1, "rag", SHADED),
    ),
    loop="for r in reviewed",
    landscape=False,
)
EVERYONE = Table(
    "everyone",
    "e",
    _columns(
        ("Who", 5.4, "who", BOLD),
        ("Actions owned", 1.5, "owned"),
        ("Overdue", 1.5, "overdue", SHADED),
        ("Leads", 1.5, "leads"),
        ("{{ link_governor_header }}", 1.5, "links"),
        ("Monitors, evaluates, reviews", 1.6, "checks"),
        ("Due by {{ window_end }}", 1.5, "due"),
    ),
    loop="for e in everyone",
    landscape=False,
)

TASKS_TABLES = (OWNED, DUE_SOON, LED, CHECKED, REVIEWED, EVERYONE)
