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
    with Session(project_dir, output_dir, pdf="pdf" in formats) as session:
        follow(session, Watcher(session, formats, force, echo).build, echo, interval, stop)


def follow(session: Session, build: Callable[[], None], echo: Echo = print, interval: float = 0.3,
           stop: threading.Event | None = None) -> None:
    """Call `build` now, then again each time the session's project files change, until `stop` is
    set (or Ctrl-C). `watch` and `serve` both run this loop."""
    stop = stop or threading.Event()
    root, folder = session.project.root, session.folder
    seen: dict | None = snapshot(root, folder)
    build()
    echo(f"watching {root} for changes (Ctrl-C stops)")
    while (seen := _wait_for_change(root, folder, seen, interval, stop)) is not None:
        build()


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


class Events:
    """What a `Watcher` tells whoever follows its builds (`serve`'s page); here each does nothing."""

    def checked(self, result) -> None:
        """The project loaded and was checked (a `check.findings.Result`)."""

    def wrote(self, files: list[Path]) -> None:
        """Outputs were written: the HTML and DOCX first, the PDF when it is laid out."""

    def failed(self, lines: list[str]) -> None:
        """The build stopped on mistakes (`path:line: message` lines, then what became of the outputs)."""

    def finished(self) -> None:
        """The build is over, well or not."""


class Watcher:
    """One build after another in a warm session; mistakes are shown, not raised, and `events` hears
    of each step."""

    def __init__(self, session: Session, formats: tuple[str, ...], force: bool, echo: Echo,
                 events: Events | None = None):
        self.session, self.formats, self.force, self.echo = session, formats, force, echo
        self.events = events or Events()
        self.shown: list[str] = []  # the warnings shown last

    def build(self) -> None:
        start, written = time.perf_counter(), []

        def progress(stage: str, seconds: float, detail: str) -> None:
            if stage == "write":
                written.append(detail)
                self.echo(f"{time.strftime('%H:%M:%S')} wrote {detail} ({time.perf_counter() - start:.2f} s)")
                self.events.wrote([self.session.folder / name for name in detail.split(", ")])

        self.session.stages = Stages(progress)
        try:
            warnings = self.session.build(self.formats, self.force, early=True,
                                          on_checked=self.events.checked).warnings
        except ReportError as exc:
            # Only the PDF can fail once the HTML and DOCX are written.
            lines = exc.lines("the PDF not updated" if written else "outputs not updated")
            for line in lines:
                self.echo(line)
            self.events.failed(lines)
        except Exception:  # a bug: say so, and keep watching
            self.echo(traceback.format_exc().rstrip())
            self.events.failed(["reportgen: an internal error (a bug), shown in the terminal; outputs not updated"])
            if self.session.worker:  # it may have died with the build
                self.session.restart_pdf()
        else:
            if warnings != self.shown:  # the same warnings are not repeated after every save
                for warning in warnings:
                    self.echo(f"warning: {warning}")
                self.shown = warnings
        finally:
            self.events.finished()
