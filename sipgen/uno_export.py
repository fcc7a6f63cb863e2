"""Convert .docx files to PDF in one LibreOffice, updating each table of contents first.

Run by :mod:`sipgen.pdf` with the Python that LibreOffice's UNO bridge belongs to, not
sipgen's own: LibreOffice's python.exe on Windows, LibreOffice.app's Contents/Resources/python
on macOS, Debian's /usr/bin/python3 with python3-uno (sipgen/office.py finds it). That Python
may be older than sipgen's, so this file keeps to the standard library and Python 3.8:

    python3 uno_export.py PROFILE_DIR [SOFFICE]

It starts LibreOffice once, prints ``{"ready": true}``, then reads one job a line on stdin,
``{"source": "in.docx", "target": "out.pdf", "anchors": ["sec_summary", ...], "filter": {...}}``
(``filter``: the PDF export's FilterData, e.g. ``{"UseTaggedPDF": true}``), and answers
each with one line on stdout: ``{"ok": true, "pages": {...}}`` (the page of each named
bookmark, and of each contents entry by its title) or ``{"ok": false, "error": "..."}``.
At the end of stdin it closes LibreOffice. A plain `soffice --convert-to pdf` prints the
table of contents as the document stored it; this rebuilds every index first.
"""

import json
import os
import subprocess
import sys
import time
import uuid


def prop(name, value):
    from com.sun.star.beans import PropertyValue

    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def say(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def start(profile, soffice="soffice"):
    """A listening LibreOffice with its own profile, and its Desktop over UNO."""
    import uno

    pipe = "sipgen" + uuid.uuid4().hex
    office = subprocess.Popen(
        [
            soffice,
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return office, context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        except Exception:
            if office.poll() is not None:
                raise SystemExit("LibreOffice stopped as it started") from None
            time.sleep(0.05)
    raise SystemExit("LibreOffice did not start within 90 seconds")


def contents_pages(document, anchors):
    """The page of each bookmark in ``anchors``, and of each contents entry by its title.

    Bookmarks come first: they are the very anchors sipgen's contents entries link to, so
    no title has to be matched (LibreOffice's index text collapses spaces, and two entries
    may share a title). The index's own lines ("Title<TAB>page") cover entries without a link.
    """
    pages = {}
    for index in _contents_indexes(document):
        for line in index.getAnchor().getString().splitlines():
            title, tab, page = line.rpartition("\t")
            if tab and page.strip().isdigit():
                pages.setdefault(" ".join(title.split()), int(page))
    bookmarks = document.getBookmarks()
    cursor = document.getCurrentController().getViewCursor()
    for name in anchors:
        if bookmarks.hasByName(name):
            cursor.gotoRange(bookmarks.getByName(name).getAnchor(), False)
            pages[name] = cursor.getPage()
    return pages


def _contents_indexes(document):
    indexes = document.getDocumentIndexes()
    found = [indexes.getByIndex(i) for i in range(indexes.getCount())]
    return [index for index in found if index.supportsService("com.sun.star.text.ContentIndex")]


def convert(desktop, job):
    import uno

    try:
        document = desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(os.path.abspath(job["source"])), "_blank", 0, (prop("Hidden", True),)
        )
    except Exception:  # LibreOffice's reasons ("type detection failed") mean nothing to a school user
        document = None
    if document is None:
        return {"ok": False, "error": "LibreOffice could not open the document"}
    try:
        indexes = document.getDocumentIndexes()
        for i in range(indexes.getCount()):
            indexes.getByIndex(i).update()
        document.getTextFields().refresh()
        document.refresh()
        pages = contents_pages(document, job.get("anchors", ()))
        filter_data = uno.Any(
            "[]com.sun.star.beans.PropertyValue", tuple(prop(k, v) for k, v in job.get("filter", {}).items())
        )
        document.storeToURL(
            uno.systemPathToFileUrl(os.path.abspath(job["target"])),
            (prop("FilterName", "writer_pdf_Export"), prop("FilterData", filter_data)),
        )
    finally:
        try:
            document.close(True)
        except Exception:  # a document that will not close is disposed of with LibreOffice
            pass
    return {"ok": True, "pages": pages}


def main(profile, soffice="soffice"):
    office, desktop = start(profile, soffice)
    try:
        say({"ready": True})
        for line in sys.stdin:
            if not line.strip():
                continue
            try:
                say(convert(desktop, json.loads(line)))
            except Exception as exc:
                say({"ok": False, "error": f"LibreOffice failed while converting it ({type(exc).__name__})"})
            if office.poll() is not None:
                return 1  # sipgen starts a new LibreOffice for the next document
        return 0
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge closes as LibreOffice quits
        try:
            office.wait(timeout=20)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
