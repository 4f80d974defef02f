"""The hostile fuzz campaign: generated section files, report.yaml, bibliographies, reviewed DOCX
files and git repositories, made of the pieces attacks are made of (long runs of brackets and
stars, deep nesting, control characters in YAML escapes, aliases, byte flips, links out of the
repository). Each either works or fails with the tool's own one-line located error, never a
traceback, and never runs longer than a few seconds per kilobyte of input.

The default is a short profile for CI (345 examples); `FUZZ_SCALE=15` runs the campaign of 5,175 (figures
in the README, "Hostile input").
"""

from __future__ import annotations

import io
import os
import random
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from reportgen.errors import ReportError

from .conftest import MINIMAL_BIB, MINIMAL_CONFIG, write_project
from .test_adversarial import deadline
from .test_fuzz import examples

SETTINGS = {"deadline": None, "suppress_health_check": list(HealthCheck)}


def budget(text: str | bytes) -> float:
    """Seconds an input of this size may take: a few per kilobyte, and a floor for the fixed costs."""
    return 5 + 3 * len(text) / 1024


def located(error: ReportError) -> None:
    """Each problem is one printed line, which no value quoted in it can break."""
    for problem in error.problems:
        assert "Traceback" not in problem.message, problem
        assert len(str(problem).splitlines()) == 1, problem


# Section files -----------------------------------------------------------------------------------------

PIECES = ["[^", "^[", "[", "]", "*", "**", "_", "__", "~~", "~", "^", ">", "> ", "- ", "1. ", "a) ", "::: ", ":::",
          "{#x}", "{", "}", "{.unnumbered}", "@", "[@ohchr2020]", "[@", "<!--", "-->", "`", "```", "|", "---", "\\",
          "&amp;", "<b>", "![", "](", ")", "(", "[^a]: ", "[^a]", "::: recommendations", "{theme=\"x\"}", "%", "# ",
          "    ", "$", "$$", "\t", " ", "\n", "\n\n", ":", "word", "Müller", "ي", "中文", "\u00ad", "\u00a0", "\x00",
          "\x01", "\x1b", "\x85", "\u2028", "\ufffe", "\ufeff", "\U0001f600", "<br>", "[text]{.smallcaps}", "| a |"]
RUN = st.tuples(st.sampled_from(PIECES), st.integers(1, 400)).map(lambda pair: pair[0] * pair[1])
YAML_VALUES = st.sampled_from(['"\\x01"', '"a\\x92b"', '"\\u2028"', "&a [x, *a]", "*undefined", "{a: [b, [c]]}",
                               "'quoted'", "|\n  block\n  text", "[" * 30 + "]" * 30, "!!binary aGk=", "true", "12",
                               '"' + "x" * 200 + '"', "&t T", "*t", "- a\n- b", "2011-13-45"])
FRONT = st.lists(st.tuples(st.sampled_from(["title", "id", "owner", "status", "numbered", "annex", "lang", "nocite",
                                            "author", "references", "x-key", "title"]), YAML_VALUES), max_size=5)
SECTION = st.tuples(
    st.one_of(st.just(""), FRONT.map(lambda pairs: "---\n" + "".join(f"{k}: {v}\n" for k, v in pairs) + "---\n")),
    st.lists(st.one_of(st.sampled_from(PIECES), RUN, st.text(max_size=20)), max_size=30).map("".join),
).map("".join)


def _project(files: dict) -> Path:
    root = Path(tempfile.mkdtemp(prefix="fuzz-hostile-"))
    return write_project(root, files)


def _load_and_render(root: Path, formats: tuple[str, ...] = ("html", "docx")) -> None:
    from reportgen.pipeline import Session

    try:
        with Session(root, pdf=False) as session:
            loaded = session.load()
            session.check(loaded)
            session.render(loaded.document, formats)
    except ReportError as error:
        located(error)


@settings(max_examples=examples(60), **SETTINGS)
@given(SECTION)
def test_hostile_sections(text):
    root = _project({"sections/01.md": text})
    try:
        with deadline(budget(text)):
            _load_and_render(root)
    finally:
        shutil.rmtree(root)


# report.yaml -------------------------------------------------------------------------------------------

CONFIG_LINES = MINIMAL_CONFIG.splitlines()
KEYS = ["title", "subtitle", "state", "session", "cycle", "submission", "organisations", "coalition", "date",
        "keywords", "language", "notes", "numbering", "checks", "draft", "bibliography", "sections", "output_name",
        "contact", "description", "csl", "titel"]


@settings(max_examples=examples(60), **SETTINGS)
@given(st.lists(st.tuples(st.integers(0, len(CONFIG_LINES)), st.sampled_from(KEYS), YAML_VALUES), max_size=6),
       st.booleans())
def test_hostile_report_yaml(insertions, drop_title):
    lines = list(CONFIG_LINES)
    for index, key, value in insertions:
        lines.insert(min(index, len(lines)), f"{key}: {value}")
    if drop_title:
        lines = [line for line in lines if not line.startswith("title:")]
    text = "\n".join(lines) + "\n"
    root = _project({"report/report.yaml": text, "sections/01.md": "# T\n\nText[@ohchr2020].\n"})
    try:
        with deadline(budget(text)):
            _load_and_render(root)
    finally:
        shutil.rmtree(root)


# Bibliographies ------------------------------------------------------------------------------------------

BIB_PIECES = ["@misc{", "@book{", "@string{", "@comment{", "@preamble{", "@xdata{", "key1", "ohchr2020", ",",
              "title = {", "author = {", "crossref = {key1}", "xdata = {key1}", "year = 2020", "date = {2011-13-45}",
              "url = {https://x.org/a%20b}", "}", "{", '"', " # ", "and", "{ECPAT}", 'M{\\"u}ller', "\\&", "%", "\n",
              " ", "=", "\\emph{", "\\textbf{", "$", "$\\alpha$", "^^A", "\\char1", "\\", "\x01", "{\\TeX}", "s",
              "others", "Doe, John and others", "\\url{", "~", "--", "@set{", "entryset = {key1,ohchr2020}"]
BIBLIOGRAPHY = st.lists(st.one_of(st.sampled_from(BIB_PIECES),
                                  st.tuples(st.sampled_from(["{", "}", "\\emph{", '"', "@misc{a,"]),
                                            st.integers(1, 600)).map(lambda pair: pair[0] * pair[1])),
                        max_size=50).map("".join)


@settings(max_examples=examples(100), **SETTINGS)
@given(BIBLIOGRAPHY)
def test_hostile_bibliographies(text):
    root = _project({"references.bib": MINIMAL_BIB + text,
                     "sections/01.md": "# T\n\nText[@ohchr2020] and [@key1] and [@smith2020].\n"})
    try:
        with deadline(budget(text)):
            _load_and_render(root, ("html",))
    finally:
        shutil.rmtree(root)


# Reviewed DOCX files --------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def reviewed(tmp_path_factory) -> bytes:
    """A DOCX reportgen built, with a comment, a note and a table, as a reviewer returns it."""
    import docx

    from reportgen.pipeline import build

    root = write_project(tmp_path_factory.mktemp("docx"), {
        "sections/01.md": "# Findings\n\nA finding[@ohchr2020] and a note^[Plain note.].\n\n| a | b |\n|---|---|\n"
                          "| 1 | 2 |\n\nSecond paragraph.\n"})
    built = build(root, ("docx",), force=True).files[0]
    document = docx.Document(built)
    paragraph = next(p for p in document.paragraphs if "Second" in p.text)
    document.add_comment(paragraph.runs, text="Which paragraph?", author="Jane")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
ELEMENTS = ["ins", "del", "moveFrom", "moveTo", "p", "r", "t", "delText", "tab", "br", "commentRangeStart",
            "commentRangeEnd", "commentReference", "bookmarkStart", "footnoteReference", "body", "document",
            "comment", "footnote", "rPr", "trPr", "tbl", "tr", "tc"]


def _xml(draw, depth: int = 0) -> str:
    tag = draw(st.sampled_from(ELEMENTS))
    attributes = draw(st.sampled_from(["", ' w:id="0"', ' w:id="x" w:author="A\nB"', ' w:name="_rg0001_L1"',
                                       ' w:type="separator"', ' w:name="_rg_zz_L99999999999999999999"']))
    if depth > 6 or draw(st.booleans()):
        return f"<w:{tag}{attributes}>{draw(st.sampled_from(['', 'text', '&amp;', '&#1;']))}</w:{tag}>"
    children = "".join(_xml(draw, depth + 1) for _ in range(draw(st.integers(0, 3))))
    return f"<w:{tag}{attributes}>{children}</w:{tag}>"


@st.composite
def part_xml(draw) -> bytes:
    return f'<w:document xmlns:w="{W}">{_xml(draw)}</w:document>'.encode()


MUTATIONS = st.one_of(
    st.tuples(st.just("flip"), st.lists(st.tuples(st.integers(0, 10**9), st.integers(0, 7)), min_size=1, max_size=4)),
    st.tuples(st.just("truncate"), st.integers(0, 10**9)),
    st.tuples(st.just("part"), st.sampled_from(["word/document.xml", "word/comments.xml", "word/footnotes.xml",
                                                "docProps/custom.xml", "word/commentsExtended.xml"]), part_xml()),
)


def _mutate(data: bytes, mutation) -> bytes:
    kind = mutation[0]
    if kind == "flip":
        out = bytearray(data)
        for position, bit in mutation[1]:
            out[position % len(out)] ^= 1 << bit
        return bytes(out)
    if kind == "truncate":
        return data[:mutation[1] % len(data)]
    _, name, xml = mutation
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != name:
                target.writestr(info.filename, source.read(info))
        target.writestr(name, xml)
    return buffer.getvalue()


@settings(max_examples=examples(100), **SETTINGS)
@given(mutation=MUTATIONS)
def test_hostile_reviewed_docx(reviewed, tmp_path_factory, mutation):
    from reportgen.review.comments import trace
    from reportgen.review.comments_output import format_csv, format_text

    data = _mutate(reviewed, mutation)
    path = tmp_path_factory.mktemp("mutant") / "reviewed.docx"
    path.write_bytes(data)
    with deadline(budget(data)):
        try:
            remarks = trace([path]).remarks
        except ReportError as error:
            located(error)
            assert len(str(error).splitlines()) == 1
            return
    text = format_text(remarks)
    assert len(text.splitlines()) == len(remarks)  # one line a remark, whatever the reviewer wrote
    format_csv(remarks)


# git repositories ---------------------------------------------------------------------------------------

NAMES = ["report/report.yaml", "sections/01.md", "sections/02.md", "references.bib", "images/a.png", "data/x.bin",
         "templates/style.css", "sections/sub/03.md", "sections/a b.md", "sections/é.md", ".hidden/x.md",
         "build/x.pdf", "sections/.x.md", "notes.txt"]
TARGETS = ["/etc/passwd", "/etc", "../../../../etc/hostname", "../sections/01.md", "01.md", "missing.md", ".",
           "..", "../..", "sections", "a" * 300]
REPOSITORY = st.fixed_dictionaries({
    "files": st.dictionaries(st.sampled_from(NAMES), st.sampled_from(["# T\n\nText.\n", "x" * 3000, "\x00\xff", ""]),
                             max_size=6),
    "links": st.dictionaries(st.sampled_from(NAMES), st.sampled_from(TARGETS), max_size=3),
    "damage": st.sampled_from(["", "index", "object", "config", "head"]),
})
GIT_ENV = {"GIT_AUTHOR_NAME": "A", "GIT_AUTHOR_EMAIL": "a@example.org", "GIT_COMMITTER_NAME": "A",
           "GIT_COMMITTER_EMAIL": "a@example.org"}


def _repository(spec: dict, marker: Path) -> Path:
    root = _project({"sections/01.md": "# T\n\nText.\n"})

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env={**os.environ, **GIT_ENV})

    git("init", "-q")
    for name, content in spec["files"].items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).unlink(missing_ok=True)
        (root / name).write_text(content, encoding="utf-8", errors="surrogateescape")
    for name, target in spec["links"].items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        if (root / name).is_dir() and not (root / name).is_symlink():
            continue
        (root / name).unlink(missing_ok=True)
        (root / name).symlink_to(target)
    git("add", "-A")
    git("commit", "-qm", "fuzz", "--allow-empty")
    _damage(root, spec["damage"], marker)
    return root


def _damage(root: Path, damage: str, marker: Path) -> None:
    if damage == "index":
        (root / ".git/index").write_bytes(b"garbage")
    elif damage == "object":
        objects = [p for p in (root / ".git/objects").glob("??/*")]
        if objects:
            random.Random(len(objects)).choice(objects).unlink()
    elif damage == "config":
        script = root.parent / "fsmonitor.sh"
        script.write_text(f"#!/bin/sh\necho ran >> {marker}\n")
        script.chmod(0o755)
        with open(root / ".git/config", "a") as config:
            config.write(f"[core]\n\tfsmonitor = {script}\n[filter \"x\"]\n\tclean = {script}\n\tsmudge = {script}\n")
        (root / ".git/info").mkdir(exist_ok=True)
        (root / ".git/info/attributes").write_text("* filter=x\n")
    elif damage == "head":
        (root / ".git/HEAD").write_text("ref: refs/heads/nowhere\n")


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
@settings(max_examples=examples(25), **SETTINGS)
@given(REPOSITORY)
@example({"files": {}, "links": {"sections/01.md": "../sections/01.md"}, "damage": ""})  # a link onto itself
def test_hostile_git_repositories(spec):
    from reportgen.clock import build_time
    from reportgen.load import git
    from reportgen.load.stamp import draft_stamp

    assume(spec["files"] or spec["links"] or spec["damage"])
    marker = Path(tempfile.mkdtemp(prefix="fuzz-marker-")) / "ran"
    root = _repository(spec, marker)
    destination = Path(tempfile.mkdtemp(prefix="fuzz-export-")) / "revision"
    try:
        with deadline(30):
            draft_stamp(root, "en", build_time())  # never raises: a stamp, maybe without its commit
            try:
                exported = git.export(root, "HEAD", destination)
            except ReportError as error:
                located(error)
            else:
                for path in exported.root.rglob("*"):
                    real = Path(os.path.realpath(path))  # a link kept may loop (on itself): resolve() raised
                    assert real.is_relative_to(exported.root.resolve()) or not path.exists(), path
        assert not marker.exists(), "the repository's configuration ran a command"
    finally:
        shutil.rmtree(root, ignore_errors=True)
        shutil.rmtree(destination.parent, ignore_errors=True)
        shutil.rmtree(marker.parent, ignore_errors=True)
