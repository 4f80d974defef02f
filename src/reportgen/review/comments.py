"""`reportgen comments`: a reviewed DOCX's comments and tracked changes, each traced to the section
file and line that text came from, as `path:line: author: ...` lines or CSV for the coordinator.

The anchor of a paragraph gives its first line; with the project at hand the line is made exact by
finding the marked text in the paragraph's source (only letters and digits are compared, so
Markdown syntax, typographic quotes and line breaks do not matter)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from ..renderers import anchors
from .marks import Mark, read_docx

_SEARCHED = 24  # letters and digits of the marked text looked for in the source
_PARAGRAPH_LINES = 80  # how far a paragraph's source may run


@dataclass(frozen=True)
class Remark:
    """One comment or tracked change, where it belongs."""

    path: str
    line: int
    kind: str  # "comment", "insertion" or "deletion"
    author: str
    date: str
    text: str
    quoted: str  # the text a comment is on
    reply_to: str


def trace(docx: Path, project_root: Path | None = None) -> list[Remark]:
    """The remarks of a reviewed DOCX, by file (in the order the report shows them) and line."""
    reviewed = read_docx(docx)
    files = dict(reviewed.files)
    sources = _Sources(project_root) if project_root else None
    if sources:  # a client that dropped the table: the project's own files give the keys
        for path in sources.paths():
            files.setdefault(anchors.file_key(path), path)
    order: dict[str, int] = {}
    for path in files.values():  # the table lists the files in the order the report shows them
        order.setdefault(path, len(order))
    remarks = []
    for index, mark in enumerate(reviewed.marks):
        if mark.anchor is None:
            path, line = docx.name, 0
        else:
            key, line = mark.anchor
            path = files.get(key, key)
            if sources:
                line = sources.locate(path, line, mark)
        order.setdefault(path, len(order))
        remarks.append((order[path], line, index, Remark(path, line, mark.kind, mark.author, mark.date, mark.text,
                                                         mark.quoted, mark.reply_to)))
    return [remark for *_, remark in sorted(remarks, key=lambda r: r[:3])]


class _Sources:
    """The project's text files, read once each."""

    def __init__(self, root: Path):
        self.root, self.lines = root.resolve(), {}

    def paths(self) -> list[str]:
        found = [p for p in self.root.glob("sections/**/*.md") if p.is_file()]
        return ["report/report.yaml"] + [p.relative_to(self.root).as_posix() for p in found]

    def _read(self, path: str) -> list[str] | None:
        if path not in self.lines:
            file = (self.root / path).resolve()
            try:
                ok = file.is_relative_to(self.root) and file.is_file()
                self.lines[path] = file.read_text(encoding="utf-8-sig").splitlines() if ok else None
            except (OSError, UnicodeDecodeError):
                self.lines[path] = None
        return self.lines[path]

    def locate(self, path: str, line: int, mark: Mark) -> int:
        """The line, at or after the paragraph's first `line`, where `mark` is."""
        lines = self._read(path)
        if not lines or not 1 <= line <= len(lines):
            return line
        text, owner = "", []  # the paragraph's letters and digits, and the line each comes from
        for number in range(line, min(len(lines), line + _PARAGRAPH_LINES) + 1):
            content = lines[number - 1]
            if number > line and not content.strip():
                break
            letters = _letters(content)
            text += letters
            owner += [number] * len(letters)
        if not text:
            return line
        before = _letters(mark.before)
        target = _letters(mark.quoted if mark.kind == "comment" else mark.text if mark.kind == "deletion" else "")
        if target:
            for length in (_SEARCHED, _SEARCHED // 2):
                found = _nearest(text, target[:length], len(before))
                if found is not None:
                    return owner[found]
        elif before:  # an insertion, or a comment on a point: where the text before it ends
            tail = before[-_SEARCHED // 2:]
            found = _nearest(text, tail, len(before) - len(tail))
            if found is not None:
                return owner[found + len(tail) - 1]
        return line  # not in the source as written (a note made from a citation): the paragraph's line


def _letters(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def _nearest(text: str, target: str, expected: int) -> int | None:
    """The occurrence of `target` in `text` nearest to position `expected`."""
    if len(target) < 4:
        return None
    found, start = [], text.find(target)
    while start >= 0:
        found.append(start)
        start = text.find(target, start + 1)
    return min(found, key=lambda position: abs(position - expected)) if found else None


def format_text(remarks: list[Remark]) -> str:
    """`path:line: author: text [details]`, one remark a line."""
    out = []
    for remark in remarks:
        where = f"{remark.path}:{remark.line}" if remark.line else remark.path
        when = remark.date[:16].replace("T", " ")
        if remark.kind == "comment":
            details = [f"reply to {remark.reply_to}"] if remark.reply_to else []
            details += [f'on "{_excerpt(remark.quoted)}"'] if remark.quoted else []
            body = " ".join(remark.text.split())
        else:
            details, body = [], f'{"inserted" if remark.kind == "insertion" else "deleted"} "{_excerpt(remark.text)}"'
        details += [when] if when else []
        suffix = f" [{'; '.join(details)}]" if details else ""
        out.append(f"{where}: {remark.author or 'unknown'}: {body}{suffix}\n")
    return "".join(out)


def format_csv(remarks: list[Remark]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["path", "line", "kind", "author", "date", "text", "on", "reply_to"])
    for r in remarks:
        writer.writerow([r.path, r.line, r.kind, r.author, r.date, r.text, r.quoted, r.reply_to])
    return buffer.getvalue()


def summary(remarks: list[Remark]) -> str:
    counts = {kind: sum(r.kind == kind for r in remarks) for kind in ("comment", "insertion", "deletion")}
    return ", ".join(f"{n} {kind}{'s' if n != 1 else ''}" for kind, n in counts.items())


def _excerpt(text: str, length: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[:length].rstrip() + "…"
