"""The two versions `reportgen diff` compares: git revisions of the project (exported into a
temporary folder, file by file, never checked out over the work tree), other project folders,
or the work tree itself; each loaded into its resolved document model."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .. import model as m
from ..errors import Problem, Problems, ReportError, Source
from ..load import git
from ..load.config import CONFIG_PATH
from ..load.project import Project
from ..pipeline import load_model


@dataclass(frozen=True)
class Version:
    label: str  # for file names and headings: `3f2a1b0`, `worktree`, a folder's name
    description: str  # for people: `commit 3f2a1b0 (2026-01-05)`, `the work tree (commit 9c8d7e6, modified)`
    root: Path  # the project's folder (a temporary export for a revision)
    prefix: str  # written before its files' paths: `3f2a1b0:` for a revision, the folder for another project
    warnings: tuple[str, ...] = ()  # a revision's files left out of its export

    def where(self, source: Source) -> str:
        return f"{self.prefix}{source}"


@contextmanager
def open_versions(project: Project, old: str, new: str | None) -> Iterator[tuple[Version, Version]]:
    """The older and newer versions; `new` None is the work tree. Exports live until the end."""
    with tempfile.TemporaryDirectory(prefix="reportgen-diff-") as temporary:
        yield (_open(project, old, Path(temporary) / "old"), _open(project, new, Path(temporary) / "new"))


def _open(project: Project, spec: str | None, folder: Path) -> Version:
    if spec is None:  # "modified" when the report's inputs changed, not any other file of the folder
        inputs = ["report", "sections", "templates"] + [p.name for p in project.root.glob("*.bib")]
        try:
            state = git.state(project.root, paths=inputs)
        except git.GitError as exc:
            return Version("worktree", "the project folder", project.root, "",
                           (f"git cannot tell the work tree's commit ({exc})",))
        if state is None:
            return Version("worktree", "the project folder", project.root, "")
        at = f"commit {state.commit}" if state.commit else "no commit yet"
        return Version("worktree", f"the work tree ({at}{', modified' if state.modified else ''})", project.root, "")
    path = Path(spec)
    if path.is_dir():
        if not (path / CONFIG_PATH).is_file():
            raise ReportError(f"{spec}: not a reportgen project (no {CONFIG_PATH})")
        label = re.sub(r"[^\w.-]+", "-", path.resolve().name).strip("-.") or "folder"
        return Version(label, f"the project folder {spec}", path.resolve(), spec.rstrip("/") + "/")
    commit = git.resolve(project.root, spec)
    short = git.short(project.root, commit)
    exported = git.export(project.root, commit, folder)
    if not (exported.root / CONFIG_PATH).is_file():
        raise ReportError(f"revision '{spec}' has no {CONFIG_PATH} in this project's folder")
    named = "" if spec.lower() in (short.lower(), commit.lower()) else f"{spec}, "
    return Version(short, f"{named}commit {short} of {git.commit_date(project.root, commit)}", exported.root,
                   f"{short}:", tuple(str(Problem(Source(f"{short}:{path}"), message, "warning"))
                                      for path, message in exported.warnings))


def load(version: Version) -> tuple[m.Document, list[str]]:
    """The version's resolved model and the warnings met loading it; its mistakes name its files
    as `prefix + path:line`."""
    problems = Problems()
    try:
        document = load_model(Project(version.root), problems)
    except ReportError as exc:
        raise ReportError([_located(version, p) for p in exc.problems]) from None
    return document, [*version.warnings, *(str(_located(version, p)) for p in problems.warnings)]


def _located(version: Version, problem: Problem) -> Problem:
    if problem.source is None or not version.prefix:
        return problem
    return Problem(Source(version.prefix + problem.source.path, problem.source.line), problem.message,
                   problem.severity, problem.rule)
