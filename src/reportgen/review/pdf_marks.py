"""The annotations a reviewer left in a draft PDF, as Acrobat, Preview, Okular, Foxit and Firefox
write them: sticky notes, highlights, underlines, strike-outs, squiggles, carets (insertions), text
boxes, drawings and stamps, with their replies. Each is placed on the words it marks (or the line
it points at) through the map a draft carries (`renderers.pdf_anchors`), which gives the words' text
and the file and line they came from."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import ReportError
from ..renderers.pdf_anchors import ATTACHMENT
from .marks import Mark, Reviewed

# Subtype -> (kind of mark, what it is called)
_KINDS = {
    "/Text": ("comment", "note"), "/FreeText": ("comment", "text box"), "/Highlight": ("comment", "highlight"),
    "/Underline": ("comment", "underline"), "/Squiggly": ("comment", "squiggly underline"),
    "/StrikeOut": ("deletion", "strike-out"), "/Caret": ("insertion", "caret"), "/Stamp": ("comment", "stamp"),
    "/Ink": ("drawing", "drawing"), "/Square": ("drawing", "rectangle"), "/Circle": ("drawing", "ellipse"),
    "/Line": ("drawing", "line"), "/Polygon": ("drawing", "polygon"), "/PolyLine": ("drawing", "polyline"),
}
_MARKUP = {"/Highlight", "/Underline", "/Squiggly", "/StrikeOut"}  # the words under their quads
_COVERING = {"/Ink", "/Square", "/Circle", "/Polygon", "/PolyLine", "/Line", "/FreeText", "/Stamp"}
_SOFT_HYPHEN = "\u2010"  # WeasyPrint's hyphenation character at the end of a line
_DATE = re.compile(r"D?:?(\d{4})(\d\d)?(\d\d)?(\d\d)?(\d\d)?(\d\d)?")


@dataclass
class _Word:
    x0: float
    x1: float
    y0: float
    y1: float
    text: str
    source: str  # "path:line" of its paragraph
    offset: int  # its place among the words of that paragraph
    joined: bool = False  # hyphenated at the end of its line: no space before the next word


@dataclass
class _Page:
    words: list[_Word] = field(default_factory=list)


@dataclass
class _Map:
    pages: list[_Page]
    paragraphs: dict[str, list[_Word]]  # source -> its words in order
    commit: str
    modified: bool


def read_pdf(path: Path) -> Reviewed:
    """Every annotation of a reviewed PDF, in page order, replies after what they answer."""
    import pypdf
    from pypdf.errors import PyPdfError

    try:
        reader = pypdf.PdfReader(path)
        sources = _read_map(reader, path)
        annotations = [(index, annotation.get_object()) for index, page in enumerate(reader.pages)
                       for annotation in page.get("/Annots", None) or ()]
    except (PyPdfError, OSError, ValueError, KeyError, TypeError) as exc:
        raise ReportError(f"{path}: not a PDF file that can be read ({exc})") from None
    if sources is None:
        raise ReportError(f"{path}: not a draft PDF built by reportgen (it has no {ATTACHMENT}), so its "
                          "annotations cannot be traced to the sections; review a draft (reportgen build --draft)")
    return _marks(annotations, sources)


def _read_map(reader, path: Path) -> _Map | None:
    attached = reader.attachments.get(ATTACHMENT)
    if not attached:
        return None
    try:
        data = json.loads(attached[0])
        pages, paragraphs = [], {}
        for lines in data["pages"]:
            page = _Page()
            for _, y0, _, y1, source, words in lines:
                for a, b, text in words:
                    word = _Word(a, b, y0, y1, text, source, len(paragraphs.setdefault(source, [])))
                    paragraphs[source].append(word)
                    page.words.append(word)
                if page.words and page.words[-1].text.endswith(_SOFT_HYPHEN):
                    page.words[-1].joined = True
            pages.append(page)
        return _Map(pages, paragraphs, str(data.get("commit", "")), bool(data.get("modified")))
    except (ValueError, KeyError, TypeError) as exc:
        raise ReportError(f"{path}: its {ATTACHMENT} is damaged ({exc})") from None


def _marks(annotations: list, sources: _Map) -> Reviewed:
    marks: dict = {}  # object -> its mark, in page order
    parents: dict = {}  # object -> the object it answers
    for page, annotation in annotations:
        subtype = str(annotation.get("/Subtype", ""))
        if subtype not in _KINDS:
            continue  # popups (the window of another annotation), links, form fields, attachments
        marks[_ref(annotation)] = _mark(annotation, subtype, sources.pages[page] if page < len(sources.pages)
                                        else _Page(), sources)
        parent = annotation.get("/IRT")
        if parent is not None and str(annotation.get("/RT", "/R")) == "/R":  # a reply, not a part of a group
            parents[_ref(annotation)] = _ref(parent.get_object())
    replies: dict = {}
    for child, parent in parents.items():
        if parent in marks:
            replies.setdefault(parent, []).append(child)
    ordered: list[Mark] = []

    def add(key, answered: Mark | None) -> None:
        mark = marks[key]
        if answered is not None:  # a reply is where its comment is
            mark.kind, mark.reply_to, mark.anchor = "comment", answered.author, answered.anchor
            mark.before, mark.quoted = answered.before, answered.quoted
        ordered.append(mark)
        for reply in replies.get(key, ()):
            add(reply, mark)

    for key in marks:
        if parents.get(key) not in marks:
            add(key, None)
    files = {source.rpartition(":")[0]: source.rpartition(":")[0] for source in sources.paragraphs}
    return Reviewed(ordered, files, sources.commit, sources.modified)


def _ref(annotation) -> object:
    reference = getattr(annotation, "indirect_reference", None)
    return (reference.idnum, reference.generation) if reference is not None else id(annotation)


def _mark(annotation, subtype: str, page: _Page, sources: _Map) -> Mark:
    kind, name = _KINDS[subtype]
    contents = _text(annotation.get("/Contents")) or _rich_text(annotation.get("/RC"))
    if subtype in _MARKUP:
        marked = _under(page, _quads(annotation))
    elif subtype in _COVERING:
        marked = _under(page, [_rect(annotation)])
    else:
        marked = []
    anchor, before, quoted = None, "", ""
    if marked:
        first = marked[0]
        anchor, before, quoted = first.source, _before(sources, first), _join(marked)
    else:
        point = _point(annotation, subtype)
        nearest = _nearest(page, point, subtype == "/Caret") if point else None
        if nearest is not None:
            word, after = nearest
            anchor, before = word.source, _before(sources, word) + (" " + word.text if after else "")
    text = contents
    if kind == "deletion":
        text = quoted
    elif kind == "insertion":  # the words to insert, spaces as typed
        text = _text(annotation.get("/Contents"), strip=False) or contents
    mark = Mark(kind, _text(annotation.get("/T")), _date(annotation.get("/M") or annotation.get("/CreationDate")),
                text, _anchor(anchor), before, quoted=quoted if kind != "deletion" else "")
    mark.subtype, mark.note = name, contents if kind == "deletion" else ""
    return mark


def _anchor(source: str | None) -> tuple[str, int] | None:
    if not source:
        return None
    path, _, line = source.rpartition(":")
    return (path, int(line)) if line.isdigit() else (source, 0)


def _text(value, strip: bool = True) -> str:
    text = str(value).replace("\r\n", "\n").replace("\r", "\n") if value is not None else ""
    return text.strip() if strip else text


def _rich_text(value) -> str:
    """The text of an XHTML rich text (`/RC`), which some viewers write without `/Contents`."""
    text = _text(value)
    return " ".join(re.sub(r"<[^>]*>", " ", text).split()) if text else ""


def _date(value) -> str:
    """`D:20260302091500+01'00'` -> `2026-03-02T09:15:00`."""
    match = _DATE.match(_text(value))
    if not match:
        return ""
    year, month, day, hour, minute, second = (group or default for group, default in
                                              zip(match.groups(), ("", "01", "01", "00", "00", "00"), strict=True))
    return f"{year}-{month}-{day}T{hour}:{minute}:{second}"


def _numbers(value) -> list[float]:
    try:
        return [float(n) for n in value] if value is not None else []
    except (TypeError, ValueError):
        return []


def _rect(annotation) -> tuple[float, float, float, float]:
    numbers = _numbers(annotation.get("/Rect")) or [0, 0, 0, 0]
    x0, y0, x1, y1 = numbers[:4]
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def _quads(annotation) -> list[tuple[float, float, float, float]]:
    """The boxes of a text markup's quadrilaterals (any corner order), else its rectangle."""
    numbers = _numbers(annotation.get("/QuadPoints"))
    quads = []
    for start in range(0, len(numbers) - 7, 8):
        xs, ys = numbers[start:start + 8:2], numbers[start + 1:start + 8:2]
        quads.append((min(xs), min(ys), max(xs), max(ys)))
    return quads or [_rect(annotation)]


def _under(page: _Page, boxes: list[tuple[float, float, float, float]]) -> list[_Word]:
    """The words of a page, or the part of them, whose characters' middles lie in one of `boxes`
    (a viewer marks characters), in reading order. A character's place in its word is estimated
    from the word's width."""
    out = []
    for word in page.words:
        y = (word.y0 + word.y1) / 2
        rows = [(x0, x1) for x0, y0, x1, y1 in boxes if y0 <= y <= y1]
        if not rows:
            continue
        width = (word.x1 - word.x0) / max(len(word.text), 1)
        inside = [any(x0 <= word.x0 + (i + 0.5) * width <= x1 for x0, x1 in rows) for i in range(len(word.text))]
        if all(inside):
            out.append(word)
        elif any(inside):
            first, last = inside.index(True), len(inside) - inside[::-1].index(True)
            out.append(replace(word, text=word.text[first:last], joined=word.joined and last == len(inside)))
    return out


def _point(annotation, subtype: str) -> tuple[float, float] | None:
    x0, y0, x1, y1 = _rect(annotation)
    if subtype == "/Caret":  # drawn about the baseline, at the insertion point: its top is in the line
        return (x0 + x1) / 2, y1 - 1
    return x0, y1 - min(6.0, (y1 - y0) / 2)  # a note's icon hangs from its top left corner


def _nearest(page: _Page, point: tuple[float, float], caret: bool) -> tuple[_Word, bool] | None:
    """The word a point annotation is on or beside: on the nearest line, the nearest word (in the
    margin, the line's first or last). For a caret, the word before the insertion point, and
    whether the point is after it (else it is the first word, and the insertion before it)."""
    if not page.words:
        return None
    x, y = point

    def distance(word: _Word) -> tuple[float, float]:
        vertical = 0.0 if word.y0 <= y <= word.y1 else min(abs(y - word.y0), abs(y - word.y1))
        horizontal = 0.0 if word.x0 <= x <= word.x1 else min(abs(x - word.x0), abs(x - word.x1))
        return vertical, horizontal

    word = min(page.words, key=distance)
    if not caret:
        return word, False
    line = [w for w in page.words if w.y0 == word.y0 and w.source == word.source]
    before = [w for w in line if (w.x0 + w.x1) / 2 <= x]
    return (before[-1], True) if before else (line[0], False)


def _before(sources: _Map, word: _Word) -> str:
    """The text of the word's paragraph before it."""
    return _join(sources.paragraphs[word.source][:word.offset])


def _join(words: list[_Word]) -> str:
    out = []
    for word in words:
        out.append(word.text[:-1] if word.joined else word.text + " ")
    return "".join(out).strip()
