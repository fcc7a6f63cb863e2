"""Word XML fragments for the document: text runs, internal links and bookmarks.

User text only ever reaches Word through :func:`clean` and XML escaping here (or Jinja's
autoescape for plain values), so braces, angle brackets and ampersands stay text.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from markupsafe import Markup

from ..references import find_refs
from ..values import CONTROL_CHARACTERS

# Characters XML 1.0 cannot hold (and the bell and form feed that docxtpl would turn into
# new paragraphs and page breaks): they are dropped.
_ILLEGAL = CONTROL_CHARACTERS
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9_]")


def clean(text: object) -> str:
    """``text`` as a string XML can hold."""
    return _ILLEGAL.sub("", "" if text is None else str(text))


def flat(text: object) -> str:
    """``text`` on one line, for titles and document properties."""
    return " ".join(clean(text).split())


def _xml_text(text: object) -> str:
    # Line breaks and tabs become Word's own elements here, so docxtpl need not look for them.
    return (
        escape(clean(text).replace("\r\n", "\n").replace("\r", "\n"))
        .replace("\n", '</w:t><w:br/><w:t xml:space="preserve">')
        .replace("\t", '</w:t><w:tab/><w:t xml:space="preserve">')
    )


def plain(text: object) -> Markup:
    """User text for a ``{{ }}`` inside a template's run: escaped, line breaks kept."""
    return Markup(_xml_text(text))


def run(text: str, bold: bool = False, italic: bool = False, style: str | None = None) -> str:
    props = (
        (f'<w:rStyle w:val="{style}"/>' if style else "") + ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    )
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{_xml_text(text)}</w:t></w:r>'


def chip(text: str, fill: str) -> str:
    """A run on a coloured ground, such as a RAG rating in a row of them."""
    return (
        f'<w:r><w:rPr><w:b/><w:shd w:val="clear" w:color="auto" w:fill="{fill}"/></w:rPr>'
        f'<w:t xml:space="preserve"> {_xml_text(text)} </w:t></w:r>'
    )


def link(text: str, anchor: str, bold: bool = False) -> str:
    """A clickable internal link; the Hyperlink character style makes it a PDF link too."""
    return f'<w:hyperlink w:anchor="{anchor}" w:history="1">{run(text, bold=bold, style="Hyperlink")}</w:hyperlink>'


class Anchors:
    """Bookmark names for plan references and initials, and unique bookmark ids."""

    def __init__(self, refs: list[str], initials: list[str]):
        self.refs = {ref: "ref_" + _UNSAFE_NAME.sub("_", ref) for ref in refs}
        self.people: dict[str, str] = {}
        used: set[str] = set()
        for initials_text in initials:
            key = initials_text.casefold()
            if key in self.people:
                continue
            name = ("key_" + _UNSAFE_NAME.sub("_", initials_text))[:36]
            while name in used:
                name += "_"
            used.add(name)
            self.people[key] = name
        self._next_id = 0
        # Each bookmark is placed once: a second row with the same reference (WB005) gets none.
        self._placed: set[str] = set()

    def bookmark(self, name: str, inner: str) -> str:
        self._next_id += 1
        n = self._next_id
        return f'<w:bookmarkStart w:id="{n}" w:name="{name}"/>{inner}<w:bookmarkEnd w:id="{n}"/>'

    def text(self, text: str, bold: bool = False) -> Markup:
        """Runs of ``text`` in which every known plan reference is a link to its bookmark."""
        text = clean(text)
        parts: list[str] = []
        last = 0
        for match in find_refs(text):
            anchor = self.refs.get(match.group(0))
            if anchor is None:
                continue
            if match.start() > last:
                parts.append(run(text[last : match.start()], bold=bold))
            parts.append(link(match.group(0), anchor, bold=bold))
            last = match.end()
        if last < len(text) or not parts:
            parts.append(run(text[last:], bold=bold))
        return Markup("".join(parts))

    def ref(self, ref: str, bold: bool = False) -> Markup:
        """A reference as a link, or as plain text when it is not in the plan."""
        anchor = self.refs.get(ref)
        return Markup(link(ref, anchor, bold) if anchor else run(ref, bold))

    def refs_list(self, refs) -> Markup:
        return Markup(run(", ").join(self.ref(r) for r in refs))

    def initials(self, people) -> Markup:
        """Initials, each a link to its line in the key."""
        pieces = []
        for initials in people:
            anchor = self.people.get(initials.casefold())
            pieces.append(link(initials, anchor) if anchor else run(initials))
        return Markup(run(", ").join(pieces))

    def target(self, ref: str, label: str, bold: bool = True) -> Markup:
        """``label`` with the bookmark of ``ref`` around it (where links to ``ref`` land)."""
        anchor = self.refs.get(ref)
        inner = run(label, bold=bold)
        if anchor is None or anchor in self._placed:
            return Markup(inner)
        self._placed.add(anchor)
        return Markup(self.bookmark(anchor, inner))

    def heading(self, name: str, label: str) -> Markup:
        return Markup(self.bookmark(name, run(label)))


# The diff's markup of a rewording ("[-16-] {+20+}"), read as a governor reads a change.
_REPLACED = re.compile(r"\[-(.*?)-\] \{\+(.*?)\+\}", re.S)
_REMOVED = re.compile(r"\[-(.*?)-\]", re.S)
_ADDED = re.compile(r"\{\+(.*?)\+\}", re.S)


def readable(text: str) -> str:
    """A change's words without the diff's markup: "16 → 20 sessions", "(removed: weekly)"."""
    text = _REPLACED.sub(lambda m: f"{m.group(1)} → {m.group(2)}", text)
    text = _REMOVED.sub(lambda m: f"(removed: {m.group(1)})", text)
    return _ADDED.sub(lambda m: m.group(1), text)
