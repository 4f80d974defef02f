"""Pandoc fenced divs for markdown-it: `::: recommendations` or `::: {#id .class}` ... `:::`.

The opening token `div_open` carries `meta = {"info": <text after the colons>, "closed": bool}`;
a div whose closing fence never comes is closed at the end of its parent and marked
`closed: False`, so the loader can report it.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

_FENCE = re.compile(r":{3,}[ \t]*")
_CLOSE = re.compile(r":{3,}[ \t]*$")


def _opening(line: str) -> str | None:
    """The info of an opening fence (`::: {#id .class}` gives `{#id .class}`), or None. Its trailing
    spaces and colons are stripped in code: the pattern that did it backtracked in cubic time on
    a line of spaces (3,000 of them: a minute)."""
    fence = _FENCE.match(line)
    if not fence:
        return None
    info = line[fence.end():].rstrip(" \t").rstrip(":").rstrip(" \t")
    return info if info and info[0] != ":" and not info[0].isspace() else None


def _line(state: StateBlock, line: int) -> str:
    return state.src[state.bMarks[line] + state.tShift[line]:state.eMarks[line]]


def fenced_div(state: StateBlock, startLine: int, endLine: int, silent: bool) -> bool:  # noqa: N803
    if state.is_code_block(startLine):
        return False
    info = _opening(_line(state, startLine))
    if info is None:
        return False
    if silent:
        return True

    depth, line, closed = 1, startLine, False
    while True:
        line += 1
        if line >= endLine:
            break
        text = _line(state, line)
        if text and state.sCount[line] < state.blkIndent:
            break  # a line indented less than the div's container ends it
        if not text.startswith(":::") or state.is_code_block(line):
            continue
        if _CLOSE.match(text):
            depth -= 1
            if depth == 0:
                closed = True
                break
        elif _opening(text) is not None:
            depth += 1

    old_parent, old_line_max = state.parentType, state.lineMax
    state.parentType = "div"
    state.lineMax = line
    token = state.push("div_open", "div", 1)
    token.block = True
    token.map = [startLine, line]
    token.meta = {"info": info, "closed": closed}
    state.md.block.tokenize(state, startLine + 1, line)
    token = state.push("div_close", "div", -1)
    token.block = True
    state.parentType, state.lineMax = old_parent, old_line_max
    state.line = line + 1 if closed else line
    return True


def fenced_divs_plugin(md: MarkdownIt) -> None:
    md.block.ruler.before("fence", "fenced_div", fenced_div,
                          {"alt": ["paragraph", "reference", "blockquote", "list"]})
