"""The DOCX as Word itself writes one: Word 2013+ compatibility, honest statistics, a complete font
table, theme fonts that are the report's, no unused list definitions, a paragraph after a closing
table."""

from __future__ import annotations

import re
import subprocess

import pytest

from reportgen.load.project import Project
from reportgen.pipeline import Session, build, load_model
from reportgen.renderers.docx import render_docx

from .conftest import ROOT
from .docx_inspect import NS, Docx, w

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
EP = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"


@pytest.fixture(scope="module")
def example(example_model) -> Docx:
    return Docx(render_docx(example_model, ROOT / "templates", ROOT))


def app_properties(document: Docx) -> dict[str, str]:
    return {child.tag.removeprefix(EP): child.text for child in document.xml("docProps/app.xml")}


def test_word_opens_it_without_compatibility_mode(example):
    settings = example.xml("word/settings.xml")
    modes = [s.get(w("val")) for s in settings.iterfind("w:compat/w:compatSetting", NS)
             if s.get(w("name")) == "compatibilityMode"]
    assert modes == ["15"]  # Word 2013 and later; 14 made Word 365 show "[Compatibility Mode]"
    assert settings.find("w:zoom", NS).get(w("percent")) == "100"  # required by the schema


def test_statistics_name_reportgen_and_leave_out_what_is_not_known(example_model):
    counted = Docx(render_docx(example_model, ROOT / "templates", ROOT, words=1234))
    assert app_properties(counted) == {"Application": "reportgen", "DocSecurity": "0", "Words": "1234"}
    plain = Docx(render_docx(example_model, ROOT / "templates", ROOT))
    assert app_properties(plain) == {"Application": "reportgen", "DocSecurity": "0"}  # no 1 page, 0 words


def test_a_build_gives_the_checkers_words_and_the_pdfs_pages(tmp_path):
    built = build(ROOT, ("pdf", "docx"), tmp_path)
    pdf, docx_file = sorted(built.files, key=lambda path: path.suffix != ".pdf")
    pages = re.search(r"^Pages:\s+(\d+)$", subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                                                           check=True).stdout, re.M).group(1)
    with Session(ROOT, tmp_path / "check", pdf=False) as session:
        words = session.check(session.load()).words.counted
    assert app_properties(Docx(docx_file.read_bytes())) == {
        "Application": "reportgen", "DocSecurity": "0", "Words": str(words), "Pages": pages}


def test_a_closing_table_is_followed_by_a_paragraph(project):
    folder = project({"sections/01.md": "# Intro\n\n| Year | Cases |\n|------|-------|\n| 2010 | 12 |\n"})
    document = Docx(render_docx(load_model(Project.at(folder)), folder / "templates", folder))
    blocks = [child for child in document.document.find("w:body", NS) if child.tag != w("sectPr")]
    assert [b.tag for b in blocks[-2:]] == [w("tbl"), w("p")]
    assert document.paragraph_style(blocks[-1]) == document.style_id("Body Text")


def fonts_named(document: Docx) -> set[str]:
    names = set()
    for part in ("word/styles.xml", "word/document.xml", "word/numbering.xml"):
        for rfonts in document.xml(part).iter(w("rFonts")):
            names |= {rfonts.get(w(a)) for a in ("ascii", "hAnsi", "cs", "eastAsia") if rfonts.get(w(a))}
    return names


def test_the_font_table_names_every_font_used_and_no_other(project):
    folder = project({"sections/01.md": "# Intro\n\nSome `code`.\n"})
    document = Docx(render_docx(load_model(Project.at(folder)), folder / "templates", folder))
    table = {font.get(w("name")): font for font in document.xml("word/fontTable.xml").findall("w:font", NS)}
    assert set(table) == fonts_named(document) == {"Times New Roman", "Courier New"}
    courier = table["Courier New"]
    family, pitch = courier.find("w:family", NS).get(w("val")), courier.find("w:pitch", NS).get(w("val"))
    assert (family, pitch) == ("modern", "fixed")


def test_theme_fonts_are_the_reports_fonts(example):
    """Normal takes the theme's body font and headings its heading font, both the report's font, so
    that Word's Design > Fonts restyles the report."""
    scheme = example.xml("word/theme/theme1.xml").find(f".//{A}fontScheme")
    assert {scheme.find(f"{A}{kind}Font/{A}latin").get("typeface") for kind in ("major", "minor")} == {
        "Times New Roman"}
    defaults = example.styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", NS)
    assert (defaults.get(w("asciiTheme")), defaults.get(w("ascii"))) == ("minorHAnsi", "Times New Roman")
    for style, theme in (("Normal", "minorHAnsi"), ("Heading1", "majorHAnsi"), ("Title", "majorHAnsi")):
        rfonts = example.style_by_id[style].find("w:rPr/w:rFonts", NS)
        assert (rfonts.get(w("asciiTheme")), rfonts.get(w("hAnsiTheme"))) == (theme, theme), style


def assert_all_numbering_used(document: Docx) -> None:
    used = set()
    for name in document.files:
        if name.startswith("word/") and name.endswith(".xml") and name != "word/numbering.xml":
            used |= {n.get(w("val")) for n in document.xml(name).iter(w("numId"))}
    nums = {num.get(w("numId")): num.find("w:abstractNumId", NS).get(w("val"))
            for num in document.numbering.findall("w:num", NS)}
    assert set(nums) <= used and nums
    assert {a.get(w("abstractNumId")) for a in document.numbering.findall("w:abstractNum", NS)} == set(nums.values())


def test_no_unused_list_definitions(example, example_model, tmp_path):
    assert_all_numbering_used(example)
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "reference.docx").write_bytes(example.data)  # its own lists are not carried over
    again = Docx(render_docx(example_model, templates, ROOT))
    assert_all_numbering_used(again)
    assert len(again.numbering.findall("w:num", NS)) == len(example.numbering.findall("w:num", NS))
