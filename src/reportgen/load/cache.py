"""Parsed inputs kept between builds: a section file or the bibliography is parsed again only when
its bytes, the settings its parsing reads, or reportgen and its parsers change.

Each input has one file in the cache folder (`build/.cache/`), holding the key it was parsed under,
the parsed value and the problems met on the way, which are reported again on every build. The
folder is safe to delete. A file that cannot be read is parsed again, never trusted: it is unpickled
by an unpickler that rebuilds only reportgen's own data classes, so a planted file cannot run code.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import io
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from ..errors import Problems

T = TypeVar("T")

CACHE_FOLDER = ".cache"  # in the output folder
PACKAGE = Path(__file__).parent
PARSERS = ("markdown_it", "mdit_py_plugins", "bibtexparser", "pylatexenc", "yaml")
# The modules whose classes a cached value may hold.
_DATA_MODULES = {"reportgen.model", "reportgen.errors", "reportgen.load.bibliography"}


@functools.cache
def code_fingerprint() -> bytes:
    """What parsing depends on besides its input: Python, reportgen's code and the parsers' installs."""
    digest = hashlib.sha256(sys.version.encode())
    for path in sorted(PACKAGE.rglob("*.py")):
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes())
    for module in PARSERS:  # an upgrade rewrites the files, so their size and time change
        spec = importlib.util.find_spec(module)
        origin = Path(spec.origin) if spec and spec.origin else None
        if origin and origin.is_file():
            stat = origin.stat()
            digest.update(f"{origin}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.digest()


class _DataUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        if module in _DATA_MODULES:
            found = getattr(sys.modules.get(module) or __import__(module, fromlist=[name]), name, None)
            if isinstance(found, type) and found.__module__ == module:
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not reportgen data")


class ParseCache:
    """Parsed inputs by name, in memory and, given a folder, on disk."""

    def __init__(self, folder: Path | None = None):
        self.folder = folder
        self.memory: dict[str, tuple[bytes, object, list]] = {}
        self.hits = self.misses = 0

    def parse(self, name: str, data: bytes, settings: str, make: Callable[[Problems], T], problems: Problems) -> T:
        """`make(problems)` for the input `name` holding `data`, parsed under `settings`, or what it
        gave last time for the same key; the problems it met are added to `problems` either way."""
        key = hashlib.sha256(b"\0".join([code_fingerprint(), name.encode(), settings.encode(), data])).digest()
        entry = self.memory.get(name)
        if entry is None or entry[0] != key:
            entry = self._read(name)
        if entry is not None and entry[0] == key:
            self.hits += 1
        else:
            self.misses += 1
            found = Problems()
            entry = (key, make(found), found.items)
            self._write(name, entry)
        self.memory[name] = entry
        problems.extend(entry[2])
        return entry[1]

    def keep(self, name: str) -> None:
        """Write the value of `name` to disk again: it learnt something since it was parsed (the
        bibliography, the references decoded for a build), which the next process reads back."""
        entry = self.memory.get(name)
        if entry is not None:
            self._write(name, entry)

    def _path(self, name: str) -> Path:
        return self.folder / (hashlib.sha256(name.encode()).hexdigest()[:24] + ".pickle")

    def _read(self, name: str) -> tuple | None:
        if self.folder is None:
            return None
        try:
            with open(self._path(name), "rb") as handle:
                entry = _DataUnpickler(io.BytesIO(handle.read())).load()
        except Exception:  # missing, truncated, from another version, or not ours: parse again
            return None
        return entry if isinstance(entry, tuple) and len(entry) == 3 else None

    def _write(self, name: str, entry: tuple) -> None:
        if self.folder is None:
            return
        try:  # a cache that cannot be written only costs time
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(entry, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self._path(name))
        except BaseException as exc:  # interrupted too: no temporary file is left behind
            Path(temporary).unlink(missing_ok=True)
            if not isinstance(exc, OSError):
                raise
