"""Hostile inputs at 1x, 10x and 100x their size: the time and peak memory of each, to show the slope.

    python benchmarks/adversarial.py                  -> a Markdown table, for the README
    python benchmarks/adversarial.py --only table,bib --scales 1,10

Each measurement runs in a fresh process (`--case NAME --scale N`), which prints its wall time and
its peak resident memory as JSON. Time that grows about 10 times per column is linear; the inputs
below grew 100 times per column before (quadratic) or did not finish. The sizes at 100x are those
of issue 19 (a 100 KB paragraph, a 100,000-character word, a 2,000 x 50 table, 100,000 entries, a
300 MB zip bomb, a 500 MB file in git's history).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CONFIG = ("title: Hostile input\nstate: Exampleland\nsession: 41\ncycle: 4\nsubmission: individual\n"
          "organisations:\n  - {name: Example Rights Watch, acronym: ERW}\nchecks: {rules: {WL-1: warning}}\n")


def project(folder: Path, section: str, bib: str = "", extra: dict | None = None) -> Path:
    files = {"report/report.yaml": CONFIG, "sections/01.md": section, "references.bib": bib, **(extra or {})}
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def load(root: Path) -> None:
    """Read and resolve the project, as a build's first stage; a located error is an outcome too."""
    from reportgen.errors import ReportError
    from reportgen.pipeline import Session

    with Session(root, pdf=False) as session:
        try:
            session.load()
        except ReportError:
            pass


def check(root: Path) -> None:
    from reportgen.pipeline import Session

    with Session(root, pdf=False) as session:
        session.check_project()


def build(root: Path, formats: tuple[str, ...]) -> None:
    from reportgen.pipeline import build as run_build

    run_build(root, formats, force=True)


def _table(rows: int) -> str:
    head = "| " + " | ".join(f"Column {i}" for i in range(50)) + " |\n|" + "---|" * 50 + "\n"
    return "# Table\n\n" + head + ("| " + " | ".join(f"cell {i}" for i in range(50)) + " |\n") * rows


def _bibliography(folder: Path, entries: int) -> Path:
    sys.path.insert(0, str(HERE))
    import generate

    return generate.write_project(folder, generate.Size(5480, 40, entries))


def _zip_bomb(folder: Path, megabytes: int) -> Path:
    """A DOCX reportgen built whose document.xml is replaced by one that inflates to `megabytes`."""
    root = project(folder / "p", "# T\n\nText.\n")
    build(root, ("docx",))
    built = next((root / "build").glob("*.docx"))
    bomb = folder / "bomb.docx"
    with zipfile.ZipFile(built) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                target.writestr(info.filename, source.read(info))
        with target.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(b"<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'>")
            for _ in range(megabytes):
                part.write(b" " * (1 << 20))
            part.write(b"</w:document>")
    return bomb


def _git_history(folder: Path, megabytes: int) -> Path:
    """A project whose previous commit holds a file of `megabytes` (not a report file) and an image
    of a tenth of that (a report file, streamed)."""
    root = project(folder, "# T\n\nText.\n")
    env = {**os.environ, "GIT_AUTHOR_NAME": "A", "GIT_AUTHOR_EMAIL": "a@example.org",
           "GIT_COMMITTER_NAME": "A", "GIT_COMMITTER_EMAIL": "a@example.org"}

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)

    git("init", "-q")
    (root / "data").mkdir()
    (root / "images").mkdir()
    with open(root / "data/dump.bin", "wb") as handle:
        handle.truncate(megabytes << 20)  # zeros: git stores them in no time
    with open(root / "images/big.png", "wb") as handle:
        handle.truncate(max(1, megabytes // 10) << 20)
    git("add", "-A")
    git("commit", "-qm", "big files")
    (root / "sections/01.md").write_text("# T\n\nNewer text.\n")
    return root


def _yaml_laughs(levels: int) -> str:
    items = ["- id: a0\n  note: &a0 [x, x, x, x, x, x, x, x, x, x]\n"]
    items += [f"- id: a{i}\n  note: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]\n" for i in range(1, levels)]
    return "".join(items) + f"- id: z\n  type: book\n  title: *a{levels - 1}\n"


# name: (what it is at 1x, what the scale multiplies, prepare(folder, scale) -> action)
CASES = {
    "note-calls": ("`[^` x 1,000 in a paragraph (2 KB)", "repetitions",
                   lambda f, s: lambda: load(project(f, "# T\n\n" + "[^" * (1000 * s) + "\n"))),
    "inline-notes": ("`^[` x 1,000 in a paragraph (2 KB)", "repetitions",
                     lambda f, s: lambda: load(project(f, "# T\n\n" + "^[" * (1000 * s) + "\n"))),
    "div-line": ("`::: a`, 1,000 spaces, a word", "spaces",
                 lambda f, s: lambda: load(project(f, "# T\n\n::: a" + " " * (1000 * s) + "b\ntext\n:::\n"))),
    "backticks": ("a letter and 1,000 backticks", "backticks",
                  lambda f, s: lambda: load(project(f, "# T\n\na" + "`" * (1000 * s) + "\n"))),
    "link-reference": ("`[a]: ` and `{{<` x 1,000 (3 KB), not a definition", "repetitions",
                       lambda f, s: lambda: load(project(f, "# T\n\n[a]: " + "{{<" * (1000 * s) + " x y\n"))),
    "long-word": ("a word of 1,000 letters, checked", "letters",
                  lambda f, s: lambda: check(project(f, "# T\n\nA " + "a" * (1000 * s) + " b.\n"))),
    "underscores": ("`_` x 1,000, checked", "characters",
                    lambda f, s: lambda: check(project(f, "# T\n\nA " + "_" * (1000 * s) + " b.\n"))),
    "emphasis": ("`*` x 500, `x`, `*` x 500", "asterisks",
                 lambda f, s: lambda: load(project(f, "# T\n\n" + "*" * (500 * s) + "x" + "*" * (500 * s) + "\n"))),
    "quotes": ("`>` x 500 before a sentence", "levels",
               lambda f, s: lambda: load(project(f, "# T\n\n" + ">" * (500 * s) + " text\n"))),
    "table": ("a 20 x 50 table, DOCX", "rows",
              lambda f, s: lambda: build(project(f, _table(20 * s)), ("docx",))),
    "bib": ("1,000 entries, 40 cited, loaded without cache", "entries",
            lambda f, s: (lambda root: lambda: load(root))(_bibliography(f, 1000 * s))),
    "braces": ("a title in 300 nested braces", "braces",
               lambda f, s: lambda: load(project(f, "# T\n\nText[@a].\n", "@misc{a, title = {" + "{" * (300 * s)
                                                 + "x" + "}" * (300 * s) + "}, year = 2020}\n"))),
    "crossrefs": ("30 entries, each the crossref of the one before", "entries",
                  lambda f, s: lambda: load(project(f, "# T\n\nText[@e0].\n", "".join(
                      f"@book{{e{i}, title = {{T{i}}}, crossref = {{e{i + 1}}}}}\n" for i in range(30 * s))
                      + f"@book{{e{30 * s}, title = {{Last}}, year = 2020}}\n"))),
    "zip-bomb": ("`comments` on a DOCX whose document.xml inflates to 3 MB", "megabytes",
                 lambda f, s: (lambda bomb: lambda: _comments(bomb))(_zip_bomb(f, 3 * s))),
    "git-history": ("`diff HEAD` with a 5 MB file and a 0.5 MB image in the commit", "megabytes",
                    lambda f, s: (lambda root: lambda: _diff(root))(_git_history(f, 5 * s))),
    "yaml-aliases": ("CSL-YAML with aliases 3 deep (10^3 values)", "a level per 10x",
                     lambda f, s: lambda: load(project(f, "# T\n\nText[@z].\n", extra={
                         "references.yaml": _yaml_laughs(3 + len(str(s)) - 1),
                         "report/report.yaml": CONFIG + "bibliography: references.yaml\n"}))),
}


def _comments(bomb: Path) -> None:
    from reportgen.errors import ReportError
    from reportgen.review.marks import read_docx

    try:
        read_docx(bomb)
    except ReportError:
        pass


def _diff(root: Path) -> None:
    from reportgen.review.compare import compare

    compare(root, "HEAD", None, ("html",))


def warm_up(folder: Path) -> None:
    """Import and prime what every case uses (parsers, rules, the DOCX reference), so that the time
    measured is the input's, not the libraries' loading."""
    root = project(folder, "# T\n\nText[@a] and *more*.\n", "@misc{a, title = {T}, year = 2020}\n")
    check(root)
    build(root, ("html", "docx"))


def measure(case: str, scale: int) -> dict:
    """In this process: prepare the input, then time the action; with the peak memory of the process."""
    with tempfile.TemporaryDirectory(prefix="reportgen-hostile-") as folder:
        warm_up(Path(folder) / "warm")
        action = CASES[case][2](Path(folder) / "case", scale)
        start = time.perf_counter()
        action()
        seconds = time.perf_counter() - start
    return {"seconds": seconds, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def run(case: str, scale: int) -> dict:
    result = subprocess.run([sys.executable, __file__, "--case", case, "--scale", str(scale)], capture_output=True,
                            text=True, timeout=3600)
    if result.returncode:
        return {"error": result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "failed"}
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case")
    parser.add_argument("--scale", type=int)
    parser.add_argument("--only", default=",".join(CASES))
    parser.add_argument("--scales", default="1,10,100")
    args = parser.parse_args()
    if args.case:
        print(json.dumps(measure(args.case, args.scale)))
        return
    scales = [int(s) for s in args.scales.split(",")]
    print("| input (1x) | grows by | " + " | ".join(f"{s}x" for s in scales) + " | last / first |")
    print("|---|---|" + "---:|" * len(scales) + "---:|")
    for case in args.only.split(","):
        what, unit, _ = CASES[case]
        cells = [run(case, scale) for scale in scales]
        shown = [f"{c['seconds']:.2f} s, {c['rss_mb']:.0f} MB" if "error" not in c else c["error"] for c in cells]
        ratio = (f"{cells[-1]['seconds'] / cells[0]['seconds']:.1f}x" if all("error" not in c for c in cells)
                 and cells[0]["seconds"] > 0 else "")
        print(f"| {case}: {what} | {unit} | " + " | ".join(shown) + f" | {ratio} |", flush=True)


if __name__ == "__main__":
    if shutil.which("git") is None:
        CASES.pop("git-history")
    main()
