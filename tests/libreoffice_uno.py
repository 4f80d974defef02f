"""Editing a DOCX in LibreOffice through UNO, as a person would in Writer: press Enter at the end of a
paragraph and type, then save as DOCX and open the saved file again. Each step reports the list
label Writer shows for every paragraph.

Run by the tests under the Python that has LibreOffice's `uno` module (python3-uno), not the venv's:

    python3 tests/libreoffice_uno.py IN.docx OUT.docx "paragraph start" "typed text"

prints JSON: {"edited": [[label, text], ...], "reopened": [[label, text], ...]}.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def python_with_uno() -> str | None:
    """A Python that can import LibreOffice's `uno`, or None."""
    for candidate in ("/usr/bin/python3", shutil.which("python3")):
        if candidate and subprocess.run([candidate, "-c", "import uno"], capture_output=True).returncode == 0:
            return candidate
    return None


def _connect(pipe: str):
    import uno

    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + 60
    while True:
        try:
            context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        except Exception:  # NoConnectException until soffice listens
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def _property(name: str, value):
    import uno

    prop = uno.createUnoStruct("com.sun.star.beans.PropertyValue")
    prop.Name, prop.Value = name, value
    return prop


def _labels(document) -> list[list[str]]:
    out = []
    paragraphs = document.Text.createEnumeration()
    while paragraphs.hasMoreElements():
        paragraph = paragraphs.nextElement()
        if paragraph.supportsService("com.sun.star.text.Paragraph"):
            out.append([paragraph.ListLabelString, paragraph.String])
    return out


def _press_enter_and_type(document, start: str, typed: str) -> None:
    """At the end of the first paragraph that starts with `start`: a new paragraph, then `typed`."""
    from com.sun.star.text.ControlCharacter import PARAGRAPH_BREAK

    paragraphs = document.Text.createEnumeration()
    while paragraphs.hasMoreElements():
        paragraph = paragraphs.nextElement()
        if paragraph.supportsService("com.sun.star.text.Paragraph") and paragraph.String.startswith(start):
            cursor = document.Text.createTextCursorByRange(paragraph.End)
            document.Text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
            document.Text.insertString(cursor, typed, False)
            return
    raise SystemExit(f"no paragraph starts with {start!r}")


def main(source: str, target: str, start: str, typed: str) -> dict:
    profile = Path(tempfile.mkdtemp(prefix="lo-uno-"))
    pipe = f"reportgen-test-{os.getpid()}"
    office = subprocess.Popen([shutil.which("soffice") or "soffice", f"-env:UserInstallation={profile.as_uri()}",
                               "--headless", "--invisible", "--norestore", f"--accept=pipe,name={pipe};urp;"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        desktop = _connect(pipe)
        hidden = (_property("Hidden", True),)
        document = desktop.loadComponentFromURL(Path(source).resolve().as_uri(), "_blank", 0, hidden)
        _press_enter_and_type(document, start, typed)
        result = {"edited": _labels(document)}
        document.storeToURL(Path(target).resolve().as_uri(), (_property("FilterName", "MS Word 2007 XML"),))
        document.close(True)
        document = desktop.loadComponentFromURL(Path(target).resolve().as_uri(), "_blank", 0, hidden)
        result["reopened"] = _labels(document)
        document.close(True)
        try:
            desktop.terminate()
        except Exception:  # the bridge closes as soffice exits
            pass
        return result
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    print(json.dumps(main(*sys.argv[1:5])))
