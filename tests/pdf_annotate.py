"""Annotating a draft PDF as reviewers' PDF programs do, with two independent libraries (pypdf and
pikepdf), from a table of annotations. Where each phrase is on the page is found with poppler's
`pdftotext -bbox`, not with reportgen's own map, so the tests check the map against another reader.

An annotation is a dict: {"type": "Highlight", "phrase": "...", "occurrence": 1, "contents": "...",
"author": "...", "reply_to": index of the annotation it answers}. Markup types cover the phrase's
words; a Text note sits at the phrase's first word; a Caret at the end of the phrase (an insertion
after it); a FreeText box in the right margin beside the phrase's line; Ink circles the phrase."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

DATE = "D:20260302091500Z"
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def page_words(pdf: Path) -> list[tuple[float, list[tuple[float, float, float, float, str]]]]:
    """(page height, words with boxes in PDF points from the bottom left) of each page."""
    xml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for page in xml.split("<page ")[1:]:
        height = float(re.search(r'height="([\d.]+)"', page)[1])
        words = [(float(a), height - float(d), float(c), height - float(b), t) for a, b, c, d, t in _WORD.findall(page)]
        pages.append((height, words))
    return pages


def find(pages, phrase: str, occurrence: int = 1) -> tuple[int, list[tuple[float, float, float, float, str]]]:
    """(page index, word boxes) of the `occurrence`-th place where the words of `phrase` follow each other."""
    wanted = [_plain(w) for w in phrase.split()]
    seen = 0
    for index, (_, words) in enumerate(pages):
        plain = [_plain(w[4]) for w in words]
        for start in range(len(words) - len(wanted) + 1):
            if all(_matches(plain[start + i], wanted[i], i, len(wanted)) for i in range(len(wanted))):
                seen += 1
                if seen == occurrence:
                    return index, words[start:start + len(wanted)]
    raise AssertionError(f"{phrase!r} ({occurrence}) is not in the PDF")


def _plain(word: str) -> str:
    return word.replace("&amp;", "&").replace("\u2010", "-")


def _matches(found: str, wanted: str, index: int, count: int) -> bool:
    if index == count - 1 and index > 0:
        return found.startswith(wanted) or found == wanted
    if index == 0 and count > 1:
        return found.endswith(wanted) or found == wanted
    return found == wanted


def quads(boxes) -> list[float]:
    """QuadPoints of the words, one quadrilateral a line (upper left, upper right, lower left, lower
    right, as Acrobat writes them)."""
    lines: dict[float, list] = {}
    for box in boxes:
        lines.setdefault(round(box[1]), []).append(box)
    out: list[float] = []
    for line in lines.values():
        x0, y0 = min(b[0] for b in line), min(b[1] for b in line)
        x1, y1 = max(b[2] for b in line), max(b[3] for b in line)
        out += [x0, y1, x1, y1, x0, y0, x1, y0]
    return out


def geometry(pages, annotation: dict) -> tuple[int, list[float], list[float] | None, list | None]:
    """(page, Rect, QuadPoints, InkList) of an annotation of the table."""
    index, boxes = find(pages, annotation["phrase"], annotation.get("occurrence", 1))
    x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
    x1, y1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
    kind = annotation["type"]
    if kind in ("Highlight", "Underline", "StrikeOut", "Squiggly"):
        return index, [x0, y0, x1, y1], quads(boxes), None
    first, last = boxes[0], boxes[-1]
    if kind == "Text":  # the note's icon, its top left corner on the first word
        return index, [first[0], first[3] - 20, first[0] + 20, first[3]], None, None
    if kind == "Caret":  # under the line, at the end of the phrase
        x = last[2] + 1
        return index, [x - 3, last[1] - 3, x + 3, last[1] + 4], None, None
    if kind == "FreeText":  # in the right margin, beside the phrase's line
        return index, [540, first[1] - 4, 590, first[3] + 4], None, None
    if kind == "Ink":  # a loop around the phrase
        path = [x0 - 2, y0 - 2, x1 + 2, y0 - 2, x1 + 2, y1 + 2, x0 - 2, y1 + 2, x0 - 2, y0 - 2]
        return index, [x0 - 3, y0 - 3, x1 + 3, y1 + 3], None, [path]
    raise ValueError(kind)


def annotate_pypdf(source: Path, target: Path, table: list[dict]) -> None:
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, DictionaryObject, FloatObject, NameObject, NumberObject, TextStringObject

    pages = page_words(source)
    writer = PdfWriter(clone_from=PdfReader(source))
    made = []
    for annotation in table:
        index, rect, quad, ink = geometry(pages, annotation)
        entries = {"/Type": NameObject("/Annot"), "/Subtype": NameObject("/" + annotation["type"]),
                   "/Rect": ArrayObject(FloatObject(v) for v in rect), "/T": TextStringObject(annotation["author"]),
                   "/M": TextStringObject(DATE), "/F": NumberObject(4)}
        if annotation.get("contents"):
            entries["/Contents"] = TextStringObject(annotation["contents"])
        if quad:
            entries["/QuadPoints"] = ArrayObject(FloatObject(v) for v in quad)
        if ink:
            entries["/InkList"] = ArrayObject(ArrayObject(FloatObject(v) for v in path) for path in ink)
        if annotation["type"] == "FreeText":
            entries["/DA"] = TextStringObject("/Helv 10 Tf 0 g")
        if "reply_to" in annotation:
            entries["/IRT"] = made[annotation["reply_to"]].indirect_reference
        made.append(writer.add_annotation(index, DictionaryObject(
            {NameObject(k): v for k, v in entries.items()})))
    with open(target, "wb") as out:
        writer.write(out)


def annotate_pikepdf(source: Path, target: Path, table: list[dict]) -> None:
    import pikepdf

    pages = page_words(source)
    with pikepdf.open(source) as pdf:
        made = []
        for annotation in table:
            index, rect, quad, ink = geometry(pages, annotation)
            entries = pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name("/" + annotation["type"]),
                                         Rect=rect, T=pikepdf.String(annotation["author"]),
                                         M=pikepdf.String(DATE), F=4)
            if annotation.get("contents"):
                entries.Contents = pikepdf.String(annotation["contents"])
            if quad:
                entries.QuadPoints = quad
            if ink:
                entries.InkList = ink
            if annotation["type"] == "FreeText":
                entries.DA = pikepdf.String("/Helv 10 Tf 0 g")
            if "reply_to" in annotation:
                entries.IRT = made[annotation["reply_to"]]
            indirect = pdf.make_indirect(entries)
            page = pdf.pages[index]
            if "/Annots" not in page.obj:
                page.obj.Annots = pdf.make_indirect(pikepdf.Array())
            page.obj.Annots.append(indirect)
            made.append(indirect)
        pdf.save(target)


PDFJS = Path(__file__).resolve().parents[1] / ".venv" / "pdfjs" / "node_modules" / "pdfjs-dist" / "legacy" / "build"


def pdfjs_editors(pages, table: list[dict]) -> list[dict]:
    """The annotations of the table as pdf.js's editors serialize them (Firefox's highlight, text
    box and drawing tools; Firefox records no author)."""
    out = []
    for annotation in table:
        index, rect, quad, ink = geometry(pages, annotation)
        common = {"pageIndex": index, "rect": rect, "rotation": 0}
        if annotation["type"] == "Highlight":
            x0, y0, x1, y1 = rect
            out.append({"annotationType": 9, "color": [255, 255, 0], "opacity": 1, "thickness": 12,
                        "quadPoints": quad, "outlines": [[x0, y0, x1, y0, x1, y1, x0, y1]], **common})
        elif annotation["type"] == "FreeText":
            out.append({"annotationType": 3, "color": [0, 0, 0], "fontSize": 10, "value": annotation["contents"],
                        **common})
        elif annotation["type"] == "Ink":
            points = ink[0]
            curve = [value for k in range(0, len(points), 2) for value in [None] * 4 + points[k:k + 2]]
            out.append({"annotationType": 15, "color": [255, 0, 0], "thickness": 2, "opacity": 1,
                        "paths": {"lines": [curve], "points": [points]}, **common})
        else:
            raise ValueError(f"Firefox's editor makes no {annotation['type']}")
    return out


def annotate_pdfjs(source: Path, target: Path, table: list[dict]) -> None:
    import json
    import shutil

    editors = target.with_suffix(".json")
    editors.write_text(json.dumps(pdfjs_editors(page_words(source), table)))
    script = Path(__file__).with_name("pdfjs_annotate.mjs")
    result = subprocess.run([shutil.which("node") or "node", str(script), str(PDFJS), str(source), str(target),
                             str(editors)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
