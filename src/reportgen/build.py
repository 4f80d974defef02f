"""`reportgen build`: load and resolve the model once, render every requested format, then write
them all; nothing is written unless every format rendered."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from .clock import build_time
from .errors import Problems
from .outputs import output_name, write_atomic
from .project import Project, load_model

FORMATS = ("pdf", "html", "docx")

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


def build(project_dir: str | Path = ".", formats: tuple[str, ...] = FORMATS, output_dir: str | Path | None = None,
          progress: Progress = _quiet) -> tuple[list[Path], list[str]]:
    """Build the project; returns the files written and the warnings met on the way."""
    from .model import walk, Note, Paragraph

    stages = _Stages(progress)
    project = Project.at(project_dir)
    problems = Problems()
    document = load_model(project, problems)
    notes = len(document.notes)
    paragraphs = sum(1 for s in document.sections for n in walk(s) if isinstance(n, Paragraph) and n.number)
    stages.done("load", f"{len(document.sections)} sections, {paragraphs} numbered paragraphs, {notes} notes, "
                        f"{len(document.bibliography.entries)} references")

    now = build_time()
    created = now.isoformat()
    outputs: dict[str, bytes] = {}
    warnings = [str(p) for p in problems.warnings]
    from .renderers.html import HtmlRenderer

    html = HtmlRenderer(document, project.templates, created).render()
    stages.done("html")
    if "html" in formats:
        outputs["html"] = html.encode("utf-8")
    if "pdf" in formats:
        from .renderers.pdf import render_pdf

        pdf, pages, pdf_warnings = render_pdf(html, project.root)
        warnings += pdf_warnings
        outputs["pdf"] = pdf
        stages.done("pdf", f"{pages} pages")
    if "docx" in formats:
        from .renderers.docx import render_docx

        outputs["docx"] = render_docx(document, project.templates, project.root, now)
        stages.done("docx", f"{notes} {document.config.notes}")

    folder = Path(output_dir) if output_dir else project.root / "build"
    if not folder.is_absolute():
        folder = Path.cwd() / folder
    name = output_name(document.config)
    written = []
    for extension in formats:
        path = folder / f"{name}.{extension}"
        write_atomic(path, outputs[extension])
        written.append(path)
    stages.done("write", ", ".join(p.name for p in written))
    return written, warnings
