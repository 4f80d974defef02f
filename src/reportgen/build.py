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

FORMATS = ("pdf", "html", "docx")

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


def build(project_dir: str | Path = ".", formats: tuple[str, ...] = FORMATS, output_dir: str | Path | None = None,
          progress: Progress = _quiet, on_wait: Callable[[], None] = lambda: None,
          force: bool = False) -> tuple[list[Path], list[str]]:
    """Check and build the project; returns the files written and the warnings met on the way.

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
            return _build(project, formats, folder, _Stages(progress), force, worker)


def _build(project: Project, formats: tuple[str, ...], folder: Path, stages: _Stages, force: bool,
           worker: PdfWorker | None, cache: ParseCache | None = None,
           pdf_last: bool = False) -> tuple[list[Path], list[str]]:
    """One build. With `pdf_last` (for `watch`) the other outputs are written as soon as they are
    made, and the PDF when it is laid out; else all of them together at the end."""
    from .cache import CACHE_FOLDER, ParseCache
    from .check import CheckFailed, load, run_rules
    from .clock import build_time
    from .errors import Problems
    from .model import Paragraph, walk
    from .outputs import output_name, write_outputs
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
    name = output_name(document.config)
    files: dict[Path, bytes] = {}

    def write(extensions) -> None:
        batch = {folder / f"{name}.{extension}": outputs[extension] for extension in extensions}
        write_outputs(batch)
        files.update(batch)
        stages.done("write", ", ".join(path.name for path in batch))

    if worker:  # the HTML goes to the PDF process first, then the DOCX is made while it is laid out
        job = PdfJob.of(document, project.templates, project.root, created)
        worker.start(job)
        html = job.html
    elif "html" in formats:
        html = HtmlRenderer(document, project.templates, created).render()
    if "html" in formats or worker:
        outputs["html"] = html.encode("utf-8")
        stages.done("html")
    if "docx" in formats:
        from .renderers.docx import render_docx

        outputs["docx"] = render_docx(document, project.templates, project.root, now)
        stages.done("docx", f"{len(document.notes)} {document.config.notes}")
    ready = [extension for extension in ("html", "docx") if extension in formats]
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
