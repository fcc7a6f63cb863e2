"""Writing output files so that a failure never leaves a half-written file behind."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


class OutputError(Exception):
    """The output cannot be written where asked. ``str()`` is the one-line reason."""


def check_output(path: Path, inputs: tuple[Path, ...] = ()) -> None:
    """Raise :class:`OutputError` if writing ``path`` would harm an input or cannot work."""
    for source in inputs:
        same = path.resolve() == source.resolve() or (path.exists() and source.exists() and os.path.samefile(source, path))
        if same:
            raise OutputError(f"{path}: this is the input workbook; sipgen never overwrites it. Choose another output name.")
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
    """
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(handle)
    temp = Path(temp_name)
    try:
        write(temp)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
