"""Identifiers made from heading text, as pandoc makes them (a module of its own: every build needs
it, and the section reader's imports are only needed when a file is parsed)."""

from __future__ import annotations

import re


def slugify(text: str) -> str:
    """Pandoc's auto identifiers: letters of any script kept in lower case, punctuation but `_-.`
    dropped, spaces to hyphens, everything before the first letter dropped (`# Société` -> `société`)."""
    text = re.sub(r"[^\w\s.-]", "", text.lower()).strip()
    text = re.sub(r"\s+", "-", text)
    return re.sub(r"^[\W\d_]+", "", text) or "section"
