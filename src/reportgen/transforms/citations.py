"""Citations become notes: each body citation cluster turns into a numbered note; citations inside
notes become text. Notes are numbered 1, 2, ... in document order and formatted by `notestyle`:
full the first time a work is cited, short afterwards, Ibid. right after a note citing that work alone.
"""

from __future__ import annotations

import difflib
from dataclasses import replace

from .. import model as m
from ..errors import Problems
from ..i18n import punctuation
from . import locators, notestyle
from .shortforms import short_forms


class _Resolver(m.Transformer):
    def __init__(self, bibliography, language: str, problems: Problems, keys: list[str]):
        self.bibliography, self.language, self.problems = bibliography, language, problems
        # Only the cited entries are decoded, each once.
        keys = [k for key in keys for k in (key, *_members(bibliography, key))]
        self.references = {key: bibliography.reference(key, problems) for key in dict.fromkeys(keys)
                           if bibliography and key in bibliography}
        self.short_forms = short_forms(self.references, language)
        self.styled: list[tuple] = []  # with a CSL style: each cluster's text, in document order
        self.notes: list[m.Note] = []
        self.cited: set[str] = set()
        self.previous_note: list[tuple[str, str]] = []  # (key, locator) cited in the previous note
        self.current_note: list[tuple[str, str]] = []
        self.in_note = False

    def use_style(self, document: m.Document) -> None:
        """Format every cluster with the document's CSL style (errors are reported at the `csl:` line)."""
        from . import csl

        try:
            sets = {key: _members(self.bibliography, key) for key, ref in self.references.items() if ref.type == "set"}
            self.styled = csl.format_clusters(csl.note_events(document), self.references,
                                              document.citation_style, self.language, sets)
        except csl.CslError as exc:
            self.problems.error(document.config.source("csl"), f"CSL style '{document.citation_style.path}': "
                                                               f"{exc}")
        self.styled.reverse()  # popped from the end

    # A citation cluster in the body is a note of its own; `@key` in the text also prints the author there.
    def visit_Cite(self, cite: m.Cite):
        if self.in_note:
            return self.format_cluster(cite)
        self.begin_note()
        inlines = _finish_sentence(_capitalise(self.format_cluster(cite)), self.language)
        note = m.Note((m.Paragraph(inlines, cite.source),), cite.source, len(self.notes) + 1, from_citation=True)
        note = self.end_note(note)
        first = cite.citations[0]
        if first.mode == "author-in-text" and first.key in self.short_forms:
            return (m.Text(in_text_author(self.short_forms[first.key])), note)
        return note

    def visit_Note(self, note: m.Note):
        self.begin_note()
        blocks = self.visit_all(note.blocks)
        first = note.blocks[0] if note.blocks else None
        if isinstance(first, m.Paragraph) and first.inlines and isinstance(first.inlines[0], m.Cite):
            blocks = (replace(blocks[0], inlines=_capitalise(blocks[0].inlines)),) + blocks[1:]
        return self.end_note(replace(note, blocks=blocks, number=len(self.notes) + 1))

    def begin_note(self) -> None:
        self.in_note, self.current_note = True, []

    def end_note(self, note: m.Note) -> m.Note:
        self.in_note = False
        self.previous_note = self.current_note
        self.notes.append(note)
        return note

    def format_cluster(self, cite: m.Cite) -> tuple[m.Node, ...]:
        if self.styled:
            for citation in cite.citations:
                if citation.key not in self.references:
                    self.format_citation(citation)  # reports the unknown key
            return self.styled.pop()
        parts: list[m.Node] = []
        mark = punctuation(self.language)
        for i, citation in enumerate(cite.citations):
            if i:
                parts.append(m.Text(mark.semicolon))
            if citation.prefix:
                parts.extend(citation.prefix)
                parts.append(m.Text(mark.space))
            parts.extend(self.format_citation(citation))
            if citation.suffix:
                parts.append(m.Text(mark.space))
                parts.extend(citation.suffix)
        return m.merge_text(parts)

    def format_citation(self, citation: m.Citation) -> tuple[m.Node, ...]:
        key, locator = citation.key, citation.locator
        entry = self.references.get(key)
        if entry is None:
            keys = list(self.bibliography.entries) if self.bibliography else []
            close = difflib.get_close_matches(key, keys, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            self.problems.error(citation.source, f"unknown citation key '{key}'{hint}", rule="BIB-1")
            return (m.Text(f"[{key}]"),)
        before = self.current_note[-1] if self.current_note else (
            self.previous_note[0] if len(self.previous_note) == 1 else None)
        self.current_note.append((key, locator))
        author = not citation.mode  # `[-@key]`, and `@key` whose author the text names
        if key not in self.cited:
            self.cited.add(key)
            if entry.type == "set":
                return self.format_set(entry, citation, author)
            return notestyle.full(entry, locator, self.language, citation.source, author)
        # "Ibid." follows only a short signal ("see", "cf."): after a phrase it reads badly.
        signal = len(m.plain_text(citation.prefix).split()) <= 2
        if before and before[0] == key and (locator or not before[1]) and signal:
            same = locator == before[1] and locators.is_locator(locator)
            return notestyle.ibid("" if same else locator, self.language)
        if entry.type == "set":
            return self.format_set(entry, citation, author)
        return notestyle.short(entry, self.short_forms[key], locator, self.language, author)

    def format_set(self, entry, citation: m.Citation, author: bool) -> tuple[m.Node, ...]:
        """A @set: its members, each in full the first time it is cited, then short, the locator last."""
        parts: list[m.Node] = []
        for key in _members(self.bibliography, entry.key):
            member = self.references.get(key)
            if member is None:
                continue
            parts.append(m.Text(punctuation(self.language).semicolon if parts else ""))
            if key in self.cited:
                parts.extend(notestyle.short(member, self.short_forms[key], "", self.language, author))
            else:
                self.cited.add(key)
                parts.extend(notestyle.full(member, "", self.language, citation.source, author))
        if citation.locator:
            parts.append(m.Text(punctuation(self.language).comma + locators.localise(citation.locator,
                                                                                                self.language)))
        return m.merge_text(parts)


def _members(bibliography, key: str) -> list[str]:
    """The keys of a @set's `entryset`."""
    entry = bibliography.entries.get(key) if bibliography else None
    if entry is None or entry.type != "set":
        return []
    return [k.strip() for k in entry.get("entryset").split(",") if k.strip()]


def in_text_author(form) -> str:
    """Who an in-text citation `@key` names in the text: the author as the note style's short form
    names it (or the corporate author, or the editors), else the document symbol or short title."""
    return form.creator or form.symbol or m.plain_text(form.title)



def _capitalise(inlines: tuple[m.Node, ...]) -> tuple[m.Node, ...]:
    """Upper-case the first letter of a note (`see ibid.` -> `See ibid.`)."""
    if inlines and isinstance(inlines[0], m.Text) and inlines[0].text:
        text = inlines[0].text
        return (m.Text(text[0].upper() + text[1:]),) + inlines[1:]
    if inlines and isinstance(inlines[0], m.Emph | m.Strong):
        return (replace(inlines[0], children=_capitalise(inlines[0].children)),) + inlines[1:]
    return inlines


def _finish_sentence(inlines: tuple[m.Node, ...], language: str = "en") -> tuple[m.Node, ...]:
    """End a note with a full stop (`。` in Chinese) unless it already ends a sentence."""
    text = m.plain_text(inlines).rstrip()
    if text.endswith((".", "!", "?", "。", "！", "？", "؟")):
        return inlines
    return m.merge_text(list(inlines) + [m.Text(punctuation(language).stop)])


def resolve_citations(document: m.Document, problems: Problems) -> m.Document:
    """Turn every citation into a note or note text and number all notes."""
    keys = [n.key for part in (document.cover, *document.sections) for n in m.walk(part) if isinstance(n, m.Citation)]
    resolver = _Resolver(document.bibliography, document.config.language, problems, keys)
    if document.citation_style is not None and keys:
        resolver.use_style(document)
    cover = resolver.visit(document.cover)  # the coalition's description may cite too
    sections = resolver.visit_all(document.sections)
    return replace(document, cover=cover, sections=sections, notes=tuple(resolver.notes))
