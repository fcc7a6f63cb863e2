"""WordprocessingML in the element order ISO/IEC 29500 (ECMA-376) requires.

The standard fixes the order of the children of most property elements (an xsd:sequence:
a cell's w:tcW before its w:shd, a paragraph's w:pStyle first). Word answers markup out of
order with a "unreadable content" repair prompt, though LibreOffice reads it. docxtpl writes
some of it out of order ({% cellbg %} puts w:shd first in w:tcPr, {% colspan %} w:gridSpan),
and a user's template may bring more, so every property element is put in order here by
the order its type declares, rather than by one-off fixes.

:data:`ORDER` is copied from the transitional schema (wml.xsd); tests/test_ooxml.py checks it
against the schema, so a typo here fails a test.
"""

from __future__ import annotations

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_PREFIXES = {
    "w": W,
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "sl": "http://schemas.openxmlformats.org/schemaLibrary/2006/main",
}

# Children of each element in schema order (its complex type flattened: base types and groups
# expanded; a choice lists its elements in the order declared, the order Word writes them).
# Where one tag has several types (w:rPr of a run and of a paragraph mark), the widest is given;
# the others are subsequences of it.
ORDER = {
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs "
    "suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd "
    "snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
    "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "rPr": "ins del moveFrom moveTo rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss "
    "imprint noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd "
    "fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath rPrChange",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign hideMark "
    "headers cellIns cellDel cellMerge tcPrChange",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc tblCellSpacing "
    "tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription tblPrChange",
    "trPr": "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader tblCellSpacing jc hidden "
    "ins del trPrChange",
    "tblPrEx": "tblW jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblPrExChange",
    "sectPr": "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType "
    "pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid printerSettings "
    "sectPrChange",
    "tblBorders": "top start left bottom end right insideH insideV",
    "tcBorders": "top start left bottom end right insideH insideV tl2br tr2bl",
    "pBdr": "top left bottom right between bar",
    "tblCellMar": "top start left bottom end right",
    "tcMar": "top start left bottom end right",
    "numPr": "ilvl numId numberingChange ins",
    "settings": "writeProtection view zoom removePersonalInformation removeDateAndTime doNotDisplayPageBoundaries "
    "displayBackgroundShape printPostScriptOverText printFractionalCharacterWidth printFormsData embedTrueTypeFonts "
    "embedSystemFonts saveSubsetFonts saveFormsData mirrorMargins alignBordersAndEdges bordersDoNotSurroundHeader "
    "bordersDoNotSurroundFooter gutterAtTop hideSpellingErrors hideGrammaticalErrors activeWritingStyle proofState "
    "formsDesign attachedTemplate linkStyles stylePaneFormatFilter stylePaneSortMethod documentType mailMerge "
    "revisionView trackRevisions doNotTrackMoves doNotTrackFormatting documentProtection autoFormatOverride "
    "styleLockTheme styleLockQFSet defaultTabStop autoHyphenation consecutiveHyphenLimit hyphenationZone "
    "doNotHyphenateCaps showEnvelope summaryLength clickAndTypeStyle defaultTableStyle evenAndOddHeaders "
    "bookFoldRevPrinting bookFoldPrinting bookFoldPrintingSheets drawingGridHorizontalSpacing "
    "drawingGridVerticalSpacing displayHorizontalDrawingGridEvery displayVerticalDrawingGridEvery "
    "doNotUseMarginsForDrawingGridOrigin drawingGridHorizontalOrigin drawingGridVerticalOrigin doNotShadeFormData "
    "noPunctuationKerning characterSpacingControl printTwoOnOne strictFirstAndLastChars noLineBreaksAfter "
    "noLineBreaksBefore savePreviewPicture doNotValidateAgainstSchema saveInvalidXml ignoreMixedContent "
    "alwaysShowPlaceholderText doNotDemarcateInvalidXml saveXmlDataOnly useXSLTWhenSaving saveThroughXslt "
    "showXMLTags alwaysMergeEmptyNamespace updateFields hdrShapeDefaults footnotePr endnotePr compat docVars rsids "
    "m:mathPr attachedSchema themeFontLang clrSchemeMapping doNotIncludeSubdocsInStats doNotAutoCompressPictures "
    "forceUpgrade captions readModeInkLockDown smartTagType sl:schemaLibrary shapeDefaults doNotEmbedSmartTags "
    "decimalSymbol listSeparator",
    "styles": "docDefaults latentStyles style",
    "docDefaults": "rPrDefault pPrDefault",
    "style": "name aliases basedOn next link autoRedefine hidden uiPriority semiHidden unhideWhenUsed qFormat locked "
    "personal personalCompose personalReply rsid pPr rPr tblPr trPr tcPr tblStylePr",
    "tblStylePr": "pPr rPr tblPr trPr tcPr",
    "numbering": "numPicBullet abstractNum num numIdMacAtCleanup",
    "abstractNum": "nsid multiLevelType tmpl name styleLink numStyleLink lvl",
    "lvl": "start numFmt lvlRestart pStyle isLgl suff lvlText lvlPicBulletId legacy lvlJc pPr rPr",
    "num": "abstractNumId lvlOverride",
    "lvlOverride": "startOverride lvl",
}


def _clark(name: str) -> str:
    prefix, _, local = name.rpartition(":")
    return f"{{{_PREFIXES[prefix or 'w']}}}{local}"


# {parent tag: {child tag: rank}}, in Clark notation as lxml gives tags.
_RANKS = {
    _clark(parent): {_clark(child): rank for rank, child in reversed(list(enumerate(children.split())))}
    for parent, children in ORDER.items()
}
_W_TAG = f"{{{W}}}"
# Elements whose content is text; any other WordprocessingML element holds elements only.
_TEXT = ("t", "delText", "instrText", "delInstrText", "fldData")
# Every text node but those of w:t and its kind (one pass over the tree, in C; 0.06 s for a 10 MB body).
# Compiled, as python-docx's elements have their own xpath() without a namespaces argument.
_TEXT_NODES = etree.XPath(
    "descendant::text()[not(" + " or ".join(f"parent::w:{name}" for name in _TEXT) + ")][normalize-space()]",
    namespaces={"w": W},
)


def fix_order(root) -> int:
    """Put the children of every property element in ``root`` (itself included) in schema order.

    Returns how many elements were reordered. Children the schema does not name (Word's w14
    extensions, say) keep their place after the sibling they follow.
    """
    seen: dict[tuple, list[int] | None] = {}
    changed = 0
    for element in root.iter(*_RANKS):
        if len(element) < 2:
            continue  # most run and cell properties: nothing to order
        tags = tuple(child.tag for child in element)
        key = (element.tag, tags)
        if key not in seen:
            seen[key] = _permutation(_RANKS[element.tag], tags)
        order = seen[key]
        if order is not None:
            children = list(element)
            element[:] = [children[i] for i in order]
            changed += 1
    return changed


def _permutation(ranks: dict[str, int], tags: tuple) -> list[int] | None:
    """The order to put children with these tags in, or None when they already are."""
    keys, last = [], -1
    for tag in tags:
        last = ranks.get(tag, last)  # an unknown child (or a comment) stays after its predecessor
        keys.append(last)
    if all(a <= b for a, b in zip(keys, keys[1:], strict=False)):
        return None
    return sorted(range(len(tags)), key=keys.__getitem__)


def drop_stray_text(root) -> int:
    """Remove text standing directly in elements that hold only elements (a w:p, a w:tc).

    Such text is never shown and makes the part invalid. It can only come from markup built
    as a string and escaped once too often; returns how many pieces were removed.
    """
    stray = 0
    for text in _TEXT_NODES(root):
        owner = text.getparent()  # the element holding the text as its .text or its .tail
        holder = owner.getparent() if text.is_tail else owner
        if holder is None or not str(holder.tag).startswith(_W_TAG):
            continue  # DrawingML and other vocabularies keep their text (a chart's c:v)
        if text.is_tail:
            owner.tail = None
        else:
            owner.text = None
        stray += 1
    return stray


def keep_last_rows_together(root) -> int:
    """Keep the last two rows of each table on one page (every paragraph of the second-to-last
    row kept with the next), so no table leaves a single row overleaf; return how many tables.

    Done on the rendered body, where the rows exist: the template has one row a loop."""
    kept = 0
    for table in root.iter(f"{_W_TAG}tbl"):
        rows = table.findall(f"{_W_TAG}tr")
        if len(rows) < 3:  # a header and one row: the header row is kept with it already
            continue
        for paragraph in rows[-2].iter(f"{_W_TAG}p"):
            properties = paragraph.find(f"{_W_TAG}pPr")
            if properties is None:
                properties = etree.SubElement(paragraph, f"{_W_TAG}pPr")
                paragraph.insert(0, properties)
            if properties.find(f"{_W_TAG}keepNext") is None:
                properties.insert(0, etree.Element(f"{_W_TAG}keepNext"))
        kept += 1
    return kept
