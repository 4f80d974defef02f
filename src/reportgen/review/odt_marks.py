"""The marks a reviewer left in an OpenDocument text (LibreOffice's own format, `.odt`) saved from a
DOCX reportgen built: comments (`office:annotation`, their range up to `office:annotation-end`)
and tracked changes (`text:tracked-changes`; insertions between `text:change-start` and
`text:change-end`, deletions at a `text:change` point with their text kept in the region), each
with the anchor of the paragraph it is in, as `marks` reads them from a DOCX."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from ..errors import ReportError
from ..renderers import anchors
from .marks import Mark, Reviewed, anchor_table
from .safezip import read_xml_parts

TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
DC = "http://purl.org/dc/elements/1.1/"
META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
LOEXT = "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"
_SKIPPED = {f"{{{OFFICE}}}annotation", f"{{{TEXT}}}note-citation", f"{{{TEXT}}}tracked-changes"}


def t(tag: str) -> str:
    return f"{{{TEXT}}}{tag}"


def read_odt(path: Path) -> Reviewed:
    """Every comment and tracked change of a reviewed ODT, in document order."""
    roots = read_xml_parts(path, ("content.xml", "meta.xml"), "ODT")
    values = _properties(roots.get("meta.xml"))
    table = anchor_table(values)
    walker = _Walker(_regions(roots["content.xml"]))
    walker.walk(roots["content.xml"])
    if table is None and not walker.anchored:
        raise ReportError(f"{path}: not a document built by reportgen (it has no reportgen anchors), so its "
                          "marks cannot be traced to the sections; review a DOCX that reportgen built")
    return Reviewed(walker.marks, table or {}, values.get(anchors.COMMIT_PROPERTY, ""),
                    values.get(anchors.MODIFIED_PROPERTY) == "yes")


def _properties(root) -> dict[str, str]:
    if root is None:
        return {}
    return {e.get(f"{{{META}}}name", ""): "".join(e.itertext()) for e in root.iter(f"{{{META}}}user-defined")}


def _info(element) -> tuple[str, str]:
    """(author, date) of a change's or a comment's `dc:creator` and `dc:date`."""
    return (element.findtext(f".//{{{DC}}}creator") or "").strip(), (element.findtext(f".//{{{DC}}}date") or "").strip()


def _regions(root) -> dict[str, tuple[str, etree._Element]]:
    """Change id -> ("insertion" | "deletion" | "format-change", its element)."""
    out = {}
    for region in root.iter(t("changed-region")):
        ident = region.get(t("id")) or region.get("{http://www.w3.org/XML/1998/namespace}id")
        for kind in ("insertion", "deletion", "format-change"):
            change = region.find(t(kind))
            if change is not None:
                out[ident] = (kind, change)
    return out


class _Walker:
    """Reads the body in document order, keeping the current anchor and the original text since it."""

    def __init__(self, regions: dict):
        self.regions = regions
        self.marks: list[Mark] = []
        self.anchor: tuple[str, int] | None = None
        self.before: list[str] = []
        self.anchored = False
        self.inserting: dict[str, Mark] = {}  # open insertions by change id
        self.quoting: dict[str, Mark] = {}  # comments whose range is open, by name
        self.named: dict[str, Mark] = {}  # every comment by name, for the replies
        self.skipped = 0  # depth inside a comment's own text, a note's number, the changes' list
        self.notes: list[tuple] = []  # the anchor and text around each note being read

    def walk(self, root) -> None:
        body = root.find(f"{{{OFFICE}}}body")
        for event, element in etree.iterwalk(body if body is not None else root, events=("start", "end")):
            if not isinstance(element.tag, str):
                continue
            if event == "start":
                self.start(element)
                if not self.skipped:
                    self.text(element.text)
            else:
                self.end(element)
                if not self.skipped:
                    self.text(element.tail)

    def start(self, element) -> None:
        tag = element.tag
        if tag in _SKIPPED:
            if tag == f"{{{OFFICE}}}annotation" and not self.skipped:
                self.comment(element)
            self.skipped += 1
        elif self.skipped:
            return
        elif tag in (t("bookmark-start"), t("bookmark")):
            parsed = anchors.parse(element.get(t("name"), ""))
            if parsed:
                self.anchor, self.before, self.anchored = parsed, [], True
        elif tag == f"{{{OFFICE}}}annotation-end":
            mark = self.quoting.pop(element.get(f"{{{OFFICE}}}name", ""), None)
            if mark is not None:
                mark.quoted = " ".join("".join(mark._parts).split())
        elif tag == t("change-start"):
            kind, change = self.regions.get(element.get(t("change-id")), ("", None))
            if kind == "insertion":
                author, date = _info(change)
                mark = Mark("insertion", author, date, "", self.anchor, "".join(self.before))
                self.marks.append(mark)
                self.inserting[element.get(t("change-id"))] = mark
        elif tag == t("change-end"):
            mark = self.inserting.pop(element.get(t("change-id")), None)
            if mark is not None:
                mark.text = "".join(mark._parts)
        elif tag == t("change"):
            kind, change = self.regions.get(element.get(t("change-id")), ("", None))
            if kind == "deletion":
                self.deletion(change)
        elif tag == t("note"):
            self.notes.append((self.anchor, self.before))
        elif tag in (t("s"), t("tab"), t("line-break")):
            self.text(" " * int(element.get(t("c"), "1") or 1) if tag == t("s") else " ")

    def end(self, element) -> None:
        if element.tag in _SKIPPED:
            self.skipped -= 1
        elif element.tag == t("note") and not self.skipped and self.notes:
            self.anchor, self.before = self.notes.pop()

    def text(self, text: str | None) -> None:
        if not text:
            return
        for mark in self.inserting.values():
            mark._parts.append(text)
        if not self.inserting:
            self.before.append(text)  # the original text: what was there before the review
        for mark in self.quoting.values():
            mark._parts.append(text)

    def comment(self, element) -> None:
        author, date = _info(element)
        paragraphs = element.findall(t("p"))
        text = "\n".join("".join(p.itertext()) for p in paragraphs).strip()
        mark = Mark("comment", author, date, text, self.anchor, "".join(self.before))
        answered = self.named.get(element.get(f"{{{LOEXT}}}parent-name", ""))
        mark.reply_to = answered.author if answered else ""
        name = element.get(f"{{{OFFICE}}}name", "")
        self.marks.append(mark)
        if name:
            self.quoting[name] = self.named[name] = mark

    def deletion(self, change) -> None:
        """A deletion: its text is in the region; whole paragraphs deleted there bring their anchors."""
        author, date = _info(change)
        pieces: list[tuple[tuple[str, int] | None, list[str]]] = [(self.anchor, [])]
        for paragraph in change.iter(t("p"), t("h")):
            if any(parent.tag == t("note") for parent in paragraph.iterancestors()):
                continue  # a note's paragraph: deleted with its call, not text of the paragraph
            for bookmark in paragraph.iter(t("bookmark-start"), t("bookmark")):
                parsed = anchors.parse(bookmark.get(t("name"), ""))
                if parsed:
                    pieces.append((parsed, []))
                    break
            pieces[-1][1].append(_without_notes(paragraph))
        for anchor, texts in pieces:
            if texts:
                before = "".join(self.before) if anchor == self.anchor else ""
                self.marks.append(Mark("deletion", author, date, "\n".join(texts), anchor, before))
        last, texts = pieces[-1]
        if last != self.anchor and texts:  # a paragraph deleted whole took its bookmark: what follows in its
            self.anchor, self.before = last, ["\n".join(texts)]  # place (its text retyped) is read against it
        else:
            self.before.append("\n".join(text for _, texts in pieces for text in texts))


def _without_notes(paragraph) -> str:
    """A paragraph's text without its notes (their number and text, which ODT keeps inline)."""
    parts = [paragraph.text or ""]
    for child in paragraph:
        if child.tag != t("note"):
            parts.append(_without_notes(child))
        parts.append(child.tail or "")
    return "".join(parts)
