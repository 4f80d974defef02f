"""The CI files `reportgen init` writes, and how they install reportgen: the pip requirement of the
reportgen that runs `init`, when pip recorded where it came from (PEP 610's direct_url.json)."""

from __future__ import annotations

import json
import subprocess
from importlib import metadata
from pathlib import Path
from urllib.parse import urlparse

CI_FILES = {".github/workflows/report.yml": "github-workflow.yml", ".gitlab-ci.yml": "gitlab-ci.yml"}


def reportgen_requirement() -> str:
    """`reportgen @ <url>` for the installed reportgen when CI can fetch it (a git repository's remote
    and commit, an archive's address); "" when it was installed from a local folder without a remote."""
    try:
        data = json.loads(metadata.distribution("reportgen").read_text("direct_url.json") or "{}")
    except (metadata.PackageNotFoundError, ValueError):
        return ""
    url = data.get("url", "")
    vcs = data.get("vcs_info")
    if vcs and vcs.get("commit_id"):
        return f"reportgen @ {vcs.get('vcs', 'git')}+{url}@{vcs['commit_id']}"
    if url.startswith(("https://", "http://")):
        return f"reportgen @ {url}"
    if url.startswith("file://"):
        return _from_checkout(Path(urlparse(url).path))
    return ""


def _from_checkout(folder: Path) -> str:
    """A local git checkout of reportgen: its remote `origin` at the commit checked out, if any."""
    def git(*args: str) -> str:
        result = subprocess.run(["git", "-c", "core.fsmonitor=", "-C", str(folder), *args], capture_output=True,
                                text=True, timeout=10)
        return result.stdout.strip() if result.returncode == 0 else ""

    try:
        remote, commit = git("remote", "get-url", "origin"), git("rev-parse", "HEAD")
    except (OSError, subprocess.SubprocessError):
        return ""
    if remote.startswith(("https://", "ssh://", "git@")) and commit:
        remote = "ssh://" + remote.replace(":", "/", 1) if remote.startswith("git@") else remote
        return f"reportgen @ git+{remote}@{commit}"
    return ""
