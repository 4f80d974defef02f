"""The document model: one immutable tree (document, sections, blocks, inlines), every node with its source.

Loading builds it; `transforms` number it and turn citations into notes, each returning a new tree;
renderers only read it. Nodes are frozen dataclasses holding tuples, so a renderer cannot change
what another one sees.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, fields, replace
from typing import Any, ClassVar

from .errors import Source

# What a link may point at: the loader rejects anything else, renderers drop it if met.
LINK_SCHEMES = frozenset({"http", "https", "mailto"})


class Node:
    """Base of every model node."""

    __slots__ = ()


class Inline(Node):
    """A node inside a line of text. Every renderer has an `inline_<ClassName>` method for each."""

    __slots__ = ()


class Block(Node):
    """A node that stands as a block of its own. Every renderer has a `block_<ClassName>` method for each."""

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class Attributes:
    """An element's identifier, classes and key-value pairs, in the order written."""

    id: str = ""
    classes: tuple[str, ...] = ()
    pairs: tuple[tuple[str, str], ...] = ()

    def get(self, key: str, default: str = "") -> str:
        for name, value in self.pairs:
            if name == key:
                return value
        return default

    def __bool__(self) -> bool:
        return bool(self.id or self.classes or self.pairs)


# Inlines ------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Text(Inline):
    text: str


@dataclass(frozen=True, slots=True)
class Verbatim(Text):
    """Text the author escaped (`\\"`): printed as typed, which typography leaves alone."""


@dataclass(frozen=True, slots=True)
class Emph(Inline):
    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Strong(Inline):
    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Strikeout(Inline):
    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Superscript(Inline):
    """Raised text: an ordinal's letters (51ᵉ), `^x^`."""

    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Subscript(Inline):
    """Lowered text: `~x~`."""

    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class SmallCaps(Inline):
    """`[text]{.smallcaps}`."""

    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Underline(Inline):
    """`[text]{.underline}` (or `.ul`)."""

    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Span(Inline):
    """Any other bracketed span `[text]{#id .class key=value}`: its language (`lang=fr`), highlighting
    (`.mark`) and identifier are shown; other attributes are kept for templates."""

    children: tuple[Node, ...]
    attributes: Attributes = Attributes()


@dataclass(frozen=True, slots=True)
class Code(Inline):
    text: str


@dataclass(frozen=True, slots=True)
class LineBreak(Inline):
    pass


@dataclass(frozen=True, slots=True)
class Link(Inline):
    url: str
    children: tuple[Node, ...]
    source: Source


@dataclass(frozen=True, slots=True)
class Image(Inline):
    """An image; `src` is as written, resolved against the section's folder by the renderers."""

    src: str
    alt: str
    source: Source
    width: str = ""  # as CSS writes it: `50%` of the text width, `8cm`, `300px`; empty: its own size


@dataclass(frozen=True, slots=True)
class Citation(Node):
    """One cited work inside a cluster: `[prefix @key, locator suffix]`. `mode` is "" (normal),
    "author-in-text" (`@key` in the text: the author is printed there) or "suppress-author" (`[-@key]`)."""

    key: str
    prefix: tuple[Node, ...]
    locator: str
    suffix: tuple[Node, ...]
    source: Source
    mode: str = ""


@dataclass(frozen=True, slots=True)
class Cite(Inline):
    """A citation cluster `[@a; @b]`. In the body it becomes a note; inside a note, text."""

    citations: tuple[Citation, ...]
    source: Source


@dataclass(frozen=True, slots=True)
class CrossRef(Inline):
    """`@sec-id`, `[@sec-a; @sec-b]`, `[Section @sec-x]` as written: a reference to numbered parts of
    the report, which the cross-references transform prints ("sections 1.1 and 1.2") as Text and Ref."""

    targets: tuple[str, ...]
    source: Source
    prefix: tuple[Node, ...] = ()  # the author's own word ("Section"), printed instead of reportgen's
    suffix: tuple[Node, ...] = ()  # what follows the last target inside the brackets
    bare: bool = False  # `[-@sec-x]`: the number alone
    capital: bool = False  # `@Sec-x`: the word capitalised


@dataclass(frozen=True, slots=True)
class Ref(Inline):
    """A resolved cross-reference's number as its target shows it ("II", "12"), or the title of an
    unnumbered heading: a link to `target` in HTML and PDF, a REF field in DOCX. `kind` is heading,
    title, paragraph, recommendation, annex or table."""

    target: str
    number: str
    kind: str


@dataclass(frozen=True, slots=True)
class Note(Inline):
    """A footnote or endnote; `number` is set by the citations transform (1, 2, … in document order)."""

    blocks: tuple[Node, ...]
    source: Source
    number: int = 0
    label: str = ""
    from_citation: bool = False


# Blocks -------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Paragraph(Block):
    """A paragraph; `number` is its paragraph number when body paragraphs are numbered."""

    inlines: tuple[Node, ...]
    source: Source
    number: int | None = None
    id: str = ""  # given by the author (`[]{#para-id}` at its start), for cross-references


@dataclass(frozen=True, slots=True)
class Figure(Block):
    """An image alone in its paragraph with a caption, as Pandoc makes a figure of it: `children` holds
    the image, `inlines` the caption printed below it; `id` from the image's `{#fig-id}`."""

    children: tuple[Node, ...]
    inlines: tuple[Node, ...]
    source: Source
    id: str = ""


@dataclass(frozen=True, slots=True)
class Heading(Block):
    """A heading; `number` is its label (`II.`, `1.2`) and `counters` the counts behind it."""

    level: int
    inlines: tuple[Node, ...]
    source: Source
    id: str = ""
    numbered: bool = True
    number: str = ""
    counters: tuple[int, ...] = ()
    label: str = ""  # an annex's "Annex I", printed above its title


@dataclass(frozen=True, slots=True)
class ListItem(Node):
    blocks: tuple[Node, ...]
    source: Source


@dataclass(frozen=True, slots=True)
class BulletList(Block):
    items: tuple[ListItem, ...]
    source: Source


@dataclass(frozen=True, slots=True)
class OrderedList(Block):
    """An ordered list; `kind` is one of `1 a A i I`, `delimiter` one of `. ) ()`."""

    items: tuple[ListItem, ...]
    source: Source
    kind: str = "1"
    delimiter: str = "."
    start: int = 1


@dataclass(frozen=True, slots=True)
class DefinitionItem(Node):
    """A term (`inlines`) and its definitions, each a list item of blocks."""

    inlines: tuple[Node, ...]
    items: tuple[ListItem, ...]
    source: Source


@dataclass(frozen=True, slots=True)
class DefinitionList(Block):
    """Pandoc's definition list: `Term` then `:   Definition` lines."""

    items: tuple[DefinitionItem, ...]
    source: Source


@dataclass(frozen=True, slots=True)
class BlockQuote(Block):
    blocks: tuple[Node, ...]
    source: Source


@dataclass(frozen=True, slots=True)
class CodeBlock(Block):
    text: str
    source: Source


@dataclass(frozen=True, slots=True)
class HorizontalRule(Block):
    source: Source


@dataclass(frozen=True, slots=True)
class TableCell(Node):
    """A cell; `source` only when it was written elsewhere than its table (a generated annex's cell
    showing a recommendation)."""

    inlines: tuple[Node, ...]
    align: str = ""
    source: Source | None = None


@dataclass(frozen=True, slots=True)
class Table(Block):
    """A table; a caption (`: Caption {#tbl-id}` after it) makes it numbered: `number` 1, 2, … and
    `label` "Table 1", printed above the caption."""

    header: tuple[TableCell, ...]
    rows: tuple[tuple[TableCell, ...], ...]
    source: Source
    caption: tuple[Node, ...] = ()
    id: str = ""
    number: int = 0
    label: str = ""


@dataclass(frozen=True, slots=True)
class Div(Block):
    """A fenced div other than recommendations: a container with pandoc attributes."""

    blocks: tuple[Node, ...]
    source: Source
    attributes: Attributes = Attributes()


@dataclass(frozen=True, slots=True)
class Recommendation(Node):
    """One recommendation and its metadata; `number` and `label` are set by the numbering transform."""

    blocks: tuple[Node, ...]
    source: Source
    id: str = ""
    theme: str = ""
    sdg: tuple[str, ...] = ()  # SDG targets, e.g. ("16.2", "8.7")
    previous: tuple[str, ...] = ()  # previous-cycle recommendations it repeats or follows up ("28.212")
    states: tuple[str, ...] = ()  # the States that made those recommendations
    priority: str = ""
    number: int = 0
    label: str = ""


@dataclass(frozen=True, slots=True)
class Recommendations(Block):
    """A `::: recommendations` block: one recommendation per list item."""

    items: tuple[Recommendation, ...]
    source: Source


# Redline marks ------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Inserted(Inline, Block):
    """What a newer draft added: inlines, or whole blocks (`reportgen diff` puts these in a redline)."""

    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Deleted(Inline, Block):
    """What an older draft had and a newer one dropped: inlines, or whole blocks."""

    children: tuple[Node, ...]


# Document -----------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Section(Node):
    """One section file: its blocks and the front matter that describes it."""

    blocks: tuple[Node, ...]
    source: Source
    title: str = ""
    id: str = ""
    owner: str = ""
    status: str = ""
    annex: bool = False
    generated: bool = False  # made by reportgen from other parts (an annex of recommendations), not a file
    lang: str = ""  # the section's language (front matter `lang`), when not the report's
    nocite: tuple[str, ...] = ()  # keys counted as cited without a citation (`*`: every entry)
    references: tuple = field(default=(), compare=False)  # its own bibliography entries (load.bibliography.Entry)


@dataclass(frozen=True, slots=True)
class Cover(Node):
    """The top of the first page, built from report.yaml: who submits what, about which State. What
    it prints is inlines, typeset like the text; each label holds its colon ("Présentée par :")."""

    kind: tuple[Node, ...]  # "Joint submission to the Universal Periodic Review"
    title: tuple[Node, ...]
    subtitle: tuple[Node, ...]
    review: tuple[Node, ...]  # "Indonesia – 13th session of the UPR Working Group, 2nd cycle"
    date: tuple[Node, ...]
    coalition: tuple[Node, ...]  # "Name (ACRONYM)" of a coalition, or ()
    submitters: tuple[tuple[Node, ...], ...]  # "Name (ACRONYM)" for each organisation
    blocks: tuple[Node, ...]  # the coalition's description
    keywords: tuple[tuple[Node, ...], ...]
    contact: tuple[tuple[Node, ...], ...]
    source: Source
    label_coalition: tuple[Node, ...] = ()  # "Coalition:"
    label_submitters: tuple[Node, ...] = ()  # "Member organisations (21):", "Submitted by:"
    label_keywords: tuple[Node, ...] = ()
    label_contact: tuple[Node, ...] = ()
    separator: str = "; "  # between the submitters and between the key words, as the language spaces it

    CHILDREN: ClassVar[tuple[str, ...]] = ("kind", "title", "subtitle", "review", "date", "coalition", "submitters",
                                           "blocks", "keywords", "contact", "label_coalition", "label_submitters",
                                           "label_keywords", "label_contact")


@dataclass(frozen=True, slots=True)
class Document(Node):
    """The whole report: settings, the cover text, the sections, and (once resolved) the notes."""

    config: Any
    cover: Cover
    sections: tuple[Section, ...]
    bibliography: Any = None
    previous: tuple = ()  # the previous cycle's recommendations (previous.PreviousRecommendation)
    citation_style: Any = None  # a CSL style for the notes (load.csl_style.CslStyle); None: the UN style
    notes: tuple[Note, ...] = field(default=(), compare=False)


# Walking and rewriting ----------------------------------------------------------------------------

_CHILD_FIELDS: dict[type, tuple[str, ...]] = {}


def child_fields(node: Node) -> tuple[str, ...]:
    """Names of the fields of `node` that hold child nodes (tuples of nodes, or rows of them)."""
    cls = type(node)
    names = _CHILD_FIELDS.get(cls)
    if names is None:
        names = getattr(cls, "CHILDREN", None) or tuple(
            f.name for f in fields(cls) if f.name in {"children", "inlines", "blocks", "items", "citations", "prefix",
                                                      "suffix", "header", "rows", "sections", "caption"})
        _CHILD_FIELDS[cls] = names
    return names


def walk(node: Node) -> Iterator[Node]:
    """Every node under `node` (itself first), in document order."""
    yield node
    for name in child_fields(node):
        for child in getattr(node, name):
            if isinstance(child, tuple):
                for cell in child:
                    yield from walk(cell)
            else:
                yield from walk(child)


class Transformer:
    """Rebuilds a tree: `visit_<ClassName>` methods replace nodes; others are copied only if a child changed."""

    def visit(self, node: Node) -> Node:
        method = getattr(self, "visit_" + type(node).__name__, None)
        return method(node) if method else self.generic_visit(node)

    def visit_all(self, nodes: tuple) -> tuple:
        """Visit a field's nodes; a visit may return a tuple, spliced in place of the node."""
        out: list = []
        for node in nodes:
            result = self.visit_all(node) if isinstance(node, tuple) else self.visit(node)
            if isinstance(result, tuple) and not isinstance(node, tuple):
                out.extend(result)
            else:
                out.append(result)
        return tuple(out)

    def generic_visit(self, node: Node) -> Node:
        changes = {}
        for name in child_fields(node):
            old = getattr(node, name)
            new = self.visit_all(old)
            if len(new) != len(old) or any(a is not b for a, b in zip(new, old, strict=True)):
                changes[name] = new
        return replace(node, **changes) if changes else node


def label_number(label: str) -> str:
    """The number in an annex's or a table's label ("Annex II" -> "II", "表3" -> "3", "附件二" -> "二"),
    or the words after its noun ("المرفق الثاني" -> "الثاني")."""
    numbers = re.findall(r"[0-9IVXLCDM]+|[一二三四五六七八九十百千零]+$", label)
    return numbers[-1] if numbers else label.partition(" ")[2] or label


def notes_of(cover: Cover, sections: tuple[Section, ...]) -> tuple[Note, ...]:
    """Every note in document order (the cover's first): a transform that rewrites notes lists them again."""
    return tuple(node for part in (cover, *sections) for node in walk(part) if isinstance(node, Note))


# Inlines that hold other inlines: their text runs on without a space.
INLINE_CONTAINERS = (Emph, Strong, Strikeout, Superscript, Subscript, SmallCaps, Underline, Span, Link, Inserted,
                     Deleted)


def merge_text(nodes) -> tuple[Node, ...]:
    """`nodes` with neighbouring plain texts joined and empty ones left out (verbatim text stays apart)."""
    out: list[Node] = []
    for node in nodes:
        if type(node) is Text and not node.text:
            continue
        if type(node) is Text and out and type(out[-1]) is Text:
            out[-1] = Text(out[-1].text + node.text)
        else:
            out.append(node)
    return tuple(out)


def plain_text(nodes: tuple | Node, notes: bool = False) -> str:
    """The text of nodes as a reader sees it; note texts are left out unless asked for."""
    if isinstance(nodes, tuple):
        return "".join(plain_text(node, notes) for node in nodes)
    node = nodes
    if isinstance(node, Text | Code | CodeBlock):
        return node.text
    if isinstance(node, Ref):
        return node.number
    if isinstance(node, CrossRef):  # printed once resolved, as Text and Ref
        return ""
    if isinstance(node, LineBreak):
        return "\n"
    if isinstance(node, Image):
        return node.alt
    if isinstance(node, Cite | Note) and not notes:  # in the body, a citation is a note
        return ""
    if isinstance(node, Figure):  # the caption; the image's description is not text on the page
        return plain_text(node.inlines, notes)
    parts = []
    for name in child_fields(node):
        for child in getattr(node, name):
            cells = child if isinstance(child, tuple) else (child,)  # a table row, or one node
            parts.append(" ".join(plain_text(c, notes) for c in cells))
    inline = isinstance(node, INLINE_CONTAINERS + (Paragraph, Heading, TableCell, Citation, Figure))
    return ("" if inline else " ").join(parts)
