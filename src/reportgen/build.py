"""`reportgen build`: load and resolve the model once, render every requested format, then write
them all; nothing is written unless every format rendered."""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

from .pdf_worker import PdfJob, PdfWorker

if TYPE_CHECKING:
    from .cache import ParseCache
    from .project import Project

FORMATS = ("pdf", "html", "docx", "csv", "json", "xlsx")  # the last three: the recommendations matrix
DEFAULT_FORMATS = ("pdf", "html", "docx")

Progress = Callable[[str, float, str], None]


def _quiet(stage: str, seconds: float, detail: str) -> None:
    pass


class _Stages:
    """Times each stage and reports it as it ends."""

    def __init__(self, progress: Progress):
        self.progress, self.start = progress, time.perf_counter()

    def done(self, stage: str, detail: str = "", seconds: float | None = None) -> None:
        """Report a stage: by default it took the time since the previous one ended."""
        now = time.perf_counter()
        self.progress(stage, now - self.start if seconds is None else seconds, detail)
        self.start = now


def build(project_dir: str | Path = ".", formats: tuple[str, ...] = DEFAULT_FORMATS,
          output_dir: str | Path | None = None,
          progress: Progress = _quiet, on_wait: Callable[[], None] = lambda: None,
          force: bool = False, draft: bool | None = None) -> tuple[list[Path], list[str]]:
    """Check and build the project; returns the files written and the warnings met on the way.

    `draft` (default: report.yaml's `draft`) marks the PDF and DOCX as a draft and puts its
    version in the file names.

    Check errors stop the build (CheckFailed) unless `force`, and are then returned among the
    warnings. The output folder is locked for the whole build, so two builds never interleave;
    `on_wait` is called if another build holds it."""
    # The PDF process starts first: WeasyPrint loads there while this process reads the project.
    with PdfWorker() if "pdf" in formats else nullcontext() as worker:
        from .outputs import build_lock
        from .project import Project

        project = Project.at(project_dir)
        folder = Path(output_dir).absolute() if output_dir else project.root / "build"
        with build_lock(folder, on_wait):
            return _build(project, formats, folder, _Stages(progress), force, draft, worker)


def _build(project: Project, formats: tuple[str, ...], folder: Path, stages: _Stages, force: bool,
           draft: bool | None, worker: PdfWorker | None, cache: ParseCache | None = None,
           pdf_last: bool = False) -> tuple[list[Path], list[str]]:
    """One build. With `pdf_last` (for `watch`) the other outputs are written as soon as they are
    made, and the PDF when it is laid out; else all of them together at the end."""
    from .cache import CACHE_FOLDER, ParseCache
    from .check import CheckFailed, load, run_rules
    from .clock import build_time
    from .errors import Problems
    from .export import FORMATS as EXPORT_FORMATS
    from .export import export
    from .model import Paragraph, walk
    from .outputs import output_file, output_name, write_outputs
    from .renderers.html import HtmlRenderer

    problems = Problems()
    written, document = load(project, problems, cache or ParseCache(folder / CACHE_FOLDER))
    paragraphs = sum(1 for s in document.sections for n in walk(s) if isinstance(n, Paragraph) and n.number)
    stages.done("load", f"{len(document.sections)} sections, {paragraphs} numbered paragraphs, "
                        f"{len(document.notes)} notes, {len(document.bibliography.entries)} references")
    checked = run_rules(project, written, document, problems)
    stages.done("check", checked.summary())
    if checked.errors and not force:
        raise CheckFailed(checked)

    now = build_time()
    created = now.isoformat()
    outputs: dict[str, bytes] = {}
    warnings = [str(p) for p in problems.warnings]
    warnings += [f"{f} (built anyway: --force)" for f in checked.findings if f.severity == "error"]
    stamp = _draft_stamp(project, document, now, folder, draft)
    draft_css, number_lines = "", None
    if stamp:
        from .renderers.draft_marks import pdf_draft_marks

        draft_css, number_lines = pdf_draft_marks(stamp.text(), stamp.watermark)
    name = output_name(document.config) + (f"_{stamp.file_suffix()}" if stamp else "")
    files: dict[Path, bytes] = {}

    def write(extensions) -> None:
        batch = {folder / output_file(name, extension): outputs[extension] for extension in extensions}
        write_outputs(batch)
        files.update(batch)
        stages.done("write", ", ".join(path.name for path in batch))

    if worker:  # the HTML goes to the PDF process first, then the rest is made while it is laid out
        job = PdfJob.of(document, project.templates, project.root, created, draft_css, number_lines)
        worker.start(job)
        outputs["html"] = job.html.encode("utf-8")
        stages.done("html")
    elif "html" in formats:
        outputs["html"] = HtmlRenderer(document, project.templates, created, extra_css=draft_css).render().encode()
        stages.done("html")
    if "docx" in formats:
        from .renderers.docx import render_docx

        outputs["docx"] = render_docx(document, project.templates, project.root, now, stamp)
        stages.done("docx", f"{len(document.notes)} {document.config.notes}")
    matrix = [f for f in formats if f in EXPORT_FORMATS]
    if matrix:
        for fmt in matrix:
            outputs[fmt] = export(document, fmt, now)
        stages.done("matrix", ", ".join(matrix))
    ready = [extension for extension in formats if extension != "pdf"]
    if pdf_last and ready:
        write(ready)  # before the PDF
    if worker:
        done = worker.result()
        stages.done("pdf", f"{done.result.pages} pages", seconds=done.seconds)
        warnings += done.result.warnings
        outputs["pdf"] = done.result.pdf
        later = ["pdf"]
        final = done.result.html.encode("utf-8")  # the preview shows the page breaks the PDF needed
        if "html" in formats and final != outputs["html"]:
            outputs["html"] = final
            later.append("html")
        if pdf_last:
            write(later)
    if not pdf_last:
        write(formats)
    return list(files), warnings


def _draft_stamp(project: Project, document, now, folder: Path, draft: bool | None):
    """The draft's stamp, or None for a final build."""
    if not (document.config.draft if draft is None else draft):
        return None
    from .review.stamp import draft_stamp

    return draft_stamp(project.root, document.config.language, now, folder)
