"""Writing outputs safely: all of a build's files or none, each complete, the last good ones kept
when anything fails, and one build at a time per output folder."""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import ReportError
from .load.cache import CACHE_FOLDER
from .load.config import ReportConfig

LOCK_NAME = ".reportgen.lock"
JOURNAL_NAME = ".reportgen.renames"
# mkstemp's names: `.<output>.<8 random characters>.tmp` for an output, `tmp<8>.tmp` in the cache
_TEMPORARY = re.compile(r"\.[^/]+\.(?:pdf|html|docx|csv|json|xlsx|renames)\.[a-z0-9_]{8}\.tmp")
_CACHE_TEMPORARY = re.compile(r"tmp[a-z0-9_]{8}\.tmp")


def output_name(config: ReportConfig) -> str:
    """`output_name`, or OHCHR's suggested `<ACRONYM>_<submission>_UPR<session>_<State>_<YYYY-MM>`."""
    if config.output_name:
        return _safe(config.output_name)
    acronym = config.coalition.acronym or next((o.acronym for o in config.organisations if o.acronym), "")
    parts = [acronym, config.submission, f"UPR{config.session}" if config.session else "", config.state,
             config.date.strftime("%Y-%m") if config.date else ""]
    return _safe("_".join(p for p in parts if p)) or "report"


def output_file(name: str, extension: str) -> str:
    """The file of one output: the report itself, or its recommendations matrix."""
    from .renderers.export import FORMATS as MATRIX

    return f"{name}_recommendations.{extension}" if extension in MATRIX else f"{name}.{extension}"


def _safe(name: str) -> str:
    name = re.sub(r"\s+", "-", name.strip())
    return re.sub(r"[^\w.\-]", "", name).strip(".-") or "report"


def _prepare(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReportError(f"{folder}: cannot create the output folder: {exc.strerror}") from None


def _write_temporary(path: Path, data: bytes) -> Path:
    """Write `data` next to `path` under a temporary name, flushed to disk."""
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    temporary = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o644)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def write_outputs(files: dict[Path, bytes]) -> None:
    """Write every file or none: all go to temporary files first, then each is renamed into place.

    Between the first rename and the last, a journal in the folder lists them; a build killed
    there leaves it, and the next build completes the renames (`recover`) before anything else."""
    written: list[tuple[Path, Path]] = []
    try:
        for path, data in files.items():
            _prepare(path.parent)
            written.append((_write_temporary(path, data), path))
        journals = _journal(written)
    except BaseException as exc:
        for temporary, _ in written:
            temporary.unlink(missing_ok=True)
        if not isinstance(exc, OSError):
            raise
        where = exc.filename or next(iter(files)).parent
        raise ReportError(f"{where}: cannot write the outputs: {exc.strerror}; "
                          "the previous outputs are kept") from None
    for temporary, path in written:
        os.replace(temporary, path)
    for journal in journals:
        _sync_folder(journal.parent)
        journal.unlink()


def _journal(written: list[tuple[Path, Path]]) -> list[Path]:
    """Write, per folder, the journal of the renames to come (one rename needs none)."""
    folders: dict[Path, list[list[str]]] = {}
    for temporary, path in written:
        folders.setdefault(path.parent, []).append([temporary.name, path.name])
    journals = []
    for folder, renames in folders.items():
        if len(renames) > 1:
            journal = _write_temporary(folder / JOURNAL_NAME, json.dumps(renames).encode())
            os.replace(journal, folder / JOURNAL_NAME)
            journals.append(folder / JOURNAL_NAME)
    return journals


def recover(folder: Path) -> list[str]:
    """Before a build writes into `folder`: complete the renames of a build killed while making
    them, and remove the temporary files killed builds left. Returns what was done, to be said."""
    done = []
    journal = folder / JOURNAL_NAME
    try:
        renames = json.loads(journal.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        renames = []
    completed = []
    for temporary, name in renames if isinstance(renames, list) else ():
        if isinstance(temporary, str) and isinstance(name, str) and _TEMPORARY.fullmatch(temporary) \
                and "/" not in name and (folder / temporary).is_file():
            os.replace(folder / temporary, folder / name)
            completed.append(name)
    if completed:
        done.append(f"the previous build was stopped while it renamed its outputs into place; "
                    f"completed: {', '.join(completed)}")
    journal.unlink(missing_ok=True)
    for stale in [*folder.glob(".*.tmp"), *(folder / CACHE_FOLDER).glob("tmp*.tmp")]:
        if _TEMPORARY.fullmatch(stale.name) or _CACHE_TEMPORARY.fullmatch(stale.name):
            stale.unlink(missing_ok=True)
    return done


def _sync_folder(folder: Path) -> None:
    """Make the renames in `folder` durable (POSIX; elsewhere the file system does what it does)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:  # some file systems cannot sync a folder
        pass
    finally:
        os.close(fd)


@contextmanager
def build_lock(folder: Path, on_wait: Callable[[], None] = lambda: None) -> Iterator[list[str]]:
    """Hold the output folder's lock for a whole build; a second build waits for the first. Gives
    what `recover` did in the folder, for the build to say."""
    _prepare(folder)
    try:
        handle = open(folder / LOCK_NAME, "a+b")  # noqa: SIM115 (closed by the `with` below)
    except OSError as exc:
        raise ReportError(f"{folder}: cannot write the outputs here: {exc.strerror}") from None
    with handle:
        if not _try_lock(handle):
            on_wait()
            _lock(handle)
        yield recover(folder)


try:
    import fcntl

    def _try_lock(handle) -> bool:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False

    def _lock(handle) -> None:
        fcntl.flock(handle, fcntl.LOCK_EX)  # released when the file is closed

except ImportError:  # Windows
    import msvcrt
    import time

    def _try_lock(handle) -> bool:
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _lock(handle) -> None:
        while not _try_lock(handle):
            time.sleep(0.2)
