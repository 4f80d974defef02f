"""Pandoc citations for markdown-it: `[@key]`, `[@key, p. 12]`, `[see @a, pp. 3-5; @b]`, and in the
text `@key` or `@key [p. 12]`.

Each bracketed cluster becomes one `citation` token whose `meta["citations"]` lists, per cited work,
the key, the prefix and suffix as inline tokens, and the locator (the text after the comma that
follows the key).
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.common.utils import unescapeAll
from markdown_it.helpers import parseLinkLabel
from markdown_it.rules_inline import StateInline

# Pandoc's citation keys: a letter, digit or `_`, then internal punctuation, ending on a word
# character; or anything between braces.
KEY = r"(?:\{(?P<braced>[^{}]+)\}|(?P<key>\w(?:[\w:.#$%&\-+?<>~/]*\w)?))"
_ITEM = re.compile(r"(?P<prefix>(?:.*?\s)?)(?P<minus>-?)@" + KEY + r"(?P<rest>.*)", re.DOTALL)


def _split_items(text: str) -> list[str]:
    """Split a cluster on semicolons that are not inside brackets or braces."""
    items, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "[{":
            depth += 1
        elif ch in "]}":
            depth -= 1
        elif ch == ";" and depth == 0:
            items.append(text[start:i])
            start = i + 1
    items.append(text[start:])
    return items


def _braced(text: str) -> tuple[str, str] | None:
    """Pandoc's locator in braces, `{pp. iv, vi-xi}` (with or without a comma before it): its text,
    and the suffix after it."""
    depth = 0
    for i, ch in enumerate(text if text.startswith("{") else ""):
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if not depth:
            return unescapeAll(text[1:i].strip()), text[i + 1:].strip()
    return None


def parse_cluster(text: str) -> list[dict] | None:
    """The citations in the inside of `[...]`, or None when it is not a citation cluster."""
    citations = []
    for item in _split_items(text):
        match = _ITEM.fullmatch(item.strip())
        if not match:
            return None
        rest = match["rest"].strip()
        locator, suffix = "", rest
        braced = _braced(rest.removeprefix(",").strip())
        if braced:
            locator, suffix = braced
        elif rest.startswith(","):  # a locator is plain text: escapes and entities decoded
            locator, suffix = unescapeAll(rest[1:].strip()), ""
        citations.append({
            "key": match["braced"] or match["key"],
            "prefix": match["prefix"].strip(),
            "locator": locator,
            "suffix": suffix,
            "suppress_author": bool(match["minus"]),
        })
    return citations


def _next_at(state: StateInline, pos: int) -> int:
    """The position of the first `@` at or after `pos` (len(src) if none), remembered on the state:
    looking it up from every `[` of a paragraph of brackets took time quadratic in its length."""
    start, found = getattr(state, "_rg_next_at", (-1, -1))
    if not start <= pos <= found:
        found = state.src.find("@", pos)
        found = len(state.src) if found < 0 else found
        state._rg_next_at = (pos, found)
    return found


def citation_rule(state: StateInline, silent: bool) -> bool:
    if state.src[state.pos] != "[" or _next_at(state, state.pos) >= state.posMax:
        return False
    end = parseLinkLabel(state, state.pos, disableNested=False)
    if end < 0:
        return False
    # `[@key](url)` and `[@key][ref]` are links, not citations.
    if end + 1 < state.posMax and state.src[end + 1] in "([":
        return False
    citations = parse_cluster(state.src[state.pos + 1:end])
    if citations is None:
        return False
    if not silent:
        for citation in citations:
            for part in ("prefix", "suffix"):
                tokens: list = []
                if citation[part]:
                    state.md.inline.parse(citation[part], state.md, state.env, tokens)
                citation[part] = tokens
        token = state.push("citation", "", 0)
        token.meta = {"citations": citations}
    state.pos = end + 1
    return True


_IN_TEXT = re.compile("@" + KEY)
# Before an in-text `@key`: not a word character (an e-mail address) nor what would make it a handle.
_NOT_BEFORE = re.compile(r"[\w@.+\-/\\\[]")


def in_text_citation_rule(state: StateInline, silent: bool) -> bool:
    """Pandoc's in-text citation `@key`, with an optional locator in brackets after it: `@key [p. 33]`.
    The author is printed in the text, the citation goes into a note (see transforms.citations)."""
    pos = state.pos
    if state.src[pos] != "@" or (pos and _NOT_BEFORE.match(state.src[pos - 1])) or state.linkLevel:
        return False  # an e-mail address, `[@key;]` that is not a citation, a link's text
    match = _IN_TEXT.match(state.src, pos, state.posMax)
    if not match or state.src[pos - 1:pos] == "(" and state.src[match.end():match.end() + 1] == ")" \
            and state.src[pos - 2:pos - 1] in ("", "\n"):
        return False  # `(@good)` opening a line: Pandoc's example-list item (reported as such)
    end, locator = match.end(), ""
    bracket = end + 1 if state.src.startswith(" [", end) else end
    if bracket < state.posMax and state.src[bracket] == "[":
        close = parseLinkLabel(state, bracket, disableNested=False)
        inside = state.src[bracket + 1:close] if close > 0 else ""
        linked = close + 1 < state.posMax and state.src[close + 1] in "(["
        if close > 0 and not linked and inside.strip() and parse_cluster(inside) is None:
            inside = inside.strip().removeprefix(",").strip()  # `@key [, p. 3]` as `@key [p. 3]`
            locator, end = (_braced(inside) or (inside,))[0], close + 1
    if not silent:
        token = state.push("citation", "", 0)
        token.meta = {"citations": [{"key": match["braced"] or match["key"], "prefix": [], "locator": locator,
                                     "suffix": [], "suppress_author": False, "in_text": True}]}
    state.pos = end
    return True


def citations_plugin(md: MarkdownIt) -> None:
    md.inline.ruler.before("link", "citation", citation_rule)
    md.inline.ruler.before("citation", "in_text_citation", in_text_citation_rule)
