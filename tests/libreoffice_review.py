"""A reviewer working in LibreOffice Writer through UNO, as a person would with "Track Changes" on:
delete or insert words, delete or retype whole paragraphs, or accept every change; then save the
document (DOCX or ODT). (Comments are not made here: headless LibreOffice 7.4 crashes saving a
comment made through UNO; the tests write comments with python-docx and let LibreOffice save them.)

Run by the tests under the Python that has LibreOffice's `uno` module (python3-uno), not the venv's:

    python3 tests/libreoffice_review.py IN OUT FILTER AUTHOR ACTIONS.json

FILTER is LibreOffice's export filter ("MS Word 2007 XML", "writer8"); AUTHOR the
reviewer's name, set in a fresh LibreOffice profile. Each action is an object: {"delete": phrase},
{"insert": text, "after": phrase}, {"delete_paragraphs": [start, ...]}, {"replace_paragraph": start,
"text"}, {"accept_all": true}, or {"save": path, "filter": FILTER}. A phrase is the first occurrence
of that text in the document; a paragraph is the first one starting with `start`.
Prints JSON: {"paragraphs": [[style, text], ...]} of the document as saved.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import zipfile
from html import escape
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from libreoffice_uno import _property  # noqa: E402


def _connect(pipe: str):
    """(component context, desktop) of the LibreOffice listening on `pipe`."""
    import time

    import uno

    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + 120
    while True:
        try:
            context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return context, context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        except Exception:  # NoConnectException until soffice listens
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def _set_author(profile: Path, name: str) -> None:
    """The reviewer's name in a LibreOffice profile (Tools > Options > User Data): it is the author of
    every comment and tracked change made in it."""
    first, _, last = name.partition(" ")
    items = "".join(f'<item oor:path="/org.openoffice.UserProfile/Data"><prop oor:name="{key}" oor:op="fuse">'
                    f"<value>{escape(value)}</value></prop></item>" for key, value in (("givenname", first),
                                                                                      ("sn", last)))
    settings = profile / "user" / "registrymodifications.xcu"
    settings.write_text(settings.read_text(encoding="utf-8").replace("</oor:items>", items + "</oor:items>"),
                        encoding="utf-8")


def _find(document, phrase: str):
    search = document.createSearchDescriptor()
    search.SearchString = phrase
    search.SearchCaseSensitive = True
    found = document.findFirst(search)
    if found is None:
        raise SystemExit(f"not found: {phrase!r}")
    return found


def _paragraph(document, start: str):
    paragraphs = document.Text.createEnumeration()
    while paragraphs.hasMoreElements():
        paragraph = paragraphs.nextElement()
        if paragraph.supportsService("com.sun.star.text.Paragraph") and paragraph.String.startswith(start):
            return paragraph
    raise SystemExit(f"no paragraph starts with {start!r}")


def _act(context, document, action: dict, author: str) -> None:
    if "save" in action:
        document.storeToURL(Path(action["save"]).resolve().as_uri(), (_property("FilterName", action["filter"]),))
    elif action.get("accept_all"):
        dispatcher = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
        dispatcher.executeDispatch(document.CurrentController.Frame, ".uno:AcceptAllTrackedChanges", "", 0, ())
    elif "delete" in action:
        _find(document, action["delete"]).setString("")
    elif "insert" in action:
        found = _find(document, action["after"])
        found.Text.insertString(found.Text.createTextCursorByRange(found.End), action["insert"], False)
    elif "delete_paragraphs" in action:
        for start in action["delete_paragraphs"]:  # the text and the paragraph mark, as a selection would
            paragraph = _paragraph(document, start)
            cursor = paragraph.Text.createTextCursorByRange(paragraph.Start)
            cursor.gotoEndOfParagraph(True)
            cursor.goRight(1, True)
            cursor.setString("")
    elif "replace_paragraph" in action:
        paragraph = _paragraph(document, action["replace_paragraph"])
        cursor = paragraph.Text.createTextCursorByRange(paragraph.Start)
        cursor.gotoEndOfParagraph(True)
        cursor.setString(action["text"])


def _without_zoom(path: Path, folder: Path) -> Path:
    """A copy of a DOCX without its zoom setting: headless LibreOffice 7.4 crashes on some edits of a
    document that opens at Word's "best fit" zoom (it has no window to fit)."""
    if path.suffix != ".docx":
        return path.resolve()
    copy = folder / path.name
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "word/settings.xml":
                data = re.sub(rb"<w:zoom [^>]*/>", b"", data)
            target.writestr(name, data)
    return copy


def _paragraphs(document) -> list[list[str]]:
    """[style, text] of each paragraph of the body."""
    out, enumeration = [], document.Text.createEnumeration()
    while enumeration.hasMoreElements():
        paragraph = enumeration.nextElement()
        if paragraph.supportsService("com.sun.star.text.Paragraph"):
            out.append([paragraph.ParaStyleName, paragraph.String])
    return out


def main(source: str, target: str, filter_name: str, author: str, actions: list[dict]) -> dict:
    profile = Path(tempfile.mkdtemp(prefix="lo-review-"))
    pipe = f"reportgen-review-{os.getpid()}"
    command = shutil.which("soffice") or "soffice"
    # A new profile makes LibreOffice restart itself once, dropping the first connection: make it first.
    subprocess.run([command, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--terminate_after_init"],
                   capture_output=True, timeout=300)
    _set_author(profile, author)
    office = subprocess.Popen([command, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible",
                               "--norestore", f"--accept=pipe,name={pipe};urp;"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        context, desktop = _connect(pipe)
        hidden = (_property("Hidden", True),)
        document = desktop.loadComponentFromURL(_without_zoom(Path(source), profile).as_uri(), "_blank", 0, hidden)
        if document is None:
            raise SystemExit(f"LibreOffice did not open {source}")
        document.RecordChanges = True
        for action in actions:
            _act(context, document, action, author)
        document.storeToURL(Path(target).resolve().as_uri(), (_property("FilterName", filter_name),))
        result = {"paragraphs": _paragraphs(document)}
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
            pass
        try:  # soffice.bin outlives its launcher when LibreOffice crashed
            os.killpg(office.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    print(json.dumps(main(*sys.argv[1:5], json.loads(Path(sys.argv[5]).read_text()))))
