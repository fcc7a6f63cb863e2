"""The colours sipgen uses, in one place: the workbook, the annotated copy and the document match.

Colours are hex RGB as Excel and Word write them.
"""

from __future__ import annotations

# The plan's accent: header rows in the workbook, table headers and headings in the document.
ACCENT = "1F4E79"
ON_ACCENT = "FFFFFF"  # text on the accent
FORM_LABEL_FILL = "DDEBF7"
HELP_TEXT = "595959"
NO_FILL = "FFFFFF"
# A RAG rating's cell shading, light enough for the word in it to stay readable.
RAG_FILLS = {"Red": "F4B6B6", "Amber": "FFE199", "Green": "B7E1B0"}
# Links in the document: the accent, not underlined, so a page of references reads as text
# rather than a wall of blue; still a colour apart from the black body text.
LINK = ACCENT
# The DRAFT mark on the cover and on every page of a plan not yet approved.
DRAFT_RED = "C00000"
