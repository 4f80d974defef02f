"""`reportgen diff OLD [NEW]`: load both versions, match their models, print the changes, and write
the redline (the newer report with the changes marked) as PDF and HTML, with a summary first, and
as a DOCX whose marks are Word tracked changes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..check.rules.words import limit_for
from ..check.wordcount import count_document
from ..clock import build_time
from ..files import read_resource
from ..i18n import labels
from ..load.stamp import DraftStamp
from ..outputs import build_lock, output_name
from ..pipeline import FORMATS, Look, Progress, Session, quiet
from .changes import changes
from .diff import align_documents
from .redline import redline
from .summary import Words, report, summary_blocks
from .versions import Version, load, open_versions


@dataclass(frozen=True)
class Comparison:
    report: str  # the lines to print
    written: list[Path]
    warnings: list[str]


def compare(project_dir: str | Path, old: str, new: str | None = None, formats: tuple[str, ...] = FORMATS,
            output_dir: str | Path | None = None, progress: Progress = quiet,
            on_wait: Callable[[], None] = lambda: None) -> Comparison:
    """Compare `old` with `new` (git revisions of the project or project folders; `new` None is the
    work tree) and write the redline in `formats`: HTML and PDF with the summary first and
    `redline.css`, the DOCX with tracked changes."""
    with Session(project_dir, output_dir, pdf="pdf" in formats, progress=progress) as session, \
            open_versions(session.project, old, new) as (older, newer):
        (old_model, old_warnings), (new_model, new_warnings) = load(older), load(newer)
        session.stages.done("load", f"{older.description}; {newer.description}")
        pairs = align_documents(old_model, new_model)
        found = changes(pairs)
        marked = redline(new_model, pairs)
        config = new_model.config
        words = Words(count_document(old_model, old_model.config.checks.count_notes).counted,
                      count_document(new_model, config.checks.count_notes).counted, limit_for(config))
        session.stages.done("diff", f"{len(found)} changes")
        now = build_time()
        look = Look(css=read_resource("redline.css", newer.root / "templates"),
                    preface=summary_blocks(found, older, newer, words, [s.source.path for s in marked.sections]),
                    revision_author=f"reportgen: {older.label} to {newer.label}", root=newer.root,
                    stamp=_stamp(session, newer, new_model, now))
        rendered = session.render(marked, formats, look, now)
        with build_lock(session.folder, on_wait):
            written = session.write(rendered.outputs, f"{output_name(config)}_redline-{older.label}-{newer.label}")
    return Comparison(report(found, older, newer, words), written, old_warnings + new_warnings + rendered.warnings)


def _stamp(session: Session, newer: Version, document, now) -> DraftStamp:
    """A redline is marked as a draft of its newer version: watermark, stamp, line numbers, and in
    the PDF the map of its sources, so that reviewers' marks on it are traced like a draft's."""
    if newer.label == "worktree" and not newer.prefix:
        return session.stamp(document, now, True)
    if newer.prefix.endswith(":"):  # a git revision: `1a2b3c4:`
        return DraftStamp(labels(document.config.language)["draft"], now, newer.label, in_git=True)
    return DraftStamp(labels(document.config.language)["draft"], now)
