"""The few git facts the review loop needs: the commit a project is at, whether its files were
changed since, and a revision's files exported into a folder (never checked out over the work tree)."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import ReportError


@dataclass(frozen=True)
class GitState:
    commit: str  # abbreviated hash of HEAD, "" before the first commit
    modified: bool  # the project's files (or the `paths` asked about) differ from HEAD, untracked files too


class GitError(Exception):
    """git failed; the message is git's own first line."""


def _git(root: Path, *args: str, binary: bool = False):
    git = shutil.which("git")
    if git is None:
        raise GitError("git is not installed")
    # No pager, no prompt, no lock taken by `status` (another git may be running in the work tree).
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
    result = subprocess.run([git, "-C", str(root), *args], capture_output=True, env=env, timeout=120)
    if result.returncode:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(message[0] if message else f"git {args[0]} failed")
    return result.stdout if binary else result.stdout.decode("utf-8", "replace").strip()


def in_repository(root: Path) -> bool:
    try:
        return _git(root, "rev-parse", "--is-inside-work-tree") == "true"
    except GitError:
        return False


def state(root: Path, ignore: Path | None = None, paths: list[str] | None = None) -> GitState | None:
    """The commit and modified state of the project at `root`; None when it is not in a git work
    tree (or git is missing). Only the project's own folder is looked at, or only its `paths` (the
    report's inputs) when given; `ignore` (the output folder) is left out, so that building does
    not make the next build 'modified'."""
    if not in_repository(root):
        return None
    try:
        commit = _git(root, "rev-parse", "--short", "HEAD")
    except GitError:  # no commit yet
        return GitState("", True)
    pathspec = [":(literal)" + p for p in paths] if paths is not None else ["."]
    if ignore is not None and ignore.resolve().is_relative_to(root.resolve()) and ignore.resolve() != root.resolve():
        pathspec.append(":(exclude)" + ignore.resolve().relative_to(root.resolve()).as_posix())
    changes = _git(root, "status", "--porcelain", "--untracked-files=normal", "--", *pathspec)
    return GitState(commit, bool(changes))


def resolve(root: Path, revision: str) -> str:
    """The full hash of the commit `revision` names; ReportError when it names none."""
    if not in_repository(root):
        raise ReportError(f"'{revision}' is not a project folder, and {root} is not in a git repository, "
                          "so it cannot be a git revision either")
    if revision.startswith("-"):
        raise ReportError(f"'{revision}' is not a git revision")
    try:
        return _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}")
    except GitError:
        raise ReportError(f"'{revision}' is neither a project folder nor a git revision of {root}") from None


def short(root: Path, commit: str) -> str:
    return _git(root, "rev-parse", "--short", commit)


def commit_date(root: Path, commit: str) -> str:
    """The committer date of `commit`, as YYYY-MM-DD."""
    return _git(root, "show", "-s", "--format=%cs", commit)


def export(root: Path, commit: str, destination: Path) -> Path:
    """Write the files of the project folder at `root` as they are in `commit` into `destination`
    and return the exported project's folder. The work tree is not touched."""
    prefix = _git(root, "rev-parse", "--show-prefix")  # the project's folder inside the repository
    tree = f"{commit}:{prefix.rstrip('/')}" if prefix else commit
    try:
        data = _git(root, "archive", "--format=tar", tree, binary=True)
    except GitError as exc:
        raise ReportError(f"cannot read revision {commit[:12]} of {root}: {exc}") from None
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        archive.extractall(destination, filter="data")  # no links out, no absolute paths
    return destination


@dataclass(frozen=True)
class Change:
    """The last commit that changed a file, and whether the file differs from it now."""

    author: str  # "" when no commit has it
    date: str  # ISO 8601, as git gives it
    modified: bool


def last_changes(root: Path, paths: list[str]) -> dict[str, Change]:
    """The last change of each of `paths` (relative to `root`); empty when `root` is not in a git
    work tree or git fails."""
    if not in_repository(root):
        return {}
    literal = [":(literal)" + p for p in paths]
    try:
        untracked = _git(root, "ls-files", "--others", "--exclude-standard", "--", *literal).splitlines()
        try:  # paths relative to `root`, as given
            modified = set(_git(root, "diff", "HEAD", "--name-only", "--relative", "--", *literal).splitlines())
        except GitError:  # no commit yet
            modified = set(paths)
        modified.update(untracked)
        changes = {}
        for path in paths:
            last = _git(root, "log", "-1", "--format=%an%x1f%aI", "--", ":(literal)" + path)
            author, _, date = last.partition("\x1f")
            changes[path] = Change(author, date, path in modified or not last)
        return changes
    except GitError:
        return {}
