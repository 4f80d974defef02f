"""references.bib read into entries: bibtexparser v2 splits the blocks, this module reads each value
(`{...}`, `"..."`, numbers, @string macros joined with `#`) and reports every mistake at its line.

Values stay LaTeX source here; `latex` decodes them when a report cites the entry.
"""

from __future__ import annotations

import logging
import re

from ..errors import Problems, Source
from . import biblatex
from .bibliography import Entry
from .latex import squash

# BibLaTeX's month macros expand to numbers; a note writes the month in the report's language.
MONTHS = {name: str(i) for i, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
# What Biber accepts in a key: no spaces, braces, commas, quotes, `#`, `%`, `=`, `~`, `\`.
_BAD_KEY = re.compile(r"[\s,{}()\"'#%=~\\]")
_MACRO = re.compile(r"[^\s#,={}\"()]+")
_COMMENT_TYPE = re.compile(r"@comment\w+\s*[{(]", re.IGNORECASE)
_NEXT_FIELD = re.compile(r"\s*([A-Za-z][\w.:+-]*)\s*=")
_BRACE_OR_QUOTE = re.compile(r'[{}"]')


class ValueError_(Exception):
    """A value that cannot be read: the message and how many lines into the value."""

    def __init__(self, message: str, line_offset: int = 0):
        super().__init__(message)
        self.message, self.line_offset = message, line_offset


def read_bibtex(text: str, path: str, problems: Problems) -> dict[str, Entry]:
    """Every entry of a .bib, keyed by its citation key."""
    import bibtexparser

    logger = logging.getLogger("bibtexparser")
    level = logger.level
    logger.setLevel(logging.CRITICAL)  # its failures are reported below, located; its level is restored after
    try:
        library = bibtexparser.parse_string(text, parse_stack=[])
    finally:
        logger.setLevel(level)
    macros = dict(MONTHS)
    for string in library.strings:
        where = Source(path, string.start_line + 1)
        try:
            macros[string.key.lower()] = evaluate(str(string.value), macros)
        except ValueError_ as exc:
            problems.error(where.at(exc.line_offset), f"@string{{{string.key}}}: {exc.message}")
    entries: dict[str, Entry] = {}
    for raw, offset in [*((raw, 0) for raw in library.entries), *_misread_comments(library)]:
        entry = _entry(raw, path, macros, problems, offset)
        if entry is not None:
            entries[entry.key] = entry
    _report_failed_blocks(library.failed_blocks, path, entries, problems)
    return biblatex.resolve(entries, problems)


def _misread_comments(library) -> list:
    """Entries whose type starts with `comment` (BibLaTeX's @commentary), which bibtexparser takes for
    @comment blocks: read again under another name; each with the line its block starts on."""
    import bibtexparser
    from bibtexparser.model import ExplicitComment

    found = []
    for block in library.blocks:
        match = _COMMENT_TYPE.match(block.raw or "") if isinstance(block, ExplicitComment) else None
        if match:
            for raw in bibtexparser.parse_string("@x" + block.raw[1:], parse_stack=[]).entries:
                raw.entry_type = raw.entry_type[1:]
                found.append((raw, block.start_line))
    return found


def _entry(raw, path: str, macros: dict, problems: Problems, offset: int = 0) -> Entry | None:
    where = Source(path, raw.start_line + 1 + offset)
    if not raw.key or _BAD_KEY.search(raw.key):
        bad = _BAD_KEY.search(raw.key)
        what = "a space" if bad and bad[0].isspace() else f"'{bad[0]}'" if bad else "nothing"
        problems.error(where, f"the entry key '{raw.key}' contains {what}; a key is one word such as 'smith2020'")
        return None
    fields, lines = {}, {}
    for f in raw.fields:
        line = (f.start_line + 1 + offset) if f.start_line is not None else where.line
        name = f.key.lower()
        try:
            fields[name] = evaluate(str(f.value), macros, verbatim=name in biblatex.VERBATIM_FIELDS)
        except ValueError_ as exc:
            problems.error(Source(path, line + exc.line_offset), f"entry '{raw.key}', field '{name}': {exc.message}")
            continue
        lines[name] = line
    return Entry(raw.key, raw.entry_type.lower(), fields, where, lines)


def evaluate(raw: str, macros: dict, verbatim: bool = False) -> str:
    """A BibTeX value: `{text}`, `"text"`, a number or a macro, joined with `#`; raises ValueError_."""
    parts, pos = [], 0
    while True:
        pos = _skip_space(raw, pos)
        if pos >= len(raw):
            raise ValueError_("a value is missing" + (" after '#'" if parts else ""), raw.count("\n"))
        c = raw[pos]
        if c in "{\"":
            end = _closing(raw, pos)
            parts.append(raw[pos + 1:end])
            pos = end + 1
        else:
            match = _MACRO.match(raw, pos)
            if not match:
                raise ValueError_(f"unexpected '{c}'", raw.count("\n", 0, pos))
            word = match[0]
            if not word.isdigit() and word.lower() not in macros:
                raise ValueError_(f"'{word}' is not a @string defined above it (write {{{word}}} for the text "
                                  "itself)", raw.count("\n", 0, pos))
            parts.append(word if word.isdigit() else macros[word.lower()])
            pos = match.end()
        pos = _skip_space(raw, pos)
        if pos >= len(raw):
            break
        if raw[pos] != "#":
            raise ValueError_(_leftover(raw, pos), raw.count("\n", 0, pos))
        pos += 1
    value = "".join(parts)
    return value.strip() if verbatim else squash(value)


def _skip_space(raw: str, pos: int) -> int:
    while pos < len(raw) and raw[pos].isspace():
        pos += 1
    return pos


def _closing(raw: str, pos: int) -> int:
    """The position of what closes the `{` or `"` at `pos` (braces nest; a quote closes at depth 0)."""
    depth, quote = 0, raw[pos] == '"'
    for mark in _BRACE_OR_QUOTE.finditer(raw, pos + 1 if quote else pos):  # the other characters change nothing
        i, c = mark.start(), mark[0]
        if c == "{" and (i == 0 or raw[i - 1] != "\\"):
            depth += 1
        elif c == "}" and raw[i - 1] != "\\":
            depth -= 1
            if depth == 0 and not quote:
                return i
        elif c == '"' and quote and depth == 0:
            return i
    raise ValueError_(f"the '{raw[pos]}' that opens this value is never closed", raw.count("\n", 0, pos))


def _leftover(raw: str, pos: int) -> str:
    field = _NEXT_FIELD.match(raw, pos)
    if field:
        return f"a comma is missing before '{field[1]}'"
    return f"unexpected '{raw[pos:pos + 20].split()[0]}' after the value (a missing comma or '#'?)"


def _report_failed_blocks(blocks, path: str, entries: dict, problems: Problems) -> None:
    from bibtexparser.model import DuplicateBlockKeyBlock, DuplicateFieldKeyBlock

    for block in blocks:
        where = Source(path, block.start_line + 1)
        if isinstance(block, DuplicateBlockKeyBlock) and (block.raw or "").lstrip()[:7].lower() == "@string":
            problems.error(where, f"@string '{block.key}' is defined twice")
        elif isinstance(block, DuplicateBlockKeyBlock):
            first = entries.get(block.key)
            on = f" (first defined on line {first.source.line})" if first else ""
            problems.error(where, f"duplicate entry key '{block.key}'{on}", rule="BIB-3")
        elif isinstance(block, DuplicateFieldKeyBlock):
            names = ", ".join(sorted(block.duplicate_keys))
            problems.error(where, f"entry has the field '{names}' twice")
        else:
            problems.error(where, f"cannot parse this BibTeX entry: {_reason(block)}")


def _reason(block) -> str:
    error = getattr(block, "error", None)
    reason = getattr(error, "abort_reason", None) or getattr(error, "message", None) or ""
    reason = " ".join(str(reason).split()).replace("`", "'")
    if reason:
        return reason[0].lower() + reason[1:]
    first_line = block.raw.strip().splitlines()[0] if block.raw and block.raw.strip() else ""
    return f"'{first_line[:60]}'"
