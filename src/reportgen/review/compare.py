"""`reportgen diff OLD [NEW]`: load both versions, match their models, print the changes, and write
the redline (the newer report with the changes marked) as PDF and HTML, with a summary first, and
as a DOCX whose marks are Word tracked changes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..build import FORMATS, Progress, _quiet, _Stages
from ..check.rules.words import limit_for
from ..check.wordcount import count_document
from ..clock import build_time
from ..outputs import build_lock, output_name, write_outputs
from ..project import Project
from .diff import align_documents, changes
from .redline import redline
from .summary import Words, report, summary_blocks
from .versions import load, open_versions


@dataclass(frozen=True)
class Comparison:
    report: str  # the lines to print
    written: list[Path]
    warnings: list[str]


def compare(project_dir: str | Path, old: str, new: str | None = None, formats: tuple[str, ...] = FORMATS,
            output_dir: str | Path | None = None, progress: Progress = _quiet,
            on_wait: Callable[[], None] = lambda: None) -> Comparison:
    """Compare `old` with `new` (git revisions of the project or project folders; `new` None is the
    work tree) and write the redline in `formats`."""
    project = Project.at(project_dir)
    folder = Path(output_dir).absolute() if output_dir else project.root / "build"
    stages = _Stages(progress)
    with open_versions(project, old, new) as (older, newer):
        (old_model, old_warnings), (new_model, new_warnings) = load(older), load(newer)
        stages.done("load", f"{older.description}; {newer.description}")
        pairs = align_documents(old_model, new_model)
        found = changes(pairs)
        marked = redline(new_model, pairs)
        config = new_model.config
        words = Words(count_document(old_model, old_model.config.checks.count_notes).counted,
                      count_document(new_model, config.checks.count_notes).counted, limit_for(config))
        stages.done("diff", f"{len(found)} changes")
        preface = summary_blocks(found, older, newer, words, [s.source.path for s in marked.sections])
        author = f"reportgen: {older.label} to {newer.label}"
        outputs, warnings = _render(marked, preface, newer.root, author, formats, stages)
        name = f"{output_name(config)}_redline-{older.label}-{newer.label}"
        files = {folder / f"{name}.{extension}": outputs[extension] for extension in formats}
        with build_lock(folder, on_wait):
            write_outputs(files)
        stages.done("write", ", ".join(path.name for path in files))
    return Comparison(report(found, older, newer, words), list(files), old_warnings + new_warnings + warnings)


def _render(marked, preface, root: Path, author: str, formats: tuple[str, ...],
            stages: _Stages) -> tuple[dict[str, bytes], list[str]]:
    """The redline in each format: HTML and PDF with the summary first and `redline.css`, the DOCX
    with tracked changes by `author`. `root` is the newer version's folder (templates, images)."""
    from ..renderers.html import HtmlRenderer
    from ..resources import read_resource

    now = build_time()
    templates = root / "templates"
    css = read_resource("redline.css", templates)

    def render_html(break_before_notes: frozenset[int] = frozenset(), extra_css: str = "") -> str:
        return HtmlRenderer(marked, templates, now.isoformat(), break_before_notes, css + extra_css,
                            preface).render()

    outputs: dict[str, bytes] = {}
    warnings: list[str] = []
    html = render_html()
    stages.done("html")
    if "pdf" in formats:
        from ..renderers.pdf import render_pdf

        result = render_pdf(render_html, root)
        outputs["pdf"], html = result.pdf, result.html
        warnings += result.warnings
        stages.done("pdf", f"{result.pages} pages")
    if "html" in formats:
        outputs["html"] = html.encode("utf-8")
    if "docx" in formats:
        from ..renderers.docx import render_docx

        outputs["docx"] = render_docx(marked, templates, root, now, revision_author=author)
        stages.done("docx", "tracked changes by " + author)
    return outputs, warnings
