"""A paragraph's identifier, written as Pandoc writes an anchor: an empty bracketed span with an id at
the start of the paragraph, `[]{#para-duties} The State shall …`. The span is taken off the text
before inline parsing and its attribute body kept in the paragraph's `meta["anchor"]`, for the
reader to check and keep as the paragraph's id (which cross-references `@para-duties` name)."""

from __future__ import annotations

import re

from markdown_it.rules_core import StateCore

ANCHOR = re.compile(r"\[\]\{(?P<body>[^{}\n]*)\}[ \t]*")


def paragraph_anchors(state: StateCore) -> None:
    tokens = state.tokens
    for i, token in enumerate(tokens[:-1]):
        if token.type != "paragraph_open" or tokens[i + 1].type != "inline":
            continue
        inline = tokens[i + 1]
        match = ANCHOR.match(inline.content)
        if match:
            token.meta = {**(token.meta or {}), "anchor": match["body"]}
            inline.content = inline.content[match.end():]
