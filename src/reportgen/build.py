"""`reportgen build`: load and resolve the model once, render every requested format, then write
them all; nothing is written unless every format rendered."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from .clock import build_time
from .errors import Problems
from .export import FORMATS as EXPORT_FORMATS
from .export import export
from .outputs import build_lock, output_file, output_name, write_outputs
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

    def done(self, stage: str, detail: str = "") -> None:
        now = time.perf_counter()
        self.progress(stage, now - self.start, detail)
        self.start = now


def build(project_dir: str | Path = ".", formats: tuple[str, ...] = DEFAULT_FORMATS,
          output_dir: str | Path | None = None,
          progress: Progress = _quiet, on_wait: Callable[[], None] = lambda: None,
          force: bool = False) -> tuple[list[Path], list[str]]:
    """Check and build the project; returns the files written and the warnings met on the way.

    Check errors stop the build (CheckFailed) unless `force`, and are then returned among the
    warnings. The output folder is locked for the whole build, so two builds never interleave;
    `on_wait` is called if another build holds it."""
    project = Project.at(project_dir)
    folder = Path(output_dir).absolute() if output_dir else project.root / "build"
    with build_lock(folder, on_wait):
        return _build(project, formats, folder, _Stages(progress), force)


def _build(project: Project, formats: tuple[str, ...], folder: Path, stages: _Stages,
           force: bool) -> tuple[list[Path], list[str]]:
    from .check import CheckFailed, load, run_rules
    from .model import Paragraph, walk
    from .renderers.html import HtmlRenderer

    problems = Problems()
    written, document = load(project, problems)
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

    def render_html(break_before_notes: frozenset[int] = frozenset()) -> str:
        return HtmlRenderer(document, project.templates, created, break_before_notes).render()

    html = render_html() if {"pdf", "html"} & set(formats) else ""
    if html:
        stages.done("html")
    if "pdf" in formats:
        from .renderers.pdf import render_pdf

        result = render_pdf(render_html, project.root)
        warnings += result.warnings
        outputs["pdf"] = result.pdf
        html = result.html  # the preview shows the page breaks the PDF needed
        stages.done("pdf", f"{result.pages} pages")
    if "html" in formats:
        outputs["html"] = html.encode("utf-8")
    if "docx" in formats:
        from .renderers.docx import render_docx

        outputs["docx"] = render_docx(document, project.templates, project.root, now)
        stages.done("docx", f"{len(document.notes)} {document.config.notes}")
    matrix = [f for f in formats if f in EXPORT_FORMATS]
    if matrix:
        for fmt in matrix:
            outputs[fmt] = export(document, fmt, now)
        stages.done("matrix", ", ".join(matrix))

    name = output_name(document.config)
    files = {folder / output_file(name, extension): outputs[extension] for extension in formats}
    write_outputs(files)
    stages.done("write", ", ".join(path.name for path in files))
    return list(files), warnings
