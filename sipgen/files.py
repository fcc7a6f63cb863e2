"""Writing output files so that a failure never leaves a half-written file behind."""

from __future__ import annotations

import errno
import os
import secrets
import stat
from collections.abc import Callable
from pathlib import Path


class OutputError(Exception):
    """The output cannot be written where asked. ``str()`` is the one-line reason."""


class OutputLocked(OutputError, PermissionError):
    """The output is there but cannot be replaced: it is read-only, or open in another program.

    Also a :class:`PermissionError`, so that code catching ``OSError`` around a write still catches it.
    """


def _another_name(path: Path) -> str:
    # Documents (and their PDFs) are named with -o; other files by the command's own argument.
    return "choose another name" + (" with -o" if path.suffix.lower() in (".docx", ".pdf") else "")


def is_read_only(path: Path) -> bool:
    """True if ``path`` is a file whose own mode has no write bit for its owner.

    This is how Windows shows its read-only attribute. ``os.access`` is not asked: it says
    yes to an administrator, who could write the file but would then change a read-only one.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return stat.S_ISREG(mode) and not mode & stat.S_IWUSR


def refuse_read_only(path: Path) -> None:
    """Raise :class:`OutputLocked` if ``path`` is a read-only file."""
    if is_read_only(path):
        raise OutputLocked(f"{path} is read-only: make it writable, or {_another_name(path)}.")


def check_output(path: Path, inputs: tuple[Path, ...] = ()) -> None:
    """Raise :class:`OutputError` if writing ``path`` would harm an input or cannot work."""
    for source in inputs:
        same = path.resolve() == source.resolve() or (
            path.exists() and source.exists() and os.path.samefile(source, path)
        )
        if same:
            raise OutputError(
                f"{path}: this is the input workbook; sipgen never overwrites it. Choose another output name."
            )
    if path.is_dir():
        raise OutputError(f"{path}: this is a folder. Give a file name, e.g. {path / 'plan.xlsx'}.")
    folder = path.parent
    if not folder.exists():
        raise OutputError(f"{path}: the folder {folder} does not exist. Create it first, or choose another place.")
    if not os.access(folder, os.W_OK):
        raise OutputError(f"{path}: sipgen is not allowed to write in the folder {folder}.")
    refuse_read_only(path)
    lock = folder / f"~${path.name[2:] if len(path.name) > 2 else path.name}"
    if lock.exists() or (folder / f"~${path.name}").exists():
        raise OutputError(f"{path}: the file is open in Word or Excel. Close it and try again.")


def write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Call ``write`` on a temporary file beside ``path``, then move it into place.

    If ``write`` fails, the temporary file is removed and ``path`` is left as it was.
    The file gets the permissions any new file gets (0o666 less the umask), or, when it
    replaces a file, that file's permissions: colleagues who could open it still can.
    Raises :class:`OutputLocked` if ``path`` is read-only or cannot be replaced (on Windows,
    because it is open in another program).
    """
    refuse_read_only(path)
    temp = _new_temp_file(path)
    try:
        _keep_mode(path, temp)
        write(temp)
        _replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _replace(temp: Path, path: Path) -> None:
    """Move ``temp`` onto ``path``; a refusal becomes one plain line naming the file."""
    try:
        os.replace(temp, path)
    except PermissionError:
        refuse_read_only(path)
        if os.name == "nt":  # Windows refuses to replace a file another program has open
            reason = f"{path} is open in another program (Word?): close it"
        else:
            reason = f"{path} could not be replaced: it may be open in another program, or belong to someone else"
        raise OutputLocked(f"{reason}, or {_another_name(path)}.") from None


def _new_temp_file(path: Path) -> Path:
    """A new empty file beside ``path``, named ``.NAME.RANDOM.part``.

    Created with mode 0o666 so the system applies the umask (or the folder's default ACL),
    as for any new file. (tempfile.mkstemp would make it 0600; reading the umask instead
    means setting it, which is not safe while other threads create files.)
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        temp = path.parent / f".{path.name}.{secrets.token_hex(4)}.part"
        try:
            os.close(os.open(temp, flags, 0o666))
        except FileExistsError:
            continue
        return temp
    raise FileExistsError(errno.EEXIST, "no free name for a temporary file", str(path.parent))


def _keep_mode(path: Path, temp: Path) -> None:
    """Give ``temp`` the permissions of the file at ``path``, if there is one (never read-only)."""
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode) & 0o777 | stat.S_IWUSR
    except OSError:  # no file to replace
        return
    try:
        os.chmod(temp, mode)
    except OSError:  # some network drives do not support permissions; the file is still written
        pass
