"""Table captions as Pandoc writes them: a paragraph starting `Table:` (or `:`) right after a table,
or right before it, is its caption; a trailing `{#tbl-id}` gives the table its id. Written with no
blank line after a pipe table, the caption is read by markdown-it as a last row of one cell whose
line has no `|`: that row is taken back as the caption."""

from __future__ import annotations

import re
from dataclasses import replace

from .. import model as m
from ..errors import Problems, Source
from .markdown.attributes import parse_attributes, split_trailing

_MARKER = re.compile(r"^(?:[Tt]able)?:\s+|^(?:[Tt]able)?:$")


def attach_captions(blocks: tuple[m.Node, ...], lines: list[str], problems: Problems) -> tuple[m.Node, ...]:
    """`blocks` with every caption paragraph moved into its table, at any depth."""
    out: list[m.Node] = []
    for block in blocks:
        block = _inner(block, lines, problems)
        previous = out[-1] if out else None
        caption = _caption(block)
        if caption is not None and isinstance(previous, m.Table) and not previous.caption and not previous.id:
            out[-1] = _captioned(previous, caption, block.source, problems)
        elif isinstance(block, m.Table) and _caption(previous) is not None and not block.caption:
            out[-1] = _captioned(block, _caption(previous), previous.source, problems)
        elif isinstance(block, m.Table):
            out.append(_last_row_caption(block, lines, problems))
        else:
            out.append(block)
    return tuple(out)


def _inner(block: m.Node, lines: list[str], problems: Problems) -> m.Node:
    if isinstance(block, m.Div | m.BlockQuote):
        return replace(block, blocks=attach_captions(block.blocks, lines, problems))
    if isinstance(block, m.BulletList | m.OrderedList):
        return replace(block, items=tuple(replace(item, blocks=attach_captions(item.blocks, lines, problems))
                                          for item in block.items))
    return block


def _caption(block: m.Node | None) -> tuple[m.Node, ...] | None:
    """The caption's inlines, marker taken off, when `block` is a caption paragraph."""
    if not isinstance(block, m.Paragraph) or not block.inlines or not isinstance(block.inlines[0], m.Text):
        return None
    match = _MARKER.match(block.inlines[0].text)
    if not match:
        return None
    rest = block.inlines[0].text[match.end():]
    return ((m.Text(rest),) if rest else ()) + block.inlines[1:]


def _captioned(table: m.Table, caption: tuple[m.Node, ...], where: Source, problems: Problems) -> m.Table:
    ident = ""
    if caption and isinstance(caption[-1], m.Text):
        text, body = split_trailing(caption[-1].text)
        if body is not None:
            try:
                ident = parse_attributes(body).id
            except ValueError as exc:
                problems.error(where, f"bad caption attributes: {exc}")
            caption = caption[:-1] + ((m.Text(text),) if text else ())
    return replace(table, caption=caption, id=ident)


def _last_row_caption(table: m.Table, lines: list[str], problems: Problems) -> m.Table:
    """A caption typed on the line right after a pipe table, which markdown-it took for a row."""
    if not table.rows or not table.header:
        return table
    line = table.source.line + 1 + len(table.rows)  # header, delimiter row, then one line per row
    written = lines[line - 1] if 0 < line <= len(lines) else ""
    first, *others = table.rows[-1]
    caption = _caption(m.Paragraph(first.inlines, table.source))
    if "|" in written or caption is None or any(cell.inlines for cell in others):
        return table
    return _captioned(replace(table, rows=table.rows[:-1]), caption, Source(table.source.path, line), problems)
