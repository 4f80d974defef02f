"""Pandoc's fancy lists for markdown-it: ordered lists marked `a)`, `(b)`, `iv.` or `A.` as well as `1.`.

markdown-it only knows decimal markers, so this replaces its `list` block rule with an adaptation
of it (markdown-it-py, MIT licence, `markdown_it/rules_block/list.py`) whose marker scanner also
reads letters and roman numerals. An ordered list's opening token gets
`meta = {"kind": "1" | "a" | "A" | "i" | "I", "delimiter": "." | ")" | "()"}` and, when it does not
start at one, `attrs["start"]`. A change of kind or delimiter starts a new list, as in pandoc.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

from ...numberformat import ROMAN_DIGITS, roman_value


def _marker_kind(token: str, continuing: str | None) -> tuple[str, int] | None:
    """Kind and value of a marker's number part (`12`, `b`, `iv`, `C`), or None."""
    if token.isascii() and token.isdigit():
        return ("1", int(token)) if len(token) <= 9 else None
    if not token.isascii() or not token.isalpha() or not (token.islower() or token.isupper()):
        return None
    roman_kind, alpha_kind = ("i", "a") if token.islower() else ("I", "A")
    if len(token) == 1:
        letter = token.lower()
        if continuing == roman_kind and letter in ROMAN_DIGITS:
            return roman_kind, ROMAN_DIGITS[letter]
        if continuing is None and letter == "i":
            return roman_kind, 1
        return alpha_kind, ord(letter) - ord("a") + 1
    value = roman_value(token)
    return (roman_kind, value) if value else None


def scan_ordered_marker(state: StateBlock, line: int, continuing: str | None = None):
    """Read an ordered-list marker at the start of `line`.

    Returns (position after the marker, kind, value, delimiter), or None when the line has none.
    """
    start = state.bMarks[line] + state.tShift[line]
    maximum = state.eMarks[line]
    src = state.src
    pos = start
    parenthesised = pos < maximum and src[pos] == "("
    if parenthesised:
        pos += 1
    token_start = pos
    while pos < maximum and src[pos].isalnum() and pos - token_start < 10:
        pos += 1
    if pos == token_start or pos >= maximum:
        return None
    kind_value = _marker_kind(src[token_start:pos], continuing)
    if kind_value is None:
        return None
    kind, value = kind_value
    closer = src[pos]
    if parenthesised:
        if closer != ")":
            return None
        delimiter = "()"
    elif closer in ".)":
        delimiter = closer
    else:
        return None
    if kind == "1" and parenthesised:
        delimiter = "()"
    pos += 1
    if pos < maximum and src[pos] not in " \t":
        return None
    # Pandoc's rule: "B. Russell was..." is a paragraph, so a capital with a period needs two spaces.
    if kind in "AI" and delimiter == "." and not src.startswith("  ", pos) and pos < maximum:
        return None
    return pos, kind, value, delimiter


def _scan_bullet_marker(state: StateBlock, line: int) -> int:
    pos = state.bMarks[line] + state.tShift[line]
    maximum = state.eMarks[line]
    if pos >= maximum or state.src[pos] not in "*-+":
        return -1
    pos += 1
    if pos < maximum and state.src[pos] not in " \t":
        return -1
    return pos


def _mark_tight_paragraphs(state: StateBlock, idx: int) -> None:
    level = state.level + 2
    for i in range(idx + 2, len(state.tokens) - 2):
        if state.tokens[i].level == level and state.tokens[i].type == "paragraph_open":
            state.tokens[i + 2].hidden = True
            state.tokens[i].hidden = True


def fancy_list_block(state: StateBlock, startLine: int, endLine: int, silent: bool) -> bool:  # noqa: C901, N803
    """markdown-it's list rule, with pandoc's ordered-list markers."""
    is_terminating_paragraph = False
    tight = True

    if state.is_code_block(startLine):
        return False
    if (state.listIndent >= 0 and state.sCount[startLine] - state.listIndent >= 4
            and state.sCount[startLine] < state.blkIndent):
        return False
    if silent and state.parentType == "paragraph" and state.sCount[startLine] >= state.blkIndent:
        is_terminating_paragraph = True

    marker = scan_ordered_marker(state, startLine)
    if marker is not None:
        is_ordered = True
        pos_after_marker, kind, value, delimiter = marker
        # A list can interrupt a paragraph only when it starts at one.
        if is_terminating_paragraph and value != 1:
            return False
        style = (kind, delimiter)
    else:
        pos_after_marker = _scan_bullet_marker(state, startLine)
        if pos_after_marker < 0:
            return False
        is_ordered = False
        style = state.src[pos_after_marker - 1]

    if is_terminating_paragraph and state.skipSpaces(pos_after_marker) >= state.eMarks[startLine]:
        return False
    if silent:
        return True

    list_token_index = len(state.tokens)
    if is_ordered:
        token = state.push("ordered_list_open", "ol", 1)
        token.meta = {"kind": kind, "delimiter": delimiter}
        if value != 1:
            token.attrs = {"start": value}
    else:
        token = state.push("bullet_list_open", "ul", 1)
    token.map = list_lines = [startLine, 0]
    token.markup = state.src[state.bMarks[startLine] + state.tShift[startLine]:pos_after_marker]

    next_line = startLine
    prev_empty_end = False
    terminator_rules = state.md.block.ruler.getRules("list")
    old_parent_type = state.parentType
    state.parentType = "list"

    while next_line < endLine:
        pos = pos_after_marker
        maximum = state.eMarks[next_line]
        initial = offset = (state.sCount[next_line] + pos_after_marker
                            - (state.bMarks[startLine] + state.tShift[startLine]))
        while pos < maximum:
            ch = state.src[pos]
            if ch == "\t":
                offset += 4 - (offset + state.bsCount[next_line]) % 4
            elif ch == " ":
                offset += 1
            else:
                break
            pos += 1
        content_start = pos
        indent_after_marker = 1 if content_start >= maximum else offset - initial
        if indent_after_marker > 4:
            indent_after_marker = 1
        indent = initial + indent_after_marker

        token = state.push("list_item_open", "li", 1)
        token.markup = style if isinstance(style, str) else delimiter
        token.map = item_lines = [startLine, 0]

        old_tight = state.tight
        old_tshift = state.tShift[startLine]
        old_scount = state.sCount[startLine]
        old_list_indent = state.listIndent
        state.listIndent = state.blkIndent
        state.blkIndent = indent
        state.tight = True
        state.tShift[startLine] = content_start - state.bMarks[startLine]
        state.sCount[startLine] = offset

        if content_start >= maximum and state.isEmpty(startLine + 1):
            state.line = min(state.line + 2, endLine)
        else:
            state.md.block.tokenize(state, startLine, endLine)

        if (not state.tight) or prev_empty_end:
            tight = False
        prev_empty_end = (state.line - startLine) > 1 and state.isEmpty(state.line - 1)

        state.blkIndent = state.listIndent
        state.listIndent = old_list_indent
        state.tShift[startLine] = old_tshift
        state.sCount[startLine] = old_scount
        state.tight = old_tight

        token = state.push("list_item_close", "li", -1)
        next_line = startLine = state.line
        item_lines[1] = next_line

        if next_line >= endLine:
            break
        if state.sCount[next_line] < state.blkIndent:
            break
        if state.is_code_block(startLine):
            break
        if any(rule(state, next_line, endLine, True) for rule in terminator_rules):
            break

        if is_ordered:
            marker = scan_ordered_marker(state, next_line, continuing=kind)
            if marker is None or (marker[1], marker[3]) != style:
                break
            pos_after_marker = marker[0]
        else:
            pos_after_marker = _scan_bullet_marker(state, next_line)
            if pos_after_marker < 0 or state.src[pos_after_marker - 1] != style:
                break

    token = state.push("ordered_list_close" if is_ordered else "bullet_list_close",
                       "ol" if is_ordered else "ul", -1)
    list_lines[1] = next_line
    state.line = next_line
    state.parentType = old_parent_type
    if tight:
        _mark_tight_paragraphs(state, list_token_index)
    return True


def fancy_lists_plugin(md: MarkdownIt) -> None:
    """Replace markdown-it's list rule with the fancy one."""
    md.block.ruler.at("list", fancy_list_block, {"alt": ["paragraph", "reference", "blockquote"]})
