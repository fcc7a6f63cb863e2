"""Worked example plans, as readable TOML: the source of the samples and of `sipgen new --example`.

Each file maps a sheet's key (``settings``, ``actions`` ...) to its rows, keyed by the
column fields of :mod:`sipgen.schema`.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

FOLDER = Path(__file__).parent
NAMES = ("primary", "itt", "weak")


def load(name: str) -> dict:
    """The example plan ``name`` (one of :data:`NAMES`) as a dict of sheets."""
    if name not in NAMES:
        raise KeyError(f"no example named {name!r}; choose one of {', '.join(NAMES)}")
    with (FOLDER / f"{name}.toml").open("rb") as handle:
        return tomllib.load(handle)
