"""The marks a reviewer left in a DOCX reportgen built: comments and tracked insertions and deletions
(as Word and LibreOffice write them), each with the anchor of the paragraph it is in and the
paragraph's original text before it, to find its line in the source."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..errors import ReportError
from ..renderers import anchors
from .safezip import read_xml_parts

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
_CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_CHANGES = {"ins": "insertion", "moveTo": "insertion", "del": "deletion", "moveFrom": "deletion"}
_NOTE_SEPARATORS = {"separator", "continuationSeparator", "continuationNotice"}
_PARTS = ("word/document.xml", "word/comments.xml", "word/commentsExtended.xml", "word/footnotes.xml",
          "word/endnotes.xml", "docProps/custom.xml")


def _parent_tag(element) -> str | None:
    """The tag of an element's parent; None for the root (a damaged part may start with anything)."""
    parent = element.getparent()
    return None if parent is None else parent.tag


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass
class Mark:
    kind: str  # "comment", "insertion" or "deletion"
    author: str
    date: str  # ISO 8601, as written
    text: str  # the comment, or the text inserted or deleted
    anchor: tuple[str, int] | None  # (file key, line) of the paragraph it is in
    before: str  # the paragraph's original text before the mark
    quoted: str = ""  # the text a comment is on
    reply_to: str = ""  # the author of the comment this one answers
    subtype: str = ""  # what the client calls it, for a PDF annotation: "highlight", "strike-out" ...
    note: str = ""  # a comment written on a suggested deletion (a PDF strike-out's text)
    _parts: list[str] = field(default_factory=list, repr=False)


@dataclass(frozen=True)
class Reviewed:
    marks: list[Mark]
    files: dict[str, str]  # anchor file key -> path, from the document's table
    commit: str = ""  # the commit of the draft reviewed, "" when unknown
    modified: bool = False  # the draft was built from files changed since that commit


def read_docx(path: Path) -> Reviewed:
    """Every comment and tracked change of a reviewed DOCX, in document order (body, then notes)."""
    name = str(path)
    parts = read_xml_parts(path, _PARTS, "DOCX")
    table = anchor_table(_properties(parts.get("docProps/custom.xml")))
    walker = _Walker(_comments(parts))
    walker.story(parts["word/document.xml"])
    if table is None and not walker.anchored:
        raise ReportError(f"{name}: not a DOCX built by reportgen (it has no reportgen anchors), so its marks "
                          "cannot be traced to the sections; review a DOCX that reportgen built")
    for kind in ("footnote", "endnote"):
        root = parts.get(f"word/{kind}s.xml")
        for note in root.findall(w(kind)) if root is not None else ():
            if note.get(w("type")) not in _NOTE_SEPARATORS:
                walker.story(note, walker.note_calls.get((kind, note.get(w("id")))))
    unplaced = [mark for ident, mark in walker.comments.items() if ident not in walker.placed]
    values = _properties(parts.get("docProps/custom.xml"))
    return Reviewed(walker.marks + unplaced, table or {}, values.get(anchors.COMMIT_PROPERTY, ""),
                    values.get(anchors.MODIFIED_PROPERTY) == "yes")


def _properties(root) -> dict[str, str]:
    if root is None:
        return {}
    return {p.get("name", ""): "".join(p.itertext()) for p in root.findall(f"{{{_CUSTOM}}}property")}


def anchor_table(values: dict[str, str]) -> dict[str, str] | None:
    """File key -> path from a document's custom properties; None without reportgen's marker."""
    if anchors.MARKER not in values:
        return None
    return {name[len(anchors.FILE_PROPERTY):]: value for name, value in values.items()
            if name.startswith(anchors.FILE_PROPERTY)}


def _comments(parts) -> dict[str, Mark]:
    """The comments by id, with the author each reply answers (commentsExtended.xml, Word 2013 on)."""
    root = parts.get("word/comments.xml")
    comments, by_paragraph = {}, {}
    for comment in root.findall(w("comment")) if root is not None else ():
        paragraphs = comment.findall(w("p"))
        text = "\n".join("".join(t.text or "" for t in p.iter(w("t"))) for p in paragraphs).strip()
        mark = Mark("comment", comment.get(w("author"), ""), comment.get(w("date"), ""), text, None, "")
        comments[comment.get(w("id"))] = mark
        if paragraphs and paragraphs[-1].get(f"{{{W14}}}paraId"):
            by_paragraph[paragraphs[-1].get(f"{{{W14}}}paraId")] = mark
    extended = parts.get("word/commentsExtended.xml")
    for entry in extended.iter(f"{{{W15}}}commentEx") if extended is not None else ():
        child, parent = by_paragraph.get(entry.get(f"{{{W15}}}paraId")), by_paragraph.get(
            entry.get(f"{{{W15}}}paraIdParent"))
        if child is not None and parent is not None:
            child.reply_to = parent.author
    return comments


class _Walker:
    """Reads stories in document order, keeping the current anchor and the original text since it."""

    def __init__(self, comments: dict[str, Mark]):
        self.comments = comments
        self.marks: list[Mark] = []
        self.placed: set[str] = set()
        self.note_calls: dict[tuple[str, str], tuple[str, int] | None] = {}  # (kind, id) -> anchor of the call
        self.anchored = False

    def story(self, root, anchor: tuple[str, int] | None = None) -> None:
        self.anchor, self.before = anchor, []
        quoting: dict[str, Mark] = {}  # comments whose range is open
        change, change_element = None, None  # the tracked change being read
        previous: Mark | None = None  # the change just read, while no text has come after it
        for event, element in etree.iterwalk(root, events=("start", "end")):
            if not isinstance(element.tag, str) or not element.tag.startswith(f"{{{W}}}"):
                continue
            local = element.tag[len(W) + 2:]
            if event == "end":
                if element is change_element:
                    previous, change, change_element = change, None, None
                    previous.text = "".join(previous._parts)
                elif local == "commentRangeEnd" and element.get(w("id")) in quoting:
                    mark = quoting.pop(element.get(w("id")))
                    mark.quoted = " ".join("".join(mark._parts).split())
                continue
            if local == "bookmarkStart":
                parsed = anchors.parse(element.get(w("name"), ""))
                if parsed:
                    self.anchor, self.before, self.anchored, previous = parsed, [], True, None
                    if change is not None:  # LibreOffice puts a deleted paragraph's bookmarks inside w:del
                        change = self._paragraph_changed(change)
            elif local in _CHANGES and _parent_tag(element) not in (w("rPr"), w("trPr")):  # not a mark's
                kind, author, date = _CHANGES[local], element.get(w("author"), ""), element.get(w("date"), "")
                if previous is not None and (previous.kind, previous.author, previous.date) == (kind, author, date):
                    change = previous  # one change that the client wrote in pieces
                else:
                    change = Mark(kind, author, date, "", self.anchor, "".join(self.before))
                    self.marks.append(change)
                change_element = element
            elif local == "commentRangeStart":
                mark = self._place(element.get(w("id")))
                if mark is not None:
                    quoting[element.get(w("id"))] = mark
            elif local == "commentReference":
                self._place(element.get(w("id")))
            elif local in ("footnoteReference", "endnoteReference"):
                self.note_calls[(local.removesuffix("Reference"), element.get(w("id")))] = self.anchor
            elif local in ("t", "delText", "tab", "br"):
                text = (element.text or "") if local in ("t", "delText") else " "
                if change is not None:
                    change._parts.append(text)
                elif text.strip():
                    previous = None
                if change is None or change.kind != "insertion":
                    self.before.append(text)  # the original text: what was there before the review
                if local != "delText":
                    for mark in quoting.values():
                        mark._parts.append(text)

    def _paragraph_changed(self, change: Mark) -> Mark:
        """A change that goes on into the paragraph that starts: the same change there, if it has
        text already, else it belongs there."""
        if change._parts:
            change.text = "".join(change._parts)
            change = Mark(change.kind, change.author, change.date, "", self.anchor, "")
            self.marks.append(change)
        else:
            change.anchor, change.before = self.anchor, ""
        return change

    def _place(self, ident: str) -> Mark | None:
        """Put a comment where its range starts (or, without a range, where its reference is)."""
        mark = self.comments.get(ident)
        if mark is None or ident in self.placed:
            return None
        self.placed.add(ident)
        mark.anchor, mark.before = self.anchor, "".join(self.before)
        self.marks.append(mark)
        return mark
