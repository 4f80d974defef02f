"""`reportgen apply reviewed.docx`: a reviewer's tracked insertions and deletions (and paragraphs
deleted, retyped or added whole) written back into the section files as the smallest edits of
their Markdown (`markdown_edit`). The DOCX says which commit its draft was built from: paragraphs
are found today through the diff's alignment, and in one changed since, an edit is made in the
draft's source and merged where the words around it are unchanged; what cannot be placed exactly
is listed with its location and left alone."""

from __future__ import annotations

import difflib
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from ..load.project import Project
from ..outputs import write_outputs
from .carry import CHANGED_SINCE, MOVED_CHANGED_SINCE, Carried, Place, drafts
from .comments_output import excerpt
from .markdown_edit import NotPlaced, apply_edits
from .marks import Reviewed
from .revisions import Paragraph, read_revisions

_BLOCK_START = re.compile(r"\s*(?:[-*+]\s|\d+[.)]\s|[a-zA-Z][.)]\s|\([a-zA-Z0-9]+\)\s|#|\||:::|\[\^[^\]]+\]:|>)")


@dataclass
class Outcome:
    path: str
    line: int
    what: str  # 'deleted "…"', 'inserted "…"', "paragraph deleted" …
    reason: str = ""  # why it was not applied; "" when it was

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {'not applied: ' + self.reason + ': ' if self.reason else ''}{self.what}"


@dataclass
class Applied:
    outcomes: list[Outcome] = field(default_factory=list)
    diff: str = ""
    written: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class _Files:
    """Today's text of the files edited, and the edits to make in each (character spans)."""

    def __init__(self, root: Path):
        self.root, self.texts, self.edits = root, {}, {}

    def text(self, path: str) -> str | None:
        if path not in self.texts:
            file = (self.root / path).resolve()
            ok = file.is_relative_to(self.root) and file.is_file()
            self.texts[path] = file.read_text(encoding="utf-8") if ok else None
        return self.texts[path]

    def offset(self, path: str, line: int) -> int:
        lines = self.text(path).split("\n")
        return sum(len(text) + 1 for text in lines[:line - 1])

    def add(self, path: str, start: int, end: int, replacement: str) -> None:
        taken = self.edits.setdefault(path, [])
        if any(start < b and a < end or a == b == start for a, b, _ in taken):
            raise NotPlaced("another change was already made there")
        taken.append((start, end, replacement))

    def results(self) -> dict[str, tuple[str, str]]:
        out = {}
        for path, edits in self.edits.items():
            text = old = self.texts[path]
            for start, end, replacement in sorted(edits, reverse=True):
                text = text[:start] + replacement + text[end:]
            out[path] = (old, text)
        return out


def apply_review(reviewed: Path, project_root: Path, dry_run: bool = False) -> Applied:
    document = read_revisions(reviewed)
    project = Project.at(project_root)
    applied, files = Applied(), _Files(project.root)
    with drafts(project) as placing:
        resolver = placing.resolver(Reviewed([], document.files, document.commit, document.modified), reviewed.name)
        old = _Files(resolver.old.root) if isinstance(resolver, Carried) else None  # the draft's sources
        previous: tuple[str, int, int] | None = None  # the last paragraph placed: path, start, end
        for paragraph in document.paragraphs:
            path = document.files.get(paragraph.anchor[0], paragraph.anchor[0]) if paragraph.anchor else ""
            where = resolver.current(path, paragraph.anchor[1]) if paragraph.anchor else None
            region = _region(files, where, paragraph) if where else None
            if paragraph.changed:
                if where is None and paragraph.anchor:  # changed or deleted since: say where it is now
                    where = resolver.fate(path, paragraph.anchor[1])
                if isinstance(where, Place) and old is not None and where.note in (CHANGED_SINCE, MOVED_CHANGED_SINCE):
                    applied.outcomes.append(_carry(paragraph, path, where, old, files, _describe(paragraph)))
                else:
                    applied.outcomes += _apply(paragraph, path, where, region, previous, files)
            if region is not None:
                previous = (where[0], *region)
        applied.warnings = placing.warnings
    results = files.results()
    applied.diff = "".join("".join(difflib.unified_diff(old.splitlines(True), new.splitlines(True), f"a/{path}",
                                                        f"b/{path}")) for path, (old, new) in results.items())
    if not dry_run and results:
        write_outputs({project.root / path: new.encode("utf-8") for path, (_, new) in results.items()})
        applied.written = [project.root / path for path in results]
    return applied


def _apply(paragraph: Paragraph, path: str, where, region, previous, files: _Files) -> list[Outcome]:
    """The outcomes of one changed paragraph's edits, made in `files`."""
    what = _describe(paragraph)
    if isinstance(where, Place):  # changed or deleted since the draft
        place, line = where.path, where.line
    else:
        line = where[1] if where else (paragraph.anchor[1] if paragraph.anchor else 0)
        place = where[0] if where else path
    try:
        if paragraph.anchor is None:
            if paragraph.mark != "ins" or previous is None:
                raise NotPlaced("in a paragraph reportgen did not write")
            place, start, end = previous
            line = files.text(place)[:end].count("\n") + 2
            files.add(place, end, end, "\n\n" + textwrap.fill(paragraph.revised(), 100))
            return [Outcome(place, line + 1, what)]
        _check(paragraph, path, where, region, files)
        start, end = region
        source = files.text(place)[start:end]
        if paragraph.mark == "del" and not paragraph.revised().strip():
            start, end = _whole_block(files.text(place), start, end)
            files.add(place, start, end, "")
        else:
            table_row = source.lstrip().startswith("|")
            edited = apply_edits(source, paragraph.original, paragraph.edits, table_row)
            files.add(place, start, end, edited)
            first = next((i for i, (a, b) in enumerate(zip(source, edited, strict=False)) if a != b),
                         min(len(source), len(edited)))
            line = files.text(place)[:start + first].count("\n") + 1  # the line of the first change
        return [Outcome(place, line, what)]
    except NotPlaced as exc:
        return [Outcome(place, line, what, str(exc))]


def _check(paragraph: Paragraph, path: str, where, region, files: _Files) -> None:
    if paragraph.formatting and not paragraph.edits and not paragraph.mark:
        raise NotPlaced("a formatting change, which the Markdown does not hold")
    if isinstance(where, Place):
        raise NotPlaced("the paragraph was deleted since the draft" if where.note == "deleted since"
                        else "the paragraph has changed since the draft")
    if region is None:
        raise NotPlaced("in a note made from a citation, or text reportgen generates")
    if paragraph.in_table and not files.text(where[0]).split("\n")[where[1] - 1].lstrip().startswith("|"):
        raise NotPlaced("in a table reportgen generates (an annex): change the recommendation itself")
    if paragraph.mark == "del" and paragraph.revised().strip():
        raise NotPlaced("two paragraphs joined into one: join them by hand")


def _describe(paragraph: Paragraph) -> str:
    if paragraph.mark == "del" and not paragraph.revised().strip():
        return f'paragraph deleted "{excerpt(paragraph.original)}"'
    if paragraph.anchor is None and paragraph.mark == "ins":
        return f'paragraph added "{excerpt(paragraph.revised())}"'
    if not paragraph.edits:
        return "formatting changed"
    parts = []
    for edit in paragraph.edits:
        if edit.text and edit.end > edit.start:
            parts.append(f'replaced "{excerpt(paragraph.original[edit.start:edit.end], 40)}" by '
                         f'"{excerpt(edit.text, 40)}"')
        elif edit.text:
            parts.append(f'inserted "{excerpt(edit.text, 40)}"')
        else:
            parts.append(f'deleted "{excerpt(paragraph.original[edit.start:edit.end], 40)}"')
    return "; ".join(parts)


def _region(files: _Files, where: tuple[str, int], paragraph: Paragraph) -> tuple[int, int] | None:
    """The character span of the paragraph's source text in today's file (for a note, of the note's
    text); None when there is none (a note made from a citation)."""
    path, line = where
    text = files.text(path)
    if text is None:
        return None
    lines = text.split("\n")
    if not 1 <= line <= len(lines):
        return None
    last = line
    single = re.match(r"\s*(#|\|)", lines[line - 1])
    while not single and last < len(lines) and lines[last].strip() and not _BLOCK_START.match(lines[last]):
        last += 1
    start, end = files.offset(path, line), files.offset(path, last) + len(lines[last - 1])
    if paragraph.story == "body":
        return start, end
    return _note_region(text, start, end, paragraph.original)


def _note_region(text: str, start: int, end: int, original: str) -> tuple[int, int] | None:
    """A note's text among the lines it is written on: an inline note `^[…]` or a definition."""
    definition = re.match(r"\s*\[\^[^\]]+\]:[ \t]*", text[start:end])
    if definition:
        return start + definition.end(), end
    from .markdown_edit import _NOTES

    spans = [(m.start() + 2, m.end() - 1) for m in _NOTES.finditer(text, start, end) if m.group(0).startswith("^[")]
    if not spans:
        return None

    def likeness(span: tuple[int, int]) -> float:
        return difflib.SequenceMatcher(None, text[span[0]:span[1]], original, autojunk=False).ratio()

    best = max(spans, key=likeness)
    return best if likeness(best) > 0.5 else None


def _whole_block(text: str, start: int, end: int) -> tuple[int, int]:
    """A paragraph's lines and one blank line around them."""
    start = text.rfind("\n", 0, start) + 1
    end = text.find("\n", end)
    end = len(text) if end < 0 else end + 1
    if text[end:end + 1] == "\n":
        end += 1
    elif start >= 2 and text[start - 2:start] == "\n\n":
        start -= 1
    return start, end



_CONTEXT = 8  # characters on each side of a reviewer's edit that must be as they were in the draft


def _carry(paragraph: Paragraph, path: str, where: Place, old: _Files, files: _Files, what: str) -> Outcome:
    """A change in a paragraph changed since the draft: made in the draft's source of the paragraph,
    then merged into today's where the words around it are still as they were."""
    try:
        if paragraph.mark or not paragraph.edits or paragraph.in_table:
            raise NotPlaced("the paragraph has changed since the draft")
        before = _region(old, (path, paragraph.anchor[1]), paragraph)
        now = _region(files, (where.path, where.line), paragraph)
        if before is None or now is None:
            raise NotPlaced("the paragraph has changed since the draft")
        base, today = old.text(path)[slice(*before)], files.text(where.path)[slice(*now)]
        edited = apply_edits(base, paragraph.original, paragraph.edits, base.lstrip().startswith("|"))
        merged = _merge(base, edited, today)
        files.add(where.path, *now, merged)
    except NotPlaced as exc:
        return Outcome(where.path, where.line, what, str(exc))
    first = next((i for i, (a, b) in enumerate(zip(today, merged, strict=False)) if a != b), len(today))
    line = files.text(where.path)[:now[0] + first].count("\n") + 1
    return Outcome(where.path, line, f"{what} (the paragraph has changed since the draft, elsewhere)")


def _merge(base: str, edited: str, today: str) -> str:
    """`today` with the edits that turned `base` into `edited`, each where the text around it is
    unchanged since `base`; NotPlaced when the words it touches or stands between have changed."""
    blocks = difflib.SequenceMatcher(None, base, today, autojunk=False).get_matching_blocks()
    out, done = [], 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, base, edited, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        low, high = max(i1 - _CONTEXT, 0), min(i2 + _CONTEXT, len(base))
        block = next((b for b in blocks if b.a <= low and high <= b.a + b.size and b.size), None)
        if block is None or i1 - block.a + block.b < done:
            raise NotPlaced("the paragraph has changed since the draft, there too")
        start = i1 - block.a + block.b
        out += [today[done:start], edited[j1:j2]]
        done = start + i2 - i1
    return "".join(out) + today[done:]
