"""Pandoc's line blocks for markdown-it: lines that start with `| ` keep their line breaks and their
leading spaces (an address, a poem). A line that starts with a space continues the line before.

A line block becomes a paragraph whose inline content has a hard break (`\\` at the end of a line)
after each line but the last, and each line's leading spaces as no-break spaces. Pipe tables are
read first, so a table is never taken for a line block.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

_LINE = re.compile(r"\|(?: (?P<text>.*)|$)")


def _text(state: StateBlock, line: int) -> str:
    return state.src[state.bMarks[line] + state.tShift[line]:state.eMarks[line]]


def line_block(state: StateBlock, startLine: int, endLine: int, silent: bool) -> bool:  # noqa: N803
    if state.is_code_block(startLine) or not _LINE.match(_text(state, startLine)):
        return False
    if silent:
        return True
    lines: list[str] = []
    line = startLine
    while line < endLine and not state.isEmpty(line) and state.sCount[line] >= state.blkIndent:
        match = _LINE.match(_text(state, line))
        if match:
            text = match["text"] or ""
            lines.append("\u00a0" * (len(text) - len(text.lstrip(" "))) + text.lstrip(" "))
        elif lines and state.sCount[line] > state.blkIndent:  # a continuation of the line before
            lines[-1] += " " + _text(state, line)
        else:
            break
        line += 1
    token = state.push("paragraph_open", "p", 1)
    token.map = [startLine, line]
    token.meta = {"line_block": True}
    token = state.push("inline", "", 0)
    token.content = "\\\n".join(lines)
    token.map = [startLine, line]
    token.children = []
    state.push("paragraph_close", "p", -1)
    state.line = line
    return True


def line_blocks_plugin(md: MarkdownIt) -> None:
    md.block.ruler.after("table", "line_block", line_block)
