"""Number formats written as their first number looks (`I.`, `1.1`, `(a)`, `R1`, `一.`): the runs `1`,
`a`, `A`, `i`, `I` and the Chinese numeral `一` are counters, everything else is literal text. Shared by
numbering and the renderers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numberwords import chinese

COUNTER_KINDS = ("1", "a", "A", "i", "I", "一")  # 一: Chinese numerals, as UN Chinese documents number chapters
ROMAN_DIGITS = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def roman_value(text: str) -> int | None:
    """The value of a well-formed roman numeral (any case), or None."""
    values = [ROMAN_DIGITS.get(ch) for ch in text.lower()]
    if not values or None in values:
        return None
    total = 0
    for value, following in zip(values, values[1:] + [0], strict=True):
        total += -value if value < following else value
    return total if to_roman(total) == text.lower() else None


def to_roman(number: int) -> str:
    """A positive integer as a lower-case roman numeral."""
    digits = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
              (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = []
    for value, letters in digits:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)



def format_value(value: int, kind: str) -> str:
    """A counter's value written in its kind: 3 -> `3`, `c`, `C`, `iii`, `III`, `三`.

    Letters beyond z repeat as Word writes them: 27 -> `aa`, 28 -> `bb`.
    """
    if kind == "1" or value <= 0:
        return str(value)
    if kind == "一":
        return chinese(value)
    if kind in "aA":
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if kind == "A" else letter
    roman = to_roman(value)
    return roman.upper() if kind == "I" else roman


@dataclass(frozen=True)
class NumberFormat:
    """A parsed format: literal strings and counter kinds, e.g. ('', '1', '.', '1', '')."""

    pattern: str
    literals: tuple[str, ...]  # len(kinds) + 1 pieces of text around the counters
    kinds: tuple[str, ...]

    @classmethod
    def parse(cls, pattern: str) -> NumberFormat:
        literals, kinds, current = [], [], ""
        for run in re.findall(r"[A-Za-z]+|[0-9]+|一|[^A-Za-z0-9一]+", pattern):
            if run in COUNTER_KINDS:
                literals.append(current)
                kinds.append(run)
                current = ""
            else:
                current += run
        literals.append(current)
        if not kinds:
            raise ValueError(f"'{pattern}' has no number in it (use 1, a, A, i, I or 一)")
        return cls(pattern, tuple(literals), tuple(kinds))

    def format(self, values: tuple[int, ...]) -> str:
        """Write the last len(kinds) of `values`."""
        values = values[-len(self.kinds):]
        out = [self.literals[0]]
        for value, kind, after in zip(values, self.kinds, self.literals[1:], strict=True):
            out += [format_value(value, kind), after]
        return "".join(out)


def heading_formats(patterns: tuple[str, ...]) -> tuple[NumberFormat, ...]:
    """Parse the heading scheme and check Word can show it (raises ValueError with the reason).

    In Word a level's text may show its parents only in their own format, or all in arabic
    numerals ("legal" numbering), so `1.1` under `I.` is fine but `I.a` under `1.` is not.
    """
    formats = tuple(NumberFormat.parse(p) for p in patterns)
    for level, fmt in enumerate(formats, start=1):
        if len(fmt.kinds) > level:
            raise ValueError(f"level {level} format '{fmt.pattern}' shows {len(fmt.kinds)} numbers; "
                             f"a level-{level} heading has only {level}")
        parents = fmt.kinds[:-1]
        own = [formats[level - len(fmt.kinds) + i].kinds[-1] for i in range(len(parents))]
        if parents and list(parents) != own and set(fmt.kinds) != {"1"}:
            raise ValueError(f"level {level} format '{fmt.pattern}' writes its parent levels in another "
                             "style than their own; Word can only do that when all are arabic (1.1)")
    return formats
