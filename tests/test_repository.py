"""The repository as a newcomer meets it: the README's commands are the ones CI runs."""

from __future__ import annotations

import re

from .conftest import ROOT


def _readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Try it on a fresh machine", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_ci_runs_the_readmes_test_command():
    commands = _readme_commands()
    assert len(commands) >= 2, "the README gives one command to try sipgen and one to test it"
    test_command = next(c for c in commands if "--test" in c)
    assert "ruff check" in test_command and "pytest" in test_command
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_generated_files_are_ignored():
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    for pattern in ("*.egg-info/", ".venv/", "/build/", "/dist/", "__pycache__/"):
        assert pattern in ignored
