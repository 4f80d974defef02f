"""Nesting has a bound, and going past it is said, never silent, never a crash.

markdown-it stops reading blocks nested `maxNesting` (20) levels deep and drops the text inside
without a word (`>` 500 times before a sentence lost the sentence). Emphasis has no such bound:
`*` 500 times around a word made 250 nested `strong`, and Python's recursion limit broke the
reader. Both are recorded in `env["too_deep"]` as (kind, line), for the loader to report; an inline
run nested too deep is kept as plain text.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

MAX_INLINE_DEPTH = 20  # emphasis, links, spans ... inside one another


def bound_nesting_plugin(md: MarkdownIt) -> None:
    tokenize = md.block.tokenize
    maximum = md.options["maxNesting"]

    def tokenize_bounded(state: StateBlock, start: int, end: int) -> None:
        if state.level >= maximum:  # markdown-it skips the lines: say so if they hold anything
            line = state.skipEmptyLines(start)
            if line < end and state.sCount[line] >= state.blkIndent:
                state.env.setdefault("too_deep", []).append(("blocks", line))
        tokenize(state, start, end)

    md.block.tokenize = tokenize_bounded
    md.core.ruler.after("inline", "bound_inline_nesting", _bound_inlines)


def _bound_inlines(state: StateCore) -> None:
    """Every run of inline tokens nested too deep becomes its text, and its line is recorded."""
    note_lines: dict[int, int] = {}  # inline note id -> line of its call
    for token in state.tokens:
        if token.type != "inline" or not token.children:
            continue
        line = token.map[0] if token.map else 0
        for child in token.children:
            if child.type == "footnote_ref" and "label" not in (child.meta or {}):
                note_lines[child.meta["id"]] = line + child.meta.get("line", 0)
        for run, content in _runs(token.children, token.content):
            _flatten_if_deep(state, run, content, line)
    for ident, note in state.env.get("footnotes", {}).get("list", {}).items():
        if note.get("tokens"):
            for run, content in _runs(note["tokens"], note.get("content", "")):
                _flatten_if_deep(state, run, content, note_lines.get(ident, 0))


def _runs(tokens: list[Token], content: str):
    """A run of inline tokens and the citation prefixes and suffixes inside it."""
    yield tokens, content
    for token in tokens:
        if token.type == "citation":
            for citation in token.meta["citations"]:
                for part in ("prefix", "suffix"):
                    if citation[part]:
                        yield citation[part], "".join(t.content for t in citation[part])


def _flatten_if_deep(state: StateCore, tokens: list[Token], content: str, line: int) -> None:
    if _depth(tokens) > MAX_INLINE_DEPTH:
        state.env.setdefault("too_deep", []).append(("inlines", line))
        tokens[:] = [_text(content)]


def _depth(tokens: list[Token]) -> int:
    depth = deepest = 0
    for token in tokens:
        depth += token.nesting
        deepest = max(deepest, depth)
    return deepest


def _text(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token
