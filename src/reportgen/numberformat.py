"""Number formats written as their first number looks (`I.`, `1.1`, `(a)`, `R1`): the runs `1`, `a`,
`A`, `i`, `I` are counters, everything else is literal text. Shared by numbering and the renderers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .markdown.fancy_lists import to_roman

COUNTER_KINDS = ("1", "a", "A", "i", "I")


def format_value(value: int, kind: str) -> str:
    """A counter's value written in its kind: 3 -> `3`, `c`, `C`, `iii`, `III`.

    Letters beyond z repeat as Word writes them: 27 -> `aa`, 28 -> `bb`.
    """
    if kind == "1" or value <= 0:
        return str(value)
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
        for run in re.findall(r"[A-Za-z]+|[0-9]+|[^A-Za-z0-9]+", pattern):
            if run in COUNTER_KINDS:
                literals.append(current)
                kinds.append(run)
                current = ""
            else:
                current += run
        literals.append(current)
        if not kinds:
            raise ValueError(f"'{pattern}' has no number in it (use 1, a, A, i or I)")
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
