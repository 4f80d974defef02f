"""Notes in a CSL style, reportgen against Pandoc: the fixture bibliography of every BibLaTeX type
(tests/fixtures/biblatex/references.bib), each entry cited plain and then with a locator, formatted by
reportgen (its BibLaTeX reader, then Pandoc's citeproc) and by Pandoc alone (its own BibLaTeX reader).

    .venv/bin/python benchmarks/csl_compare.py [--diff]

Prints, per style, how many notes are the same, and with --diff each note that is not.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from tests.conftest import write_project  # noqa: E402
from tests.test_note_fixture import EXPECTED  # noqa: E402

from reportgen import model as m  # noqa: E402
from reportgen.errors import Source  # noqa: E402
from reportgen.load.project import Project  # noqa: E402
from reportgen.pipeline import load_model  # noqa: E402
from reportgen.transforms import csl  # noqa: E402

STYLES = ROOT / "tests" / "fixtures" / "csl"
BIB = ROOT / "tests" / "fixtures" / "biblatex" / "references.bib"
# Pandoc has no @set: both sides cite its members instead.
KEYS = [key for key in EXPECTED if key != "doe:parts"] + ["doe:part1", "doe:part2"]


def body() -> str:
    return " ".join(f"A[@{key}]." for key in KEYS) + "\n\n" + " ".join(f"B[@{key}, p. 5]." for key in KEYS) + "\n"


def ours(style: str, folder: Path) -> list[str]:
    root = write_project(folder / "ours", {"sections/01.md": body(), "references.bib": BIB.read_text(),
                                           "style.csl": (STYLES / style).read_text(),
                                           "report/report.yaml": "title: T\ncsl: style.csl\n"})
    return [m.plain_text(note.blocks).rstrip(".") for note in load_model(Project.at(root)).notes]


def pandocs(style: str, folder: Path) -> list[str]:
    source = folder / "pandoc.md"
    source.write_text(body(), encoding="utf-8")
    done = subprocess.run([csl.pandoc_path(), str(source), "--to", "json", "--citeproc", "--csl", str(STYLES / style),
                           "--bibliography", str(BIB), "--metadata", "suppress-bibliography=true"],
                          capture_output=True, text=True, check=True)
    found = csl._rendered(json.loads(done.stdout))
    # Pandoc moves the sentence's full stop in front of the note: the note is what counts.
    notes = [next(([i] for i in inlines if i.get("t") == "Note"), inlines) for inlines in found]
    return [m.plain_text(csl._inlines(csl._unwrap(inlines, False), Source("x"), "en")).rstrip(".")
            for inlines in notes]


def main() -> None:
    show = "--diff" in sys.argv
    for style in ("chicago-notes-bibliography-17th-edition.csl", "oscola.csl", "apa.csl"):
        with tempfile.TemporaryDirectory() as folder:
            mine, theirs = ours(style, Path(folder)), pandocs(style, Path(folder))
        keys = KEYS + [f"{key} (later)" for key in KEYS]
        differ = [(key, a, b) for key, a, b in zip(keys, mine, theirs, strict=True) if a != b]
        print(f"{style}: {len(mine) - len(differ)} of {len(mine)} notes the same as Pandoc's")
        for key, a, b in differ if show else ():
            print(f"  {key}\n    reportgen: {a}\n    pandoc:    {b}")


if __name__ == "__main__":
    main()
