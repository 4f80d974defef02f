"""Language-aware typography as one model transform over everything printed: the sections, their
notes (bibliography fields as the note style printed them), the cover built from report.yaml and
the words reportgen writes itself. Code, addresses and images are left as they are; so is every
character an author typed in its typographic form (’ « » and no-break spaces): nothing is doubled.

The rules of each language are in `languages`; this module walks the model. A run of inlines (a
paragraph, a heading, a table cell) is typeset as one line, so that a quotation mark pairs across
emphasis (`"*Title*"`), then each text node takes back its own part of the line.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import groupby
from operator import itemgetter

from ... import model as m
from .languages import LANGUAGES, OBJECT, Edits, Language, register

__all__ = ["LANGUAGES", "Language", "Typesetter", "register", "typeset_document", "typesetter"]

_CONTAINERS = m.INLINE_CONTAINERS


def typesetter(language: str, quotes: str = "") -> Typesetter | None:
    """The typesetter of a report's language (its quotation marks replaced by `quotes` when given),
    or None for a language reportgen has no typography for."""
    rules = LANGUAGES.get(language)
    if rules is None:
        return None
    return Typesetter(rules.with_quotes(quotes) if quotes else rules)


def typeset_document(document: m.Document) -> m.Document:
    """The sections, their notes and the cover typeset in the report's language, as its
    `typography` settings ask; unchanged when they switch it off."""
    settings, language = document.config.typography, document.config.language
    if not settings.enabled:
        return document
    setter = typesetter(language, settings.quotes)
    cover = setter.visit(document.cover) if setter else document.cover
    sections = tuple(_typeset_section(section, language, settings.quotes) for section in document.sections)
    return replace(document, sections=sections, cover=cover, notes=m.notes_of(cover, sections))


def _typeset_section(section: m.Section, language: str, quotes: str) -> m.Section:
    """A section in the report's language, or in its own (front matter `lang`)."""
    own = section.lang.split("-")[0].lower() if section.lang else language
    setter = typesetter(own, quotes if own == language else "")
    return setter.visit(section) if setter else section


def _is_address(link: m.Link) -> bool:
    """A link that shows its own address (a URL or e-mail in a note) is printed as it is."""
    text = m.plain_text(link.children)
    return text == link.url or "://" in text or "@" in text or text.startswith("www.")


def _own_line(node: m.Node) -> bool:
    """Inlines typeset apart from the line around them: an address, a passage in another language."""
    return (isinstance(node, m.Link) and _is_address(node)) or (
        isinstance(node, m.Span) and bool(node.attributes.get("lang")))


class Typesetter(m.Transformer):
    """Typesets every run of inlines under the nodes it visits."""

    def __init__(self, language: Language):
        self.language = language

    def visit_Paragraph(self, node: m.Paragraph) -> m.Paragraph:
        return replace(node, inlines=self.run(node.inlines))

    visit_Heading = visit_TableCell = visit_Paragraph

    def visit_Table(self, node: m.Table) -> m.Table:
        return replace(self.generic_visit(node), caption=self.run(node.caption))

    def visit_DefinitionItem(self, node: m.DefinitionItem) -> m.DefinitionItem:
        return replace(self.generic_visit(node), inlines=self.run(node.inlines))

    def visit_Div(self, node: m.Div) -> m.Div:
        """A div in another language (`::: {lang=en}`) takes that language's typography (or none)."""
        lang = node.attributes.get("lang")
        setter = typesetter(lang.split("-")[0].lower()) if lang else self
        return setter.generic_visit(node) if setter else node

    def visit_Cover(self, cover: m.Cover) -> m.Cover:
        changes = {name: tuple(map(self.run, value)) if value and isinstance(value[0], tuple) else self.run(value)
                   for name in m.Cover.CHILDREN if name != "blocks" and (value := getattr(cover, name))}
        separator = self.text(f"a{cover.separator}a")[1:-1]  # typeset between two words: "\u202f; " in French
        return replace(cover, blocks=self.visit_all(cover.blocks), separator=separator, **changes)

    def text(self, text: str) -> str:
        """A string typeset alone (superscripts, having nowhere to go, stay on the line)."""
        edits = self.language.apply(text, [False] * len(text))
        return "".join(b + c + a for b, c, a in zip(edits.before, edits.chars, edits.after, strict=True))

    def run(self, inlines: tuple[m.Node, ...]) -> tuple[m.Node, ...]:
        line: list[str] = []
        raised: list[bool] = []
        fixed: list[bool] = []
        self._flatten(inlines, False, line, raised, fixed)
        edits = self.language.apply("".join(line), raised, fixed)
        return self._rebuild(inlines, edits, [0], False)

    def _flatten(self, nodes, up: bool, line: list[str], raised: list[bool], fixed: list[bool]) -> None:
        for node in nodes:
            if isinstance(node, m.Text):
                line.append(node.text)
                raised.extend([up] * len(node.text))
                fixed.extend([isinstance(node, m.Verbatim)] * len(node.text))
            elif isinstance(node, _CONTAINERS) and not _own_line(node):
                self._flatten(node.children, up or isinstance(node, m.Superscript), line, raised, fixed)
            else:
                line.append("\n" if isinstance(node, m.LineBreak) else OBJECT)
                raised.append(up)
                fixed.append(True)

    def _rebuild(self, nodes, edits: Edits, position: list[int], up: bool) -> tuple[m.Node, ...]:
        out: list[m.Node] = []
        for node in nodes:
            if isinstance(node, m.Verbatim):
                position[0] += len(node.text)
                out.append(node)
            elif isinstance(node, m.Text):
                start = position[0]
                position[0] += len(node.text)
                out.extend(_pieces(edits, start, position[0], up))
            elif isinstance(node, _CONTAINERS) and not _own_line(node):
                inner = up or isinstance(node, m.Superscript)
                out.append(replace(node, children=self._rebuild(node.children, edits, position, inner)))
            elif isinstance(node, m.Span):  # a passage in its own language (`[text]{lang=en}`)
                position[0] += 1
                own = typesetter(node.attributes.get("lang").split("-")[0].lower())
                out.append(replace(node, children=own.run(node.children)) if own else node)
            else:
                if edits.before[position[0]]:  # a no-break space before a note call or code
                    out.append(m.Text(edits.before[position[0]]))
                position[0] += 1
                out.append(self.visit(node))  # a note: its own blocks are typeset in turn
        return tuple(out)


def _pieces(edits: Edits, start: int, end: int, up: bool) -> list[m.Node]:
    """The nodes for positions start..end of a typeset line: text, with raised characters in a
    Superscript (unless the text is raised already). Linear in the text: most text has nothing raised
    and becomes one Text at once."""
    before, chars, after = edits.before[start:end], edits.chars[start:end], edits.after[start:end]
    if up or not any(edits.raised[start:end]):
        text = "".join(chars) if not any(before) and not any(after) else "".join(map(_joined, before, chars, after))
        return [m.Text(text)] if text else []
    parts = ((text, lifted) for b, c, a, r in zip(before, chars, after, edits.raised[start:end], strict=True)
             for text, lifted in ((b, False), (c, r), (a, False)) if text)
    return [m.Superscript((m.Text(text),)) if lifted else m.Text(text)
            for lifted, group in groupby(parts, key=itemgetter(1)) for text in ["".join(p[0] for p in group)]]


def _joined(before: str, char: str, after: str) -> str:
    return before + char + after
