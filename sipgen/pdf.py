"""PDF copies of the document, made by LibreOffice when it is installed.

A :class:`Converter` keeps one LibreOffice running per worker and hands it document after
document. With LibreOffice's Python bridge (its own Python on Windows and macOS, Debian's
python3-uno on Linux; sipgen/office.py finds both) that is sipgen/uno_export.py:
it rebuilds the contents page, reports the page of each contents entry (which sipgen then
writes into the Word document) and exports a tagged PDF/UA. Without the bridge each
document is a plain `soffice --convert-to`, whose contents page has no page numbers.
"""

from __future__ import annotations

import io
import json
import os
import queue
import shutil
import signal
import subprocess
import tempfile
import threading
import zipfile
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .files import write_atomically
from .office import find_soffice, font_folder, install_hint, locate_soffice, office_python, system

# The Python that runs the helper; None: LibreOffice's own, found by office.office_python (tests set one).
UNO_PYTHON: str | None = None
HELPER = Path(__file__).with_name("uno_export.py")
TIMEOUT = 300  # seconds for one document
START_TIMEOUT = 120  # seconds for LibreOffice to start listening
WORK_ROOT: Path | None = None  # where the private profiles go; None: the system's temporary folder
# A tagged PDF/UA, for screen readers; the headings become the PDF's outline.
FILTER_DATA = {"UseTaggedPDF": True, "PDFUACompliance": True, "ExportBookmarks": True}
FONT_PACKAGE = "fonts-crosextra-carlito"
CARLITO_PAGE = "https://fonts.google.com/specimen/Carlito"
POSIX = os.name == "posix"


class PdfError(Exception):
    """No PDF could be made. ``str()`` says why and what to do."""


class _Failed(Exception):
    """This document's conversion failed; ``str()`` is the reason, in plain English."""


@dataclass
class Job:
    """Make ``pdf`` from ``docx``. ``key`` is the caller's, to match the outcome to its row."""

    docx: Path
    pdf: Path
    key: object = None


@dataclass
class Outcome:
    job: Job
    pdf: Path | None = None
    pages: dict[str, int] = field(default_factory=dict)  # contents entry (bookmark or title) -> page
    error: str = ""  # one line naming the file, when no PDF was made


def soffice() -> str | None:
    """The LibreOffice program to run (SIPGEN_SOFFICE, PATH or a standard place), or None."""
    found = find_soffice()
    return str(found) if found else None


def _uno_python(office: str | None = None) -> str | None:
    """The Python that can drive ``office`` (default: the one found) through the bridge, or None."""
    if UNO_PYTHON:
        return UNO_PYTHON
    office = office or soffice()
    python = office_python(office) if office else None
    return str(python) if python else None


def _uno_available() -> bool:
    """Whether the contents page can be numbered: LibreOffice's Python bridge is there."""
    return _uno_python() is not None


def not_installed() -> str:
    """Why no PDF was made when no LibreOffice was found, and what to do, in one line."""
    problem = locate_soffice().problem
    if problem:  # SIPGEN_SOFFICE names nothing: say so, rather than that LibreOffice is missing
        return f"no PDF was made (the Word document was): {problem}"
    return (
        "LibreOffice is not installed (or not found), so no PDF was made (the Word document was, "
        f"and Word can save it as a PDF). {install_hint()}"
    )


def __getattr__(name: str):
    # NOT_INSTALLED was a constant; computed when asked, it names this computer's way to install.
    if name == "NOT_INSTALLED":
        return not_installed()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def font_warning() -> str | None:
    """One line to show before making a PDF when neither Calibri nor Carlito is installed.

    The template is set in Calibri; LibreOffice lays a page out with the metrics of the font
    it really has, so a wider stand-in moves line and page breaks away from Word's.
    None when either font is there, or when sipgen cannot tell.
    """
    families = _font_families()
    if families is None or {"calibri", "carlito"} & {name.lower() for name in families}:
        return None
    return (
        "Neither Calibri nor its free twin Carlito is installed, so the PDF's lines and pages may break "
        f"differently from Word's; {font_advice()}"
    )


def font_advice() -> str:
    """How to install Carlito on this computer."""
    kind = system()  # a command comes last, with nothing after it, so that it can be copied as it stands
    if kind == "mac":
        return f"install Carlito from {CARLITO_PAGE}, or run: brew install --cask font-carlito"
    if kind == "windows":
        return f"install Carlito from {CARLITO_PAGE} (Calibri itself comes with Windows and Microsoft Office)."
    return f"install Carlito; on Debian or Ubuntu run: sudo apt-get install {FONT_PACKAGE}"


def _font_families() -> set[str] | None:
    """The font families LibreOffice can use, as far as sipgen can tell; None when it cannot tell.

    fontconfig knows them on Linux. Windows and macOS have no fontconfig, so their font
    folders are looked in instead, for Calibri and Carlito only.
    """
    families = _fontconfig_families()
    if families is None and system() in ("windows", "mac"):
        families = _families_in(font_folders())
    if families is None:
        return None
    office = soffice()  # LibreOffice's installers for Windows and macOS bring Carlito with them
    return families | (_families_in([font_folder(office)]) if office else set())


def _fontconfig_families() -> set[str] | None:
    """The font families fontconfig knows, or None without fontconfig."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        done = subprocess.run([fc_list, ":", "family"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return {name.strip() for line in done.stdout.splitlines() for name in line.split(",") if name.strip()}


def font_folders() -> list[Path]:
    """The folders fonts are installed in on Windows or macOS (none on Linux: fontconfig knows)."""
    kind = system()
    if kind == "windows":
        windows = os.environ.get("WINDIR") or os.environ.get("SystemRoot") or r"C:\Windows"
        folders = [Path(windows) / "Fonts"]
        if os.environ.get("LOCALAPPDATA"):  # fonts installed for one user only (Windows 10 and later)
            folders.append(Path(os.environ["LOCALAPPDATA"]) / "Microsoft" / "Windows" / "Fonts")
        return folders
    if kind == "mac":
        return [Path("/Library/Fonts"), Path.home() / "Library" / "Fonts", Path("/System/Library/Fonts")]
    return []


def _families_in(folders: Iterable[Path]) -> set[str]:
    """Calibri and Carlito, by their files' names (calibri.ttf, Carlito-Regular.ttf), in ``folders``."""
    found = set()
    for folder in folders:
        try:
            names = [entry.name.lower() for entry in os.scandir(folder)]
        except OSError:
            continue
        for family in ("Calibri", "Carlito"):
            if any(name.startswith(family.lower()) and name.endswith((".ttf", ".otf", ".ttc")) for name in names):
                found.add(family)
    return found


def pdf_job(docx: Path, key: object = None) -> Job:
    """The job making the PDF that goes beside ``docx``."""
    return Job(docx, docx.with_suffix(".pdf"), key)


def export_pdf(docx: Path, pdf: Path, *, number_contents: bool = False) -> Path:
    """Write ``pdf`` from ``docx`` with LibreOffice, contents and links included.

    With ``number_contents``, the page of each contents entry is also written into ``docx``.
    Raises :class:`PdfError` with a one-line reason when no PDF could be made.
    """
    (outcome,) = convert_all([Job(Path(docx), Path(pdf))], number_contents=number_contents)
    if outcome.error:
        raise PdfError(outcome.error)
    return Path(pdf)


def convert_all(jobs: Iterable[Job], processes: int = 1, *, number_contents: bool = True) -> list[Outcome]:
    """Every job's outcome, in the jobs' order, made by up to ``processes`` LibreOffices."""
    jobs = list(jobs)
    with Converter(min(processes, len(jobs)) or 1, number_contents=number_contents) as converter:
        for job in jobs:
            converter.submit(job)
        done = {id(outcome.job): outcome for outcome in converter.outcomes()}
    return [done[id(job)] for job in jobs]


class Converter:
    """LibreOffice processes, each converting one document after another.

    Use it as a context manager: :meth:`start` LibreOffice (or let the first :meth:`submit`
    do it), submit jobs as they become ready, then iterate :meth:`outcomes`. Leaving the
    block stops every LibreOffice it started and deletes their private profiles, whatever
    happened.
    """

    def __init__(self, processes: int = 1, *, number_contents: bool = True):
        self.number_contents = number_contents
        self._office = soffice()
        self._uno = self._office is not None and _uno_available()
        self._python = _uno_python(self._office) if self._uno else None
        self._jobs: queue.Queue[Job | None] = queue.Queue()
        self._done: queue.Queue[Outcome] = queue.Queue()
        self._submitted = 0
        self._offices: list[_Office] = []
        self._threads = [threading.Thread(target=self._work, daemon=True) for _ in range(max(1, processes))]

    def __enter__(self) -> Converter:
        return self

    def start(self) -> None:
        """Start LibreOffice now, so it is ready by the first document.

        A caller that forks worker processes must fork them first: a process forked while
        these threads run can inherit a lock one of them holds, and wait on it for ever.
        """
        for thread in self._threads:
            if thread.ident is None:
                thread.start()
        from .document import pages  # noqa: F401  (imported now, while LibreOffice starts, not on the first PDF)

    def submit(self, job: Job) -> None:
        self.start()
        self._submitted += 1
        self._jobs.put(job)

    def next_outcome(self) -> Outcome:
        """The next finished job's outcome, once it is done: for a caller submitting one job at a time
        (sipgen serve), which keeps LibreOffice running between documents."""
        return self._done.get()

    def outcomes(self) -> Iterator[Outcome]:
        """Each submitted job's outcome as it finishes. Submit nothing after calling this."""
        for _ in self._threads:
            self._jobs.put(None)
        for _ in range(self._submitted):
            yield self._done.get()
        self._submitted = 0

    def __exit__(self, *exc_info) -> None:
        if exc_info[0] is not None:  # interrupted: LibreOffice runs in its own session, so Ctrl-C misses it
            for office in list(self._offices):
                office.abort()
        for _ in self._threads:
            self._jobs.put(None)
        for thread in self._threads:
            if thread.ident is not None:
                thread.join(timeout=START_TIMEOUT)

    def _work(self) -> None:
        office, reason = self._new_office()
        try:
            if office is not None:
                office.start_soon()
            while (job := self._jobs.get()) is not None:
                self._done.put(self._convert(office, job) if office else Outcome(job, error=f"{job.pdf}: {reason}"))
        finally:
            if office is not None:
                office.stop()
                office.close()

    def _new_office(self) -> tuple[_Office | None, str]:
        """This worker's LibreOffice, or None and why every document it takes gets no PDF."""
        if self._office is None:
            return None, not_installed()
        try:
            office = _UnoOffice(self._office, self._python) if self._python else _PlainOffice(self._office)
        except OSError as exc:
            return None, f"no PDF was made: there is no room for LibreOffice's private profile ({exc})."
        self._offices.append(office)
        return office, ""

    def _convert(self, office: _Office, job: Job) -> Outcome:
        """Never raises: whatever goes wrong is the outcome's one-line error."""
        try:
            docx = job.docx.read_bytes()
            if not zipfile.is_zipfile(io.BytesIO(docx)):
                raise _Failed("its Word document is not a .docx file")
            want = self.number_contents and isinstance(office, _UnoOffice)
            made = office.next_target()
            pages = office.convert(job.docx, made, _anchors(docx) if want else [])
            if not _is_pdf(made):
                raise _Failed("LibreOffice made no PDF" + office.detail())
            write_atomically(job.pdf, lambda temp: shutil.copyfile(made, temp))
            made.unlink()
        except _Failed as exc:
            return Outcome(job, error=_line(f"{job.pdf}: {exc}; no PDF was made."))
        except OSError as exc:
            return Outcome(job, error=_line(f"{job.pdf}: no PDF was made ({exc.strerror or exc})."))
        except Exception as exc:  # one document must not stop the others
            return Outcome(job, error=_line(f"{job.pdf}: no PDF was made ({type(exc).__name__}: {exc})."))
        return self._numbered(Outcome(job, job.pdf, pages), docx)

    def _numbered(self, outcome: Outcome, docx: bytes) -> Outcome:
        """The outcome, after writing its contents page numbers into the Word document."""
        if not (self.number_contents and outcome.pages):
            return outcome
        from .document.pages import number_contents

        try:
            numbered = number_contents(docx, outcome.pages)
            if numbered != docx:
                write_atomically(outcome.job.docx, lambda temp: temp.write_bytes(numbered))
        except Exception as exc:  # the PDF is made; only the Word file's page numbers are missing
            outcome.error = _line(
                f"{outcome.job.docx}: the PDF was made, but the contents page numbers could not be written "
                f"into the Word document ({exc})."
            )
        return outcome


def _anchors(docx: bytes) -> list[str]:
    from .document.pages import contents_anchors

    return contents_anchors(docx)


def _is_pdf(path: Path) -> bool:
    # LibreOffice's exit code is unreliable: trust only a PDF that exists and looks like one.
    try:
        with path.open("rb") as file:
            return file.read(5) == b"%PDF-"
    except OSError:
        return False


def _line(text: str) -> str:
    return " ".join(text.split())


def _kill_group(process: subprocess.Popen) -> None:
    """Stop ``process`` and everything it started (LibreOffice's own children included)."""
    try:
        if POSIX:
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
    except (ProcessLookupError, PermissionError):
        pass  # all gone already
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        pass


class _Office(ABC):
    """One LibreOffice with a private profile and home, deleted by :meth:`close`.

    Two kinds: :class:`_UnoOffice` (a warm LibreOffice driven through its Python bridge) and
    :class:`_PlainOffice` (``soffice --convert-to``, where the bridge is not installed).
    """

    def __init__(self, office: str):
        self.office = office
        self.home = Path(tempfile.mkdtemp(prefix="sipgen-office-", dir=WORK_ROOT))
        self.profile = self.home / "profile"
        # HOME and XDG folders too: LibreOffice and GLib write there whatever the profile says.
        self.env = {**os.environ, "HOME": str(self.home), "XDG_CACHE_HOME": str(self.home)}
        self.env["XDG_CONFIG_HOME"] = self.env["XDG_DATA_HOME"] = str(self.home)
        self.log = self.home / "office.log"
        self._count = 0
        self._process: subprocess.Popen | None = None
        self._lock = threading.Lock()  # the worker's thread starts processes; the caller's may abort them
        self._closed = False

    def next_target(self) -> Path:
        self._count += 1
        return self.home / f"{self._count}.pdf"

    def detail(self) -> str:
        """The last thing LibreOffice said, as `` (what it said)``, or nothing."""
        try:
            lines = [line.strip() for line in self.log.read_text(errors="replace").splitlines() if line.strip()]
        except OSError:
            return ""
        said = [line for line in lines if "javaldx" not in line]  # a harmless warning on every start
        return f" ({said[-1][:200]})" if said else ""

    @abstractmethod
    def convert(self, docx: Path, made: Path, anchors: list[str]) -> dict[str, int]:
        """Write ``made`` from ``docx``; the page of each contents anchor found (empty if none)."""

    def start_soon(self) -> None:  # noqa: B027 - a hook: only the bridge gains by starting early
        """Start LibreOffice ahead of the first document, where that saves time (the bridge only)."""

    def _spawn(self, command: list[str], **options) -> subprocess.Popen:
        # In a session of its own, so that stopping it stops everything LibreOffice started.
        with self._lock:
            if self._closed:
                raise _Failed("sipgen was stopped")
            self._process = subprocess.Popen(command, env=self.env, cwd=self.home, start_new_session=POSIX, **options)
            return self._process

    def stop(self, kill: bool = False) -> None:
        with self._lock:
            process, self._process = self._process, None
        if process is None:
            return
        if not kill:
            self._let_finish(process)
        _kill_group(process)  # whatever is left

    def _let_finish(self, process: subprocess.Popen) -> None:  # noqa: B027 - a hook, as start_soon
        """Give LibreOffice a moment to quit by itself before it is stopped (the bridge asks it to)."""

    def abort(self) -> None:
        """Stop for good: the caller is giving up (interrupted)."""
        with self._lock:
            self._closed = True
        self.stop(kill=True)

    def close(self) -> None:
        shutil.rmtree(self.home, ignore_errors=True)


class _PlainOffice(_Office):
    """`soffice --convert-to` once per document: no contents update, so no page numbers."""

    def convert(self, docx: Path, made: Path, anchors: list[str]) -> dict[str, int]:
        out = self.home / "out"
        shutil.rmtree(out, ignore_errors=True)
        options = {name: {"type": "boolean", "value": str(value).lower()} for name, value in FILTER_DATA.items()}
        command = [
            *(self.office, "--headless", "--norestore", "--nologo", "--nolockcheck"),
            f"-env:UserInstallation={self.profile.as_uri()}",
            *("--convert-to", "pdf:writer_pdf_Export:" + json.dumps(options, separators=(",", ":"))),
            *("--outdir", str(out), str(docx)),
        ]
        with self.log.open("wb") as log:  # this document's messages only
            process = self._spawn(command, stdin=subprocess.DEVNULL, stdout=log, stderr=log)
        try:
            process.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            raise _Failed(f"LibreOffice took longer than {TIMEOUT:g} seconds") from None
        finally:
            self.stop(kill=True)
        produced = out / (docx.stem + ".pdf")
        if produced.exists():
            produced.replace(made)
        return {}


class _UnoOffice(_Office):
    """A listening LibreOffice driven by sipgen/uno_export.py, started once, fed job by job.

    After a crash or a timeout it is stopped; the next document starts a fresh one.
    """

    def __init__(self, office: str, python: str):
        super().__init__(office)
        self.python = python  # LibreOffice's own Python, the only one that can import uno
        self._lines: queue.Queue[str | None] = queue.Queue()

    def start_soon(self) -> None:
        """Start now, so LibreOffice is ready by the first document; a failure waits for that document."""
        try:
            self._start()
        except _Failed:
            pass

    def _start(self) -> None:
        if self._process is not None:
            return
        with self.log.open("ab") as log:
            process = self._spawn(
                [self.python, str(HELPER), str(self.profile), self.office],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=log,
                text=True,
            )
        self._lines = queue.Queue()
        threading.Thread(target=_pump, args=(process.stdout, self._lines), daemon=True).start()
        if not self._receive(START_TIMEOUT, "start").get("ready"):
            self.stop(kill=True)
            raise _Failed("LibreOffice could not be started" + self.detail())

    def convert(self, docx: Path, made: Path, anchors: list[str]) -> dict[str, int]:
        self._start()
        job = {"source": str(docx.resolve()), "target": str(made), "anchors": anchors, "filter": FILTER_DATA}
        try:
            self._process.stdin.write(json.dumps(job) + "\n")
            self._process.stdin.flush()
        except (OSError, AttributeError):  # AttributeError: aborted meanwhile, no process any more
            self.stop(kill=True)
            raise _Failed("LibreOffice stopped unexpectedly" + self.detail()) from None
        reply = self._receive(TIMEOUT, "convert the document")
        if not reply.get("ok"):
            if self._process is not None and self._process.poll() is not None:
                self.stop(kill=True)
            raise _Failed(str(reply.get("error") or "LibreOffice could not convert the document"))
        return {str(key): int(page) for key, page in (reply.get("pages") or {}).items()}

    def _let_finish(self, process: subprocess.Popen) -> None:
        try:  # at the end of its input the helper closes LibreOffice itself
            process.stdin.close()
            process.wait(timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            pass

    def _receive(self, timeout: float, doing: str) -> dict:
        """The helper's next reply; a timeout or its end stops it and fails the document."""
        try:
            line = self._lines.get(timeout=timeout)
        except queue.Empty:
            self.stop(kill=True)
            raise _Failed(f"LibreOffice took longer than {timeout:g} seconds to {doing}") from None
        if line is None:
            self.stop(kill=True)
            raise _Failed("LibreOffice stopped unexpectedly" + self.detail())
        try:
            return json.loads(line)
        except ValueError:
            self.stop(kill=True)
            raise _Failed("LibreOffice's helper gave an answer sipgen cannot read") from None


def _pump(stream, lines: queue.Queue) -> None:
    """Pass the helper's JSON replies on, then None when it ends (its other output is ignored)."""
    try:
        for line in stream:
            if line.startswith("{"):
                lines.put(line)
    except (OSError, ValueError):
        pass
    finally:
        lines.put(None)
