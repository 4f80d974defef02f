"""Raw WordprocessingML for tracked changes (`w:ins`, `w:del`) with their author and date, as Word
writes them, so that Word and LibreOffice can step through a redline and accept or reject each
change. A sibling of `_ooxml`, which owns every other piece of raw XML."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from docx.oxml.ns import qn

from ._ooxml import _element

_TEXT_TO_DELETED = {qn("w:t"): qn("w:delText"), qn("w:instrText"): qn("w:delInstrText")}


class Revisions:
    """Marks what was just written as inserted or deleted by `author` on `date`; `next_id` hands out
    annotation ids unique in the document (bookmarks share them)."""

    def __init__(self, author: str, date: datetime, next_id: Callable[[], int]):
        self.author, self.date, self.next_id = author, date.strftime("%Y-%m-%dT%H:%M:%SZ"), next_id

    def _mark(self, kind: str):
        return _element(kind, id=self.next_id(), author=self.author, date=self.date)

    def runs(self, parent, start: int, kind: str) -> None:
        """Put the runs added to `parent` (a paragraph or hyperlink) from child `start` on into
        `w:ins` or `w:del`, consecutive runs together; runs inside a hyperlink are marked inside it."""
        group = None
        for child in list(parent)[start:]:
            if child.tag == qn("w:r"):
                if group is None:
                    group = self._mark(kind)
                    child.addprevious(group)
                group.append(child)
                if kind == "del":
                    for text in child.iter(*_TEXT_TO_DELETED):
                        text.tag = _TEXT_TO_DELETED[text.tag]
                continue
            group = None
            if child.tag == qn("w:hyperlink"):
                self.runs(child, 0, kind)

    def blocks(self, elements: Iterable, kind: str) -> None:
        """Mark whole paragraphs (with their paragraph marks) and table rows as inserted or deleted."""
        for element in elements:
            for paragraph in [element] if element.tag == qn("w:p") else element.iter(qn("w:p")):
                properties = paragraph.get_or_add_pPr()
                self.runs(paragraph, list(paragraph).index(properties) + 1, kind)
                mark = properties.find(qn("w:rPr"))  # the paragraph mark's properties
                if mark is None:
                    mark = _element("rPr")
                    later = [c for c in properties if c.tag in (qn("w:sectPr"), qn("w:pPrChange"))]
                    (later[0].addprevious(mark) if later else properties.append(mark))
                mark.insert(0, self._mark(kind))
            for row in element.iter(qn("w:tr")):
                row.get_or_add_trPr().append(self._mark(kind))

