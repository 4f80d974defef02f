"""Accessible outputs: the PDF is tagged PDF/UA-1 (and PDF/A-3b with `pdf_archive: true`), checked
with the `pdfua` checker and by reading its structure tree; the DOCX has what Word's accessibility
checker looks for. An image without alternative text is a `check` warning."""

from __future__ import annotations

import re
import struct
import zlib

import pytest
from lxml import html as lxml_html

from reportgen.pipeline import build

from .conftest import MINIMAL_CONFIG, ROOT, write_project
from .docx_inspect import NS, Docx, w

pikepdf = pytest.importorskip("pikepdf", reason="pikepdf (with the pdfua checker) reads the PDF's structure")
pdfua = pytest.importorskip("pdfua", reason="the pdfua checker validates the PDF against PDF/UA-1")
from . import pdf_structure  # noqa: E402 (needs pikepdf)

SECTION = """\
# Introduction {#intro}

The State has made progress.^[A note, with a [link](https://example.org/note).] See [the table](#figures).

## Figures {#figures}

| Year | Cases |
|------|------:|
| 2010 | 12    |
| 2011 | 15    |

![A red dot marking the capital](../images/dot.png)

- a first point
- a second point

a) lettered
b) lettered too
"""
# the checker's heuristic that wants /Scope on header cells: WeasyPrint ties each data cell to its
# headers by /Headers and /IDs instead, which ISO 14289-1 §7.5 accepts (the structure tests check it)
TOLERATED = {"UA-15-003"}


def png(width: int = 4, height: int = 3) -> bytes:
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def built(folder, config: str = MINIMAL_CONFIG, section: str = SECTION) -> dict[str, bytes]:
    root = write_project(folder, {"report/report.yaml": config, "sections/01.md": section, "images/dot.png": png()})
    result = build(root, ("pdf", "html", "docx"), root / "build")
    files = {path.suffix: path for path in result.files}
    return {"pdf": files[".pdf"], "html": files[".html"].read_text(), "docx": files[".docx"].read_bytes(),
            "warnings": result.warnings}


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return built(tmp_path_factory.mktemp("accessible"))


@pytest.fixture(scope="module")
def archived(tmp_path_factory):
    return built(tmp_path_factory.mktemp("archived"), MINIMAL_CONFIG + "pdf_archive: true\n")


def elements(node, role: str | None = None):
    """The structure elements under `node`, depth first, of `role` if given."""
    kids = node.get("/K")
    for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]):
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem":
            if role is None or role == kid.S:
                yield kid
            yield from elements(kid, role)


def assert_checker_passes(path) -> None:
    """The `pdfua` checker and veraPDF's structure rules (`pdf_structure`) find nothing."""
    result = pdfua.validate(str(path))
    failed = [(f.rule_id, f.message) for f in result.findings if f.rule_id not in TOLERATED]
    assert failed == []
    assert {o.rule_id for o in result.skipped} <= {"UA-14-001"}  # pdfua 0.1.3 fails on array /K: pdf_structure
    assert pdf_structure.findings(path) == []


def test_the_pdf_passes_the_pdfua_checks(report):
    assert_checker_passes(report["pdf"])


def test_the_examples_pdf_passes_the_pdfua_checks(tmp_path):
    """Bullet lists were tagged with their paragraphs right inside the list item (veraPDF 7.2-20)."""
    result = build(ROOT, ("pdf",), tmp_path)
    assert_checker_passes(result.files[0])


def test_the_pdf_is_tagged_with_language_title_headings_lists_tables_links_and_alt_text(report):
    with pikepdf.open(report["pdf"]) as pdf:
        assert str(pdf.Root.Lang) == "en" and pdf.Root.MarkInfo.Marked is True
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True  # the title bar shows the title
        assert str(pdf.docinfo.Title) == "A test report"
        assert b"pdfuaid:part" in pdf.Root.Metadata.read_bytes()
        tree = pdf.Root.StructTreeRoot
        headings = [str(e.S)[1:].lower() for e in elements(tree) if re.fullmatch(r"/H[1-6]", str(e.S))]
        assert headings == [h.tag for h in lxml_html.fromstring(report["html"]).iter("h1", "h2", "h3", "h4")]
        lists = list(elements(tree, "/L"))
        items = [item for lst in lists for item in elements(lst, "/LI")]
        assert len(lists) == 2 and len(items) == 4
        assert all({str(kid.S) for kid in item.K} == {"/LBody"} for item in items)
        table, = elements(tree, "/Table")
        header_ids = {str(th.ID) for th in elements(table, "/TH")}
        cells = list(elements(table, "/TD"))
        assert len(header_ids) == 2 and len(cells) == 4
        assert all({str(h) for h in td.A.Headers} <= header_ids and len(td.A.Headers) == 1 for td in cells)
        figure, = elements(tree, "/Figure")
        assert str(figure.Alt) == "A red dot marking the capital"
        links = list(elements(tree, "/Link"))
        assert len(links) == 2 and all(any(isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/OBJR"
                                           for k in link.K) for link in links)


def test_an_archival_pdf_is_pdfa_3b_and_still_pdfua(archived):
    assert_checker_passes(archived["pdf"])
    with pikepdf.open(archived["pdf"]) as pdf:
        xmp = pdf.Root.Metadata.read_bytes().decode()
        assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="B"' in xmp and 'pdfuaid:part="1"' in xmp
        assert "<pdfaExtension:schemas>" in xmp and "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>" in xmp
        intent, = pdf.Root.OutputIntents
        assert intent.S == "/GTS_PDFA1" and "/DestOutputProfile" in intent
        fonts = [f for page in pdf.pages for f in page.Resources.Font.values()]
        descriptors = [f.DescendantFonts[0].FontDescriptor if "/DescendantFonts" in f else f.FontDescriptor
                       for f in fonts]
        assert fonts and all({"/FontFile", "/FontFile2", "/FontFile3"} & set(d.keys()) for d in descriptors)
        assert list(elements(pdf.Root.StructTreeRoot, "/Figure"))


def test_an_image_without_alternative_text_is_a_warning_not_a_failed_build(tmp_path):
    result = built(tmp_path, section="# Intro\n\nText.\n\n![](../images/dot.png)\n")
    assert [w for w in result["warnings"] if "alternative text" in w] == [
        "PDF: image 'images/dot.png' has no alternative text: screen readers cannot say what it shows (PDF/UA)"]


def test_the_docx_has_what_words_accessibility_checker_looks_for(report):
    document = Docx(report["docx"])
    heading_styles = {}
    for _label, text, p in document.labels():
        if text in ("Introduction", "Figures"):
            chain = list(document.style_chain(document.paragraph_style(p)))
            heading_styles[text] = next(s.find("w:pPr/w:outlineLvl", NS).get(w("val")) for s in chain
                                        if s.find("w:pPr/w:outlineLvl", NS) is not None)
    assert heading_styles == {"Introduction": "0", "Figures": "1"}  # Word's navigation pane and headings list
    table = document.document.find(".//w:tbl", NS)
    assert table.find("w:tr/w:trPr/w:tblHeader", NS) is not None  # repeated on each page, read as the header
    look = table.find("w:tblPr/w:tblLook", NS)
    assert (look.get(w("firstRow")), look.get(w("firstColumn"))) == ("1", "0")
    assert document.document.find(".//{*}docPr", NS).get("descr") == "A red dot marking the capital"
    core = {child.tag.split("}")[1]: child.text for child in document.xml("docProps/core.xml")}
    assert core["title"] == "A test report" and core["language"] == "en-GB"
    language = document.styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert language.get(w("val")) == "en-GB"
