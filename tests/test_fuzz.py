"""Property-based tests: for generated sections and bibliographies, loading either gives a model or
the tool's own located error, and every model that loads renders."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, assume, event, example, given, settings
from hypothesis import strategies as st

from reportgen import model as m
from reportgen.errors import Problems, ReportError
from reportgen.load.bibliography import read_bibliography
from reportgen.load.project import Project
from reportgen.pipeline import build, load_model
from reportgen.renderers.docx import render_docx
from reportgen.renderers.html import HtmlRenderer, list_marker

from .conftest import MINIMAL_BIB, write_project
from .docx_inspect import Docx
from .libreoffice import convert, soffice


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


# Words of the generated text that a reader of the output must find exactly as often as the model has them.
COUNTED = ("law", "child", "State", "2009", "Müller")


def model_text(document: m.Document) -> str:
    """Everything the model prints: the cover's description, the sections and the notes."""
    return " ".join(m.plain_text(part, notes=True) for part in (document.cover, *document.sections))


def pdf_text(path: Path) -> str:
    """The text of a PDF as poppler extracts it (pypdf loses whole lines around unknown glyphs)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler (pdftotext) is needed to read the PDF's text")
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def word_counts(text: str) -> dict[str, int]:
    """How often each COUNTED word stands in `text` as a word of its own (a line-end hyphen undone)."""
    import re

    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)
    return {word: len(re.findall(rf"(?<![\w@]){word}(?!\w)", text)) for word in COUNTED}


def model_labels(document: m.Document) -> list[str]:
    """Every number the model gives (headings, paragraphs, list items, recommendations), in order."""
    out: list[str] = []

    def visit(blocks):
        for block in blocks:
            if isinstance(block, m.Heading) and block.number:
                out.append(block.number)
            elif isinstance(block, m.Paragraph) and block.number:
                out.append(f"{block.number}.")
            elif isinstance(block, m.OrderedList | m.Recommendations | m.BulletList):
                for i, item in enumerate(block.items):
                    if isinstance(block, m.OrderedList):
                        out.append(list_marker(block.kind, block.delimiter, block.start + i))
                    elif isinstance(block, m.Recommendations):
                        out.append(item.label)
                    visit(item.blocks)
            elif isinstance(block, m.BlockQuote | m.Div):
                visit(block.blocks)

    for section in document.sections:
        visit(section.blocks)
    return out


def docx_labels(document: Docx) -> list[str]:
    """The same numbers as Word computes them from the DOCX's numbering definitions."""
    names = [f"Heading {level}" for level in range(1, 7)] + ["Numbered Paragraph", "Recommendation", "List Number"]
    names += [f"List Number {depth}" for depth in range(2, 6)]
    styles = {document.style_id(name) for name in names}
    return [label for label, _, p in document.labels() if label and document.paragraph_style(p) in styles]


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
    data = render_docx(result, root / "templates", root)
    docx.Document(io.BytesIO(data))  # python-docx reopens it
    document = Docx(data)
    assert docx_labels(document) == model_labels(result)  # Word's numbers are the model's
    assert document.references("footnote") == [n.number for n in notes]


@settings(max_examples=examples(200), deadline=None)
@given(BIBLIOGRAPHY)
def test_bibliographies_parse_or_fail_with_located_errors(text):
    problems = Problems()
    bibliography = read_bibliography(text, "references.bib", problems)
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
    assert word_counts(pdf_text(written[0])) == word_counts(model_text(result))
    paragraphs = [n.number for s in result.sections for n in m.walk(s) if isinstance(n, m.Paragraph) and n.number]
    assert paragraphs == list(range(1, len(paragraphs) + 1))


def test_the_default_bibliography_parses_cleanly():
    problems = Problems()
    assert set(read_bibliography(MINIMAL_BIB, "references.bib", problems).entries) == {"ohchr2020", "smith2020"}
    assert problems.items == []


@settings(max_examples=examples(3), deadline=None, suppress_health_check=list(HealthCheck))
@given(SECTION)
def test_libreoffice_opens_every_docx_that_builds(text):
    """A small sample through the real client: each conversion takes a second or two."""
    soffice("it reopens the DOCX")
    root, result = load_section_text(text)
    assume(not isinstance(result, ReportError))
    written, _ = build(root, ("docx",))
    pdf, = convert(written, "pdf", root, "it reopens the DOCX")
    assert word_counts(pdf_text(pdf)) == word_counts(model_text(result))
