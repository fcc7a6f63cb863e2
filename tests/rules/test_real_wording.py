"""Rules read plans as schools write them: owners and timings inside the action, leads and governors
inherited from the priority, and a priority's source stated in its preface. Each case both ways.

Plans are built in memory from the model, as tests/rules/test_language.py does, with a small Staff
sheet so initials such as DH and CG mean someone.
"""

from __future__ import annotations

import datetime as dt

import pytest

from sipgen import model
from sipgen.dates import parse_date
from sipgen.parents import link
from sipgen.rules import RULES
from sipgen.rules.registry import RuleContext
from sipgen.rules.text.impact import is_placeholder
from sipgen.values import split_initials

AS_OF = dt.date(2025, 9, 1)
YEAR_START = dt.date(2025, 9, 1)
STAFF = (
    ("HT", "Headteacher", "St Aidan's"),
    ("EW", "Emma Wood", "St Aidan's"),
    ("DH", "Deputy headteacher", "St Aidan's"),
    ("SENCo", "SENCo", "St Aidan's"),
    ("EL", "English lead", "St Aidan's"),
    ("CG", "Chair of governors", "Governing board"),
    ("JP", "Governor (SEND link)", "Governing board"),
    ("C&S", "Curriculum and standards committee", "Governing board"),
)


def person(initials, role, organisation, row):
    return model.Person(sheet="Staff", row=row, initials=initials, name=role, role=role, organisation=organisation)


def plan(priorities=(), objectives=(), actions=(), checks=(), plan_type="school", staff=STAFF):
    """A plan of the given rows (dicts of field values), with the Staff sheet above."""
    result = model.Plan(
        source="test",
        settings=model.Settings(sheet="Settings", row=1, academic_year="2025-26", plan_type=plan_type),
        introduction=model.Introduction(sheet="Introduction", row=1),
        staff=[person(*s, row=i + 2) for i, s in enumerate(staff)],
        priorities=[model.Priority(sheet="Priorities", row=i + 2, **p) for i, p in enumerate(priorities)],
        objectives=[model.Objective(sheet="Objectives", row=i + 2, **o) for i, o in enumerate(objectives)],
        actions=[model.Action(sheet="Actions", row=i + 2, **a) for i, a in enumerate(actions)],
        checks=[model.Check(sheet="Monitoring", row=i + 2, **c) for i, c in enumerate(checks)],
    )
    link(result)
    return result


def codes(code, built):
    """The refs (or '' for the whole plan) that rule ``code`` flags in ``built``."""
    return [
        hit.ref or (hit.record.ref if hit.record else "") for hit in RULES[code].run(built, RuleContext(built, AS_OF))
    ]


def one_action(text, owners=(), start=None, due=None):
    when = {k: parse_date(v, YEAR_START) for k, v in (("start", start), ("due", due)) if v}
    return plan(
        priorities=[{"ref": "P1", "title": "Early reading", "source": "Self-evaluation", "lead": ("DH",)}],
        objectives=[{"ref": "P1.1", "priority": "P1", "title": "Phonics", "lead": ("EL",)}],
        actions=[{"ref": "P1.1.1", "objective": "P1.1", "action": text, "owners": tuple(owners), **when}],
    )


# -- AC205: an owner written in the action ---------------------------------------------------------

OWNER_NAMED = [
    "DH to run three twilights on questioning",
    "HT/DHT to meet the families of persistently absent pupils",
    "SENCo will audit every SEN support plan",
    "Audit KS1 phonics interventions, led by the SENCo and HT",
    "Support from the partnership tutor when a trainee falls behind",
    "English lead: model shared reading in each KS2 class",
    "Attendance officer phones home on the first morning of absence",
    "Train all TAs in Numicon (maths lead)",
    "EL - set up a Y4 times tables club",
    "Governors visit each class with the subject lead",
    "Mrs Patel (Y6) to run the reading booster group Tues & Thurs before school",
    "Lead: EL. Set up a weekly spelling club for 8 Y4 pupils",
    "Emma W. to run the Y3 spelling club on Thursdays",
    "Mr O'Neill (Y4/5) will re-set the times tables groups after each half-termly check",
    "Daily keep-up group for 5 Y1 pupils - led by Y1 HLTA",
    "Class teachers at St Mark's co-plan one maths lesson a fortnight with the trust lead",
    "Reception parents' phonics evening - Emma hosting, with the EYFS team",
    "Site manager to re-mark the KS1 playground lines in the Easter holidays",
    "Trust finance director signs off the catering contract before Spr1",
    "Order the RWI set 3 books - owner Jane Bell",
    "Wk 1: Y3 times tables challenge launch assembly - EL",
]
OWNER_MISSING = [
    "Buy new phonics books",
    "Audit the library",
    "Train TAs to support the class teacher in guided reading",
    "Buy a reading scheme for the SENCo's intervention groups",
    "Invite governors to the Christmas concert",
    "Phonics training for all KS1 staff (RWI, 2 days)",
    "Pupils (Y6) to read to an adult three times a week",
    "Y4 pupils co-plan an assembly with the school council",
    "Reception parents' phonics evening - Sophie hosting",  # no Sophie on the Staff sheet
    "Emma K. to run the Y3 spelling club on Thursdays",  # Emma Wood's surname starts with W
    "Book speech therapy screening (Band 6 therapist) for the Reception intake",
    "Set up the new parent app - manager to be appointed",
]


@pytest.mark.parametrize("text", OWNER_NAMED)
def test_ac205_is_quiet_when_the_action_names_its_owner(text):
    assert codes("AC205", one_action(text, start="Aut1", due="Aut2")) == []


@pytest.mark.parametrize("text", OWNER_MISSING)
def test_ac205_fires_when_neither_the_column_nor_the_text_names_one(text):
    assert codes("AC205", one_action(text, start="Aut1", due="Aut2")) == ["P1.1.1"]


def test_a_lead_label_with_initials_names_the_owner_and_rs301_checks_the_key():
    built = one_action("Lead: TW. Set up a weekly Lego therapy group", start="Aut1", due="Aut2")
    assert codes("AC205", built) == [] and codes("RS301", built) == ["P1.1.1"]
    built = one_action("PA to reduce for pupils with FSM", start="Aut1", due="Aut2")  # a measure, not initials
    assert codes("RS301", built) == []


def test_initials_opening_the_action_name_its_owner_and_rs301_says_when_the_key_lacks_them():
    built = one_action("JB to order the decodable books", start="Aut1", due="Aut1")
    assert codes("AC205", built) == [] and codes("RS301", built) == ["P1.1.1"]  # one weakness: JB is not in the key
    built = one_action("EL to order the decodable books", start="Aut1", due="Aut1")
    assert codes("AC205", built) == [] and codes("RS301", built) == []
    built = one_action("PE to be taught twice a week in Y3", start="Aut1", due="Aut1")  # a subject, not a person
    assert codes("AC205", built) == ["P1.1.1"] and codes("RS301", built) == []


# -- AC202: a timing written in the action ---------------------------------------------------------

TIMING_GIVEN = [
    "Check Y2 reading records fortnightly",
    "Hold pupil progress meetings each term",
    "Termly learning walks with the link governor",
    "Weekly spelling checks in Y3 and Y4",
    "Whole-staff training on the behaviour policy on the first INSET day",
    "Run a Y6 booster group over the summer term",
    "Publish the revised marking policy by Easter",
    "Parent phonics workshop w/c 8 Sept",
    "Launch the new reading spine in Sept 2025",
    "Baseline all Reception children in Autumn 1",
    "Visit each partner school before October half term",
    "Run a weekly homework club in the library",
    "Placement B: joint observation of each trainee with the class mentor",
    "Observe each trainee teach phonics during Placement A",
    "Run a Y11 maths revision day over the Easter hols",
    "Repaint the hall in the Christmas break",
]
TIMING_MISSING = [
    "Buy new phonics books",
    "Audit the library",
    "Redesign the termly report to parents",
    "Buy books for the summer reading challenge",
    "Analyse the 2025 KS2 results with each year team",
    "Coach the two ECTs in weekly sessions for 6 weeks",
    "Set up a weekly Y9 study club with the sixth-form mentors",
    "Launch a fortnightly parents' coffee morning for EAL families",
    "Rewrite the Placement B handbook section on behaviour",
    "Add an SSP task to the Placement A file",
    "Plan the Easter holiday club for Y3-4",
    "Review the Christmas break rota for site staff",
]


@pytest.mark.parametrize("text", TIMING_GIVEN)
def test_ac202_is_quiet_when_the_action_says_when(text):
    assert codes("AC202", one_action(text, owners=["EL"])) == []


@pytest.mark.parametrize("text", TIMING_MISSING)
def test_ac202_fires_when_neither_the_columns_nor_the_text_say_when(text):
    assert codes("AC202", one_action(text, owners=["EL"])) == ["P1.1.1"]


# -- AC202 and AC205: a timing label or phrase before the owner, and month or term ranges ----------

# A timing that opens the action ("Autumn 2:", "By February half term,", "w/c 3 Nov -") is a timing,
# and the owner after it is the subject.
TIMING_THEN_OWNER = [
    "Autumn 2: maths lead to audit the calculation policy in every class",
    "By February half term, the SENCo reviews every SEN support plan",
    "w/c 3 Nov - DH runs a twilight on questioning",
    "Each half term: English lead samples six reading records per class",
    "From Spr1, Year 2 teachers hold a weekly fluency clinic",
]
TIMING_NO_OWNER = [
    "Autumn 2: audit the calculation policy in every class",
    "By February half term, review every SEN support plan",
    "w/c 3 Nov - twilight on questioning for all teachers",
]


@pytest.mark.parametrize("text", TIMING_THEN_OWNER)
def test_a_leading_timing_is_a_timing_and_the_owner_follows_it(text):
    built = one_action(text)
    assert codes("AC202", built) == [] and codes("AC205", built) == []


@pytest.mark.parametrize("text", TIMING_NO_OWNER)
def test_a_leading_timing_does_not_make_an_owner(text):
    built = one_action(text)
    assert codes("AC202", built) == [] and codes("AC205", built) == ["P1.1.1"]


def test_a_label_that_is_not_a_timing_is_not_stripped_as_one():
    built = one_action("Book looks: sample reading records in Y3", owners=["EL"])
    assert codes("AC202", built) == ["P1.1.1"]


@pytest.mark.parametrize(
    "text",
    [
        "Run booster groups for 10 Y6 pupils, Feb–May 2026",
        "Year 2 phonics catch-up sessions, Oct-Dec",
        "Coach the two ECTs on behaviour routines Aut2-Spr1",
        "Parent reading cafe in the hall, Nov–Feb",
    ],
)
def test_ac202_reads_a_month_or_term_range_as_a_timing(text):
    assert codes("AC202", one_action(text, owners=["EL"])) == []


@pytest.mark.parametrize(
    "text",
    [
        "Plan the Christmas-themed writing week with the Y3 team",
        "Organise a Spring-clean of the KS2 library",
        "Buy the summer-holiday reading packs",
    ],
)
def test_ac202_a_season_or_feast_inside_a_hyphenated_word_is_no_timing(text):
    assert codes("AC202", one_action(text, owners=["EL"])) == ["P1.1.1"]


def test_owner_and_timing_both_in_the_text():
    built = one_action("SENCo to update the provision map every half term")
    assert codes("AC205", built) == [] and codes("AC202", built) == []
    built = one_action("Update the provision map")
    assert codes("AC205", built) == ["P1.1.1"] and codes("AC202", built) == ["P1.1.1"]


# -- RS304: a priority's lead covers its sequences -------------------------------------------------


def leads(priority_lead, objective_lead):
    return plan(
        priorities=[{"ref": "P1", "title": "Early reading", "source": "Self-evaluation", "lead": priority_lead}],
        objectives=[{"ref": "P1.1", "priority": "P1", "title": "Phonics", "lead": objective_lead}],
    )


def test_rs304_objective_inherits_its_priority_lead():
    assert codes("RS304", leads(("DH",), ())) == []


def test_rs304_fires_when_neither_has_a_lead():
    assert codes("RS304", leads((), ())) == ["P1", "P1.1"]


def test_rs304_a_post_not_yet_filled_is_no_lead_and_not_initials_for_the_key():
    built = leads(("DH",), ("Vacant",))
    assert codes("RS304", built) == ["P1.1"] and codes("RS301", built) == []
    built = leads(("tbc (new AHT)",), ())
    assert codes("RS304", built) == ["P1", "P1.1"] and codes("RS301", built) == []


def test_an_owner_not_yet_appointed_is_no_owner():
    built = one_action(
        "Relaunch the Y10 work experience week", owners=split_initials("tbc (new AHT)"), start="Aut1", due="Aut2"
    )
    assert codes("AC205", built) == ["P1.1.1"] and codes("RS301", built) == []
    built = one_action(
        "Relaunch the Y10 work experience week",
        owners=split_initials("Careers lead (vacant)"),
        start="Aut1",
        due="Aut2",
    )
    assert codes("AC205", built) == ["P1.1.1"] and codes("RS301", built) == []
    built = one_action(
        "Relaunch the Y10 work experience week", owners=split_initials("EL (tbc)"), start="Aut1", due="Aut2"
    )
    assert codes("AC205", built) == [] and codes("RS301", built) == []  # EL, to be confirmed, is someone


def test_rs302_a_name_still_to_be_confirmed_is_no_name():
    staff = (*STAFF, ("NM", "TBC", "Linden House"))
    built = plan(staff=staff)
    built.staff[-1].role = "Night care manager"
    assert [hit.record.initials for hit in RULES["RS302"].run(built, RuleContext(built, AS_OF))] == ["NM"]


def test_rs304_fires_on_a_priority_without_a_lead_whatever_its_objectives():
    assert codes("RS304", leads((), ("EL",))) == ["P1"]


# A lead stated plainly in the priority's preface counts; evidence "led by" someone does not.


def prefaced_lead(preface):
    return plan(
        priorities=[{"ref": "P1", "title": "Early reading", "source": "Self-evaluation", "preface": preface}],
        objectives=[{"ref": "P1.1", "priority": "P1", "title": "Phonics"}],
    )


@pytest.mark.parametrize(
    "preface",
    [
        "Led by the SENCo, with the family support worker. Persistent absence of pupils with EHCPs is 21%.",
        "Boys' writing lags behind girls' in every year group. This priority is led by DH.",
        "Lead: English lead. Writing at greater depth fell to 9% in 2025.",
    ],
)
def test_rs304_quiet_when_the_preface_states_the_lead(preface):
    assert codes("RS304", prefaced_lead(preface)) == []


@pytest.mark.parametrize(
    "preface",
    [
        "Learning walks led by the DH last term found that feedback was rarely acted on.",
        "Led by our partners at the maths hub, the work will continue.",
        "Led by JB. Writing at greater depth fell to 9% in 2025.",  # JB is not on the Staff sheet
        "Writing at greater depth fell to 9% in 2025.",
    ],
)
def test_rs304_fires_when_the_preface_names_no_lead_of_the_priority(preface):
    assert codes("RS304", prefaced_lead(preface)) == ["P1", "P1.1"]


# -- RS306: a governor leading a priority, or as its link, involves the board ------------------------

STAFF_CHECKS = [
    {"priority": "P1", "process": "Monitoring", "how": "Learning walks", "when": "Each half term", "who": ("HT",)},
    {"priority": "P1", "process": "Evaluation", "how": "Report", "when": "Aut2, Spr2, Sum2", "who": ("DH",)},
]


def governed(lead=("DH",), link_governor=(), checks=STAFF_CHECKS):
    return plan(
        priorities=[
            {
                "ref": "P1",
                "title": "Early reading",
                "source": "Self-evaluation",
                "lead": lead,
                "link_governor": link_governor,
            }
        ],
        checks=checks,
    )


@pytest.mark.parametrize(
    "lead, link_governor",
    [(("CG",), ()), (("DH",), ("CG",)), (("DH",), ("JP",)), (("DH",), ("C&S",))],
)
def test_rs306_quiet_when_a_governor_leads_or_links_a_priority(lead, link_governor):
    assert codes("RS306", governed(lead, link_governor)) == []


def test_rs306_quiet_when_a_committee_evaluates():
    checks = [dict(STAFF_CHECKS[1], who=("C&S",))]
    assert codes("RS306", governed(checks=checks)) == []


def test_rs306_fires_when_no_governor_takes_part():
    assert codes("RS306", governed()) == [""]
    assert codes("RS306", governed(link_governor=("EL",))) == [""]  # a 'link' who is staff, not a governor
    review = [{"priority": "P1", "process": "Review", "how": "Board meeting", "when": "Sum2", "who": ("CG",)}]
    assert codes("RS306", governed(checks=STAFF_CHECKS + review)) == [""]  # reviewing is not monitoring


# -- PR102: the preface says where the priority came from ------------------------------------------

SOURCE_IN_PREFACE = [
    "Lesson visits last term found that pupils rarely acted on written feedback.",
    "A third of parents told us in the summer survey that they did not know how to help with phonics.",
    "Our Ofsted report (May 2025) said that the curriculum is not yet well sequenced.",
    "The external examiner's report noted that trainees' phonics subject knowledge varied.",
    "Our self-evaluation shows that boys' writing lags behind girls' in every year group.",
    "Data from the summer tests shows Y4 pupils are slow to recall multiplication facts.",
    "This continues the work of the previous plan on early reading.",
    "IDSR shows disadvantaged pupils' attendance well below national.",
]
NO_SOURCE = [
    "Reading is the key that unlocks the whole curriculum.",
    "We will survey parents in the spring to find out how we can help.",
    "We expect an inspection this year and want our documents to be ready.",
    "Maths results went down last year.",
]


def prefaced(preface, source=""):
    return plan(priorities=[{"ref": "P2", "title": "Writing", "source": source, "preface": preface, "lead": ("EL",)}])


@pytest.mark.parametrize("preface", SOURCE_IN_PREFACE)
def test_pr102_quiet_when_the_preface_states_the_source(preface):
    assert codes("PR102", prefaced(preface)) == []


@pytest.mark.parametrize("preface", NO_SOURCE)
def test_pr102_fires_when_neither_source_nor_preface_says(preface):
    assert codes("PR102", prefaced(preface)) == ["P2"]
    assert codes("PR102", prefaced(preface, source="Self-evaluation")) == []


@pytest.mark.parametrize(
    "role, organisation, fires",
    [
        ("Mentor", "Oakfield Infant School", False),
        ("Lead mentor (partner school)", "Kingsway Federation", False),
        ("University tutor", "University of Wealdmoor School of Education", True),
        ("Lead tutor", "Wealdmoor Partnership", True),
    ],
)
def test_rs306_itt_needs_an_owner_from_a_partner_school(role, organisation, fires):
    built = plan(
        priorities=[{"ref": "P1", "title": "Early reading", "source": "Self-evaluation", "lead": ("KF",)}],
        actions=[{"ref": "P1.1", "objective": "P1", "action": "Run a mentor workshop", "owners": ("KF",)}],
        plan_type="itt",
        staff=[("KF", role, organisation)],
    )
    built.settings.organisation = "Wealdmoor Partnership"
    assert codes("RS306", built) == ([""] if fires else [])


# The By whom column names who does the work; a How text that hands it to governors to weigh counts.


@pytest.mark.parametrize(
    "how",
    [
        "DH presents the phonics data to the standards committee, which challenges it against the milestones",
        "Scrutiny of the attendance report by the full governing board each term",
        "Termly report to C&S on progress against SC1 to SC4",
        "Governors question the SENCo's report on provision maps",
    ],
)
def test_rs306_quiet_when_the_how_text_hands_the_evaluation_to_governors(how):
    checks = [dict(STAFF_CHECKS[1], how=how)]
    assert codes("RS306", governed(checks=checks)) == []


@pytest.mark.parametrize(
    "how, process",
    [
        ("DH presents the phonics data to staff at the spring briefing", "Evaluation"),
        ("Learning walk notes shared with SLT", "Monitoring"),
        ("Report to the school council on playground behaviour", "Evaluation"),
        ("Pupil wellbeing committee questions the survey results", "Evaluation"),
        ("HT reports to governors on the year's progress", "Review"),  # reviewing is not monitoring
    ],
)
def test_rs306_fires_when_the_how_text_leaves_governors_out(how, process):
    checks = [dict(STAFF_CHECKS[0], how=how, process=process)]
    assert codes("RS306", governed(checks=checks)) == [""]


# -- RV702: what reviews write where an impact should be -------------------------------------------

PLACEHOLDERS = [
    "TBC",
    "Impact to be measured at the next review",
    "Will report at the next board meeting",
    "See minutes of the FGB 4 Dec",
    "Going well - staff positive",
    "To be updated after the spring moderation",
    "Awaiting data from the LA",
    "Impact to date:",
    "To be discussed at the next LGB",
    "To be written up",
    "xx",
    "TBC at next board",
    "To follow after the spring data drop",
    "Pending until the summer review",
    "In progress",
    "Too early to judge",
    "See above",
    "Update at next meeting",
    "Verbal update given",
    "TBC - awaiting Y6 mock data",
    "Feedback at the spring FGB",
]
IMPACTS = [
    "Going well: 78% of Y1 on track for the check",
    "Positive start; attendance up from 91% to 94%",
    "TBC: 61% of the group on track so far",
    "Pending the spring data, but the autumn check showed 58% on track",
    "To follow: reading ages up 7 months on average",
    "Next board to see the new attendance figures (94.1%)",
    "Progress slower than hoped; the next data drop will show whether the booster groups work",
    "Verbal update given: 12 of 15 Y2 pupils now read at 90 wpm",
    "Awaiting mock results, but Y11 attendance is up from 89% to 92%",
]


@pytest.mark.parametrize("text", PLACEHOLDERS)
def test_rv702_reads_a_placeholder_as_no_impact(text):
    assert is_placeholder(text)


@pytest.mark.parametrize("text", IMPACTS)
def test_rv702_an_impact_that_opens_with_a_placeholder_word_is_an_impact(text):
    assert not is_placeholder(text)


# -- RC402: what a figure in the action counts ----------------------------------------------------


def one_costed_action(text, resources):
    return plan(
        priorities=[{"ref": "P1", "title": "Early reading", "source": "Self-evaluation", "lead": ("DH",)}],
        objectives=[{"ref": "P1.1", "priority": "P1", "title": "Phonics", "lead": ("EL",)}],
        actions=[{"ref": "P1.1.1", "objective": "P1.1", "action": text, "owners": ("EL",), "resources": resources}],
    )


@pytest.mark.parametrize(
    "text, resources",
    [
        ("Buy 30 copies of the class novel for Y5", "Books"),
        ("Run 4 twilight sessions on adaptive teaching", "Visiting speaker from the English hub"),
        ("Buy 6 Numicon kits for the Reception class", "Maths resources"),
    ],
)
def test_rc402_quiet_when_the_action_counts_the_resource_itself(text, resources):
    assert codes("RC402", one_costed_action(text, resources)) == []


@pytest.mark.parametrize(
    "text, resources",
    [
        ("Take Y10 on 3 trips to the local FE college", "Coach hire"),
        ("Take Y12 to two university open days", "Minibus; fuel"),
        ("Send 6 pupils to the county athletics final", "Taxi"),
        ("Release the maths lead for 2 days to visit the hub school", "Supply cover"),
        ("Coach the 2 new TAs in speed sounds, weekly for 6 weeks", "Release time"),
        ("Observe every ECT teach phonics, with feedback within 2 days", "Staff time"),
        ("Visit each of the 4 partner schools every 6 weeks", "Travel costs"),
    ],
)
def test_rc402_fires_when_the_action_only_counts_the_events_the_resource_serves(text, resources):
    assert codes("RC402", one_costed_action(text, resources)) == ["P1.1.1"]


# -- RS301: roles written out in full need no key -------------------------------------------------


@pytest.mark.parametrize("owner", ["Headteacher", "Head of Centre", "Partnership director", "Bursar", "Deputy Head"])
def test_rs301_quiet_for_a_role_written_out(owner):
    built = one_action("Check the single central record each term", owners=[owner], start="Aut1", due="Sum2")
    assert codes("RS301", built) == []


@pytest.mark.parametrize("owner", ["HoC", "PDir", "KLM", "TA", "CEO"])
def test_rs301_fires_for_an_abbreviation_not_in_the_key(owner):
    built = one_action("Check the single central record each term", owners=[owner], start="Aut1", due="Sum2")
    assert codes("RS301", built) == ["P1.1.1"]


# -- RS304: a lead named in the title --------------------------------------------------------------


def test_rs304_quiet_when_an_objectives_title_names_its_lead_in_brackets():
    shared = [
        {"ref": f"P1.1.{n}", "objective": "P1.1", "action": "Run a Y11 maths session", "owners": (who,)}
        for n, who in ((1, "DH"), (2, "EL"))
    ]
    for title, flagged in (("Y11 maths intervention (lead: EL)", []), ("Y11 maths intervention (EL)", ["P1.1"])):
        built = plan(
            priorities=[{"ref": "P1", "title": "Maths", "source": "Self-evaluation", "lead": ("DH",)}],
            objectives=[{"ref": "P1.1", "priority": "P1", "title": title}],
            actions=shared,
        )
        assert codes("RS304", built) == flagged, title


# -- XR801 and links: "P8" is Progress 8 where a figure or measure goes with it ---------------------


@pytest.mark.parametrize(
    "text, refs",
    [
        ("Secure improved P8 for disadvantaged students", []),
        ("P8 -0.3 in 2025, up from -0.5", []),
        ("KS4 P8 score above 0", []),
        ("See P8 and P2.1", ["P8", "P2.1"]),
        ("Links to P8.1", ["P8.1"]),
    ],
)
def test_p8_with_a_figure_or_measure_is_progress_8_not_priority_8(text, refs):
    from sipgen.references import find_refs

    assert [m.group(0) for m in find_refs(text)] == refs


# -- RS301: initials with who they are in brackets ----------------------------------------------------


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("Run a catch-up on forces with RKH (physics SLE, Northgate Academy)", ["P1.1.1"]),
        ("Moderate Y6 writing with JT (English lead, St Mark's)", ["P1.1.1"]),
        ("Target the PP (pupil premium) group in Y4", []),
        ("Buy 20 copies of the SEF (self-evaluation form) template", []),
    ],
)
def test_rs301_reads_initials_named_with_their_role_in_brackets(text, flagged):
    built = one_action(text, owners=["EL"], start="Aut1", due="Aut2")
    assert codes("RS301", built) == flagged


# -- RV704: what an Adjustments cell says when nothing changes ---------------------------------------


def one_review(rag, impact, adjustments):
    built = plan(priorities=[{"ref": "P1", "title": "Early reading", "source": "Self-evaluation", "lead": ("DH",)}])
    built.reviews = [
        model.Review(
            sheet="Reviews",
            row=2,
            ref="P1",
            date=parse_date("10/12/2025", YEAR_START),
            rag=rag,
            impact=impact,
            adjustments=adjustments,
        )
    ]
    link(built)
    return built


@pytest.mark.parametrize("adjustments", ["Continue as planned", "Keep monitoring", "Carry on", "No change needed", ""])
def test_rv704_an_amber_or_red_review_that_changes_nothing(adjustments):
    assert codes("RV704", one_review("Red", "Y2 phonics 58% on track, milestone 70%", adjustments)) == ["P1"]


@pytest.mark.parametrize(
    "impact, adjustments",
    [
        ("Y2 phonics 58% on track, milestone 70%", "Continue the daily keep-up, adding a second group for 6 pupils"),
        ("Y2 phonics 58% on track (milestone 70%); from Spr1 an extra keep-up group will run daily", ""),
        ("Y2 phonics 58% on track (milestone 70%)", "Monitoring moved to fortnightly, with the PL"),
    ],
)
def test_rv704_quiet_when_a_change_is_on_record(impact, adjustments):
    assert codes("RV704", one_review("Amber", impact, adjustments)) == []


# -- SC506, SC507: a milestone or baseline of "-", "TBC" or "N/A" is none ------------------------------


def one_criterion(criterion, baseline="", milestones=("", "", "")):
    built = plan(priorities=[{"ref": "P1", "title": "Early reading", "source": "Self-evaluation", "lead": ("DH",)}])
    autumn, spring, summer = milestones
    built.criteria = [
        model.Criterion(
            sheet="Criteria",
            row=2,
            ref="SC1",
            parent="P1",
            criterion=criterion,
            baseline=baseline,
            milestone_autumn=autumn,
            milestone_spring=spring,
            milestone_summer=summer,
        )
    ]
    link(built)
    return built


@pytest.mark.parametrize(
    "milestones, fires",
    [
        (("-", "-", "-"), True),
        (("TBC", "TBC", "TBC"), True),
        (("", "", "85%"), True),  # the summer figure alone is the target again
        (("n/a", "?", "85%"), True),
        (("74%", "", "85%"), False),
        (("", "80%", "85%"), False),
        (("Draft agreed", "Published", "In use"), False),
    ],
)
def test_sc506_reads_placeholders_and_a_summer_figure_alone_as_no_staging(milestones, fires):
    built = one_criterion("85% of Reception reach the ELG in word reading", "77% (2025)", milestones)
    assert bool(codes("SC506", built)) is fires


def test_sc506_quiet_when_the_criterion_stages_its_own_figures_first():
    assert codes("SC506", one_criterion("Attendance 94% by Dec, 95% by Easter, 96% by July", "93.2%")) == []


@pytest.mark.parametrize("baseline, fires", [("N/A", True), ("TBC", True), ("-", True), ("71% (2024-25)", False)])
def test_sc507_reads_a_placeholder_baseline_as_none(baseline, fires):
    built = one_criterion("80% of Y6 at EXS in writing", baseline, ("70%", "75%", "80%"))
    assert bool(codes("SC507", built)) is fires


def test_sc507_accepts_n_a_beside_a_count_of_deliveries():
    built = one_criterion("100% of planned parent workshops delivered (6 of 6)", "n/a", ("2 of 6", "4 of 6", "6 of 6"))
    assert codes("SC507", built) == []


# -- AC202, AC205, RS301, RC402: urgency, initials at the end, free of charge ----------------------------


@pytest.mark.parametrize("due", ["ASAP", "asap", "As soon as possible", "Immediately"])
def test_ac202_an_urge_is_no_date(due):
    built = one_action("Replace the broken Y3 visualiser", owners=["BM"])
    built.actions[0].due = parse_date(due, YEAR_START) or model.PlanDate(None, None, due, "timing")
    assert codes("AC202", built) == ["P1.1.1"]


@pytest.mark.parametrize(
    "text, rs301",
    [
        ("Y5 times tables challenge launch assembly - EL", []),
        ("Book-scrutiny twilight for English trainees - KP", ["P1.1.1"]),
        ("Resit maths groups 3x weekly / VP", ["P1.1.1"]),
        ("Phonics training for TAs - RWI", []),  # a programme everyone knows, not a person
    ],
)
def test_initials_closing_the_action_name_its_owner_and_the_key_must_list_them(text, rs301):
    built = one_action(text, start="Aut1", due="Aut2")
    assert codes("AC205", built) == [] and codes("RS301", built) == rs301


@pytest.mark.parametrize("resources, fires", [("FOC - school nursing team", False), ("Speaker from the LA", True)])
def test_rc402_free_of_charge_says_how_much(resources, fires):
    built = one_action("Talk for parents on the 2-year review at the spring coffee morning", owners=["EYL"])
    built.actions[0].resources = resources
    built.actions[0].start = parse_date("Spr1", YEAR_START)
    assert bool(codes("RC402", built)) is fires


# -- PR104: a preface that only points elsewhere ---------------------------------------------------------


@pytest.mark.parametrize(
    "preface, fires",
    [
        ("See SEF", True),
        ("See SEF p4.", True),
        ("As above", True),
        ("TBC", True),
        ("See the 2025 results: Y1 phonics 68%, against 80% nationally, for the third year running.", False),
        ("Our SEF found phonics teaching inconsistent; see the SEF for the detail.", False),
    ],
)
def test_pr104_a_pointer_is_no_preface(preface, fires):
    built = plan(
        priorities=[{"ref": "P1", "title": "Early reading", "source": "SEF", "lead": ("DH",), "preface": preface}]
    )
    assert bool(codes("PR104", built)) is fires
