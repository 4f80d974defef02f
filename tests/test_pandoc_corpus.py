"""Markdown as Pandoc and Quarto users write it (tests/corpus/*.md, modelled on the examples of
their manuals and on real UPR sections): every case builds without a traceback, and the HTML and
the DOCX lose no word that Pandoc's plain-text writer keeps, except in what the README says
reportgen does not support.

A case starts with a line `%%% title`; `%%% title | unsupported: X` marks a case whose words may be
lost because X is listed as unsupported in the README; `%%% title | error` a case that must stop
with located errors only.
"""

from __future__ import annotations

import io
import re
import tempfile
import unicodedata
import zipfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pypandoc
import pytest
from lxml import etree

from reportgen.errors import ReportError
from reportgen.load.project import Project
from reportgen.pipeline import load_model
from reportgen.renderers.docx import render_docx
from reportgen.renderers.html import HtmlRenderer

from .conftest import ROOT, write_project
from .ooxml_schema import assert_valid_docx

CORPUS = Path(__file__).parent / "corpus"


def cases() -> list[tuple[str, str, str]]:
    """(id, marker, text) of every case: marker is '', 'error' or 'unsupported: X'."""
    out = []
    for path in sorted(CORPUS.glob("*.md")):
        for chunk in re.split(r"^%%% ", path.read_text(encoding="utf-8"), flags=re.MULTILINE)[1:]:
            header, _, text = chunk.partition("\n")
            title, _, marker = header.partition(" | ")
            out.append((f"{path.stem}: {title.strip()}", marker.strip(), text))
    return out


CASES = cases()


def words(text: str) -> Counter:
    return Counter(re.findall(r"\w+", unicodedata.normalize("NFKC", text).casefold()))


@cache
def pandoc_texts() -> dict[str, str]:
    """Pandoc's plain text of every case, converted two at a time."""
    def convert(text: str) -> str:
        text = re.sub(r"<br\s*/?>", " <br> ", text)  # Pandoc drops the tag and joins the words around it
        return pypandoc.convert_text(text, "plain", format="markdown", extra_args=["--wrap=none"])
    with ThreadPoolExecutor(2) as pool:
        return dict(zip((c[0] for c in CASES), pool.map(convert, (c[2] for c in CASES)), strict=True))


def pandoc_words(text: str) -> Counter:
    """The words of Pandoc's output that reportgen must keep: not citation keys or cross-references
    (they become notes and numbers), note calls `[1]` or list markers (Word numbers them), attribute
    sets `{...}` (reportgen reads them) or the brackets Pandoc puts around a sub- or superscript."""
    text = re.sub(r"-?@(?:\{[^{}]*\}|[\w:.#$%&+?<>~/-]*\w)", " ", text)
    text = re.sub(r"\{(?:[#.-][^{}]*|[^{}]*=[^{}]*|\w+)\}", " ", text)
    text = re.sub(r"[_^]\(", "", text)
    text = re.sub(r"\[\d+\]", " ", text)
    text = re.sub(r"^\s*(?:\(?(?:\d+|[A-Za-z]|[ivxlcdmIVXLCDM]+)[.)]|[-*+•])[ \t]+", " ", text, flags=re.MULTILINE)
    return words(text)


class _HtmlText(HTMLParser):
    """The text of the report's body as a reader sees it, with the alt text of images."""

    BREAKS = {"p", "br", "li", "td", "th", "tr", "div", "section", "h1", "h2", "h3", "h4", "h5", "h6", "pre",
              "blockquote", "dt", "dd"}

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in ("style", "script", "head"):
            self.skip += 1
        if tag in self.BREAKS or "fn" in (attributes.get("class") or "").split():
            self.parts.append(" ")
        if tag == "img":
            self.parts.append(f" {attributes.get('alt', '')} ")

    def handle_endtag(self, tag):
        if tag in ("style", "script", "head"):
            self.skip -= 1
        if tag in self.BREAKS or tag == "span":
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_text(html: str) -> str:
    body = html[html.find('<section class="report-section'):]
    parser = _HtmlText()
    parser.feed(body)
    return "".join(parser.parts)


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_text(data: bytes) -> str:
    """The text of the DOCX's body and notes, with the descriptions of pictures."""
    parts: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in ("word/document.xml", "word/footnotes.xml", "word/endnotes.xml"):
            if name not in archive.namelist():
                continue
            for element in etree.fromstring(archive.read(name)).iter():
                if element.tag == W + "t":
                    parts.append(element.text or "")
                elif element.tag in (W + "br", W + "tab", W + "p", W + "tc", W + "footnoteReference",
                                     W + "endnoteReference"):  # a note's call separates words as its number
                    parts.append(" ")
                elif etree.QName(element).localname == "docPr":
                    parts.append(f" {element.get('descr', '')} ")
    return "".join(parts)


def write_png(path: Path) -> None:
    from PIL import Image

    Image.new("RGB", (40, 30), "teal").save(path)


def build_case(text: str, root: Path):
    """The case loaded as the only section of a project: the model, or the ReportError."""
    write_project(root, {"sections/01.md": text, "references.bib": (CORPUS / "corpus.bib").read_text()})
    write_png(root / "sections" / "logo.png")
    try:
        return load_model(Project.at(root))
    except ReportError as error:
        return error


def test_the_corpus_is_big_enough():
    assert len(CASES) >= 200
    assert len({c[0] for c in CASES}) == len(CASES), "case titles are unique"


@pytest.mark.parametrize("name, marker, text", CASES, ids=[c[0] for c in CASES])
def test_case_builds_and_keeps_pandocs_words(name, marker, text, tmp_path):
    result = build_case(text, tmp_path)
    if isinstance(result, ReportError):
        assert marker == "error", f"{name} did not load:\n{result}"
        for problem in result.problems:
            assert problem.source and problem.source.line >= 1, problem
        return
    assert marker != "error", f"{name} was expected to stop with errors"
    html = HtmlRenderer(result, tmp_path / "templates").render()
    docx = render_docx(result, tmp_path / "templates", tmp_path)
    assert_valid_docx(docx)
    if marker.startswith("unsupported: "):
        assert marker.removeprefix("unsupported: ") in README_UNSUPPORTED(), f"{marker} is not in the README"
        return
    expected = pandoc_words(pandoc_texts()[name])
    for view, text_of in (("HTML", html_text(html)), ("DOCX", docx_text(docx))):
        lost = expected - words(text_of)
        assert not lost, f"{name}: the {view} lost {dict(lost)}"


@cache
def README_UNSUPPORTED() -> str:  # noqa: N802
    """The README's list of what of Pandoc's Markdown reportgen does not support."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.find("Not supported")
    assert start >= 0, "the README lists what is not supported under 'Not supported'"
    return text[start:text.find("\n#", start)]


def unique_ids(text: str, case: int) -> str:
    """A case's explicit identifiers and the links and cross-references to them, made unique across
    the report."""
    for ident in set(re.findall(r"\{#([^\s}]+)", text)):
        for written in {ident, quote(ident)}:
            text = re.sub("([{(]#)" + re.escape(written) + r"(?=[\s})])", rf"\g<1>{ident}-{case}", text)
        for written in {ident, ident[:1].upper() + ident[1:]}:  # @sec-x, @Sec-x
            text = re.sub("(?<=@)" + re.escape(written) + r"(?![\w-])", f"{written}-{case}", text)
    return text


def test_the_whole_corpus_makes_one_pdf(tmp_path):
    """Every case that loads, as the sections of one report, laid out by WeasyPrint."""
    from reportgen.pipeline import build

    sections = {}
    for i, (_, marker, text) in enumerate(CASES):
        if marker != "error":
            with tempfile.TemporaryDirectory() as scratch:
                if isinstance(build_case(text, Path(scratch)), ReportError):
                    continue
            sections[f"sections/{i:03}.md"] = unique_ids(text, i)
    write_project(tmp_path, {**sections, "references.bib": (CORPUS / "corpus.bib").read_text()})
    write_png(tmp_path / "sections" / "logo.png")
    written, _ = build(tmp_path, ("pdf",), force=True)
    assert written[0].stat().st_size > 0


def test_a_word_wider_than_the_line_leaves_the_other_columns_their_words():
    """Pandoc's test 3734: a 72-letter word made every column narrower, and 'bbbbb' broke in the header."""
    from reportgen import model as m
    from reportgen.errors import Source
    from reportgen.renderers.tables import LINE, PADDING, column_widths, longest_word

    def cells(*texts):
        return tuple(m.TableCell((m.Text(t),) if t else ()) for t in texts)

    table = m.Table(cells("aaaaaaaaaaaa", "bbbbb", "ccccccccccc"), (cells("aaaaaaaaaaaa", "", "c" * 72),),
                    Source("sections/01.md", 1))
    widths = column_widths(table)
    assert widths[0] * LINE >= PADDING + longest_word("aaaaaaaaaaaa", True)
    assert widths[1] * LINE >= PADDING + longest_word("bbbbb", True)
    assert abs(sum(widths) - 1) < 1e-9
