"""Note calls placed as typesetters place them: no space before a call, and a call written before
punctuation moved after it (`text [@key].` -> `text.¹`), as Pandoc places the notes of a note
style. Calls side by side move together and stay apart (the renderers separate them)."""

from __future__ import annotations

import re
from dataclasses import replace

from .. import model as m

# What a call moves over: punctuation, and the space a French author types before `; : ! ?`.
_PUNCTUATION = re.compile(r"[.,…]+|\s*[;:!?][.,;:!?…]*")
_CONTAINERS = (m.Emph, m.Strong, m.Strikeout, m.Superscript, m.Subscript, m.Link, m.Inserted, m.Deleted)


class _Placer(m.Transformer):
    def __init__(self, after_punctuation: bool):
        self.after_punctuation = after_punctuation

    def visit_Paragraph(self, node: m.Paragraph) -> m.Paragraph:
        return replace(node, inlines=self.run(node.inlines))

    visit_Heading = visit_TableCell = visit_Paragraph

    def run(self, inlines: tuple[m.Node, ...]) -> tuple[m.Node, ...]:
        out: list[m.Node] = []
        nodes = list(inlines)
        i = 0
        while i < len(nodes):
            node = nodes[i]
            if not isinstance(node, m.Note):
                out.append(replace(node, children=self.run(node.children)) if isinstance(node, _CONTAINERS)
                           else self.visit(node))
                i += 1
                continue
            calls, i = _calls(nodes, i)
            _strip_space(out)
            following = nodes[i] if i < len(nodes) else None
            if self.after_punctuation and isinstance(following, m.Text):
                match = _PUNCTUATION.match(following.text)
                if match:
                    _append_text(out, match[0])
                    rest = following.text[match.end():]
                    nodes[i] = m.Text(rest)
                    if not rest:
                        i += 1
            out.extend(self.visit(call) for call in calls)
        return tuple(out)


def _calls(nodes: list[m.Node], i: int) -> tuple[list[m.Note], int]:
    """The notes called side by side from position i (only spaces between them), and the position after."""
    calls = [nodes[i]]
    i += 1
    while i < len(nodes):
        if isinstance(nodes[i], m.Note):
            calls.append(nodes[i])
        elif not (isinstance(nodes[i], m.Text) and not nodes[i].text.strip()
                  and i + 1 < len(nodes) and isinstance(nodes[i + 1], m.Note)):
            break
        i += 1
    return calls, i


def _strip_space(out: list[m.Node]) -> None:
    """No space before a call: the space typed before `[@key]` or `^[...]` goes."""
    if out and isinstance(out[-1], m.Text):
        text = out[-1].text.rstrip(" \t\n")
        if text:
            out[-1] = m.Text(text)
        else:
            out.pop()


def _append_text(out: list[m.Node], text: str) -> None:
    if out and isinstance(out[-1], m.Text):
        out[-1] = m.Text(out[-1].text + text)
    else:
        out.append(m.Text(text))


def place_note_calls(document: m.Document, after_punctuation: bool = True) -> m.Document:
    """Every note call of the sections placed; the document's list of notes follows."""
    placer = _Placer(after_punctuation)
    cover, sections = placer.visit(document.cover), placer.visit_all(document.sections)
    return replace(document, cover=cover, sections=sections, notes=m.notes_of(cover, sections))
