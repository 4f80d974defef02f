"""Shared fixtures: small report projects written from a dict of files, and the example project."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

MINIMAL_CONFIG = """\
title: A test report
state: Exampleland
session: 41
cycle: 4
submission: individual
organisations:
  - {name: Example Rights Watch, acronym: ERW}
"""

MINIMAL_BIB = """\
@report{ohchr2020,
  author = {{Office of the High Commissioner for Human Rights}},
  title = {Annual report on {UPR} follow-up},
  number = {A/HRC/43/3},
  year = {2020},
  url = {https://example.org/report.pdf},
  urldate = {2021-03-17},
}
@book{smith2020,
  author = {Smith, Jane and M{\\"u}ller, Hans},
  title = {Human Rights Advocacy: A Handbook},
  publisher = {Oxford University Press},
  location = {Oxford},
  edition = {2},
  year = {2020},
}
"""


def write_project(root: Path, files: dict[str, str]) -> Path:
    """Write a project: every value is dedented; report.yaml and references.bib get defaults."""
    files = {"report/report.yaml": MINIMAL_CONFIG, "references.bib": MINIMAL_BIB, **files}
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


@pytest.fixture
def project(tmp_path):
    """A factory: project({"sections/01.md": "..."}) writes a project and returns its folder."""
    def make(files: dict[str, str]) -> Path:
        return write_project(tmp_path / "project", files)
    return make


@pytest.fixture(scope="session")
def example_model():
    """The resolved model of the repository's own example report."""
    from reportgen.load.project import Project
    from reportgen.pipeline import load_model
    return load_model(Project.at(ROOT))


# Ground truth: the review tests record how many marks each client's file gave back at the right
# file and line, and the figures are printed at the end of the run (the README quotes them).
ACCURACY: dict[str, tuple[int, int]] = {}


def record_accuracy(client: str, right: int, total: int) -> None:
    ACCURACY[client] = (right, total)


def pytest_terminal_summary(terminalreporter):
    if ACCURACY:
        terminalreporter.section("review marks traced to the right file and line")
        for client, (right, total) in sorted(ACCURACY.items()):
            terminalreporter.write_line(f"{client}: {right}/{total}")
