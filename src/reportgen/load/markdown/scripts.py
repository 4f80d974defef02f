"""Pandoc's superscripts `2^10^` and subscripts `H~2~O`, whose text may hold other markup
(`a^*hello*^`) and escaped spaces (`H~many\\ of\\ them~O`), and Pandoc's backslashes that CommonMark
would print: an escaped space `\\ ` is a non-breaking space, and a backslash that ends a paragraph
or heading (a line break before nothing) is dropped."""

from __future__ import annotations

import re
from collections.abc import Callable

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

_SPACE = re.compile(r"(?<!\\)\s")  # a space not escaped: `a^b c^` is no superscript


def script_rule(marker: str, name: str) -> Callable[[StateInline, bool], bool]:
    """The rule of `marker ... marker` as `<name>` tokens around the inlines between the markers."""
    def rule(state: StateInline, silent: bool) -> bool:
        start, maximum = state.pos, state.posMax
        if silent or state.src[start] != marker or start + 2 >= maximum or state.src[start + 1] == marker:
            return False  # `~~` is a strikethrough
        state.pos = start + 1
        while state.pos < maximum and state.src[state.pos] != marker:
            state.md.inline.skipToken(state)
        end = state.pos
        if end >= maximum or _SPACE.search(state.src, start + 1, end):
            state.pos = start
            return False
        state.pos, state.posMax = start + 1, end
        state.push(f"{name}_open", name, 1).markup = marker
        state.md.inline.tokenize(state)
        state.push(f"{name}_close", name, -1).markup = marker
        state.pos, state.posMax = end + 1, maximum
        return True
    return rule


def escaped_space(state: StateInline, silent: bool) -> bool:
    if not state.src.startswith("\\ ", state.pos):
        return False
    if not silent:
        state.pending += "\u00a0"
    state.pos += 2
    return True


def final_backslash(state: StateInline, silent: bool) -> bool:
    if state.src[state.pos] != "\\" or state.pos + 1 != len(state.src) or state.posMax != len(state.src):
        return False
    state.pos += 1
    return True


def scripts_plugin(md: MarkdownIt) -> None:
    md.inline.ruler.after("emphasis", "sub", script_rule("~", "sub"))
    md.inline.ruler.after("emphasis", "sup", script_rule("^", "sup"))
    md.inline.ruler.before("escape", "escaped_space", escaped_space)
    md.inline.ruler.before("escape", "final_backslash", final_backslash)
