"""A reviewer's edits of a paragraph's text, made in the paragraph's Markdown source as the smallest
change: the text the reader saw is aligned, character by character, with the source it came from
(markup, note calls, citations, link targets and attributes set apart), and each deletion or
insertion is made between the source characters it falls between. Notes, citations, emphasis and
the line layout around an edit stay as they were. What cannot be placed exactly raises
`NotPlaced` with the reason."""

from __future__ import annotations

import difflib
import re
import textwrap
from dataclasses import dataclass

from .revisions import NOTE_CALL, Edit

_MARKERS = "*_~^`"
# Source that the reader does not see as text: a note or citation (seen as a note call), or nothing.
_NOTES = re.compile(r"\^\[(?:[^\[\]]|\[[^\[\]]*\])*\]"  # an inline note
                    r"|\[\^[^\]\s]+\]"  # a note's call
                    r"|\[[^\[\]]*-?@[^\[\]]*\]|(?<![\w@\\])-?@\w[\w:.#$%&+?<>~/-]*")  # citations
_HIDDEN = re.compile(r"\]\([^()\s]*(?:\s+\"[^\"]*\")?\)|\{[#.:][^}]*\}|\{[^}]*=[^}]*\}|<!--.*?-->|</?[A-Za-z][^>]*>",
                     re.DOTALL)
_SAME = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-",
                       "\u2026": ".", "\u00a0": " ", "\u202f": " ", "\n": " ", "\u2010": "-", "\u2011": "-"})
_ESCAPED = re.compile(r"([\\*_`\[\]<~|])|(?<!\w)(@)|(\^)(?=\[)")
MATCHED = 0.9  # the share of the paragraph's letters and digits that must be found in its source


class NotPlaced(Exception):
    """An edit that cannot be made exactly in the source; the message says why."""


@dataclass(frozen=True)
class _Unit:
    """One thing of the source the reader sees: a character, or a note call standing for a span."""

    char: str
    start: int
    end: int


def _units(source: str) -> tuple[list[_Unit], list[tuple[int, int]]]:
    """The visible units of a source text, and the spans of notes and citations in it."""
    hidden = [(m.start(), m.end()) for m in _HIDDEN.finditer(source)]
    notes = [(m.start(), m.end()) for m in _NOTES.finditer(source)
             if not any(a <= m.start() < b for a, b in hidden)]
    units, index = [], 0
    while index < len(source):
        span = next(((a, b) for a, b in hidden + notes if a == index), None)
        if span is None:
            units.append(_Unit(source[index], index, index + 1))
            index += 1
        else:
            if span in notes:
                units.append(_Unit(NOTE_CALL, span[0], span[1]))
            index = span[1]
    return units, notes


def align(source: str, original: str) -> tuple[list[_Unit], list[_Unit | None]]:
    """Each character of the text the reader saw (`original`) with the source unit it came from,
    or None (text reportgen made: a number, "as recommended previously" ...)."""
    units, _ = _units(source)
    matcher = difflib.SequenceMatcher(None, [u.char.translate(_SAME) for u in units],
                                      [c.translate(_SAME) for c in original], autojunk=False)
    found: list[_Unit | None] = [None] * len(original)
    for a, b, size in matcher.get_matching_blocks():
        for offset in range(size):
            found[b + offset] = units[a + offset]
    printed = _printed_for_citations(units, matcher)
    letters = [i for i, c in enumerate(original) if c.isalnum() and i not in printed]
    if letters and sum(found[i] is not None for i in letters) < MATCHED * len(letters):
        raise NotPlaced("the paragraph's text is not the one in the source (changed since the draft?)")
    return units, found


def _printed_for_citations(units: list[_Unit], matcher: difflib.SequenceMatcher) -> set[int]:
    """The characters of the text that reportgen printed for a citation or cross-reference of the
    source: "section III" for `@sec-x`, the authors' names before the note call of `@key argue`."""
    printed: set[int] = set()
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag in ("replace", "insert") and any(u.char == NOTE_CALL for u in units[max(a1 - 1, 0):a2 + 1]):
            printed.update(range(b1, b2))
    return printed


def apply_edits(source: str, original: str, edits: list[Edit], table_row: bool = False) -> str:
    """The source with every edit made; NotPlaced when one cannot be made exactly."""
    units, found = align(source, original)
    if len(edits) == 1 and edits[0].start == 0 and edits[0].end == len(original) and original.strip():
        return _replace_all(source, original, edits[0], found)
    for edit in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):  # the last first: offsets hold
        if edit.end > edit.start:
            start, end = _deleted_span(source, original, edit, found)
            replacement = _escape(edit.text, table_row) if edit.text else _joint(source, start, end)
            if edit.text and edit.formatted:
                raise NotPlaced("the inserted text is formatted (bold, italic …): type it in the Markdown")
            head = source[:start].rstrip(" \t") if replacement.startswith("\n") else source[:start]
            source = head + replacement + source[end:]
        else:
            position = _insertion_point(source, original, edit, found)
            source = source[:position] + _escape(edit.text, table_row) + source[position:]
    return source


def _deleted_span(source: str, original: str, edit: Edit, found: list[_Unit | None]) -> tuple[int, int]:
    """The source span of a deletion, widened over the emphasis it empties and one space."""
    chars = found[edit.start:edit.end]
    if any(original[i] == NOTE_CALL for i in range(edit.start, edit.end)):
        raise NotPlaced("it crosses a note call: change the note by hand")
    if any(u is None and not original[edit.start + i].isspace() for i, u in enumerate(chars)):
        raise NotPlaced("it changes text that reportgen wrote, not the source")
    known = [u for u in chars if u is not None]
    if not known:
        raise NotPlaced("it changes text that reportgen wrote, not the source")
    start, end = known[0].start, known[-1].end
    if _units(source[start:end])[1]:
        raise NotPlaced("it crosses a note call: change the note by hand")
    visible = "".join(u.char for u in known)
    for marker in _MARKERS:  # an emphasis closed (or opened) inside: the deletion must hold all of it
        while (source[start:end].count(marker) - visible.count(marker)) % 2:
            if start > 0 and source[start - 1] == marker:
                start -= 1
            elif source[end:end + 1] == marker:
                end += 1
            else:
                raise NotPlaced("it crosses the edge of emphasis: change it by hand")
    if source[start:end].count("[") != source[start:end].count("]"):
        raise NotPlaced("it crosses the edge of a link: change it by hand")
    while start > 0 and end < len(source) and source[start - 1] == source[end] and source[end] in _MARKERS:
        start, end = start - 1, end + 1  # the emphasis is emptied: its markers go too
    if start > 0 and source[start - 1] == " " and source[end:end + 1] in (" ", ",", ".", ";", ":", ")"):
        start -= 1  # a word deleted: one space goes with it
    return start, end


def _joint(source: str, start: int, end: int) -> str:
    """What stays where text was deleted: a line break (and the next line's indent) if the text
    ran over one, else nothing."""
    if "\n" not in source[start:end]:
        return ""
    last = source.rfind("\n", start, end)
    indent = re.match(r"[ \t>]*", source[last + 1:end]).group(0)
    return "\n" + indent


def _insertion_point(source: str, original: str, edit: Edit, found: list[_Unit | None]) -> int:
    before = found[edit.start - 1] if edit.start > 0 else None
    after = found[edit.start] if edit.start < len(original) else None
    if edit.start > 0 and before is None and not original[edit.start - 1].isspace():
        raise NotPlaced("it is next to text that reportgen wrote, not the source")
    low = before.end if before else (after.start if after else len(source.rstrip()))
    high = after.start if after else len(source.rstrip())
    if edit.formatted:  # as the text around it (Word's default) when that is emphasized: inside the emphasis
        if not any(len(re.findall(rf"(?<!\\){re.escape(m)}", source[:low])) % 2 for m in "*_"):
            raise NotPlaced("the inserted text is formatted (bold, italic …): type it in the Markdown")
        return low
    if low >= high:
        return low
    gap = source[low:high]
    if gap.strip(_MARKERS + " \n\t") and not gap.startswith("\n"):
        return high  # after a link's target, an attribute, a comment: before the next word
    if not gap.strip(" \n\t"):
        return low  # at the end of the line, the line break kept
    opening = low == 0 or source[low - 1].isspace()  # outside the emphasis the inserted text does not have
    return low if opening else high


def _replace_all(source: str, original: str, edit: Edit, found: list[_Unit | None]) -> str:
    """A paragraph retyped whole: its text replaced, wrapped as the source lines were."""
    if NOTE_CALL in original:
        raise NotPlaced("the paragraph is replaced whole, notes included: keep or drop its notes by hand")
    known = [u for u in found if u is not None]
    start, end = known[0].start, known[-1].end
    lines = source[start:end].split("\n")
    width = max(60, max(len(line) for line in source.split("\n")))
    indent = re.match(r"[ \t>]*", lines[1]).group(0) if len(lines) > 1 else ""
    first = source[:start].rsplit("\n", 1)[-1]
    wrapped = textwrap.fill(_escape(edit.text, False), width, initial_indent=" " * len(first),
                            subsequent_indent=indent, break_long_words=False, break_on_hyphens=False)
    return source[:start] + wrapped[len(first):] + source[end:]


def _escape(text: str, table_row: bool) -> str:
    """Inserted text as Markdown that shows it as typed."""
    def escaped(match: re.Match) -> str:
        char = match.group(0)
        return char if char == "|" and not table_row else "\\" + char

    return _ESCAPED.sub(escaped, text.replace("\n", " "))
