"""The named Word styles a report uses: their default look (the reference document is generated from
it) and a style sheet that finds them in a reference document, adding any that are missing."""

from __future__ import annotations

from dataclasses import dataclass

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt, RGBColor

from ..errors import Problem, ReportError, Source
from . import _ooxml

PARAGRAPH, CHARACTER, TABLE = WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER, WD_STYLE_TYPE.TABLE
_TYPE_NAMES = {PARAGRAPH: "paragraph", CHARACTER: "character", TABLE: "table", WD_STYLE_TYPE.LIST: "list"}
_ALIGNMENTS = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
               "justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "right": WD_ALIGN_PARAGRAPH.RIGHT}

GUTTER_MM = 12.0  # the margin where paragraph and heading numbers hang, as in the PDF
LIST_STEP_MM = 9.0  # each list level indents its text by this much; its marker hangs in it
LIST_DEPTHS = 5  # Word's built-in list styles go up to "List Bullet 5"


@dataclass(frozen=True)
class StyleSpec:
    """A style's definition; sizes in points, indents in millimetres, `hanging` for the first line."""

    name: str
    type: WD_STYLE_TYPE = PARAGRAPH
    base: str | None = "Normal"
    builtin: bool = False  # one of Word's own styles (Word then knows it, e.g. for notes)
    next: str | None = None
    font: str | None = None
    size: float | None = None
    bold: bool | None = None
    italic: bool | None = None
    caps: bool | None = None
    superscript: bool | None = None
    color: str | None = None
    letter_spacing: float | None = None
    align: str | None = None
    left: float | None = None
    hanging: float | None = None
    before: float | None = None
    after: float | None = None
    line: float | None = None
    keep_next: bool | None = None
    keep_lines: bool | None = None
    page_break_before: bool | None = None
    outline: int | None = None
    borders: tuple[str, ...] = ()


def leveled(name: str, depth: int) -> str:
    """`List Bullet` at depth 1, `List Bullet 2` at depth 2 ... (Word's naming), capped at 5."""
    depth = max(1, min(depth, LIST_DEPTHS))
    return name if depth == 1 else f"{name} {depth}"


def list_text_start(depth: int) -> float:
    """Where the text of a list item at `depth` (1-based) starts, in mm."""
    return GUTTER_MM + LIST_STEP_MM * max(1, min(depth, LIST_DEPTHS))


def _headings() -> list[StyleSpec]:
    looks = {1: dict(size=14, bold=True, before=18), 2: dict(size=12, bold=True, before=14),
             3: dict(size=12, bold=True, italic=True, before=14)}
    specs = []
    for level in range(1, 7):
        look = looks.get(level, dict(size=12, bold=False, italic=True, before=14))
        specs.append(StyleSpec(f"Heading {level}", builtin=True, next="Numbered Paragraph", align="left",
                               left=GUTTER_MM, hanging=GUTTER_MM, after=6, line=1.2, keep_next=True,
                               keep_lines=True, outline=level - 1, **look))
    # Unnumbered headings keep their level's look but not its number (the renderer sets numId 0).
    specs += [StyleSpec(f"Heading {level} Unnumbered", base=f"Heading {level}", left=0, hanging=0)
              for level in range(1, 7)]
    # An annex (front matter `annex: true`, or one reportgen makes) starts on a page of its own.
    specs.append(StyleSpec("Annex Heading", base="Heading 1 Unnumbered", page_break_before=True))
    return specs


def _lists() -> list[StyleSpec]:
    specs = []
    for depth in range(1, LIST_DEPTHS + 1):
        start = list_text_start(depth)
        for name in ("List Bullet", "List Number"):
            specs.append(StyleSpec(leveled(name, depth), builtin=True, left=start, hanging=LIST_STEP_MM, after=3))
        specs.append(StyleSpec(leveled("List Continue", depth), builtin=True, left=start, hanging=0, after=3))
    return specs


CATALOGUE: tuple[StyleSpec, ...] = (
    StyleSpec("Normal", base=None, builtin=True, font="Times New Roman", size=12, align="justify", after=6,
              line=1.25),
    StyleSpec("Body Text", builtin=True, left=GUTTER_MM, hanging=0),
    StyleSpec("Numbered Paragraph", left=GUTTER_MM, hanging=GUTTER_MM),
    *_headings(),
    StyleSpec("Title", builtin=True, size=17, bold=True, align="center", after=6, line=1.2, keep_next=True),
    StyleSpec("Subtitle", builtin=True, size=13, italic=True, align="center", after=6),
    StyleSpec("Cover Kind", size=11, caps=True, letter_spacing=0.65, align="center", after=4),
    StyleSpec("Cover Review", bold=True, align="center", after=14),
    StyleSpec("Cover Date", align="center", after=14),
    StyleSpec("Cover Details", borders=("top", "bottom"), after=6),
    StyleSpec("Cover Label", type=CHARACTER, base=None, bold=True),
    *_lists(),
    StyleSpec("Recommendation", left=list_text_start(1), hanging=LIST_STEP_MM, after=5),
    StyleSpec("Block Text", builtin=True, size=11, left=22, hanging=0),
    StyleSpec("Source Code", font="Courier New", size=9.5, align="left", left=GUTTER_MM, hanging=0, line=1.0),
    StyleSpec("Verbatim Char", type=CHARACTER, base=None, font="Courier New", size=9.5),
    StyleSpec("Figure", align="center", left=GUTTER_MM, hanging=0, before=6, after=3, keep_next=True),
    StyleSpec("Horizontal Rule", size=6, borders=("bottom",), left=GUTTER_MM, before=4, after=10),
    StyleSpec("Table Text", size=10.5, align="left", after=0, line=1.0),
    StyleSpec("Table Heading", base="Table Text", bold=True, keep_next=True),
    StyleSpec("Report Table", type=TABLE, base="Table Grid", left=GUTTER_MM),
    StyleSpec("Caption", builtin=True, size=10.5, bold=True, align="left", left=GUTTER_MM, hanging=0, before=6,
              after=3, keep_next=True),
    # Pandoc's names: a table's caption, above it, kept with it (whatever a reference's Caption says);
    # a figure's, below it.
    StyleSpec("Table Caption", base="Caption", keep_next=True),
    StyleSpec("Image Caption", base="Caption", italic=True, bold=False, align="center", before=0, after=10,
              keep_next=False),
    StyleSpec("Hyperlink", type=CHARACTER, base=None, builtin=True, color="1A3D7C"),
    StyleSpec("Footnote Text", builtin=True, size=10, align="left", left=5, hanging=5, after=2, line=1.0),
    StyleSpec("Footnote Reference", type=CHARACTER, base=None, builtin=True, superscript=True),
    StyleSpec("Footnote List", base="Footnote Text", left=10, hanging=5),
    StyleSpec("Endnote Text", builtin=True, size=10, align="left", left=8, hanging=8, after=2, line=1.0),
    StyleSpec("Endnote Reference", type=CHARACTER, base=None, builtin=True, superscript=True),
    StyleSpec("Endnote List", base="Endnote Text", left=13, hanging=5),
    StyleSpec("Footnote Quote", base="Footnote Text", left=10, hanging=0),
    StyleSpec("Endnote Quote", base="Endnote Text", left=13, hanging=0),
    StyleSpec("Footnote Code", base="Footnote Text", font="Courier New", size=9, left=10, hanging=0),
    StyleSpec("Endnote Code", base="Endnote Text", font="Courier New", size=9, left=13, hanging=0),
    StyleSpec("Definition Term", bold=True, left=GUTTER_MM, hanging=0, after=0, keep_next=True),
    StyleSpec("Definition", left=GUTTER_MM + LIST_STEP_MM, hanging=0),
    StyleSpec("Header", builtin=True, size=9, italic=True, color="444444", align="center", after=0, line=1.0),
    StyleSpec("Footer", builtin=True, size=10, align="center", after=0, line=1.0),
)


def apply_spec(style, spec: StyleSpec, find) -> None:
    """Write `spec` into a python-docx style; `find(name)` gives the style sheet's other styles."""
    if spec.base:
        base = find(spec.base)
        if base is not None:
            style.base_style = base
    if spec.next and spec.type == PARAGRAPH and find(spec.next) is not None:
        style.next_paragraph_style = find(spec.next)
    style.quick_style = spec.type != TABLE
    font = style.font
    if spec.font:
        font.name = spec.font
    if spec.size:
        font.size = Pt(spec.size)
    for attribute in ("bold", "italic"):
        if getattr(spec, attribute) is not None:
            setattr(font, attribute, getattr(spec, attribute))
    if spec.caps is not None:
        font.all_caps = spec.caps
    if spec.superscript is not None:
        font.superscript = spec.superscript
    if spec.color:
        font.color.rgb = RGBColor.from_string(spec.color)
    if spec.letter_spacing:
        _ooxml.set_letter_spacing(style, round(spec.letter_spacing * 20))
    if spec.type == TABLE and spec.left is not None:
        _ooxml.set_table_indent(style, Mm(spec.left).twips)
    if spec.type != PARAGRAPH:
        return
    paragraph = style.paragraph_format
    if spec.align:
        paragraph.alignment = _ALIGNMENTS[spec.align]
    if spec.left is not None:
        paragraph.left_indent = Mm(spec.left)
    if spec.hanging is not None:
        paragraph.first_line_indent = -Mm(spec.hanging) if spec.hanging else Mm(0)
    if spec.before is not None:
        paragraph.space_before = Pt(spec.before)
    if spec.after is not None:
        paragraph.space_after = Pt(spec.after)
    if spec.line is not None:
        paragraph.line_spacing = spec.line
    if spec.keep_next is not None:
        paragraph.keep_with_next = spec.keep_next
    if spec.keep_lines is not None:
        paragraph.keep_together = spec.keep_lines
    if spec.page_break_before is not None:
        paragraph.page_break_before = spec.page_break_before
    if spec.name == "Normal":
        paragraph.widow_control = True
    if spec.outline is not None:
        _ooxml.set_outline_level(style, spec.outline)
    if spec.borders:
        _ooxml.set_borders(style, spec.borders)


class StyleSheet:
    """The catalogue's styles as found in a document (by name, in any case, as Word writes its
    built-in names in lower case), with any missing ones added from the catalogue."""

    def __init__(self, document, where: Source):
        self.document, self.where = document, where
        self._existing = {}
        for style in document.styles:
            if style.name:
                self._existing.setdefault(style.name.lower(), style)
        self._taken_ids = {style.style_id for style in document.styles if style.style_id}
        self.styles = {}
        self.added: list[str] = []
        for spec in CATALOGUE:
            self.styles[spec.name] = self._find_or_add(spec)
        defaults = {kind: document.styles.default(kind) for kind in (PARAGRAPH, CHARACTER)}
        # What paragraphs and runs refer to: no id for the default style of its type, as in python-docx.
        self.ids = {name: None if style == defaults.get(style.type) else style.style_id
                    for name, style in self.styles.items()}

    def __getitem__(self, name: str):
        return self.styles[name]

    def id(self, name: str) -> str | None:
        """The id by which a paragraph or run takes this catalogue style."""
        return self.ids[name]

    def find(self, name: str):
        """A catalogue style, or any other style of the document, by name; None if absent."""
        return self.styles.get(name) or self._existing.get(name.lower())

    def _find_or_add(self, spec: StyleSpec):
        style = self._existing.get(spec.name.lower())
        if style is not None:
            if style.type != spec.type:
                raise ReportError([Problem(self.where, (
                    f"style '{spec.name}' is a {_TYPE_NAMES.get(style.type, 'different')} style; reportgen "
                    f"needs a {_TYPE_NAMES[spec.type]} style of that name (rename or delete it)"))])
            return style
        style = self.document.styles.add_style(spec.name, spec.type, builtin=spec.builtin)
        if style.style_id in self._taken_ids:  # another style already uses that id under another name
            n = 2
            while f"{style.style_id}{n}" in self._taken_ids:
                n += 1
            style.style_id = f"{style.style_id}{n}"
        self._taken_ids.add(style.style_id)
        self._existing[spec.name.lower()] = style
        apply_spec(style, spec, self.find)
        self.added.append(spec.name)
        return style

    def indent(self, name: str) -> tuple[int, int]:
        """The left indent and first-line hanging of a paragraph style, in twips, following its
        base styles as Word does."""
        left = first = None
        style = self[name]
        seen = set()
        while style is not None and style.style_id not in seen and (left is None or first is None):
            seen.add(style.style_id)
            paragraph = style.paragraph_format
            if left is None and paragraph.left_indent is not None:
                left = paragraph.left_indent.twips
            if first is None and paragraph.first_line_indent is not None:
                first = paragraph.first_line_indent.twips
            style = style.base_style
        return left or 0, -first if first and first < 0 else 0
