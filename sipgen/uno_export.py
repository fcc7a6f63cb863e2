"""Export a .docx to PDF through LibreOffice, updating its table of contents first.

Run by :mod:`sipgen.pdf` with the Python that LibreOffice's UNO bridge belongs to (Debian's
/usr/bin/python3 with python3-uno), not sipgen's own:

    python3 uno_export.py INPUT.docx OUTPUT.pdf PROFILE_DIR

A plain `soffice --convert-to pdf` prints the table of contents as the document stored it;
this asks LibreOffice to rebuild every index, so the PDF has real page numbers.
"""

import os
import subprocess
import sys
import time
import uuid


def main(source, target, profile):
    import uno
    from com.sun.star.beans import PropertyValue

    def prop(name, value):
        p = PropertyValue()
        p.Name, p.Value = name, value
        return p

    pipe = "sipgen" + uuid.uuid4().hex
    office = subprocess.Popen(
        [
            "soffice",
            "--headless",
            "--norestore",
            "--nologo",
            "--nodefault",
            "-env:UserInstallation=file://" + profile,
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        context = None
        for _ in range(300):
            try:
                context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                if office.poll() is not None:
                    raise SystemExit("LibreOffice stopped before it could convert the document") from None
                time.sleep(0.1)
        if context is None:
            raise SystemExit("LibreOffice did not start in time")
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        document = desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(os.path.abspath(source)), "_blank", 0, (prop("Hidden", True),)
        )
        if document is None:
            raise SystemExit("LibreOffice could not open the document")
        indexes = document.getDocumentIndexes()
        for i in range(indexes.getCount()):
            indexes.getByIndex(i).update()
        document.getTextFields().refresh()
        document.refresh()
        document.storeToURL(
            uno.systemPathToFileUrl(os.path.abspath(target)), (prop("FilterName", "writer_pdf_Export"),)
        )
        document.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge closes as LibreOffice quits
    finally:
        try:
            office.wait(timeout=20)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main(*sys.argv[1:4])
