"""The `sipgen` command. Each command parses its options, calls the library, and picks the exit code."""

from __future__ import annotations

import datetime as dt
import sys
from enum import Enum
from pathlib import Path

import typer
from typer.core import TyperCommand

from . import __version__

app = typer.Typer(
    name="sipgen",
    help=(
        "Write, check and publish a school or ITT partnership improvement plan kept in Excel.\n\n"
        "Start with `sipgen new plan.xlsx`, fill it in Excel, then `sipgen check plan.xlsx`."
    ),
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


class PlainHelp(TyperCommand):
    """A command whose --help names things as a school user would: FILE.xlsx, N, DATE.

    Typer's own help shows programmers' notation ({path}, <list[Path]>, <int range> [x>=1]).
    Here each argument and option shows its metavar, its help, and its default if it has one.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.rich_markup_mode = None  # plain text, laid out by format_options below

    def collect_usage_pieces(self, ctx) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        return pieces + [p.metavar or p.name.upper() for p in self.get_params(ctx) if p.param_type_name == "argument"]

    def format_options(self, ctx, formatter) -> None:
        arguments, options = [], []
        for param in self.get_params(ctx):
            if getattr(param, "hidden", False):
                continue
            text = getattr(param, "help", None) or ""
            if param.param_type_name == "argument":
                arguments.append((param.metavar or param.name.upper(), text))
                continue
            names = ", ".join(sorted(param.opts, key=lambda o: len(o) - len(o.lstrip("-"))))
            if not param.is_flag:
                names += f" {param.metavar or 'VALUE'}"
            default = getattr(param.default, "value", param.default)
            if not param.is_flag and default is not None and param.show_default is not False:
                text = f"{text} Default: {default}."
            options.append((names, text))
        for title, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


class PlanType(str, Enum):
    school = "school"
    itt = "itt"


class Format(str, Enum):
    text = "text"
    json = "json"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"sipgen {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Write, check and publish a school or ITT partnership improvement plan kept in Excel."""
    from .console import setup

    setup()  # before any command prints: UTF-8 to files and pipes, never a crash on a character


def fail(message: str, code: int = 2) -> None:
    typer.echo(f"sipgen: {message}", err=True)
    raise typer.Exit(code)


def _new_file(path: Path, suffixes: tuple[str, ...], wrong_suffix: str, force: bool) -> None:
    """Stop with a clear message unless a new file may be written at ``path``."""
    from .files import OutputError, check_output

    if path.suffix.lower() not in suffixes:
        fail(f"{path}: {wrong_suffix}.")
    if path.exists() and not force:
        fail(f"{path}: the file already exists. Choose another name, or add --force to replace it.")
    try:
        check_output(path)
    except OutputError as exc:
        fail(str(exc))


@app.command(cls=PlainHelp, short_help="Write a plan workbook to fill in Excel.")
def new(
    path: Path = typer.Argument(..., metavar="FILE.xlsx", help="Where to write the workbook, e.g. plan.xlsx."),
    type: PlanType = typer.Option(
        PlanType.school,
        "--type",
        "-t",
        metavar="TYPE",
        help="school, or itt for a teacher-training partnership (trainees, partner schools, partnership board).",
    ),
    example: bool = typer.Option(False, "--example", help="Fill the workbook with a worked example plan."),
    force: bool = typer.Option(False, "--force", help="Replace the file if it already exists."),
    from_: Path | None = typer.Option(
        None,
        "--from",
        metavar="THIS.xlsx",
        help="This year's plan: write next year's from it, with its unfinished actions and last year's figures "
        "as baselines, reviews and approval cleared. It is only read; its plan type is kept.",
        readable=False,
    ),
) -> None:
    """Write a plan workbook to fill in Excel, blank, a worked example, or next year's from this year's.

    \b
    Examples:
      sipgen new plan.xlsx
      sipgen new partnership.xlsx --type itt
      sipgen new example.xlsx --example
      sipgen new plan-2026-27.xlsx --from plan-2025-26.xlsx
    """
    from .examples import load
    from .workbook import write_workbook

    if from_ is not None and example:
        fail("--from and --example cannot be used together: choose one.")
    _new_file(path, (".xlsx", ".xlsm"), "the workbook's name must end in .xlsx, e.g. plan.xlsx", force)
    if from_ is not None:
        from .rollover import RolloverError, write_next_year

        try:
            summary = write_next_year(from_, path, force=force)
        except RolloverError as exc:
            fail(str(exc))
        except OSError as exc:
            fail(f"{path}: could not write the workbook ({exc.strerror or exc}).")
        typer.echo(f"Wrote {path}: the {summary.new_year} plan, rolled over from {from_} ({summary.old_year}).")
        typer.echo(summary.line())
        typer.echo(f"Open it in Excel, keep or delete each priority and objective, then run: sipgen check {path}")
        return
    data = load("primary" if type is PlanType.school else "itt") if example else None
    try:
        write_workbook(path, type.value, data)
    except OSError as exc:
        fail(f"{path}: could not write the workbook ({exc.strerror or exc}).")
    what = "a worked example" if example else "a blank plan"
    typer.echo(f"Wrote {path} ({what}, {'ITT partnership' if type is PlanType.itt else 'school'} wording).")
    if example:
        typer.echo(f"Open it in Excel to see a finished plan, or check it: sipgen check {path}")
    else:
        typer.echo(f"Open it in Excel, fill it in, then run: sipgen check {path}")


def _parse_as_of(text: str | None) -> dt.date | None:
    if text is None:
        return None
    from .dates import parse_date

    parsed = parse_date(text, None)
    # One day only: not a month, a range or a timing such as "Termly".
    if parsed is None or not parsed.dated or parsed.start != parsed.end:
        fail(f"--as-of: '{text}' is not a date. Write it like 2026-11-23 or 23/11/2026.")
    return parsed.start


@app.command(cls=PlainHelp, short_help="Check a plan workbook and list, cell by cell, what to fix.")
def check(
    workbooks: list[Path] = typer.Argument(
        ..., metavar="FILE.xlsx...", help="One or more plan workbooks (.xlsx), or folders of them.", readable=False
    ),
    format: Format = typer.Option(
        Format.text, "--format", "-f", metavar="FORMAT", help="text for people, json for programs."
    ),
    strict: bool = typer.Option(False, "--strict", help="Fail (exit 1) on warnings too, not only errors."),
    as_of: str | None = typer.Option(
        None,
        "--as-of",
        metavar="DATE",
        help="The date to check against (reviews held by then), e.g. 2026-03-20 or 20/03/2026; default today.",
    ),
    annotate: Path | None = typer.Option(
        None,
        "--annotate",
        metavar="FILE.xlsx",
        help="Also write a copy of the workbook with each finding as a comment on its cell, and a Findings sheet.",
    ),
) -> None:
    """Check a plan workbook and list, cell by cell, what to fix.

    Exit codes: 0 no errors (warnings and info allowed); 1 errors, or warnings with
    --strict; 2 a file could not be read, or the command was used wrongly.

    \b
    Examples:
      sipgen check plan.xlsx
      sipgen check plan.xlsx --strict
      sipgen check plan.xlsx --format json > findings.json
      sipgen check plan.xlsx --annotate checked.xlsx
      sipgen check plans/          # every workbook in a folder
    """
    from .batch import check_many, expand
    from .report import json_report, text_report, use_colour

    day = _parse_as_of(as_of)
    given = workbooks
    workbooks = expand(workbooks)
    if not workbooks:
        fail(f"{', '.join(map(str, given))}: there are no workbooks (.xlsx files) in this folder.")
    if annotate is not None and len(workbooks) != 1:
        fail("--annotate works on one workbook at a time.")
    results = check_many(workbooks, day)
    if annotate is not None and not results[0].unreadable:
        _annotate(results[0], annotate, quiet=format is Format.json)
    if format is Format.json:
        typer.echo(json_report(results))
    else:
        colour = use_colour(sys.stdout)
        typer.echo("\n\n".join(text_report(result, colour=colour) for result in results))
        if len(results) > 1:
            from .batch import check_rows, summary_table

            typer.echo("\n" + summary_table(check_rows(results)).rsplit("\n", 1)[0])
    raise typer.Exit(max(result.exit_code(strict) for result in results))


def _annotate(result, path: Path, quiet: bool) -> None:
    from .annotate import annotate as write_annotated
    from .files import OutputError

    try:
        write_annotated(result, path)
    except OutputError as exc:
        fail(str(exc))
    if not quiet:
        typer.echo(f"Wrote {path}: each finding is a comment on its cell, listed on the Findings sheet.", err=True)


@app.command(cls=PlainHelp, short_help="Write the governor-ready Word document for a plan.")
def build(
    workbooks: list[Path] = typer.Argument(
        ..., metavar="FILE.xlsx...", help="The plan workbook (.xlsx); or several, or folders of them.", readable=False
    ),
    output: Path | None = typer.Option(
        None,
        "--output",
        "-o",
        metavar="FILE.docx",
        help=(
            "Where to write the document (a folder when building several, made if missing); "
            "default: beside each workbook, with .docx."
        ),
    ),
    force: bool = typer.Option(False, "--force", help="Write the document even if the plan has errors."),
    pdf: bool = typer.Option(False, "--pdf", help="Also write a PDF beside the document (needs LibreOffice)."),
    template: Path | None = typer.Option(
        None,
        "--template",
        metavar="FILE.docx",
        help="A Word template of your own, made from `sipgen template export`.",
        readable=False,
    ),
    with_findings: bool = typer.Option(
        False, "--with-findings", help="Add an appendix listing the open check findings, for a draft meeting."
    ),
    as_of: str | None = typer.Option(
        None, "--as-of", metavar="DATE", help="The date to report at, e.g. 2026-03-20 or 20/03/2026; default today."
    ),
    jobs: int | None = typer.Option(
        None,
        "--jobs",
        "-j",
        min=1,
        metavar="N",
        help="How many to build at once when building several; default: one for each core.",
    ),
    since: Path | None = typer.Option(
        None,
        "--since",
        metavar="LAST.xlsx",
        help="The plan's last version: adds a part listing what changed since it.",
        readable=False,
    ),
) -> None:
    """Write the governor-ready Word document for a plan, or for every plan in a folder.

    The plan is checked first, with the same findings as `sipgen check`. Errors stop the
    build unless --force; warnings are summarised and the document is still written.
    Several workbooks are built in parallel; one that fails does not stop the rest, and a
    table ends the run. Exit codes: 0 written; 1 a plan has errors; 2 unreadable input, a
    bad template or output path, or wrong usage.

    \b
    Examples:
      sipgen build plan.xlsx
      sipgen build plan.xlsx -o "Plan for governors.docx" --pdf
      sipgen build plan.xlsx --with-findings --force
      sipgen build plan.xlsx --template our-branding.docx
      sipgen build trust-plans/ -o documents/
      sipgen build spring.xlsx --since autumn.xlsx
    """
    options = {"force": force, "template": template, "with_findings": with_findings, "pdf": pdf, "since": since}
    _build(workbooks, output, dict(options, as_of=_parse_as_of(as_of)), jobs)


def _build(workbooks: list[Path], output: Path | None, options: dict, jobs: int | None) -> None:
    """One plan, or several in parallel: the checks on the arguments, then the build."""
    from .batch import expand

    several = len(workbooks) > 1 or any(w.is_dir() for w in workbooks)
    found = expand(workbooks)
    if not found:
        fail(f"{', '.join(map(str, workbooks))}: there are no workbooks (.xlsx files) in this folder.")
    if options["since"] is not None and several:
        fail("--since compares one plan with its last version; give one workbook with it.")
    if options["pdf"]:
        from .pdf import font_warning, soffice

        warning = font_warning() if soffice() else None
        if warning:
            typer.echo(f"sipgen: {warning}", err=True)
    if not several:
        _build_single(found[0], output, options)
        return
    if output is not None and not output.is_dir():
        if output.exists() or output.suffix.lower() in (".docx", ".pdf"):
            fail(f"{output}: when building several plans, -o must be an existing folder or a new folder's name.")
        try:
            output.mkdir(parents=True)
        except OSError as exc:
            fail(f"{output}: the folder for the documents could not be made ({exc.strerror or exc}).")
    _build_several(found, output, options, jobs)


def _build_single(workbook: Path, output: Path | None, options: dict) -> None:
    from .batch import build_one
    from .document import default_output
    from .report import counts_line

    row = build_one(workbook, output or default_output(workbook), options)
    if row.notice:
        typer.echo(f"sipgen: {row.notice}", err=True)
    if row.output:
        typer.echo(f"Wrote {row.output}")
        if row.errors or row.warnings or row.infos:
            typer.echo(
                f"Check: {counts_line(row.errors, row.warnings, row.infos, row.accepted)}. "
                f"Run `sipgen check {workbook}` for the details."
            )
    if row.pdf:
        typer.echo(f"Wrote {row.pdf}")
    if row.message:
        fail(row.message, row.exit_code)


def _build_several(workbooks: list[Path], out_dir: Path | None, options: dict, jobs: int | None) -> None:
    from .batch import build_many, summary_table

    with typer.progressbar(
        length=len(workbooks),
        label="Building",
        file=sys.stderr,
        item_show_func=lambda row: row.workbook.name if row else "",
    ) as bar:

        def advance(row):
            bar.current_item = row
            bar.update(1)

        rows = build_many(workbooks, out_dir, options, jobs, progress=advance)
    for row in rows:
        if row.notice:
            typer.echo(f"sipgen: {row.workbook.name}: {row.notice}", err=True)
        if row.message:
            typer.echo(f"sipgen: {row.message}", err=True)
    typer.echo(summary_table(rows))
    raise typer.Exit(max(row.exit_code for row in rows))


template_app = typer.Typer(
    help="Work with the Word template that gives the document its look.", no_args_is_help=True, rich_markup_mode=None
)
app.add_typer(template_app, name="template")


@template_app.command("export", cls=PlainHelp, short_help="Write a copy of the Word template to rebrand.")
def template_export(
    path: Path = typer.Argument(..., metavar="FILE.docx", help="Where to write the template, e.g. our-branding.docx."),
    force: bool = typer.Option(False, "--force", help="Replace the file if it already exists."),
) -> None:
    """Write a copy of the Word template to rebrand (logo, fonts, colours).

    Edit it in Word, keep the {{ }} and {% %} tags, then pass it to `sipgen build --template`.

    \b
    Example:
      sipgen template export our-branding.docx
    """
    import shutil

    from .document.render import DEFAULT_TEMPLATE
    from .files import write_atomically

    _new_file(path, (".docx",), "the template's name must end in .docx", force)
    write_atomically(path, lambda temp: shutil.copyfile(DEFAULT_TEMPLATE, temp))
    typer.echo(f"Wrote {path}. Change its look in Word, then: sipgen build plan.xlsx --template {path}")


@app.command(cls=PlainHelp, short_help="List every rule: code, severity, name and source.")
def rules() -> None:
    """List every rule: code, severity, name and source.

    \b
    Example:
      sipgen rules
    """
    from .rules import RULES

    for declared in RULES.values():
        typer.echo(f"{declared.code}  {declared.severity.value:<7}  {declared.name:<34}  {declared.source}")


@app.command(cls=PlainHelp, short_help="Explain a rule in full, with a bad and a good example.")
def explain(code: str = typer.Argument(..., metavar="CODE", help="A rule code, e.g. SC505.")) -> None:
    """Explain a rule in full, with a bad and a good example.

    \b
    Example:
      sipgen explain AC201
    """
    from .rules import RULES

    declared = RULES.get(code.strip().upper())
    if declared is None:
        fail(f"there is no rule {code}. Run `sipgen rules` to list them.")
    typer.echo(f"{declared.code}: {declared.name} ({declared.severity.value}; source: {declared.source})")
    typer.echo("")
    typer.echo(declared.doc)
    if declared.supersedes:
        others = " or ".join(declared.supersedes)
        typer.echo("")
        typer.echo(f"Where it fires, {others} is not also reported on the same cell: one weakness, one finding.")


@app.command("diff", cls=PlainHelp, short_help="Show what changed between two versions of a plan.")
def diff_command(
    old: Path = typer.Argument(..., metavar="OLD.xlsx", help="The earlier version, e.g. last term's.", readable=False),
    new: Path = typer.Argument(..., metavar="NEW.xlsx", help="The later version, e.g. this term's.", readable=False),
    format: Format = typer.Option(
        Format.text, "--format", "-f", metavar="FORMAT", help="text for people, json for programs."
    ),
) -> None:
    """Show what changed between two versions of a plan, priority by priority.

    Rows are matched by their reference, so a renumbered row is reported as moved and rows
    sorted differently are no change. Each change names its cell in the new workbook.
    Exit codes: 0 no changes; 1 changes found; 2 a workbook could not be read.

    \b
    Examples:
      sipgen diff autumn.xlsx spring.xlsx
      sipgen diff autumn.xlsx spring.xlsx --format json > changes.json
    """
    from .diff import diff_workbooks, json_report, text_report
    from .report import use_colour

    result = diff_workbooks(old, new)
    if result.error:
        fail(result.error)
    if format is Format.json:
        typer.echo(json_report(result.changes))
    else:
        heading = f"Changes from {old} to {new}" if result.changes else ""
        typer.echo(text_report(result.changes, use_colour(sys.stdout), result.titles, heading))
    raise typer.Exit(result.exit_code)


@app.command(cls=PlainHelp, short_help="Write a short report for the board: what needs attention.")
def report(
    workbooks: list[Path] = typer.Argument(
        ..., metavar="FILE.xlsx...", help="The plan workbook; or a folder of a trust's plans.", readable=False
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", metavar="FILE.docx", help="Where to write it; default: beside the workbook or folder."
    ),
    since: Path | None = typer.Option(
        None, "--since", metavar="LAST.xlsx", help="The plan's last version: adds what changed since.", readable=False
    ),
    as_of: str | None = typer.Option(
        None, "--as-of", metavar="DATE", help="The date to report at, e.g. 2026-03-20 or 20/03/2026; default today."
    ),
    jobs: int | None = typer.Option(None, "--jobs", "-j", min=1, metavar="N", help="Plans to read at once."),
) -> None:
    """Write a short Word report for the board (two to four pages for a plan).

    The board summary, then only what needs attention: priorities rated amber or red and why,
    measures behind their milestones, overdue and slipped actions, what falls due before the
    next meeting, spending against plan and, with --since, what changed since the last version.
    Given a folder, one report across the trust's plans: a row for each school, then each
    school's exceptions; a plan that cannot be read is listed with its reason.
    Exit codes: 0 written; 2 a plan could not be read (the report is still written for the
    others), or the output cannot be used.

    \b
    Examples:
      sipgen report plan.xlsx
      sipgen report spring.xlsx --since autumn.xlsx -o "Board report.docx"
      sipgen report trust-plans/
    """
    from .batch import expand
    from .document.board_report import ReportError, write_report

    day = _parse_as_of(as_of)
    found = expand(workbooks)
    shown = len(found) > 1  # a progress bar for a folder; one plan is quick
    with typer.progressbar(length=len(found), label="Reading", file=sys.stderr, hidden=not shown) as bar:
        try:
            result = write_report(
                workbooks, output, since=since, as_of=day, jobs=jobs, progress=lambda *_: bar.update(1)
            )
        except ReportError as exc:
            fail(str(exc), exc.exit_code)
    for reason in result.failed:
        typer.echo(f"sipgen: {reason}", err=True)
    for notice in result.notices:
        typer.echo(f"sipgen: {notice}", err=True)
    if shown:
        typer.echo(result.table())
    typer.echo(f"Wrote {result.output} ({result.plans} plan{'s' if result.plans != 1 else ''})")
    if result.failed:
        raise typer.Exit(2)


@app.command(cls=PlainHelp, short_help="Check this computer has what sipgen needs; say what to fix.")
def doctor() -> None:
    """Check this computer has what sipgen needs, one line each, and say what to fix.

    Python and sipgen; LibreOffice, which makes the PDFs, and its Python, which numbers
    their contents page; the Calibri or Carlito font, so that a PDF breaks its pages as
    Word does; and the web extra, for sipgen serve.
    Exit codes: 0 everything is there; 1 something optional is missing (sipgen still
    checks plans and writes Word documents).

    \b
    Example:
      sipgen doctor
    """
    from .doctor import exit_code, report, run_checks

    checks = run_checks()
    for line in report(checks, getattr(sys.stdout, "encoding", None)):
        typer.echo(line)
    raise typer.Exit(exit_code(checks))


@app.command("calendar", cls=PlainHelp, short_help="Write the plan's dates as a calendar file (.ics) to import.")
def calendar_command(
    workbook: Path = typer.Argument(..., metavar="FILE.xlsx", help="The plan workbook (.xlsx).", readable=False),
    output: Path | None = typer.Option(
        None, "--output", "-o", metavar="FILE.ics", help="Where to write it; default: beside the workbook, with .ics."
    ),
    owner: str | None = typer.Option(
        None, "--owner", metavar="INITIALS", help="Only this person's events, by their initials on the Staff sheet."
    ),
    as_of: str | None = typer.Option(
        None, "--as-of", metavar="DATE", help="The date to give each action's state at, e.g. 2026-03-20; default today."
    ),
) -> None:
    """Write the plan's dates as a calendar file for Outlook, Google Calendar or Apple Calendar.

    All-day events: each action's due date (and its start), each priority's milestones at the
    end of each term, each dated review, and the next board meeting. Importing next term's file
    updates these events rather than doubling them. Actions with no date are left out, and
    counted; with nothing dated, no file is written and the line says why. A plan with errors
    still gets its calendar; the line written says how many.
    Exit codes: 0 written; 2 the workbook could not be read, unknown initials, or the output
    cannot be used.

    \b
    Examples:
      sipgen calendar plan.xlsx
      sipgen calendar plan.xlsx --owner DH
      sipgen calendar plan.xlsx -o "Plan dates.ics" --as-of 2026-01-05
    """
    from .batch import check_one
    from .calendar_export import CalendarError, default_output, find_owner, write_calendar
    from .files import OutputError
    from .findings import Severity

    day = _parse_as_of(as_of) or dt.date.today()
    if output is not None and output.suffix.lower() != ".ics":
        fail(f"{output}: the calendar's name must end in .ics, e.g. plan.ics.")
    result = check_one(workbook, day)
    if result.plan is None:
        reason = result.findings[0].message if result.findings else "this workbook cannot be read as a plan."
        fail(reason if str(workbook) in reason else f"{workbook}: {reason}")
    try:
        who = find_owner(result.plan, owner) if owner is not None else None
        written = write_calendar(result.plan, output or default_output(workbook, who), day, who, inputs=(workbook,))
    except CalendarError as exc:
        fail(f"--owner: {exc}")
    except OutputError as exc:
        fail(str(exc))
    errors = result.count(Severity.ERROR)
    plural = "s" if errors != 1 else ""
    found = f" The check found {errors} error{plural}; `sipgen check {workbook}` lists them." if errors else ""
    typer.echo(written.line() + found)


@app.command(cls=PlainHelp, short_help="Write a Word document of each person's tasks in the plan.")
def tasks(
    workbook: Path = typer.Argument(..., metavar="FILE.xlsx", help="The plan workbook (.xlsx).", readable=False),
    output: Path | None = typer.Option(
        None,
        "--output",
        "-o",
        metavar="FOLDER",
        help="The folder to write them in, made if missing; default: beside the workbook, named PLAN tasks.",
    ),
    as_of: str | None = typer.Option(
        None, "--as-of", metavar="DATE", help="The date to report at, e.g. 2026-03-20 or 20/03/2026; default today."
    ),
) -> None:
    """Write a short Word document of each person's tasks, and one page of everyone's.

    For each person and group the plan names: the actions they own (overdue first), what
    falls due for them by the end of the next half-term, the priorities and objectives they
    lead or are link governor for, and the monitoring, evaluation and reviews they carry
    out. "Everyone's tasks.docx" counts them all on one page. Anyone with nothing to do is
    left out, and counted. A plan with errors still gets its documents; a line says how many.
    Exit codes: 0 written; 2 the workbook could not be read, or the folder cannot be used.

    \b
    Examples:
      sipgen tasks plan.xlsx
      sipgen tasks plan.xlsx -o "Spring tasks" --as-of 2026-02-23
    """
    from .document.tasks import TasksError, write_tasks

    day = _parse_as_of(as_of)
    try:
        result = write_tasks(workbook, output, day)
    except TasksError as exc:
        fail(str(exc), exc.exit_code)
    if result.notice:
        typer.echo(f"sipgen: {result.notice}", err=True)
    count = len(result.documents)
    typer.echo(
        f"Wrote {count} document{'s' if count != 1 else ''} of tasks, one for each person or group with "
        f"something to do, and {result.summary.name}, in {result.folder}"
    )
    if result.left_out:
        left = len(result.left_out)
        named = ", ".join(p.label for p in result.left_out[:5]) + (" ..." if left > 5 else "")
        typer.echo(f"Left out {left} named in the plan with nothing to do: {named}")
    if result.errors:
        plural = "s" if result.errors != 1 else ""
        typer.echo(f"The check found {result.errors} error{plural}; `sipgen check {workbook}` lists them.")


@app.command(cls=PlainHelp, short_help="Run sipgen as a web page, for people who never open a terminal.")
def serve(
    host: str = typer.Option(
        "127.0.0.1",
        "--host",
        metavar="ADDRESS",
        help="Where to listen: 127.0.0.1 for this computer only, 0.0.0.0 to share it (then a token is needed).",
    ),
    port: int = typer.Option(8765, "--port", "-p", min=1, max=65535, metavar="N", help="The port to listen on."),
    token: str | None = typer.Option(
        None, "--token", metavar="TEXT", help="The access token when shared; default: a new one, printed at start."
    ),
    no_browser: bool = typer.Option(False, "--no-browser", help="Do not open the web browser."),
) -> None:
    """Run sipgen as a web page: download a blank workbook, check a plan, make its documents.

    On this computer only by default. With --host 0.0.0.0 colleagues can use it too: every
    visitor then needs the link with the access token, printed when it starts.

    \b
    Examples:
      sipgen serve
      sipgen serve --port 9000 --no-browser
      sipgen serve --host 0.0.0.0
    """
    from .web import WebMissing, needs_token, web_available
    from .web import serve as run_server

    try:
        web_available()
    except WebMissing as exc:
        fail(str(exc))
    if token is not None and len(token) < 16:
        fail("--token: use at least 16 characters, so that it cannot be guessed.")
    if needs_token(host) and token is None:
        from .web.security import new_token

        token = new_token()
    try:
        run_server(host, port, token, open_browser=not no_browser, say=typer.echo)
    except OSError as exc:
        fail(f"could not listen on {host}:{port} ({exc.strerror or exc}). Try another --port.")


def run() -> None:
    """Entry point: no traceback reaches the user unless SIPGEN_DEBUG is set."""
    import gc
    import os

    # A short-lived process building thousands of rows makes few reference cycles; collecting
    # less often saves around a tenth of a large build (bench/bench.py measures it).
    gc.set_threshold(50_000, 20, 20)
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("sipgen: stopped.", err=True)
        sys.exit(130)
    except Exception as exc:  # a bug: say so plainly, keep the detail for those who ask
        if os.environ.get("SIPGEN_DEBUG"):
            raise
        typer.echo(
            f"sipgen: something went wrong inside sipgen ({type(exc).__name__}: {exc}). "
            "Set SIPGEN_DEBUG=1 to see the details and report them.",
            err=True,
        )
        sys.exit(3)
