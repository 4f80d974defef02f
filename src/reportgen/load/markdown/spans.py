"""Pandoc's bracketed spans and inline attributes for markdown-it.

`[text]{#id .class key=value}` becomes `span_open` / `span_close` tokens around the parsed text, the
attribute body in `meta["attributes"]`. An attribute set right after an image, a link or inline code
(`![x](a.png){width=50%}`, `` `x`{.r} ``) is taken out of the text and put in that token's
`meta["attributes"]` (a link's on its `link_open`). The loader parses the bodies and reports
mistakes with their line.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.helpers import parseLinkLabel
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline


def _attribute_end(src: str, start: int, state: StateInline | None = None) -> int:
    """The index of the `}` closing the attribute set that opens at `start`, or -1. With the inline
    `state`, the characters looked for are remembered: from every `{` of a paragraph of them, the
    search took time quadratic in its length."""
    end = _next(state, src, "}", start)
    if end >= len(src) or _next(state, src, "{", start + 1) < end or _next(state, src, "\n\n", start) < end:
        return -1
    return end


def _next(state: StateInline | None, src: str, needle: str, pos: int) -> int:
    """The position of `needle` at or after `pos` in `src` (len(src) if none)."""
    cache = getattr(state, "_rg_next", None) if state is not None else None
    if cache is None:
        cache = {}
        if state is not None:
            state._rg_next = cache
    start, found = cache.get(needle, (-1, -1))
    if not start <= pos <= found:
        found = src.find(needle, pos)
        found = len(src) if found < 0 else found
        cache[needle] = (pos, found)
    return found


def span_rule(state: StateInline, silent: bool) -> bool:
    src, pos = state.src, state.pos
    if src[pos] != "[":
        return False
    end = parseLinkLabel(state, pos, disableNested=False)
    if end < 0 or end + 1 >= state.posMax or src[end + 1] != "{":
        return False
    close = _attribute_end(src, end + 1, state)
    if close < 0:
        return False
    if not silent:
        token = state.push("span_open", "span", 1)
        token.meta = {"attributes": src[end + 2:close]}
        old_max = state.posMax
        state.pos, state.posMax = pos + 1, end
        state.md.inline.tokenize(state)
        state.posMax = old_max
        state.push("span_close", "span", -1)
    state.pos = close + 1
    return True


_TAKES_ATTRIBUTES = {"image", "link_close", "code_inline"}


def trailing_attributes(state: StateCore) -> None:
    """Move `{...}` written right after an image, a link or inline code into its token's meta."""
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children = block.children
        opened = []  # the link_open of each link being read
        for i, token in enumerate(children[:-1]):
            if token.type == "link_open":
                opened.append(token)
            if token.type not in _TAKES_ATTRIBUTES:
                continue
            owner = opened.pop() if token.type == "link_close" and opened else token
            _take_attributes(owner, children, i + 1)


def _take_attributes(owner, children: list, start: int) -> None:
    """The attribute set that the text tokens from `start` open, into `owner`'s meta. The set may hold
    escapes (`{alt="a \\"b\\""}`), which markdown-it has split into tokens of their own: read as written."""
    raw, pieces = "", []  # the source the tokens were read from, and where each token's part ends in it
    for token in children[start:]:
        if token.type not in ("text", "text_special", "verbatim"):  # verbatim: an escaped quote (see markdown)
            break
        raw += token.markup if token.info == "escape" else token.content
        pieces.append((token, len(raw)))
        if "}" in token.content:
            break
    close = _attribute_end(raw, 0) if raw.startswith("{") else -1
    if close <= 0:
        return
    owner.meta = {**(owner.meta or {}), "attributes": raw[1:close]}
    for token, end in pieces:  # the tokens the set took are emptied; the one it ends in keeps what follows
        token.type, token.content = "text", raw[close + 1:end] if end > close else ""
        if end > close:
            break


def spans_plugin(md: MarkdownIt) -> None:
    """After the citations plugin, if any: `[see @key]{.x}` is a span, not a citation."""
    first = "citation" if md.inline.ruler.__find__("citation") >= 0 else "link"
    md.inline.ruler.before(first, "span", span_rule)
    md.core.ruler.after("inline", "trailing_attributes", trailing_attributes)  # before quotes are curled
