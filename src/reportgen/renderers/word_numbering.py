"""Word list levels (numFmt, lvlText, isLgl) for reportgen's number formats and list markers.

Pure translation, no XML: `I.`, `1.1`, `a)` become what a `w:lvl` needs so that Word shows the
same label the model holds, while counting by itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..numberformat import NumberFormat

WORD_FORMATS = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman",
                "一": "chineseCounting"}


@dataclass(frozen=True)
class LevelFormat:
    """How one list level writes its label: `num_fmt` for its own counter, `text` with `%1`..`%9`
    placeholders, `legal` to write every counter in the text in arabic numerals (`w:isLgl`)."""

    num_fmt: str
    text: str
    legal: bool = False


def _text(fmt: NumberFormat, first_level: int) -> str:
    """`fmt` with its counters replaced by `%n` placeholders, the first one for `first_level` (1-based)."""
    if any("%" in literal for literal in fmt.literals):
        raise ValueError(f"'{fmt.pattern}' contains '%', which Word list numbers cannot show")
    out = [fmt.literals[0]]
    for offset, literal in enumerate(fmt.literals[1:]):
        out += [f"%{first_level + offset}", literal]
    return "".join(out)


def heading_levels(formats: tuple[NumberFormat, ...]) -> tuple[LevelFormat, ...]:
    """One level per heading format: a level shows its own counter and the parents its format names.

    `numberformat.heading_formats` has already checked that parents are written either in their
    own style or all in arabic numerals; the latter is Word's "legal" numbering."""
    levels = []
    for level, fmt in enumerate(formats, start=1):
        shown = len(fmt.kinds)
        parents = fmt.kinds[:-1]
        own_parents = tuple(formats[level - shown + i].kinds[-1] for i in range(len(parents)))
        levels.append(LevelFormat(WORD_FORMATS[fmt.kinds[-1]], _text(fmt, level - shown + 1),
                                  legal=bool(parents) and parents != own_parents))
    return tuple(levels)


def single_level(fmt: NumberFormat) -> LevelFormat:
    """A one-counter format (recommendations: `1.`, `(a)`, `R1`) as the only level of a list."""
    if len(fmt.kinds) != 1:
        raise ValueError(f"'{fmt.pattern}' shows {len(fmt.kinds)} numbers; a list item has only one")
    return LevelFormat(WORD_FORMATS[fmt.kinds[0]], _text(fmt, 1))


def marker_level(kind: str, delimiter: str) -> LevelFormat:
    """An ordered list's marker (`a)`, `(iv)`, `3.`) as a list level."""
    text = "(%1)" if delimiter == "()" else f"%1{delimiter}"
    return LevelFormat(WORD_FORMATS[kind], text)
