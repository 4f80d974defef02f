"""Raw WordprocessingML that python-docx has no API for: notes, list numbering, fields, hyperlinks,
bookmarks, some style properties and settings. Everything else in reportgen uses python-docx's
public API; this module and its siblings `_ooxml_*.py` (draft marks, tracked changes, custom
properties) are the only ones that touch XML elements.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.parts.numbering import NumberingPart
from docx.parts.story import StoryPart
from docx.text.paragraph import Paragraph

# Children must come in the schema's order (Word rejects a file otherwise). python-docx declares that
# order for the elements it models (`ZeroOrOne("w:pStyle", successors=...)`): `_order` reads it from
# there. It declares settings only from w:evenAndOddHeaders on and numbering from w:num on; these are
# the schema's elements before those (ECMA-376 part 1, CT_Settings and CT_Numbering).
_SETTINGS_HEAD = (
    "w:writeProtection", "w:view", "w:zoom", "w:removePersonalInformation", "w:removeDateAndTime",
    "w:doNotDisplayPageBoundaries", "w:displayBackgroundShape", "w:printPostScriptOverText",
    "w:printFractionalCharacterWidth", "w:printFormsData", "w:embedTrueTypeFonts", "w:embedSystemFonts",
    "w:saveSubsetFonts", "w:saveFormsData", "w:mirrorMargins", "w:alignBordersAndEdges",
    "w:bordersDoNotSurroundHeader", "w:bordersDoNotSurroundFooter", "w:gutterAtTop", "w:hideSpellingErrors",
    "w:hideGrammaticalErrors", "w:activeWritingStyle", "w:proofState", "w:formsDesign", "w:attachedTemplate",
    "w:linkStyles", "w:stylePaneFormatFilter", "w:stylePaneSortMethod", "w:documentType", "w:mailMerge",
    "w:revisionView", "w:trackRevisions", "w:doNotTrackMoves", "w:doNotTrackFormatting", "w:documentProtection",
    "w:autoFormatOverride", "w:styleLockTheme", "w:styleLockQFSet", "w:defaultTabStop", "w:autoHyphenation",
    "w:consecutiveHyphenLimit", "w:hyphenationZone", "w:doNotHyphenateCaps", "w:showEnvelope", "w:summaryLength",
    "w:clickAndTypeStyle", "w:defaultTableStyle")
_NUMBERING_HEAD = ("w:numPicBullet", "w:abstractNum")


@functools.cache
def _order(element_class: type) -> tuple[str, ...]:
    """The children of a python-docx element class in schema order, as its declared children's
    `successors` give it: the longest such sequence, with the child that precedes it."""
    best: tuple[str, ...] = ()
    for name, member in vars(element_class).items():
        if name.startswith("_insert_") and getattr(member, "__closure__", None):
            declared = member.__closure__[0].cell_contents  # the ZeroOrOne or ZeroOrMore
            sequence = (declared._nsptagname, *declared._successors)
            best = max(best, sequence, key=len)
    return best


def _insert_ordered(parent, child, head: tuple[str, ...] = (), replace: bool = True):
    """Insert `child` into `parent` before the first existing sibling that the schema puts after it
    (`head`: the part of the order python-docx does not declare); an existing child with the same
    tag is replaced unless `replace` is false."""
    tag = "w:" + child.tag.split("}")[1]
    for existing in parent.findall(qn(tag)) if replace else ():
        parent.remove(existing)
    order = head + _order(type(parent))
    parent.insert_element_before(child, *order[order.index(tag) + 1:])
    return child


def _element(tag: str, **attributes) -> object:
    """A new `w:` element with `w:` attributes (`None` values are left out)."""
    element = OxmlElement("w:" + tag)
    for name, value in attributes.items():
        if value is not None:
            element.set(qn("w:" + name), str(value))
    return element


def _pPr(target):
    """The `w:pPr` of a python-docx paragraph or paragraph style, created if needed."""
    element = target._p if isinstance(target, Paragraph) else target.element
    return element.get_or_add_pPr()


def _rPr(style):
    return style.element.get_or_add_rPr()


# Paragraphs and runs: python-docx's `add_paragraph(style=...)` and `add_run(text, style)` look the
# style up by scanning every style of the document and write text one character at a time, which
# made most of the DOCX time of a long report. These take the style's id and plain text instead.

def add_paragraph(container, style_id: str | None = None) -> Paragraph:
    """A new last paragraph of `container` in the style with that id (None: the default style)."""
    return style_paragraph(container.add_paragraph(), style_id)


def style_paragraph(paragraph: Paragraph, style_id: str | None) -> Paragraph:
    """Give an existing paragraph (a table cell's first) the style with that id."""
    if style_id and not len(paragraph._p):
        _styled(paragraph._p, "w:pPr", "w:pStyle", style_id)
    else:
        paragraph._p.style = style_id
    return paragraph


def _styled(element, properties: str, style: str, style_id: str) -> None:
    """Give an empty paragraph or run its style: the XML python-docx's style setters write, without
    their search for where the properties go (a tenth of the DOCX time of a long report)."""
    holder = OxmlElement(properties)
    holder.append(OxmlElement(style, {qn("w:val"): style_id}))
    element.append(holder)


def add_run(paragraph: Paragraph, text: str = "", style_id: str | None = None):
    """A new last run of `paragraph` holding `text`, in the character style with that id (None: no style)."""
    run = paragraph.add_run()
    if style_id:
        _styled(run._r, "w:rPr", "w:rStyle", style_id)
    if "\t" in text or "\n" in text or "\r" in text:
        run.text = text  # python-docx makes tabs and breaks of these
    elif text:
        run._r.add_t(text)
    return run


# Body and package ---------------------------------------------------------------------------------

def clear_body(document) -> None:
    """Remove the reference document's content, keeping its final section properties (page setup,
    headers and footers), as pandoc's --reference-doc does."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def drop_extras(document) -> None:
    """Leave out the parts of python-docx's default template that a generated document does not
    need: the thumbnail of an empty page, Word 2010's copy of the styles (stylesWithEffects, which
    would keep the old look for Word 2010) and a custom XML item; and its list definitions."""
    package_rels = document.part.package.rels
    for rId, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package_rels[rId]
    for rId, rel in list(document.part.rels.items()):
        if rel.reltype in (STYLES_WITH_EFFECTS, RT.CUSTOM_XML):
            del document.part.rels[rId]
    numbering = _numbering_part(document).element
    for child in list(numbering):
        numbering.remove(child)
    remove_setting(document, "savePreviewPicture")


def set_setting(document, tag: str, value: str | None = None) -> None:
    """Set an on/off or `w:val` setting in settings.xml, in schema order."""
    _insert_ordered(document.settings.element, _element(tag, val=value), _SETTINGS_HEAD)


def complete_zoom(document) -> None:
    """`w:zoom` needs its `w:percent` (python-docx's template leaves it out): 100 %."""
    for zoom in document.settings.element.findall(qn("w:zoom")):
        if zoom.get(qn("w:percent")) is None:
            zoom.set(qn("w:percent"), "100")


def remove_setting(document, tag: str) -> None:
    for child in document.settings.element.findall(qn("w:" + tag)):
        document.settings.element.remove(child)


# Styles -------------------------------------------------------------------------------------------

def reset_formatting(style) -> None:
    """Remove a style's paragraph and run properties and its link to a character style, to
    redefine it from scratch."""
    for tag in ("w:pPr", "w:rPr", "w:link"):
        for child in style.element.findall(qn(tag)):
            style.element.remove(child)


def set_borders(style, sides: Iterable[str], size_eighths: int = 4, space_pt: int = 4) -> None:
    """Single black borders on the given sides (`top`, `bottom`) of a paragraph style; Word joins
    the borders of consecutive paragraphs of the style into one box."""
    borders = _element("pBdr")
    for side in ("top", "left", "bottom", "right"):
        if side in sides:
            borders.append(_element(side, val="single", sz=size_eighths, space=space_pt, color="000000"))
    _insert_ordered(_pPr(style), borders)


def set_outline_level(style, level: int) -> None:
    """The outline level (0 = level 1) that makes a paragraph style a heading for navigation and TOC."""
    _insert_ordered(_pPr(style), _element("outlineLvl", val=level))


def set_letter_spacing(style, twentieths_of_point: int) -> None:
    _insert_ordered(_rPr(style), _element("spacing", val=twentieths_of_point))


def _default_run_properties(document, fresh: bool = False):
    """`w:docDefaults/w:rPrDefault/w:rPr`, made if missing; emptied first when `fresh`."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = _element("docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = _element("rPrDefault")
        defaults.insert(0, rpr_default)
    if fresh:
        for child in list(rpr_default):
            rpr_default.remove(child)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = _element("rPr")
        rpr_default.append(rpr)
    return rpr


def set_document_defaults(document, font: str, size_pt: float, language: str) -> None:
    """The document-wide run defaults (`w:docDefaults`): one font for all scripts, without the theme
    fonts that would otherwise win over it, the size and the proofing language."""
    rpr = _default_run_properties(document, fresh=True)
    rpr.append(_element("rFonts", ascii=font, hAnsi=font, cs=font, eastAsia=font))
    half_points = round(size_pt * 2)
    rpr.append(_element("sz", val=half_points))
    rpr.append(_element("szCs", val=half_points))
    rpr.append(_element("lang", val=language))


def default_fonts(document):
    """The `w:rFonts` of the document's run defaults (made if missing)."""
    rpr = _default_run_properties(document)
    rfonts = rpr.find(qn("w:rFonts"))
    return rfonts if rfonts is not None else _insert_ordered(rpr, _element("rFonts"))


def keep_manual_breaks_unjustified(document) -> None:
    """Lines ended by a manual break (a line block's, `\\` at the end of a line) are not stretched
    across a justified paragraph, as in the PDF (Word's `doNotExpandShiftReturn`; it comes first
    in `w:compat`)."""
    settings = document.settings.element
    compat = settings.find(qn("w:compat"))
    if compat is None:
        compat = _insert_ordered(settings, _element("compat"), _SETTINGS_HEAD)
    if compat.find(qn("w:doNotExpandShiftReturn")) is None:
        compat.insert(0, _element("doNotExpandShiftReturn"))


def set_document_language(document, language: str) -> None:
    """The proofing and hyphenation language of the whole document, in `w:docDefaults`."""
    _insert_ordered(_default_run_properties(document), _element("lang", val=language))


# Numbering ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ListLevel:
    """One `w:lvl`: how Word counts and writes a list level; indents in twips."""

    num_fmt: str
    text: str
    start: int = 1
    legal: bool = False
    style_id: str | None = None
    left: int = 0
    hanging: int = 0
    bold: bool = False


class Numbering:
    """Adds list definitions to numbering.xml: abstract lists (`w:abstractNum`) and their
    instances (`w:num`), numbered after those the reference document already has."""

    def __init__(self, document):
        self.root = _numbering_part(document).element
        self.next_abstract = 1 + max(_ids(self.root.findall(qn("w:abstractNum")), "abstractNumId"), default=0)
        self.next_num = 1 + max(_ids(self.root.findall(qn("w:num")), "numId"), default=0)
        self.abstracts: dict[int, object] = {}

    def add_list(self, levels: Sequence[ListLevel]) -> int:
        """A new abstract list with `levels` (level 0 first); returns its id."""
        ident = self.next_abstract
        self.next_abstract += 1
        abstract = _element("abstractNum", abstractNumId=ident)
        # nsid identifies a list to Word; a fixed value per id keeps builds reproducible.
        abstract.append(_element("nsid", val=f"{0x52470000 + ident:08X}"))
        abstract.append(_element("multiLevelType", val="multilevel" if len(levels) > 1 else "singleLevel"))
        for ilvl, level in enumerate(levels):
            abstract.append(_level_element(ilvl, level))
        self._insert(abstract)
        self.abstracts[ident] = abstract
        return ident

    def add_level(self, abstract_id: int, ilvl: int, level: ListLevel) -> None:
        """Level `ilvl` of one of the lists added here, from a one-level format: its `%1` becomes
        the level's own counter."""
        abstract = self.abstracts[abstract_id]
        abstract.find(qn("w:multiLevelType")).set(qn("w:val"), "multilevel")
        abstract.append(_level_element(ilvl, replace(level, text=level.text.replace("%1", f"%{ilvl + 1}"))))

    def release_styles(self, style_ids: set[str]) -> None:
        """Lists the reference document brought that claim these styles (`w:pStyle` in a level)
        give them up: a style belongs to one list, the one reportgen binds it to."""
        for abstract in self.root.findall(qn("w:abstractNum")):
            if abstract in self.abstracts.values():
                continue
            for style in abstract.findall(f"{qn('w:lvl')}/{qn('w:pStyle')}"):
                if style.get(qn("w:val")) in style_ids:
                    style.getparent().remove(style)

    def add_instance(self, abstract_id: int, starts: dict[int, int] | None = None) -> int:
        """A new list instance of `abstract_id`; `starts` restarts levels at the given values
        (`w:startOverride`), so the instance counts on its own. Returns its numId."""
        ident = self.next_num
        self.next_num += 1
        num = _element("num", numId=ident)
        num.append(_element("abstractNumId", val=abstract_id))
        for ilvl, start in sorted((starts or {}).items()):
            override = _element("lvlOverride", ilvl=ilvl)
            override.append(_element("startOverride", val=start))
            num.append(override)
        self._insert(num)
        return ident

    def _insert(self, child) -> None:
        _insert_ordered(self.root, child, _NUMBERING_HEAD, replace=False)


def _ids(elements, attribute: str) -> list[int]:
    """The numeric ids of a reference document's list definitions (a broken one is skipped)."""
    values = (element.get(qn("w:" + attribute), "") for element in elements)
    return [int(value) for value in values if value.lstrip("-").isdigit()]


def _level_element(ilvl: int, level: ListLevel):
    lvl = _element("lvl", ilvl=ilvl)
    lvl.append(_element("start", val=level.start))
    lvl.append(_element("numFmt", val=level.num_fmt))
    if level.style_id:
        lvl.append(_element("pStyle", val=level.style_id))
    if level.legal:
        lvl.append(_element("isLgl"))
    lvl.append(_element("suff", val="tab"))
    lvl.append(_element("lvlText", val=level.text))
    lvl.append(_element("lvlJc", val="left"))
    ppr = _element("pPr")
    ppr.append(_element("ind", left=level.left, hanging=level.hanging))
    lvl.append(ppr)
    if level.bold:
        rpr = _element("rPr")
        rpr.append(_element("b"))
        lvl.append(rpr)
    return lvl


def _numbering_part(document):
    """numbering.xml, created when the reference document has none (python-docx cannot create it)."""
    try:
        return document.part.part_related_by(RT.NUMBERING)
    except KeyError:
        part = NumberingPart(PackURI("/word/numbering.xml"), CT.WML_NUMBERING,
                             parse_xml(f"<w:numbering {nsdecls('w')}/>"), document.part.package)
        document.part.relate_to(part, RT.NUMBERING)
        return part


def set_numbering(target, num_id: int, ilvl: int = 0) -> None:
    """Attach a paragraph or paragraph style to list `num_id` at level `ilvl` (numId 0: no list)."""
    numpr = _element("numPr")
    if num_id:
        numpr.append(_element("ilvl", val=ilvl))
    numpr.append(_element("numId", val=num_id))
    _insert_ordered(_pPr(target), numpr)


def remove_numbering(style) -> None:
    ppr = style.element.pPr
    if ppr is not None:
        for numpr in ppr.findall(qn("w:numPr")):
            ppr.remove(numpr)


# Notes --------------------------------------------------------------------------------------------

_NOTE_PARTS = {"footnote": (CT.WML_FOOTNOTES, RT.FOOTNOTES), "endnote": (CT.WML_ENDNOTES, RT.ENDNOTES)}


class NoteStore:
    """The footnotes or endnotes part: the two separator notes (ids -1 and 0), then one note per
    call with ids 1..n in document order, as Word, pandoc and LibreOffice all read correctly."""

    def __init__(self, document, kind: str, mark_style_id: str):
        if kind not in _NOTE_PARTS:
            raise ValueError(f"kind must be footnote or endnote, not {kind!r}")
        self.kind, self.mark_style_id, self.next_id = kind, mark_style_id, 1
        content_type, reltype = _NOTE_PARTS[kind]
        main = document.part
        for rId, rel in list(main.rels.items()):  # the reference document's own notes are replaced
            if rel.reltype == reltype:
                main.drop_rel(rId)
        separators = "".join(
            f'<w:{kind} w:type="{kind_}" w:id="{ident}"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
            f'w:lineRule="auto"/></w:pPr><w:r><w:{kind_}/></w:r></w:p></w:{kind}>'
            for kind_, ident in (("separator", -1), ("continuationSeparator", 0)))
        element = parse_xml(f'<w:{kind}s {nsdecls("w", "r")}>{separators}</w:{kind}s>')
        self.part = StoryPart(PackURI(f"/word/{kind}s.xml"), content_type, element, main.package)
        main.relate_to(self.part, reltype)
        self._write_settings(document)

    def _write_settings(self, document) -> None:
        """Continuous arabic numbering, document-wide (listing the separators) and in every section:
        LibreOffice reads the section's, and Word's default for endnotes is i, ii, iii."""
        def properties(with_separators: bool):
            element = _element(self.kind + "Pr")
            element.append(_element("numFmt", val="decimal"))
            element.append(_element("numRestart", val="continuous"))
            for ident in (-1, 0) if with_separators else ():
                element.append(_element(self.kind, id=ident))
            return element

        _insert_ordered(document.settings.element, properties(True), _SETTINGS_HEAD)
        for section_properties in document.element.body.iter(qn("w:sectPr")):
            _insert_ordered(section_properties, properties(False))

    def call(self, paragraph: Paragraph, note_id: int) -> None:
        """The note's reference mark in the text."""
        add_run(paragraph, style_id=self.mark_style_id)._r.append(_element(self.kind + "Reference", id=note_id))

    def new_note(self, note_id: int) -> NoteBody:
        """An empty note; ids must come 1, 2, 3 ... in the order of the calls."""
        if note_id != self.next_id:
            raise ValueError(f"{self.kind} {note_id} out of order (expected {self.next_id})")
        self.next_id += 1
        element = _element(self.kind, id=note_id)
        self.part.element.append(element)
        return NoteBody(self, element)

    @property
    def count(self) -> int:
        return self.next_id - 1


class NoteBody:
    """The content of one note: paragraphs added here go into its `w:footnote` (or `w:endnote`);
    the first one opens with the note's own number mark and a tab."""

    def __init__(self, store: NoteStore, element):
        self.store, self.element, self.marked = store, element, False

    @property
    def part(self):
        return self.store.part

    def add_table(self, rows: int, cols: int, width: int):
        """A table in the note (its first paragraph, with the number, must come before)."""
        from docx.oxml.table import CT_Tbl
        from docx.table import Table

        tbl = CT_Tbl.new_tbl(rows, cols, width)
        self.element.append(tbl)
        return Table(tbl, self)

    def add_paragraph(self) -> Paragraph:
        p = OxmlElement("w:p")
        self.element.append(p)
        paragraph = Paragraph(p, self)
        if not self.marked:
            self.marked = True
            add_run(paragraph, style_id=self.store.mark_style_id)._r.append(_element(self.store.kind + "Ref"))
            paragraph.add_run("\t")
        return paragraph


# Fields, links, bookmarks -------------------------------------------------------------------------

def add_field(paragraph: Paragraph, instruction: str, result: str, style_id: str | None = None):
    """A complex field (`PAGE`, `REF name \\h` ...) with `result` as its cached value, which Word
    and LibreOffice show until the field is updated; returns the result's run."""
    add_run(paragraph)._r.append(_element("fldChar", fldCharType="begin"))
    instr = _element("instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = f" {instruction} "
    add_run(paragraph)._r.append(instr)
    add_run(paragraph)._r.append(_element("fldChar", fldCharType="separate"))
    run = add_run(paragraph, result, style_id)
    add_run(paragraph)._r.append(_element("fldChar", fldCharType="end"))
    return run


def add_page_numbers(paragraph: Paragraph) -> None:
    """`n / N` from the PAGE and NUMPAGES fields."""
    add_field(paragraph, "PAGE", "1")
    paragraph.add_run(" / ")
    add_field(paragraph, "NUMPAGES", "1")


def content_mark(paragraph: Paragraph) -> int:
    """A position in a paragraph's content, for `make_hyperlink` (set the style before taking it)."""
    return len(paragraph._p)


def make_hyperlink(paragraph: Paragraph, mark: int, target: str) -> None:
    """Turn what was added to `paragraph` since `mark` into a hyperlink: `#name` is a bookmark in
    the document, anything else an external address (already checked by the caller)."""
    p = paragraph._p
    link = _element("hyperlink", anchor=target[1:] if target.startswith("#") else None)
    if not target.startswith("#"):
        link.set(qn("r:id"), paragraph.part.relate_to(uri_target(target), RT.HYPERLINK, is_external=True))
    for child in list(p)[mark:]:
        link.append(child)
    p.append(link)


_NOT_IN_URI = re.compile(r"%(?![0-9A-Fa-f]{2})|[\x00-\x20\"<>\\^`{|}\x7f]")


def uri_target(address: str) -> str:
    """An address as a relationship's target must be written (xs:anyURI, RFC 3986), meaning the same
    to a browser: what a URI cannot hold percent-encoded, as a second `#` (`https://a.org/#/#room`),
    brackets outside the host, spaces or a lone `%`."""
    scheme, sep, rest = address.partition("://")
    if not sep:
        scheme, rest = "", address
    host_end = next((i for i, c in enumerate(rest) if c in "/?#"), len(rest)) if sep else 0
    head, tail = rest[:host_end], rest[host_end:]
    path, hash_, fragment = tail.partition("#")
    tail = path.replace("[", "%5B").replace("]", "%5D") + hash_ + fragment.replace("#", "%23").replace(
        "[", "%5B").replace("]", "%5D")
    tail = _NOT_IN_URI.sub(lambda found: "".join(f"%{b:02X}" for b in found[0].encode()), tail)
    return f"{scheme}{sep}{head}{tail}"


class Bookmarks:
    """Named positions for internal links (`#heading-id`), with ids unique in the document."""

    def __init__(self):
        self.next_id = 0

    def wrap(self, paragraph: Paragraph, name: str) -> None:
        """Bookmark the whole paragraph as `name`; in a note, after the note's own number and tab
        (LibreOffice drops a bookmark that starts before them)."""
        p = paragraph._p
        start = _element("bookmarkStart", id=self.next_id, name=name)
        position = 1 if p.pPr is not None else 0
        if len(p) > position and any(p[position].find(qn(m)) is not None for m in ("w:footnoteRef", "w:endnoteRef")):
            position += 1
            if len(p) > position and p[position].find(qn("w:tab")) is not None:
                position += 1
        p.insert(position, start)
        p.append(_element("bookmarkEnd", id=self.next_id))
        self.next_id += 1

    def wrap_from(self, paragraph: Paragraph, mark: int, name: str) -> None:
        """Bookmark what was added to `paragraph` since `mark` (a `content_mark`)."""
        p = paragraph._p
        p.insert(mark, _element("bookmarkStart", id=self.next_id, name=name))
        p.append(_element("bookmarkEnd", id=self.next_id))
        self.next_id += 1


# Tables and pictures ------------------------------------------------------------------------------

def set_table_indent(style, twips: int) -> None:
    """Indent the tables of a table style from the left margin (`w:tblInd`)."""
    tblpr = style.element.find(qn("w:tblPr"))
    if tblpr is None:
        tblpr = _insert_ordered(style.element, _element("tblPr"))
    _insert_ordered(tblpr, _element("tblInd", w=twips, type="dxa"))


def table_indent(style) -> int:
    """A table style's left indent in twips (0 when it sets none)."""
    indent = style.element.find(f"{qn('w:tblPr')}/{qn('w:tblInd')}")
    return int(indent.get(qn("w:w"), "0")) if indent is not None and indent.get(qn("w:type"), "dxa") == "dxa" else 0


def keep_row_whole(row) -> None:
    """Keep a table row on one page (a row is read across: never its number on one page and its text
    on the next), as the PDF's `tr { break-inside: avoid }`."""
    row._tr.get_or_add_trPr().append(_element("cantSplit"))


def repeat_as_header(row) -> None:
    """Mark a table row as a header row, repeated at the top of every page the table spans."""
    row._tr.get_or_add_trPr().append(_element("tblHeader"))


def set_table_look(table, header_row: bool) -> None:
    """Which parts of the table style apply, and what Word's accessibility checker reads as the
    table's headers: the first row when it is one, never the first column."""
    look = _element("tblLook", val="0420" if header_row else "0400", firstRow=int(header_row), lastRow=0,
                    firstColumn=0, lastColumn=0, noHBand=0, noVBand=1)
    _insert_ordered(table._tbl.tblPr, look)


def describe_picture(shape, text: str) -> None:
    """The picture's alternative text, read by screen readers."""
    shape._inline.docPr.set("descr", text)
