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
    lock = folder / f"~${path.name[2:] if len(path.name) > 2 else path.name}"
    if lock.exists() or (folder / f"~${path.name}").exists():
        raise OutputError(f"{path}: the file is open in Word or Excel. Close it and try again.")


def write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Call ``write`` on a temporary file beside ``path``, then move it into place.

    If ``write`` fails, the temporary file is removed and ``path`` is left as it was.
    The file gets the permissions any new file gets (0o666 less the umask), or, when it
    replaces a file, that file's permissions: colleagues who could open it still can.
    """
    temp = _new_temp_file(path)
    try:
        _keep_mode(path, temp)
        write(temp)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


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
    """Give ``temp`` the permissions of the file at ``path``, if there is one."""
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode) & 0o777
    except OSError:  # no file to replace
        return
    try:
        os.chmod(temp, mode)
    except OSError:  # some network drives do not support permissions; the file is still written
        pass
