"""references.bib: BibTeX/BibLaTeX entries read with bibtexparser v2, LaTeX decoded, names split.

Every block bibtexparser could not read (it only logs them) becomes a located error.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from ..errors import Problems, Source


@dataclass(frozen=True, slots=True)
class Name:
    """A person (`first von last, jr`) or, when written in braces, a corporate author."""

    first: str = ""
    von: str = ""
    last: str = ""
    jr: str = ""
    corporate: bool = False

    @property
    def full(self) -> str:
        if self.corporate:
            return self.last
        main = " ".join(p for p in (self.first, self.von, self.last) if p)
        return f"{main}, {self.jr}" if self.jr else main

    @property
    def short(self) -> str:
        return self.last if self.corporate else " ".join(p for p in (self.von, self.last) if p)


@dataclass(frozen=True, slots=True)
class Entry:
    """One bibliography entry with decoded, brace-free field values."""

    key: str
    type: str
    fields: dict = field(hash=False)
    authors: tuple[Name, ...] = ()
    editors: tuple[Name, ...] = ()
    source: Source = Source("references.bib")

    def get(self, name: str, default: str = "") -> str:
        return self.fields.get(name, default)


@dataclass(frozen=True, slots=True)
class Bibliography:
    path: str
    entries: dict = field(hash=False)

    def __contains__(self, key: str) -> bool:
        return key in self.entries

    def __getitem__(self, key: str) -> Entry:
        return self.entries[key]


_BRACES = re.compile(r"(?<!\\)[{}]")


def strip_braces(text: str) -> str:
    """Remove case-protecting braces: `{UPR} report` -> `UPR report`; `\\{` stays a brace."""
    return _BRACES.sub("", text).replace("\\{", "{").replace("\\}", "}")


def _name(parts) -> Name:
    joined = {k: " ".join(getattr(parts, k)) for k in ("first", "von", "last", "jr")}
    last = joined["last"]
    corporate = (not joined["first"] and not joined["von"] and last.startswith("{") and last.endswith("}"))
    return Name(**{k: strip_braces(v) for k, v in joined.items()}, corporate=corporate)


# What LaTeX decoding may change besides dashes: commands, groups, math, comments, `~`, `&`, and the
# ligatures `` '' !` ?` (pylatexenc's specials). Text without any of these decodes to itself, its
# -- and --- made en and em dashes.
LATEX_MARKUP = re.compile(r"[\\{}$%&~#^_`]|''|[!?]`")

# Fields BibLaTeX treats as verbatim: `%` in a URL is not a LaTeX comment.
VERBATIM_FIELDS = {"url", "doi", "eprint", "file", "urldate"}


def _parse_stack():
    # The full stack is spelled out: bibtexparser's default stacks may change in minor releases.
    from bibtexparser import middlewares as m

    class DecodeLatexExceptVerbatim(m.LatexDecodingMiddleware):
        def _transform_python_value_string(self, python_string):
            # pylatexenc costs ~0.1 ms a value, and most values hold no LaTeX.
            if not LATEX_MARKUP.search(python_string):
                return python_string.replace("---", "\u2014").replace("--", "\u2013"), ""
            return super()._transform_python_value_string(python_string)

        def transform_entry(self, entry, library):
            verbatim = {f.key: f.value for f in entry.fields if f.key in VERBATIM_FIELDS}
            for f in entry.fields:
                if f.key in verbatim:
                    f.value = None  # not text: the decoder leaves it alone, and it is put back below
            entry = super().transform_entry(entry, library)
            for f in entry.fields:
                if f.key in verbatim:
                    f.value = verbatim[f.key]
            return entry

    return [m.ResolveStringReferencesMiddleware(allow_inplace_modification=True),
            m.RemoveEnclosingMiddleware(allow_inplace_modification=True),
            m.NormalizeFieldKeys(allow_inplace_modification=True),
            DecodeLatexExceptVerbatim(allow_inplace_modification=True, keep_braced_groups=True),
            m.SeparateCoAuthors(allow_inplace_modification=True),
            m.SplitNameParts(allow_inplace_modification=True)]


def parse_bibliography(text: str, path: str, problems: Problems) -> Bibliography:
    """Parse BibTeX text; blocks that fail to parse and duplicate keys are reported with their line."""
    import bibtexparser
    from bibtexparser.model import DuplicateBlockKeyBlock, DuplicateFieldKeyBlock

    logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)  # failures are reported below
    library = bibtexparser.parse_string(text, parse_stack=_parse_stack())

    entries: dict[str, Entry] = {}
    for raw in library.entries:
        values, persons = {}, {}
        for f in raw.fields:
            if f.key in ("author", "editor") and isinstance(f.value, list):
                persons[f.key] = tuple(_name(p) for p in f.value)
            else:
                value = str(f.value) if f.key in VERBATIM_FIELDS else strip_braces(str(f.value))
                values[f.key] = " ".join(value.split())
        entries[raw.key] = Entry(raw.key, raw.entry_type.lower(), values, persons.get("author", ()),
                                 persons.get("editor", ()), Source(path, raw.start_line + 1))

    for block in library.failed_blocks:
        where = Source(path, block.start_line + 1)
        if isinstance(block, DuplicateBlockKeyBlock):
            first = entries.get(block.key)
            on = f" (first defined on line {first.source.line})" if first else ""
            problems.error(where, f"duplicate entry key '{block.key}'{on}", rule="BIB-3")
        elif isinstance(block, DuplicateFieldKeyBlock):
            names = ", ".join(sorted(block.duplicate_keys))
            problems.error(where, f"entry has the field '{names}' twice")
        else:
            problems.error(where, f"cannot parse this BibTeX entry: {_reason(block)}")
    return Bibliography(path, entries)


def _reason(block) -> str:
    error = getattr(block, "error", None)
    reason = getattr(error, "abort_reason", None) or getattr(error, "message", None) or ""
    reason = " ".join(str(reason).split()).replace("`", "'")
    if reason:
        return reason[0].lower() + reason[1:]
    first_line = block.raw.strip().splitlines()[0] if block.raw and block.raw.strip() else ""
    return f"'{first_line[:60]}'"
