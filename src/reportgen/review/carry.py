"""Marks made on an older draft, brought to today's files. A draft records the commit it was built
from; its marks are placed in that commit's files (read from git), then carried forward through
the same paragraph alignment as `reportgen diff`: a paragraph unchanged since gives today's line,
a changed one today's line with a note that it changed, a moved one its new place, and a deleted
one its old location. Without git, or with a commit git does not know, the marks are placed in
today's files with a warning that the lines may be stale."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .. import model as m
from ..errors import ReportError
from ..load import git
from ..load.project import Project
from .diff import REMOVED, SAME, Pair, align_documents, moved_blocks
from .inline_diff import content_key
from .marks import Mark, Reviewed
from .sources import Sources
from .versions import load, open_versions

CHANGED_SINCE = "the paragraph has changed since"
MOVED_SINCE = "the paragraph has moved since"
MOVED_CHANGED_SINCE = "the paragraph has moved and changed since"


@dataclass(frozen=True)
class Place:
    path: str
    line: int
    note: str = ""  # CHANGED_SINCE, MOVED_SINCE, "deleted since" ...


class Today:
    """Marks placed in today's files, as they are."""

    def __init__(self, root: Path):
        self.sources = Sources(root)

    def place(self, path: str, line: int, mark: Mark) -> Place:
        return Place(path, self.sources.locate(path, line, mark))


    def current(self, path: str, line: int) -> tuple[str, int] | None:
        """Where the block at `path:line` of the draft is today, when it has not changed since."""
        return path, line

    def fate(self, path: str, line: int) -> Place:
        """Where the block at `path:line` of the draft is today, and what became of it."""
        return Place(path, line)


class Carried:
    """Marks placed in the files of the draft's commit, then carried to today's."""

    def __init__(self, old_root: Path, today: Today, pairs: tuple[Pair, ...], label: str):
        self.old, self.today, self.label = Sources(old_root), today, label
        self.index: dict[tuple[str, int], tuple[m.Node | None, str]] = {}
        moves = moved_blocks(pairs)
        _index(pairs, moves, self.index)

    def place(self, path: str, line: int, mark: Mark) -> Place:
        old_line = self.old.locate(path, line, mark)
        found = self.index.get((path, line))
        if found is None:  # not a block of the model (a line of report.yaml, a table row): by lines
            return self._by_lines(path, line, old_line, mark)
        new, note = found
        if new is None:
            return Place(f"{self.label}:{path}", old_line, note)
        return Place(new.source.path, self.today.sources.locate(new.source.path, new.source.line, mark), note)

    def current(self, path: str, line: int) -> tuple[str, int] | None:
        """Where the block at `path:line` of the draft is today, when it has not changed since
        (moved or not); None when it has changed or gone."""
        found = self.index.get((path, line))
        if found is not None:
            new, note = found
            return (new.source.path, new.source.line) if new is not None and note in ("", MOVED_SINCE) else None
        old, new_lines = self.old.read(path), self.today.sources.read(path)
        if old is None or new_lines is None:
            return None
        for tag, i1, i2, j1, _ in difflib.SequenceMatcher(None, old, new_lines, autojunk=False).get_opcodes():
            if tag == "equal" and i1 < line <= i2:
                return path, line - i1 + j1
        return None

    def fate(self, path: str, line: int) -> Place:
        """Where the block at `path:line` of the draft is today, and what became of it: its old
        place (`commit:path`) when it was deleted since."""
        new, note = self.index.get((path, line), (False, ""))
        if new is None:
            return Place(f"{self.label}:{path}", line, note)
        if new is not False:
            return Place(new.source.path, new.source.line, note)
        now = self.current(path, line)
        return Place(*now) if now else self._by_lines(path, line, line, None)

    def _by_lines(self, path: str, line: int, old_line: int, mark: Mark | None) -> Place:
        old, new = self.old.read(path), self.today.sources.read(path)
        if old is None or new is None:
            return Place(f"{self.label}:{path}", old_line, "deleted since")
        matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
        for tag, i1, i2, j1, _ in matcher.get_opcodes():
            if i1 < line <= i2:  # (lines inserted just before it are not a change of it)
                if tag == "equal":
                    now = line - i1 + j1
                    return Place(path, self.today.sources.locate(path, now, mark) if mark else now)
                return Place(path, min(j1 + 1, len(new)) if new else 0, CHANGED_SINCE)
        return Place(path, line, CHANGED_SINCE)


def _index(pairs, moves: dict[int, m.Node], out: dict) -> None:
    """(path, line) of every block of the older model -> (the newer block, what happened to it)."""
    for pair in pairs:
        old = pair.old
        if old is None:
            continue
        if pair.status == REMOVED:
            for node in m.walk(old):
                source = getattr(node, "source", None)
                if source is not None and not isinstance(node, m.Section):
                    _put(out, (source.path, source.line), _removed(old, node, moves))
            continue
        if not isinstance(old, m.Section):
            _put(out, (old.source.path, old.source.line), (pair.new, "" if pair.status == SAME else CHANGED_SINCE))
        if pair.status == SAME:
            _index(_same_children(old, pair.new), moves, out)
        else:
            _index(pair.children, moves, out)
        if isinstance(old, m.Paragraph | m.Heading) and pair.new is not None:
            _index(_paired_notes(old, pair.new), moves, out)


def _put(out: dict, key: tuple[str, int], found: tuple[m.Node | None, str]) -> None:
    """Index a block, unless one on the same line (the paragraph of a note made from a citation on
    it) already says it has changed: the line has changed."""
    if key not in out or not out[key][1]:
        out[key] = found


def _removed(block: m.Node, node: m.Node, moves: dict[int, m.Node]) -> tuple[m.Node | None, str]:
    """Where a node of a removed block went: with the block (or itself) moved, or nowhere."""
    for moved_from in (node, block):
        moved = moves.get(id(moved_from))
        if moved is not None:
            same = content_key(moved_from) == content_key(moved)
            return moved, MOVED_SINCE if same else MOVED_CHANGED_SINCE
    return None, "deleted since"


def _same_children(old: m.Node, new: m.Node) -> tuple[Pair, ...]:
    olds, news = _blocks(old), _blocks(new)
    pairs = tuple(Pair(SAME, a, b) for a, b in zip(olds, news, strict=False))
    if isinstance(old, m.Paragraph | m.Heading):
        pairs += _paired_notes(old, new)
    return pairs


def _blocks(node: m.Node) -> tuple:
    for name in ("blocks", "items"):
        if hasattr(node, name):
            return getattr(node, name)
    return ()


def _paired_notes(old: m.Node, new: m.Node) -> tuple[Pair, ...]:
    """The notes of two matched paragraphs, in order, when they have as many."""
    olds = [n for n in m.walk(old) if isinstance(n, m.Note)]
    news = [n for n in m.walk(new) if isinstance(n, m.Note)]
    if len(olds) != len(news):
        return ()
    return tuple(Pair(SAME if content_key(a) == content_key(b) else "changed", a, b) for a, b in zip(olds, news,
                                                                                                       strict=True))


class Drafts:
    """The way to place the marks of each reviewed file, by the commit of its draft; the warnings
    about lines that may be stale."""

    def __init__(self, project: Project, folder: Path):
        self.project, self.folder = project, folder
        self.today = Today(project.root)
        self.resolvers: dict[str, Today | Carried] = {}
        self.warnings: list[str] = []
        self.in_git = git.in_repository(project.root)
        try:
            self.head = git.state(project.root) if self.in_git else None
        except git.GitError as exc:  # a corrupt index ...: marks are placed in today's files
            self.head = None
            self.warnings.append(f"git cannot tell the project's version ({exc})")

    def resolver(self, reviewed: Reviewed, name: str) -> Today | Carried:
        commit = reviewed.commit
        if not commit:
            self.warnings.append(f"{name}: it does not say which commit it was built from (only drafts built in a "
                                 "git repository do): its marks are placed in today's files and may be stale")
            return self.today
        if not self.in_git:
            self.warnings.append(f"{name}: built from commit {commit}, but {self.project.root} is not in a git "
                                 "repository: its marks are placed in today's files and may be stale")
            return self.today
        if reviewed.modified:
            self.warnings.append(f"{name}: built from files changed since commit {commit}: its marks are traced "
                                 f"through commit {commit} and may be off where those changes were")
        if commit not in self.resolvers:
            self.resolvers[commit] = self._open(commit, name)
        return self.resolvers[commit]

    def _open(self, commit: str, name: str) -> Today | Carried:
        try:
            full = git.resolve(self.project.root, commit)
        except ReportError:
            self.warnings.append(f"{name}: built from commit {commit}, which this repository does not have: its "
                                 "marks are placed in today's files and may be stale")
            return self.today
        head = self.head
        if head and head.commit and not head.modified and full == git.resolve(self.project.root, "HEAD"):
            return self.today  # the files have not changed since the draft
        try:
            with open_versions(self.project, full, None) as (older, newer):
                pairs = align_documents(load(older)[0], load(newer)[0])
                folder = self.folder / commit
                older.root.rename(folder)
        except ReportError as exc:  # one of the two does not load: no paragraphs to align
            self.warnings.append(f"{name}: built from commit {commit}, whose report cannot be compared with "
                                 f"today's ({exc.problems[0]}): its marks are placed in today's files and may be stale")
            return self.today
        return Carried(folder, self.today, pairs, older.label)


@contextmanager
def drafts(project: Project) -> Iterator[Drafts]:
    import tempfile

    with tempfile.TemporaryDirectory(prefix="reportgen-comments-") as folder:
        yield Drafts(project, Path(folder))

