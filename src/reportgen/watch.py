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

from .build import FORMATS, _build, _Stages
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


def watch(project_dir: str | Path = ".", formats: tuple[str, ...] = FORMATS, output_dir: str | Path | None = None,
          echo: Echo = print, force: bool = False, interval: float = 0.3,
          stop: threading.Event | None = None) -> None:
    """Build now and after every change until `stop` is set (or Ctrl-C)."""
    from .cache import CACHE_FOLDER, ParseCache
    from .project import Project

    stop = stop or threading.Event()
    project = Project.at(project_dir)
    folder = Path(output_dir).absolute() if output_dir else project.root / "build"
    cache = ParseCache(folder / CACHE_FOLDER)
    worker = PdfWorker() if "pdf" in formats else None
    try:
        seen: dict | None = snapshot(project.root, folder)
        shown: list[str] = []
        worker, shown = _rebuild(project, formats, folder, force, worker, cache, echo, shown)
        echo(f"watching {project.root} for changes (Ctrl-C stops)")
        while (seen := _wait_for_change(project.root, folder, seen, interval, stop)) is not None:
            worker, shown = _rebuild(project, formats, folder, force, worker, cache, echo, shown)
    finally:
        if worker:
            worker.close()


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


def _rebuild(project, formats, folder, force, worker, cache, echo: Echo, shown: list[str]):
    """One build; its mistakes are shown, not raised. Returns the PDF process (a new one if the
    last one died) and the warnings shown."""
    from .check import CheckFailed

    start = time.perf_counter()

    def progress(stage: str, seconds: float, detail: str) -> None:
        if stage == "write":
            echo(f"{time.strftime('%H:%M:%S')} wrote {detail} ({time.perf_counter() - start:.2f} s)")

    try:
        with build_lock(folder):
            _, warnings = _build(project, formats, folder, _Stages(progress), force, worker, cache, pdf_last=True)
    except CheckFailed as exc:
        for finding in exc.result.findings:
            if finding.severity == "error":
                echo(str(finding))
        echo(f"reportgen: {_errors(exc.result.errors)} found by the checks; outputs not updated")
        return worker, shown
    except ReportError as exc:
        for problem in exc.problems:
            echo(str(problem))
        echo(f"reportgen: {_errors(len(exc.problems))}; outputs not updated")
        return worker, shown
    except Exception:  # a bug: say so, and keep watching
        echo(traceback.format_exc().rstrip())
        if worker:  # it may have died with the build
            worker.close()
            worker = PdfWorker()
        return worker, shown
    if warnings != shown:  # the same warnings are not repeated after every save
        for warning in warnings:
            echo(f"warning: {warning}")
    return worker, warnings


def _errors(count: int) -> str:
    return f"{count} error{'s' if count != 1 else ''}"
