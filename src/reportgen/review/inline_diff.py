"""Word by word alignment of two runs of inlines, formatting kept: a paragraph's inlines become a
flat list of atoms (a word, a space, a punctuation mark, a note, an image ...) each carrying the
formatting around it, the two lists are aligned, and aligned atoms are put back into a tree.

Notes align with notes whatever their text, so that a note whose text changed stays one note."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace
from dataclasses import fields as dataclass_fields

from .. import model as m

_WORDS = re.compile(r"\w+|\s+|[^\w\s]")
_WRAPPERS = m.INLINE_CONTAINERS
_IGNORED = {"source", "number", "label", "counters", "id", "from_citation"}  # numbering and places, not content


def content_key(node):
    """What a node says, not where it is or what number it got: equal keys, no change."""
    if isinstance(node, tuple):
        return tuple(content_key(item) for item in node)
    if not isinstance(node, m.Node):
        return node
    return (type(node).__name__,) + tuple(content_key(getattr(node, f.name)) for f in dataclass_fields(node)
                                          if f.name not in _IGNORED)


@dataclass(frozen=True)
class Atom:
    node: m.Node  # Text (one word, space or mark), Note, Code, LineBreak or Image
    wrappers: tuple[m.Node, ...]  # the formatting around it, outermost first
    key: tuple


def atoms(inlines: tuple[m.Node, ...], wrappers: tuple[m.Node, ...] = ()) -> list[Atom]:
    out: list[Atom] = []
    style = tuple(_wrapper_key(w) for w in wrappers)
    for node in inlines:
        if isinstance(node, m.Text):
            out += [Atom(m.Text(piece), wrappers, ("text", piece, style)) for piece in _WORDS.findall(node.text)]
        elif isinstance(node, _WRAPPERS):
            out += atoms(node.children, wrappers + (node,))
        elif isinstance(node, m.Note):
            out.append(Atom(node, wrappers, ("note", style)))  # any note matches any note; its text is compared after
        else:
            out.append(Atom(node, wrappers, (content_key(node), style)))
    return out


def _wrapper_key(node: m.Node) -> tuple:
    if isinstance(node, m.Link | m.Span):
        return (type(node).__name__, node.url if isinstance(node, m.Link) else node.attributes)
    return (type(node).__name__,)


def align(old: list[Atom], new: list[Atom]) -> list[tuple[str, list[Atom], list[Atom]]]:
    """(operation, old atoms, new atoms): `equal`, `insert`, `delete` or `replace`. A lone space or
    punctuation mark left equal between two changes joins them, so that a rewritten phrase reads
    as one deletion and one insertion rather than a word salad."""
    matcher = difflib.SequenceMatcher(None, [a.key for a in old], [a.key for a in new], autojunk=False)
    ops: list[tuple[str, list[Atom], list[Atom]]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        ops.append((tag, old[i1:i2], new[j1:j2]))
    merged: list[tuple[str, list[Atom], list[Atom]]] = []
    for index, (tag, olds, news) in enumerate(ops):
        between = 0 < index < len(ops) - 1 and merged and merged[-1][0] != "equal" and ops[index + 1][0] != "equal"
        if tag == "equal" and between and all(_is_filler(a) for a in olds):
            tag = "replace"
        if merged and tag != "equal" and merged[-1][0] != "equal":
            _, old_before, new_before = merged.pop()
            olds, news = old_before + olds, new_before + news
            tag = "replace" if olds and news else "delete" if olds else "insert"
        merged.append((tag, olds, news))
    return merged


def _is_filler(atom: Atom) -> bool:
    return isinstance(atom.node, m.Text) and not any(c.isalnum() for c in atom.node.text)


def rebuild(items: list[Atom]) -> tuple[m.Node, ...]:
    """Atoms back into inlines: neighbours under the same formatting node share one copy of it."""
    out: list[m.Node] = []
    index = 0
    while index < len(items):
        atom = items[index]
        if not atom.wrappers:
            if isinstance(atom.node, m.Text) and out and isinstance(out[-1], m.Text):
                out[-1] = m.Text(out[-1].text + atom.node.text)
            else:
                out.append(atom.node)
            index += 1
            continue
        outer = atom.wrappers[0]
        end = index
        while end < len(items) and items[end].wrappers and items[end].wrappers[0] is outer:
            end += 1
        inner = [replace(a, wrappers=a.wrappers[1:]) for a in items[index:end]]
        out.append(replace(outer, children=rebuild(inner)))
        index = end
    return tuple(out)
