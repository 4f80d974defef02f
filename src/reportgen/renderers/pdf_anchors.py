"""Where each word of a draft PDF came from: the PDF counterpart of the DOCX paragraph anchors.

After layout, every line of text on every page is read from WeasyPrint's boxes with the source its
HTML element names (`data-src="path:line"`, the nearest one around it), and each word with its
place on the page. The map is attached to the PDF as the file `reportgen-sources.json`, which PDF
viewers keep when they save annotations, so that `reportgen comments` can tell which words an
annotation marks and the file and line they came from.

JSON: {"format": 1, "commit": "1a2b3c4", "modified": false, "pages": [[line, ...], ...]}; a line is
[x0, y0, x1, y1, "path:line", [[x0, x1, "word"], ...]] in PDF points from the page's bottom left.
A line holding text of two sources (a note call) is split into one line per source. Text a redline
shows as deleted belongs to the older version and has no source here."""

from __future__ import annotations

import json
import re

ATTACHMENT = "reportgen-sources.json"
FORMAT = 1
_PT = 0.75  # PDF points per CSS pixel
_SKIPPED = {"MarginBox"}  # running heads, page numbers, the stamp
_WORD = re.compile(r"\S+")


def source_map(document, commit: str = "", modified: bool = False) -> bytes:
    """The map of a laid-out WeasyPrint document, as the attachment's bytes."""
    pages = []
    for page in document.pages:
        lines: list = []
        for area in page._page_box.children:
            if type(area).__name__ not in _SKIPPED:
                _walk(area, None, page.height, lines)
        pages.append(lines)
    data = {"format": FORMAT, "commit": commit, "modified": modified, "pages": pages}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _source_of(box, source: str | None) -> str | None:
    element = getattr(box, "element", None)
    if element is None:
        return source
    if element.tag == "del" or "deleted" in element.get("class", "").split():
        return None
    return element.get("data-src", source)


def _walk(box, source: str | None, height: float, lines: list) -> None:
    source = _source_of(box, source)
    if type(box).__name__ == "LineBox":
        _line(box, source, height, lines)
        return
    for child in getattr(box, "children", ()):
        _walk(child, source, height, lines)


def _line(line, source: str | None, height: float, lines: list) -> None:
    """The words of a line box, grouped by the source of their text boxes."""
    groups: dict[str, list] = {}
    for box, box_source in _text_boxes(line, source):
        if box_source and box.text.strip():
            groups.setdefault(box_source, []).extend(_words(box))
    top, bottom = height - line.position_y, height - line.position_y - line.height
    for where, words in groups.items():
        if words:
            x0, x1 = min(w[0] for w in words), max(w[1] for w in words)
            lines.append([round(x0 * _PT, 2), round(bottom * _PT, 2), round(x1 * _PT, 2), round(top * _PT, 2),
                          where, [[round(a * _PT, 2), round(b * _PT, 2), text] for a, b, text in words]])


def _text_boxes(box, source: str | None):
    source = _source_of(box, source)
    if type(box).__name__ == "TextBox":
        yield box, source
        return
    for child in getattr(box, "children", ()):
        yield from _text_boxes(child, source)


def _words(box) -> list[tuple[float, float, str]]:
    """The words of a text box with their horizontal extent (CSS px), from Pango's glyph positions."""
    text = box.text
    spans = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    x = _positions(box, sorted({i for span in spans for i in span}))
    return [(box.position_x + x[a], box.position_x + x[b], text[a:b]) for a, b in spans]


def _positions(box, indices: list[int]) -> dict[int, float]:
    """The x offset (CSS px) of the characters at `indices` of a text box (its length: its end)."""
    text, out = box.text, {len(box.text): box.width}
    layout = getattr(box, "pango_layout", None)
    if layout is None or getattr(layout, "text", None) != text:
        step = box.width / max(len(text), 1)  # no layout at hand: spread the width evenly
        return {i: i * step for i in indices} | out
    from weasyprint.text.ffi import FROM_UNITS, ffi, pango

    _declare_index_to_pos(ffi)
    rectangle = ffi.new("PangoRectangle *")
    layout.reactivate(box.style)  # as WeasyPrint does to draw the box
    try:
        for index in indices:
            if index < len(text):
                pango.pango_layout_index_to_pos(layout.layout, len(text[:index].encode("utf-8")), rectangle)
                out[index] = rectangle.x * FROM_UNITS
    finally:
        layout.deactivate()
    return out


def _declare_index_to_pos(ffi) -> None:
    """Pango's character positions, which WeasyPrint's bindings do not declare."""
    global _DECLARED
    if not _DECLARED:
        ffi.cdef("void pango_layout_index_to_pos (PangoLayout *layout, int index_, PangoRectangle *pos);")
        _DECLARED = True


_DECLARED = False
