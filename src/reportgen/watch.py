"""`reportgen watch`: build, then build again whenever a file of the project is saved.

The process stays warm between builds: libraries loaded, parsed files in memory (only what changed
is parsed again), and the PDF process with WeasyPrint loaded. The HTML and DOCX are written as soon
as they are made and the PDF follows. Files are polled, which works on every system and file
system; a mistake is shown as `path:line: message` and the watcher goes on.
"""

from __future__ import annotations

import os
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from .build import DEFAULT_FORMATS, _build, _Stages
from .errors import ReportError
from .outputs import LOCK_NAME, build_lock
from .pdf_worker import PdfWorker

Echo = Callable[[str], None]
SKIPPED_FOLDERS = {"__pycache__", "node_modules"}


def snapshot(root: Path, output: Path) -> dict[str, tuple[int, int]]:
    """Size and modification time of every file of the project, but in hidden folders and output
    folders (which hold a build lock)."""
    files = {}
    for folder, folders, names in os.walk(root):
        if LOCK_NAME in names or Path(folder) == output:
            folders[:] = []
            continue
        folders[:] = [f for f in folders if not f.startswith(".") and f not in SKIPPED_FOLDERS]
        for name in names:
            path = os.path.join(folder, name)
            try:
                stat = os.stat(path)
            except OSError:  # deleted meanwhile
                continue
            files[path] = (stat.st_size, stat.st_mtime_ns)
    return files


def watch(project_dir: str | Path = ".", formats: tuple[str, ...] = DEFAULT_FORMATS,
          output_dir: str | Path | None = None, echo: Echo = print, force: bool = False, interval: float = 0.3,
          stop: threading.Event | None = None) -> None:
    """Build now and after every change until `stop` is set (or Ctrl-C)."""
    from .project import Project

    stop = stop or threading.Event()
    project = Project.at(project_dir)
    folder = Path(output_dir).absolute() if output_dir else project.root / "build"
    session = _Session(project, formats, folder, force, echo)
    try:
        seen: dict | None = snapshot(project.root, folder)
        session.build()
        echo(f"watching {project.root} for changes (Ctrl-C stops)")
        while (seen := _wait_for_change(project.root, folder, seen, interval, stop)) is not None:
            session.build()
    finally:
        session.close()


def _wait_for_change(root: Path, output: Path, seen: dict, interval: float, stop: threading.Event) -> dict | None:
    """The new snapshot once files changed and stayed still for a moment (an editor may save in
    steps); None when stopped."""
    while not stop.wait(interval):
        now = snapshot(root, output)
        if now != seen:
            while not stop.wait(0.1):
                settled, now = now, snapshot(root, output)
                if settled == now:
                    return now
    return None


class _Session:
    """What stays warm between builds: the parsed files and the PDF process."""

    def __init__(self, project, formats: tuple[str, ...], folder: Path, force: bool, echo: Echo):
        from .cache import CACHE_FOLDER, ParseCache

        self.project, self.formats, self.folder, self.force, self.echo = project, formats, folder, force, echo
        self.cache = ParseCache(folder / CACHE_FOLDER)
        self.worker = PdfWorker() if "pdf" in formats else None
        self.shown: list[str] = []  # the warnings shown last

    def build(self) -> None:
        """One build; its mistakes are shown, not raised."""
        from .check import CheckFailed

        start, written = time.perf_counter(), []

        def progress(stage: str, seconds: float, detail: str) -> None:
            if stage == "write":
                written.append(detail)
                self.echo(f"{time.strftime('%H:%M:%S')} wrote {detail} ({time.perf_counter() - start:.2f} s)")

        try:
            with build_lock(self.folder):
                _, warnings = _build(self.project, self.formats, self.folder, _Stages(progress), self.force,
                                     None, self.worker, self.cache, pdf_last=True)
        except CheckFailed as exc:
            for finding in exc.result.findings:
                if finding.severity == "error":
                    self.echo(str(finding))
            self.echo(f"reportgen: {_errors(exc.result.errors)} found by the checks; outputs not updated")
        except ReportError as exc:
            for problem in exc.problems:
                self.echo(str(problem))
            # Only the PDF can fail once the HTML and DOCX are written.
            kept = "the PDF not updated" if written else "outputs not updated"
            self.echo(f"reportgen: {_errors(len(exc.problems))}; {kept}")
        except Exception:  # a bug: say so, and keep watching
            self.echo(traceback.format_exc().rstrip())
            if self.worker:  # it may have died with the build
                self.worker.close()
                self.worker = PdfWorker()
        else:
            if warnings != self.shown:  # the same warnings are not repeated after every save
                for warning in warnings:
                    self.echo(f"warning: {warning}")
                self.shown = warnings

    def close(self) -> None:
        if self.worker:
            self.worker.close()


def _errors(count: int) -> str:
    return f"{count} error{'s' if count != 1 else ''}"
