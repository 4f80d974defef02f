"""Generated sections made of every construct of the dialect, nested in each other: each one builds
(HTML, DOCX and, for a few, PDF) or stops with located errors, never with a traceback.

CI tries MARKDOWN_CASES examples (60 by default); `MARKDOWN_CASES=500 pytest tests/test_markdown_generated.py`
is the full run.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from reportgen.errors import ReportError
from reportgen.load.project import Project
from reportgen.pipeline import build, load_model
from reportgen.renderers.docx import render_docx
from reportgen.renderers.html import HtmlRenderer

from .conftest import write_project
from .ooxml_schema import assert_valid_docx
from .test_pandoc_corpus import write_png

CASES = int(os.environ.get("MARKDOWN_CASES", "60"))

WORD = st.sampled_from(["law", "child", "État", "2009", "a/b", "Müller", "право", "人权", "حقوق", "x", "OHCHR"])
ATOM = st.one_of(
    WORD,
    st.sampled_from(["\\*", "\\.", "\\\\", "\\[", "\\|", "\\ ", "&amp;", "&copy;", "&#233;", "&nbsp;", "&bogus;",
                     "<b>", "</i>", "<br>", "<!-- c -->", "<https://example.org/a>", "<info@example.org>",
                     "`code`", "`a|b`", "--", "...", "\"", "'", "~", "^", "*", "_", "[", "]", "{", "}", "@",
                     "@ohchr2020", "info@example.org", "{#id}", "{.smallcaps}"]),
)


def wrap(inner):
    return st.one_of(
        inner.map(lambda t: f"*{t}*"), inner.map(lambda t: f"**{t}**"), inner.map(lambda t: f"~~{t}~~"),
        inner.map(lambda t: f"~{t}~"), inner.map(lambda t: f"^{t}^"), inner.map(lambda t: f"[{t}]{{.smallcaps}}"),
        inner.map(lambda t: f"[{t}]{{.underline}}"), inner.map(lambda t: f"[{t}]{{lang=fr}}"),
        inner.map(lambda t: f"[{t}]{{#s .c key=v}}"), inner.map(lambda t: f"[{t}]{{bad"),
        inner.map(lambda t: f"[{t}](https://example.org)"), inner.map(lambda t: f"[{t}](#target)"),
        inner.map(lambda t: f"^[{t}]"), inner.map(lambda t: f"[see {t} @ohchr2020, p. 3{t}]"),
        inner.map(lambda t: f"[@smith2020 {t}]"), inner.map(lambda t: f"![{t}](img.png)"),
    )


SPAN = st.recursive(ATOM, wrap, max_leaves=4)
LINE = st.lists(SPAN, min_size=1, max_size=6).map(" ".join)
PARAGRAPH = st.lists(LINE, min_size=1, max_size=3).map("\n".join)


def indent(text: str, by: str) -> str:
    return "\n".join(by + line if line else line for line in text.split("\n"))


def table(cells):
    """Pipe tables of any shape: one column, empty cells, no header text, ragged rows."""
    return st.tuples(st.integers(1, 16), st.lists(st.lists(cells, max_size=17), min_size=1, max_size=4),
                     st.booleans()).map(lambda t: "\n".join(
                         ["| " + " | ".join(t[2] and "" or f"h{i}" for i in range(t[0])) + " |",
                          "|" + "|".join(":-:" if i % 3 == 1 else "---" for i in range(t[0])) + "|"]
                         + ["| " + " | ".join(row) + " |" for row in t[1]]))


CELL = st.one_of(st.just(""), WORD, SPAN, st.just("https://example.org/" + "long" * 20))


def blocks(inner):
    return st.one_of(
        inner.map(lambda b: indent(b, "> ")),
        inner.map(lambda b: "- " + indent(b, "  ").lstrip()),
        inner.map(lambda b: "1. " + indent(b, "   ").lstrip() + "\n\n   continued\n2. two"),
        inner.map(lambda b: "a) " + indent(b, "   ").lstrip()),
        inner.map(lambda b: f"::: {{.box}}\n{b}\n:::"),
        inner.map(lambda b: f"::: recommendations\n- {b.splitlines()[0] if b else 'x'} {{theme=\"t\"}}\n:::"),
        inner.map(lambda b: f"Term\n:   {indent(b, '    ').lstrip()}"),
        inner.map(lambda b: f"Text[^n].\n\n[^n]: Note.\n\n{indent(b, '    ')}"),
    )


LEAF = st.one_of(
    PARAGRAPH,
    LINE.map(lambda t: f"## {t} {{#h}}"), LINE.map(lambda t: f"# {t} {{-}}"), LINE.map(lambda t: f"### {t}"),
    table(CELL),
    st.just("```\ncode | with pipes\n```"), st.just("    indented code"),
    st.lists(LINE, min_size=1, max_size=3).map(lambda lines: "\n".join("| " + line for line in lines)),
    st.just("<div>\nraw\n</div>"), st.just("<!-- comment -->"), st.just("---"),
)
BLOCK = st.recursive(LEAF, blocks, max_leaves=5)
FRONT = st.sampled_from(["", "---\ntitle: Title\n---\n", "---\nauthor: Jane\nlang: fr\n---\n",
                         "---\nnocite: '@smith2020'\nabstract: x\n---\n", "---\nformat: docx\n---\n"])
SECTION = st.tuples(FRONT, st.lists(BLOCK, min_size=1, max_size=6)).map(lambda t: t[0] + "\n\n".join(t[1]) + "\n")


def load(text: str):
    root = Path(tempfile.mkdtemp(prefix="markdown-"))
    write_project(root, {"sections/01.md": text + "\n# Target {#target}\n"})
    write_png(root / "sections" / "img.png")
    try:
        return root, load_model(Project.at(root))
    except ReportError as error:
        for problem in error.problems:
            assert problem.source is not None and problem.source.line >= 1, problem
        return root, error


@settings(max_examples=CASES, deadline=None, suppress_health_check=list(HealthCheck))
@given(SECTION)
def test_generated_sections_render_or_stop_with_located_errors(text):
    root, result = load(text)
    event("error" if isinstance(result, ReportError) else "rendered")
    if not isinstance(result, ReportError):
        HtmlRenderer(result, root / "templates").render()
        assert_valid_docx(render_docx(result, root / "templates", root))


@settings(max_examples=max(CASES // 10, 3), deadline=None, suppress_health_check=list(HealthCheck))
@given(SECTION)
def test_generated_sections_build_every_format(text):
    root, result = load(text)
    if not isinstance(result, ReportError):
        written, _ = build(root, ("pdf", "docx", "html"), force=True)
        assert len(written) == 3


def test_a_line_break_in_a_heading_inside_a_note_builds_the_pdf():
    """Found by the generator: the heading's text was printed with its line break as a raw newline,
    which WeasyPrint's line breaker asserts on inside a footnote."""
    root, model = load("Text[^n].\n\n[^n]: Note.\n\n    ### A <br> b\n")
    html = HtmlRenderer(model, root / "templates").render()
    assert '<span class="note-p">A <br> b</span>' in html
    written, _ = build(root, ("pdf",), force=True)
    assert len(written) == 1
