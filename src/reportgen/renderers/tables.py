"""Column widths for tables, shared by the HTML and DOCX renderers so both lay a table out alike;
and the line each row is written on, so that both say where a reviewer's mark in a cell belongs.

Like a browser's automatic table layout, measured in characters: each column gets at least its
longest word, and the space left goes to the columns whose text is longest.
"""

from __future__ import annotations

import math

from .. import model as m
from ..scripts import longest_word, width

LINE = 85  # characters of table text (10.5 pt) that fit across the text width
PADDING = 3  # a cell's padding and borders, in characters
BOLD = 1.3  # a header's words are bold (and a reference.docx may set them in a wider font): never split them


def row_revision(cells: tuple[m.TableCell, ...]) -> str | None:
    """"ins" or "del" for a table row a redline shows as added or removed (every cell's text marked)."""
    marks = {type(c.inlines[0]) for c in cells if c.inlines}
    if len(marks) == 1 and all(len(c.inlines) <= 1 for c in cells) and marks <= {m.Inserted, m.Deleted}:
        return "ins" if marks == {m.Inserted} else "del"
    return None


def row_lines(table: m.Table) -> list[int | None]:
    """The source line of each row, the header first: a delimiter row follows the header, and a
    row a redline shows as removed has no line in the newer file (None)."""
    out: list[int | None] = []
    line = table.source.line
    for index, cells in enumerate(((table.header,) if table.header else ()) + table.rows):
        if row_revision(cells) == "del":
            out.append(None)
            continue
        out.append(line)
        line += 2 if index == 0 and table.header else 1
    return out


def column_widths(table: m.Table) -> tuple[float, ...]:
    """The share of the table's width each column gets (they add up to 1)."""
    rows = ((table.header,) if table.header else ()) + table.rows
    columns = max((len(row) for row in rows), default=0)
    if not columns:
        return ()
    texts = [[m.plain_text(row[i].inlines) if i < len(row) else "" for row in rows] for i in range(columns)]
    heads = [m.plain_text(table.header[i].inlines) if i < len(table.header) else "" for i in range(columns)]
    least = [PADDING + max(3, *(longest_word(text) for text in column), math.ceil(BOLD * longest_word(head)))
             for column, head in zip(texts, heads, strict=True)]
    most = [max(least[i], PADDING + max(width(text) for text in column)) for i, column in enumerate(texts)]
    if sum(most) <= LINE or sum(most) == sum(least):  # fits, or no column can give up anything
        widths = most
    else:
        spare = max(LINE - sum(least), 0)
        wanted = sum(most) - sum(least)
        widths = [low + spare * (high - low) / wanted for low, high in zip(least, most, strict=True)]
    total = sum(widths)
    return tuple(width / total for width in widths)
