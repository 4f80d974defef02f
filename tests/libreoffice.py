"""LibreOffice as the real client in tests: one way to convert files headless, with a private profile."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def soffice(why: str) -> str:
    """The LibreOffice command, or skip the test saying what it needed LibreOffice for."""
    command = shutil.which("soffice") or shutil.which("libreoffice")
    if command is None:
        pytest.skip(f"LibreOffice (soffice) is needed: {why}")
    return command


def convert(files: list[Path], target: str, outdir: Path, why: str) -> list[Path]:
    """Convert `files` to `target` (a format, optionally with a filter: `pdf`, `csv:…`) into `outdir`.

    The profile lives in `outdir`, so parallel runs never share one. Returns the converted files."""
    command = soffice(why)
    result = subprocess.run([command, f"-env:UserInstallation={(outdir / 'lo-profile').as_uri()}", "--headless",
                             "--convert-to", target, "--outdir", str(outdir), *map(str, files)],
                            capture_output=True, text=True, timeout=300)
    extension = target.split(":")[0]
    converted = [outdir / f"{path.stem}.{extension}" for path in files]
    missing = [path.name for path in converted if not path.is_file()]
    assert result.returncode == 0 and not missing, f"LibreOffice did not convert {missing}: {result.stderr}"
    return converted


def version(why: str) -> str:
    return subprocess.run([soffice(why), "--version"], capture_output=True, text=True).stdout
