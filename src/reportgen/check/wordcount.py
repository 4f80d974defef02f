"""Word counts as Microsoft Word makes them, for each part of a report that OHCHR's limit may cover.

A word is a run of characters between whitespace: `child-rights`, `and/or`, `2009-2014`, `A/HRC/19/8`
and `21/2007` are one word each, a number is a word, and a dash or guillemet standing between spaces
is a word too (a token like any other; not verified in Word itself). Each Chinese or Japanese
character, full-width punctuation included, is a word of its own, as Word counts them. Numbers
reportgen generates (headings, paragraphs, recommendations, note calls) are not text in the DOCX,
so they are not counted; neither are image descriptions.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import model as m
from ..scripts import count_words


@dataclass(frozen=True)
class SectionWords:
    """The words of one section file, by part."""

    path: str
    body: int
    headings: int
    notes: int
    annex: bool = False

    def counted(self, count_notes: bool) -> int:
        return 0 if self.annex else self.body + self.headings + (self.notes if count_notes else 0)


@dataclass(frozen=True)
class WordCount:
    """The words of a report: cover, body, headings, notes and annexes apart."""

    cover: int
    sections: tuple[SectionWords, ...]
    count_notes: bool

    def _sum(self, part: str) -> int:
        return sum(getattr(s, part) for s in self.sections if not s.annex)

    @property
    def body(self) -> int:
        return self._sum("body")

    @property
    def headings(self) -> int:
        return self._sum("headings")

    @property
    def notes(self) -> int:
        return self._sum("notes")

    @property
    def annexes(self) -> int:
        return sum(s.body + s.headings + s.notes for s in self.sections if s.annex)

    @property
    def counted(self) -> int:
        """The words the limit applies to: body, headings and cover, and notes when they count."""
        return self.cover + sum(s.counted(self.count_notes) for s in self.sections)

    def biggest(self, n: int = 3) -> list[tuple[str, int]]:
        """The `n` parts that contribute most to the counted words, biggest first."""
        parts = [(s.path, s.counted(self.count_notes)) for s in self.sections if not s.annex]
        parts.append(("cover page", self.cover))
        return sorted(parts, key=lambda part: -part[1])[:n]


class _NoImages(m.Transformer):
    def visit_Image(self, image: m.Image) -> tuple:
        return ()  # an image's description is not text on the page


def _text(node: m.Node) -> str:
    return m.plain_text(_NoImages().visit(node))


def _split(blocks: tuple[m.Node, ...]) -> tuple[int, int]:
    """(body words, heading words) of blocks; headings inside fenced divs count as headings."""
    body = headings = 0
    for block in blocks:
        if isinstance(block, m.Heading):
            headings += count_words(_text(block))
        elif isinstance(block, m.Div):
            inner = _split(block.blocks)
            body, headings = body + inner[0], headings + inner[1]
        else:
            body += count_words(_text(block))
    return body, headings


def section_words(section: m.Section) -> SectionWords:
    body, headings = _split(section.blocks)
    notes = sum(count_words(_text(block)) for node in m.walk(section) if isinstance(node, m.Note)
                for block in node.blocks)
    return SectionWords(section.source.path, body, headings, notes, section.annex)


def cover_text(cover: m.Cover) -> str:
    """The first page's text as the renderers lay it out, labels included."""
    text = m.plain_text
    parts = [text(cover.kind), text(cover.review), text(cover.title), text(cover.subtitle), text(cover.date)]
    if cover.coalition:
        parts.append(f"{text(cover.label_coalition)} {text(cover.coalition)}")
    if cover.submitters:
        parts.append(f"{text(cover.label_submitters)} {cover.separator.join(map(text, cover.submitters))}.")
    parts.extend(_text(block) for block in cover.blocks)
    if cover.keywords:
        parts.append(f"{text(cover.label_keywords)} {cover.separator.join(map(text, cover.keywords))}.")
    if cover.contact:
        parts.append(f"{text(cover.label_contact)} {', '.join(map(text, cover.contact))}")
    return "\n".join(p for p in parts if p)


def count_document(document: m.Document, count_notes: bool) -> WordCount:
    """Count a resolved document (citations already turned into notes)."""
    cover = count_words(cover_text(document.cover))
    return WordCount(cover, tuple(section_words(s) for s in document.sections), count_notes)
