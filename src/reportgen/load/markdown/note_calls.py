"""Note calls `[^label]`, read as mdit-py-plugins' `footnote_ref` rule reads them (with
`always_match`), but in time linear in the paragraph.

That rule scans from every `[^` to the end of the label, and markdown-it tries it at every `[`: a
paragraph of `[^[^[^...` (no `]`) took time quadratic in its length, 13 s for 4,000 of them and
over 300 s for 50,000. Here the end of the label (the first space, newline or `]`) is found once
for a whole run of such starts and remembered on the inline state.
"""

from __future__ import annotations

import re

from markdown_it.rules_inline import StateInline

_LABEL_END = re.compile(r"[ \n\]]")  # what ends a label, as in footnote_ref


def _label_end(state: StateInline, pos: int) -> int:
    """The position of the first space, newline or `]` at or after `pos` (or the end of the text)."""
    start, end = getattr(state, "_rg_label_end", (-1, -1))
    if not start <= pos <= end:
        found = _LABEL_END.search(state.src, pos)
        end = found.start() if found else len(state.src)
        state._rg_label_end = (pos, end)
    return end


def _notes(env: dict) -> dict:
    """The footnote plugin's record in the environment: `refs` (":label" -> id) and `list`."""
    notes = env.setdefault("footnotes", {})
    notes.setdefault("refs", {})
    notes.setdefault("list", {})
    return notes


def note_call(state: StateInline, silent: bool) -> bool:
    """`[^label]`: a `footnote_ref` token, whether or not the label is defined (the loader says so)."""
    start, maximum = state.pos, state.posMax
    if start + 3 > maximum or state.src[start] != "[" or state.src[start + 1] != "^":
        return False
    end = _label_end(state, start + 2)
    if end == start + 2 or end >= maximum or state.src[end] != "]":
        return False
    if not silent:
        label = state.src[start + 2:end]
        data = _notes(state.env)
        ident = data["refs"].get(":" + label, -1)
        if ident < 0:
            ident = len(data["list"])
            data["list"][ident] = {"label": label, "count": 0}
            data["refs"][":" + label] = ident
        sub_id = data["list"][ident]["count"]
        data["list"][ident]["count"] += 1
        token = state.push("footnote_ref", "", 0)
        token.meta = {"id": ident, "subId": sub_id, "label": label}
    state.pos = end + 1
    return True
