"""The latest `reportgen comments` run, kept for `reportgen status`: `build/reportgen-comments.json`.

The file is JSON: `{"version": 1, "written": "<ISO time>", "reviewed": ["<file name>", ...],
"remarks": [{"path", "line", "kind", "author", "date", "text", "reply_to", ...}, ...]}`, one remark per
comment or tracked change as `comments --format json` gives it (other keys are kept as they come). A
remark is open when it is a comment that starts a thread (no `reply_to`) and is not `"resolved": true`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..outputs import write_outputs

LEDGER = "reportgen-comments.json"
VERSION = 1


@dataclass(frozen=True)
class Ledger:
    written: str  # when the run was made, ISO 8601 in UTC
    reviewed: tuple[str, ...]  # the reviewers' files it read
    remarks: tuple[dict, ...]

    def open(self) -> list[dict]:
        """The comments still open: each thread's first comment, unless resolved."""
        return [r for r in self.remarks if r.get("kind") == "comment" and not r.get("reply_to")
                and not r.get("resolved")]


def save(folder: Path, reviewed: list[str], remarks: list[dict], now: datetime | None = None) -> Path:
    """Keep a run's remarks in the output folder `folder`, replacing the previous run's."""
    now = now or datetime.now(UTC)
    data = {"version": VERSION, "written": now.astimezone(UTC).isoformat(timespec="seconds"),
            "reviewed": list(reviewed), "remarks": list(remarks)}
    path = folder / LEDGER
    write_outputs({path: (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")})
    return path


def load(folder: Path) -> Ledger | None:
    """The latest run kept in `folder`; None when there is none, or it cannot be read (a warning is the
    caller's to give)."""
    try:
        data = json.loads((folder / LEDGER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("remarks"), list):
        return None
    remarks = tuple(r for r in data["remarks"] if isinstance(r, dict))
    return Ledger(str(data.get("written", "")), tuple(map(str, data.get("reviewed", ()))), remarks)
