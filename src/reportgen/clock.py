"""The one clock of a build: now, or SOURCE_DATE_EPOCH for reproducible output."""

from __future__ import annotations

import os
from datetime import UTC, datetime

from .errors import ReportError


def build_time() -> datetime:
    """The build's timestamp, in UTC, taken from SOURCE_DATE_EPOCH when it is set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        return datetime.now(UTC).replace(microsecond=0)
    try:
        return datetime.fromtimestamp(int(epoch), UTC)
    except (ValueError, OverflowError, OSError):
        raise ReportError(f"SOURCE_DATE_EPOCH must be a number of seconds since 1970, not {epoch!r}") from None
