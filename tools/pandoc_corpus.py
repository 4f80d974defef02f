"""Build Pandoc's own Markdown test inputs as reportgen sections and report what goes wrong.

Each input (the Markdown of every `% pandoc` block of test/command/*.md that reads Markdown, and
the reader tests test/*.txt, test/odt/markdown/*.md) is the only section of a small project, built
to PDF, HTML and DOCX in a worker process with a time limit. A case fails on a traceback, a hang, a
problem without `path:line`, a DOCX the schemas reject, a word Pandoc's plain writer keeps that the
PDF text (pdftotext, and its figures' alternative text) or the DOCX text lacks, or a Markdown sign
(`*`, `{` ...) the DOCX prints more often than Pandoc does, unless a located warning points at its
paragraph. Each cited key gets an entry, each image a picture, and a link to a file a web address,
so that the whole input is built.

    .venv/bin/python tools/pandoc_corpus.py [--pandoc DIR] [--only REGEX] [--failed] [--jobs 2]

DIR is a clone of Pandoc's repository (bare or not; default /work/.mirror/jgm+pandoc/repo).
Results go to build/pandoc_corpus.json; `--failed` builds again only the cases that failed there.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import multiprocessing.connection
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "build" / "pandoc_corpus.json"
READER_TESTS = ("test/testsuite.txt", "test/tables.txt", "test/pipe-tables.txt", "test/markdown-reader-more.txt",
                "test/markdown-citations.txt")
_FROM = re.compile(r"(?:-f|--from|-r|--read)[ =]?(\S+)")
_LOCATED = re.compile(r"^sections/01\.md:(\d+)(?::\d+)?: ")
_MARKUP = "*^~\\{}`"  # Markdown's signs: one printed more often than Pandoc prints it is markup shown as text
_NO_ALT = re.compile(r"PDF: image '.*' has no alternative text")  # check's AC-1 gives the line
_KEY = re.compile(r"(?<![\w@])-?@\{?([\w][\w:.#$%&+?<>~/-]*\w|\w)")


# Cases ------------------------------------------------------------------------------------------

def git(repo: Path, *args: str) -> str:
    where = ["--git-dir", str(repo)] if (repo / "HEAD").is_file() else ["-C", str(repo)]
    return subprocess.run(["git", *where, *args], capture_output=True, text=True, check=True).stdout


def command_cases(name: str, text: str) -> list[tuple[str, str]]:
    """The Markdown inputs of a command test: `% pandoc ARGS`, the input, `^D`."""
    out, lines = [], text.split("\n")
    for i, line in enumerate(lines):
        if not line.startswith("% pandoc"):
            continue
        found = _FROM.search(line)
        if found and not re.fullmatch(r"markdown(?:[+-]\w+)*", found[1]):
            continue
        end = next((j for j in range(i + 1, len(lines)) if lines[j] == "^D"), None)
        if end is not None:
            out.append((f"{name}:{i + 1}", "\n".join(lines[i + 1:end]) + "\n"))
    return out


def all_cases(repo: Path) -> list[tuple[str, str]]:
    """(name, Markdown) of every input, the first of identical inputs only."""
    files = git(repo, "ls-tree", "-r", "--name-only", "HEAD", "test/").split("\n")
    cases = []
    for path in files:
        if path.startswith("test/command/") and path.endswith(".md"):
            cases += command_cases(path.removeprefix("test/"), git(repo, "show", f"HEAD:{path}"))
        elif path in READER_TESTS or (path.startswith("test/odt/markdown/") and path.endswith(".md")):
            cases.append((path.removeprefix("test/"), git(repo, "show", f"HEAD:{path}")))
    seen, unique = set(), []
    for name, text in cases:
        if text not in seen:
            seen.add(text)
            unique.append((name, text))
    return unique


def bibliography(text: str) -> str:
    """An entry for every key the case cites and its front matter does not define, so that
    citations resolve."""
    front = re.match(r"---\n.*?\n(?:---|\.\.\.)\n", text, re.DOTALL)
    defined = {k.casefold() for k in re.findall(r"^\s*-?\s*id:\s*['\"]?([^\s'\"]+)", front[0] if front else "",
                                                re.MULTILINE)}
    keys = {k.casefold(): k for k in sorted(_KEY.findall(text), reverse=True) if re.fullmatch(r"[\w:.-]+", k)}
    return "".join(f"@book{{{k},\n  author = {{Author, Ann}},\n  title = {{Work {k}}},\n  year = {{2020}},\n}}\n"
                   for folded, k in sorted(keys.items()) if folded not in defined)


def web_links(text: str) -> str:
    """The case with its links to files made web addresses (a link to a file is an error that
    would stop the build before the rest of the case is looked at): `](/url)` → `](https://example.org/url)`."""
    relative = r"(?![\s<]|[a-z][\w+.-]*:|#)/?"
    text = re.sub(r"(?<![!\]])(\[[^\[\]]*\]\(\s*<?)" + relative, r"\1https://example.org/", text)
    return re.sub(r"^( {0,3}\[[^\]]+\]:[ \t]*<?)" + relative + r"(?!\S*\.(?:png|jpe?g|gif|svg)\b)",
                  r"\1https://example.org/", text, flags=re.MULTILINE | re.IGNORECASE)


def write_images(text: str, folder: Path) -> None:
    """A small picture at every relative image path the case names, so that images load."""
    from PIL import Image

    inline = r"!\[[^\]]*\]\(<?([^\s)>]+\.(?:png|jpe?g|gif|svg))"
    defined = r"^ {0,3}\[[^\]]+\]:[ \t]*<?([^\s>]+\.(?:png|jpe?g|gif|svg))\b"
    for path in set(re.findall(inline, text, re.IGNORECASE) + re.findall(defined, text, re.IGNORECASE | re.MULTILINE)):
        target = (folder / path).resolve()
        if ":" in path or not target.is_relative_to(folder) or target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.lower().endswith(".svg"):
            target.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"/>', encoding="utf-8")
        else:
            Image.new("RGB", (40, 30), "teal").save(target)


# Building one case (in a worker) --------------------------------------------------------------

def build(session, root: Path, text: str) -> dict:
    """Build `text` as the only section of the project at `root`: problems and texts of the outputs."""
    from tests.ooxml_schema import schema_errors
    from tests.test_pandoc_corpus import docx_text

    from reportgen.errors import ReportError

    shutil.rmtree(root / "sections", ignore_errors=True)
    (root / "sections").mkdir()
    write_images(text, root / "sections")
    (root / "sections" / "01.md").write_text(web_links(text), encoding="utf-8")
    (root / "references.bib").write_text(bibliography(text), encoding="utf-8")
    try:
        prepared = session.prepare(force=True)
        rendered = session.render(prepared.document, ("pdf", "html", "docx"), prepared.look, prepared.now)
    except ReportError as error:
        return {"status": "error", "problems": [str(p) for p in error.problems]}
    return {"status": "built", "problems": prepared.warnings + rendered.warnings,
            "pdf": pdf_text(rendered.outputs["pdf"]), "docx": docx_text(rendered.outputs["docx"]),
            "schema": schema_errors(rendered.outputs["docx"])[:3]}


def pdf_text(data: bytes) -> str:
    """The PDF's text (in the order of its content, which keeps apart words set close together) and
    the alternative text of its figures."""
    import io

    import pikepdf

    text = subprocess.run(["pdftotext", "-raw", "-", "-"], input=data, capture_output=True).stdout
    with pikepdf.open(io.BytesIO(data)) as pdf:
        alts = [str(o["/Alt"]) for o in pdf.objects if isinstance(o, pikepdf.Dictionary) and "/Alt" in o]
    return text.decode("utf-8", "replace") + "\n" + "\n".join(alts)


def plain(text: str) -> str | None:
    """Pandoc's plain text of the case, or None if Pandoc cannot read it."""
    import pypandoc

    try:
        return pypandoc.convert_text(re.sub(r"<br\s*/?>", " <br> ", text), "plain", format="markdown",
                                     extra_args=["--wrap=none", "--quiet"])
    except RuntimeError:
        return None


def unwarned(text: str, problems: list[str]) -> str:
    """The case without the paragraphs (lines between blank lines; the front matter is one) a
    located problem points at."""
    lines = text.split("\n")
    front = next((i for i in range(1, len(lines)) if lines[i] in ("---", "...")), 0) if lines[0] == "---" else -1
    for problem in problems:
        found = _LOCATED.match(problem)
        if not found:
            continue
        start = end = min(int(found[1]), len(lines)) - 1
        if start <= front:
            start, end = 0, front
        while start > 0 and lines[start - 1].strip():
            start -= 1
        while end + 1 < len(lines) and lines[end + 1].strip():
            end += 1
        lines[start:end + 1] = [" " * len(line) for line in lines[start:end + 1]]
    return "\n".join(lines)


def worker(connection, number: int) -> None:
    """Build each case received until None; a traceback is a result too."""
    os.setsid()  # its own process group: a hang is killed with the PDF process it started
    from tests.conftest import MINIMAL_CONFIG

    from reportgen.pipeline import Session

    root = Path(tempfile.mkdtemp(prefix=f"pandoc-corpus-{number}-"))
    (root / "report").mkdir()
    (root / "report" / "report.yaml").write_text(MINIMAL_CONFIG, encoding="utf-8")
    session = Session(root)
    while (case := connection.recv()) is not None:
        name, text = case
        try:
            result = build(session, root, text)
        except Exception:  # noqa: BLE001 - what the harness is here to find
            result = {"status": "traceback", "problems": [traceback.format_exc()]}
            session.close()
            session = Session(root)
        kept = unwarned(text, result["problems"])
        result["plain"], result["warned"] = plain(kept), "".join(a for a, b in zip(text, kept, strict=True) if a != b)
        connection.send(result)
    session.close()
    shutil.rmtree(root, ignore_errors=True)


# Judging --------------------------------------------------------------------------------------

def seen_words(text: str) -> Counter:
    """The words of an output's text, also with a note call split from the word it follows
    (`Ocean1`: pdftotext does not see the superscript), words hyphenated at a line's end joined."""
    from tests.test_pandoc_corpus import words

    text = re.sub(r"[-\u2010\u00ad]\n", "", text)
    return (words(text) | words(re.sub(r"(?<=[^\W\d_])(\d+)\b", r" \1", text))
            | words(text.replace("\n", "")))  # a sub- or superscript is a line of its own to pdftotext -raw


def lost_words(plain: str, text: str) -> list[str]:
    """The words of Pandoc's plain text missing from an output's text. The words of a citation
    (printed as written by Pandoc's plain writer) need only be there once: a repeated locator may
    become "Ibid."."""
    from tests.test_pandoc_corpus import pandoc_words

    plain = re.sub(r"[_^]\(([^()]*)\)", r"\1", plain)  # Pandoc's H_(2)O and a^(b): H₂O and aᵇ
    citations = r"\[[^\[\]]*@[^\[\]]*\]"
    expected = pandoc_words(re.sub(citations, " ", plain))
    cited = pandoc_words(" ".join(re.findall(citations, plain)))
    got = seen_words(text)
    return sorted((expected - got).elements()) + sorted(w for w in cited if not got[w] and w not in expected)


def judge(result: dict, baseline: set[str]) -> list[str]:
    """What is wrong with a case's result, one line each."""
    if result["status"] in ("traceback", "hang"):
        return [f"{result['status']}: {result['problems'][-1].strip().splitlines()[-1]}"]
    faults = [f"unlocated: {p}" for p in result["problems"]
              if p not in baseline and not _LOCATED.match(p) and "(built anyway: --force)" not in p
              and not _NO_ALT.match(p)]
    if result["status"] != "built":
        return faults
    faults += [f"schema: {e}" for e in result["schema"]]
    for view in ("pdf", "docx") if result["plain"] is not None else ():
        lost = lost_words(result["plain"], result[view])
        if lost:
            faults.append(f"lost in {view.upper()}: {' '.join(lost[:12])}")
    if result["plain"] is not None:
        raw = [c for c in _MARKUP if result["docx"].count(c) > result["plain"].count(c) + result["warned"].count(c)]
        faults += [f"markup printed in DOCX: {' '.join(raw)}"] if raw else []
    return faults


# Running --------------------------------------------------------------------------------------

class Worker:
    """A worker process and the case it builds; killed with its process group when it hangs."""

    def __init__(self, number: int):
        self.number = number
        self.connection, theirs = multiprocessing.Pipe()
        self.process = multiprocessing.get_context("fork").Process(target=worker, args=(theirs, number))
        self.process.start()
        self.case: tuple[str, str] | None = None

    def send(self, case: tuple[str, str] | None) -> None:
        self.case = case
        self.connection.send(case)

    def kill(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.join()


def run(cases: list[tuple[str, str]], jobs: int, timeout: float, done) -> None:
    """Build every case in `jobs` workers; `done(case, result)` as each ends."""
    todo = list(reversed(cases))
    workers = [Worker(n) for n in range(min(jobs, len(cases)))]
    for w in workers:
        w.send(todo.pop())
    while any(w.case for w in workers):
        busy = [w for w in workers if w.case]
        ready = multiprocessing.connection.wait([w.connection for w in busy], timeout)
        for w in busy:
            if w.connection in ready:
                done(w.case, w.connection.recv())
            elif not ready:  # no one answered in time: the oldest case hangs
                done(w.case, {"status": "hang", "problems": [f"no result after {timeout:.0f} s"], "plain": None})
                w.kill()
                workers[workers.index(w)] = w = Worker(w.number)
            else:
                continue
            w.send(todo.pop() if todo else None)
    for w in workers:
        w.process.join()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pandoc", type=Path, default=Path("/work/.mirror/jgm+pandoc/repo"))
    parser.add_argument("--only", default="", help="a regular expression the case names must match")
    parser.add_argument("--failed", action="store_true", help="only the cases that failed in the last run")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=60)
    options = parser.parse_args(argv)
    cases = [c for c in all_cases(options.pandoc) if re.search(options.only, c[0])]
    last = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    if options.failed:
        cases = [c for c in cases if last.get(c[0], {}).get("faults", True)]
    results: dict = {}
    baseline: set[str] = set()
    run([("baseline", "Text.\n")], 1, options.timeout, lambda case, result: baseline.update(result["problems"]))

    def done(case, result):
        faults = judge(result, baseline)
        results[case[0]] = {"status": result["status"], "faults": faults, "problems": result["problems"]}
        print(f"{case[0]}: {'; '.join(faults)}" if faults else f"{case[0]}: ok ({result['status']})", flush=True)

    run(cases, options.jobs, options.timeout, done)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps({**last, **results}, indent=1, ensure_ascii=False), encoding="utf-8")
    summary(results)
    return 0


def summary(results: dict) -> None:
    counts = Counter(r["status"] for r in results.values())
    kinds = Counter(f.split(":")[0] for r in results.values() for f in set(x.split(":")[0] for x in r["faults"]))
    print(f"\n{len(results)} cases: {dict(counts)}; failing: {sum(1 for r in results.values() if r['faults'])}"
          f" ({', '.join(f'{k} {n}' for k, n in kinds.most_common())})")


if __name__ == "__main__":
    sys.exit(main())
