"""Every sheet and column of the plan workbook, declared once.

The template writer (:mod:`sipgen.workbook`), the reader (:mod:`sipgen.reader`), the
Instructions sheet and the README's table of sheets are all made from these declarations,
so a column added here appears everywhere. Help text may use the ``{placeholders}`` of
:mod:`sipgen.terms`, which are filled with the plan type's words (pupils or trainees ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum


class Kind(str, Enum):
    """What a cell holds, which decides how it is read and validated."""

    TEXT = "text"
    LONG_TEXT = "long text"
    DATE = "date"
    MONEY = "money"
    NUMBER = "number"
    CHOICE = "choice"
    REF = "reference"
    REFS = "references"
    INITIALS = "initials"
    CODES = "rule codes"


@dataclass(frozen=True)
class Column:
    """One column of a table sheet, or one row of a form sheet such as Settings."""

    field: str
    header: str
    kind: Kind
    help: str
    required: bool = False
    width: int = 18
    choices: tuple[str, ...] = ()
    # Other headers users are likely to type for the same column (old templates, habits).
    aliases: tuple[str, ...] = ()
    # A defined name in the template whose cells feed this column's dropdown.
    dropdown: str | None = None
    default: object = None
    # For dates: a timing such as "Ongoing" or "Termly" is a fair answer, not a wrong value.
    timings: bool = False


@dataclass(frozen=True)
class Sheet:
    """One sheet of the workbook: a table (one record a row) or a form (one setting a row)."""

    name: str
    key: str  # the Plan attribute (and sample-file table) that holds this sheet's rows
    purpose: str
    columns: tuple[Column, ...]
    required: bool = False
    form: bool = False
    # The defined name that lists this sheet's first column, for other sheets' dropdowns.
    list_name: str | None = None
    # Form sheets have a text column for help beside the values.
    aliases: tuple[str, ...] = field(default=())

    def column(self, field_name: str) -> Column:
        for column in self.columns:
            if column.field == field_name:
                return column
        raise KeyError(field_name)


ACCEPT_HELP = (
    "Rule codes you have considered and accept for this row, e.g. AC201, RC402. "
    "sipgen stops reporting them here and counts them as accepted."
)
SOURCES = (
    "Self-evaluation",
    "Inspection report",
    "External examiner",
    "Strategic plan",
    "Previous plan",
    "Performance data",
    "Surveys",
    "Local authority or trust",
    "Other",
)
RAG = ("Red", "Amber", "Green")
ACTION_STATUSES = NOT_STARTED, ON_TRACK, DONE, LATE, DROPPED = ("Not started", "On track", "Done", "Late", "Dropped")
PROCESSES = PROCESS_MONITORING, PROCESS_EVALUATION, PROCESS_REVIEW = ("Monitoring", "Evaluation", "Review")
CRITERION_KINDS = ("Provision", "Outcome")
CONTEXT_AREAS = ("{Learner} information", "Performance information", "Budget and staffing")
LAYOUTS = ("Hybrid", "Matrix", "Narrative")
STAFF_TYPES = ("Person", "Group")

DATE_HELP = (
    "A date such as 14/10/2026, 8 Sept 2025 or Sept 25, a term such as Autumn 2025, or a half-term such as Aut1 "
    "or Spr2. A range in one cell (Autumn 25 - Feb 26) fills Start and Due; a timing such as Termly or Ongoing is kept."
)

SETTINGS = Sheet(
    name="Settings",
    key="settings",
    purpose="Who the plan belongs to, its year and approval, and how sipgen should check it.",
    required=True,
    form=True,
    columns=(
        Column(
            "organisation",
            "{Organisation} name",
            Kind.TEXT,
            "The name of the {organisation}, as it should appear on the cover.",
            required=True,
        ),
        Column(
            "plan_type",
            "Plan type",
            Kind.CHOICE,
            "School, or ITT partnership for an initial teacher training partnership. It sets the words sipgen "
            "uses for learners and for the board.",
            required=True,
            choices=("School", "ITT partnership"),
        ),
        Column(
            "academic_year",
            "Academic year",
            Kind.TEXT,
            "The year the plan covers, written like 2026-27.",
            required=True,
        ),
        Column(
            "year_start",
            "Academic year starts",
            Kind.DATE,
            "The first day of the academic year. Leave blank for 1 September; half-term labels such as Aut1 "
            "are worked out from it.",
        ),
        Column("title", "Plan title", Kind.TEXT, "The title on the cover, e.g. {default_title} 2026-27."),
        Column("version", "Version", Kind.TEXT, "A version or draft number, e.g. Draft 2 or v1.0."),
        Column(
            "history",
            "Version history",
            Kind.LONG_TEXT,
            "One line a version: its number, date and what changed, e.g. v1.1 12/12/2025 autumn review "
            "changes, approved by the FGB. Printed on the cover.",
            aliases=("History", "Revision history", "Change log"),
        ),
        Column(
            "overall_lead",
            "Overall lead",
            Kind.INITIALS,
            "Initials of the person with overall responsibility for the plan (listed on the Staff sheet).",
            dropdown="StaffInitials",
        ),
        Column(
            "approved_on",
            "Approved by the {board} on",
            Kind.DATE,
            "The date the {board} approved the plan. Leave blank while it is a draft.",
        ),
        Column(
            "approved_version",
            "Version approved",
            Kind.TEXT,
            "The version the {board} approved, when a later version is now being worked on, e.g. v1.0. "
            "Leave blank when the approval above is of this version.",
            aliases=("Approved version",),
        ),
        Column(
            "approval_minute",
            "Minute reference",
            Kind.TEXT,
            "The minute of the meeting that approved the plan, e.g. FGB 14/10/26 item 6.",
        ),
        Column(
            "budget",
            "Budget allocated (£)",
            Kind.MONEY,
            "The money set aside for this plan, in pounds. sipgen warns when the actions' costs add up to more.",
            aliases=("Budget", "Budget allocation", "Allocation", "Plan budget", "Total budget"),
        ),
        Column(
            "contingency",
            "Contingency (£)",
            Kind.MONEY,
            "Money held back from the budget for what the plan cannot foresee. Planned costs plus this "
            "should make up the budget.",
            aliases=("Contingency",),
        ),
        Column(
            "contingency_drawn",
            "Contingency drawn (£)",
            Kind.MONEY,
            "How much of the contingency has been spent so far, in pounds, so the budget shows what is left.",
            aliases=("Contingency used", "Contingency spent", "Drawn from contingency"),
        ),
        Column(
            "next_meeting",
            "Next {board} meeting",
            Kind.DATE,
            "The date of the next meeting the plan reports to, e.g. 04/02/2026.",
            aliases=("Next meeting", "Next board meeting", "Next governors meeting"),
        ),
        Column(
            "layout",
            "Layout",
            Kind.CHOICE,
            "Hybrid (a narrative preface to each priority followed by its matrix), Matrix or Narrative.",
            choices=LAYOUTS,
            default="Hybrid",
        ),
        Column(
            "max_priorities",
            "Most key priorities",
            Kind.NUMBER,
            "sipgen warns when the plan has more key priorities than this. Blank means 5.",
            default=5,
        ),
        Column(
            "max_owner_share",
            "Most actions for one person (%)",
            Kind.NUMBER,
            "sipgen warns when one person owns more than this share of all actions. Blank means 40.",
            default=40,
        ),
        Column(
            "vague_verbs",
            "Extra vague verbs",
            Kind.TEXT,
            "More verbs that only name an aspiration, separated by commas, added to sipgen's own list "
            "(ensure, improve ...).",
        ),
        Column(
            "bland_resources",
            "Extra bland resource words",
            Kind.TEXT,
            "More resource statements too bland to cost, separated by commas, added to sipgen's own list "
            "(time, travel costs ...).",
        ),
        Column(
            "rules_off",
            "Rules switched off",
            Kind.CODES,
            "Rule codes sipgen should not check for this plan, separated by commas, e.g. SC507, QA604.",
        ),
    ),
)

INTRODUCTION = Sheet(
    name="Introduction",
    key="introduction",
    purpose="The narrative preface to the whole plan: why it looks as it does, how it was put together and "
    "what it tackles.",
    form=True,
    columns=(
        Column(
            "overview",
            "Overview",
            Kind.LONG_TEXT,
            "A short preface to the whole plan: what it sets out to do this year.",
        ),
        Column(
            "format_reason",
            "Why this format",
            Kind.LONG_TEXT,
            "Why this layout suits the {organisation}, e.g. a hybrid so each priority has a short narrative "
            "before its matrix.",
        ),
        Column(
            "how_compiled",
            "How the plan was compiled",
            Kind.LONG_TEXT,
            "Who drafted it, who was consulted and what each partner contributed (staff, {governors}, {partners}).",
        ),
        Column(
            "distinctive_features",
            "Distinctive features",
            Kind.LONG_TEXT,
            "Anything distinctive about this plan or the way it will be used.",
        ),
        Column(
            "related_plans",
            "Links to other plans and quality assurance",
            Kind.LONG_TEXT,
            "How the plan relates to the strategy, subject plans, the budget and quality assurance.",
        ),
        Column(
            "weaknesses_tackled",
            "Weaknesses it tackles",
            Kind.LONG_TEXT,
            "Which weaknesses from self-evaluation and inspection the plan tackles, with references such as P1.",
        ),
    ),
)

CONTEXT = Sheet(
    name="Context",
    key="context",
    purpose="The facts the plan starts from: {learner} information, performance information, budget and staffing.",
    columns=(
        Column(
            "area",
            "Area",
            Kind.CHOICE,
            "{Learner} information, Performance information, or Budget and staffing.",
            required=True,
            width=22,
            choices=CONTEXT_AREAS,
        ),
        Column(
            "measure",
            "Measure",
            Kind.TEXT,
            "What is measured, e.g. Number on roll, Most recent Ofsted grade, In-year surplus.",
            required=True,
            width=36,
        ),
        Column(
            "value", "Value", Kind.TEXT, "The figure or fact, e.g. 212, 31%, Good, £18,400.", required=True, width=18
        ),
        Column(
            "notes",
            "Notes",
            Kind.LONG_TEXT,
            "A comparison or trend, e.g. national 24%; rising for three years.",
            width=48,
        ),
    ),
)

STRATEGY = Sheet(
    name="Strategy",
    key="aims",
    purpose="The aims of the 3-5 year strategy that this year's priorities serve.",
    list_name="AimRefs",
    columns=(
        Column(
            "ref",
            "Ref",
            Kind.REF,
            "A short reference for the aim: S1, S2 ...",
            required=True,
            width=8,
            aliases=("Reference", "Aim ref", "No."),
        ),
        Column(
            "aim",
            "Aim",
            Kind.LONG_TEXT,
            "Where the {organisation} wants to be in 3 to 5 years.",
            required=True,
            width=60,
            aliases=("Strategic aim", "Long-term aim", "Vision"),
        ),
        Column(
            "horizon",
            "By when",
            Kind.TEXT,
            "The year the aim should be met, e.g. 2029.",
            width=12,
            aliases=("Year", "Target year", "By"),
        ),
    ),
)

STAFF = Sheet(
    name="Staff",
    key="staff",
    purpose="The key to initials: everyone the plan names, and the groups (SLT, FGB ...) used as owners.",
    required=True,
    list_name="StaffInitials",
    columns=(
        Column(
            "initials",
            "Initials",
            Kind.TEXT,
            "The initials used for this person or group everywhere in the plan, e.g. JB or SLT.",
            required=True,
            width=10,
            aliases=("Initial", "Code", "Abbreviation"),
        ),
        Column(
            "name",
            "Name",
            Kind.TEXT,
            "Full name, or the group's name (Senior leadership team).",
            width=26,
            aliases=("Full name", "Staff name", "Person"),
        ),
        Column(
            "role",
            "Role or status",
            Kind.TEXT,
            "Job title or status, e.g. Deputy headteacher, Chair of governors, Mentor.",
            width=30,
            aliases=("Role", "Job title", "Position", "Status", "Post"),
        ),
        Column(
            "organisation",
            "Organisation",
            Kind.TEXT,
            "Where they work: the {organisation}, a partner school, the {board} ...",
            width=28,
            aliases=("Employer", "Based at", "Organisation or school"),
        ),
        Column(
            "type",
            "Type",
            Kind.CHOICE,
            "Person, or Group for a team or committee.",
            width=10,
            choices=STAFF_TYPES,
            default="Person",
        ),
    ),
)

PRIORITIES = Sheet(
    name="Priorities",
    key="priorities",
    purpose="The few key priorities for the year, each with its narrative preface.",
    required=True,
    list_name="PriorityRefs",
    columns=(
        Column(
            "ref",
            "Ref",
            Kind.REF,
            "P1, P2 ... one row for each key priority.",
            required=True,
            width=7,
            aliases=("Reference", "Priority ref", "No.", "Number"),
        ),
        Column(
            "title",
            "Priority",
            Kind.TEXT,
            "The priority, set out simply and precisely in one sentence.",
            required=True,
            width=40,
            aliases=(
                "Title",
                "Key priority",
                "Priority area",
                "Area for improvement",
                "Area for development",
                "Key issue",
            ),
        ),
        Column(
            "source",
            "Source",
            Kind.CHOICE,
            "Where the priority comes from: self-evaluation, inspection report, external examiner, strategic "
            "plan, previous plan ...",
            width=18,
            choices=SOURCES,
            aliases=("Evidence source", "Identified from", "Source of priority", "Where it came from"),
        ),
        Column(
            "aim",
            "Strategic aim",
            Kind.REF,
            "The ref of the Strategy aim this priority serves, e.g. S1.",
            width=10,
            dropdown="AimRefs",
            aliases=("Aim", "Strategy aim", "Links to strategy"),
        ),
        Column(
            "preface",
            "Narrative preface",
            Kind.LONG_TEXT,
            "A short paragraph introducing the priority: why it matters and what lies behind it.",
            width=50,
            aliases=("Preface", "Narrative", "Rationale", "Why is this a priority", "Context"),
        ),
        Column(
            "now",
            "Where we are now",
            Kind.LONG_TEXT,
            "The starting point, with figures where you have them.",
            width=40,
            aliases=("Current position", "Starting point", "Where are we now", "Current picture"),
        ),
        Column(
            "goal",
            "Where we want to be",
            Kind.LONG_TEXT,
            "What will be true at the end of the year.",
            width=40,
            aliases=(
                "Where do we want to be",
                "Intended outcome",
                "Intended outcomes",
                "Desired outcome",
                "Intended impact",
            ),
        ),
        Column(
            "lead",
            "Lead",
            Kind.INITIALS,
            "Initials of the person leading this priority.",
            width=8,
            dropdown="StaffInitials",
            aliases=("Leader", "Lead person", "Priority lead", "Strategic lead", "SLT lead"),
        ),
        Column(
            "link_governor",
            "Link governor or committee",
            Kind.INITIALS,
            "Initials of the {link_governor} or committee who evaluates this priority.",
            width=14,
            aliases=(
                "Link governor",
                "Committee",
                "Governor",
                "Governor lead",
                "Link governors",
                "Monitoring governor",
                "Link board member",
                "Link board member or committee",
            ),
            dropdown="StaffInitials",
        ),
        Column("accepted", "Accepted findings", Kind.CODES, ACCEPT_HELP, width=14),
    ),
)

OBJECTIVES = Sheet(
    name="Objectives",
    key="objectives",
    purpose="Each priority broken into objectives, one for each cause of the weakness it tackles (optional: "
    "actions may name their priority instead).",
    list_name="ObjectiveRefs",
    columns=(
        Column(
            "ref",
            "Ref",
            Kind.REF,
            "P1.1, P1.2 ... numbered within the priority.",
            required=True,
            width=8,
            aliases=("Reference", "Objective ref", "No.", "Number"),
        ),
        Column(
            "priority",
            "Priority",
            Kind.REF,
            "The ref of the priority this objective belongs to, e.g. P1.",
            required=True,
            width=9,
            dropdown="PriorityRefs",
            aliases=("Priority ref", "Key priority", "For priority"),
        ),
        Column(
            "title",
            "Objective",
            Kind.TEXT,
            "What must change, in a short phrase.",
            required=True,
            width=44,
            aliases=("Title", "Objectives", "Aim"),
        ),
        Column(
            "cause",
            "Cause it tackles",
            Kind.LONG_TEXT,
            "The reason for the shortfall that this objective targets.",
            width=44,
            aliases=("Cause", "Reason", "Root cause", "Why"),
        ),
        Column(
            "lead",
            "Lead",
            Kind.INITIALS,
            "Initials of the person responsible for this sequence of actions.",
            width=8,
            dropdown="StaffInitials",
            aliases=("Leader", "Lead person", "Objective lead", "Responsible"),
        ),
        Column("accepted", "Accepted findings", Kind.CODES, ACCEPT_HELP, width=14),
    ),
)

ACTIONS = Sheet(
    name="Actions",
    key="actions",
    purpose="The dated sequence of actions for each objective, with owners and costs.",
    required=True,
    columns=(
        Column(
            "ref",
            "Ref",
            Kind.REF,
            "P1.1.1, P1.1.2 ... in the order the actions happen.",
            required=True,
            width=9,
            aliases=("Reference", "Action ref", "No.", "Number", "Step"),
        ),
        Column(
            "objective",
            "Objective",
            Kind.REF,
            "The ref of the objective this action belongs to, e.g. P1.1; in a plan without objectives, the "
            "ref of its priority, e.g. P1.",
            required=True,
            width=10,
            dropdown="ObjectiveRefs",
            aliases=(
                "Objective ref",
                "Objective or priority",
                "Priority or objective",
                "Priority",
                "Belongs to",
                "For",
            ),
        ),
        Column(
            "action",
            "Action",
            Kind.LONG_TEXT,
            "What will be done, starting with a precise verb (train, audit, observe), not an aspiration (ensure).",
            required=True,
            width=50,
            aliases=(
                "Actions",
                "Task",
                "Activity",
                "What",
                "What will be done",
                "Action to be taken",
                "Actions to be taken",
                "Description",
            ),
        ),
        Column(
            "owners",
            "Owner(s)",
            Kind.INITIALS,
            "Initials of who makes the action happen; several separated by commas.",
            width=10,
            aliases=(
                "Owner",
                "Owners",
                "Responsible",
                "Who",
                "Lead person",
                "Person responsible",
                "People responsible",
                "Led by",
                "Lead",
                "By whom",
                "Staff responsible",
                "Responsibility",
            ),
            dropdown="StaffInitials",
        ),
        Column(
            "start",
            "Start",
            Kind.DATE,
            DATE_HELP,
            width=11,
            timings=True,
            aliases=(
                "Start date",
                "Starts",
                "Starting",
                "From",
                "Begin",
                "Begins",
                "Date started",
                "Start by",
                "Commencing",
            ),
        ),
        Column(
            "due",
            "Due",
            Kind.DATE,
            DATE_HELP,
            width=11,
            aliases=(
                "End",
                "By",
                "Deadline",
                "Due date",
                "Due by",
                "By when",
                "Completion date",
                "Complete by",
                "To be completed by",
                "End date",
                "Ends",
                "Finish",
                "Finish date",
                "Target date",
                "When",
                "Timescale",
                "Timescales",
                "Timeline",
                "Date",
                "Dates",
            ),
            timings=True,
        ),
        Column(
            "cost",
            "Cost (£)",
            Kind.MONEY,
            "The cost in pounds as a number; 0 if there is no cost.",
            width=10,
            aliases=("Cost", "Costs", "Cost £", "Budget", "Budget (£)", "Estimated cost", "Funding", "Amount"),
        ),
        Column(
            "resources",
            "Resources",
            Kind.LONG_TEXT,
            "What the money or time buys, with quantities: 2 supply days at £190; or No cost.",
            width=30,
            aliases=(
                "Resource implications",
                "Resources needed",
                "Resources required",
                "Resource",
                "Resourcing",
                "Cost details",
            ),
        ),
        Column(
            "also_serves",
            "Also serves",
            Kind.REFS,
            "Other priorities or objectives this action also helps, e.g. P3, P2.1.",
            width=11,
            aliases=("Also supports", "Also links to", "Links to", "Cross-reference", "Related to"),
        ),
        Column(
            "status",
            "Status",
            Kind.CHOICE,
            "Where the action stands at the last review: Not started, On track, Done, Late or Dropped.",
            width=11,
            choices=ACTION_STATUSES,
            aliases=("Progress", "Current status", "Action status"),
        ),
        Column(
            "spent",
            "Spent (£)",
            Kind.MONEY,
            "What has been spent on the action so far, in pounds; blank until money is spent. The board "
            "summary sets it against the planned cost.",
            width=10,
            aliases=("Spent", "Spend", "Spent to date", "Spend to date", "Actual cost", "Actual spend", "Expenditure"),
        ),
        Column(
            "funding",
            "Funded by",
            Kind.TEXT,
            "Where the money comes from, if not the school's main budget, e.g. Pupil premium, PE and sport "
            "premium, Trust school improvement fund.",
            width=16,
            aliases=("Funding source", "Source of funding", "Budget line", "Budget code"),
        ),
        Column("accepted", "Accepted findings", Kind.CODES, ACCEPT_HELP, width=14),
    ),
)

SUCCESS_CRITERIA = Sheet(
    name="Success criteria",
    key="criteria",
    purpose="How success will be judged, with the starting point, milestones at each review and the target.",
    columns=(
        Column(
            "ref",
            "Ref",
            Kind.REF,
            "A reference for the criterion, e.g. SC1.",
            required=True,
            width=7,
            aliases=("Reference", "SC ref", "No.", "Number"),
        ),
        Column(
            "parent",
            "For",
            Kind.REF,
            "The priority or objective it measures, e.g. P1 or P1.2.",
            required=True,
            width=8,
            aliases=("Priority or objective", "Objective or priority", "Priority", "Objective", "Measures"),
        ),
        Column(
            "criterion",
            "Success criterion",
            Kind.LONG_TEXT,
            "One measurable statement of impact, e.g. 90% of {learners} in Year 2 meet the phonics standard.",
            required=True,
            width=46,
            aliases=(
                "Criterion",
                "Success criteria",
                "Measure of success",
                "Success measure",
                "Impact measure",
                "How we will know",
                "Measurable outcome",
            ),
        ),
        Column(
            "kind",
            "Kind",
            Kind.CHOICE,
            "Provision (what staff and teaching do) or Outcome (what {learners} achieve).",
            width=11,
            choices=CRITERION_KINDS,
            aliases=("Type", "Provision or outcome"),
        ),
        Column(
            "baseline",
            "Baseline",
            Kind.TEXT,
            "Where it stands now, e.g. 72% in July 2026.",
            width=16,
            aliases=("Starting point", "Current", "Now", "Current position"),
        ),
        Column(
            "milestone_autumn",
            "Autumn milestone",
            Kind.TEXT,
            "What should be true at the autumn review.",
            width=16,
            aliases=(
                "Autumn",
                "Autumn term",
                "Autumn milestones",
                "Milestone 1",
                "December milestone",
                "Milestone autumn",
            ),
        ),
        Column(
            "actual_autumn",
            "Autumn actual",
            Kind.TEXT,
            "The figure found at the autumn review, to set beside its milestone, e.g. 69%.",
            width=12,
            aliases=("Autumn result", "Actual autumn", "Autumn outcome", "Autumn actual figure"),
        ),
        Column(
            "milestone_spring",
            "Spring milestone",
            Kind.TEXT,
            "What should be true at the spring review.",
            width=16,
            aliases=(
                "Spring",
                "Spring term",
                "Spring milestones",
                "Milestone 2",
                "March milestone",
                "Milestone spring",
            ),
        ),
        Column(
            "actual_spring",
            "Spring actual",
            Kind.TEXT,
            "The figure found at the spring review, to set beside its milestone, e.g. 69%.",
            width=12,
            aliases=("Spring result", "Actual spring", "Spring outcome", "Spring actual figure"),
        ),
        Column(
            "milestone_summer",
            "Summer milestone",
            Kind.TEXT,
            "What should be true at the summer review.",
            width=16,
            aliases=("Summer", "Summer term", "Summer milestones", "Milestone 3", "July milestone", "Milestone summer"),
        ),
        Column(
            "actual_summer",
            "Summer actual",
            Kind.TEXT,
            "The figure found at the summer review, to set beside its milestone, e.g. 69%.",
            width=12,
            aliases=("Summer result", "Actual summer", "Summer outcome", "Summer actual figure"),
        ),
        Column(
            "target",
            "Target",
            Kind.TEXT,
            "Where it should be by the end of the year.",
            width=14,
            aliases=("End of year target", "Final target", "Goal", "End point"),
        ),
        Column(
            "headline",
            "Headline",
            Kind.CHOICE,
            "Yes (or a tick, X or Y) for the one measure the priority is about, shown in the board summary. "
            "Blank elsewhere; "
            "without a mark the summary shows the measure a KPI reports, else the first outcome criterion.",
            width=10,
            choices=("Yes",),
            aliases=("Headline measure", "Key measure", "Main measure"),
        ),
        Column("accepted", "Accepted findings", Kind.CODES, ACCEPT_HELP, width=14),
    ),
)

MONITORING = Sheet(
    name="Monitoring",
    key="checks",
    purpose="For each priority, how it will be monitored, evaluated and reviewed: three separate rows.",
    columns=(
        Column(
            "priority",
            "Priority",
            Kind.REF,
            "The ref of the priority, e.g. P1.",
            required=True,
            width=9,
            dropdown="PriorityRefs",
        ),
        Column(
            "process",
            "Process",
            Kind.CHOICE,
            "Monitoring (is it happening as planned?), Evaluation (is it working?) or Review (what do we change?).",
            required=True,
            width=12,
            choices=PROCESSES,
            aliases=("Type", "Stage", "Monitoring, evaluation or review"),
        ),
        Column(
            "how",
            "How",
            Kind.LONG_TEXT,
            "The method: learning walks, book looks, data analysis, {learner} voice ...",
            width=34,
            aliases=("Method", "Methods", "How it will be done"),
        ),
        Column(
            "when",
            "When",
            Kind.TEXT,
            "When it happens: dates or half-terms, e.g. Aut2, Spr2, Sum2.",
            width=14,
            aliases=("Date", "Dates", "Timing", "Frequency"),
        ),
        Column(
            "who",
            "By whom",
            Kind.INITIALS,
            "Initials of the people or group who do it; not the ones who carry out the actions.",
            width=10,
            aliases=("Who", "By", "Responsible", "Monitored by", "Lead"),
            dropdown="StaffInitials",
        ),
        Column(
            "evidence",
            "Evidence",
            Kind.LONG_TEXT,
            "What evidence they will use, including the views of {learners}, staff and parents.",
            width=34,
            aliases=("Evidence base", "Sources of evidence", "Evidence sources"),
        ),
        Column("accepted", "Accepted findings", Kind.CODES, ACCEPT_HELP, width=14),
    ),
)

REVIEWS = Sheet(
    name="Reviews",
    key="reviews",
    purpose="The review log: what each review found about impact, and what was changed.",
    columns=(
        Column(
            "date",
            "Date",
            Kind.DATE,
            "The date of the review.",
            width=11,
            aliases=("Review date", "Date of review", "Date reviewed", "When"),
        ),
        Column(
            "ref",
            "Ref",
            Kind.REF,
            "The priority, objective or action reviewed, e.g. P2 or P2.1.",
            required=True,
            width=8,
            aliases=("Reference", "Item", "Priority", "For"),
        ),
        Column(
            "reviewer",
            "Reviewer",
            Kind.INITIALS,
            "Initials of who carried out the review.",
            width=10,
            dropdown="StaffInitials",
            aliases=("Reviewed by", "By", "Who"),
        ),
        Column(
            "rag",
            "RAG",
            Kind.CHOICE,
            "Red, Amber or Green: is it on track for its milestones?",
            width=8,
            choices=RAG,
            aliases=("RAG rating", "RAG status", "Rating", "Status"),
        ),
        Column(
            "impact",
            "Impact to date",
            Kind.LONG_TEXT,
            "What difference the actions have made so far, with figures against the milestones.",
            width=44,
            aliases=("Impact", "Impact so far", "Findings", "Progress", "Progress to date"),
        ),
        Column(
            "evidence",
            "Evidence",
            Kind.LONG_TEXT,
            "What the judgement rests on.",
            width=30,
            aliases=("Evidence base", "Sources of evidence"),
        ),
        Column(
            "adjustments",
            "Adjustments made",
            Kind.LONG_TEXT,
            "What was changed in the plan as a result; say None needed when it is on track.",
            width=34,
            aliases=("Adjustments", "Changes made", "Changes", "Next steps", "Actions arising"),
        ),
        Column(
            "decision",
            "Decision for the {board}",
            Kind.LONG_TEXT,
            "What the {board} is asked to decide at its next meeting because of this review, if anything, "
            "e.g. approve £1,200 from the contingency for a second tutor. The board report opens with these.",
            width=34,
            aliases=("Decision", "Decisions", "Board decision", "For decision", "Recommendation"),
        ),
        Column("accepted", "Accepted findings", Kind.CODES, ACCEPT_HELP, width=14),
    ),
)

KPIS = Sheet(
    name="KPIs",
    key="kpis",
    purpose="Termly figures against key performance indicators (optional).",
    columns=(
        Column(
            "kpi",
            "KPI",
            Kind.TEXT,
            "The key performance indicator, e.g. Attendance (%).",
            required=True,
            width=34,
            aliases=("Indicator", "Measure", "Key performance indicator"),
        ),
        Column(
            "ref",
            "Ref",
            Kind.REF,
            "The priority it relates to, if any, e.g. P2.",
            width=8,
            dropdown="PriorityRefs",
            aliases=("Priority", "Reference", "For"),
        ),
        Column(
            "criterion",
            "Success criterion",
            Kind.REF,
            "The success criterion this KPI reports, e.g. SC19: its baseline, milestones, actuals and target "
            "are then the criterion's, typed once on the Success criteria sheet, so leave them blank here. "
            "Leave it blank for a whole-school KPI with figures of its own.",
            width=10,
            aliases=("Criterion", "SC", "SC ref", "Criterion ref", "Reports"),
        ),
        Column(
            "baseline",
            "Baseline",
            Kind.TEXT,
            "Last year's figure, to compare against.",
            width=11,
            aliases=("Last year", "Previous year", "Starting point"),
        ),
        Column(
            "milestone_autumn",
            "Autumn milestone",
            Kind.TEXT,
            "The figure expected at the end of the autumn term, on the way to the target.",
            width=11,
            aliases=("Autumn milestones", "Milestone autumn"),
        ),
        Column(
            "actual_autumn",
            "Autumn actual",
            Kind.TEXT,
            "The figure at the end of the autumn term. Leave it blank when the KPI names a success criterion.",
            width=10,
            aliases=("Autumn", "Autumn term", "Aut", "Autumn figure"),
        ),
        Column(
            "milestone_spring",
            "Spring milestone",
            Kind.TEXT,
            "The figure expected at the end of the spring term, on the way to the target.",
            width=11,
            aliases=("Spring milestones", "Milestone spring"),
        ),
        Column(
            "actual_spring",
            "Spring actual",
            Kind.TEXT,
            "The figure at the end of the spring term. Leave it blank when the KPI names a success criterion.",
            width=10,
            aliases=("Spring", "Spring term", "Spr", "Spring figure"),
        ),
        Column(
            "milestone_summer",
            "Summer milestone",
            Kind.TEXT,
            "The figure expected at the end of the summer term, on the way to the target.",
            width=11,
            aliases=("Summer milestones", "Milestone summer"),
        ),
        Column(
            "actual_summer",
            "Summer actual",
            Kind.TEXT,
            "The figure at the end of the summer term. Leave it blank when the KPI names a success criterion.",
            width=10,
            aliases=("Summer", "Summer term", "Sum", "Summer figure"),
        ),
        Column(
            "target",
            "Target",
            Kind.TEXT,
            "The figure aimed for by the end of the year.",
            width=10,
            aliases=("End of year target", "Goal"),
        ),
        Column(
            "notes",
            "Notes",
            Kind.LONG_TEXT,
            "How the figure is worked out, or a comment.",
            width=36,
            aliases=("Comments", "Comment"),
        ),
    ),
)

GLOSSARY = Sheet(
    name="Glossary",
    key="glossary",
    purpose="The {organisation}'s own abbreviations, explained for governors (optional); common ones are built in.",
    columns=(
        Column(
            "abbreviation",
            "Abbreviation",
            Kind.TEXT,
            "An abbreviation the plan uses, as it is written, e.g. RWI.",
            required=True,
            width=16,
            aliases=("Acronym", "Term", "Short form"),
        ),
        Column(
            "meaning",
            "Meaning",
            Kind.LONG_TEXT,
            "What it stands for, in words a new governor understands, e.g. Read Write Inc., our phonics scheme.",
            required=True,
            width=60,
            aliases=("Stands for", "Definition", "Explanation"),
        ),
    ),
)

INSTRUCTIONS_SHEET = "Instructions"
# `sipgen check --annotate` adds this sheet to its copy; the reader skips it like Instructions.
FINDINGS_SHEET = "Findings"

# The order here is the order of the sheets in the workbook, after Instructions.
SHEETS: tuple[Sheet, ...] = (
    SETTINGS,
    INTRODUCTION,
    CONTEXT,
    STRATEGY,
    STAFF,
    PRIORITIES,
    OBJECTIVES,
    ACTIONS,
    SUCCESS_CRITERIA,
    MONITORING,
    REVIEWS,
    KPIS,
    GLOSSARY,
)
SHEETS_BY_NAME = {sheet.name: sheet for sheet in SHEETS}


def normalise_header(text: object) -> str:
    """A header reduced to letters and digits, so 'Owner(s) ', 'owners' and 'OWNER S' match."""
    return re.sub(r"[^0-9a-z]+", "", str(text).casefold())


def header_keys(column: Column) -> set[str]:
    """Every normalised header that names ``column``, under either plan type's words."""
    from .terms import PLAN_TYPES, word

    keys = {normalise_header(word(column.header, t)) for t in PLAN_TYPES}
    keys |= {normalise_header(alias) for alias in column.aliases}
    return keys


def choice_keys(column: Column) -> dict[str, str]:
    """Normalised spellings of each allowed value, mapped to the value under school wording."""
    from .terms import PLAN_TYPES, SCHOOL, word

    keys: dict[str, str] = {}
    for choice in column.choices:
        for plan_type in PLAN_TYPES:
            keys[normalise_header(word(choice, plan_type))] = word(choice, SCHOOL)
    return keys
