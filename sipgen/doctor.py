"""`sipgen doctor`: whether this computer has what sipgen needs, and what to do where it has not.

:func:`run_checks` returns one :class:`Check` per thing sipgen needs or can use; the command
prints :func:`report` and exits with :func:`exit_code`. Everything printed is plain ASCII
apart from the paths themselves (a Windows console may be cp1252), and :func:`report`
replaces whatever the console cannot show rather than fail.
"""

from __future__ import annotations

import importlib
import platform
import sys
from dataclasses import dataclass
from pathlib import Path

from . import __version__, office, pdf

OK = "ok"
MISSING = "missing"
WRONG = "wrong"  # set, but set wrongly (SIPGEN_SOFFICE)
UNKNOWN = "unknown"  # sipgen cannot tell here; not counted as missing
WEB_MODULES = ("starlette", "uvicorn", "python_multipart")
HOW = {
    office.HOW_SETTING: "as SIPGEN_SOFFICE says",
    office.HOW_PATH: "found on the PATH",
    office.HOW_STANDARD: "found where its installer puts it",
}


@dataclass(frozen=True)
class Check:
    """One thing sipgen needs or can use: ``found`` says what is there, ``fix`` what to do if it is not right."""

    name: str
    status: str
    found: str
    fix: str = ""

    @property
    def ok(self) -> bool:
        return self.status not in (MISSING, WRONG)

    def line(self) -> str:
        text = f"{self.status:<8} {self.name:<13} {self.found}"
        if self.fix and self.status != OK:  # no full stop added: a command may end the line
            text += f". To fix: {self.fix[:1].upper()}{self.fix[1:]}"
        return text


def run_checks() -> list[Check]:
    """Every check, in the order printed."""
    found = office.locate_soffice()
    return [_python(), _sipgen(), _libreoffice(found), _page_numbers(found), _fonts(), _web()]


def exit_code(checks: list[Check]) -> int:
    """0 when sipgen can do everything here; 1 when something optional is missing."""
    return 0 if all(check.ok for check in checks) else 1


def report(checks: list[Check], encoding: str | None = None) -> list[str]:
    """The lines to print: one per check, then what it means; safe for a console in ``encoding``."""
    if all(check.ok for check in checks):
        summary = "All is well: sipgen can check plans, write Word documents and PDFs, and run as a web page."
    else:
        summary = "sipgen still checks plans and writes Word documents; fix the lines above to do the rest."
    lines = [f"sipgen doctor: what sipgen needs on this computer ({platform.system() or sys.platform})"]
    lines += [check.line() for check in checks] + [summary]
    return [_printable(line, encoding) for line in lines]


def _printable(text: str, encoding: str | None) -> str:
    # A path with a letter the console's code page lacks becomes "?", not a crash.
    if not encoding:
        return text
    try:
        return text.encode(encoding, "replace").decode(encoding)
    except LookupError:  # an encoding Python does not know: fall back to plain ASCII
        return text.encode("ascii", "replace").decode("ascii")


def _python() -> Check:
    where = sys.executable or "an unknown place"
    if getattr(sys, "frozen", False):  # the standalone program carries its own Python
        return Check("Python", OK, f"{platform.python_version()}, built into {where}")
    return Check("Python", OK, f"{platform.python_version()} at {where}")


def _sipgen() -> Check:
    return Check("sipgen", OK, f"{__version__} installed in {Path(__file__).parent}")


def _libreoffice(found: office.Found) -> Check:
    if found.path is not None:
        return Check("LibreOffice", OK, f"{found.path} ({HOW.get(found.how, found.how)}), for PDFs")
    if found.problem:
        return Check("LibreOffice", WRONG, "not found, so no PDFs are made", found.problem)
    return Check("LibreOffice", MISSING, "not found, so no PDFs are made (Word documents are)", office.install_hint())


def _page_numbers(found: office.Found) -> Check:
    name = "Page numbers"
    if found.path is None:
        return Check(name, MISSING, "LibreOffice (above) is needed to number the contents page", "install it first.")
    python = office.office_python(found.path)
    if python is not None:
        return Check(name, OK, f"LibreOffice's Python at {python} numbers the contents page")
    return Check(
        name,
        MISSING,
        "LibreOffice's Python bridge was not found, so a PDF's contents page has no page numbers",
        office.bridge_hint(),
    )


def _fonts() -> Check:
    families = pdf._font_families()
    if families is None:
        return Check(
            "Fonts",
            UNKNOWN,
            "sipgen cannot tell whether Calibri or Carlito is installed here",
            f"if a PDF's pages break differently from Word's, {pdf.font_advice()}",
        )
    known = {family.lower() for family in families}
    have = [name for name in ("Calibri", "Carlito") if name.lower() in known]
    if have:
        return Check("Fonts", OK, f"{' and '.join(have)} installed, so a PDF breaks its pages as Word does")
    return Check(
        "Fonts",
        MISSING,
        "neither Calibri nor its free twin Carlito is installed, so a PDF's pages may break differently from Word's",
        pdf.font_advice(),
    )


def _web() -> Check:
    missing = [name for name in WEB_MODULES if not _importable(name)]
    if not missing:
        return Check("Web page", OK, f"{_listed(WEB_MODULES)} are installed, for sipgen serve")
    return Check(
        "Web page",
        MISSING,
        f"{_listed(missing)} {'is' if len(missing) == 1 else 'are'} not installed, so sipgen serve cannot run",
        'run: pip install "sipgen[web]"',
    )


def _listed(names) -> str:
    names = list(names)
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _importable(name: str) -> bool:
    try:
        importlib.import_module(name)
    except Exception:  # a broken install fails in its own ways, not only with ImportError
        return False
    return True
