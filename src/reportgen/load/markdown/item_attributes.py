"""Attribute sets written at the end of a recommendation, `… {theme="trafficking" sdg="16.2"}`.

Inside a `::: recommendations` block, a trailing `{...}` at the end of an item's text is moved out
of the text into the item's `meta["attributes"]` (with `meta["attributes_line"]`, its line offset
from the item's first line), for the reader to check and keep as the recommendation's metadata.
"""

from __future__ import annotations

from markdown_it.rules_core import StateCore

from .attributes import split_trailing


def _is_recommendations(token) -> bool:
    info = (token.meta or {}).get("info", "").strip()
    return info == "recommendations" or (info.startswith("{") and ".recommendations" in info.split())


def item_attributes(state: StateCore) -> None:
    tokens = state.tokens
    for i, token in enumerate(tokens):
        if token.type != "div_open" or not _is_recommendations(token):
            continue
        list_level = token.level + 1
        for j in range(i + 1, len(tokens)):
            item = tokens[j]
            if item.type == "div_close" and item.level == token.level:
                break
            if item.type == "list_item_open" and item.level == list_level + 1:
                _move_trailing_attributes(tokens, j)


def _move_trailing_attributes(tokens, start: int) -> None:
    """Take the attribute set off the last inline token of the item opened at `start`."""
    level, last_inline = tokens[start].level, None
    for token in tokens[start + 1:]:
        if token.type == "list_item_close" and token.level == level:
            break
        if token.type == "inline":
            last_inline = token
    if last_inline is None:
        return
    text, body = split_trailing(last_inline.content)
    if body is None:
        return
    first_line = tokens[start].map[0] if tokens[start].map else 0
    inline_line = last_inline.map[0] if last_inline.map else first_line
    braces = last_inline.content.rfind("{" + body + "}")
    offset = inline_line - first_line + last_inline.content.count("\n", 0, braces)
    last_inline.content = text
    tokens[start].meta = {**(tokens[start].meta or {}), "attributes": body, "attributes_line": offset}
