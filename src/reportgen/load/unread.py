"""What Pandoc's Markdown reads and reportgen prints as written, found so that a warning can say so:
raw TeX commands, TeX math, example lists, Quarto shortcodes, tables other than pipe tables, title
blocks, and YAML metadata blocks below the front matter."""

from __future__ import annotations

import re

import yaml

# `\newpage`, `\begin{table}`: Pandoc passes them to LaTeX and drops them from every other format.
_TEX = re.compile(r"(?<!\\)\\([A-Za-z]+)")
# Pandoc's inline math: `$` with no space inside either dollar, the closing one not before a digit,
# or `$$...$$`; an escaped `\$` opens nothing.
_MATH = re.compile(r"(?<!\\)\$\$(?=\S)[\s\S]+?\$\$|(?<!\\)\$(?=[^\s$])(?:[^$\\\n]|\\.)*?(?<=[^\s\\])\$(?!\d)")
# What tells math from money between two dollars (`$30 and US$` is math to Pandoc, money to its
# author): TeX's signs, or a span that does not open with a digit (`$x$`, `$valid inline math$`).
_MATHS = re.compile(r"[\\^_={}<>+]|\A\$\$|\A\$(?!\d)")
_BACKTICKS = re.compile(r"`+")
_LINE_STARTS = (  # what a line of a paragraph starts with (or is) -> what Pandoc would make of it
    (re.compile(r"\(@[\w-]*\)(?:\s|$)"), "a numbered example list item '(@...)' is printed as written, not numbered"),
    (re.compile(r"\+(?:[-=:]+\+){1,}\s*$"), "a grid table is not a table here (only pipe tables are); its "
                                            "text is printed as a paragraph"),
    (re.compile(r"[ \t]*-{2,}(?:[ \t]+-{2,})+[ \t]*$"), SIMPLE_TABLE := "a simple or multiline table is not a "
     "table here (only pipe tables are); its text is printed as paragraphs"),
    (re.compile(r"(?=[^|\n]*\|)[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)*[ \t]*:?-+:?[ \t]*\|?[ \t]*$"), "this line is a pipe "
     "table's delimiter row, but no table is read here: the row above it must be a header row with as many "
     "cells; the text is printed as written"),
    # the rest of the line in a lookahead, tried once (`\S+.*\{` backtracked: quadratic in a long line)
    (re.compile(r" {0,3}\[[^\]]+\]:[ \t]+\S(?=.*\{[^{}]*\}[ \t]*$)"), "a link reference definition with attributes "
     "('[label]: address {...}') is not read as one: it is printed as written, and '[label]' is no link"),
)
_ALONE = re.compile(r"^[ \t]*\{[#.][^{}\n]*\}[ \t]*$", re.MULTILINE)  # `{.class}` on a line of its own
_SHORTCODE_OPEN = re.compile(r"\{\{<\s*([\w-]+)")


def _without_code(raw: str) -> str:
    """`raw` with its code spans blanked out (line breaks kept): a run of backticks opens one, the
    next run of as many closes it. Runs are paired in one pass (a pattern that did it backtracked:
    5,000 backticks took five minutes)."""
    runs = list(_BACKTICKS.finditer(raw))
    following: dict[int, int] = {}  # run index -> index of the next run as long
    last: dict[int, int] = {}
    for index in range(len(runs) - 1, -1, -1):
        length = len(runs[index][0])
        if length in last:
            following[index] = last[length]
        last[length] = index
    pieces, done, index = [], 0, 0
    while index < len(runs):
        close = following.get(index)
        if close is None:
            index += 1
            continue
        start, end = runs[index].start(), runs[close].end()
        pieces += [raw[done:start], re.sub(r"[^\n]", " ", raw[start:end])]
        done, index = end, close + 1
    return "".join(pieces) + raw[done:]


def _shortcode(raw: str) -> re.Match | None:
    """The first Quarto shortcode `{{< name ... >}}` on a line: its opening, with the name."""
    for line_start, line in _lines(raw):
        close = line.rfind(">}}")
        for found in _SHORTCODE_OPEN.finditer(raw, line_start, line_start + max(close, 0)):
            if found.end() <= line_start + close:
                return found
    return None


def _lines(raw: str):
    start = 0
    for line in raw.split("\n"):
        yield start, line
        start += len(line) + 1


def unread_messages(raw: str) -> list[tuple[int, str]]:
    """Warnings for what the Markdown source of a paragraph (or heading, or cell) holds that Pandoc
    reads and reportgen prints as written, each with the offset it is at; code spans left out."""
    out = []
    alone = _ALONE.search(raw)
    if alone:
        out.append((alone.start(), "an attribute set on a line of its own belongs to nothing here (write it after "
                                   "the heading, span, image or link it is for); it is printed as written"))
    raw = _without_code(raw)
    maths = [found for found in _MATH.finditer(raw) if _MATHS.search(found[0])]
    rest = _MATH.sub(lambda found: " " * len(found[0]), raw)
    commands: dict[str, int] = {}
    for found in _TEX.finditer(rest):
        commands.setdefault(found[1], found.start())
    if commands:
        names = ", ".join(f"'\\{name}'" for name in list(commands)[:3]) + (" ..." if len(commands) > 3 else "")
        out.append((min(commands.values()), f"LaTeX {names} is printed as written: reportgen reads no raw TeX "
                                            "(Pandoc leaves it out of every output but LaTeX)"))
    found = _shortcode(raw)
    if found:
        out.append((found.start(), f"Quarto's shortcode '{{{{< {found[1]} >}}}}' is printed as written: "
                                   "reportgen runs no shortcodes"))
    offset, said = 0, set()
    for line in raw.split("\n"):
        for pattern, message in _LINE_STARTS:
            if message not in said and pattern.match(line):
                said.add(message)
                out.append((offset, message))
        offset += len(line) + 1
    if maths:
        math = " ".join(maths[0][0].split())
        shown = math if len(math) <= 40 else math[:39] + "…"
        out.append((maths[0].start(), f"TeX math '{shown}' is printed as written, dollars included: reportgen "
                                      "does not typeset math"))
    return out


def yaml_block_end(lines: list[str], start: int) -> int | None:
    """When the `---` on line index `start` opens a YAML metadata block as Pandoc reads one (a line
    not blank below it, a closing `---` or `...`, a mapping between), the index of the closing line."""
    if lines[start].rstrip() != "---" or start + 1 >= len(lines) or not lines[start + 1].strip():
        return None
    for end in range(start + 1, min(len(lines), start + 500)):  # bounded: a file of rules stays linear
        if lines[end].rstrip() in ("---", "..."):
            try:  # composed, not constructed: a value YAML cannot construct (a 13th month) is still a block
                node = yaml.compose("\n".join(lines[start + 1:end]))
            except yaml.YAMLError:
                return None
            return end if isinstance(node, yaml.MappingNode) and node.value else None
    return None


def simple_table_rule(lines: list[str]) -> bool:
    """One of these lines (a rule or a setext heading's) is the dashed rule of a simple or multiline table."""
    return any(_LINE_STARTS[2][0].match(line) for line in lines)


def title_block(text: str) -> bool:
    """The file starts with Pandoc's title block (`% Title`)."""
    return text.startswith("% ")
