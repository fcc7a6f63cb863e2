"""--help is written for school business managers: plain names (FILE.xlsx, N, DATE), no programmers' notation."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import typer

from sipgen.cli import app

COMMANDS = [
    [],
    ["new"],
    ["check"],
    ["build"],
    ["report"],
    ["diff"],
    ["serve"],
    ["rules"],
    ["explain"],
    ["template"],
    ["template", "export"],
]
NOTATION = ["<", "{path}", "[x>=", "list[", "Path]", "<int", "<str>", "[required]"]


def help_text(words: list[str]) -> str:
    """The help as printed in a terminal 80 columns wide. (CliRunner is not used: it lays
    help out 80 wide, where a terminal of 80 columns gets 78, and so misses truncation.)"""
    done = subprocess.run(
        [sys.executable, "-m", "sipgen", *words, "--help"],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "80"},
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("words", COMMANDS, ids=lambda words: " ".join(words) or "sipgen")
def test_help_has_no_programmers_notation(words):
    text = help_text(words)
    found = [mark for mark in NOTATION if mark in text]
    assert not found, f"`sipgen {' '.join(words)} --help` shows {found}:\n{text}"
    assert all(len(line) <= 80 for line in text.splitlines())


@pytest.mark.parametrize("words", [w for w in COMMANDS if w and w != ["template"]], ids=" ".join)
def test_every_argument_and_option_has_a_plain_name_and_help(words):
    text = help_text(words)
    usage = text.splitlines()[0]
    command = typer.main.get_command(app)
    for word in words:
        command = command.commands[word]
    for param in command.params:
        if param.param_type_name == "argument":
            assert param.metavar and param.metavar in usage, param.name
        elif not param.is_flag:
            assert param.metavar, f"{'/'.join(param.opts)} has no metavar"
            assert f"{max(param.opts, key=len)} {param.metavar}" in text
        assert getattr(param, "help", None), f"{param.name} has no help"


@pytest.mark.parametrize("group", [[], ["template"]], ids=["sipgen", "template"])
def test_the_command_list_shows_each_short_help_whole(group):
    text = help_text(group)
    listing = text.split("Commands:", 1)[1].splitlines()
    command = typer.main.get_command(app)
    for word in group:
        command = command.commands[word]
    assert command.commands
    for name, sub in command.commands.items():
        short = sub.get_short_help_str(limit=1000)
        lines = [line for line in listing if line.split()[:1] == [name]]
        assert len(lines) == 1 and lines[0].split(None, 1)[1] == short, (name, short, lines)
        assert not short.endswith("..."), name
