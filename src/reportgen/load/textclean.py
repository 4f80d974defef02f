"""Characters that text pasted from PDFs, Word and e-mail brings along: cleaned where the intent is
obvious (with a warning), an error where it is not, so no output ever holds text XML cannot.

- Soft hyphens and zero-width characters are invisible line-break hints: removed.
- Form feeds (page breaks from PDF extraction) are removed; vertical tabs (Word's line breaks)
  become spaces. Lines are never added or removed, so every later line number stays true.
- C1 control characters are Windows-1252 punctuation decoded as Latin-1 (U+0092 for ’): mapped back.
- Non-breaking spaces indenting a line would silently break Markdown structure: made spaces.
- Any other control character, and the non-characters U+FFFE/U+FFFF, cannot be guessed: an error.
"""

from __future__ import annotations

import re

from ..errors import Problems, Source

_INVISIBLE = {"\u00ad": "soft hyphen", "\u200b": "zero-width space", "\u2060": "word joiner",
              "\ufeff": "zero-width no-break space"}
_BREAKS = {"\f": ("form feed", "removed", ""), "\v": ("vertical tab", "made a space", " ")}
_SUSPECT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b\u2060\ufeff\ufffe\uffff]"
                      "|^[ \t]*\u00a0[ \u00a0\t]*", re.MULTILINE)


def _character_name(ch: str) -> str:
    return f"U+{ord(ch):04X}"


def clean_text(text: str, path: str, problems: Problems) -> str:
    """Return `text` with obvious debris cleaned; record a warning per kind and line, or an error."""
    if not _SUSPECT.search(text):
        return text  # the common case costs one scan
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        if not _SUSPECT.search(line):
            continue
        where = Source(path, number)
        cleaned, found = [], {}
        indent = len(line) - len(line.lstrip(" \t\u00a0"))
        for column, ch in enumerate(line, start=1):
            if ch == "\u00a0" and column <= indent:
                found.setdefault("non-breaking space used as indentation, made a space", None)
                cleaned.append(" ")
                continue
            replacement, what, action, error = _clean_character(ch)
            if action:
                found.setdefault(f"{what} {action}", None)
            if error:
                problems.error(where, f"control character {_character_name(ch)} in column {column} cannot go "
                                      "into a document; delete it (it often comes with text pasted from a PDF)")
            cleaned.append(replacement)
        for message in found:
            problems.warning(where, message)
        lines[number - 1] = "".join(cleaned)
    return "\n".join(lines)


def clean_value(value: str, where: Source, name: str, problems: Problems) -> str:
    """A string value of report.yaml or front matter (where YAML escapes such as `\\x01` can write
    any character) cleaned as a section's text is, its problems naming the value."""
    if not _SUSPECT.search(value):
        return value
    cleaned, warnings, errors = [], {}, {}
    for ch in value:
        replacement, what, action, error = _clean_character(ch)
        if action:
            warnings.setdefault(f"{what} in {name!r} {action}", None)
        if error:
            errors.setdefault(f"{what} in {name!r} cannot go into a document; delete it", None)
        cleaned.append(replacement)
    for message in errors:
        problems.error(where, message)
    for message in warnings:
        problems.warning(where, message)
    return "".join(cleaned)


def clean_data(data, where: Source, problems: Problems, name: str = ""):
    """Parsed JSON with every string cleaned by `clean_value`, named by its keys."""
    if isinstance(data, str):
        return clean_value(data, where, name or "the value", problems)
    if isinstance(data, list):
        return [clean_data(item, where, problems, f"{name}[{i}]") for i, item in enumerate(data)]
    if isinstance(data, dict):
        return {clean_data(key, where, problems, "a key"):
                clean_data(value, where, problems, f"{name}.{key}".strip(".")) for key, value in data.items()}
    return data


def _clean_character(ch: str) -> tuple[str, str, str, bool]:
    """What becomes of one character: its replacement, its description and what was done with it
    (for the warning; "" when nothing was), and whether it is an error, a character whose intent
    nobody can guess."""
    name = _character_name(ch)
    if ch in _INVISIBLE:
        return "", f"{_INVISIBLE[ch]} ({name})", "removed", False
    if ch in _BREAKS:
        kind, action, replacement = _BREAKS[ch]
        return replacement, f"{kind} ({name})", action, False
    if "\x80" <= ch <= "\x9f" and _cp1252(ch):
        return _cp1252(ch), f"control character {name}", f"read as Windows-1252 '{_cp1252(ch)}'", False
    if ch != "\u00a0" and _SUSPECT.fullmatch(ch):
        return " ", f"control character {name}", "", True
    return ch, "", "", False


def _cp1252(ch: str) -> str:
    try:
        return bytes([ord(ch)]).decode("cp1252")
    except UnicodeDecodeError:  # the five bytes Windows-1252 leaves undefined
        return ""
