"""The PDF laid out in a second process, so that a build costs little more than the layout itself.

The process starts before the project is read and imports WeasyPrint meanwhile; it then receives
the HTML (and the model) and lays out the PDF while the first process renders the DOCX: WeasyPrint
uses one core, and a machine has two at least. `reportgen build` uses it once; `reportgen watch`
keeps it, warm, for every rebuild. The outputs are those of the same renderers run one by one.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..errors import Cancelled, ReportError

# Forked on Linux, where that saves starting Python again. Elsewhere (macOS, Windows) fork is unsafe
# or missing; and a process with other threads (`serve`'s) is not forked either: the child would
# get their locks but not the threads that release them.
START_METHOD = "fork" if sys.platform == "linux" else "spawn"


def start_method() -> str:
    return START_METHOD if threading.active_count() == 1 else "spawn"


@dataclass(frozen=True)
class PdfJob:
    """What the PDF is made from: the HTML of the model, and the model itself (pickled, read only
    if the HTML must be made again: to push a note to the next page, to number a draft's lines)."""

    html: str
    model: bytes  # (document, templates folder, created, extra CSS, preface)
    root: Path
    number_lines: Callable[[object], str] | None = None  # a draft's line numbers (renderers.draft_marks)
    source_map: Callable[[object], bytes] | None = None  # a draft's map of sources (renderers.pdf_anchors)
    created: str = ""
    archive: bool = False  # PDF/A-3b besides PDF/UA-1 (report.yaml's `pdf_archive`)

    @classmethod
    def of(cls, document, templates: Path, root: Path, created: str, css: str = "",
           number_lines: Callable[[object], str] | None = None, preface: tuple = (),
           source_map: Callable[[object], bytes] | None = None, html: str | None = None) -> PdfJob:
        """The job of `document`; `html`, if given, is its HTML made with the same settings."""
        if html is None:
            from .html import HtmlRenderer

            html = HtmlRenderer(document, templates, created, extra_css=css, preface=preface).render()
        model = pickle.dumps((document, templates, created, css, preface), pickle.HIGHEST_PROTOCOL)
        return cls(html, model, root, number_lines, source_map, created, document.config.pdf_archive)


@dataclass(frozen=True)
class PdfDone:
    result: Any  # renderers.pdf.PdfResult
    seconds: float  # WeasyPrint's layout and PDF, and any HTML made again


def render(job: PdfJob) -> PdfDone:
    """The PDF of `job`, in this process, with WeasyPrint patched (`_weasyprint_patch`)."""
    from ._weasyprint_patch import unpatched_warnings
    from .pdf import render_pdf

    def render_html(break_before_notes: frozenset[int] = frozenset(), extra_css: str = "") -> str:
        if not break_before_notes and not extra_css:
            return job.html
        from .html import HtmlRenderer

        document, templates, created, css, preface = pickle.loads(job.model)
        return HtmlRenderer(document, templates, created, break_before_notes, css + extra_css, preface).render()

    warnings = unpatched_warnings()
    start = time.perf_counter()
    with paused_gc():
        result = render_pdf(render_html, job.root, job.archive, number_lines=job.number_lines,
                            source_map=job.source_map, created=job.created)
    warnings += result.warnings
    if any(".notdef glyph" in warning for warning in warnings):  # rare: the model is read only then
        from .pdf import located_glyphs

        warnings = located_glyphs(warnings, pickle.loads(job.model)[0])
    return PdfDone(replace(result, warnings=warnings), time.perf_counter() - start)


@contextmanager
def paused_gc():
    """Python's cycle collector paused: WeasyPrint makes millions of objects, which set it off
    again and again to scan them all, though their memory comes back by reference counting
    (measured: 5-7 % of the layout time of a 150-page report, and no more memory)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class PdfWorker:
    """A process laying out PDFs, one job at a time; a context manager that stops it.

    It never outlives this process: it closes its copy of this process's end of the pipe, so that
    end's closing is an end of file it sees; on Linux the kernel kills it when its parent dies, and
    elsewhere it checks its parent every second while it lays out."""

    def __init__(self) -> None:
        self._start()

    def _start(self) -> None:
        method = start_method()
        context = multiprocessing.get_context(method)
        self._connection, child = context.Pipe()
        inherited = self._connection if method == "fork" else None  # spawn copies no handle
        self._process = context.Process(target=_serve, args=(child, inherited, os.getpid()), name="reportgen-pdf",
                                        daemon=True)
        with _ctrl_c_ignored():  # a Ctrl-C while it starts is for this process, never a traceback there
            self._process.start()
        child.close()
        self.busy = False  # a job was sent and its result not read yet

    def yield_to_others(self, niceness: int = 5) -> None:
        """Let the process give way to this one when both want a core (`watch`, `serve`: the HTML of
        the next save comes before the PDF of this one): `niceness` below this process's priority,
        never above it (run under `nice`, it stays below). Where priorities cannot be set, nothing."""
        try:
            own = os.getpriority(os.PRIO_PROCESS, 0)
            os.setpriority(os.PRIO_PROCESS, self._process.pid, min(own + niceness, 19))
        except (AttributeError, OSError):  # Windows; or the process already gone
            pass

    def alive(self) -> bool:
        return self._process.is_alive()

    def start(self, job: PdfJob) -> None:
        if self.busy:  # the build that sent it stopped before reading the reply: not the next one's
            if self._connection.poll():
                self._connection.recv()
            else:
                self.close()
                self._start()
        self._connection.send(job)
        self.busy = True

    def result(self, cancelled: Callable[[], bool] | None = None) -> PdfDone:
        """The result of the job started last; its mistakes are raised as in this process. While
        waiting, `cancelled()` is asked every 50 ms; once true, `Cancelled` is raised (the job goes
        on: `busy` stays true)."""
        try:
            while cancelled is not None and not self._connection.poll(0.05):
                if cancelled():
                    raise Cancelled()
            kind, value = self._connection.recv()
            self.busy = False
        except (EOFError, OSError):
            raise RuntimeError(f"the PDF process stopped (exit code {self._process.exitcode})") from None
        if kind == "problems":
            raise ReportError(value)
        if kind == "failed":
            raise RuntimeError(f"the PDF process failed:\n{value}")
        return value

    def close(self) -> None:
        """Stop the process, idle or busy (a failed build does not wait for its PDF)."""
        self._connection.close()
        self._process.terminate()
        self._process.join(2)
        if self._process.exitcode is None:
            self._process.kill()
            self._process.join()

    def __enter__(self) -> PdfWorker:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


@contextmanager
def _ctrl_c_ignored():
    """SIGINT ignored while a child is forked or spawned, which inherits that (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _die_with(parent: int) -> None:
    """End this process when `parent` ends, even killed, even in the middle of a layout."""
    if sys.platform == "linux":
        import ctypes

        try:
            if ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL) == 0:  # PR_SET_PDEATHSIG
                if os.getppid() != parent:  # it ended before that took effect
                    os._exit(0)
                return
        except (OSError, AttributeError):
            pass

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(0)

    threading.Thread(target=watch, name="reportgen-pdf-parent", daemon=True).start()


def _serve(connection, inherited, parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the first process, which stops this one
    if inherited is not None:
        inherited.close()  # the parent's end, copied by fork: while held here, its closing is no EOF
    _die_with(parent)
    from ._weasyprint_import import import_weasyprint
    from ._weasyprint_patch import patch_weasyprint

    import_weasyprint()  # before there is anything to lay out
    patch_weasyprint()
    while True:
        try:
            job = connection.recv()
        except (EOFError, OSError):
            return
        try:
            reply = ("done", render(job))
        except ReportError as exc:
            reply = ("problems", exc.problems)
        except Exception:
            reply = ("failed", traceback.format_exc())
        try:
            connection.send(reply)
        except OSError:  # the first process is gone
            return
