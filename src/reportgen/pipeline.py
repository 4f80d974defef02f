"""The build pipeline that every command drives: load → check → resolve → render → write.

A `Session` is one project, its output folder, and what stays warm between builds: the parse cache
and the PDF process. `build` runs it once; `watch` keeps it for every save; `diff` renders a
redline through it; `check` and `recommendations` use its first stages. Nothing is written unless
every requested output rendered.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from . import model as m
from .clock import build_time
from .errors import Problem, Problems, ReportError
from .load.cache import CACHE_FOLDER, ParseCache
from .load.project import Project, load_document
from .load.stamp import DraftStamp
from .outputs import build_lock, output_file, output_name, write_outputs
from .renderers.export import FORMATS as MATRIX_FORMATS
from .renderers.pdf_worker import PdfJob, PdfWorker
from .transforms import resolve_model

REPORT_FORMATS = ("pdf", "html", "docx")
FORMATS = REPORT_FORMATS + MATRIX_FORMATS  # the last three: the recommendations matrix
DEFAULT_FORMATS = REPORT_FORMATS

Progress = Callable[[str, float, str], None]


def quiet(stage: str, seconds: float, detail: str) -> None:
    """A `Progress` that shows nothing."""


def output_folder(project: Project, output_dir: str | Path | None = None) -> Path:
    """Where outputs go: `output_dir`, or the project's `build/`."""
    return Path(output_dir).absolute() if output_dir else project.root / "build"


@dataclass(frozen=True)
class Loaded:
    """A project read and resolved, and the warnings met on the way."""

    written: m.Document  # as written: `check` reads the citations before they become notes
    document: m.Document  # resolved: citations are notes, everything is numbered
    warnings: tuple[Problem, ...]


@dataclass(frozen=True)
class Look:
    """How a rendering differs from the final report: a draft's marks, a redline's style sheet and
    summary, the author of a redline's tracked changes, and the folder its templates come from."""

    stamp: DraftStamp | None = None
    css: str = ""
    preface: tuple[m.Node, ...] = ()
    revision_author: str = "reportgen"
    root: Path | None = None  # default: the project's own folder
    words: int | None = None  # the checker's word count, for the DOCX's statistics


class Built(NamedTuple):
    """What a build wrote, and the warnings to show."""

    files: list[Path]
    warnings: list[str]


class Stages:
    """Times each stage and reports it to a `Progress` as it ends."""

    def __init__(self, progress: Progress):
        self.progress, self.start = progress, time.perf_counter()

    def done(self, stage: str, detail: str = "", seconds: float | None = None) -> None:
        """Report a stage: by default it took the time since the previous one ended."""
        now = time.perf_counter()
        self.progress(stage, now - self.start if seconds is None else seconds, detail)
        self.start = now


class Session:
    """One project's pipeline; a context manager that stops its PDF process.

    With `pdf`, the PDF process starts first, so WeasyPrint loads there while this process reads
    the project."""

    def __init__(self, project_dir: str | Path = ".", output_dir: str | Path | None = None, *,
                 pdf: bool = True, progress: Progress = quiet):
        self.worker = PdfWorker() if pdf else None
        try:
            self.project = Project.at(project_dir)
        except ReportError:
            self.close()
            raise
        self.folder = output_folder(self.project, output_dir)
        self.cache = ParseCache(self.folder / CACHE_FOLDER)
        self.stages = Stages(progress)

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        if self.worker:
            self.worker.close()
            self.worker = None

    def restart_pdf(self) -> None:
        """A new PDF process, after one may have died with a failed build."""
        self.close()
        self.worker = PdfWorker()

    # Stages ---------------------------------------------------------------------------------------

    def load(self) -> Loaded:
        """Read and resolve the project; every error in every file is raised together."""
        from .check.settings import check_rule_settings

        problems = Problems()
        written = load_document(self.project, problems, self.cache)
        check_rule_settings(written.config, problems)
        document = resolve_model(written, problems)
        paragraphs = sum(1 for s in document.sections for n in m.walk(s) if isinstance(n, m.Paragraph) and n.number)
        self.stages.done("load", f"{len(document.sections)} sections, {paragraphs} numbered paragraphs, "
                                 f"{len(document.notes)} notes, {len(document.bibliography.entries)} references")
        return Loaded(written, document, tuple(problems.warnings))

    def check(self, loaded: Loaded):
        """The `reportgen check` result of a loaded project (a `check.findings.Result`)."""
        from .check import run_rules

        result = run_rules(self.project.root, loaded.written, loaded.document, list(loaded.warnings))
        self.stages.done("check", result.summary())
        return result

    def check_project(self):
        """Load and check, for `reportgen check`: a project that does not load gives what was met."""
        from .check import loading_failed

        try:
            loaded = self.load()
        except ReportError as exc:
            return loading_failed(list(exc.problems))
        return self.check(loaded)

    def stamp(self, document: m.Document, now: datetime, draft: bool | None) -> DraftStamp | None:
        """The draft stamp when building a draft (`draft`, by default report.yaml's), else None."""
        if not (document.config.draft if draft is None else draft):
            return None
        from .load.stamp import draft_stamp, report_inputs

        return draft_stamp(self.project.root, document.config.language, now, self.folder, report_inputs(document))

    def render(self, document: m.Document, formats: tuple[str, ...], look: Look = Look(),
               now: datetime | None = None, ready: Callable[[dict[str, bytes]], None] | None = None) -> Rendered:
        """Every format in `formats`, as bytes. The PDF is laid out in the PDF process while the
        others are made here; `ready`, if given, receives those others before the PDF is done."""
        now = now or build_time()
        root = look.root or self.project.root
        templates = root / "templates"
        css, number_lines, source_map = look.css, None, None
        if look.stamp:
            from .renderers.draft_marks import pdf_draft_marks, pdf_source_map

            marks, number_lines = pdf_draft_marks(look.stamp.text(), look.stamp.watermark)
            source_map = pdf_source_map(look.stamp.commit, bool(look.stamp.modified))
            css += marks
        rendered = Rendered()
        pdf = "pdf" in formats
        if pdf:
            if not self.worker:
                self.worker = PdfWorker()
            job = PdfJob.of(document, templates, root, now.isoformat(), css, number_lines, look.preface, source_map)
            self.worker.start(job)
            html = job.html
        elif "html" in formats:
            from .renderers.html import HtmlRenderer

            html = HtmlRenderer(document, templates, now.isoformat(), extra_css=css, preface=look.preface).render()
        if "html" in formats:
            rendered.outputs["html"] = html.encode("utf-8")
            self.stages.done("html")
        if "docx" in formats:
            from .renderers.docx import render_docx

            reference = Problems()  # what templates/reference.docx lacked and the DOCX got anyway
            rendered.outputs["docx"] = render_docx(document, templates, root, now, look.stamp, look.revision_author,
                                                   reference, look.words)
            rendered.warnings += [str(p) for p in reference.items]
            self.stages.done("docx", f"{len(document.notes)} {document.config.notes}")
        matrix = [f for f in formats if f in MATRIX_FORMATS]
        if matrix:
            from .renderers.export import export

            rendered.outputs.update((f, export(document, f, now)) for f in matrix)
            self.stages.done("matrix", ", ".join(matrix))
        if pdf:
            if ready and rendered.outputs:
                ready(dict(rendered.outputs))
            self._finish_pdf(rendered, "html" in formats)
        rendered.outputs = {f: rendered.outputs[f] for f in formats}  # in the order asked for
        return rendered

    def _finish_pdf(self, rendered: Rendered, html: bool) -> None:
        done = self.worker.result()
        self.stages.done("pdf", f"{done.result.pages} pages", seconds=done.seconds)
        rendered.warnings += done.result.warnings
        rendered.pages = done.result.pages
        rendered.outputs["pdf"] = done.result.pdf
        if "docx" in rendered.outputs:  # the DOCX's statistics give the PDF's page count
            from .renderers._ooxml_properties import with_page_count

            rendered.outputs["docx"] = with_page_count(rendered.outputs["docx"], done.result.pages)
        final = done.result.html.encode("utf-8")  # the preview shows the page breaks the PDF needed
        if html and final != rendered.outputs["html"]:
            rendered.outputs["html"] = final

    def write(self, outputs: dict[str, bytes], name: str) -> list[Path]:
        """Write outputs named `name` into the output folder, all or none."""
        files = {self.folder / output_file(name, extension): data for extension, data in outputs.items()}
        write_outputs(files)
        self.stages.done("write", ", ".join(path.name for path in files))
        return list(files)

    # The whole pipeline ---------------------------------------------------------------------------

    def build(self, formats: tuple[str, ...] = DEFAULT_FORMATS, force: bool = False, draft: bool | None = None,
              early: bool = False, on_wait: Callable[[], None] = lambda: None,
              on_checked: Callable[[object], None] = lambda result: None) -> Built:
        """Check and build, holding the output folder's lock, so two builds never interleave
        (`on_wait` is called if another build holds it). Check errors stop the build (CheckFailed)
        unless `force`, and are then returned among the warnings. With `early` (for `watch`) the
        other outputs are written as soon as they are made and the PDF when it is laid out; else all
        of them together at the end. `on_checked` receives the check result as soon as it is known."""
        from .check import CheckFailed

        with build_lock(self.folder, on_wait):
            loaded = self.load()
            checked = self.check(loaded)
            on_checked(checked)
            if checked.errors and not force:
                raise CheckFailed(checked)
            warnings = [str(p) for p in loaded.warnings]
            warnings += [f"{f.finding()} (built anyway: --force)" for f in checked.findings if f.severity == "error"]
            now = build_time()
            stamp = self.stamp(loaded.document, now, draft)
            name = output_name(loaded.document.config) + (f"_{stamp.file_suffix()}" if stamp else "")
            files: list[Path] = []
            written: dict[str, bytes] = {}

            def write_early(outputs: dict[str, bytes]) -> None:
                files.extend(self.write(outputs, name))
                written.update(outputs)

            look = Look(stamp=stamp, words=checked.words.counted if checked.words else None)
            rendered = self.render(loaded.document, formats, look, now, write_early if early else None)
            rest = {f: data for f, data in rendered.outputs.items() if written.get(f) != data}
            files += [path for path in self.write(rest, name) if path not in files]
        return Built(files, warnings + rendered.warnings)


@dataclass
class Rendered:
    """The outputs of one rendering by format, what the PDF's layout warned about, its page count."""

    outputs: dict[str, bytes] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    pages: int = 0


def build(project_dir: str | Path = ".", formats: tuple[str, ...] = DEFAULT_FORMATS,
          output_dir: str | Path | None = None, progress: Progress = quiet,
          on_wait: Callable[[], None] = lambda: None, force: bool = False, draft: bool | None = None) -> Built:
    """`reportgen build`: check the project and build `formats` once (see `Session.build`)."""
    with Session(project_dir, output_dir, pdf="pdf" in formats, progress=progress) as session:
        return session.build(formats, force, draft, on_wait=on_wait)


def load_model(project: Project, problems: Problems | None = None, cache: ParseCache | None = None) -> m.Document:
    """The resolved model of a project, ready for any renderer. Every error in every file is raised
    together; warnings stay in `problems` for the caller to show."""
    problems = problems if problems is not None else Problems()
    return resolve_model(load_document(project, problems, cache), problems)
