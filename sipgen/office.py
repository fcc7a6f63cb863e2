"""Where LibreOffice lives on Windows, macOS and Linux, and the Python that can drive it.

sipgen makes PDFs with LibreOffice's ``soffice`` program. It is looked for, in order:

1. the ``SIPGEN_SOFFICE`` environment variable, for a LibreOffice installed somewhere unusual;
2. the PATH (``soffice``, ``libreoffice``; on Windows also ``soffice.exe`` and ``soffice.com``);
3. the places LibreOffice's own installers use on each system.

Numbering the contents page needs LibreOffice's Python bridge (``import uno``). It belongs
to one Python only: on Windows the ``python.exe`` beside ``soffice.exe``; on macOS the
``Contents/Resources/python`` launcher in LibreOffice.app (LibreOffice's source,
pyuno/Package_python_shell.mk, installs it into the bundle's Resources folder there and into
``program/`` elsewhere); on Debian and Ubuntu the system's ``/usr/bin/python3`` with
``python3-uno``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ENV = "SIPGEN_SOFFICE"
DOWNLOAD = "https://www.libreoffice.org/download/"
WINGET_ID = "TheDocumentFoundation.LibreOffice"
# Where sipgen looks; module constants so that tests can move them under a temporary folder.
MAC_APPLICATIONS = Path("/Applications")
LINUX_PROGRAM = Path("/usr/lib/libreoffice/program/soffice")
LINUX_OPT = Path("/opt")
SYSTEM_PYTHON = Path("/usr/bin/python3")
DEBIAN_MARKER = Path("/etc/debian_version")  # Ubuntu has it too
CHECK_TIMEOUT = 60  # seconds for a Python to say whether it can import uno

HOW_SETTING = "SIPGEN_SOFFICE"
HOW_PATH = "PATH"
HOW_STANDARD = "a standard place"

_WITH_UNO: set[tuple[str, int]] = set()  # (python, its modification time) known to import uno


@dataclass(frozen=True)
class Found:
    """Where soffice is (``path`` None: nowhere), how it was found, and what is wrong, if anything.

    ``problem`` is set when SIPGEN_SOFFICE names no LibreOffice: that is reported to the
    user rather than quietly replaced by another LibreOffice they did not ask for.
    """

    path: Path | None
    how: str = ""
    problem: str = ""


def system() -> str:
    """The kind of system: windows, mac or linux (any other Unix counts as Linux)."""
    if sys.platform.startswith(("win32", "cygwin")):
        return "windows"
    if sys.platform == "darwin":
        return "mac"
    return "linux"


def locate_soffice() -> Found:
    """Where LibreOffice is, and how it was found: SIPGEN_SOFFICE, then PATH, then a standard place."""
    setting = os.environ.get(ENV, "").strip().strip('"').strip("'")
    if setting:
        return _from_setting(setting)
    for name in _path_names():
        found = shutil.which(name)
        if found:
            return Found(Path(found), HOW_PATH)
    for place in _standard_places():
        if _runnable(place):
            return Found(place, HOW_STANDARD)
    return Found(None)


def find_soffice() -> Path | None:
    """The soffice program to run, or None (then :func:`locate_soffice` says why)."""
    return locate_soffice().path


def _from_setting(setting: str) -> Found:
    given = Path(os.path.expanduser(setting))
    # A folder is accepted too: people often give LibreOffice's folder or LibreOffice.app.
    name = "soffice.exe" if system() == "windows" else "soffice"
    for candidate in (given, given / name, given / "program" / name, given / "Contents" / "MacOS" / name):
        if _runnable(candidate):
            return Found(candidate, HOW_SETTING)
    problem = (  # the example path comes last, with nothing after it, so that it can be copied
        f'{ENV} is set to "{setting}", but there is no LibreOffice there. Remove it, or set it to '
        f"the full path of LibreOffice's {name}, for example: {_standard_places()[0]}"
    )
    return Found(None, HOW_SETTING, problem)


def _path_names() -> tuple[str, ...]:
    if system() == "windows":  # LibreOffice's installer does not add itself to PATH, but people do
        return ("soffice.exe", "soffice.com", "soffice", "libreoffice")
    return ("soffice", "libreoffice")


def _standard_places() -> list[Path]:
    """Where LibreOffice's installers put soffice on this system, most usual first."""
    kind = system()
    if kind == "windows":
        # ProgramW6432 is the 64-bit Program Files even when this Python is 32-bit (whose
        # ProgramFiles is then the x86 one): a 64-bit LibreOffice is preferred where both are.
        names = ("ProgramW6432", "ProgramFiles", "ProgramFiles(x86)")
        roots = dict.fromkeys(os.environ[name] for name in names if os.environ.get(name))
        roots = roots or {r"C:\Program Files": None}
        return [Path(root) / "LibreOffice" / "program" / "soffice.exe" for root in roots]
    if kind == "mac":
        bundle = Path("LibreOffice.app", "Contents", "MacOS", "soffice")
        return [MAC_APPLICATIONS / bundle, Path.home() / "Applications" / bundle]
    # The Document Foundation's own packages go to /opt/libreofficeX.Y; the newest first.
    # Snap and Flatpak are left out: their sandboxes hide sipgen's temporary folder from LibreOffice.
    opt = sorted(LINUX_OPT.glob("libreoffice*/program/soffice"), key=lambda p: _version_key(p.parts[-3]))
    return [LINUX_PROGRAM, *reversed(opt)]


def _version_key(folder: str) -> tuple[int, ...]:
    """libreoffice7.10 sorts after libreoffice7.9."""
    digits = folder.removeprefix("libreoffice").split(".")
    return tuple(int(part) if part.isdigit() else -1 for part in digits)


def _runnable(path: Path) -> bool:
    try:
        if not path.is_file():
            return False
    except OSError:
        return False
    # Windows has no execute permission to test; elsewhere a file that cannot be run is no use.
    return system() == "windows" or os.access(path, os.X_OK)


def office_python(soffice: Path | str) -> Path | None:
    """LibreOffice's own Python, which can ``import uno``, for the soffice given; or None.

    Never /usr/bin/python3 on a Mac: there it is a stub that opens a dialog offering to
    install Apple's developer tools.
    """
    real = _resolved(Path(soffice))  # a PATH entry is often a link into the installation
    kind = system()
    if kind == "windows":
        candidates = [real.parent / "python.exe"]
    elif kind == "mac":
        # LibreOffice.app/Contents/MacOS/soffice -> LibreOffice.app/Contents/Resources/python
        candidates = [real.parent.parent / "Resources" / "python"]
    else:
        # The Document Foundation's packages bring their own; Debian's use the system's Python.
        candidates = [real.parent / "python", SYSTEM_PYTHON]
    return next((python for python in candidates if imports_uno(python)), None)


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path


def imports_uno(python: Path) -> bool:
    """Whether ``python`` runs and can import LibreOffice's bridge.

    A success is remembered for as long as the program file is unchanged: starting
    LibreOffice's Python takes a second or more on a slow school PC.
    """
    try:
        if not python.is_file():
            return False
        key = (str(python), python.stat().st_mtime_ns)
    except OSError:
        return False
    if key in _WITH_UNO:
        return True
    try:
        done = subprocess.run(
            [str(python), "-c", "import uno"],
            capture_output=True,
            timeout=CHECK_TIMEOUT,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),  # no console flashing up on Windows
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    if done.returncode == 0:
        _WITH_UNO.add(key)
    return done.returncode == 0


def install_hint() -> str:
    """One line telling the user how to install LibreOffice on this computer.

    A command comes last, with nothing after it, so that it can be copied as it stands.
    """
    kind = system()
    elsewhere = f"or set {ENV} to the full path of its {{}} if it is installed somewhere else"
    if kind == "windows":
        where = elsewhere.format("soffice.exe")
        return f"Install LibreOffice from {DOWNLOAD} ({where}), or run: winget install {WINGET_ID}"
    if kind == "mac":
        where = elsewhere.format("soffice, in LibreOffice.app/Contents/MacOS,")
        return f"Install LibreOffice from {DOWNLOAD} ({where}), or run: brew install --cask libreoffice"
    where = elsewhere.format("soffice")
    if DEBIAN_MARKER.exists():
        return f"Install LibreOffice ({where}); run: sudo apt-get install libreoffice-writer-nogui python3-uno"
    return f"Install LibreOffice Writer with your system's package manager or from {DOWNLOAD} ({where})."


def bridge_hint() -> str:
    """What to do when LibreOffice is there but its Python bridge is not (a command comes last)."""
    if system() in ("windows", "mac"):
        return f"reinstall LibreOffice from {DOWNLOAD}: its Python comes with it."
    if DEBIAN_MARKER.exists():
        return "run: sudo apt-get install python3-uno"
    return "install LibreOffice's Python bridge with your package manager (it is often called python3-uno)."


def font_folder(soffice: Path | str) -> Path:
    """The fonts LibreOffice brings itself (Carlito among them, in its Windows and Mac installers)."""
    real = _resolved(Path(soffice))
    if system() == "mac":
        return real.parent.parent / "Resources" / "fonts" / "truetype"
    return real.parent.parent / "share" / "fonts" / "truetype"
