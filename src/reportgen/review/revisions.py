"""A reviewed DOCX read paragraph by paragraph for `reportgen apply`: each paragraph's original text
(what reportgen wrote, a note call as U+FFFC) and the reviewer's tracked insertions and deletions
in it as edits of that text, with the anchor of the paragraph (its file and line)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..errors import ReportError
from ..renderers import anchors
from .marks import W, _properties, anchor_table, w
from .safezip import read_xml_parts

NOTE_CALL = "\ufffc"  # a note's call in a paragraph's text
_CHANGES = {"ins": "ins", "moveTo": "ins", "del": "del", "moveFrom": "del"}
_OWN = "reportgen"  # a redline's own tracked changes are not the reviewer's


@dataclass
class Edit:
    """Replace `original[start:end]` with `text` (a deletion has no text, an insertion no span)."""

    start: int
    end: int
    text: str
    author: str
    formatted: bool = False  # the inserted text is bold, italic ... (Markdown cannot be guessed)


@dataclass
class Paragraph:
    anchor: tuple[str, int] | None  # (file key, line) of the paragraph's source
    story: str  # "body", "footnote", "endnote"
    original: str = ""
    edits: list[Edit] = field(default_factory=list)
    mark: str = ""  # "del" or "ins": the paragraph mark itself was deleted (joined) or inserted (new)
    in_table: bool = False
    formatting: str = ""  # the author of a formatting-only change, if any

    @property
    def changed(self) -> bool:
        return bool(self.edits or self.mark or self.formatting)

    def revised(self) -> str:
        """The text with every edit accepted."""
        out, position = [], 0
        for edit in sorted(self.edits, key=lambda e: (e.start, e.end)):
            out += [self.original[position:edit.start], edit.text]
            position = max(position, edit.end)
        return "".join(out) + self.original[position:]


@dataclass(frozen=True)
class Document:
    paragraphs: list[Paragraph]
    files: dict[str, str]  # file key -> path
    commit: str
    modified: bool


def read_revisions(path: Path) -> Document:
    if path.suffix.lower() == ".odt":
        raise ReportError(f"{path}: apply reads the reviewer's Track Changes from a DOCX: open it in LibreOffice, "
                          "save it as Word 2007-365 (.docx) and apply that file (reportgen comments reads the ODT)")
    if path.suffix.lower() == ".pdf":
        raise ReportError(f"{path}: a PDF holds suggestions, not tracked changes: list them with reportgen comments "
                          "and make them by hand, or have them made in the draft's DOCX with Track Changes")
    roots = read_xml_parts(path, ("word/document.xml", "word/footnotes.xml", "word/endnotes.xml",
                                  "docProps/custom.xml"), "DOCX")
    values = _properties(roots.get("docProps/custom.xml"))
    table = anchor_table(values)
    if table is None:
        raise ReportError(f"{path}: not a DOCX built by reportgen (it has no reportgen anchors), so its changes "
                          "cannot be applied to the sections")
    paragraphs = [_paragraph(p, "body") for p in roots["word/document.xml"].iter(w("p"))]
    for story in ("footnote", "endnote"):
        root = roots.get(f"word/{story}s.xml")
        paragraphs += [_paragraph(p, story) for p in root.iter(w("p"))] if root is not None else []
    return Document(paragraphs, table, values.get(anchors.COMMIT_PROPERTY, ""),
                    values.get(anchors.MODIFIED_PROPERTY) == "yes")


def _change(element) -> tuple[str, str] | None:
    """("ins" | "del", author) of the reviewer's tracked change a run is in, if any."""
    for ancestor in element.iterancestors():
        if ancestor.tag == w("p"):
            return None
        local = etree.QName(ancestor).localname
        if ancestor.tag.startswith(f"{{{W}}}") and local in _CHANGES:
            author = ancestor.get(w("author"), "")
            return None if author.startswith(_OWN) else (_CHANGES[local], author)
    return None


def _paragraph(element, story: str) -> Paragraph:
    paragraph = Paragraph(None, story, in_table=any(a.tag == w("tc") for a in element.iterancestors()))
    for bookmark in element.iter(w("bookmarkStart")):
        parsed = anchors.parse(bookmark.get(w("name"), ""))
        if parsed:
            paragraph.anchor = parsed
            break
    mark = element.find(f"{w('pPr')}/{w('rPr')}")
    for kind in ("del", "ins"):
        if mark is not None and mark.find(w(kind)) is not None and not mark.find(w(kind)).get(
                w("author"), "").startswith(_OWN):
            paragraph.mark = kind
    parts: list[str] = []
    for run in element.iter(w("r")):
        if run.getparent().tag == w("rPr"):
            continue
        text = _run_text(run)
        change = _change(run)
        if run.find(f"{w('rPr')}/{w('rPrChange')}") is not None:
            paragraph.formatting = run.find(f"{w('rPr')}/{w('rPrChange')}").get(w("author"), "")
        if change is None:
            parts.append(text)
            continue
        kind, author = change
        position = sum(map(len, parts))
        last = paragraph.edits[-1] if paragraph.edits else None
        if kind == "del":
            parts.append(text)
            if last and last.end == position and last.author == author:
                last.end += len(text)
            else:
                paragraph.edits.append(Edit(position, position + len(text), "", author))
        elif last and last.end == position and last.author == author:
            last.text += text
            last.formatted |= _formatted(run)
        else:
            paragraph.edits.append(Edit(position, position, text, author, _formatted(run)))
    paragraph.original = "".join(parts)
    if element.find(f"{w('pPr')}/{w('pPrChange')}") is not None:
        paragraph.formatting = element.find(f"{w('pPr')}/{w('pPrChange')}").get(w("author"), "")
    return paragraph


def _run_text(run) -> str:
    out = []
    for child in run:
        local = etree.QName(child).localname
        if local in ("t", "delText", "instrText") and local != "instrText":
            out.append(child.text or "")
        elif local in ("tab", "br", "cr"):
            out.append(" ")
        elif local == "noBreakHyphen":
            out.append("-")
        elif local in ("footnoteReference", "endnoteReference"):
            out.append(NOTE_CALL)
    return "".join(out)


def _formatted(run) -> bool:
    properties = run.find(w("rPr"))
    if properties is None:
        return False
    return any(properties.find(w(tag)) is not None and properties.find(w(tag)).get(w("val"), "1") not in ("0", "false")
               for tag in ("b", "i", "strike", "vertAlign", "u"))
