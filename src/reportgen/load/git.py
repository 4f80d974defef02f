"""The few git facts the review loop needs: the commit a project is at, whether its files were
changed since, and a revision's report files exported into a folder (never checked out over the
work tree).

git runs read-only and runs nothing else: the repository's configuration (which comes with a
project handed over as a folder) may name commands for git to run (an fsmonitor, clean and smudge
filters, hooks, a signature checker), so every call turns those off, and a git variable inherited
from the environment (GIT_DIR, GIT_INDEX_FILE ...) cannot point it at another repository. A
revision's files are streamed one by one with `git cat-file` (no filters), only the report's, each
under a size cap.
"""

from __future__ import annotations

import functools
import os
import posixpath
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ReportError

FILE_CAP = 64 << 20  # bytes: the largest report file a revision may hand over (a photograph fits)
TOTAL_CAP = 512 << 20  # bytes: all of them together
# What a build can read: report/, sections/ and templates/, and wherever they are, bibliographies,
# CSL styles and images (`load.stamp.report_inputs` names the same, from a loaded model).
REPORT_FOLDERS = ("report/", "sections/", "templates/")
REPORT_SUFFIXES = {".bib", ".json", ".yaml", ".yml", ".csl", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp",
                   ".tif", ".tiff", ".bmp"}
_NOTHING_RUNS = ("-c", "core.fsmonitor=false", "-c", f"core.hooksPath={os.devnull}", "-c", "log.showSignature=false",
                 "-c", "protocol.allow=never", "-c", "core.untrackedCache=false", "--no-pager")


@dataclass(frozen=True)
class GitState:
    commit: str  # abbreviated hash of HEAD, "" before the first commit
    modified: bool  # the project's files (or the `paths` asked about) differ from HEAD, untracked files too


@dataclass(frozen=True)
class Exported:
    root: Path  # the revision's project folder
    warnings: list[tuple[str, str]] = field(default_factory=list)  # files left out: (path, why)


class GitError(Exception):
    """git failed; the message is git's own first line."""


def _environment() -> dict[str, str]:
    """This process's environment without git's own variables, and with no prompt, no lock taken
    by `status` (another git may be running in the work tree) and no fetch of a missing object."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    return {**env, "GIT_OPTIONAL_LOCKS": "0", "GIT_TERMINAL_PROMPT": "0", "GIT_NO_LAZY_FETCH": "1", "LC_ALL": "C"}


@functools.lru_cache(maxsize=16)
def _no_filters(root: str) -> tuple[str, ...]:
    """`-c` options that empty every filter driver the configuration defines (a filter is a command)."""
    git = shutil.which("git")
    result = subprocess.run([git, "-C", root, *_NOTHING_RUNS, "config", "--name-only", "--get-regexp", r"^filter\."],
                            capture_output=True, env=_environment(), timeout=120)
    names = {line.rsplit(".", 1)[0] for line in result.stdout.decode("utf-8", "replace").splitlines() if "." in line}
    return tuple(option for name in sorted(names) for key in ("clean", "smudge", "process")
                 for option in ("-c", f"{name}.{key}="))


def _command(root: Path, *args: str) -> list[str]:
    git = shutil.which("git")
    if git is None:
        raise GitError("git is not installed")
    return [git, "-C", str(root), *_NOTHING_RUNS, *_no_filters(str(root)), *args]


def _git(root: Path, *args: str, binary: bool = False):
    result = subprocess.run(_command(root, *args), capture_output=True, env=_environment(), timeout=120)
    if result.returncode:
        raise GitError(_first_line(result.stderr, args[0]))
    return result.stdout if binary else result.stdout.decode("utf-8", "replace").strip()


def _first_line(stderr: bytes, command: str) -> str:
    message = stderr.decode("utf-8", "replace").strip().splitlines()
    return message[0] if message else f"git {command} failed"


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


def export(root: Path, commit: str, destination: Path) -> Exported:
    """Write the report files of the project folder at `root` as they are in `commit` into
    `destination`, streamed one by one: the work tree is not touched, nothing else is read, and a
    file over the size cap or a link that leads outside is left out with a warning."""
    try:
        prefix = _git(root, "rev-parse", "--show-prefix")  # the project's folder inside the repository
        tree = f"{commit}:{prefix.rstrip('/')}" if prefix else commit
        entries = list(_entries(_git(root, "ls-tree", "-r", "-z", "--long", tree, binary=True)))
        files, links, warnings = _report_files(entries, _is_report_file)
        destination.mkdir(parents=True, exist_ok=True)
        with _Batch(root) as batch:
            targets = {path: batch.text(obj, path) for path, obj in links.items()}
            linked = {_inside(path, target) for path, target in targets.items()} - {None}
            more, _, more_warnings = _report_files(entries, lambda path: _under(path, linked))
            for obj, path in dict.fromkeys(files + more):
                batch.copy(obj, path, destination)
    except GitError as exc:
        raise ReportError(f"cannot read revision {commit[:12]} of {root}: {exc}") from None
    for path, target in targets.items():
        warnings += _link(destination, path, target)
    return Exported(destination, list(dict.fromkeys(warnings + more_warnings)))


def _entries(listing: bytes):
    """(mode, type, object, size, path) for each line of `git ls-tree -r -z --long`."""
    for record in listing.split(b"\0"):
        meta, _, name = record.partition(b"\t")
        if not name:
            continue
        mode, kind, obj, size = meta.decode("ascii", "replace").split()
        yield mode, kind, obj, int(size) if size.isdigit() else 0, name.decode("utf-8", "replace")


def _is_report_file(path: str) -> bool:
    return path.startswith(REPORT_FOLDERS) or posixpath.splitext(path)[1].lower() in REPORT_SUFFIXES


def _under(path: str, targets: set[str]) -> bool:
    """Whether `path` is one of the files or inside one of the folders links lead to."""
    return any(path == target or path.startswith(target + "/") for target in targets)


def _inside(link: str, target: str) -> str | None:
    """Where a link leads in the project, or None when it leads out of it."""
    path = posixpath.normpath(posixpath.join(posixpath.dirname(link), target))
    return None if posixpath.isabs(target) or path == ".." or path.startswith("../") else path


def _report_files(entries, wanted) -> tuple[list, dict, list]:
    """The `wanted` regular files to read, the wanted links (object by path), and what is left out."""
    files, links, warnings, total = [], {}, [], 0
    for mode, kind, obj, size, path in entries:
        parts = path.split("/")
        if kind != "blob" or any(p in ("", ".", "..") or p.startswith(".") for p in parts) or parts[0] == "build":
            continue
        if not wanted(path):
            continue
        if mode == "120000":
            links[path] = obj
        elif size > FILE_CAP:
            warnings.append((path, f"{_megabytes(size)}, over the {_megabytes(FILE_CAP)} a report file of a "
                                   "revision may have; left out"))
        else:
            total += size
            if total > TOTAL_CAP:
                raise GitError(f"its report files come to more than {_megabytes(TOTAL_CAP)}")
            files.append((obj, path))
    return files, links, warnings


def _megabytes(size: int) -> str:
    return f"{max(1, round(size / (1 << 20)))} MB"


class _Batch:
    """One `git cat-file --batch` (which applies no filter), read a megabyte at a time."""

    def __init__(self, root: Path):
        self.errors = tempfile.TemporaryFile()  # noqa: SIM115 (closed in __exit__)
        self.process = subprocess.Popen(_command(root, "cat-file", "--batch"), stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=self.errors, env=_environment())

    def __enter__(self) -> _Batch:
        return self

    def __exit__(self, kind, error, traceback) -> None:
        if error is not None:
            self.process.kill()
        self.process.stdin.close()
        self.process.stdout.close()
        self.process.wait()
        self.errors.seek(0)
        said = self.errors.read().strip()
        self.errors.close()
        if isinstance(error, GitError) and said:
            raise GitError(f"{error} ({_first_line(said, 'cat-file')})") from None

    def copy(self, obj: str, path: str, destination: Path) -> None:
        (destination / path).parent.mkdir(parents=True, exist_ok=True)
        with open(destination / path, "xb") as out:  # x: never through a link made before
            self._read(obj, path, out.write)

    def text(self, obj: str, path: str) -> str:
        pieces: list[bytes] = []
        self._read(obj, path, pieces.append)
        return b"".join(pieces).decode("utf-8", "replace")

    def _read(self, obj: str, path: str, write) -> None:
        self.process.stdin.write(obj.encode("ascii") + b"\n")
        self.process.stdin.flush()
        header = self.process.stdout.readline().split()
        if len(header) != 3 or header[1] != b"blob" or int(header[2]) > FILE_CAP:
            raise GitError(f"{path}: object {obj[:12]} is missing from the repository")
        remaining = int(header[2])
        while remaining:
            piece = self.process.stdout.read(min(remaining, 1 << 20))
            if not piece:
                raise GitError(f"{path}: git stopped while reading it")
            write(piece)
            remaining -= len(piece)
        self.process.stdout.read(1)  # the newline after each object


def _link(destination: Path, path: str, target: str) -> list[tuple[str, str]]:
    """Make the link `path` if it stays inside the exported project; else say it is left out."""
    if _inside(path, target) is None:
        return [(path, f"a symbolic link to {target}, outside the project; left out of the revision")]
    (destination / path).parent.mkdir(parents=True, exist_ok=True)
    try:
        os.symlink(target, destination / path)
    except OSError as exc:  # a system without links
        return [(path, f"a symbolic link that cannot be made here ({exc.strerror}); left out of the revision")]
    return []


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
