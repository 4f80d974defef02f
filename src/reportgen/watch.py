"""`reportgen watch`: build, then build again whenever a file of the project is saved.

The process stays warm between builds: libraries loaded, parsed files in memory (only what changed
is parsed again), each section's HTML (only what changed is rendered again), and the PDF process
with WeasyPrint loaded. The HTML is written first; the DOCX and the PDF follow in the background,
and a newer save cancels them. Files are polled, which works on every system and file system; a
mistake is shown as `path:line: message` and the watcher goes on.
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
from .pipeline import DEFAULT_FORMATS, Built, Session, Stages

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
          output_dir: str | Path | None = None, echo: Echo = print, force: bool = False, interval: float = 0.05,
          stop: threading.Event | None = None) -> None:
    """Build now and after every change until `stop` is set (or Ctrl-C)."""
    stop = stop or threading.Event()
    with Session(project_dir, output_dir, pdf="pdf" in formats) as session:
        watcher = _Watcher(session, formats, force, echo)
        root, folder = session.project.root, session.folder
        seen: dict | None = snapshot(root, folder)
        watcher.build()
        echo(f"watching {root} for changes (Ctrl-C stops)")
        while (seen := wait_for_change(root, folder, seen, interval, stop)) is not None:
            watcher.build()


def wait_for_change(root: Path, output: Path, seen: dict, interval: float, stop: threading.Event,
                    settle: float = 0.05) -> dict | None:
    """The new snapshot once files changed and stayed still for `settle` seconds (an editor may save
    in steps); None when stopped. Looking at a project's files costs well under a millisecond."""
    while not stop.wait(interval):
        now = snapshot(root, output)
        if now != seen:
            while not stop.wait(settle):
                settled, now = now, snapshot(root, output)
                if settled == now:
                    return now
    return None


class _Watcher:
    """One build after another in a warm session; mistakes are shown, not raised. The HTML is
    written first; the DOCX and PDF follow from the session's background thread, and a newer save
    cancels them."""

    def __init__(self, session: Session, formats: tuple[str, ...], force: bool, echo: Echo):
        self.session, self.formats, self.force, self.echo = session, formats, force, echo
        self.shown: dict[str, list[str]] = {}  # the warnings shown last, of the build and of its background

    def build(self) -> None:
        start = time.perf_counter()

        def progress(stage: str, seconds: float, detail: str) -> None:
            if stage == "write":
                self.echo(f"{time.strftime('%H:%M:%S')} wrote {detail} ({time.perf_counter() - start:.2f} s)")

        self.session.stages = Stages(progress)
        try:
            built = self.session.rebuild(self.formats, self.force, then=self.finished)
        except ReportError as exc:
            for line in exc.lines("outputs not updated"):
                self.echo(line)
        except Exception:  # a bug: say so, and keep watching
            self.echo(traceback.format_exc().rstrip())
        else:
            self.show("build", built.warnings)

    def finished(self, result: Built | BaseException) -> None:
        """What the background made (in its thread): its warnings, or what stopped it."""
        if isinstance(result, ReportError):  # only the PDF can fail once the HTML is written
            for line in result.lines("the PDF not updated"):
                self.echo(line)
        elif isinstance(result, BaseException):
            self.echo("".join(traceback.format_exception(result)).rstrip())
        else:
            self.show("background", result.warnings)

    def show(self, part: str, warnings: list[str]) -> None:
        if warnings != self.shown.get(part):  # the same warnings are not repeated after every save
            for warning in warnings:
                self.echo(f"warning: {warning}")
            self.shown[part] = warnings
