"""The exact line of a reviewer's mark: a mark is known by the paragraph it is in (the paragraph's
first line) and its text; the text is found in the paragraph's lines of the source file. Only
letters and digits are compared, so Markdown syntax, typographic quotes, hyphenation and line
breaks do not matter."""

from __future__ import annotations

from pathlib import Path

from .marks import Mark

_SEARCHED = 24  # letters and digits of the marked text looked for in the source
_PARAGRAPH_LINES = 80  # how far a paragraph's source may run


class Sources:
    """A project's text files (today's, or those of a revision exported), read once each."""

    def __init__(self, root: Path):
        self.root, self.lines = root.resolve(), {}

    def paths(self) -> list[str]:
        found = sorted(p for p in self.root.glob("sections/**/*.md") if p.is_file())
        return ["report/report.yaml"] + [p.relative_to(self.root).as_posix() for p in found]

    def read(self, path: str) -> list[str] | None:
        """The lines of a project file; None for a file that is not there (or not the project's)."""
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
        lines = self.read(path)
        if not lines or not 1 <= line <= len(lines):
            return line
        text, owner = "", []  # the paragraph's letters and digits, and the line each comes from
        for number in range(line, min(len(lines), line + _PARAGRAPH_LINES) + 1):
            content = lines[number - 1]
            if number > line and not content.strip():
                break
            found = letters(content)
            text += found
            owner += [number] * len(found)
        if not text:
            return line
        before = letters(mark.before)
        target = letters(mark.text if mark.kind == "deletion" else mark.quoted)
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


def letters(text: str) -> str:
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
