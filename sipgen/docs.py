"""Reference text generated from the declarations: the README's table of sheets and of rules.

``python -m sipgen.docs README.md`` rewrites the generated parts of the README in place;
a test fails when they differ from what the schema and the rule catalogue say.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from .schema import SHEETS
from .terms import SCHOOL, word

MARKERS = {
    "sheets": ("<!-- sheets:start -->", "<!-- sheets:end -->"),
    "headers": ("<!-- headers:start -->", "<!-- headers:end -->"),
    "rules": ("<!-- rules:start -->", "<!-- rules:end -->"),
}


def sheets_table() -> str:
    """One row for each sheet: its name, purpose and columns (required ones in bold)."""
    lines = ["| sheet | what it holds | columns (**required**) |", "|---|---|---|"]
    for sheet in SHEETS:
        columns = ", ".join(
            f"**{word(c.header, SCHOOL)}**" if c.required else word(c.header, SCHOOL) for c in sheet.columns
        )
        kind = " (one setting a row)" if sheet.form else ""
        lines.append(f"| {sheet.name}{kind} | {word(sheet.purpose, SCHOOL)} | {columns} |")
    return "\n".join(lines)


def headers_table() -> str:
    """The other headers sipgen reads for each column, so people can keep their own words."""
    lines = ["| sheet | column | also read under these headers |", "|---|---|---|"]
    for sheet in SHEETS:
        for column in sheet.columns:
            if column.aliases and not sheet.form:
                lines.append(f"| {sheet.name} | {word(column.header, SCHOOL)} | {', '.join(column.aliases)} |")
    return "\n".join(lines)


def rules_table() -> str:
    """One row for each rule: code, severity, what it finds, and its source."""
    from .rules import RULES

    lines = ["| code | severity | what it finds | source |", "|---|---|---|---|"]
    for declared in RULES.values():
        lines.append(f"| {declared.code} | {declared.severity.value} | {declared.summary} | {declared.source} |")
    return "\n".join(lines)


GENERATORS = {"sheets": sheets_table, "headers": headers_table, "rules": rules_table}


def render(text: str) -> str:
    """``text`` with every generated block replaced by what the declarations say now."""
    for name, (start, end) in MARKERS.items():
        pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.S)
        text = pattern.sub(lambda _m, n=name, s=start, e=end: f"{s}\n{GENERATORS[n]()}\n{e}", text)
    return text


def main(argv: list[str]) -> int:
    path = Path(argv[0] if argv else "README.md")
    text = path.read_text(encoding="utf-8")
    path.write_text(render(text), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
