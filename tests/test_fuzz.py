"""Property-based tests: for generated sections and bibliographies, loading either gives a model or
the tool's own located error, and every model that loads renders."""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

import pypdf
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from reportgen import model as m
from reportgen.bibliography import parse_bibliography
from reportgen.build import build
from reportgen.errors import Problems, ReportError
from reportgen.project import Project, load_model
from reportgen.renderers.html import HtmlRenderer

from .conftest import MINIMAL_BIB, write_project


def examples(default: int) -> int:
    """How many examples to try; FUZZ_SCALE=20 runs a long campaign."""
    return default * int(os.environ.get("FUZZ_SCALE", "1"))


WORDS = st.sampled_from(["law", "child", "State", "2009", "e-mail", "a/b", "Müller", "“quoted”", "ي", "中文"])
INLINE = st.one_of(
    WORDS,
    WORDS.map(lambda w: f"*{w}*"),
    WORDS.map(lambda w: f"**{w}**"),
    st.sampled_from(["[@ohchr2020]", "[@smith2020, p. 3]", "[see @ohchr2020; @smith2020]", "[@unknown]",
                     "^[a note]", "^[note [@smith2020]]", "[^a]", "[^b]", "[link](https://example.org)",
                     "[bad](javascript:alert(1))", "[here](#nowhere)", "![img](missing.png)", "<b>", "<!-- c -->",
                     "`code`", "\\*", "{#id}", "{", "}", "[", "]", "^", "@", "--", "...", "&amp;", "\u00ad",
                     "\u00a0", "\x00", "\x0c", "\x92", "\ufffe", "\U0001f600"]),
    st.text(min_size=1, max_size=6),
)
LINE = st.one_of(
    st.lists(INLINE, min_size=1, max_size=8).map(" ".join),
    st.sampled_from(["", "", "# Heading", "## Sub {.unnumbered}", "### Deep {#deep}", "::: recommendations",
                     "::: {.box}", ":::", "- item", "  - nested", "a) lettered", "(ii) roman", "1. one",
                     "> quote", "| a | b |", "|---|---|", "| 1 | 2 |", "[^a]: defined note", "    indented code",
                     "```", "---", "title: x", "***"]),
)
SECTION = st.lists(LINE, max_size=25).map("\n".join)

BIB_PARTS = st.sampled_from(["@misc{", "@report{", "@string{", "key1", "key2", ",", "title = {", "author = {",
                             "year = 2020", "url = {https://x.org/a%20b}", "}", "{", '"', "and", "{ECPAT}",
                             "M{\\\"u}ller", "\\&", "%", "\n", " ", "=", "@comment{", "date = {2011-13-45}"])
BIBLIOGRAPHY = st.lists(BIB_PARTS, max_size=40).map("".join)


def load_section_text(text: str):
    """Write a project with `text` as its only section and load it; returns (root, model or error)."""
    root = Path(tempfile.mkdtemp(prefix="fuzz-"))
    write_project(root, {"sections/01.md": text})
    try:
        return root, load_model(Project.at(root))
    except ReportError as error:
        return root, error


def assert_located(error: ReportError) -> None:
    for problem in error.problems:
        assert problem.source is not None and problem.source.path, problem
        assert problem.source.line >= 1 or problem.source.path.endswith("/"), problem


@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SECTION)
@example("law\n²:")  # a superscript digit is not a list number (found by this test)
def test_sections_load_or_fail_with_located_errors_and_always_render(text):
    root, result = load_section_text(text)
    event("error" if isinstance(result, ReportError) else "model")
    if isinstance(result, ReportError):
        assert_located(result)
        return
    html = HtmlRenderer(result, root / "templates").render()
    notes = [n for s in result.sections for n in m.walk(s) if isinstance(n, m.Note)]
    assert [n.number for n in notes] == list(range(1, len(notes) + 1))
    assert html.count('class="fn') == len(notes)


@settings(max_examples=examples(200), deadline=None)
@given(BIBLIOGRAPHY)
def test_bibliographies_parse_or_fail_with_located_errors(text):
    problems = Problems()
    bibliography = parse_bibliography(text, "references.bib", problems)
    for problem in problems.items:
        assert problem.source.path == "references.bib" and problem.source.line >= 1, problem
    for entry in bibliography.entries.values():
        assert entry.source.line >= 1


@settings(max_examples=examples(12), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SECTION)
def test_every_model_that_loads_makes_a_readable_pdf(text):
    root, result = load_section_text(text)
    if isinstance(result, ReportError):
        return
    written, _ = build(root, ("pdf",))
    reader = pypdf.PdfReader(io.BytesIO(written[0].read_bytes()))
    assert len(reader.pages) >= 1
    paragraphs = [n.number for s in result.sections for n in m.walk(s) if isinstance(n, m.Paragraph) and n.number]
    assert paragraphs == list(range(1, len(paragraphs) + 1))


def test_the_default_bibliography_parses_cleanly():
    problems = Problems()
    assert set(parse_bibliography(MINIMAL_BIB, "references.bib", problems).entries) == {"ohchr2020", "smith2020"}
    assert problems.items == []
