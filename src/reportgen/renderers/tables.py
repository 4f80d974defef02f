"""Column widths for tables, shared by the HTML and DOCX renderers so both lay a table out alike.

Like a browser's automatic table layout, measured in characters: each column gets at least its
longest word, and the space left goes to the columns whose text is longest.
"""

from __future__ import annotations

from .. import model as m

LINE = 85  # characters of table text (10.5 pt) that fit across the text width
PADDING = 3  # a cell's padding and borders, in characters


def column_widths(table: m.Table) -> tuple[float, ...]:
    """The share of the table's width each column gets (they add up to 1)."""
    rows = ((table.header,) if table.header else ()) + table.rows
    columns = max((len(row) for row in rows), default=0)
    if not columns:
        return ()
    texts = [[m.plain_text(row[i].inlines) if i < len(row) else "" for row in rows] for i in range(columns)]
    least = [PADDING + max(3, *(max((len(word) for word in text.split()), default=0) for text in column))
             for column in texts]
    most = [max(least[i], PADDING + max(len(text) for text in column)) for i, column in enumerate(texts)]
    if sum(most) <= LINE or sum(most) == sum(least):  # fits, or no column can give up anything
        widths = most
    else:
        spare = max(LINE - sum(least), 0)
        wanted = sum(most) - sum(least)
        widths = [low + spare * (high - low) / wanted for low, high in zip(least, most, strict=True)]
    total = sum(widths)
    return tuple(width / total for width in widths)
