"""What makes a draft identifiable: its label, build time and git commit, as a stamp printed on
every page and as a suffix of the output file names."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .. import model as m
from ..i18n import labels
from . import git


@dataclass(frozen=True)
class DraftStamp:
    label: str  # "Draft", in the report's language
    time: datetime  # the build's clock (SOURCE_DATE_EPOCH when set)
    commit: str = ""  # "" when the project is not in a git repository
    modified: str = ""  # the word for a work tree that differs from its commit, "" when it does not
    in_git: bool = False
    warning: str = ""  # why the commit is missing when git could not tell it

    @property
    def watermark(self) -> str:
        return self.label.upper()

    def text(self) -> str:
        """`Draft · 2011-11-22 21:46 UTC · commit 1a2b3c4 (modified)`"""
        parts = [self.label, self.time.strftime("%Y-%m-%d %H:%M UTC")]
        if self.in_git:
            version = f"commit {self.commit}" if self.commit else "no commit"
            parts.append(f"{version} ({self.modified})" if self.modified else version)
        return " · ".join(parts)

    def file_suffix(self) -> str:
        """`draft-2011-11-22-1a2b3c4-modified`, for `<name>_<suffix>.pdf`."""
        parts = ["draft", self.time.strftime("%Y-%m-%d")]
        if self.commit:
            parts.append(self.commit)
        if self.modified:
            parts.append("modified")
        return "-".join(parts)


def report_inputs(document: m.Document) -> list[str]:
    """The project paths a report is made from: report/ (settings, previous recommendations),
    sections/, templates/, the bibliography, and the images the sections show wherever they are."""
    paths = ["report", "sections", "templates", document.config.bibliography]
    for section in document.sections:
        folder = posixpath.dirname(section.source.path)
        for node in m.walk(section):
            if isinstance(node, m.Image):
                path = posixpath.normpath(posixpath.join(folder, node.src))
                if not path.startswith("../") and "://" not in node.src:
                    paths.append(path)
    return list(dict.fromkeys(paths))


def draft_stamp(project_root: Path, language: str, time: datetime, output_folder: Path | None = None,
                inputs: list[str] | None = None) -> DraftStamp:
    """The stamp of a draft built now from the project at `project_root`; "modified" when the
    report's `inputs` (by default every file of the project) differ from the commit."""
    words = labels(language)
    try:
        state = git.state(project_root, ignore=output_folder, paths=inputs)
    except git.GitError as exc:  # a corrupt index, a repository git refuses ...
        return DraftStamp(words["draft"], time, warning=f"git cannot tell the project's version ({exc}); the draft "
                                                        "is stamped without its commit")
    if state is None:
        return DraftStamp(words["draft"], time)
    return DraftStamp(words["draft"], time, state.commit, words["modified"] if state.modified else "", in_git=True)
