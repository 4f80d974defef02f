"""Reading a DOCX in tests, independently of the renderer: its XML parts, paragraphs and notes, and
a small simulator of Word's list numbering that computes the label Word shows for each paragraph."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from .ooxml_schema import assert_valid_docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W, "r": R}


def w(name: str) -> str:
    return f"{{{W}}}{name}"


def squash(text: str) -> str:
    return " ".join(text.split())


def _roman(value: int) -> str:
    out = ""
    for number, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                            (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        count, value = divmod(value, number)
        out += letters * count
    return out


def word_format(value: int, num_fmt: str) -> str:
    """A counter value as Word writes it in `num_fmt`."""
    if num_fmt == "decimal":
        return str(value)
    if num_fmt in ("lowerLetter", "upperLetter"):
        letters = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letters if num_fmt == "lowerLetter" else letters.upper()
    if num_fmt in ("lowerRoman", "upperRoman"):
        return _roman(value) if num_fmt == "lowerRoman" else _roman(value).upper()
    raise AssertionError(f"unexpected numFmt {num_fmt}")


@dataclass
class Level:
    start: int
    num_fmt: str
    text: str
    legal: bool


@dataclass
class ListState:
    values: dict[int, int | None] = field(default_factory=dict)


class Docx:
    """A DOCX package: parts parsed on demand, styles and lists indexed. Every DOCX read here is
    first checked against the ISO/IEC 29500 transitional schemas."""

    def __init__(self, data: bytes, validate: bool = True):
        if validate:
            assert_valid_docx(data)
        self.data = data
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            self.files = {name: package.read(name) for name in package.namelist()}
        self.document = self.xml("word/document.xml")
        self.styles = self.xml("word/styles.xml")
        self.numbering = self.xml("word/numbering.xml") if "word/numbering.xml" in self.files else None
        self._index_styles()
        self._index_lists()

    def xml(self, name: str):
        return etree.fromstring(self.files[name])

    # Styles -------------------------------------------------------------------------------------

    def _index_styles(self) -> None:
        self.style_by_id, self.style_names = {}, {}
        for style in self.styles.findall("w:style", NS):
            ident = style.get(w("styleId"))
            self.style_by_id[ident] = style
            name = style.find("w:name", NS)
            self.style_names[ident] = name.get(w("val")) if name is not None else ident

    def style_id(self, name: str) -> str:
        for ident, style_name in self.style_names.items():
            if style_name.lower() == name.lower():
                return ident
        raise KeyError(name)

    def style_chain(self, ident: str | None):
        seen = set()
        while ident and ident in self.style_by_id and ident not in seen:
            seen.add(ident)
            style = self.style_by_id[ident]
            yield style
            based = style.find("w:basedOn", NS)
            ident = based.get(w("val")) if based is not None else None

    # Lists --------------------------------------------------------------------------------------

    def _index_lists(self) -> None:
        self.abstracts, self.nums = {}, {}
        if self.numbering is None:
            return
        for abstract in self.numbering.findall("w:abstractNum", NS):
            levels = {}
            for lvl in abstract.findall("w:lvl", NS):
                start = lvl.find("w:start", NS)
                levels[int(lvl.get(w("ilvl")))] = Level(
                    int(start.get(w("val"))) if start is not None else 0,
                    lvl.find("w:numFmt", NS).get(w("val")), lvl.find("w:lvlText", NS).get(w("val")),
                    lvl.find("w:isLgl", NS) is not None)
            self.abstracts[abstract.get(w("abstractNumId"))] = levels
        for num in self.numbering.findall("w:num", NS):
            overrides = {int(o.get(w("ilvl"))): int(o.find("w:startOverride", NS).get(w("val")))
                         for o in num.findall("w:lvlOverride", NS) if o.find("w:startOverride", NS) is not None}
            self.nums[num.get(w("numId"))] = (num.find("w:abstractNumId", NS).get(w("val")), overrides)

    def paragraph_style(self, p) -> str | None:
        style = p.find("w:pPr/w:pStyle", NS)
        return style.get(w("val")) if style is not None else None

    def numpr(self, p) -> tuple[str, int] | None:
        """(numId, ilvl) of a paragraph, set directly or by its style (following basedOn); None
        for no list (absent or numId 0)."""
        candidates = [p.find("w:pPr/w:numPr", NS)]
        candidates += [s.find("w:pPr/w:numPr", NS) for s in self.style_chain(self.paragraph_style(p))]
        for numpr in candidates:
            if numpr is not None and numpr.find("w:numId", NS) is not None:
                num_id = numpr.find("w:numId", NS).get(w("val"))
                ilvl = numpr.find("w:ilvl", NS)
                return None if num_id == "0" else (num_id, int(ilvl.get(w("val"))) if ilvl is not None else 0)
        return None

    # Paragraphs ---------------------------------------------------------------------------------

    @staticmethod
    def text(p, note_marks: tuple[str, ...] = ("FootnoteReference", "EndnoteReference")) -> str:
        """A paragraph's text without note references and the commas between them."""
        parts = []
        for run in p.iter(w("r")):
            style = run.find("w:rPr/w:rStyle", NS)
            if style is not None and style.get(w("val")) in note_marks:
                continue
            for child in run:
                if child.tag == w("t"):
                    parts.append(child.text or "")
                elif child.tag in (w("tab"), w("br")):
                    parts.append(" ")
        return "".join(parts)

    def body_paragraphs(self):
        return list(self.document.find("w:body", NS).iter(w("p")))

    def labels(self):
        """(label, text, paragraph) for every body paragraph, the label being what Word shows
        (None for no number; bullets give their bullet character)."""
        states: dict[str, ListState] = {}
        seen_nums: set[str] = set()
        out = []
        for p in self.body_paragraphs():
            numpr = self.numpr(p)
            label = None
            if numpr is not None:
                num_id, ilvl = numpr
                abstract_id, overrides = self.nums[num_id]
                levels = self.abstracts[abstract_id]
                state = states.setdefault(abstract_id, ListState())
                if num_id not in seen_nums:  # a num's startOverride restarts its levels when first used
                    seen_nums.add(num_id)
                    for level, start in overrides.items():
                        state.values[level] = start - 1
                        for deeper in list(state.values):
                            if deeper > level:
                                state.values[deeper] = None
                current = state.values.get(ilvl)
                state.values[ilvl] = levels[ilvl].start if current is None else current + 1
                for deeper in list(state.values):
                    if deeper > ilvl:
                        state.values[deeper] = None
                level = levels[ilvl]
                if level.num_fmt == "bullet":
                    label = level.text
                else:
                    def value(match, state=state, levels=levels, level=level):
                        k = int(match.group(1)) - 1
                        number = state.values.get(k) or levels[k].start
                        return word_format(number, "decimal" if level.legal else levels[k].num_fmt)
                    label = re.sub(r"%([1-9])", value, level.text)
            out.append((label, squash(self.text(p)), p))
        return out

    # Notes --------------------------------------------------------------------------------------

    def notes(self, kind: str = "footnote") -> list[tuple[int, str]]:
        """(id, text) of the notes of `kind`, separators left out (by type, not by id)."""
        root = self.xml(f"word/{kind}s.xml")
        out = []
        for note in root.findall(f"w:{kind}", NS):
            if note.get(w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            text = " ".join(self.text(p) for p in note.iter(w("p")))
            out.append((int(note.get(w("id"))), squash(text)))
        return out

    def references(self, kind: str = "footnote") -> list[int]:
        return [int(r.get(w("id"))) for r in self.document.iter(w(f"{kind}Reference"))]
