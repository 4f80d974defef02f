"""What Pandoc's own test inputs broke (issue 12): every construct renders or gets a located message,
and PDF and DOCX agree. Each test here failed before its fix."""

from __future__ import annotations

import re

import pypdf
import pytest
from click.testing import CliRunner

from reportgen import model as m
from reportgen.cli import main

from .docx_inspect import NS, Docx


def build(root, *formats: str):
    """Build the project; returns (exit code, messages, {suffix: path})."""
    result = CliRunner().invoke(main, ["build", "--project", str(root), "--format", ",".join(formats or ("docx",))])
    written = {p.suffix: p for p in (root / "build").glob("[!.]*")}
    messages = "\n".join(line for line in result.stderr.splitlines() if not re.match(r"\w+ +\d+\.\d\d s", line))
    return result.exit_code, messages, written


def pdf_text(path) -> str:
    return " ".join(" ".join(page.extract_text() for page in pypdf.PdfReader(path).pages).split())


def footnotes(path) -> list[str]:
    return [text for _, text in Docx(path.read_bytes()).notes()]


WIDE = ("| " + " | ".join("abcdefghijklmno") + " |\n|" + "---|" * 15 + "\n| " + " | ".join("abcdefghijklmno")
        + " |\n")
LONG_URL = "| Source | Link |\n|---|---|\n| OHCHR | https://www.ohchr.org/en/" + "documentation-" * 8 + "reports |\n"


@pytest.mark.parametrize("table", [WIDE, LONG_URL], ids=["15 one-letter columns", "a long URL"])
def test_a_table_wider_than_the_line_of_one_word_columns_builds(project, table):
    """Was a ZeroDivisionError in renderers/tables.py column_widths."""
    code, messages, written = build(project({"sections/01.md": "# T\n\n" + table}), "docx", "html")
    assert code == 0, messages
    document = Docx(written[".docx"].read_bytes()).document
    widths = [int(w) for w in document.xpath("//w:tblGrid/w:gridCol/@w:w", namespaces=NS)]
    assert len(widths) in (2, 15) and all(width > 0 for width in widths)


@pytest.mark.parametrize("text, note", [
    ("Text a^[b\\.] end.\n", "b."),
    ("Text ^[b &amp; c] end.\n", "b & c"),
    ("Text [see \\* @ohchr2020].\n", "See *"),
    ("Text [@ohchr2020, p. 3\\*].\n", "p. 3*."),
], ids=["escape in an inline note", "entity in an inline note", "escape in a prefix", "escape in a locator"])
def test_escapes_and_entities_in_notes_and_citations(project, text, note):
    """Were an AssertionError ('unhandled Markdown inline text_special') at load time, and a locator
    printing its backslash."""
    code, messages, written = build(project({"sections/01.md": "# T\n\n" + text}), "docx", "pdf")
    assert code == 0, messages
    assert note in footnotes(written[".docx"])[0]
    assert "\\" not in footnotes(written[".docx"])[0]
    assert note in pdf_text(written[".pdf"])


NOTE_BLOCKS = """\
# T

Text[^n].

[^n]: A note with code:

        dial 129 now

    > A quoted line.

    | Province | Cases |
    |----------|-------|
    | Aceh     | 12    |
"""


def test_code_quotes_and_tables_in_a_note_are_in_the_pdf_and_the_docx(project):
    """A code block in a note was dropped from PDF and DOCX without a word."""
    code, messages, written = build(project({"sections/01.md": NOTE_BLOCKS}), "docx", "pdf")
    assert code == 0, messages
    note = Docx(written[".docx"].read_bytes())
    text = " ".join(t for _, t in note.notes())
    for phrase in ("A note with code:", "dial 129 now", "A quoted line.", "Province", "Aceh", "12"):
        assert phrase in text
        assert phrase in pdf_text(written[".pdf"])
    footnotes_xml = note.xml("word/footnotes.xml")
    assert footnotes_xml.xpath("//w:footnote//w:tbl", namespaces=NS)  # a real table in the note
    assert footnotes_xml.xpath("//w:footnote//w:pStyle[@w:val='FootnoteCode']", namespaces=NS)


def test_headings_ids_and_links_in_any_script(project):
    """A link to `#société` was refused as going nowhere (the target was percent-encoded)."""
    section = "# Société {#société}\n\nVoir [la section](#société).\n\n# حقوق الطفل\n\n[انظر](#حقوق-الطفل)\n"
    code, messages, written = build(project({"sections/01.md": section}), "docx", "html")
    assert code == 0, messages
    html = written[".html"].read_text()
    assert 'id="société"' in html and 'href="#société"' in html
    assert 'id="حقوق-الطفل"' in html and 'href="#حقوق-الطفل"' in html
    document = Docx(written[".docx"].read_bytes()).document
    anchors = document.xpath("//w:hyperlink/@w:anchor", namespaces=NS)
    bookmarks = document.xpath("//w:bookmarkStart/@w:name", namespaces=NS)
    assert anchors and all(anchor in bookmarks for anchor in anchors)


SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100">'
       '<rect width="200" height="100" fill="teal"/><text x="10" y="60" font-size="30">Chart</text></svg>')


def test_an_svg_image_goes_into_the_docx_as_svg_with_a_png_fallback_and_stays_vector_in_the_pdf(project):
    root = project({"sections/01.md": "# T\n\n![A chart](chart.svg)\n", "sections/chart.svg": SVG})
    code, messages, written = build(root, "docx", "pdf")
    assert code == 0, messages
    document = Docx(written[".docx"].read_bytes())
    assert document.document.xpath("//*[local-name()='svgBlip']")
    names = list(document.files)
    assert any(n.endswith(".svg") for n in names) and any(n.endswith(".png") for n in names)
    pdf = pypdf.PdfReader(written[".pdf"])
    assert not list(pdf.pages[0].images)  # drawn as vectors, not a picture
    assert "Chart" in pdf_text(written[".pdf"])


def test_an_svg_data_uri_is_refused_with_a_short_message(project):
    uri = "data:image/svg+xml;base64," + "PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=" * 20
    code, messages, _ = build(project({"sections/01.md": f"# T\n\n![x]({uri})\n"}), "docx")
    assert code == 1
    line = messages.splitlines()[0]
    assert line.startswith("sections/01.md:3: ") and len(line) < 200 and "base64," not in line, line


def test_a_construct_the_reader_does_not_know_keeps_its_text_with_a_located_warning():
    """What markdown-it makes and the reader has no rule for (a plugin added later, a new token
    type) was an AssertionError; it is shown as written, with a warning naming it."""
    from markdown_it.token import Token
    from markdown_it.tree import SyntaxTreeNode

    from reportgen.errors import Problems
    from reportgen.load.sections import _Reader

    problems = Problems()
    reader = _Reader("sections/01.md", problems, {})
    math = Token("math_inline", "math", 0, content="x^2", map=None)
    paragraph = [Token("paragraph_open", "p", 1, map=[2, 3]),
                 Token("inline", "", 0, children=[Token("text", "", 0, content="Area "), math], map=[2, 3]),
                 Token("paragraph_close", "p", -1)]
    block = Token("math_block", "math", 0, content="E = mc^2\n", map=[4, 5])
    blocks = reader.blocks(SyntaxTreeNode(paragraph + [block]).children)
    assert [m.plain_text(b) for b in blocks] == ["Area x^2", "E = mc^2\n"]
    assert [str(p) for p in problems.items] == [
        "sections/01.md:3: warning: Markdown construct 'math_inline' is not supported; its text is shown as written",
        "sections/01.md:5: warning: Markdown construct 'math_block' is not supported; its text is shown as written"]
