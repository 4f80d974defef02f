"""Column widths for tables, shared by the HTML and DOCX renderers so both lay a table out alike;
and the line each row is written on, so that both say where a reviewer's mark in a cell belongs.

Like a browser's automatic table layout, measured with the font's own widths: each column gets at
least its longest word (a header's in bold), and the space left goes to the columns whose text is
longest.
"""

from __future__ import annotations

import functools
import re

from .. import model as m
from ..resources import FONTS
from ..scripts import EAST_ASIAN

LINE = 148.0  # millimetres of table across the text width (160 mm less the 12 mm gutter tables sit in)
PADDING = 4.0  # millimetres of a cell's padding and borders (5 pt a side in the PDF, 1.9 mm in Word)
_EM = 10.5 * 25.4 / 72  # millimetres: table text is 10.5 pt
_SPACE = re.compile(rf"\s+|(?<=[{EAST_ASIAN}])|(?=[{EAST_ASIAN}])")  # where a line of a cell may break
_EAST = re.compile(f"[{EAST_ASIAN}]")


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
    cells = [[(m.plain_text(row[i].inlines) if i < len(row) else "", row is table.header) for row in rows]
             for i in range(columns)]
    least = _capped([PADDING + max(_EM, *(longest_word(text, bold) for text, bold in column)) for column in cells])
    most = [max(low, PADDING + max(measure(text, bold) for text, bold in column)) for low, column in zip(
        least, cells, strict=True)]
    fits = sum(most) <= LINE or sum(most) == sum(least)  # or no column can give up anything
    widths = most if fits else _shared(least, most)
    total = sum(widths)
    return tuple(width / total for width in widths)


def _shared(least: list[float], most: list[float]) -> list[float]:
    """Widths when the table cannot have all its text on one line per cell: a short column (a number,
    a symbol) whose text fits in an equal share of the width still left keeps it on one line; the
    others get their longest word and share what remains in proportion to the text they hold."""
    widths: list[float | None] = [None] * len(most)
    room = LINE
    for index in sorted(range(len(most)), key=most.__getitem__):
        rest = [i for i, width in enumerate(widths) if width is None]
        if most[index] > room / len(rest) or room - most[index] < sum(least[i] for i in rest if i != index):
            break
        widths[index], room = most[index], room - most[index]
    rest = [i for i, width in enumerate(widths) if width is None]
    spare = max(room - sum(least[i] for i in rest), 0)
    wanted = sum(most[i] - least[i] for i in rest) or 1.0
    for i in rest:
        widths[i] = least[i] + spare * (most[i] - least[i]) / wanted
    return widths


def _capped(least: list[float]) -> list[float]:
    """When the columns' longest words alone are wider than the line, the widest give way (their
    words must break anyway) and the others keep their longest word whole."""
    done = 0.0
    for count, low in enumerate(sorted(least) if sum(least) > LINE else ()):
        if done + low * (len(least) - count) >= LINE:
            cap = (LINE - done) / (len(least) - count)
            return [min(width, cap) for width in least]
        done += low
    return least


def longest_word(text: str, bold: bool = False) -> float:
    """The width in millimetres of the longest piece of `text` a line cannot break."""
    return max((measure(word, bold) for word in _SPACE.split(text) if word), default=0.0)


def measure(text: str, bold: bool = False) -> float:
    """The width of `text` in millimetres, in Liberation Serif (the PDF's, metric-compatible with Word's
    Times New Roman) at 10.5 pt; a character it lacks counts an em if East Asian, else half one."""
    advances, units = _advances(bold)
    ems = sum(advances[ord(c)] / units if ord(c) in advances else 1.0 if _EAST.match(c) else 0.5 for c in text)
    return ems * _EM


@functools.cache
def _advances(bold: bool) -> tuple[dict[int, int], int]:
    """Each character's advance width in the font, and the font's units per em (read once)."""
    from fontTools.ttLib import TTFont

    with TTFont(FONTS / f"LiberationSerif-{'Bold' if bold else 'Regular'}.ttf", lazy=True) as font:
        metrics = font["hmtx"].metrics
        return {code: metrics[name][0] for code, name in font.getBestCmap().items()}, font["head"].unitsPerEm
