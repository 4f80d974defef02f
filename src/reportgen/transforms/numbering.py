"""Numbering as UPR documents need it: headings by the report's scheme (`I.`, `1.1`, `1.1.1`), body
paragraphs continuously through the document, recommendations within their block."""

from __future__ import annotations

from dataclasses import replace

from .. import model as m
from ..numberformat import NumberFormat, heading_formats


class _Numberer(m.Transformer):
    def __init__(self, config):
        numbering = config.numbering
        self.heading_formats = heading_formats(numbering.headings)
        self.recommendation_format = NumberFormat.parse(numbering.recommendations)
        self.number_paragraphs = numbering.paragraphs
        self.recommendations_restart = numbering.recommendations_restart
        self.recommendations = 0
        self.counters = [0] * 6
        self.paragraphs = 0

    def visit_Section(self, section: m.Section) -> m.Section:
        if self.recommendations_restart == "section":
            self.recommendations = 0
        return replace(section, blocks=self.body(section.blocks))

    def body(self, blocks: tuple[m.Node, ...]) -> tuple[m.Node, ...]:
        """Top-level blocks: their paragraphs are the numbered body paragraphs."""
        out = []
        for block in blocks:
            if isinstance(block, m.Paragraph) and self.number_paragraphs:
                self.paragraphs += 1
                block = replace(block, number=self.paragraphs)
            elif isinstance(block, m.Div):
                block = replace(block, blocks=self.body(block.blocks))
            else:
                block = self.visit(block)
            out.append(block)
        return tuple(out)

    def visit_Paragraph(self, paragraph: m.Paragraph) -> m.Paragraph:
        return paragraph  # paragraphs in lists, quotes and notes are not numbered

    def visit_Heading(self, heading: m.Heading) -> m.Heading:
        level = heading.level
        if not heading.numbered or level > len(self.heading_formats):
            return replace(heading, numbered=False)
        self.counters[level - 1] += 1
        self.counters[level:] = [0] * (6 - level)
        # A level skipped over (### right after #) shows its first number, as Word shows it.
        counters = tuple(count or 1 for count in self.counters[:level])
        return replace(heading, number=self.heading_formats[level - 1].format(counters), counters=counters)

    def visit_Recommendations(self, block: m.Recommendations) -> m.Recommendations:
        if self.recommendations_restart == "block":
            self.recommendations = 0
        items = []
        for item in block.items:
            self.recommendations += 1
            items.append(replace(item, number=self.recommendations,
                                 label=self.recommendation_format.format((self.recommendations,))))
        return replace(block, items=tuple(items))


def number_document(document: m.Document) -> m.Document:
    """Number headings, body paragraphs and recommendations."""
    numberer = _Numberer(document.config)
    return replace(document, sections=numberer.visit_all(document.sections))
