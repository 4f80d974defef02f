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

from .errors import ReportError, warning_line
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
    with Session(project_dir, output_dir, pdf="pdf" in formats) as session:
        follow(session, Watcher(session, formats, force, echo).build, echo, interval, stop)


def follow(session: Session, build: Callable[[], None], echo: Echo = print, interval: float = 0.05,
           stop: threading.Event | None = None) -> None:
    """Call `build` now, then again each time the session's project files change, until `stop` is
    set (or Ctrl-C). `watch` and `serve` both run this loop."""
    stop = stop or threading.Event()
    root, folder = session.project.root, session.folder
    seen: dict | None = snapshot(root, folder)
    build()
    echo(f"watching {root} for changes (Ctrl-C stops)")
    while (seen := wait_for_change(root, folder, seen, interval, stop)) is not None:
        build()


def wait_for_change(root: Path, output: Path, seen: dict, interval: float, stop: threading.Event,
                    settle: float = 0.05) -> dict | None:
    """The new snapshot once files changed and stayed still for `settle` seconds (an editor may save
    in steps); None when stopped. A look at a project's files costs well under a millisecond."""
    while not stop.wait(interval):
        now = snapshot(root, output)
        if now != seen:
            while not stop.wait(settle):
                settled, now = now, snapshot(root, output)
                if settled == now:
                    return now
    return None


class Events:
    """What a `Watcher` tells whoever follows its builds (`serve`'s page); here each does nothing.
    `wrote` and `failed` may come from the session's background thread (the DOCX and the PDF)."""

    def started(self) -> None:
        """A build starts."""

    def checked(self, result) -> None:
        """The project loaded and was checked (a `check.findings.Result`)."""

    def wrote(self, files: list[Path]) -> None:
        """Outputs were written: the HTML first, then the DOCX, then the PDF when it is laid out."""

    def failed(self, lines: list[str]) -> None:
        """The build stopped on mistakes (`path:line: message` lines, then what became of the outputs)."""

    def finished(self) -> None:
        """The build is over, well or not, but for its DOCX and PDF, which follow (or are cancelled
        by the next save)."""


class Watcher:
    """One build after another in a warm session; mistakes are shown, not raised, and `events` hears
    of each step. The HTML is written first; the DOCX and PDF follow from the session's background
    thread, and a newer save cancels them."""

    def __init__(self, session: Session, formats: tuple[str, ...], force: bool, echo: Echo,
                 events: Events | None = None):
        self.session, self.formats, self.force, self.echo = session, formats, force, echo
        self.events = events or Events()
        self.shown: dict[str, list[str]] = {}  # the warnings shown last, of the build and of its background

    def build(self) -> None:
        start = time.perf_counter()

        def progress(stage: str, seconds: float, detail: str) -> None:
            if stage == "write":
                self.events.wrote([self.session.folder / name for name in detail.split(", ")])
                self.echo(f"{time.strftime('%H:%M:%S')} wrote {detail} ({time.perf_counter() - start:.2f} s)")

        self.session.stages = Stages(progress)
        self.events.started()
        try:
            built = self.session.rebuild(self.formats, self.force, then=self.followed,
                                         on_checked=self.events.checked)
        except ReportError as exc:
            self.fail(exc.lines("outputs not updated"))
        except Exception:  # a bug: say so, and keep watching
            self.echo(traceback.format_exc().rstrip())
            self.events.failed(["reportgen: an internal error (a bug), shown in the terminal; outputs not updated"])
        else:
            self.show("build", built.warnings)
        finally:
            self.events.finished()

    def followed(self, result: Built | BaseException) -> None:
        """What the background made (in its thread): its warnings, or what stopped it."""
        if isinstance(result, ReportError):  # only the PDF can fail once the HTML is written
            self.fail(result.lines("the PDF not updated"))
        elif isinstance(result, BaseException):
            self.echo("".join(traceback.format_exception(result)).rstrip())
            self.events.failed(["reportgen: an internal error (a bug), shown in the terminal; the PDF not updated"])
        else:
            self.show("background", result.warnings)

    def fail(self, lines: list[str]) -> None:
        for line in lines:
            self.echo(line)
        self.events.failed(lines)

    def show(self, part: str, warnings: list[str]) -> None:
        if warnings != self.shown.get(part):  # the same warnings are not repeated after every save
            for warning in warnings:
                self.echo(warning_line(warning))
            self.shown[part] = warnings
