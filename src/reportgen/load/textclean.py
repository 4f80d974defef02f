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
            elif ch in _INVISIBLE:
                found.setdefault(f"{_INVISIBLE[ch]} ({_character_name(ch)}) removed", None)
            elif ch in _BREAKS:
                name, action, replacement = _BREAKS[ch]
                found.setdefault(f"{name} ({_character_name(ch)}) {action}", None)
                cleaned.append(replacement)
            elif "\x80" <= ch <= "\x9f" and _cp1252(ch):
                found.setdefault(f"control character {_character_name(ch)} read as "
                                 f"Windows-1252 '{_cp1252(ch)}'", None)
                cleaned.append(_cp1252(ch))
            elif _SUSPECT.fullmatch(ch) and ch != "\u00a0":
                problems.error(where, f"control character {_character_name(ch)} in column {column} cannot go "
                                      "into a document; delete it (it often comes with text pasted from a PDF)")
                cleaned.append(" ")
            else:
                cleaned.append(ch)
        for message in found:
            problems.warning(where, message)
        lines[number - 1] = "".join(cleaned)
    return "\n".join(lines)


def _cp1252(ch: str) -> str:
    try:
        return bytes([ord(ch)]).decode("cp1252")
    except UnicodeDecodeError:  # the five bytes Windows-1252 leaves undefined
        return ""
