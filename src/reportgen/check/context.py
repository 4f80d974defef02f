"""What every rule reads: the settings, the document as written and as resolved, the word count."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .. import model as m
from ..errors import Problem, Source
from ..load.config import ReportConfig
from .findings import Limit
from .registry import RULES
from .settings import Files
from .wordcount import WordCount


@dataclass(frozen=True)
class Context:
    config: ReportConfig
    written: m.Document  # citations still `Cite` nodes, notes as authored
    document: m.Document  # resolved: citations are notes, everything numbered
    words: WordCount
    limit: Limit
    files: Files

    def finding(self, rule: str, source: Source, message: str) -> Problem:
        return Problem(source, message, RULES[rule].severity, rule)


def passages(document: m.Document) -> Iterator[tuple[Source, str]]:
    """Each paragraph, heading and table with its location, its notes' text included."""
    for section in document.sections:
        yield from _passages(section)


def _passages(node: m.Node) -> Iterator[tuple[Source, str]]:
    if isinstance(node, m.Paragraph | m.Heading | m.Table):
        notes = [m.plain_text(n.blocks, notes=True) for n in m.walk(node) if isinstance(n, m.Note)]
        yield node.source, " ".join([m.plain_text(node), *notes])
    elif isinstance(node, m.CodeBlock):
        yield node.source, node.text
    else:
        for name in m.child_fields(node):
            for child in getattr(node, name):
                yield from _passages(child)


def excerpt(text: str, length: int = 60) -> str:
    """The start of a text, for a one-line message."""
    text = " ".join(text.split())
    return text if len(text) <= length else text[:length].rsplit(" ", 1)[0] + "…"
