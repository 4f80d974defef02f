"""Writing outputs atomically: a file appears complete or not at all, and the last good one survives."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from .config import ReportConfig
from .errors import ReportError


def output_name(config: ReportConfig) -> str:
    """`output_name`, or OHCHR's suggested `<ACRONYM>_<submission>_UPR<session>_<State>_<YYYY-MM>`."""
    if config.output_name:
        return _safe(config.output_name)
    acronym = config.coalition.acronym or next((o.acronym for o in config.organisations if o.acronym), "")
    parts = [acronym, config.submission, f"UPR{config.session}" if config.session else "", config.state,
             config.date.strftime("%Y-%m") if config.date else ""]
    return _safe("_".join(p for p in parts if p)) or "report"


def _safe(name: str) -> str:
    name = re.sub(r"\s+", "-", name.strip())
    return re.sub(r"[^\w.\-]", "", name).strip(".-") or "report"


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder and an atomic rename."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise ReportError(f"{path.parent}: cannot write the outputs here: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise ReportError(f"{path}: cannot write: {exc.strerror}; the previous version is kept") from None
