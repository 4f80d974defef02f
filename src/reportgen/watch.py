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

from .errors import ReportError
from .outputs import LOCK_NAME
from .pipeline import DEFAULT_FORMATS, Session, Stages

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
    stop = stop or threading.Event()
    with Session(project_dir, output_dir, pdf="pdf" in formats) as session:
        watcher = _Watcher(session, formats, force, echo)
        root, folder = session.project.root, session.folder
        seen: dict | None = snapshot(root, folder)
        watcher.build()
        echo(f"watching {root} for changes (Ctrl-C stops)")
        while (seen := _wait_for_change(root, folder, seen, interval, stop)) is not None:
            watcher.build()


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


class _Watcher:
    """One build after another in a warm session; mistakes are shown, not raised."""

    def __init__(self, session: Session, formats: tuple[str, ...], force: bool, echo: Echo):
        self.session, self.formats, self.force, self.echo = session, formats, force, echo
        self.shown: list[str] = []  # the warnings shown last

    def build(self) -> None:
        start, written = time.perf_counter(), []

        def progress(stage: str, seconds: float, detail: str) -> None:
            if stage == "write":
                written.append(detail)
                self.echo(f"{time.strftime('%H:%M:%S')} wrote {detail} ({time.perf_counter() - start:.2f} s)")

        self.session.stages = Stages(progress)
        try:
            warnings = self.session.build(self.formats, self.force, early=True).warnings
        except ReportError as exc:
            # Only the PDF can fail once the HTML and DOCX are written.
            for line in exc.lines("the PDF not updated" if written else "outputs not updated"):
                self.echo(line)
        except Exception:  # a bug: say so, and keep watching
            self.echo(traceback.format_exc().rstrip())
            if self.session.worker:  # it may have died with the build
                self.session.restart_pdf()
        else:
            if warnings != self.shown:  # the same warnings are not repeated after every save
                for warning in warnings:
                    self.echo(f"warning: {warning}")
                self.shown = warnings
