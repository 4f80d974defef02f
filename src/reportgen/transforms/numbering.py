"""Numbering as UPR documents need it: headings by the report's scheme (`I.`, `1.1`, `1.1.1`), body
paragraphs continuously through the document, recommendations within their block, tables with a
caption 1, 2, … and annexes I, II, … ("Annex I"). A heading marked unnumbered keeps the headings
under it unnumbered too, and so do annexes, which are labelled instead."""

from __future__ import annotations

from dataclasses import replace

from .. import model as m
from ..i18n import annex_number, labels
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
        self.tables = 0
        self.table_label = labels(config.language)["table"]
        self.unnumbered_level = 0  # the level of the unnumbered heading the current text is under (0: none)
        self.annex = False

    def visit_Section(self, section: m.Section) -> m.Section:
        if self.recommendations_restart == "section":
            self.recommendations = 0
        self.annex, self.unnumbered_level = section.annex, 0
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
        if self.unnumbered_level and level > self.unnumbered_level:
            return replace(heading, numbered=False)  # under an unnumbered heading
        self.unnumbered_level = 0
        if not heading.numbered or self.annex or level > len(self.heading_formats):
            self.unnumbered_level = level
            return replace(heading, numbered=False)
        self.counters[level - 1] += 1
        self.counters[level:] = [0] * (6 - level)
        # A level skipped over (### right after #) shows its first number, as Word shows it.
        counters = tuple(count or 1 for count in self.counters[:level])
        return replace(heading, number=self.heading_formats[level - 1].format(counters), counters=counters)

    def visit_Table(self, table: m.Table) -> m.Table:
        if not table.caption and not table.id:
            return self.generic_visit(table)
        self.tables += 1
        return replace(self.generic_visit(table), number=self.tables, label=self.table_label.format(n=self.tables))

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


def label_annexes(document: m.Document) -> m.Document:
    """Label the annexes, the generated ones included, in order: "Annex I", "Annex II" … (المرفق الأول,
    附件一) over the level-1 heading each opens with (one is added, unnumbered, when it has none)."""
    pattern = labels(document.config.language)["annex"]
    sections, count = [], 0
    for section in document.sections:
        if section.annex:
            count += 1
            label = pattern.format(n=annex_number(count, document.config.language))
            blocks = section.blocks
            if blocks and isinstance(blocks[0], m.Heading) and blocks[0].level == 1:
                blocks = (replace(blocks[0], label=label),) + blocks[1:]
            else:
                blocks = (m.Heading(1, (), section.source, numbered=False, label=label),) + blocks
            section = replace(section, blocks=blocks)
        sections.append(section)
    return replace(document, sections=tuple(sections))
