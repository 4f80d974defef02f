"""Short hostile inputs: every parser, plugin rule and checker pattern runs in time linear in its
input, and nesting has a bound with a located error. The sizes here are small; benchmarks/adversarial.py
runs them at 1x, 10x and 100x. No timings: a deadline far above the linear time only stops a hang."""

from __future__ import annotations

import importlib
import pkgutil
import re
import signal
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

import reportgen
from reportgen.cli import main

DEADLINE = 20  # seconds; each input here takes well under one second when linear


class Hang(Exception):
    pass


@contextmanager
def deadline(seconds: float = DEADLINE):
    """Raise Hang when the block runs longer than `seconds` (also when the block swallowed it, as
    click's test runner does)."""
    expired = []

    def expire(signum, frame):
        expired.append(True)
        raise Hang(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    if expired:
        raise Hang(f"still running after {seconds} s")


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def problems(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if re.match(r"[\w/.-]+:\d+: ", line)]


@pytest.mark.parametrize("text", [
    "[^" * 20_000,  # each [^ made the footnote rule scan to the end of the paragraph: quadratic
    "^[" * 20_000,
    "[^a" * 10_000 + "]",
    "[@" * 20_000,
    "![" * 20_000,
    "[" * 20_000 + "a" + "]" * 20_000,
    "::: a" + " " * 3_000 + "b\ntext\n:::",  # the fenced div's opening pattern backtracked: cubic
    "a" + "`" * 3_000,  # the pattern that blanked code spans out before the unread checks backtracked: cubic
    "[a]: " + "{{<" * 20_000 + " x y",  # the attributed link reference pattern backtracked: quadratic
])
def test_markdown_parses_in_linear_time(project, text):
    root = project({"sections/01.md": "# T\n\n" + text + "\n"})
    with deadline():
        result = run("build", "--project", str(root), "--format", "html", "--force")
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 1)


@pytest.mark.parametrize("word", [
    "a" * 60_000,  # the e-mail pattern backtracked over every start in the word
    "_" * 60_000,
    "a." * 30_000,
    "a@" * 30_000,
    "a@b" + "-" * 60_000,
    "tel" + " " * 60_000 + "x",  # the phone pattern tried every split of the spaces
    "+1" + " 1" * 30_000 + " x",
    "A/HRC/" * 10_000,
])
def test_the_checks_run_in_linear_time_on_long_words(project, word):
    root = project({"sections/01.md": "# T\n\nA " + word + " b.\n"})
    with deadline():
        result = run("check", "--project", str(root))
    assert "Traceback" not in result.output


@pytest.mark.parametrize("text, message", [
    ("*" * 500 + "x" + "*" * 500, "sections/01.md:3: emphasis, links and strikeouts are nested more than 20 deep; "
                                  "nest them less"),
    ("*a " * 300 + "x" + " a*" * 300, "sections/01.md:3: emphasis, links and strikeouts are nested more than 20 "
                                      "deep; nest them less"),
    ("^[" + "*" * 500 + "x" + "*" * 500 + "]", "sections/01.md:3: emphasis, links and strikeouts are nested more than "
                                               "20 deep; nest them less"),
    ("[see " + "*" * 500 + "x" + "*" * 500 + " @ohchr2020]", "sections/01.md:3: emphasis, links and strikeouts are "
                                                             "nested more than 20 deep; nest them less"),
    (">" * 500 + " deep text", "sections/01.md:3: quotations, lists and divs are nested too deep here: the text "
                               "inside would be lost; nest them less"),
    ("- " * 200 + "deep text", "sections/01.md:3: quotations, lists and divs are nested too deep here: the text "
                               "inside would be lost; nest them less"),
    ("".join(f"{'  ' * i}- item\n" for i in range(60)), "sections/01.md:12: quotations, lists and divs are nested "
                                                        "too deep here: the text inside would be lost; nest them "
                                                        "less"),  # the first item lost: the tenth list
])
def test_nesting_beyond_the_bound_is_a_located_error(project, text, message):
    root = project({"sections/01.md": "# T\n\n" + text + "\n"})
    with deadline():
        result = run("build", "--project", str(root), "--format", "html")
    assert "Traceback" not in result.output
    assert result.exit_code == 1
    assert message in problems(result)


@pytest.mark.parametrize("text", [
    "*" * 19 + "x" + "*" * 19,  # deep, but within the bound: built as written
    "> " * 18 + "deep text",
])
def test_nesting_within_the_bound_builds(project, text):
    root = project({"sections/01.md": "# T\n\n" + text + "\n"})
    result = run("build", "--project", str(root), "--format", "html,docx")
    assert result.exit_code == 0, result.output
    assert "x" in next((root / "build").glob("*.html")).read_text()


def _table(rows: int, columns: int, cell: str = "c") -> str:
    head = "| " + " | ".join(f"h{i}" for i in range(columns)) + " |\n|" + "---|" * columns + "\n"
    return head + ("| " + " | ".join(cell for _ in range(columns)) + " |\n") * rows


def test_a_wide_table_of_short_cells_builds(project):
    """30 columns of one letter: no column could grow, and the share of the spare width divided by zero."""
    root = project({"sections/01.md": "# T\n\n" + _table(2, 30)})
    result = run("build", "--project", str(root), "--format", "html,docx")
    assert result.exit_code == 0, result.output


def test_docx_tables_are_written_without_rescanning_the_table(project, monkeypatch):
    """python-docx's `column.cells` walks the whole table on every call, so filling a table through it
    took time quadratic in its cells (2,000 x 50: 550 s). Rendering reads no column's cells."""
    from docx.table import Table

    from reportgen.pipeline import build

    scans = []
    original = Table._cells
    monkeypatch.setattr(Table, "_cells", property(lambda self: scans.append(1) or original.fget(self)))
    root = project({"sections/01.md": "# T\n\n" + _table(40, 12, "a b")})
    build(root, ("docx",), force=True)
    assert scans == []


def _patterns() -> dict[str, tuple[re.Pattern, set[str]]]:
    """Every regular expression reportgen compiles at module level (in a dict or a table too), with the ways
    the package's code calls it: `search`, `sub`... scan the text, `match` and `fullmatch` start at
    the beginning (a pattern whose calls are not found is tried both ways)."""
    sources = "\n".join(p.read_text(encoding="utf-8") for p in Path(reportgen.__file__).parent.rglob("*.py"))
    found = {}
    for info in pkgutil.walk_packages(reportgen.__path__, "reportgen."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            for key, item in _members(value):
                if isinstance(item, re.Pattern):
                    calls = set(re.findall(rf"\b{re.escape(name)}(?:\[[^\]]*\])*\.(\w+)\(", sources))
                    calls |= _loop_calls(name, Path(module.__file__).read_text(encoding="utf-8"))
                    label = f"{info.name}.{name}" + (f"[{key}]" if key is not None else "")
                    found[label] = (item, calls & CALLS or CALLS)
    return found


def _loop_calls(name: str, source: str) -> set[str]:
    """How a module calls the patterns of its table `name` through a loop (`for pattern, message in
    NAME: pattern.match(line)`)."""
    loops = re.findall(rf"for (\w+)(?:, \w+)* in {re.escape(name)}\b", source)
    return {call for var in loops for call in re.findall(rf"\b{var}\.(\w+)\(", source)}


def _members(value) -> list:
    """(key, value) for a module-level value: a dict's items, a tuple's items and their items (a table
    of patterns and messages), or the value itself."""
    if isinstance(value, dict):
        return list(value.items())
    if isinstance(value, tuple):
        return [(f"{i}.{j}" if isinstance(item, tuple) else i, part) for i, item in enumerate(value)
                for j, part in (enumerate(item) if isinstance(item, tuple) else [(0, item)])]
    return [(None, value)]


CALLS = {"search", "findall", "finditer", "sub", "subn", "split", "match", "fullmatch"}
UNITS = ["a", "_", "1", " ", ".", "-", "@", "\u00a0", "tel ", "+1 ", "{", "\\", "a@", "a.", "1 ", "[", "a ", "A/HRC/",
         ":", " :", '"', "\n", "*", "é", "a=", "\t", "`", "``", "``a", "$", "$$", "$a", "\\$", "{{<", "{{< a",
         "--- ", "+-", "(@", "&"]
HEADS = ["", "tel", "+1", "@", "::: a", "{", "{{<", "[a]: "]
TAILS = ["", "b"]


def _exercise(pattern: re.Pattern, calls: set[str], text: str) -> None:
    if calls - {"match", "fullmatch"}:
        pattern.search(text), pattern.findall(text), pattern.sub("", text)
    if calls & {"match", "fullmatch"}:
        pattern.match(text), pattern.fullmatch(text)


def test_every_pattern_runs_in_linear_time():
    """Each pattern, called as the package calls it, on 4,000-character runs of the pieces hostile
    inputs are made of. The slowest linear call takes a few milliseconds; a backtracking pattern
    takes half a second to hours on some of them (the fenced div's opening line with 3,000 spaces
    before its last word: a minute)."""
    slow = []
    for name, (pattern, calls) in _patterns().items():
        for unit in UNITS:
            for head in HEADS:
                for tail in TAILS:
                    text = head + unit * (4_000 // len(unit)) + tail
                    try:
                        with deadline(0.25):
                            _exercise(pattern, calls, text)
                    except Hang:
                        if _grows_faster_than_linear(pattern, calls, head, unit, tail):
                            slow.append(f"{name}: {text[:12]!r}...{tail!r}")
    assert slow == []


def _grows_faster_than_linear(pattern: re.Pattern, calls: set[str], head: str, unit: str, tail: str) -> bool:
    """A call past the deadline, timed again at a quarter of the text and at the whole: four times the
    text takes four times as long when linear, sixteen when quadratic. The least of three runs each,
    so that the load of a shared machine (which alone can pass a deadline) does not count."""
    best = []
    for size in (1_000, 4_000):
        text = head + unit * (size // len(unit)) + tail
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            try:
                with deadline(10):
                    _exercise(pattern, calls, text)
            except Hang:
                return True
            runs.append(time.perf_counter() - start)
        best.append(min(runs))
    return best[1] > 0.1 and best[1] > 8 * best[0]
