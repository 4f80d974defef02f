"""The build pipeline that every command drives: load → check → resolve → render → write.

A `Session` is one project, its output folder, and what stays warm between builds: the parse cache
and the PDF process. `build` runs it once; `watch` keeps it for every save; `diff` renders a
redline through it; `check` and `recommendations` use its first stages. Nothing is written unless
every requested output rendered.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from . import model as m
from .clock import build_time
from .errors import Cancelled, Problem, Problems, ReportError
from .load.cache import CACHE_FOLDER, ParseCache
from .load.project import Project, load_document
from .outputs import build_lock, output_file, output_name, write_outputs
from .renderers.export import FORMATS as MATRIX_FORMATS
from .renderers.memo import Memo
from .transforms import resolve_model
from .transforms.digits import shown_digits

if TYPE_CHECKING:  # loaded when needed: the PDF process only for a PDF
    from .load.stamp import DraftStamp
    from .renderers.pdf_worker import PdfWorker

REPORT_FORMATS = ("pdf", "html", "docx")
FORMATS = REPORT_FORMATS + MATRIX_FORMATS  # the last three: the recommendations matrix
DEFAULT_FORMATS = REPORT_FORMATS
SLOW_FORMATS = ("docx", "pdf")  # made in the background by `rebuild`

Progress = Callable[[str, float, str], None]


def quiet(stage: str, seconds: float, detail: str) -> None:
    """A `Progress` that shows nothing."""


def ignore(result: object) -> None:
    """What a rebuild's background work reports, left unread."""


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


def _pdf_worker() -> PdfWorker:
    """A new PDF process (its module, and multiprocessing, loaded only for a PDF)."""
    from .renderers.pdf_worker import PdfWorker

    return PdfWorker()


def _marks(look: Look) -> tuple[str, Callable | None, Callable | None]:
    """The style sheet of a rendering (a draft's marks added), and for a draft's PDF the functions
    that number its lines and map its words to their sources."""
    if not look.stamp:
        return look.css, None, None
    from .renderers.draft_marks import pdf_draft_marks, pdf_source_map

    marks, number_lines = pdf_draft_marks(look.stamp.text(), look.stamp.watermark)
    return look.css + marks, number_lines, pdf_source_map(look.stamp.commit, bool(look.stamp.modified))


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
        self.memo = Memo()  # each section's HTML, from one build to the next
        self.background: Background | None = None  # the DOCX and PDF of the last rebuild
        self.worker = _pdf_worker() if pdf else None
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
        self.cancel(restart=False)
        self.close_pdf()

    def close_pdf(self) -> None:
        if self.worker:
            self.worker.close()
            self.worker = None

    # Stages ---------------------------------------------------------------------------------------

    def load(self) -> Loaded:
        """Read and resolve the project; every error in every file is raised together."""
        from .check.settings import check_rule_settings

        problems = Problems()
        written = load_document(self.project, problems, self.cache)
        check_rule_settings(written.config, problems)
        decoded = written.bibliography.decoded if written.bibliography else 0
        document = resolve_model(written, problems)
        if written.bibliography and written.bibliography.decoded > decoded:  # new cited works decoded
            self.cache.keep(written.config.bibliography)
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
               now: datetime | None = None) -> Rendered:
        """Every format in `formats`, as bytes. The PDF is laid out in the PDF process while the
        others are made here."""
        now = now or build_time()
        rendered = Rendered()
        html = self.html(document, look, now) if "html" in formats or "pdf" in formats else ""
        if "pdf" in formats:
            self.start_pdf(document, html, look, now)
        if "html" in formats:
            rendered.outputs["html"] = html.encode("utf-8")
        if "docx" in formats:
            rendered.outputs["docx"] = self.docx(document, look, now, rendered.warnings)
        matrix = [f for f in formats if f in MATRIX_FORMATS]
        if matrix:
            from .renderers.export import export

            rendered.outputs.update((f, export(document, f, now)) for f in matrix)
            self.stages.done("matrix", ", ".join(matrix))
        if "pdf" in formats:
            self.finish_pdf(rendered, self.worker, self.stages)
        rendered.outputs = {f: rendered.outputs[f] for f in formats}  # in the order asked for
        return rendered

    def html(self, document: m.Document, look: Look, now: datetime) -> str:
        """The HTML page; only the sections that changed since the last build are rendered again."""
        from .renderers.html import HtmlRenderer

        root = look.root or self.project.root
        html = HtmlRenderer(shown_digits(document), root / "templates", now.isoformat(), extra_css=_marks(look)[0],
                            preface=look.preface, memo=self.memo).render()
        self.stages.done("html")
        return html

    def start_pdf(self, document: m.Document, html: str, look: Look, now: datetime) -> None:
        """Send the HTML to the PDF process, which lays it out while this one goes on."""
        root = look.root or self.project.root
        css, number_lines, source_map = _marks(look)
        self.ready_pdf()
        from .renderers.pdf_worker import PdfJob

        document = shown_digits(document)
        self.worker.start(PdfJob.of(document, root / "templates", root, now.isoformat(), css, number_lines,
                                    look.preface, source_map, html))

    def ready_pdf(self) -> None:
        """A live PDF process: started if there is none yet, or if it was killed since."""
        if not self.worker or not self.worker.alive():
            self.close_pdf()
            self.worker = _pdf_worker()

    def docx(self, document: m.Document, look: Look, now: datetime, warnings: list[str],
             cancelled: Callable[[], bool] | None = None, stages: Stages | None = None) -> bytes:
        """The DOCX; what templates/reference.docx lacked (and the DOCX got anyway) goes to `warnings`."""
        from .renderers.docx import render_docx

        root = look.root or self.project.root
        reference = Problems()
        document = shown_digits(document)
        data = render_docx(document, root / "templates", root, now, look.stamp, look.revision_author, reference,
                           look.words, cancelled)
        warnings += [str(p) for p in reference.items]
        (stages or self.stages).done("docx", f"{len(document.notes)} {document.config.notes}")
        return data

    @staticmethod
    def finish_pdf(rendered: Rendered, worker: PdfWorker, stages: Stages,
                   cancelled: Callable[[], bool] | None = None) -> None:
        """The PDF laid out by `worker`, added to `rendered`, with what it changes in the others."""
        done = worker.result(cancelled)
        stages.done("pdf", f"{done.result.pages} pages", seconds=done.seconds)
        rendered.warnings += done.result.warnings
        rendered.pages = done.result.pages
        rendered.outputs["pdf"] = done.result.pdf
        if "docx" in rendered.outputs:  # the DOCX's statistics give the PDF's page count
            from .renderers._ooxml_properties import with_page_count

            rendered.outputs["docx"] = with_page_count(rendered.outputs["docx"], done.result.pages)
        final = done.result.html.encode("utf-8")  # the preview shows the page breaks the PDF needed
        if "html" in rendered.outputs and final != rendered.outputs["html"]:
            rendered.outputs["html"] = final

    def write(self, outputs: dict[str, bytes], name: str, stages: Stages | None = None) -> list[Path]:
        """Write outputs named `name` into the output folder, all or none."""
        files = {self.folder / output_file(name, extension): data for extension, data in outputs.items()}
        write_outputs(files)
        (stages or self.stages).done("write", ", ".join(path.name for path in files))
        return list(files)

    # The whole pipeline ---------------------------------------------------------------------------

    def prepare(self, force: bool = False, draft: bool | None = None,
                on_checked: Callable[[object], None] = lambda result: None) -> Prepared:
        """Load and check, for a build: check errors stop it (CheckFailed) unless `force`, and are
        then among the warnings. `on_checked` receives the check result as soon as it is known."""
        from .check import CheckFailed

        loaded = self.load()
        checked = self.check(loaded)
        on_checked(checked)
        if checked.errors and not force:
            raise CheckFailed(checked)
        warnings = [str(p) for p in loaded.warnings]
        warnings += [f"{f.finding()} (built anyway: --force)" for f in checked.findings if f.severity == "error"]
        now = build_time()
        stamp = self.stamp(loaded.document, now, draft)
        warnings += [stamp.warning] if stamp and stamp.warning else []
        name = output_name(loaded.document.config) + (f"_{stamp.file_suffix()}" if stamp else "")
        look = Look(stamp=stamp, words=checked.words.counted if checked.words else None)
        return Prepared(loaded.document, warnings, look, now, name)

    def build(self, formats: tuple[str, ...] = DEFAULT_FORMATS, force: bool = False, draft: bool | None = None,
              on_wait: Callable[[], None] = lambda: None,
              on_checked: Callable[[object], None] = lambda result: None) -> Built:
        """Check and build, holding the output folder's lock, so two builds never interleave
        (`on_wait` is called if another build holds it); every output is written at the end, all
        or none. Check errors stop the build (CheckFailed) unless `force`; `on_checked` receives
        the check result as soon as it is known."""
        if "pdf" in formats:
            self.ready_pdf()  # before the lock: a process forked while it is held would hold it too
        with build_lock(self.folder, on_wait) as recovered:
            prepared = self.prepare(force, draft, on_checked)
            rendered = self.render(prepared.document, formats, prepared.look, prepared.now)
            files = self.write(rendered.outputs, prepared.name)
        return Built(files, recovered + prepared.warnings + rendered.warnings)

    def rebuild(self, formats: tuple[str, ...] = DEFAULT_FORMATS, force: bool = False, draft: bool | None = None,
                on_wait: Callable[[], None] = lambda: None, then: Callable[[Built | BaseException], None] = ignore,
                on_checked: Callable[[object], None] = lambda result: None) -> Built:
        """A build after a save (`watch`, `serve`): the HTML and the recommendations matrix are made
        and written first, only the sections that changed rendered again, and returned; the DOCX and
        the PDF follow in the background, are written as each is made and reported to `then` (or
        the error that stopped them), unless a newer rebuild or `close` cancels them first. The
        outputs are those of `build`, byte for byte. `on_checked` is as for `build`."""
        self.cancel()
        if "pdf" in formats:
            self.ready_pdf()  # before the lock: a process forked while it is held would hold it too
            self.worker.yield_to_others()  # the next save's HTML comes first
        with ExitStack() as lock:
            recovered = lock.enter_context(build_lock(self.folder, on_wait))
            prepared = self.prepare(force, draft, on_checked)
            fast = tuple(f for f in formats if f not in SLOW_FORMATS)
            rendered = self.render(prepared.document, fast, prepared.look, prepared.now)
            files = self.write(rendered.outputs, prepared.name) if rendered.outputs else []
            slow = tuple(f for f in formats if f in SLOW_FORMATS)
            if slow:
                html = rendered.outputs["html"].decode("utf-8") if "html" in rendered.outputs else (
                    self.html(prepared.document, prepared.look, prepared.now))
                self.background = Background(then, self._follow, prepared, formats, html, lock.pop_all())
        return Built(files, recovered + prepared.warnings + rendered.warnings)

    def _follow(self, cancelled: threading.Event, prepared: Prepared, formats: tuple[str, ...], html: str,
                lock: ExitStack) -> Built:
        """The DOCX and PDF of a rebuild, in the background thread, each written as soon as it is made."""
        stages, rendered, files = Stages(self.stages.progress), Rendered(), []
        document, look, now = prepared.document, prepared.look, prepared.now
        with lock:
            if "pdf" in formats:
                self.start_pdf(document, html, look, now)
            if "docx" in formats:
                rendered.outputs["docx"] = self.docx(document, look, now, rendered.warnings, cancelled.is_set, stages)
                files += self._write_unless(cancelled, dict(rendered.outputs), prepared.name, stages)
            if "pdf" in formats:
                if "html" in formats:  # written already; the PDF may change it
                    rendered.outputs["html"] = html.encode("utf-8")
                written = dict(rendered.outputs)
                self.finish_pdf(rendered, self.worker, stages, cancelled.is_set)
                rest = {f: data for f, data in rendered.outputs.items() if written.get(f) != data}
                files += [p for p in self._write_unless(cancelled, rest, prepared.name, stages) if p not in files]
        return Built(files, rendered.warnings)

    def _write_unless(self, cancelled: threading.Event, outputs: dict[str, bytes], name: str,
                      stages: Stages) -> list[Path]:
        if cancelled.is_set():
            raise Cancelled()
        return self.write(outputs, name, stages)

    def cancel(self, restart: bool = True) -> None:
        """Stop the DOCX and PDF of the last rebuild if they are still being made: a newer save made
        them useless. A PDF being laid out is abandoned: its process is replaced (`restart`)."""
        background, self.background = self.background, None
        if background is None:
            return
        background.cancelled.set()
        background.thread.join()  # within a block of the DOCX, or 50 ms of waiting for the PDF
        if self.worker is not None and self.worker.busy:  # laying out what nobody wants any more
            self.close_pdf()
            if restart:
                self.worker = _pdf_worker()


class Background:
    """What a rebuild makes after its HTML, in a thread of its own: `work(cancelled, *args)`, whose
    result (or the exception that stopped it) goes to `then`, unless it was cancelled first."""

    def __init__(self, then: Callable[[Built | BaseException], None], work: Callable[..., Built], *args):
        self.cancelled = threading.Event()
        self.thread = threading.Thread(target=self._run, args=(then, work, *args), name="reportgen-background",
                                       daemon=True)
        self.thread.start()

    def _run(self, then: Callable[[Built | BaseException], None], work: Callable[..., Built], *args) -> None:
        try:
            result: Built | BaseException = work(self.cancelled, *args)
        except Cancelled:
            return
        except Exception as exc:  # a mistake met in the PDF, or a bug: `then` says which
            result = exc
        if not self.cancelled.is_set():  # else only the consequence of the cancellation
            then(result)


class Prepared(NamedTuple):
    """A project loaded and checked, ready to render: the model, the warnings to show, how it looks,
    the build time, the name of the outputs."""

    document: m.Document
    warnings: list[str]
    look: Look
    now: datetime
    name: str


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
