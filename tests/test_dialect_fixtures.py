"""The Markdown dialect, documented by its fixture files: tests/fixtures/dialect/*.md.

Each case is written as in markdown-it-py's own fixtures: a title line, a line `.`, the Markdown of
one section file, a line `.`, the model that loading makes of it (tests/model_dump.py) followed by
the problems reported, each as `! path:line: message` (a first line `Section ...` gives what the front
matter says of the section), and a closing line `.`. The Markdown is loaded
as the only section of a small project, so that heading ids, links and images are checked as in a
build. `python -m tests.test_dialect_fixtures` rewrites the expected parts from the current code:
read the diff before committing it.
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from markdown_it.utils import read_fixture_file

from reportgen.errors import Problems
from reportgen.load.project import Project, load_document

from .conftest import write_project
from .model_dump import dump
from .test_pandoc_corpus import write_png

FIXTURES = Path(__file__).parent / "fixtures" / "dialect"
PATH = "sections/01.md"


def cases() -> list:
    return [pytest.param(path, line, title, text, expected, id=f"{path.stem}:{line + 1}")
            for path in sorted(FIXTURES.glob("*.md"))
            for line, title, text, expected in read_fixture_file(path)]


def loaded(text: str, root: Path) -> str:
    """The dump of `text` loaded as a section, then the problems met."""
    write_project(root, {PATH: text})
    write_png(root / "sections" / "logo.png")
    problems = Problems()
    document = load_document(Project.at(root), problems)
    section = next((s for s in document.sections if s.source.path == PATH), None)
    lines = dump(section.blocks) if section else []
    if section:  # what the front matter says of the section, when it says anything
        head = dump(replace(section, blocks=()))[0]
        lines[:0] = [head] if head != "Section @1" else []
        lines[:0] = [f"references: {', '.join(f'{e.key} ({e.type})' for e in section.references)}"
                     ] if section.references else []
    lines += [f"! {problem}" for problem in problems.items]
    return "".join(line + "\n" for line in lines)


@pytest.mark.parametrize("path, line, title, text, expected", cases())
def test_dialect(path, line, title, text, expected, tmp_path):
    assert loaded(text, tmp_path) == expected, f"{path.name}:{line + 1}: {title}"


def update() -> None:
    """Rewrite every case's expected part from what the code makes now."""
    for path in sorted(FIXTURES.glob("*.md")):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        out, dots = [], 0
        for i, line in enumerate(lines):
            if line.rstrip() != ".":
                if dots % 3 != 2:
                    out.append(line)
                continue
            dots += 1
            if dots % 3 == 2:  # the second dot: the input ends here
                start = max(j for j in range(i) if lines[j].rstrip() == ".")
                with tempfile.TemporaryDirectory() as root:
                    out.append(line)
                    try:
                        out.append(loaded("".join(lines[start + 1:i]), Path(root)))
                    except Exception as exc:  # shown in the file, to be fixed
                        out.append(f"!! {type(exc).__name__}: {exc}\n")
                continue
            out.append(line)
        path.write_text("".join(out), encoding="utf-8")


if __name__ == "__main__":
    update()
    sys.exit(0)
