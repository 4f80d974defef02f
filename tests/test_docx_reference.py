"""Any reference.docx works: pandoc's, one saved by Word or LibreOffice, one that lacks its page setup,
header, footer or styles. What is missing comes from reportgen's own reference, with a warning per piece."""

from __future__ import annotations

import io
import subprocess

import docx
import pytest
from docx.oxml.ns import qn

from reportgen.errors import Problems
from reportgen.load.project import Project
from reportgen.pipeline import build, load_model
from reportgen.renderers.docx import render_docx
from reportgen.resources import TEMPLATES

from .docx_inspect import NS, Docx, w
from .libreoffice import convert

BUILTIN = TEMPLATES / "reference.docx"
WARNING = "templates/reference.docx: warning: "
SECTION = "# Intro\n\nText.^[A note.]\n"
REVIEW = "Exampleland – 41st session of the UPR Working Group, 4th cycle"


def edited_reference(edit) -> bytes:
    """reportgen's own reference document after `edit(document)`, as a project's file."""
    document = docx.Document(str(BUILTIN))
    edit(document)
    data = io.BytesIO()
    document.save(data)
    return data.getvalue()


def render_with(project, reference: bytes) -> tuple[Docx, list[str]]:
    folder = project({"templates/reference.docx": reference, "sections/01.md": SECTION})
    problems = Problems()
    data = render_docx(load_model(Project.at(folder)), folder / "templates", folder, problems=problems)
    return Docx(data), [str(p) for p in problems.items]


def section_properties(document: Docx):
    return document.document.find("w:body/w:sectPr", NS)


def parts_of(document: Docx, kind: str) -> dict[str, object]:
    """The body's headers or footers by type (default, first, even), as parsed XML."""
    rels = {r.get("Id"): r.get("Target") for r in document.xml("word/_rels/document.xml.rels")}
    return {ref.get(w("type")): document.xml("word/" + rels[ref.get(f"{{{NS['r']}}}id")])
            for ref in section_properties(document).findall(f"w:{kind}Reference", NS)}


def page_fields(part) -> list[str]:
    return [" ".join(t.text.split()) for t in part.iter(w("instrText"))]


def text_of(part) -> str:
    return "".join(t.text or "" for t in part.iter(w("t")))


def assert_page_setup(document: Docx, width="11906", height="16838", margins=("1417",) * 4) -> None:
    """Page size and margins (top, bottom, left, right) in twips; by default A4 and 2.5 cm."""
    size, margin = section_properties(document).find("w:pgSz", NS), section_properties(document).find("w:pgMar", NS)
    assert (size.get(w("w")), size.get(w("h"))) == (width, height)
    assert tuple(margin.get(w(side)) for side in ("top", "bottom", "left", "right")) == margins


def assert_numbered_pages(document: Docx) -> None:
    """Every footer the pages show has the live page number; the first page has no running header."""
    footers = parts_of(document, "footer")
    shown = ["default", "first"] if section_properties(document).find("w:titlePg", NS) is not None else ["default"]
    for kind in shown:
        assert page_fields(footers[kind]) == ["PAGE", "NUMPAGES"], kind
        assert " / " in text_of(footers[kind])
    headers = parts_of(document, "header")
    assert REVIEW in text_of(headers["default"])
    assert "first" in headers and REVIEW not in text_of(headers["first"])


def test_reportgens_own_reference_needs_nothing(project):
    document, warnings = render_with(project, BUILTIN.read_bytes())
    assert warnings == []
    assert_page_setup(document)
    assert_numbered_pages(document)


def _remove(document, path: str) -> None:
    body = document.element.body
    for element in body.findall(path, NS):
        element.getparent().remove(element)


def test_a_reference_without_section_properties(project):
    document, warnings = render_with(project, edited_reference(lambda d: _remove(d, "w:sectPr")))
    assert warnings == [
        WARNING + "no section properties (page size, margins): A4, 2.5 cm margins as in reportgen's reference",
        WARNING + "no header: the running header added from page 2, as in reportgen's reference",
        WARNING + "no footer: page numbers added"]
    assert_page_setup(document)
    assert_numbered_pages(document)


def test_a_reference_without_page_size(project):
    document, warnings = render_with(project, edited_reference(lambda d: _remove(d, "w:sectPr/w:pgSz")))
    assert warnings == [WARNING + "no page size: A4 as in reportgen's reference"]
    assert_page_setup(document)


def test_a_reference_without_margins(project):
    document, warnings = render_with(project, edited_reference(lambda d: _remove(d, "w:sectPr/w:pgMar")))
    assert warnings == [WARNING + "no page margins: as in reportgen's reference (2.5 cm)"]
    assert_page_setup(document)
    margins = section_properties(document).find("w:pgMar", NS)
    assert (margins.get(w("header")), margins.get(w("footer")), margins.get(w("gutter"))) == ("709", "709", "0")


def test_a_reference_without_headers(project):
    document, warnings = render_with(project, edited_reference(lambda d: _remove(d, "w:sectPr/w:headerReference")))
    assert warnings == [WARNING + "no header: the running header added from page 2, as in reportgen's reference"]
    assert_numbered_pages(document)


def test_a_reference_without_footers_gets_page_numbers(project):
    """The defect: such a reference dropped the page numbers OHCHR requires, without a word."""
    document, warnings = render_with(project, edited_reference(lambda d: _remove(d, "w:sectPr/w:footerReference")))
    assert warnings == [WARNING + "no footer: page numbers added"]
    assert_numbered_pages(document)


def test_a_footer_without_page_number_gets_one(project):
    def plain_footer(document):
        for footer in (document.sections[0].footer, document.sections[0].first_page_footer):
            for paragraph in footer.paragraphs:
                paragraph._p.getparent().remove(paragraph._p)
            footer.add_paragraph("Confidential draft")
    document, warnings = render_with(project, edited_reference(plain_footer))
    assert warnings == [WARNING + "a footer has no page number: page numbers added"]
    assert_numbered_pages(document)
    assert all(text_of(f).startswith("Confidential draft") for f in parts_of(document, "footer").values())


def test_page_numbers_in_the_header_are_enough(project):
    def numbers_on_top(document):
        _remove(document, "w:sectPr/w:footerReference")
        for header in (document.sections[0].header, document.sections[0].first_page_header):
            header.add_paragraph().add_run().text = ""
            paragraph = header.paragraphs[-1]
            paragraph._p.append(paragraph._p.makeelement(qn("w:fldSimple"), {qn("w:instr"): " PAGE "}))
    document, warnings = render_with(project, edited_reference(numbers_on_top))
    assert warnings == []
    assert parts_of(document, "footer") == {}


def test_a_reference_without_some_styles(project):
    def drop_styles(document):
        for name in ("Footnote Text", "Heading 2", "Cover Kind"):
            document.styles[name].delete()
    document, warnings = render_with(project, edited_reference(drop_styles))
    assert warnings == [WARNING + "styles missing, added with reportgen's look: Heading 2, Cover Kind, Footnote Text"]
    for name in ("Footnote Text", "Heading 2", "Cover Kind"):
        document.style_id(name)


def test_a_reference_saved_by_word(project):
    """python-docx's default template was saved by Word for Mac: Letter paper, Word's lower-case
    style names, no header or footer, none of reportgen's own styles."""
    data = io.BytesIO()
    docx.Document().save(data)
    document, warnings = render_with(project, data.getvalue())
    assert warnings[0].startswith(WARNING + "styles missing, added with reportgen's look: Numbered Paragraph, ")
    assert "Heading 1," not in warnings[0]  # Word's "heading 1" is found
    assert warnings[1:] == [WARNING + "no header: the running header added from page 2, as in reportgen's reference",
                            WARNING + "no footer: page numbers added"]
    assert_page_setup(document, "12240", "15840", ("1440", "1440", "1800", "1800"))  # the reference's own page is kept
    assert_numbered_pages(document)


def test_pandocs_default_reference_document(project):
    """The defect: it has no page size or margins, and the build died with a TypeError."""
    pypandoc = pytest.importorskip("pypandoc", reason="pypandoc-binary ships pandoc and its reference.docx")
    reference = subprocess.run([pypandoc.get_pandoc_path(), "--print-default-data-file", "reference.docx"],
                               capture_output=True, check=True).stdout
    document, warnings = render_with(project, reference)
    assert warnings[:2] == [WARNING + "no page size: A4 as in reportgen's reference",
                            WARNING + "no page margins: as in reportgen's reference (2.5 cm)"]
    assert warnings[2].startswith(WARNING + "styles missing, added with reportgen's look: Numbered Paragraph, ")
    assert warnings[3:] == [WARNING + "no header: the running header added from page 2, as in reportgen's reference",
                            WARNING + "no footer: page numbers added"]
    assert_page_setup(document)
    assert_numbered_pages(document)
    assert "word/comments.xml" not in document.files  # pandoc's sample comment went with its text
    heading = document.style_by_id["Heading1"]
    assert heading.find("w:rPr/w:color", NS) is not None  # pandoc's look is kept


def test_a_reference_saved_by_libreoffice(project, tmp_path):
    (tmp_path / "reference.docx").write_bytes(BUILTIN.read_bytes())
    saved, = convert([tmp_path / "reference.docx"], "docx", tmp_path / "saved", "it saves the reference document")
    document, warnings = render_with(project, saved.read_bytes())
    assert warnings == []  # LibreOffice keeps every piece, under Word's names
    assert_page_setup(document)
    assert_numbered_pages(document)


def test_the_build_reports_what_the_reference_lacked(project):
    folder = project({"templates/reference.docx": edited_reference(lambda d: _remove(d, "w:sectPr/w:footerReference")),
                      "sections/01.md": SECTION})
    built = build(folder, ("docx",))
    assert built.warnings == [WARNING + "no footer: page numbers added"]
