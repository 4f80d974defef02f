"""The bibliography: entries as written (BibTeX/BibLaTeX, CSL-JSON or CSL-YAML), and the decoded references a
note is made of.

Loading keeps each field as written (LaTeX for a .bib), after @string macros and crossref/xdata inheritance,
so that a bibliography of any size loads fast; `Bibliography.reference` decodes one entry when a report
cites it, and keeps the result.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass, field

from .. import model as m
from ..errors import Problems, Source


@dataclass(frozen=True, slots=True)
class Name:
    """A person (`first von last, jr`), a corporate author (written in braces), or "and others"."""

    first: str = ""
    von: str = ""
    last: str = ""
    jr: str = ""
    corporate: bool = False
    others: bool = False

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
    """One entry as written: its BibLaTeX type and fields, LaTeX source for a .bib (`latex`) or plain text,
    after @string macros, crossref and xdata; `lines` says on which line each field is written."""

    key: str
    type: str
    fields: dict = field(hash=False)
    source: Source = Source("references.bib")
    lines: dict = field(default_factory=dict, hash=False, compare=False)
    latex: bool = True
    names: dict = field(default_factory=dict, hash=False)  # name lists given structured (CSL-JSON)

    def get(self, name: str, default: str = "") -> str:
        return self.fields.get(name, default)

    def where(self, name: str) -> Source:
        """The line of field `name`, or of the entry."""
        line = self.lines.get(name)
        return Source(self.source.path, line) if line else self.source


@dataclass(frozen=True, slots=True)
class Reference:
    """A cited entry decoded: plain text for every field, inlines where the text has emphasis or links,
    name lists split into names."""

    key: str
    type: str
    fields: dict = field(hash=False)
    rich: dict = field(default_factory=dict, hash=False)
    names: dict = field(default_factory=dict, hash=False)
    source: Source = Source("references.bib")
    lists: dict = field(default_factory=dict, hash=False)  # literal lists (`location = {A and B}`), by item

    def get(self, name: str, default: str = "") -> str:
        return self.fields.get(name, default)

    def items(self, name: str) -> tuple[str, ...]:
        """A literal list field's items; a field that is no list is one item."""
        return self.lists.get(name) or ((self.fields[name],) if self.fields.get(name) else ())

    def inlines(self, name: str) -> tuple[m.Node, ...]:
        if name in self.rich:
            return self.rich[name]
        text = self.fields.get(name, "")
        return (m.Text(text),) if text else ()

    def people(self, role: str) -> tuple[Name, ...]:
        return self.names.get(role, ())


@dataclass(frozen=True, slots=True)
class Bibliography:
    path: str
    entries: dict = field(hash=False)
    _decoded: dict = field(default_factory=dict, hash=False, compare=False, repr=False)

    def __contains__(self, key: str) -> bool:
        return key in self.entries

    def __getitem__(self, key: str) -> Entry:
        return self.entries[key]

    def reference(self, key: str, problems: Problems) -> Reference:
        """Entry `key` decoded, with what decoding found (decoded once, reported at every call)."""
        entry, found = self.entries[key], self._decoded.get(key)
        # The same entry, where each field is written included (a copy of the bibliography holding a
        # section's own entries shares the dict, and a section's entries change with it).
        if found is None or (found[0], found[0].lines) != (entry, entry.lines):
            from .reference import decode

            met = Problems()
            found = self._decoded[key] = (entry, decode(entry, met), met.items)
        problems.extend(found[2])
        return found[1]

    @property
    def decoded(self) -> int:
        """How many entries were decoded (the parse cache keeps them, with what decoding found)."""
        return len(self._decoded)

    def __getstate__(self):
        return (self.path, self.entries, self._decoded)

    def __setstate__(self, state) -> None:
        object.__setattr__(self, "path", state[0])
        object.__setattr__(self, "entries", state[1])
        object.__setattr__(self, "_decoded", dict(state[2]) if len(state) > 2 else {})


def read_bibliography(text: str, path: str, problems: Problems) -> Bibliography:
    """A .bib, .json (CSL-JSON) or .yaml/.yml (CSL-YAML) file's text; mistakes go to `problems` with their line."""
    suffix = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    with _collector_paused():
        if suffix in ("json", "yaml", "yml"):
            from .csl_json import read_csl

            entries = read_csl(text, path, problems, yaml=suffix != "json")
        else:
            from .bibtex import read_bibtex

            entries = read_bibtex(text, path, problems)
    return Bibliography(path, entries)


@contextmanager
def _collector_paused():
    """Python's cycle collector off while a bibliography is read: reading makes millions of objects
    that are all kept, and the collector's passes over them grew faster than the file (a third of
    the time of 30,000 entries). Nothing read here makes cycles."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
