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

from ..errors import ReportError

# Forked on Linux, where that saves starting Python again; it happens before anything is loaded,
# in a process with one thread. Elsewhere (macOS, Windows) fork is unsafe or missing.
START_METHOD = "fork" if sys.platform == "linux" else "spawn"


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

    @classmethod
    def of(cls, document, templates: Path, root: Path, created: str, css: str = "",
           number_lines: Callable[[object], str] | None = None, preface: tuple = (),
           source_map: Callable[[object], bytes] | None = None) -> PdfJob:
        from .html import HtmlRenderer

        html = HtmlRenderer(document, templates, created, extra_css=css, preface=preface).render()
        model = pickle.dumps((document, templates, created, css, preface), pickle.HIGHEST_PROTOCOL)
        return cls(html, model, root, number_lines, source_map, created)


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
        result = render_pdf(render_html, job.root, number_lines=job.number_lines, source_map=job.source_map,
                            created=job.created)
    return PdfDone(replace(result, warnings=warnings + result.warnings), time.perf_counter() - start)


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
        self._context = multiprocessing.get_context(START_METHOD)
        self._start()

    def _start(self) -> None:
        self._connection, child = self._context.Pipe()
        inherited = self._connection if START_METHOD == "fork" else None  # spawn copies no handle
        self._process = self._context.Process(target=_serve, args=(child, inherited, os.getpid()),
                                              name="reportgen-pdf", daemon=True)
        with _ctrl_c_ignored():  # a Ctrl-C while it starts is for this process, never a traceback there
            self._process.start()
        child.close()
        self._pending = False  # a job was sent and its reply not read

    def start(self, job: PdfJob) -> None:
        if self._pending:  # the build that sent it failed before reading the reply: not ours to take
            if self._connection.poll():
                self._connection.recv()
            else:
                self.close()
                self._start()
        self._connection.send(job)
        self._pending = True

    def result(self) -> PdfDone:
        """The result of the job started last; its mistakes are raised as in this process."""
        try:
            kind, value = self._connection.recv()
        except (EOFError, OSError):
            raise RuntimeError(f"the PDF process stopped (exit code {self._process.exitcode})") from None
        self._pending = False
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
