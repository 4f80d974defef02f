"""The redline: the newer document model with what changed since the older one marked in it
(`Inserted`, `Deleted`), for the existing HTML, PDF and DOCX renderers to show.

Added blocks are wrapped whole, removed blocks come back from the older model wrapped whole, and
changed paragraphs get their words marked. Notes are numbered again in document order, removed
ones included, as Word numbers them while it shows tracked changes."""

from __future__ import annotations

from dataclasses import replace

from .. import model as m
from .changes import row_similarity
from .diff import ADDED, CHANGED, REMOVED, SAME, Pair, align
from .inline_diff import Atom, atoms, content_key, rebuild
from .inline_diff import align as align_atoms


def redline(new: m.Document, pairs: tuple[Pair, ...]) -> m.Document:
    """`new` with the changes of the aligned sections `pairs` marked."""
    sections = []
    for pair in pairs:
        if pair.status == SAME:
            sections.append(pair.new)
        elif pair.status == ADDED:
            sections.append(replace(pair.new, blocks=(_wrap_blocks(pair.new.blocks, m.Inserted),)))
        elif pair.status == REMOVED:
            sections.append(replace(pair.old, blocks=(_wrap_blocks(pair.old.blocks, m.Deleted),)))
        else:
            sections.append(replace(pair.new, blocks=_blocks(pair.children)))
    numberer = _NoteNumberer()
    return replace(new, sections=numberer.visit_all(tuple(sections)), notes=tuple(numberer.notes))


def _blocks(pairs: tuple[Pair, ...]) -> tuple[m.Node, ...]:
    return tuple(node for pair in pairs for node in _block(pair))


def _block(pair: Pair) -> tuple[m.Node, ...]:
    old, new = pair.old, pair.new
    if pair.status == SAME:
        return (new,)
    if pair.status == ADDED:
        return (_wrap(new, m.Inserted),)
    if pair.status == REMOVED:
        return (_wrap(old, m.Deleted),)
    if isinstance(new, m.Paragraph | m.Heading):
        return (replace(new, inlines=inlines(old.inlines, new.inlines)),)
    if isinstance(new, m.BulletList | m.OrderedList | m.Recommendations):
        return (replace(new, items=_blocks(pair.children)),)
    if isinstance(new, m.ListItem | m.Recommendation | m.BlockQuote | m.Div):
        return (replace(new, blocks=_blocks(pair.children)),)
    if isinstance(new, m.Table) and len(old.header) == len(new.header):
        return (replace(new, header=_cells(old.header, new.header), rows=_rows(old.rows, new.rows)),)
    return _wrap(old, m.Deleted), _wrap(new, m.Inserted)


def _wrap(node: m.Node, mark: type) -> m.Node:
    """A whole block added or removed; a list item keeps its place (and marker) in its list."""
    node = _Marker(mark).visit(node)
    if isinstance(node, m.ListItem | m.Recommendation):
        return replace(node, blocks=(mark(node.blocks),))
    return mark((node,))


def _wrap_blocks(blocks: tuple[m.Node, ...], mark: type) -> m.Node:
    return mark(_Marker(mark).visit_all(blocks))


def _rows(old: tuple, new: tuple) -> tuple:
    """A table's rows aligned like blocks: a row added or removed has all its cells marked; a row
    changed in place (with as many cells) has its words marked."""
    out: list = []
    for pair in align(old, new, similar=row_similarity):
        if pair.status == SAME:
            out.append(pair.new)
        elif pair.status == CHANGED and len(pair.old) == len(pair.new):
            out.append(_cells(pair.old, pair.new))
        else:
            out += [_marked_row(row, mark) for row, mark in ((pair.old, m.Deleted), (pair.new, m.Inserted)) if row]
    return tuple(out)


def _marked_row(row: tuple[m.TableCell, ...], mark: type) -> tuple[m.TableCell, ...]:
    marker = _Marker(mark)
    return tuple(replace(cell, inlines=(mark(marker.visit_all(cell.inlines)),) if cell.inlines else ()) for cell in row)


def _cells(old: tuple[m.TableCell, ...], new: tuple[m.TableCell, ...]) -> tuple[m.TableCell, ...]:
    return tuple(replace(b, inlines=inlines(a.inlines, b.inlines)) for a, b in zip(old, new, strict=True))


def inlines(old: tuple[m.Node, ...], new: tuple[m.Node, ...]) -> tuple[m.Node, ...]:
    """The new inlines with the words deleted and inserted since the old ones marked; a note whose
    text changed is marked inside."""
    out: list[m.Node] = []
    for tag, olds, news in align_atoms(atoms(old), atoms(new)):
        if tag == "equal":
            out += rebuild([_note(a, b) for a, b in zip(olds, news, strict=True)])
            continue
        if olds:
            out.append(m.Deleted(_Marker(m.Deleted).visit_all(rebuild(olds))))
        if news:
            out.append(m.Inserted(_Marker(m.Inserted).visit_all(rebuild(news))))
    return tuple(out)


def _note(old: Atom, new: Atom) -> Atom:
    if not isinstance(new.node, m.Note) or content_key(old.node) == content_key(new.node):
        return new
    return replace(new, node=replace(new.node, blocks=_blocks(align(old.node.blocks, new.node.blocks))))


class _Marker(m.Transformer):
    """Inside a block added or removed, the notes' text is marked too (it is shown apart from the
    block, at the foot of the page); an image removed is shown by its description, since its file
    belongs to the older version."""

    def __init__(self, mark: type):
        self.mark = mark

    def visit_Note(self, note: m.Note) -> m.Note:
        return replace(note, blocks=_MarkText(self.mark).visit_all(note.blocks))

    def visit_Image(self, image: m.Image) -> m.Node:
        return m.Text(f"[{image.alt or image.src}]") if self.mark is m.Deleted else image


class _MarkText(m.Transformer):
    def __init__(self, mark: type):
        self.mark = mark

    def visit_Paragraph(self, paragraph: m.Paragraph) -> m.Paragraph:
        return replace(paragraph, inlines=(self.mark(paragraph.inlines),))


class _NoteNumberer(m.Transformer):
    def __init__(self):
        self.notes: list[m.Note] = []

    def visit_Note(self, note: m.Note) -> m.Note:
        note = replace(note, number=len(self.notes) + 1)
        self.notes.append(note)
        return note
