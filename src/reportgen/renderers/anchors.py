"""Paragraph anchors: the hidden bookmark every DOCX paragraph carries, named from the file and line
it came from (`_rg_02_normative_framework_L14`), and the table from file keys to file paths, so that
what a reviewer marks in Word or LibreOffice can be traced back to the line an author must edit.

Word keeps bookmark names of at most 40 letters, digits and underscores; a leading underscore
hides them from Word's bookmark list. Long paths are shortened with a hash; the table, kept in the
DOCX's custom document properties (which Word and LibreOffice both preserve), gives the full path."""

from __future__ import annotations

import hashlib
import re

from ..errors import Source

PREFIX = "_rg_"
MARKER = "reportgen anchors"  # custom property present in every DOCX reportgen builds; value: VERSION
VERSION = "1"
FILE_PROPERTY = "reportgen file "  # + key: the custom property holding that key's path
COMMIT_PROPERTY = "reportgen commit"  # a draft's commit, "" when none
MODIFIED_PROPERTY = "reportgen modified"  # "yes" when the draft was built from files changed since
# LibreOffice (7.4) saves the bookmarks of all notes but the first with a suffix `_Copy_1` (in an
# ODT, and those of deleted paragraphs, ` Copy 1`).
_NAME = re.compile(r"_rg_(?P<key>[A-Za-z0-9_]+?)_L(?P<line>\d+)(?:_\d+)?(?:[_ ]Copy[_ ]\d+)*")
_KEY_LENGTH = 22  # leaves room for `_rg_`, `_L`, a five-digit line and a `_9` in 40 characters


def file_key(path: str) -> str:
    """`sections/02-normative-framework.md` -> `02_normative_framework`; long names get a hash."""
    stem = path.removeprefix("sections/").removesuffix(".md")
    key = re.sub(r"[^A-Za-z0-9]+", "_", stem).strip("_") or "file"
    if len(key) > _KEY_LENGTH:
        key = f"{key[:_KEY_LENGTH - 7].rstrip('_')}_{hashlib.sha1(path.encode()).hexdigest()[:6]}"
    return key


def parse(name: str) -> tuple[str, int] | None:
    """(file key, line) of an anchor's bookmark name; None for any other bookmark."""
    match = _NAME.fullmatch(name)
    return (match["key"], int(match["line"])) if match else None


class AnchorNames:
    """Hands out unique anchor names while a DOCX is written; `files` is the key -> path table."""

    def __init__(self):
        self.files: dict[str, str] = {}
        self._keys: dict[str, str] = {}  # path -> key
        self._used: set[str] = set()

    def name(self, source: Source) -> str:
        key = self._keys.get(source.path)
        if key is None:
            key = file_key(source.path)
            if key in self.files:  # two paths, one key: tell them apart by a hash of the path
                key = f"{key[:_KEY_LENGTH - 7]}_{hashlib.sha1(source.path.encode()).hexdigest()[:6]}"
            self._keys[source.path], self.files[key] = key, source.path
        base = name = f"{PREFIX}{key}_L{source.line}"
        count = 1
        while name in self._used:  # a second paragraph from the same line (a note written on it)
            count += 1
            name = f"{base}_{count}"
        self._used.add(name)
        return name
